package main

import (
	"bufio"
	"fmt"
	"io"
	"math/bits"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parnum/parnum/bench"
)

// write writes report.md, report.csv and, unless quick, the plots into
// s.out, and a summary on standard output.
func (r *results) write(s settings) error {
	if err := os.MkdirAll(s.out, 0o755); err != nil {
		return err
	}
	var plots []string
	if !s.quick {
		var err error
		if plots, err = r.plot(s); err != nil {
			return err
		}
	}
	if err := writeFile(filepath.Join(s.out, "report.md"), func(w io.Writer) { r.markdown(w, s, plots) }); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(s.out, "report.csv"), r.csv); err != nil {
		return err
	}
	r.text(os.Stdout, s)
	where := filepath.Join(s.out, "report.md")
	if abs, err := filepath.Abs(where); err == nil {
		where = abs
	}
	fmt.Printf("\nWrote %s", where)
	if len(plots) > 0 {
		fmt.Printf(", report.csv and %d plots there.\n", len(plots))
	} else {
		fmt.Printf(" and report.csv there.\n")
	}
	return nil
}

func writeFile(name string, f func(io.Writer)) error {
	file, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(file)
	f(w)
	if err := w.Flush(); err != nil {
		file.Close()
		return err
	}
	return file.Close()
}

// pow2 writes n as 2^k when it is a power of two.
func pow2(n int) string {
	if n > 0 && n&(n-1) == 0 {
		return fmt.Sprintf("2^%d", bits.TrailingZeros(uint(n)))
	}
	return fmt.Sprint(n)
}

// round keeps three significant digits of d.
func round(d time.Duration) time.Duration {
	for unit := time.Duration(1); ; unit *= 10 {
		if d < 1000*unit {
			return d.Round(unit)
		}
	}
}

func (sp spread) String() string {
	return fmt.Sprintf("%s× (%s–%s)", num(sp.med), num(sp.lo), num(sp.hi))
}

// num writes a ratio with two or three significant digits.
func num(x float64) string {
	switch {
	case x >= 10:
		return fmt.Sprintf("%.0f", x)
	case x >= 0.1:
		return fmt.Sprintf("%.2f", x)
	default:
		return fmt.Sprintf("%.3f", x)
	}
}

// implOrder is the order of the implementations in tables and plots.
var implOrder = []string{bench.Seq, bench.Parnum, bench.ParnumBlocks, bench.WaitGroup, bench.Errgroup, bench.Conc}

// implNames returns the names of the implementations of cs, in implOrder.
func implNames(cs []comparison) []string {
	var names []string
	for _, name := range implOrder {
		for _, c := range cs {
			if _, ok := c.get(name); ok {
				names = append(names, name)
				break
			}
		}
	}
	return names
}

// throughput returns what one call of c's op on c.n elements in time t
// moves: GB/s, or for a compute-bound op millions of elements per second,
// with the unit.
func throughput(op bench.Op, n int, t time.Duration) (float64, string) {
	if op.Compute {
		return float64(n) / t.Seconds() / 1e6, "M elem/s"
	}
	return float64(op.Bytes*n) / t.Seconds() / 1e9, "GB/s"
}

// share returns the throughput of t over the ceiling of c's op with c's
// workers, as a percentage: of the median round, and in brackets of the
// fastest round, which is how STREAM itself reports (the best of its
// repetitions); "" when there is no ceiling. On a machine whose bandwidth
// moves within the minute, a median against a best understates the share.
func (r *results) share(c comparison, t timing) string {
	med, best, ok := r.shares(c, t)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%.0f%% (%.0f%%)", 100*med, 100*best)
}

// shares returns the throughput of t's median and fastest round over the
// ceiling of c's op with c's workers, and whether there is a ceiling.
func (r *results) shares(c comparison, t timing) (med, best float64, ok bool) {
	if c.op.Compute {
		return 0, 0, false
	}
	ceil := r.ceil.of(c.op.Kernel, c.workers)
	if ceil == 0 {
		return 0, 0, false
	}
	gm, _ := throughput(c.op, c.n, t.median())
	gb, _ := throughput(c.op, c.n, t.best())
	return gm / ceil, gb / ceil, true
}

// target is one of the targets that the report can check by
// itself (the others need the peers: see bench/peers).
type target struct {
	what     string
	measured string // a speedup's spread, or a share
	ok       bool
}

// targets checks the targets on the comparisons that were run.
func (r *results) targets() []target {
	var ts []target
	for _, c := range r.compare {
		par, _ := c.get(bench.Parnum)
		seq := c.ts[0]
		if c.op.Name == "MapExp" && c.n == 1<<20 {
			for _, name := range []string{bench.Parnum, bench.ParnumBlocks} {
				p, ok := c.get(name)
				if !ok {
					continue
				}
				sp := ratio(p, seq)
				ts = append(ts, target{fmt.Sprintf("MapExp 2^20: %s at least 1.8× sequential", name), sp.String(), sp.med >= 1.8})
				for _, other := range []string{bench.WaitGroup, bench.Conc} {
					if o, ok := c.get(other); ok {
						sp := ratio(p, o)
						ts = append(ts, target{fmt.Sprintf("MapExp 2^20: %s ahead of %s", name, other), sp.String(), sp.med > 1})
					}
				}
			}
		}
		if c.n == 1<<24 && par.impl != "" && streamTarget[c.op.Name] {
			if med, best, ok := r.shares(c, par); ok {
				ts = append(ts, target{fmt.Sprintf("%s 2^24: at least 90%% of the STREAM ceiling", c.op.Name),
					fmt.Sprintf("%.0f%% (fastest round %.0f%%)", 100*med, 100*best), med >= 0.9})
			}
		}
		if c.n == 1<<10 && par.impl != "" {
			sp := ratio(par, seq)
			ts = append(ts, target{fmt.Sprintf("%s 2^10: parnum within 10%% of sequential (at least 0.91×)", c.op.Name), sp.String(), sp.med >= 1/1.1})
		}
	}
	return ts
}

// streamTarget are the operations whose throughput at 2^24 has a target
// share of the STREAM ceiling.
var streamTarget = map[string]bool{"AddTo": true, "AddScaled": true, "Sum": true, "Dot": true}

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

// markdown writes the full report.
func (r *results) markdown(w io.Writer, s settings, plots []string) {
	mode := "full"
	if s.quick {
		mode = "quick (-quick)"
	}
	fmt.Fprintf(w, "# parnum report\n\n")
	fmt.Fprintf(w, "- date: %s\n", r.start.UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "- machine: %s\n", bench.Machine())
	fmt.Fprintf(w, "- mode: %s; %d rounds, samples of at least %v; measured in %s\n",
		mode, s.rounds, s.sample, r.elapsed.Round(time.Second))
	for _, n := range r.notes {
		fmt.Fprintf(w, "- note: %s\n", n)
	}

	fmt.Fprintf(w, "\n## Memory-bandwidth ceiling\n\n")
	fmt.Fprintf(w, "STREAM's kernels in GB/s (8 bytes per element read or written), best of %d repetitions on arrays of %s elements. Go: gonum's kernels on near-equal pieces, a goroutine each; C: cstream/stream.c, gcc -O3 -march=native -ffast-math -fopenmp.\n\n", s.streamReps, pow2(s.streamN))
	fmt.Fprintf(w, "| threads | source | copy | triad | sum | dot |\n|---:|---|---:|---:|---:|---:|\n")
	for _, c := range r.ceil {
		fmt.Fprintf(w, "| %d | %s |", c.threads, c.source)
		for _, k := range kernels {
			fmt.Fprintf(w, " %.1f |", c.gbs[k])
		}
		fmt.Fprintln(w)
	}

	names := implNames(r.compare)
	fmt.Fprintf(w, "\n## Speedup over sequential, %d workers\n\n", s.workers)
	fmt.Fprintf(w, "How many times faster than the sequential code (the `seq` time) each implementation is: the median of the per-round ratios, and the lowest and highest round. Below 1 it is slower.\n\n")
	fmt.Fprintf(w, "| operation | n | seq time |")
	for _, name := range names[1:] {
		fmt.Fprintf(w, " %s |", name)
	}
	fmt.Fprintf(w, "\n|---|---:|---:|%s\n", strings.Repeat("---:|", len(names)-1))
	for _, c := range r.compare {
		seq := c.ts[0]
		fmt.Fprintf(w, "| %s | %s | %v |", c.op.Name, pow2(c.n), round(seq.median()))
		for _, name := range names[1:] {
			if t, ok := c.get(name); ok {
				fmt.Fprintf(w, " %s |", ratio(t, seq))
			} else {
				fmt.Fprintf(w, " — |")
			}
		}
		fmt.Fprintln(w)
	}

	if ts := r.targets(); len(ts) > 0 {
		fmt.Fprintf(w, "\n## Targets this report checks\n\n")
		fmt.Fprintf(w, "The issue's targets that need no other language (the peers check the others). A ratio is how many times faster parnum is, median (lowest–highest round).\n\n")
		fmt.Fprintf(w, "| target | measured | met |\n|---|---:|---|\n")
		for _, t := range ts {
			fmt.Fprintf(w, "| %s | %s | %s |\n", t.what, t.measured, yes(t.ok))
		}
	}

	fmt.Fprintf(w, "\n## Throughput and share of the ceiling, %d workers\n\n", s.workers)
	fmt.Fprintf(w, "Throughput counts the bytes each call reads and writes (8 per element of each slice; a compute-bound operation in elements per second). The share is of the STREAM ceiling of the operation's kernel with as many threads, for the median round and (in brackets) the fastest round, as STREAM reports its own best; in-cache lengths can pass 100%%.\n")
	for _, op := range s.ops {
		fmt.Fprintf(w, "\n### %s: %s\n\n", op.Name, op.Title)
		if op.Compute {
			fmt.Fprintf(w, "Bound by arithmetic: no memory ceiling.\n\n")
		} else {
			fmt.Fprintf(w, "Bound by memory: %d bytes per element; ceiling STREAM %s, %.1f GB/s with %d threads.\n\n",
				op.Bytes, op.Kernel, r.ceil.of(op.Kernel, s.workers), s.workers)
		}
		fmt.Fprintf(w, "| n | impl | time per call | throughput | speedup | share of ceiling (fastest round) |\n|---:|---|---:|---:|---:|---:|\n")
		for _, c := range r.compare {
			if c.op.Name != op.Name {
				continue
			}
			for _, t := range c.ts {
				tp, unit := throughput(op, c.n, t.median())
				fmt.Fprintf(w, "| %s | %s | %v | %.1f %s | %s | %s |\n", pow2(c.n), t.impl, round(t.median()),
					tp, unit, ratio(t, c.ts[0]), r.share(c, t))
			}
		}
	}

	if len(r.sweep) > 0 {
		ws := workerCounts(s.workers)
		fmt.Fprintf(w, "\n## Throughput against workers, n = %s\n\n", pow2(s.sweepN))
		fmt.Fprintf(w, "GOMAXPROCS set to each count in turn (parnum and the Go alternatives read it on every call); GB/s, or M elem/s for a compute-bound operation. The ceiling row is STREAM's with as many threads.\n\n")
		fmt.Fprintf(w, "| operation | impl |")
		for _, n := range ws {
			fmt.Fprintf(w, " %d |", n)
		}
		fmt.Fprintf(w, "\n|---|---|%s\n", strings.Repeat("---:|", len(ws)))
		for _, op := range s.ops {
			for _, name := range implNames(r.sweepOf(op.Name)) {
				fmt.Fprintf(w, "| %s | %s |", op.Name, name)
				for _, c := range r.sweepOf(op.Name) {
					t, _ := c.get(name)
					tp, _ := throughput(op, c.n, t.median())
					fmt.Fprintf(w, " %.1f |", tp)
				}
				fmt.Fprintln(w)
			}
			if !op.Compute {
				fmt.Fprintf(w, "| %s | ceiling (%s) |", op.Name, op.Kernel)
				for _, n := range ws {
					fmt.Fprintf(w, " %.1f |", r.ceil.of(op.Kernel, n))
				}
				fmt.Fprintln(w)
			}
		}
	}

	if len(plots) > 0 {
		fmt.Fprintf(w, "\n## Plots\n\n")
		for _, p := range plots {
			fmt.Fprintf(w, "![%s](%s)\n\n", strings.TrimSuffix(p, ".png"), p)
		}
	}
}

// sweepOf returns the sweep's comparisons of the operation named name, by
// number of workers.
func (r *results) sweepOf(name string) []comparison {
	var cs []comparison
	for _, c := range r.sweep {
		if c.op.Name == name {
			cs = append(cs, c)
		}
	}
	return cs
}

// text writes the summary for the terminal: the ceiling, the speedups and
// the targets.
func (r *results) text(w io.Writer, s settings) {
	fmt.Fprintf(w, "parnum report: %s\n%s\n\n", bench.Machine(), r.start.UTC().Format("2006-01-02 15:04 MST"))
	for _, t := range []int{1, s.workers} {
		fmt.Fprintf(w, "memory ceiling, %d thread(s):", t)
		for _, k := range kernels {
			fmt.Fprintf(w, " %s %.1f", k, r.ceil.of(k, t))
		}
		fmt.Fprintln(w, " GB/s")
		if s.workers == 1 {
			break
		}
	}
	fmt.Fprintln(w)
	names := implNames(r.compare)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "operation\tn\tseq\tparnum\tspeedup\t(min-max)\tthroughput\tof ceiling\t")
	for _, name := range names {
		if name != bench.Seq && name != bench.Parnum {
			fmt.Fprintf(tw, "%s\t", name)
		}
	}
	fmt.Fprintln(tw)
	for _, c := range r.compare {
		seq := c.ts[0]
		par, _ := c.get(bench.Parnum)
		sp := ratio(par, seq)
		tp, unit := throughput(c.op, c.n, par.median())
		fmt.Fprintf(tw, "%s\t%s\t%v\t%v\t%s×\t(%s-%s)\t%.1f %s\t%s\t", c.op.Name, pow2(c.n),
			round(seq.median()), round(par.median()), num(sp.med), num(sp.lo), num(sp.hi), tp, unit, r.share(c, par))
		for _, name := range names {
			if name == bench.Seq || name == bench.Parnum {
				continue
			}
			if t, ok := c.get(name); ok {
				fmt.Fprintf(tw, "%s×\t", num(ratio(t, seq).med))
			} else {
				fmt.Fprint(tw, "—\t")
			}
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	if ts := r.targets(); len(ts) > 0 {
		fmt.Fprintln(w)
		for _, t := range ts {
			mark := "ok  "
			if !t.ok {
				mark = "MISS"
			}
			fmt.Fprintf(w, "%s %s: %s\n", mark, t.what, t.measured)
		}
	}
}

// csv writes every sample: one line per implementation, comparison and
// round.
func (r *results) csv(w io.Writer) {
	fmt.Fprintln(w, "part,op,n,workers,impl,round,ns_per_call")
	for _, part := range []struct {
		name string
		cs   []comparison
	}{{"compare", r.compare}, {"sweep", r.sweep}} {
		for _, c := range part.cs {
			for _, t := range c.ts {
				for i, d := range t.times {
					fmt.Fprintf(w, "%s,%s,%d,%d,%s,%d,%d\n", part.name, c.op.Name, c.n, c.workers, t.impl, i, d.Nanoseconds())
				}
			}
		}
	}
}
