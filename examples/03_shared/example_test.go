package main

import (
	"fmt"
	"math"
	"sync"
	"sync/atomic"

	"github.com/parnum/parnum/parray"
)

// # a. A shared Value with a lock
//
// The tutorial's five processes increment one shared integer, each under
// its lock:
//
//	counter = Value('i', 0)
//	with counter.get_lock(): counter.value += 1   # in each of 5 processes
//
// Goroutines share memory without asking, so a plain int is already shared;
// the lock is a sync.Mutex. Without it, two goroutines could read the same
// old value and one increment would be lost (go test -race reports it).
func Example_a_lockedCounter() {
	var (
		mu      sync.Mutex
		counter int
		wg      sync.WaitGroup
	)
	for range 5 {
		wg.Go(func() {
			mu.Lock()
			counter++
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println("final value:", counter)
	// Output: final value: 5
}

// # b. The same with an atomic
//
// For a single counter, sync/atomic does without the lock: the processor
// adds in one indivisible instruction. It is still shared: every increment
// takes the counter's cache line away from the other cores. For five
// increments that costs nothing; for millions it costs more than the work
// (see the measurement: go run ./examples/03_shared).
func Example_b_atomicCounter() {
	var (
		counter atomic.Int64
		wg      sync.WaitGroup
	)
	for range 5 {
		wg.Go(func() { counter.Add(1) })
	}
	wg.Wait()
	fmt.Println("final value:", counter.Load())
	// Output: final value: 5
}

// # c. A shared Array needs no lock when writers do not overlap
//
// Python's Array('d', n) exists because processes do not share memory. A Go
// slice is shared by every goroutine, and goroutines that write disjoint
// elements need no lock at all. parray.For gives each call of the body its
// own range [lo, hi), so writing a[i] for i in that range is safe. (For a
// cheap loop like this one, whose ranges are long, the ranges also start on
// multiples of 8 elements, so the writers do not even share a 64-byte line
// of memory.)
func Example_c_sharedArray() {
	a := make([]float64, 1_000_000) // Array('d', 1000000)
	parray.For(len(a), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			a[i] = math.Sqrt(float64(i))
		}
	})
	fmt.Printf("a[0] = %v, a[4] = %v, a[999999] = %.4f\n", a[0], a[4], a[999_999])
	// Output: a[0] = 0, a[4] = 2, a[999999] = 999.9995
}

// # d. Counting with no sharing
//
// To count the readings above 0.5, the literal translation of the tutorial
// takes the lock once per match ([countLocked]), or adds atomically
// ([countAtomic]). The parallel way shares nothing while it works: each
// range counts into a local variable and adds it to the total once
// ([countLocal]). parray.Count does exactly that, and parray.Reduce counts
// each block of a fixed grid and adds the block counts up a tree
// ([countReduce]).
//
// All of them give the same count. The measurement shows the price of
// sharing: in runs on the 2-core development machine, the lock and the
// atomic took 4 to 6 times as long as the plain sequential loop, because
// each increment moves the counter between the cores. Two cores working
// together were slower than one working alone.
//
// The measurement shows one more thing: parray.Count calls its predicate
// through a func value, a few nanoseconds per element, which for a test as
// cheap as v > 0.5 is more than the test itself; on two cores it was slower
// than the inlined sequential loop. The Reduce form, whose block function
// runs its own loop, does not pay that price. Use Count for predicates that
// cost something, and a block loop for cheap ones.
func Example_d_noSharing() {
	x := readings(100_000)
	fmt.Println("sequential:", countSequential(x))
	fmt.Println("locked:    ", countLocked(x))
	fmt.Println("atomic:    ", countAtomic(x))
	fmt.Println("local:     ", countLocal(x))
	fmt.Println("Count:     ", countParray(x))
	fmt.Println("Reduce:    ", countReduce(x))
	// Output:
	// sequential: 50096
	// locked:     50096
	// atomic:     50096
	// local:      50096
	// Count:      50096
	// Reduce:     50096
}

// # e. A reduction to anything
//
// A Value holds one number; a statistic often needs several. parray.Reduce
// reduces to any type: here a struct with the count, the sum and the largest
// value of the readings above 0.9, computed in one pass. block reduces one
// block of the grid (4096 elements, parray.ReduceBlock); combine merges two
// neighbouring results, the left one first.
func Example_e_reduceStruct() {
	type stats struct {
		n   int
		sum float64
		max float64
	}
	x := readings(100_000)
	s := parray.Reduce(x,
		func(b []float64) stats {
			s := stats{max: math.Inf(-1)}
			for _, v := range b {
				if v > 0.9 {
					s.n++
					s.sum += v
					s.max = max(s.max, v)
				}
			}
			return s
		},
		func(l, r stats) stats {
			return stats{l.n + r.n, l.sum + r.sum, max(l.max, r.max)}
		})
	fmt.Printf("%d readings above 0.9, mean %.4f, largest %.6f\n", s.n, s.sum/float64(s.n), s.max)
	// Output: 10023 readings above 0.9, mean 0.9504, largest 0.999997
}

// # f. Determinism: the same bits every time
//
// Integer counts come out the same however the increments interleave. A
// float64 sum does not: addition of floats is not associative, so a sum
// under a lock, whose order of additions depends on which goroutine gets the
// lock next, changes in its last bits from run to run ([sumLocked]; the
// measurement counts the different results it gets in five runs).
//
// parray's reductions fix the order instead: the work is cut by a grid that
// depends on the length alone, and the pieces are combined by a fixed
// pairwise tree. The sum is the same bits on one worker or sixty-four, and
// wherever the slice lies in memory. (gonum's floats.Sum, whose assembly
// kernel depends on the alignment of the slice, is not: the same values one
// element further on can give a different sum.)
func Example_f_determinism() {
	x := readings(1_000_000)
	want := parray.Config{Workers: 1}.Sum(x)
	for _, w := range []int{2, 3, 8, 64} {
		fmt.Printf("%d workers: same bits: %v\n", w, parray.Config{Workers: w}.Sum(x) == want)
	}
	shifted := make([]float64, len(x)+1)[1:]
	copy(shifted, x)
	fmt.Println("one element further in memory: same bits:", parray.Sum(shifted) == want)
	fmt.Printf("sum: %.4f\n", want)
	// Output:
	// 2 workers: same bits: true
	// 3 workers: same bits: true
	// 8 workers: same bits: true
	// 64 workers: same bits: true
	// one element further in memory: same bits: true
	// sum: 499971.4677
}
