package parray_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync/atomic"

	"github.com/parnum/parnum/parray"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

func ExampleFor() {
	// Fill a large slice with i*i: each call of the body gets its own range.
	sq := make([]float64, 1_000_000)
	parray.For(len(sq), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			sq[i] = float64(i) * float64(i)
		}
	})
	fmt.Println(sq[3], sq[999_999])
	// Output: 9 9.99998000001e+11
}

func ExampleForCtx() {
	// Validate readings in parallel; the first bad reading, in index order,
	// is the error, whichever worker found it first.
	readings := make([]float64, 100_000)
	readings[70_000] = math.NaN()
	readings[90_000] = math.Inf(1)
	err := parray.ForCtx(context.Background(), len(readings), func(lo, hi int) error {
		for i := lo; i < hi; i++ {
			if math.IsNaN(readings[i]) || math.IsInf(readings[i], 0) {
				return fmt.Errorf("reading %d is %v", i, readings[i])
			}
		}
		return nil
	})
	fmt.Println(err)
	// Output: reading 70000 is NaN
}

func ExampleForCtx_cancel() {
	// A canceled context stops the hand-out of ranges.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := parray.ForCtx(ctx, 1_000_000, func(lo, hi int) error { return nil })
	fmt.Println(errors.Is(err, context.Canceled))
	// Output: true
}

func ExampleMap() {
	x := []float64{0, 1, 2}
	parray.Map(x, math.Exp)
	fmt.Printf("%.4f\n", x)
	// Output: [1.0000 2.7183 7.3891]
}

func ExampleMapTo() {
	x := []float64{1, 4, 9, 16}
	dst := make([]float64, len(x))
	fmt.Println(parray.MapTo(dst, math.Sqrt, x))
	// Output: [1 2 3 4]
}

func ExampleZip() {
	price := []float64{10, 20, 30}
	qty := []float64{3, 2, 1}
	parray.Zip(price, func(p, q float64) float64 { return p * q }, qty)
	fmt.Println(price)
	// Output: [30 40 30]
}

func ExampleZipTo() {
	x := []float64{3, 5, 8}
	y := []float64{4, 12, 15}
	dst := make([]float64, len(x))
	fmt.Println(parray.ZipTo(dst, math.Hypot, x, y))
	// Output: [5 13 17]
}

func ExampleBlocks() {
	// dst = a*b + c in one pass, without temporaries: each block is computed
	// by a tight loop, here with gonum's floats functions on the block.
	a := []float64{1, 2, 3, 4}
	b := []float64{10, 10, 10, 10}
	c := []float64{0.5, 0.5, 0.5, 0.5}
	dst := make([]float64, len(a))
	parray.Blocks(dst, func(d []float64, in ...[]float64) {
		floats.MulTo(d, in[0], in[1])
		floats.Add(d, in[2])
	}, a, b, c)
	fmt.Println(dst)
	// Output: [10.5 20.5 30.5 40.5]
}

func ExampleConfig() {
	// Two workers at most, and never fewer than 4096 elements at a time.
	c := parray.Config{Workers: 2, Grain: 4096}
	x := make([]float64, 100_000)
	c.Map(x, func(float64) float64 { return 1 })
	fmt.Println(floats.Sum(x))
	// Output: 100000
}

func ExampleConfig_For() {
	// One worker: the body is called once, on the whole range, on the
	// caller's goroutine.
	var calls atomic.Int32
	parray.Config{Workers: 1}.For(1000, func(lo, hi int) {
		calls.Add(1)
		fmt.Println(lo, hi)
	})
	fmt.Println(calls.Load())
	// Output:
	// 0 1000
	// 1
}

func ExampleConfig_ForCtx() {
	err := parray.Config{Workers: 2}.ForCtx(context.Background(), 10, func(lo, hi int) error {
		return nil
	})
	fmt.Println(err)
	// Output: <nil>
}

func ExampleConfig_Map() {
	x := []float64{-1, 2, -3}
	parray.Config{Workers: 2}.Map(x, math.Abs)
	fmt.Println(x)
	// Output: [1 2 3]
}

func ExampleConfig_MapTo() {
	x := []float64{1, 10, 100}
	dst := make([]float64, 3)
	fmt.Println(parray.Config{Workers: 2}.MapTo(dst, math.Log10, x))
	// Output: [0 1 2]
}

func ExampleConfig_Zip() {
	x := []float64{1, 2, 3}
	parray.Config{Workers: 2}.Zip(x, math.Max, []float64{2, 2, 2})
	fmt.Println(x)
	// Output: [2 2 3]
}

func ExampleConfig_ZipTo() {
	dst := make([]float64, 3)
	fmt.Println(parray.Config{Workers: 2}.ZipTo(dst, math.Pow, []float64{2, 3, 4}, []float64{2, 2, 0.5}))
	// Output: [4 9 2]
}

func ExampleConfig_Blocks() {
	x := []float64{1, 2, 3, 4}
	dst := make([]float64, 4)
	parray.Config{Workers: 2}.Blocks(dst, func(d []float64, in ...[]float64) {
		floats.ScaleTo(d, 2, in[0])
	}, x)
	fmt.Println(dst)
	// Output: [2 4 6 8]
}

// A panic inside a user function reaches the caller with its original value,
// so mat.Maybe still turns gonum's panics into errors.
func Example_panics() {
	a, b := mat.NewVecDense(2, nil), mat.NewVecDense(3, nil)
	err := mat.Maybe(func() {
		parray.Config{Grain: 1}.For(100, func(lo, hi int) {
			if hi == 100 {
				var v mat.VecDense
				v.AddVec(a, b)
			}
		})
	})
	var e mat.ErrorStack
	fmt.Println(errors.As(err, &e), e.Err)
	// Output: true mat: dimension mismatch
}
