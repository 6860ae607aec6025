package chunk

import (
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

func TestSlicesClipped(t *testing.T) {
	s := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	ps := Slices(s, Split(len(s), 3))
	require.Len(t, ps, 3)
	assert.Equal(t, []int{0, 1, 2, 3}, ps[0])
	assert.Equal(t, []int{4, 5, 6}, ps[1])
	assert.Equal(t, []int{7, 8, 9}, ps[2])
	for _, p := range ps {
		assert.Equal(t, len(p), cap(p))
	}
	// An append to a piece must not overwrite the next piece.
	_ = append(ps[0], -1)
	assert.Equal(t, 4, s[4])
	// The pieces share memory with s.
	ps[1][0] = 40
	assert.Equal(t, 40, s[4])
}

type celsius []float64

func TestSliceNamedType(t *testing.T) {
	c := celsius{1, 2, 3}
	var p celsius = Slice(c, Range{1, 3})
	assert.Equal(t, celsius{2, 3}, p)
	assert.Empty(t, Slice(c, Range{3, 3}))
}

func TestVecViews(t *testing.T) {
	for _, inc := range []int{1, 2, 3} {
		const n = 11
		data := make([]float64, (n-1)*inc+1)
		for i := range data {
			data[i] = math.NaN() // stride gaps stay NaN
		}
		for i := 0; i < n; i++ {
			data[i*inc] = float64(i)
		}
		v := stridedVec(data, n, inc)
		rs := Split(n, 3)
		vs := Vecs(v, rs)
		require.Len(t, vs, len(rs))
		for k, w := range vs {
			r := rs[k]
			require.Equal(t, r.Len(), w.Len())
			assert.Equal(t, inc, w.RawVector().Inc)
			assert.Equal(t, w.Len(), w.Cap(), "view must be clipped")
			for i := 0; i < w.Len(); i++ {
				assert.Equal(t, float64(r.Lo+i), w.AtVec(i))
			}
			// Writes go through to v, at Data[i*Inc] only.
			w.SetVec(0, -float64(r.Lo))
			assert.Equal(t, -float64(r.Lo), data[r.Lo*inc])
		}
		for i := range data {
			if i%inc != 0 {
				assert.True(t, math.IsNaN(data[i]), "gap %d written", i)
			}
		}
	}
}

func stridedVec(data []float64, n, inc int) *mat.VecDense {
	var v mat.VecDense
	v.SetRawVector(blas64.Vector{N: n, Inc: inc, Data: data})
	return &v
}

func TestJoin(t *testing.T) {
	pieces := [][]int{{1, 2}, nil, {3}, {}, {4, 5, 6}}
	assert.Equal(t, []int{1, 2, 3, 4, 5, 6}, Join(nil, pieces...))
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5, 6}, Join([]int{0}, pieces...))
	assert.Empty(t, Join[[]int](nil))

	// Room in dst: the result reuses dst's memory.
	dst := make([]int, 1, 16)
	out := Join(dst, pieces...)
	assert.Same(t, &dst[:1][0], &out[0])

	// Growing allocates exactly once, whatever the number of pieces.
	many := make([][]float64, 100)
	for i := range many {
		many[i] = make([]float64, i%7)
	}
	allocs := testing.AllocsPerRun(20, func() { _ = Join(nil, many...) })
	assert.Equal(t, 1.0, allocs)
	big := make([]float64, 0, 1000)
	allocs = testing.AllocsPerRun(20, func() { _ = Join(big, many...) })
	assert.Equal(t, 0.0, allocs)
}

// FuzzPieces checks the pieces of every cut of a slice and of a strided
// vector: each slice piece is clipped and shares memory with the slice, Join
// of the pieces gives the slice back, and each vector view holds the
// vector's elements of its range, with no spare capacity.
func FuzzPieces(f *testing.F) {
	f.Add(uint16(10), uint8(3), uint8(1), uint8(8))
	f.Add(uint16(17), uint8(2), uint8(2), uint8(7))
	f.Add(uint16(0), uint8(5), uint8(3), uint8(1))
	f.Add(uint16(4095), uint8(255), uint8(0), uint8(15))
	f.Fuzz(func(t *testing.T, n16 uint16, p8, inc8, size8 uint8) {
		n, p, inc, size := int(n16%4096), int(p8)+1, int(inc8%4)+1, int(size8%16)+1
		s := make([]int, n)
		data := make([]float64, max(0, (n-1)*inc+1))
		for i := range s {
			s[i] = i
			data[i*inc] = float64(i)
		}
		v := stridedVec(data, n, inc)
		for _, rs := range [][]Range{Split(n, p), Aligned(n, p, size), Blocks(n, size)} {
			ps := Slices(s, rs)
			for i, piece := range ps {
				if len(piece) != cap(piece) || &piece[0] != &s[rs[i].Lo] {
					t.Fatalf("piece %d %v: len %d cap %d, not clipped or not shared", i, rs[i], len(piece), cap(piece))
				}
			}
			if got := Join(nil, ps...); !slices.Equal(got, s) {
				t.Fatalf("Join of the pieces of %v: %v", rs, got)
			}
			if n == 0 {
				continue
			}
			for i, w := range Vecs(v, rs) {
				if w.Len() != rs[i].Len() || w.Cap() != w.Len() || w.RawVector().Inc != inc {
					t.Fatalf("view %d %v: len %d cap %d inc %d", i, rs[i], w.Len(), w.Cap(), w.RawVector().Inc)
				}
				for k := range w.Len() {
					if w.AtVec(k) != float64(rs[i].Lo+k) {
						t.Fatalf("view %d %v: element %d = %v", i, rs[i], k, w.AtVec(k))
					}
				}
			}
		}
	})
}
