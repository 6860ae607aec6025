package parray_test

import (
	"fmt"

	"github.com/parnum/parnum/parray"
	"gonum.org/v1/gonum/floats"
)

func ExampleAdd() {
	dst := []float64{1, 2, 3}
	parray.Add(dst, []float64{10, 20, 30})
	fmt.Println(dst)
	// Output: [11 22 33]
}

func ExampleAddTo() {
	// A drop-in for floats.AddTo: same arguments, same bits.
	s, t := []float64{1, 2, 3}, []float64{0.5, 0.25, 0.125}
	dst := make([]float64, 3)
	fmt.Println(parray.AddTo(dst, s, t))
	// Output: [1.5 2.25 3.125]
}

func ExampleAddConst() {
	// The scalar comes first, as in floats.AddConst.
	dst := []float64{1, 2, 3}
	parray.AddConst(0.5, dst)
	fmt.Println(dst)
	// Output: [1.5 2.5 3.5]
}

func ExampleAddScaled() {
	dst := []float64{1, 1, 1}
	parray.AddScaled(dst, 2, []float64{1, 2, 3})
	fmt.Println(dst)
	// Output: [3 5 7]
}

func ExampleAddScaledTo() {
	dst := make([]float64, 3)
	fmt.Println(parray.AddScaledTo(dst, []float64{1, 1, 1}, -1, []float64{1, 2, 3}))
	// Output: [0 -1 -2]
}

func ExampleDiv() {
	dst := []float64{1, 2, 3}
	parray.Div(dst, []float64{2, 4, 0})
	fmt.Println(dst)
	// Output: [0.5 0.5 +Inf]
}

func ExampleDivTo() {
	dst := make([]float64, 2)
	fmt.Println(parray.DivTo(dst, []float64{1, 0}, []float64{3, 0}))
	// Output: [0.3333333333333333 NaN]
}

func ExampleMul() {
	dst := []float64{1, 2, 3}
	parray.Mul(dst, []float64{2, 2, -1})
	fmt.Println(dst)
	// Output: [2 4 -3]
}

func ExampleMulTo() {
	dst := make([]float64, 3)
	fmt.Println(parray.MulTo(dst, []float64{1, 2, 3}, []float64{4, 5, 6}))
	// Output: [4 10 18]
}

func ExampleScale() {
	// The scalar comes first, as in floats.Scale.
	dst := []float64{1, 2, 3}
	parray.Scale(10, dst)
	fmt.Println(dst)
	// Output: [10 20 30]
}

func ExampleScaleTo() {
	dst := make([]float64, 3)
	fmt.Println(parray.ScaleTo(dst, 0.5, []float64{1, 2, 3}))
	// Output: [0.5 1 1.5]
}

func ExampleSub() {
	dst := []float64{5, 5, 5}
	parray.Sub(dst, []float64{1, 2, 3})
	fmt.Println(dst)
	// Output: [4 3 2]
}

func ExampleSubTo() {
	dst := make([]float64, 3)
	fmt.Println(parray.SubTo(dst, []float64{5, 5, 5}, []float64{1, 2, 3}))
	// Output: [4 3 2]
}

// bigRamp returns n values 0.001*i, long enough for a Config with a small
// Grain to cut into many ranges.
func bigRamp(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = 0.001 * float64(i)
	}
	return s
}

func ExampleConfig_Add() {
	c := parray.Config{Workers: 2, Grain: 1000}
	dst, s := bigRamp(10_000), bigRamp(10_000)
	c.Add(dst, s)
	fmt.Println(dst[9_999])
	// Output: 19.998
}

func ExampleConfig_AddTo() {
	// The same bits as floats.AddTo, however the work is cut.
	c := parray.Config{Workers: 3, Grain: 100}
	s, t := bigRamp(10_000), bigRamp(10_000)
	got := c.AddTo(make([]float64, len(s)), s, t)
	want := floats.AddTo(make([]float64, len(s)), s, t)
	fmt.Println(floats.Same(got, want))
	// Output: true
}

func ExampleConfig_AddConst() {
	c := parray.Config{Workers: 2}
	dst := []float64{1, 2}
	c.AddConst(-1, dst)
	fmt.Println(dst)
	// Output: [0 1]
}

func ExampleConfig_AddScaled() {
	c := parray.Config{Workers: 2, Grain: 1000}
	dst, s := bigRamp(10_000), bigRamp(10_000)
	c.AddScaled(dst, -1, s)
	fmt.Println(floats.Max(dst), floats.Min(dst))
	// Output: 0 0
}

func ExampleConfig_AddScaledTo() {
	c := parray.Config{Workers: 2}
	dst := make([]float64, 2)
	fmt.Println(c.AddScaledTo(dst, []float64{1, 2}, 3, []float64{1, 1}))
	// Output: [4 5]
}

func ExampleConfig_Div() {
	c := parray.Config{Workers: 2}
	dst := []float64{9, 8}
	c.Div(dst, []float64{3, 2})
	fmt.Println(dst)
	// Output: [3 4]
}

func ExampleConfig_DivTo() {
	c := parray.Config{Workers: 2, Grain: 1000}
	s := bigRamp(10_000)
	dst := c.DivTo(make([]float64, len(s)), s, s)
	fmt.Println(dst[0], dst[1], dst[9_999])
	// Output: NaN 1 1
}

func ExampleConfig_Mul() {
	c := parray.Config{Workers: 2}
	dst := []float64{2, 3}
	c.Mul(dst, []float64{2, 3})
	fmt.Println(dst)
	// Output: [4 9]
}

func ExampleConfig_MulTo() {
	c := parray.Config{Workers: 2, Grain: 1000}
	s := bigRamp(10_000)
	dst := c.MulTo(make([]float64, len(s)), s, s)
	fmt.Printf("%.4f\n", dst[1_000])
	// Output: 1.0000
}

func ExampleConfig_Scale() {
	c := parray.Config{Workers: 2, Grain: 1000}
	dst := bigRamp(10_000)
	c.Scale(1000, dst)
	fmt.Println(dst[1], dst[9_999])
	// Output: 1 9999
}

func ExampleConfig_ScaleTo() {
	c := parray.Config{Workers: 2}
	dst := make([]float64, 2)
	fmt.Println(c.ScaleTo(dst, -2, []float64{1, -1}))
	// Output: [-2 2]
}

func ExampleConfig_Sub() {
	c := parray.Config{Workers: 2}
	dst := []float64{1, 2}
	c.Sub(dst, []float64{1, 1})
	fmt.Println(dst)
	// Output: [0 1]
}

func ExampleConfig_SubTo() {
	c := parray.Config{Workers: 2, Grain: 1000}
	s := bigRamp(10_000)
	dst := c.SubTo(make([]float64, len(s)), s, s)
	fmt.Println(floats.Max(dst), floats.Min(dst))
	// Output: 0 0
}
