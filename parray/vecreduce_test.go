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
	sizes := []int{0, 1, 7, leafLen + 1, leafBatch*leafLen + 3, minParScalar + 1, minParStream2 + 5, minParStream + 9}
	if testing.Short() {
		sizes = sizes[:6]
	}
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
	assert.Equal(t, 0.0, SumVec(&mat.VecDense{}))
	assert.Equal(t, 0.0, NormVec(&mat.VecDense{}, 2))
}
