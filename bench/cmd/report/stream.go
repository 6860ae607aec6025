package main

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"gonum.org/v1/gonum/floats"

	"github.com/parnum/parnum/bench"
)

// The memory-bandwidth ceiling: what the machine's memory gives to a
// program that does nothing but stream, with 1 thread and with more, in
// the four kernels of McCalpin's STREAM. The report measures it twice in
// the same run as the comparisons: in Go (gonum's assembly kernels on
// near-equal pieces, a goroutine each) and, when gcc is there, in C with
// OpenMP (cstream/stream.c, compiled on the fly). An operation's share of
// the ceiling is its throughput over the better of the two for the
// operation's kernel and number of workers.

//go:embed cstream/stream.c
var streamC []byte

// bandwidth is one STREAM measurement: GB/s of each kernel, best of the
// repetitions, counting 8 bytes per element read or written (as STREAM).
type bandwidth struct {
	source  string // "Go" or "C"
	threads int
	gbs     map[string]float64 // by kernel: bench.KernelCopy, ...
}

// ceilings holds every STREAM measurement of the run.
type ceilings []bandwidth

// of returns the ceiling of kernel with the given number of threads: the
// best of the measurements, and 0 if there is none.
func (cs ceilings) of(kernel string, threads int) float64 {
	best := 0.0
	for _, c := range cs {
		if c.threads == threads {
			best = max(best, c.gbs[kernel])
		}
	}
	return best
}

// kernels are STREAM's kernels in its order.
var kernels = []string{bench.KernelCopy, bench.KernelTriad, bench.KernelSum, bench.KernelDot}

// goStream measures the four kernels in Go on arrays of n elements with
// the given number of goroutines, best of reps repetitions:
//
//	copy:  c = a             copy()
//	triad: c = a + 3*b       floats.AddScaledTo
//	sum:   sum of a          floats.Sum
//	dot:   sum of a[i]*b[i]  floats.Dot
//
// Each goroutine fills its own piece first, so that its pages are its own.
func goStream(n, threads, reps int) bandwidth {
	a, b, c := make([]float64, n), make([]float64, n), make([]float64, n)
	part := make([]float64, threads)
	run := func(body func(i, lo, hi int)) time.Duration {
		start := time.Now()
		var wg sync.WaitGroup
		for i := 1; i < threads; i++ {
			wg.Go(func() { body(i, i*n/threads, (i+1)*n/threads) })
		}
		body(0, 0, n/threads)
		wg.Wait()
		return time.Since(start)
	}
	run(func(_, lo, hi int) {
		for j := lo; j < hi; j++ {
			a[j], b[j], c[j] = 1+float64(j%7), 2, 0
		}
	})
	bodies := map[string]func(i, lo, hi int){
		bench.KernelCopy:  func(_, lo, hi int) { copy(c[lo:hi], a[lo:hi]) },
		bench.KernelTriad: func(_, lo, hi int) { floats.AddScaledTo(c[lo:hi], a[lo:hi], 3, b[lo:hi]) },
		bench.KernelSum:   func(i, lo, hi int) { part[i] = floats.Sum(a[lo:hi]) },
		bench.KernelDot:   func(i, lo, hi int) { part[i] = floats.Dot(a[lo:hi], b[lo:hi]) },
	}
	bytes := map[string]float64{bench.KernelCopy: 16, bench.KernelTriad: 24, bench.KernelSum: 8, bench.KernelDot: 16}
	best := map[string]time.Duration{}
	for range reps {
		for _, k := range kernels {
			t := run(bodies[k])
			if d, ok := best[k]; !ok || t < d {
				best[k] = t
			}
			sink += part[0] + c[n/2]
		}
	}
	bw := bandwidth{source: "Go", threads: threads, gbs: map[string]float64{}}
	for _, k := range kernels {
		bw.gbs[k] = bytes[k] * float64(n) / best[k].Seconds() / 1e9
	}
	return bw
}

// cStream compiles cstream/stream.c with gcc in a temporary folder and
// returns a function that runs it with the given number of OpenMP threads.
// It fails when gcc or OpenMP is missing; the report then has only the Go
// ceiling.
func cStream() (run func(n, threads, reps int) (bandwidth, error), cleanup func(), err error) {
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		return nil, nil, errors.New("no gcc on PATH")
	}
	dir, err := os.MkdirTemp("", "parnum-stream-")
	if err != nil {
		return nil, nil, err
	}
	cleanup = func() { os.RemoveAll(dir) }
	src, bin := filepath.Join(dir, "stream.c"), filepath.Join(dir, "stream")
	if err := os.WriteFile(src, streamC, 0o644); err != nil {
		cleanup()
		return nil, nil, err
	}
	// -march=native where gcc knows it, as an expert would build STREAM.
	var out []byte
	for _, flags := range [][]string{{"-O3", "-march=native"}, {"-O3"}} {
		args := append(flags, "-ffast-math", "-fopenmp", src, "-o", bin)
		if out, err = exec.Command(gcc, args...).CombinedOutput(); err == nil {
			break
		}
	}
	if err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("gcc -fopenmp failed: %v: %s", err, strings.TrimSpace(string(out)))
	}
	run = func(n, threads, reps int) (bandwidth, error) {
		cmd := exec.Command(bin, fmt.Sprint(n), fmt.Sprint(reps))
		cmd.Env = append(os.Environ(), fmt.Sprintf("OMP_NUM_THREADS=%d", threads))
		out, err := cmd.Output()
		if err != nil {
			return bandwidth{}, fmt.Errorf("running the C STREAM: %v", err)
		}
		bw := bandwidth{source: "C", gbs: map[string]float64{}}
		var cp, triad, sum, dot float64
		if _, err := fmt.Sscanf(string(out), "threads=%d copy %g triad %g sum %g dot %g",
			&bw.threads, &cp, &triad, &sum, &dot); err != nil {
			return bandwidth{}, fmt.Errorf("the C STREAM printed %q: %v", out, err)
		}
		bw.threads = threads
		bw.gbs[bench.KernelCopy], bw.gbs[bench.KernelTriad] = cp, triad
		bw.gbs[bench.KernelSum], bw.gbs[bench.KernelDot] = sum, dot
		return bw, nil
	}
	return run, cleanup, nil
}
