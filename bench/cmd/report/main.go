// Command report measures parnum against sequential Go on the machine it
// runs on and prints what it found.
//
// Every comparison is a ratio measured in one run: the sequential code and
// parnum are timed in alternating samples (A B A B ...), so that a change in
// the machine's speed during the run (a noisy neighbour, a frequency change)
// touches both alike. The table gives the median time of each and the median
// speedup, with the lowest and highest speedup of the rounds as its spread.
// Nothing else should run on the machine meanwhile.
//
// Usage:
//
//	go run ./cmd/report [flags]
//
// The flags are:
//
//	-rounds n
//		alternating samples of each side (default 7)
//	-sample d
//		the least time one sample runs (default 20ms)
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parnum/parnum/parray"
)

func main() {
	rounds := flag.Int("rounds", 7, "alternating samples of each side")
	sample := flag.Duration("sample", 20*time.Millisecond, "the least time one sample runs")
	flag.Parse()
	if *rounds < 1 || *sample <= 0 {
		fmt.Fprintln(os.Stderr, "report: -rounds must be at least 1 and -sample positive")
		os.Exit(2)
	}
	describeMachine(os.Stdout)
	cases := quickCases()
	results := make([]result, 0, len(cases))
	for i, c := range cases {
		fmt.Fprintf(os.Stderr, "[%d/%d] %s, n=%d\n", i+1, len(cases), c.name, c.n)
		results = append(results, measure(c, *rounds, *sample))
	}
	printTable(os.Stdout, results)
}

// pair is one comparison: the same work done sequentially and by parnum.
type pair struct {
	name string
	n    int
	seq  func()
	par  func()
}

// result holds the medians of a pair's alternating samples.
type result struct {
	pair
	seq, par           time.Duration // median time per call
	speedup            float64       // median of the per-round ratios seq/par
	minSpeed, maxSpeed float64
}

// measure times c.seq and c.par in alternating samples of at least target
// each, after one untimed call of each to warm caches and the allocator.
func measure(c pair, rounds int, target time.Duration) result {
	c.seq()
	c.par()
	iters := calibrate(c.seq, target)
	seqs := make([]time.Duration, rounds)
	pars := make([]time.Duration, rounds)
	ratios := make([]float64, rounds)
	for r := range rounds {
		seqs[r] = timeIt(c.seq, iters)
		pars[r] = timeIt(c.par, iters)
		ratios[r] = float64(seqs[r]) / float64(pars[r])
	}
	slices.Sort(seqs)
	slices.Sort(pars)
	slices.Sort(ratios)
	return result{
		pair:     c,
		seq:      seqs[rounds/2],
		par:      pars[rounds/2],
		speedup:  median(ratios),
		minSpeed: ratios[0],
		maxSpeed: ratios[rounds-1],
	}
}

// calibrate returns how many calls of f take about target.
func calibrate(f func(), target time.Duration) int {
	for iters := 1; ; iters *= 4 {
		t := timeIt(f, iters) * time.Duration(iters)
		if t >= target/4 || iters >= 1<<30 {
			return max(1, int(float64(iters)*float64(target)/float64(max(t, 1))))
		}
	}
}

// timeIt returns the mean time of one call of f over iters calls.
func timeIt(f func(), iters int) time.Duration {
	start := time.Now()
	for range iters {
		f()
	}
	return time.Since(start) / time.Duration(iters)
}

func median(s []float64) float64 {
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func printTable(w io.Writer, rs []result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "operation\tn\tsequential\tparnum\tspeedup\t(min-max)\t")
	for _, r := range rs {
		fmt.Fprintf(tw, "%s\t%d\t%v\t%v\t%.2fx\t(%.2f-%.2f)\t\n",
			r.name, r.n, round(r.seq), round(r.par), r.speedup, r.minSpeed, r.maxSpeed)
	}
	tw.Flush()
}

// round keeps three significant digits of d.
func round(d time.Duration) time.Duration {
	for unit := time.Duration(1); ; unit *= 10 {
		if d < 1000*unit {
			return d.Round(unit)
		}
	}
}

func describeMachine(w io.Writer) {
	fmt.Fprintf(w, "parnum report: %s %s/%s, %d CPUs, GOMAXPROCS=%d", runtime.Version(),
		runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0))
	if model := cpuModel(); model != "" {
		fmt.Fprintf(w, ", %s", model)
	}
	fmt.Fprintf(w, "\n%s\n\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
}

// cpuModel returns the processor's name from /proc/cpuinfo, or "".
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		if name, ok := strings.CutPrefix(line, "model name"); ok {
			return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), ":"))
		}
	}
	return ""
}

// quickCases are the comparisons of the quick report.
func quickCases() []pair {
	var ps []pair
	for _, n := range []int{1000, 1 << 20} {
		x := ramp(n, 2)
		dst := make([]float64, n)
		ps = append(ps, pair{
			name: "map math.Exp (MapTo)",
			n:    n,
			seq: func() {
				for i, v := range x {
					dst[i] = math.Exp(v)
				}
			},
			par: func() { parray.MapTo(dst, math.Exp, x) },
		})
	}
	{
		n := 1 << 20
		x := ramp(n, 2)
		dst := make([]float64, n)
		ps = append(ps, pair{
			name: "map math.Exp (Blocks)",
			n:    n,
			seq: func() {
				for i, v := range x {
					dst[i] = math.Exp(v)
				}
			},
			par: func() { parray.Blocks(dst, expBlock, x) },
		})
	}
	{
		n := 1 << 22
		a, b, c := ramp(n, 1), ramp(n, 3), ramp(n, 5)
		dst := make([]float64, n)
		ps = append(ps, pair{
			name: "a*b + c (Blocks)",
			n:    n,
			seq:  func() { fma(dst, a, b, c) },
			par:  func() { parray.Blocks(dst, fmaBlock, a, b, c) },
		})
	}
	return ps
}

// ramp returns n values rising from 0 to below top.
func ramp(n int, top float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = top * float64(i) / float64(n)
	}
	return s
}

func expBlock(dst []float64, src ...[]float64) {
	for i, v := range src[0] {
		dst[i] = math.Exp(v)
	}
}

func fma(dst, a, b, c []float64) {
	b, c = b[:len(a)], c[:len(a)]
	for i := range dst[:len(a)] {
		dst[i] = a[i]*b[i] + c[i]
	}
}

func fmaBlock(dst []float64, src ...[]float64) { fma(dst, src[0], src[1], src[2]) }
