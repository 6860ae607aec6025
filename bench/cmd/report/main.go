// Command report measures parnum against what a Go user would write
// instead, on the machine it runs on, beside that machine's memory-bandwidth
// ceiling, and writes what it found as Markdown tables and PNG plots.
//
// For every operation of the bench package (AddTo, AddScaled, Sum, Dot, the
// map of math.Exp, the fused a*b + c, Variance, CumSum) and every length of
// the ladder 2^10, 2^12, ..., 2^24, it times the sequential code, parnum
// and the Go alternatives (a sync.WaitGroup split, an errgroup with
// SetLimit, sourcegraph/conc) with GOMAXPROCS workers; then, at 2^24
// elements, each with 1, 2, ... GOMAXPROCS workers. The ceiling is measured
// in the same run: STREAM's copy, triad, sum and dot in Go and, if gcc is
// there, in C with OpenMP.
//
// Every comparison is a ratio measured in one run: the implementations are
// timed in turn, one sample each per round (A B C, A B C, ...), so that a
// change in the machine's speed during the run (a noisy neighbour, a
// frequency change) touches all alike. The tables give the median of the
// rounds, and the speedup's lowest and highest round as its spread. Nothing
// else should run on the machine meanwhile.
//
// The full run takes a few minutes on 2 cores (more with more cores), with
// its progress on standard error. -quick is the short form behind make
// demo: seq, parnum and the WaitGroup split at 2^10 and 2^22 (2^20 for the
// map of math.Exp), a smaller ceiling measurement, no plots; well under a
// minute.
//
// Usage:
//
//	go run ./cmd/report [flags]
//
// The flags are:
//
//	-quick
//		the short form (see above)
//	-out dir
//		where report.md, report.csv and the plots go (default out)
//	-rounds n
//		samples of each implementation, in turn (default 7; quick 5)
//	-sample d
//		the least time one sample runs (default 20ms; quick 10ms)
//	-ops list
//		comma-separated operations to run (default all)
//	-sizes list
//		comma-separated powers of two of the lengths (default 10,12,...,24)
//	-sweep k
//		the power of two of the length of the workers sweep; 0 skips it
//		(default 24; quick 0)
//	-stream k
//		the power of two of the STREAM arrays' length (default 25; quick 23)
//	-c=false
//		skip the C STREAM even where gcc is found
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parnum/parnum/bench"
)

// settings are the flags, with the quick defaults applied.
type settings struct {
	quick      bool
	out        string
	rounds     int
	sample     time.Duration
	ops        []bench.Op
	sizes      []int // nil: the default of each operation
	sweepN     int   // 0: no sweep
	streamN    int
	streamReps int
	cStream    bool
	workers    int // GOMAXPROCS at the start
}

func main() {
	s, err := parseFlags()
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(2)
	}
	r := run(s)
	if math.IsNaN(sink) || math.IsInf(sink, 0) {
		fmt.Fprintln(os.Stderr, "report: an implementation returned NaN or Inf")
	}
	if err := r.write(s); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

func parseFlags() (settings, error) {
	quick := flag.Bool("quick", false, "the short form: a few sizes and implementations, no plots")
	out := flag.String("out", "out", "the folder of report.md, report.csv and the plots")
	rounds := flag.Int("rounds", 7, "samples of each implementation, in turn")
	sample := flag.Duration("sample", 20*time.Millisecond, "the least time one sample runs")
	ops := flag.String("ops", "", "comma-separated operations (default all)")
	sizes := flag.String("sizes", "", "comma-separated powers of two of the lengths (default 10,12,...,24)")
	sweep := flag.Int("sweep", 24, "power of two of the length of the workers sweep; 0 skips it")
	stream := flag.Int("stream", 25, "power of two of the STREAM arrays' length")
	cStream := flag.Bool("c", true, "also measure the C STREAM when gcc is found")
	flag.Parse()
	if flag.NArg() > 0 {
		return settings{}, fmt.Errorf("unexpected arguments %q", flag.Args())
	}
	set := map[string]bool{}
	flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
	s := settings{
		quick: *quick, out: *out, rounds: *rounds, sample: *sample,
		sweepN: *sweep, streamN: *stream, streamReps: 10, cStream: *cStream,
		workers: runtime.GOMAXPROCS(0),
	}
	if s.quick {
		if !set["rounds"] {
			s.rounds = 5
		}
		if !set["sample"] {
			s.sample = 10 * time.Millisecond
		}
		if !set["sweep"] {
			s.sweepN = 0
		}
		if !set["stream"] {
			s.streamN = 23
		}
		s.streamReps = 4
	}
	if s.rounds < 1 || s.sample <= 0 {
		return s, fmt.Errorf("-rounds must be at least 1 and -sample positive")
	}
	if s.sweepN < 0 || s.sweepN > 30 || s.streamN < 10 || s.streamN > 30 {
		return s, fmt.Errorf("-sweep must be 0 or at most 30, -stream from 10 to 30")
	}
	if s.sweepN > 0 {
		s.sweepN = 1 << s.sweepN
	}
	s.streamN = 1 << s.streamN
	all := bench.Ops()
	if *ops == "" {
		s.ops = all
	} else {
		for name := range strings.SplitSeq(*ops, ",") {
			op, ok := bench.Lookup(strings.TrimSpace(name))
			if !ok {
				return s, fmt.Errorf("no operation %q; there are %s", name, opNames(all))
			}
			s.ops = append(s.ops, op)
		}
	}
	if *sizes != "" {
		for f := range strings.SplitSeq(*sizes, ",") {
			k, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || k < 1 || k > 30 {
				return s, fmt.Errorf("-sizes: %q is not a power of two from 1 to 30", f)
			}
			s.sizes = append(s.sizes, 1<<k)
		}
	}
	return s, nil
}

func opNames(ops []bench.Op) string {
	var names []string
	for _, op := range ops {
		names = append(names, op.Name)
	}
	return strings.Join(names, ", ")
}

// sizesOf returns the lengths at which op is compared.
func (s settings) sizesOf(op bench.Op) []int {
	switch {
	case s.sizes != nil:
		return s.sizes
	case !s.quick:
		return bench.Sizes()
	case op.Compute:
		return []int{1 << 10, 1 << 20}
	default:
		return []int{1 << 10, 1 << 22}
	}
}

// implsOf returns the implementations of op that the run compares: all of
// them, or in the quick form the sequential code, parnum and the WaitGroup
// split.
func (s settings) implsOf(op bench.Op) []bench.Impl {
	if !s.quick {
		return op.Impls
	}
	var ims []bench.Impl
	for _, im := range op.Impls {
		switch im.Name {
		case bench.Seq, bench.Parnum, bench.ParnumBlocks, bench.WaitGroup:
			ims = append(ims, im)
		}
	}
	return ims
}

// sweepImpls returns the implementations of op in the workers sweep: all
// but conc, whose per-element hand-out takes seconds a call at 2^24 (the
// comparisons show it at every length).
func sweepImpls(op bench.Op) []bench.Impl {
	var ims []bench.Impl
	for _, im := range op.Impls {
		if im.Name != bench.Conc {
			ims = append(ims, im)
		}
	}
	return ims
}

// workerCounts returns the numbers of workers of the sweep: every count up
// to 8, then powers of two, and p itself.
func workerCounts(p int) []int {
	var ws []int
	for w := 1; w <= p; w++ {
		if w <= 8 || w&(w-1) == 0 || w == p {
			ws = append(ws, w)
		}
	}
	return ws
}

// comparison is one operation at one length with one number of workers:
// the timings of its implementations, the sequential one first.
type comparison struct {
	op      bench.Op
	n       int
	workers int
	ts      []timing
}

// get returns the timing of the implementation named impl.
func (c comparison) get(impl string) (timing, bool) {
	for _, t := range c.ts {
		if t.impl == impl {
			return t, true
		}
	}
	return timing{}, false
}

// results is everything a run measured.
type results struct {
	start   time.Time
	elapsed time.Duration
	ceil    ceilings
	notes   []string     // what could not be measured, and why
	compare []comparison // with s.workers workers
	sweep   []comparison // at s.sweepN, by number of workers
}

func run(s settings) *results {
	r := &results{start: time.Now()}
	threads := []int{1, s.workers}
	if s.sweepN > 0 {
		threads = workerCounts(s.workers)
	}
	threads = slices.Compact(threads)

	steps := len(threads)
	for _, op := range s.ops {
		steps += len(s.sizesOf(op))
		if s.sweepN > 0 {
			steps += len(threads)
		}
	}
	p := newProgress(os.Stderr, steps)

	// The ceiling first, while nothing else is in memory.
	runC, cleanup, err := func() (func(n, t, reps int) (bandwidth, error), func(), error) {
		if !s.cStream {
			return nil, nil, fmt.Errorf("-c=false")
		}
		return cStream()
	}()
	if err != nil {
		r.notes = append(r.notes, fmt.Sprintf("No C STREAM: %v.", err))
	} else {
		defer cleanup()
	}
	for _, t := range threads {
		p.step(fmt.Sprintf("STREAM ceiling, %d thread(s)", t))
		r.ceil = append(r.ceil, goStream(s.streamN, t, s.streamReps))
		runtime.GC()
		if runC != nil {
			bw, err := runC(s.streamN, t, s.streamReps)
			if err != nil {
				r.notes = append(r.notes, err.Error())
				runC = nil
				continue
			}
			r.ceil = append(r.ceil, bw)
		}
	}

	// The comparisons, one length at a time so that only its inputs are in
	// memory.
	var lengths []int
	for _, op := range s.ops {
		lengths = append(lengths, s.sizesOf(op)...)
	}
	slices.Sort(lengths)
	for _, n := range slices.Compact(lengths) {
		in := bench.NewInputs(n)
		for _, op := range s.ops {
			if !slices.Contains(s.sizesOf(op), n) {
				continue
			}
			p.step(fmt.Sprintf("%s, n=%s", op.Name, pow2(n)))
			r.compare = append(r.compare, comparison{
				op: op, n: n, workers: s.workers,
				ts: measure(s.implsOf(op), in, s.rounds, s.sample),
			})
		}
	}

	// Throughput against workers.
	if s.sweepN > 0 {
		in := bench.NewInputs(s.sweepN)
		for _, op := range s.ops {
			for _, w := range threads {
				p.step(fmt.Sprintf("%s, n=%s, %d worker(s)", op.Name, pow2(s.sweepN), w))
				runtime.GOMAXPROCS(w)
				r.sweep = append(r.sweep, comparison{
					op: op, n: s.sweepN, workers: w,
					ts: measure(sweepImpls(op), in, s.rounds, s.sample),
				})
			}
		}
		runtime.GOMAXPROCS(s.workers)
	}
	p.done()
	r.elapsed = time.Since(r.start)
	return r
}

// progress shows on standard error which step a run is at. On a terminal
// it rewrites one line; elsewhere it writes a line a step.
type progress struct {
	w     *os.File
	tty   bool
	start time.Time
	total int
	i     int
}

func newProgress(w *os.File, total int) *progress {
	fi, err := w.Stat()
	return &progress{w: w, tty: err == nil && fi.Mode()&os.ModeCharDevice != 0, start: time.Now(), total: total}
}

func (p *progress) step(what string) {
	p.i++
	line := fmt.Sprintf("[%d/%d] %s (%s so far)", p.i, p.total, what, time.Since(p.start).Round(time.Second))
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s", line)
	} else {
		fmt.Fprintln(p.w, line)
	}
}

func (p *progress) done() {
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K")
	}
	fmt.Fprintf(p.w, "measured in %s\n", time.Since(p.start).Round(time.Second))
}
