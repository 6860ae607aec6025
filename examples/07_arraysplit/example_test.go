package arraysplit_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/parnum/parnum/chunk"
	"github.com/parnum/parnum/parray"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// readings returns n seeded random values with mean 10 and standard
// deviation 2.
func readings(n int) []float64 {
	rnd := rand.New(rand.NewPCG(7, 7))
	x := make([]float64, n)
	for i := range x {
		x[i] = 10 + 2*rnd.NormFloat64()
	}
	return x
}

// # a. np.array_split
//
//	np.array_split(np.arange(10), 3)   # [0 1 2 3], [4 5 6], [7 8 9]
//
// chunk.Split(n, p) makes the same cut as index ranges [lo, hi): p pieces
// whose lengths differ by at most one, the longer ones first.
// chunk.Slices turns them into sub-slices of the data. The pieces share the
// data's memory: nothing is copied, and a worker that writes to its piece
// writes to the data. They are also clipped, so an append to one piece can
// never overwrite the start of the next.
//
// One difference: asked for more pieces than elements, array_split returns
// empty arrays at the end; chunk.Split leaves them out.
func Example_a_arraySplit() {
	data := []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	ranges := chunk.Split(len(data), 3)
	fmt.Println(ranges)
	fmt.Println(chunk.Slices(data, ranges))
	fmt.Println(chunk.Split(2, 4)) // np.array_split(np.arange(2), 4) has two empty pieces too
	// Output:
	// [[0, 4) [4, 7) [7, 10)]
	// [[0 1 2 3] [4 5 6] [7 8 9]]
	// [[0, 1) [1, 2)]
}

// # b. pool.map(worker_function, data_chunks)
//
// Each piece gets a worker function and gives one result; the results come
// back in the order of the pieces. The Go version loops over the piece
// indices with parray.For, each call writing results[i] for its own pieces.
// Grain 1 tells parray that a single piece is worth a goroutine: without
// it, a loop of fewer than 16 iterations never goes parallel.
//
// The worker here summarizes its piece: its smallest and largest reading and
// its mean.
func Example_b_mapPieces() {
	type summary struct{ min, max, mean float64 }
	worker := func(piece []float64) summary {
		return summary{floats.Min(piece), floats.Max(piece), parray.Mean(piece, nil)}
	}

	data := readings(1_000_000)
	pieces := chunk.Slices(data, chunk.Split(len(data), 4))
	results := make([]summary, len(pieces))
	parray.Config{Grain: 1}.For(len(pieces), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			results[i] = worker(pieces[i])
		}
	})
	for i, r := range results {
		fmt.Printf("piece %d: min %.4f, max %.4f, mean %.4f\n", i, r.min, r.max, r.mean)
	}
	// Output:
	// piece 0: min 1.1304, max 18.7685, mean 9.9974
	// piece 1: min 1.1577, max 18.8201, mean 9.9988
	// piece 2: min 1.1637, max 18.8726, mean 9.9998
	// piece 3: min 1.3341, max 18.6956, mean 10.0016
}

// # c. No split at all
//
// Splitting by hand is needed in Python because the pool's unit of work is
// one pickled argument. A parray call splits its input itself, in ranges
// sized for the machine, and for results that combine across pieces the
// whole split, map and combine is one call. Here, the mean and the largest
// reading of all the data: combining the pieces of cell b by hand (largest
// of the maxima, mean of the means weighted by the piece lengths) gives the
// same answer as one call each, to the digits printed. (Not always to the
// last bit: the pieces' means are rounded before they are combined, and
// with another number of pieces the bits would change. parray's own
// reductions combine on a grid that depends on the length alone.)
func Example_c_noSplit() {
	data := readings(1_000_000)

	var sum, largest float64 = 0, math.Inf(-1)
	for _, p := range chunk.Slices(data, chunk.Split(len(data), 4)) {
		sum += parray.Mean(p, nil) * float64(len(p))
		largest = max(largest, floats.Max(p))
	}
	fmt.Printf("by pieces: mean %.4f, max %.4f\n", sum/float64(len(data)), largest)
	fmt.Printf("one call:  mean %.4f, max %.4f\n", parray.Mean(data, nil), parray.Max(data))
	// Output:
	// by pieces: mean 9.9994, max 18.8726
	// one call:  mean 9.9994, max 18.8726
}

// # d. A filter: pieces of different lengths
//
// A worker that keeps only some elements of its piece returns a shorter
// piece, and the pieces no longer have the lengths of the cut. In Python,
// np.concatenate(pool.map(keep_outliers, chunks)) puts them back together.
// chunk.Join does the same, in order, growing the result once.
//
// Each worker appends to its own result slice: nothing is shared while the
// pieces are filtered, and the join is a single copy at the end.
func Example_d_filterJoin() {
	data := readings(1_000_000)
	outlier := func(v float64) bool { return math.Abs(v-10) > 6 } // beyond 3 standard deviations

	pieces := chunk.Slices(data, chunk.Split(len(data), 8))
	kept := make([][]float64, len(pieces))
	parray.Config{Grain: 1}.For(len(pieces), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			for _, v := range pieces[i] {
				if outlier(v) {
					kept[i] = append(kept[i], v)
				}
			}
		}
	})
	lengths := make([]int, len(kept))
	for i, k := range kept {
		lengths[i] = len(k)
	}
	all := chunk.Join([]float64(nil), kept...)

	var sequential []float64
	for _, v := range data {
		if outlier(v) {
			sequential = append(sequential, v)
		}
	}
	fmt.Println("kept per piece:", lengths)
	fmt.Println("joined:", len(all), "the same as the sequential filter:", slices.Equal(all, sequential))
	// Output:
	// kept per piece: [340 324 328 334 316 365 323 356]
	// joined: 2686 the same as the sequential filter: true
}

// # e. The indices of matching elements: Find
//
// The most common filter asks where, not what:
//
//	np.flatnonzero(np.abs(data - 10) > 6)[:5]
//
// parray.Find(inds, f, data, k) returns the indices of the first k elements
// for which f is true (all of them if k < 0), in increasing order, as
// gonum's floats.Find does. It searches ranges in parallel, each collecting
// its own indices, and joins them with chunk.Join; with k > 0 it stops
// handing out ranges once k have been found. Asked for more than there are,
// it returns those it found and parray.ErrInsufficient.
func Example_e_find() {
	data := readings(1_000_000)
	outlier := func(v float64) bool { return math.Abs(v-10) > 6 }

	first, err := parray.Find(nil, outlier, data, 5)
	fmt.Println(first, err)

	all, _ := parray.Find(nil, outlier, data, -1)
	fmt.Println(len(all), "outliers in all")

	_, err = parray.Find(nil, outlier, data, 10_000)
	fmt.Println(errors.Is(err, parray.ErrInsufficient))
	// Output:
	// [16 557 704 767 1039] <nil>
	// 2686 outliers in all
	// true
}

// # f. Pieces of a *mat.VecDense
//
// gonum vectors can be views: a column of a row-major matrix is a
// *mat.VecDense whose elements are Inc apart in memory. chunk.Vecs cuts a
// vector into views that share its memory and keep its increment, so each
// piece can be handed to gonum's own methods. Here each piece of a matrix
// column is scaled in place by a different worker, and the column is then
// summed with parray.SumVec, which reads the strided elements directly.
func Example_f_vecs() {
	m := mat.NewDense(1000, 3, nil)
	for i := range 1000 {
		m.SetRow(i, []float64{float64(i), 1, -1})
	}
	col := m.ColView(1).(*mat.VecDense) // Inc is 3: every third element of m's data

	pieces := chunk.Vecs(col, chunk.Split(col.Len(), 4))
	parray.Config{Grain: 1}.For(len(pieces), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			pieces[i].ScaleVec(float64(i+1), pieces[i]) // piece i times i+1
		}
	})
	fmt.Println("increment:", col.RawVector().Inc)
	fmt.Println("rows 0, 250, 500, 750:", m.At(0, 1), m.At(250, 1), m.At(500, 1), m.At(750, 1))
	fmt.Println("column sum:", parray.SumVec(col))
	// Output:
	// increment: 3
	// rows 0, 250, 500, 750: 1 2 3 4
	// column sum: 2500
}
