package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parnum/parnum/parray"
	"gonum.org/v1/gonum/floats"
)

func main() {
	n := flag.Int("n", 1<<22, "number of readings")
	flag.Parse()
	// The results first, then the timings.
	var measured bytes.Buffer
	run(os.Stdout, &measured, *n)
	os.Stdout.Write(measured.Bytes())
}

// threshold is what the counters count: readings above it.
const threshold = 0.5

// readings returns n seeded random values in [0, 1).
func readings(n int) []float64 {
	rnd := rand.New(rand.NewPCG(3, 14))
	x := make([]float64, n)
	for i := range x {
		x[i] = rnd.Float64()
	}
	return x
}

// The ways to count the readings above the threshold, from the literal
// translation of the Python tutorial to no sharing at all.

// countSequential is the plain loop on one core: the baseline.
func countSequential(x []float64) int {
	n := 0
	for _, v := range x {
		if v > threshold {
			n++
		}
	}
	return n
}

// countLocked shares one counter and takes a lock for every increment:
// Python's "with counter.get_lock(): counter.value += 1".
func countLocked(x []float64) int {
	var (
		mu sync.Mutex
		n  int
	)
	parray.For(len(x), func(lo, hi int) {
		for _, v := range x[lo:hi] {
			if v > threshold {
				mu.Lock()
				n++
				mu.Unlock()
			}
		}
	})
	return n
}

// countAtomic shares one counter and adds to it atomically: no lock, but
// every increment still moves the counter's cache line between cores.
func countAtomic(x []float64) int {
	var n atomic.Int64
	parray.For(len(x), func(lo, hi int) {
		for _, v := range x[lo:hi] {
			if v > threshold {
				n.Add(1)
			}
		}
	})
	return int(n.Load())
}

// countLocal counts into a local variable in each range and adds it to the
// shared total once per range: a handful of shared updates in all.
func countLocal(x []float64) int {
	var n atomic.Int64
	parray.For(len(x), func(lo, hi int) {
		local := 0
		for _, v := range x[lo:hi] {
			if v > threshold {
				local++
			}
		}
		n.Add(int64(local))
	})
	return int(n.Load())
}

// countParray is the built-in: parray.Count does what countLocal does.
func countParray(x []float64) int {
	return parray.Count(func(v float64) bool { return v > threshold }, x)
}

// countReduce counts each block of parray's fixed grid and adds the counts
// up the pairwise tree: nothing shared, nothing locked.
func countReduce(x []float64) int {
	return parray.Reduce(x, func(b []float64) int {
		n := 0
		for _, v := range b {
			if v > threshold {
				n++
			}
		}
		return n
	}, func(a, b int) int { return a + b })
}

// sumLocked adds every reading to one shared float64 under a lock. Which
// goroutine adds next depends on timing, and float addition is not
// associative, so the bits of the result change from run to run.
func sumLocked(x []float64) float64 {
	var (
		mu  sync.Mutex
		sum float64
	)
	parray.For(len(x), func(lo, hi int) {
		for _, v := range x[lo:hi] {
			mu.Lock()
			sum += v
			mu.Unlock()
		}
	})
	return sum
}

// run counts the readings above the threshold six ways and sums them. It
// writes what is the same on every machine (counts, sums, whether bits
// agree) to out, and what is not (timings; gonum's address-dependent sum) to
// measured.
func run(out, measured io.Writer, n int) {
	x := readings(n)

	ways := []struct {
		name  string
		count func([]float64) int
	}{
		{"sequential loop", countSequential},
		{"lock per increment", countLocked},
		{"atomic per increment", countAtomic},
		{"local count per range", countLocal},
		{"parray.Count", countParray},
		{"parray.Reduce", countReduce},
	}
	fmt.Fprintf(out, "%d readings; how many are above %v:\n", n, threshold)
	fmt.Fprintf(measured, "\ntimings on this machine, best of 3 runs, GOMAXPROCS %d:\n", runtime.GOMAXPROCS(0))
	var base time.Duration
	for i, w := range ways {
		var c int
		best := timeBest(3, func() { c = w.count(x) })
		if i == 0 {
			base = best
		}
		fmt.Fprintf(out, "  %-22s %d\n", w.name, c)
		fmt.Fprintf(measured, "  %-22s %10v  %6.2fx the sequential time\n", w.name, best.Round(time.Microsecond), float64(best)/float64(base))
	}

	// Sums: parray's is the same bits on any number of workers and at any
	// address; a sum under a lock and gonum's floats.Sum are not.
	want := parray.Sum(x)
	same := true
	for _, w := range []int{1, 2, 3, 64} {
		same = same && parray.Config{Workers: w}.Sum(x) == want
	}
	shifted := make([]float64, n+1)[1:] // the same values, one element further on
	copy(shifted, x)
	same = same && parray.Sum(shifted) == want
	fmt.Fprintf(out, "sum of the readings (parray.Sum): %.4f\n", want)
	fmt.Fprintf(out, "  the same bits on 1, 2, 3 and 64 workers, and one element further in memory: %v\n", same)

	var sums []float64
	for range 5 {
		if s := sumLocked(x); !slices.Contains(sums, s) {
			sums = append(sums, s)
		}
	}
	fmt.Fprintf(measured, "a sum under a lock, 5 runs: %d different results\n", len(sums))
	fmt.Fprintf(measured, "floats.Sum, the same values at two addresses: the same bits: %v\n", floats.Sum(x) == floats.Sum(shifted))
}

// timeBest runs f k times and returns its shortest time.
func timeBest(k int, f func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range k {
		t0 := time.Now()
		f()
		best = min(best, time.Since(t0))
	}
	return best
}
