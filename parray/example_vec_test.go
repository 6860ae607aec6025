package parray_test

import (
	"fmt"

	"github.com/parnum/parnum/parray"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

func ExampleAddVec() {
	// parray.AddVec(dst, a, b) computes what dst.AddVec(a, b) computes.
	a := mat.NewVecDense(3, []float64{1, 2, 3})
	b := mat.NewVecDense(3, []float64{10, 20, 30})
	var dst mat.VecDense // empty: resized to the length of a
	parray.AddVec(&dst, a, b)
	fmt.Println(dst.RawVector().Data)
	// Output: [11 22 33]
}

func ExampleAddVec_strided() {
	// Views with Inc > 1 are written only at their own elements: here the
	// even elements of data receive the sum of themselves and the odd ones,
	// which they interleave with but do not share.
	data := []float64{1, 10, 2, 20, 3, 30}
	var even, odd mat.VecDense
	even.SetRawVector(blas64.Vector{N: 3, Inc: 2, Data: data[0:5]})
	odd.SetRawVector(blas64.Vector{N: 3, Inc: 2, Data: data[1:6]})
	parray.AddVec(&even, &even, &odd)
	fmt.Println(data)
	// Output: [11 10 22 20 33 30]
}

func ExampleSubVec() {
	a := mat.NewVecDense(2, []float64{5, 5})
	b := mat.NewVecDense(2, []float64{1, 2})
	parray.SubVec(a, a, b) // in place
	fmt.Println(a.RawVector().Data)
	// Output: [4 3]
}

func ExampleMulElemVec() {
	a := mat.NewVecDense(3, []float64{1, 2, 3})
	dst := mat.NewVecDense(3, nil)
	parray.MulElemVec(dst, a, a)
	fmt.Println(dst.RawVector().Data)
	// Output: [1 4 9]
}

func ExampleDivElemVec() {
	a := mat.NewVecDense(2, []float64{1, 1})
	b := mat.NewVecDense(2, []float64{4, 0})
	var dst mat.VecDense
	parray.DivElemVec(&dst, a, b)
	fmt.Println(dst.RawVector().Data)
	// Output: [0.25 +Inf]
}

func ExampleScaleVec() {
	a := mat.NewVecDense(3, []float64{1, 2, 3})
	var dst mat.VecDense
	parray.ScaleVec(&dst, -2, a)
	fmt.Println(dst.RawVector().Data)
	// Output: [-2 -4 -6]
}

func ExampleAddScaledVec() {
	// dst = a + alpha*b, as dst.AddScaledVec(a, alpha, b).
	a := mat.NewVecDense(2, []float64{1, 1})
	b := mat.NewVecDense(2, []float64{1, 2})
	var dst mat.VecDense
	parray.AddScaledVec(&dst, a, 0.5, b)
	fmt.Println(dst.RawVector().Data)
	// Output: [1.5 2]
}

func ExampleCopyVec() {
	// As the built-in copy: as much as the shorter vector holds.
	a := mat.NewVecDense(4, []float64{1, 2, 3, 4})
	dst := mat.NewVecDense(2, nil)
	n := parray.CopyVec(dst, a)
	fmt.Println(n, dst.RawVector().Data)
	// Output: 2 [1 2]
}

// ramp returns a VecDense of n values 0, 1, 2, ...
func ramp(n int) *mat.VecDense {
	v := mat.NewVecDense(n, nil)
	for i := range n {
		v.SetVec(i, float64(i))
	}
	return v
}

func ExampleConfig_AddVec() {
	c := parray.Config{Workers: 2, Grain: 1000}
	a := ramp(10_000)
	var dst mat.VecDense
	c.AddVec(&dst, a, a)
	fmt.Println(dst.AtVec(9_999))
	// Output: 19998
}

func ExampleConfig_SubVec() {
	c := parray.Config{Workers: 2, Grain: 1000}
	a := ramp(10_000)
	c.SubVec(a, a, a)
	fmt.Println(mat.Max(a), mat.Min(a))
	// Output: 0 0
}

func ExampleConfig_MulElemVec() {
	c := parray.Config{Workers: 2, Grain: 1000}
	a := ramp(10_000)
	var dst mat.VecDense
	c.MulElemVec(&dst, a, a)
	fmt.Println(dst.AtVec(100))
	// Output: 10000
}

func ExampleConfig_DivElemVec() {
	c := parray.Config{Workers: 2}
	a := mat.NewVecDense(2, []float64{3, 8})
	b := mat.NewVecDense(2, []float64{3, 2})
	c.DivElemVec(a, a, b)
	fmt.Println(a.RawVector().Data)
	// Output: [1 4]
}

func ExampleConfig_ScaleVec() {
	c := parray.Config{Workers: 2, Grain: 1000}
	a := ramp(10_000)
	c.ScaleVec(a, 0.5, a)
	fmt.Println(a.AtVec(9_999))
	// Output: 4999.5
}

func ExampleConfig_AddScaledVec() {
	// Every Config gives the same bits as the VecDense method.
	c := parray.Config{Workers: 3, Grain: 100}
	a, b := ramp(10_000), ramp(10_000)
	var got, want mat.VecDense
	c.AddScaledVec(&got, a, 1.0/3, b)
	want.AddScaledVec(a, 1.0/3, b)
	fmt.Println(mat.Equal(&got, &want))
	// Output: true
}

func ExampleConfig_CopyVec() {
	c := parray.Config{Workers: 2, Grain: 1000}
	a := ramp(10_000)
	dst := mat.NewVecDense(10_000, nil)
	fmt.Println(c.CopyVec(dst, a), dst.AtVec(9_999))
	// Output: 10000 9999
}
