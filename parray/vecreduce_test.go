package parray

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// stridedOf returns a vector holding vals with increment inc, its gaps
// filled with NaN, which any read of a gap would spread into the result.
func stridedOf(vals []float64, inc int) *mat.VecDense {
	if len(vals) == 0 {
		return &mat.VecDense{}
	}
	data := make([]float64, (len(vals)-1)*inc+1)
	for i := range data {
		data[i] = math.NaN()
	}
	for i, v := range vals {
		data[i*inc] = v
	}
	var v mat.VecDense
	v.SetRawVector(blas64.Vector{N: len(vals), Inc: inc, Data: data})
	return &v
}

// TestVecReductions checks SumVec, DotVec and NormVec against the slice
// reductions on the same values, bit for bit, for increments 1, 2 and 3,
// and against gonum's mat functions within rounding.
func TestVecReductions(t *testing.T) {
	rnd := rand.New(rand.NewPCG(51, 52))
	sizes := []int{0, 1, 7, leafLen + 1, leafBatch*leafLen + 3, minParStream2 + 5, minParStream + 9}
	for _, n := range sizes {
		x, y := randSlice(rnd, n), randSlice(rnd, n)
		for _, inc := range []int{1, 2, 3} {
			for _, incB := range []int{1, 3} {
				a, b := stridedOf(x, inc), stridedOf(y, incB)
				for _, w := range []int{1, 2, 7} {
					c := Config{Workers: w}
					require.True(t, sameBits(c.Sum(x), c.SumVec(a)), "SumVec n=%d inc=%d w=%d", n, inc, w)
					require.True(t, sameBits(c.Dot(x, y), c.DotVec(a, b)), "DotVec n=%d inc=%d/%d w=%d", n, inc, incB, w)
					for _, L := range []float64{1, 2, 3, math.Inf(1)} {
						require.True(t, sameBits(c.Norm(x, L), c.NormVec(a, L)), "NormVec n=%d inc=%d L=%v w=%d", n, inc, L, w)
					}
				}
				if n > 0 {
					assert.InDelta(t, mat.Sum(a), SumVec(a), 1e-12*float64(n))
					assert.InDelta(t, mat.Dot(a, b), DotVec(a, b), 1e-12*float64(n))
					assert.InDelta(t, mat.Norm(a, 2), NormVec(a, 2), 1e-12*float64(n))
				}
			}
		}
	}
}

func TestVecReductionMisuse(t *testing.T) {
	assert.PanicsWithValue(t, badVecLength, func() { DotVec(mat.NewVecDense(2, nil), mat.NewVecDense(3, nil)) })
	assert.PanicsWithValue(t, badWorkers, func() { Config{Workers: -1}.SumVec(mat.NewVecDense(2, nil)) })
	assert.PanicsWithValue(t, nilVec, func() { SumVec(nil) })
	assert.PanicsWithValue(t, nilVec, func() { DotVec(mat.NewVecDense(2, nil), nil) })
	assert.PanicsWithValue(t, nilVec, func() { NormVec(nil, 2) })
	// Raw vectors that SetRawVector accepts and mat never makes: the
	// check is on the caller, not an index out of range in a worker.
	raw := func(n, inc, size int) *mat.VecDense {
		var v mat.VecDense
		v.SetRawVector(blas64.Vector{N: n, Inc: inc, Data: make([]float64, size)})
		return &v
	}
	n := 2 * minParStream // parallel
	ok := raw(n, 2, 2*n)
	for name, bad := range map[string]*mat.VecDense{
		"short": raw(n, 2, n), "inc 0": raw(n, 0, n), "inc -1": raw(n, -1, 2*n),
		"huge": raw(math.MaxInt/2, 3, 10), "negative length": raw(-3, 1, 3),
	} {
		assert.PanicsWithValue(t, badRawVector, func() { SumVec(bad) }, "SumVec %s", name)
		assert.PanicsWithValue(t, badRawVector, func() { DotVec(ok, bad) }, "DotVec %s", name)
		assert.PanicsWithValue(t, badRawVector, func() { DotVec(bad, ok) }, "DotVec %s", name)
		for _, L := range []float64{1, 2, 3, math.Inf(1)} {
			assert.PanicsWithValue(t, badRawVector, func() { NormVec(bad, L) }, "NormVec %s L=%v", name, L)
		}
	}
	assert.Equal(t, 0.0, SumVec(&mat.VecDense{}))
	assert.Equal(t, 0.0, NormVec(&mat.VecDense{}, 2))
}
