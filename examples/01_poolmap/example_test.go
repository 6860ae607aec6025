package poolmap_test

import (
	"fmt"
	"math"
	"slices"

	"github.com/parnum/parnum/parray"
	"gonum.org/v1/gonum/mat"
)

// # a. pool.map(square, numbers)
//
// The tutorial's pool squares five numbers:
//
//	with Pool(4) as pool:
//	    results = pool.map(square, [1, 2, 3, 4, 5])
//
// The parnum way: a destination slice of the same length, and one call.
// MapTo writes results[i] = square(numbers[i]) and returns results.
//
// Five elements are far too few to be worth a goroutine (one starts 40 to
// 300 µs late on an idle core of a virtual machine), so parray runs this call
// on the caller, as a plain loop. Python's pool, by contrast, would start
// four processes and pickle each number to one of them and back.
func Example_a_squares() {
	square := func(n float64) float64 { return n * n }

	numbers := []float64{1, 2, 3, 4, 5}
	results := make([]float64, len(numbers))
	parray.MapTo(results, square, numbers)
	fmt.Println(results)
	// Output: [1 4 9 16 25]
}

// # b. A million elements, every core
//
// The same call on 2^20 values of math.Exp is long enough to repay the
// goroutines: parray times the first few elements on the caller, sees that
// the rest will take milliseconds, and hands the rest out in ranges to as
// many workers as GOMAXPROCS allows. Measured on the 2-core development
// machine, MapTo(dst, math.Exp, x) over 2^20 values runs about 1.7 times as
// fast as the loop.
//
// Faster, and not different: every element is computed by the same
// function on the same input, so the result is bit for bit the loop's.
func Example_b_million() {
	x := make([]float64, 1<<20)
	for i := range x {
		x[i] = float64(i) / float64(len(x)) // 0 <= x < 1
	}

	par := parray.MapTo(make([]float64, len(x)), math.Exp, x)

	seq := make([]float64, len(x))
	for i, v := range x {
		seq[i] = math.Exp(v)
	}
	fmt.Println("same bits as the loop:", slices.Equal(par, seq))
	fmt.Printf("exp(0) = %.4f, exp(%.6f) = %.4f\n", par[0], x[len(x)-1], par[len(par)-1])
	// Output:
	// same bits as the loop: true
	// exp(0) = 1.0000, exp(0.999999) = 2.7183
}

// # c. Pool(4) and chunksize: Config
//
// Python's Pool(4) fixes the number of processes, and
// pool.map(f, data, chunksize=4096) the size of the pieces handed to them.
// parray's [parray.Config] holds the same two knobs:
//
//	parray.Config{Workers: 4, Grain: 4096}.MapTo(dst, f, x)
//
// Workers is the most goroutines one call uses, the caller included; Grain
// the fewest elements handed out at once. The zero Config, which the
// package-level functions use, means "as many workers as
// runtime.GOMAXPROCS(0)", read again on every call, and lets the engine
// choose the grain. Most code never needs anything else.
//
// A Config changes only how fast a call runs. Here one, two, four and the
// default number of workers give the same bits.
func Example_c_config() {
	x := make([]float64, 100_000)
	for i := range x {
		x[i] = float64(i)
	}
	f := func(v float64) float64 { return math.Sqrt(v) + math.Sin(v) }

	want := parray.Config{Workers: 1}.MapTo(make([]float64, len(x)), f, x) // the sequential loop
	for _, c := range []parray.Config{
		{Workers: 2},
		{Workers: 4, Grain: 4096}, // Pool(4), chunksize=4096
		{},                        // GOMAXPROCS workers, the engine's grain
	} {
		got := c.MapTo(make([]float64, len(x)), f, x)
		fmt.Printf("%+v: same bits as one worker: %v\n", c, slices.Equal(got, want))
	}
	// Output:
	// {Workers:2 Grain:0}: same bits as one worker: true
	// {Workers:4 Grain:4096}: same bits as one worker: true
	// {Workers:0 Grain:0}: same bits as one worker: true
}

// # d. Cheap functions: a loop per block
//
// MapTo calls its function through a func value, once per element: about
// 3 ns more per element than a loop the compiler can inline. For math.Exp
// (about 5 ns) that is a large share; for a square it is most of the work.
// [parray.Blocks] hands out whole blocks instead, and the function runs its
// own loop over each block, with the element expression inlined. On the
// development machine, math.Exp over 2^20 values ran 1.95 times as fast as
// the loop with Blocks, against 1.7 with MapTo.
//
// Blocks is also numexpr's trick: a*b + c, written with numpy, makes a
// temporary array for a*b and reads memory twice; a block loop computes it in
// one pass while the block is in cache, with no temporary.
func Example_d_blocks() {
	n := 1 << 20
	a, b, c := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		a[i], b[i], c[i] = float64(i%10), 0.5, 1
	}

	// Squares, with the loop inlined in the block function.
	sq := make([]float64, n)
	parray.Blocks(sq, func(dst []float64, src ...[]float64) {
		x := src[0]
		for i, v := range x[:len(dst)] {
			dst[i] = v * v
		}
	}, a)

	// a*b + c in one pass.
	fma := make([]float64, n)
	parray.Blocks(fma, func(dst []float64, src ...[]float64) {
		a, b, c := src[0], src[1], src[2]
		for i := range dst {
			dst[i] = a[i]*b[i] + c[i]
		}
	}, a, b, c)

	fmt.Println(sq[:10])
	fmt.Println(fma[:10])
	// Output:
	// [0 1 4 9 16 25 36 49 64 81]
	// [1 1.5 2 2.5 3 3.5 4 4.5 5 5.5]
}

// # e. In place, and on a *mat.VecDense
//
// Python often rebinds the name, data = pool.map(f, data), and builds a new
// list. [parray.Map] works in place instead, with no second slice.
//
// A gonum vector keeps its elements in RawVector().Data. When its increment
// is 1 (every vector made by mat.NewVecDense), that slice holds exactly the
// vector's elements, and any parray function works on the vector through it.
func Example_e_inPlace() {
	v := mat.NewVecDense(5, []float64{1, 4, 9, 16, 25})

	raw := v.RawVector()
	if raw.Inc != 1 {
		panic("a strided view: use chunk.Vec pieces instead")
	}
	parray.Map(raw.Data, math.Sqrt)

	fmt.Println(mat.Formatted(v.T()))
	// Output: [1  2  3  4  5]
}
