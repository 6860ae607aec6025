package parray

import (
	"fmt"
	"math"
	"testing"
)

var sinkF float64

// expInput returns n values in [0, 2), where math.Exp takes its usual path.
func expInput(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = float64(i%2000) / 1000
	}
	return s
}

// BenchmarkEngineMapExp is the engine's headline: math.Exp mapped over n
// values, in the same run:
//
//   - seq: the loop a user writes, with a direct call to math.Exp;
//   - seqfunc: the same loop calling math.Exp through a func value, which is
//     MapTo's sequential meaning (a call through a func value costs 2 to 4 ns
//     more per element here than the direct, inlined call);
//   - parray: MapTo(dst, math.Exp, s);
//   - blocks: Blocks with the direct-call loop on each block.
//
// The targets, on 2 cores: at 2^20 at least 1.8x sequential; at 1000
// at most 10% slower.
func BenchmarkEngineMapExp(b *testing.B) {
	for _, n := range []int{1000, 1 << 20} {
		s := expInput(n)
		dst := make([]float64, n)
		b.Run(fmt.Sprintf("n=%d/seq", n), func(b *testing.B) {
			b.SetBytes(int64(16 * n))
			for b.Loop() {
				for i, v := range s {
					dst[i] = math.Exp(v)
				}
			}
			sinkF += dst[n-1]
		})
		b.Run(fmt.Sprintf("n=%d/seqfunc", n), func(b *testing.B) {
			b.SetBytes(int64(16 * n))
			for b.Loop() {
				mapSeq(dst, math.Exp, s)
			}
			sinkF += dst[n-1]
		})
		b.Run(fmt.Sprintf("n=%d/parray", n), func(b *testing.B) {
			b.SetBytes(int64(16 * n))
			b.ReportAllocs()
			for b.Loop() {
				MapTo(dst, math.Exp, s)
			}
			sinkF += dst[n-1]
		})
		b.Run(fmt.Sprintf("n=%d/blocks", n), func(b *testing.B) {
			b.SetBytes(int64(16 * n))
			b.ReportAllocs()
			for b.Loop() {
				Blocks(dst, expBlock, s)
			}
			sinkF += dst[n-1]
		})
	}
}

// mapSeq is MapTo's sequential meaning. It is not inlined, so that f stays a
// func value, as it is for any caller of a map function.
//
//go:noinline
func mapSeq(dst []float64, f func(float64) float64, s []float64) {
	for i, v := range s {
		dst[i] = f(v)
	}
}

func expBlock(dst []float64, src ...[]float64) {
	for i, v := range src[0] {
		dst[i] = math.Exp(v)
	}
}

// BenchmarkEngineBreakEven forces the parallel path (Grain = n/2: two tasks)
// at sizes around the adaptive threshold, beside the sequential loop, to find
// the smallest work for which forking pays: the figure behind
// minParallelWork.
func BenchmarkEngineBreakEven(b *testing.B) {
	for _, n := range []int{500, 1000, 2000, 4000, 8000, 16000, 32000} {
		s := expInput(n)
		dst := make([]float64, n)
		b.Run(fmt.Sprintf("n=%d/seq", n), func(b *testing.B) {
			for b.Loop() {
				for i, v := range s {
					dst[i] = math.Exp(v)
				}
			}
		})
		b.Run(fmt.Sprintf("n=%d/forced", n), func(b *testing.B) {
			c := Config{Grain: n / 2}
			for b.Loop() {
				c.MapTo(dst, math.Exp, s)
			}
		})
		b.Run(fmt.Sprintf("n=%d/adaptive", n), func(b *testing.B) {
			for b.Loop() {
				MapTo(dst, math.Exp, s)
			}
		})
	}
}
