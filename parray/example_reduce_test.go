package parray_test

import (
	"fmt"
	"math"

	"github.com/parnum/parnum/parray"
	"gonum.org/v1/gonum/mat"
)

// Ten million values whose exact sum is known: 0.1 is not exact in binary,
// and a sequential sum drifts; the pairwise sum keeps the error near one
// rounding.
func ExampleSum() {
	x := make([]float64, 10_000_000)
	for i := range x {
		x[i] = 0.1
	}
	fmt.Printf("%.6f\n", parray.Sum(x))
	// Output: 1000000.000000
}

func ExampleSumCompensated() {
	// Large values that cancel hide the small ones from a plain sum.
	x := []float64{1e16, 1, -1e16, 1, 1e16, -1e16}
	fmt.Println(parray.Sum(x), parray.SumCompensated(x))
	// Output: 0 2
}

func ExampleDot() {
	fmt.Println(parray.Dot([]float64{1, 2, 3}, []float64{4, 5, 6}))
	// Output: 32
}

func ExampleNorm() {
	x := []float64{3e300, 4e300} // squaring would overflow
	fmt.Println(parray.Norm(x, 2), parray.Norm(x, 1), parray.Norm(x, math.Inf(1)))
	// Output: 5e+300 7e+300 4e+300
}

func ExampleDistance() {
	fmt.Println(parray.Distance([]float64{0, 0}, []float64{3, 4}, 2))
	// Output: 5
}

func ExampleProd() {
	fmt.Println(parray.Prod([]float64{1, 2, 3, 4}), parray.Prod(nil))
	// Output: 24 1
}

func ExampleLogSumExp() {
	// exp(1000) overflows; LogSumExp does not.
	fmt.Printf("%.4f\n", parray.LogSumExp([]float64{1000, 1000}))
	// Output: 1000.6931
}

func ExampleMax() {
	fmt.Println(parray.Max([]float64{3, math.NaN(), 7, 1}))
	// Output: 7
}

func ExampleMin() {
	fmt.Println(parray.Min([]float64{3, math.NaN(), 7, 1}))
	// Output: 1
}

func ExampleMaxIdx() {
	// Ties go to the first index, as in floats.
	fmt.Println(parray.MaxIdx([]float64{1, 9, 3, 9}))
	// Output: 1
}

func ExampleMinIdx() {
	fmt.Println(parray.MinIdx([]float64{4, 0, 3, 0}))
	// Output: 1
}

func ExampleCount() {
	fmt.Println(parray.Count(func(v float64) bool { return v < 0 }, []float64{-1, 2, -3}))
	// Output: 2
}

func ExampleHasNaN() {
	fmt.Println(parray.HasNaN([]float64{1, math.NaN()}), parray.HasNaN([]float64{1, 2}))
	// Output: true false
}

func ExampleFind() {
	s := []float64{5, -1, 7, -2, 9, -3}
	neg := func(v float64) bool { return v < 0 }
	inds, err := parray.Find(nil, neg, s, 2)
	fmt.Println(inds, err)
	inds, err = parray.Find(inds, neg, s, 5)
	fmt.Println(inds, err)
	// Output:
	// [1 3] <nil>
	// [1 3 5] parray: insufficient elements found
}

func ExampleMean() {
	x := []float64{1, 2, 3, 4}
	fmt.Println(parray.Mean(x, nil), parray.Mean(x, []float64{1, 1, 1, 5}))
	// Output: 2.5 3.25
}

func ExampleMeanVariance() {
	// Values near 1e9 that differ by about 1: a one-pass formula loses every
	// digit, the pairwise two-pass merge keeps them.
	x := []float64{1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4}
	m, v := parray.MeanVariance(x, nil)
	fmt.Printf("%.2f %.6f\n", m, v)
	// Output: 1000000002.50 1.666667
}

func ExampleVariance() {
	fmt.Printf("%.4f\n", parray.Variance([]float64{2, 4, 4, 4, 5, 5, 7, 9}, nil))
	// Output: 4.5714
}

func ExampleStdDev() {
	fmt.Printf("%.4f\n", parray.StdDev([]float64{2, 4, 4, 4, 5, 5, 7, 9}, nil))
	// Output: 2.1381
}

func ExampleMeanStdDev() {
	m, s := parray.MeanStdDev([]float64{2, 4, 4, 4, 5, 5, 7, 9}, nil)
	fmt.Printf("%.1f %.4f\n", m, s)
	// Output: 5.0 2.1381
}

func ExampleCumSum() {
	x := []float64{1, 2, 3, 4}
	fmt.Println(parray.CumSum(make([]float64, 4), x))
	// Output: [1 3 6 10]
}

func ExampleCumProd() {
	x := []float64{1, 2, 3, 4}
	fmt.Println(parray.CumProd(x, x)) // in place
	// Output: [1 2 6 24]
}

// A histogram with Reduce: each block of the grid is binned on its own, and
// the block histograms are merged.
func ExampleReduce() {
	x := make([]float64, 100_000)
	for i := range x {
		x[i] = float64(i%10) / 10 // 0, 0.1, ..., 0.9
	}
	hist := parray.Reduce(x, func(b []float64) []int {
		h := make([]int, 2)
		for _, v := range b {
			if v < 0.5 {
				h[0]++
			} else {
				h[1]++
			}
		}
		return h
	}, func(a, b []int) []int {
		a[0] += b[0]
		a[1] += b[1]
		return a
	})
	fmt.Println(hist)
	// Output: [50000 50000]
}

func ExampleReduceWith() {
	x := []float64{3, 1, 2}
	n := parray.ReduceWith(parray.Config{Workers: 1}, x, func(b []float64) int { return len(b) },
		func(a, b int) int { return a + b })
	fmt.Println(n)
	// Output: 3
}

// The correlation of two series in one pass over both: ReduceRange hands out
// index ranges, so the block function reads x and y together.
func ExampleReduceRange() {
	n := 1000
	x, y := make([]float64, n), make([]float64, n)
	for i := range n {
		x[i] = float64(i)
		y[i] = 2*float64(i) + 1
	}
	type sums struct{ x, y, xx, yy, xy float64 }
	s := parray.ReduceRange(n, func(lo, hi int) sums {
		var s sums
		for i := lo; i < hi; i++ {
			s.x += x[i]
			s.y += y[i]
			s.xx += x[i] * x[i]
			s.yy += y[i] * y[i]
			s.xy += x[i] * y[i]
		}
		return s
	}, func(a, b sums) sums {
		return sums{a.x + b.x, a.y + b.y, a.xx + b.xx, a.yy + b.yy, a.xy + b.xy}
	})
	N := float64(n)
	r := (N*s.xy - s.x*s.y) / math.Sqrt((N*s.xx-s.x*s.x)*(N*s.yy-s.y*s.y))
	fmt.Printf("%.6f\n", r)
	// Output: 1.000000
}

func ExampleReduceRangeWith() {
	total := parray.ReduceRangeWith(parray.Config{Workers: 2}, 10, func(lo, hi int) int { return hi - lo },
		func(a, b int) int { return a + b })
	fmt.Println(total)
	// Output: 10
}

func ExampleSumVec() {
	// The second column of a matrix: a strided view.
	m := mat.NewDense(3, 2, []float64{1, 10, 2, 20, 3, 30})
	fmt.Println(parray.SumVec(m.ColView(1).(*mat.VecDense)))
	// Output: 60
}

func ExampleDotVec() {
	a := mat.NewVecDense(3, []float64{1, 2, 3})
	b := mat.NewVecDense(3, []float64{1, 0, 1})
	fmt.Println(parray.DotVec(a, b))
	// Output: 4
}

func ExampleNormVec() {
	fmt.Println(parray.NormVec(mat.NewVecDense(2, []float64{3, 4}), 2))
	// Output: 5
}

func ExampleNearestIdx() {
	fmt.Println(parray.NearestIdx([]float64{1, 5, 9, 5.5}, 5.2))
	// Output: 1
}
