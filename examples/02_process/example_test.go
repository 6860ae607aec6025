package process_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/parnum/parnum/chunk"
	"github.com/parnum/parnum/parray"
	"gonum.org/v1/gonum/mat"
)

// # a. Process(target=...).start() and join()
//
// The tutorial starts one process and waits for it:
//
//	process = Process(target=print_numbers)
//	process.start(); process.join()
//
// In Go a process is a goroutine, started with go (or a WaitGroup's Go
// method, which starts it and counts it), and join is Wait. A goroutine
// costs a few kilobytes and a microsecond to start, not a fork and a new
// interpreter.
func Example_a_startJoin() {
	printNumbers := func() {
		for i := range 5 {
			fmt.Println("Number:", i)
		}
	}

	var wg sync.WaitGroup
	wg.Go(printNumbers) // process.start()
	wg.Wait()           // process.join()
	// Output:
	// Number: 0
	// Number: 1
	// Number: 2
	// Number: 3
	// Number: 4
}

// # b. The range loop: start and join in one call
//
// To put a loop over a million elements on every core by hand, you would
// start a goroutine per core, compute each one's share of [0, n), and join
// them. [parray.For] takes the loop body as a function of a range [lo, hi)
// and does the rest. It is equivalent to body(0, n); it returns only when
// every range has run, so the results can be read at once.
//
// The body may run on several goroutines at the same time, on disjoint
// ranges: writing sq[i] for i in its own range needs no lock.
func Example_b_for() {
	sq := make([]float64, 1_000_000)
	parray.For(len(sq), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			sq[i] = float64(i) * float64(i)
		}
	})
	fmt.Println(sq[3], sq[999_999])
	// Output: 9 9.99998000001e+11
}

// # c. What the engine does for you
//
// Here the body records the ranges it is given. With two workers and a grain
// of 1000 elements, the engine hands out long ranges first and shorter ones
// as the work runs out (each claim takes the remaining elements divided by
// twice the workers, never less than the grain), so that both workers finish
// at about the same time even if one core is slower. The boundaries fall on
// multiples of 8 (ranges this long are aligned), so that two workers never
// write the same 64-byte cache line of a []float64. The caller's goroutine
// is one of the two workers; only one goroutine is started.
//
// Which worker runs which range changes from run to run; the ranges do not.
// With Workers: 1 the whole loop is one call of the body, on the caller.
// (The exact cut is the engine's business and may change between versions;
// what does not change is that the ranges cover [0, n) exactly once.)
func Example_c_pieces() {
	var (
		mu     sync.Mutex
		ranges []chunk.Range
	)
	record := func(lo, hi int) {
		mu.Lock()
		ranges = append(ranges, chunk.Range{Lo: lo, Hi: hi})
		mu.Unlock()
	}

	parray.Config{Workers: 2, Grain: 1000}.For(10_000, record)
	slices.SortFunc(ranges, func(a, b chunk.Range) int { return a.Lo - b.Lo })
	fmt.Println(ranges)

	ranges = nil
	parray.Config{Workers: 1}.For(10_000, record)
	fmt.Println(ranges)
	// Output:
	// [[0, 2504) [2504, 4384) [4384, 5792) [5792, 6848) [6848, 7848) [7848, 8848) [8848, 9848) [9848, 10000)]
	// [[0, 10000)]
}

// # d. A panic comes home with its original value
//
// When the function of a Python Process raises, the child prints the
// traceback to its own stderr and exits; process.join() returns normally,
// and the parent sees only process.exitcode == 1. The exception object is
// gone.
//
// A panic in a parray body is different: parray stops handing out ranges,
// waits for the ranges already running, and panics again on the caller's
// goroutine with the original value. recover and errors.As see exactly what
// the sequential loop would have raised. When several ranges panic, the
// value is the one from the lowest indices, the panic the sequential loop
// would have met first, whichever goroutine got there first in time.
func Example_d_panic() {
	x := make([]float64, 100_000)
	x[60_000] = -1
	x[90_000] = -2

	err := func() (err error) {
		defer func() {
			if v := recover(); v != nil {
				err = v.(error) // the value the body panicked with
			}
		}()
		parray.Config{Grain: 1000}.For(len(x), func(lo, hi int) {
			for i := lo; i < hi; i++ {
				if x[i] < 0 {
					panic(&badReading{Index: i, Value: x[i]})
				}
			}
		})
		return nil
	}()

	var bad *badReading
	fmt.Println(errors.As(err, &bad), bad.Index)
	fmt.Println(err)
	// Output:
	// true 60000
	// reading 60000 is negative: -1
}

// badReading is the value the body of cell d panics with.
type badReading struct {
	Index int
	Value float64
}

func (e *badReading) Error() string {
	return fmt.Sprintf("reading %d is negative: %v", e.Index, e.Value)
}

// # e. mat.Maybe works through For
//
// gonum's mat reports misuse (a dimension mismatch, a singular matrix) by
// panicking with a mat.Error, and mat.Maybe turns such a panic back into an
// error. Because parray re-raises the original value on the caller,
// mat.Maybe works around a parallel loop exactly as around a sequential
// one: here the last range adds two vectors of different lengths.
func Example_e_matMaybe() {
	a, b := mat.NewVecDense(2, nil), mat.NewVecDense(3, nil)
	err := mat.Maybe(func() {
		parray.Config{Grain: 1}.For(100, func(lo, hi int) {
			if hi == 100 {
				var v mat.VecDense
				v.AddVec(a, b)
			}
		})
	})
	var stack mat.ErrorStack
	fmt.Println(errors.As(err, &stack), stack.Err)
	// Output: true mat: dimension mismatch
}

// # f. Errors and cancellation: ForCtx
//
// A Python process is stopped from outside with process.terminate(), which
// kills it wherever it is. Goroutines cannot be killed; they stop when their
// code checks. [parray.ForCtx] does the checking between ranges: its body
// returns an error, and the call stops handing out ranges at the first error
// or when the context is done. Ranges already running finish; no goroutine
// outlives the call.
//
// The error returned is the one from the lowest indices, as in the
// sequential loop. When the context was canceled first, it is the context's
// error.
func Example_f_forCtx() {
	x := make([]float64, 100_000)
	x[70_000] = -1
	x[90_000] = -2
	check := func(lo, hi int) error {
		for i := lo; i < hi; i++ {
			if x[i] < 0 {
				return fmt.Errorf("reading %d is negative", i)
			}
		}
		return nil
	}
	fmt.Println(parray.ForCtx(context.Background(), len(x), check))

	// Cancel from inside, when the range holding element 50,000 runs: no
	// range starts after that, and ForCtx reports the cancellation. (Two
	// workers, so that the ranges after it cannot all be running already.)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	err := parray.Config{Workers: 2, Grain: 1000}.ForCtx(ctx, len(x), func(lo, hi int) error {
		if lo <= 50_000 && 50_000 < hi {
			cancel()
		}
		return nil
	})
	fmt.Println(err, errors.Is(err, context.Canceled))
	// Output:
	// reading 70000 is negative
	// context canceled true
}
