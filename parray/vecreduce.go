package parray

import (
	"gonum.org/v1/gonum/mat"
)

// The reductions of *mat.VecDense. A vector with Inc 1 is reduced as its
// slice; a strided one (Inc > 1, as a column view of a matrix) is gathered
// leaf by leaf into a buffer and reduced by the same kernels, so the result
// is the same bits as for a []float64 holding the same values.

const badVecLength = "parray: vector lengths do not match"

// SumVec returns the sum of the elements of v, as [Sum] of a slice holding
// them: the same bits whatever the workers, the increment or the address.
// The sum of an empty vector is 0.
func SumVec(v *mat.VecDense) float64 { return Config{}.SumVec(v) }

// SumVec is the package-level [SumVec] on the workers of c.
func (c Config) SumVec(v *mat.VecDense) float64 {
	c.check()
	vv := vecView(v)
	n, data, inc := vv.n, vv.data, vv.inc
	if n == 0 || vv.unit() {
		return c.Sum(data)
	}
	return c.fillSum(n, minParStream, leafFill{x: data, incX: inc})
}

// DotVec returns the dot product of a and b, with the meaning of mat.Dot and
// the result of [Dot] on slices holding their elements.
// It panics if the lengths of a and b differ.
func DotVec(a, b *mat.VecDense) float64 { return Config{}.DotVec(a, b) }

// DotVec is the package-level [DotVec] on the workers of c.
func (c Config) DotVec(a, b *mat.VecDense) float64 {
	c.check()
	av, bv := vecView(a), vecView(b)
	n := av.n
	if bv.n != n {
		panic(badVecLength)
	}
	ad, ai, bd, bi := av.data, av.inc, bv.data, bv.inc
	if n == 0 || (av.unit() && bv.unit()) {
		return c.Dot(ad, bd)
	}
	w, inline := c.serial(n, minParStream2)
	if inline {
		return dotStridedNode(0, n, ad, ai, bd, bi)
	}
	return reduceFloat(w, n, c.reduceTaskLen(n, leafLen, w, minTaskReduce), func(lo, hi int) float64 {
		return dotStridedNode(lo, hi, ad, ai, bd, bi)
	})
}

// dotStridedNode is dotNode over [lo, hi) of two strided vectors: each leaf is
// gathered into buffers and summed by the dot kernel.
func dotStridedNode(lo, hi int, ad []float64, ai int, bd []float64, bi int) float64 {
	var bx, by [leafLen]float64
	var one [1]float64
	var p pairwise
	for i := lo; i < hi; i += leafLen {
		m := min(leafLen, hi-i)
		for k := range m {
			bx[k] = ad[(i+k)*ai]
			by[k] = bd[(i+k)*bi]
		}
		dotLeaves(one[:], bx[:m], by[:m])
		p.push(one[0])
	}
	return p.sum()
}

// NormVec returns the L norm of v, with the meaning of mat.Norm for a vector
// and the result of [Norm] on a slice holding its elements: L = 1, 2
// (scaled: no overflow or underflow where the norm itself does not), +Inf,
// or any other L. The norm of an empty vector is 0.
func NormVec(v *mat.VecDense, L float64) float64 { return Config{}.NormVec(v, L) }

// NormVec is the package-level [NormVec] on the workers of c.
func (c Config) NormVec(v *mat.VecDense, L float64) float64 {
	c.check()
	vv := vecView(v)
	n, data, inc := vv.n, vv.data, vv.inc
	if n == 0 || vv.unit() {
		return c.Norm(data, L)
	}
	return c.norm(n, leafFill{x: data, incX: inc}, L)
}
