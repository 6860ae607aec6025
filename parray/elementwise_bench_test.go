package parray

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// The element-wise benchmarks find the break-even size of each kind of
// operation, the figure behind its threshold in elementwise.go. For every
// size from 2^12 to 2^22 elements they run, in the same run:
//
//   - seq: the sequential gonum operation;
//   - inline: Config{Workers: 1}, parray's own kernel on the caller (the
//     same floats call as seq for slices; a Go loop for strided views);
//   - forced: Config{Grain: n/2}, which always forks (two ranges);
//   - default: the package-level function, which forks at the threshold.
//
// With -count 5, the top-level function runs five times, so the variants
// alternate. Compare medians of ns/op:
//
//	go test ./parray -run '^$' -bench 'Elementwise' -benchtime 100ms -count 5
//
// SetBytes counts the bytes each call reads and writes.

// benchSizes are the sizes of the break-even sweep: 2^12 to 2^22.
func benchSizes() []int {
	var sz []int
	for n := 1 << 12; n <= 1<<22; n *= 2 {
		sz = append(sz, n)
	}
	return sz
}

// benchKind runs seq, forced and default of one operation at every size.
// op runs the operation on n elements with the given Config, or
// sequentially when seq is true. streams is the number of slices read and
// written.
func benchKind(b *testing.B, streams int, setup func(n int) func(c Config, seq bool)) {
	for _, n := range benchSizes() {
		op := setup(n)
		variants := []struct {
			name string
			c    Config
			seq  bool
		}{
			{"seq", Config{}, true},
			{"inline", Config{Workers: 1}, false},
			{"forced", Config{Grain: n / 2}, false},
			{"default", Config{}, false},
		}
		for _, v := range variants {
			b.Run(fmt.Sprintf("n=%d/%s", n, v.name), func(b *testing.B) {
				b.SetBytes(int64(8 * streams * n))
				b.ReportAllocs()
				for b.Loop() {
					op(v.c, v.seq)
				}
			})
		}
	}
}

// BenchmarkElementwiseStream1 is ScaleTo: one slice read, one written.
func BenchmarkElementwiseStream1(b *testing.B) {
	benchKind(b, 2, func(n int) func(Config, bool) {
		rnd := rand.New(rand.NewPCG(1, uint64(n)))
		s, dst := randSlice(rnd, n), make([]float64, n)
		return func(c Config, seq bool) {
			if seq {
				floats.ScaleTo(dst, 1.5, s)
			} else {
				c.ScaleTo(dst, 1.5, s)
			}
			sinkF += dst[n-1]
		}
	})
}

// BenchmarkElementwiseStream2 is AddTo: two slices read, one written.
func BenchmarkElementwiseStream2(b *testing.B) {
	benchKind(b, 3, func(n int) func(Config, bool) {
		rnd := rand.New(rand.NewPCG(2, uint64(n)))
		s, t, dst := randSlice(rnd, n), randSlice(rnd, n), make([]float64, n)
		return func(c Config, seq bool) {
			if seq {
				floats.AddTo(dst, s, t)
			} else {
				c.AddTo(dst, s, t)
			}
			sinkF += dst[n-1]
		}
	})
}

// BenchmarkElementwiseDiv is DivTo: two slices read, one written, and a
// division per element.
func BenchmarkElementwiseDiv(b *testing.B) {
	benchKind(b, 3, func(n int) func(Config, bool) {
		rnd := rand.New(rand.NewPCG(3, uint64(n)))
		s, t, dst := randSlice(rnd, n), randSlice(rnd, n), make([]float64, n)
		return func(c Config, seq bool) {
			if seq {
				floats.DivTo(dst, s, t)
			} else {
				c.DivTo(dst, s, t)
			}
			sinkF += dst[n-1]
		}
	})
}

// BenchmarkElementwiseStrided is AddVec on views with Inc 2 (the even
// elements of three slices), against mat's dst.AddVec(a, b).
func BenchmarkElementwiseStrided(b *testing.B) {
	benchKind(b, 3, func(n int) func(Config, bool) {
		rnd := rand.New(rand.NewPCG(4, uint64(n)))
		strided := func() *mat.VecDense {
			var v mat.VecDense
			v.SetRawVector(blas64.Vector{N: n, Inc: 2, Data: randSlice(rnd, 2*n-1)})
			return &v
		}
		a, bv, dst := strided(), strided(), strided()
		return func(c Config, seq bool) {
			if seq {
				dst.AddVec(a, bv)
			} else {
				c.AddVec(dst, a, bv)
			}
			sinkF += dst.AtVec(n - 1)
		}
	})
}
