package executors_test

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync/atomic"

	"github.com/parnum/parnum/parray"
)

// # a. ThreadPoolExecutor.map
//
// The tutorial squares five numbers on a thread pool:
//
//	with ThreadPoolExecutor() as executor:
//	    results = list(executor.map(square, [1, 2, 3, 4, 5]))
//
// parray.MapTo is the same map. Where Python's threads would take turns
// holding the interpreter lock, goroutines compute on every core at once;
// for five numbers, parray simply runs the loop on the caller.
func Example_a_threadPool() {
	square := func(n float64) float64 { return n * n }
	numbers := []float64{1, 2, 3, 4, 5}
	fmt.Println(parray.MapTo(make([]float64, len(numbers)), square, numbers))
	// Output: [1 4 9 16 25]
}

// # b. ProcessPoolExecutor.map, and what is not pickled
//
// The tutorial cubes five numbers on a process pool:
//
//	with ProcessPoolExecutor() as executor:
//	    results = list(executor.map(cube, [1, 2, 3, 4, 5]))
//
// The same call in Go is the same MapTo. What differs is everything around
// it. Here the function is a closure over a calibration table of a million
// entries. A process pool cannot send a closure at all (pickle refuses
// lambdas and local functions); the table would have to be a module-level
// global, copied into every worker process, and every result would come
// back pickled. Goroutines read the table where it is, and write the
// results straight into the caller's slice: nothing is copied, nothing is
// serialized.
func Example_b_processPool() {
	cube := func(n float64) float64 { return n * n * n }
	numbers := []float64{1, 2, 3, 4, 5}
	fmt.Println(parray.MapTo(make([]float64, len(numbers)), cube, numbers))

	table := make([]float64, 1<<20) // calibration factor per raw sensor code
	for i := range table {
		table[i] = 1 + float64(i)/float64(len(table))
	}
	raw := make([]float64, 1<<20)
	for i := range raw {
		raw[i] = float64(int64(i) * 7919 % int64(len(table))) // int64: i*7919 passes 2^31
	}
	calibrated := parray.MapTo(make([]float64, len(raw)), func(code float64) float64 {
		return code * table[int(code)] // reads the shared table, no copy
	}, raw)
	fmt.Printf("%.4f %.4f\n", calibrated[1], calibrated[len(calibrated)-1])
	// Output:
	// [1 8 27 64 125]
	// 7978.8055 2073454.8055
}

// # c. max_workers and chunksize; nothing to shut down
//
// ThreadPoolExecutor(max_workers=2) caps the threads, and
// executor.map(f, xs, chunksize=4096) sets how many items travel to a
// worker at once. [parray.Config] holds both:
//
//	parray.Config{Workers: 2, Grain: 4096}.MapTo(dst, f, x)
//
// The with block of an executor exists to shut the pool down. A Config is a
// value, not a pool: there is nothing to start, shut down or leak, because
// every call starts its goroutines and waits for all of them before it
// returns.
//
// The zero Config reads runtime.GOMAXPROCS(0) on every call, so a program
// that changes GOMAXPROCS (or a Go 1.25+ runtime that lowers it when the
// container's CPU limit changes) is followed at once: with GOMAXPROCS 1,
// a parallel loop is a single call of its body on the caller.
func Example_c_config() {
	calls := func(c parray.Config) int32 {
		var n atomic.Int32
		c.For(100_000, func(lo, hi int) { n.Add(1) })
		return n.Load()
	}
	fmt.Println("Workers 1:", calls(parray.Config{Workers: 1, Grain: 1000}), "call of the body")

	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	fmt.Println("GOMAXPROCS 1, the zero Config's workers:", calls(parray.Config{Grain: 1000}), "call of the body")
	// Output:
	// Workers 1: 1 call of the body
	// GOMAXPROCS 1, the zero Config's workers: 1 call of the body
}

// # d. executor.map over anything: a loop over indices
//
// executor.map(worker_function, args_list) takes a list of any objects. In
// Go the arguments are a slice of any type, and the map is parray.For over
// its indices, each call writing results[i] for the indices of its range:
// the results are in the order of the arguments, as executor.map returns
// them.
//
// A few expensive items need a word on the grain. parray decides whether to
// go parallel by timing the first elements, and a call on fewer than 16
// elements never goes parallel at all: it is built for many cheap elements.
// For four big jobs, Config{Grain: 1} says that one job is worth a
// goroutine.
func Example_d_anyArguments() {
	type sensor struct {
		name  string
		scale float64
		n     int
	}
	args := []sensor{{"north", 1, 200_000}, {"south", 2, 300_000}, {"east", 0.5, 100_000}, {"west", 3, 400_000}}

	results := make([]string, len(args))
	parray.Config{Grain: 1}.For(len(args), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			s := args[i]
			var sum float64
			for k := range s.n {
				sum += s.scale * math.Sin(float64(k)) * math.Sin(float64(k))
			}
			results[i] = fmt.Sprintf("%s: mean power %.4f", s.name, sum/float64(s.n))
		}
	})
	for _, r := range results {
		fmt.Println(r)
	}
	// Output:
	// north: mean power 0.5000
	// south: mean power 1.0000
	// east: mean power 0.2500
	// west: mean power 1.5000
}

// # e. The first exception, in input order
//
// When worker_function raises for some items, iterating the results of
// executor.map raises the exception of the first failing item in input
// order, whichever item failed first in time. parray.ForCtx has the same
// rule: of the ranges that fail, it returns the error of the lowest, the
// one a sequential loop would have met first. (A panic is treated the same
// way; see the second topic.)
func Example_e_firstError() {
	readings := make([]float64, 1_000_000)
	readings[300_000] = math.Inf(1)
	readings[700_000] = math.NaN()

	err := parray.ForCtx(context.Background(), len(readings), func(lo, hi int) error {
		for i, v := range readings[lo:hi] {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("item %d: bad reading %v", lo+i, v)
			}
		}
		return nil
	})
	fmt.Println(err)
	// Output: item 300000: bad reading +Inf
}

// # f. Tasks that use the pool themselves
//
// A task of a bounded executor that submits more work to the same executor
// and waits for it can deadlock: when every worker is such a task, no worker
// is left to run what they wait for. parray has no pool to exhaust: every
// call forks its own goroutines and joins them, so a function passed to
// parray may call parray again. Here a loop over the rows of a matrix runs
// in parallel, and each row is summed by parray.Sum.
func Example_f_nested() {
	const rows, cols = 8, 100_000
	m := make([]float64, rows*cols)
	for i := range m {
		m[i] = float64(i / cols) // row r holds r everywhere
	}
	sums := make([]float64, rows)
	parray.Config{Grain: 1}.For(rows, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			sums[r] = parray.Sum(m[r*cols : (r+1)*cols]) // a parallel call inside one
		}
	})
	fmt.Println(sums)
	// Output: [0 100000 200000 300000 400000 500000 600000 700000]
}
