package parray_test

import (
	"fmt"
	"math"

	"github.com/parnum/parnum/parray"
	"gonum.org/v1/gonum/mat"
)

// The Config methods give the same results as the package functions, on the
// workers the Config allows. Two workers here.
var two = parray.Config{Workers: 2}

func ExampleConfig_Sum() {
	fmt.Println(two.Sum([]float64{1, 2, 3.5}))
	// Output: 6.5
}

func ExampleConfig_SumCompensated() {
	fmt.Println(two.SumCompensated([]float64{1e16, 1, -1e16}))
	// Output: 1
}

func ExampleConfig_Dot() {
	fmt.Println(two.Dot([]float64{1, 2}, []float64{3, 4}))
	// Output: 11
}

func ExampleConfig_Norm() {
	fmt.Println(two.Norm([]float64{6, 8}, 2))
	// Output: 10
}

func ExampleConfig_Distance() {
	fmt.Println(two.Distance([]float64{1, 1}, []float64{4, 5}, 1))
	// Output: 7
}

func ExampleConfig_Prod() {
	fmt.Println(two.Prod([]float64{2, 3, 7}))
	// Output: 42
}

func ExampleConfig_LogSumExp() {
	fmt.Printf("%.4f\n", two.LogSumExp([]float64{0, 0}))
	// Output: 0.6931
}

func ExampleConfig_Max() {
	fmt.Println(two.Max([]float64{-5, -2, -9}))
	// Output: -2
}

func ExampleConfig_Min() {
	fmt.Println(two.Min([]float64{-5, -2, -9}))
	// Output: -9
}

func ExampleConfig_MaxIdx() {
	fmt.Println(two.MaxIdx([]float64{-5, -2, -9}))
	// Output: 1
}

func ExampleConfig_MinIdx() {
	fmt.Println(two.MinIdx([]float64{-5, -2, -9}))
	// Output: 2
}

func ExampleConfig_Count() {
	fmt.Println(two.Count(math.IsNaN, []float64{1, math.NaN(), math.NaN()}))
	// Output: 2
}

func ExampleConfig_HasNaN() {
	fmt.Println(two.HasNaN([]float64{math.Inf(1)}))
	// Output: false
}

func ExampleConfig_Find() {
	inds, err := two.Find(nil, func(v float64) bool { return v > 1 }, []float64{0, 2, 3}, -1)
	fmt.Println(inds, err)
	// Output: [1 2] <nil>
}

func ExampleConfig_Mean() {
	fmt.Println(two.Mean([]float64{1, 2, 6}, nil))
	// Output: 3
}

func ExampleConfig_MeanVariance() {
	m, v := two.MeanVariance([]float64{1, 2, 6}, nil)
	fmt.Println(m, v)
	// Output: 3 7
}

func ExampleConfig_Variance() {
	fmt.Println(two.Variance([]float64{1, 2, 6}, nil))
	// Output: 7
}

func ExampleConfig_StdDev() {
	fmt.Printf("%.4f\n", two.StdDev([]float64{1, 2, 6}, nil))
	// Output: 2.6458
}

func ExampleConfig_MeanStdDev() {
	m, s := two.MeanStdDev([]float64{1, 2, 6}, nil)
	fmt.Printf("%v %.4f\n", m, s)
	// Output: 3 2.6458
}

func ExampleConfig_CumSum() {
	fmt.Println(two.CumSum(make([]float64, 3), []float64{1, 1, 1}))
	// Output: [1 2 3]
}

func ExampleConfig_CumProd() {
	fmt.Println(two.CumProd(make([]float64, 3), []float64{2, 2, 2}))
	// Output: [2 4 8]
}

func ExampleConfig_SumVec() {
	fmt.Println(two.SumVec(mat.NewVecDense(3, []float64{1, 2, 3})))
	// Output: 6
}

func ExampleConfig_DotVec() {
	v := mat.NewVecDense(2, []float64{1, 2})
	fmt.Println(two.DotVec(v, v))
	// Output: 5
}

func ExampleConfig_NormVec() {
	fmt.Println(two.NormVec(mat.NewVecDense(2, []float64{-1, 3}), math.Inf(1)))
	// Output: 3
}

func ExampleConfig_NearestIdx() {
	fmt.Println(two.NearestIdx([]float64{-3, 3}, 0))
	// Output: 0
}
