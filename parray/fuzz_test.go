package parray

import (
	le "encoding/binary"
	"fmt"
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Fuzzing parray against the sequential result: the fuzzer's bytes are
// decoded to float64 values bit for bit, so NaNs of every payload, both
// infinities, negative zero, subnormals and values of every magnitude
// reach the kernels. The seed corpora are the f.Add calls below and the
// files in testdata/fuzz.

// decodeFloats returns the float64s whose little-endian bits are data, 8
// bytes each (a trailing partial value is dropped).
func decodeFloats(data []byte) []float64 {
	s := make([]float64, len(data)/8)
	for i := range s {
		s[i] = math.Float64frombits(le.LittleEndian.Uint64(data[8*i:]))
	}
	return s
}

// encodeFloats is the inverse of decodeFloats, for the seeds.
func encodeFloats(s ...float64) []byte {
	b := make([]byte, 8*len(s))
	for i, v := range s {
		le.LittleEndian.PutUint64(b[8*i:], math.Float64bits(v))
	}
	return b
}

// fuzzConfigs returns the configurations a fuzzed call runs on: one worker,
// and parallel ones whose small grains cut even a short input into many
// ranges and tasks, their number and the grain chosen by the fuzzer.
func fuzzConfigs(workers, grain uint8) []Config {
	return []Config{
		{Workers: 1},
		{Workers: 2, Grain: 1},
		{Workers: int(workers%8) + 2, Grain: int(grain%64) + 1},
	}
}

// fuzzSeeds are values that make interesting inputs: special values next
// to ordinary ones, and a long run that crosses a leaf.
func fuzzSeeds(f *testing.F) {
	nan, inf := math.NaN(), math.Inf(1)
	negNaN := math.Float64frombits(0xfff8_0000_0000_0001)
	long := make([]float64, 3*leafLen+5)
	for i := range long {
		long[i] = float64(i%17) - 8.5
	}
	long[leafLen] = inf
	for _, s := range [][]float64{
		{1, 2, 3},
		{nan, 1, -inf, inf, math.Copysign(0, -1), 5e-324, math.MaxFloat64, -math.MaxFloat64, negNaN},
		{0.1, -0.2, 0.3, 1e300, -1e300, 1e-300, 7, -7, 0, 0, 3.5, 2.25},
		long,
	} {
		f.Add(encodeFloats(s...), uint8(1), uint8(3))
	}
}

// FuzzElementwise checks every element-wise function against floats, the
// VecDense functions against mat, Map, Zip and Blocks against their loops,
// and the scans against floats' (the input is shorter than a scan block),
// bit for bit, on every fuzzConfig.
func FuzzElementwise(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, workers, grain uint8) {
		vals := decodeFloats(data)
		n := len(vals) / 3
		ins := [][]float64{vals[:n], vals[n : 2*n], vals[2*n : 3*n]}
		for _, c := range fuzzConfigs(workers, grain) {
			for _, e := range ewCases {
				want := slices.Clone(ins[0])
				e.ref(want, cloneAll(ins[1:1+e.srcs]))
				got := slices.Clone(ins[0])
				e.run(c, got, cloneAll(ins[1:1+e.srcs]))
				requireSameBits(t, fmt.Sprintf("%s %+v", e.name, c), got, want)
			}
			for _, e := range entries {
				want := make([]float64, n)
				e.want(want, cloneAll(ins[:e.inputs]))
				in := cloneAll(ins[:e.inputs])
				dst := make([]float64, n)
				if e.alias > 0 {
					dst = in[e.alias-1]
				}
				e.run(c, dst, in)
				requireSameBits(t, fmt.Sprintf("%s %+v", e.name, c), dst, want)
			}
			requireSameBits(t, fmt.Sprintf("CumSum %+v", c),
				c.CumSum(make([]float64, n), ins[0]), floats.CumSum(make([]float64, n), ins[0]))
			requireSameBits(t, fmt.Sprintf("CumProd %+v", c),
				c.CumProd(make([]float64, n), ins[0]), floats.CumProd(make([]float64, n), ins[0]))
			if n == 0 {
				continue
			}
			inc := int(workers%3) + 1
			for _, e := range vecCases {
				ref := newStridedVec(nil, ins[0], inc, 0)
				refSrc := []*mat.VecDense{newStridedVec(nil, ins[1], 1, 0).v, newStridedVec(nil, ins[2], inc, 1).v}
				e.ref(ref.v, refSrc[:e.srcs])
				got := newStridedVec(nil, ins[0], inc, 0)
				src := []*mat.VecDense{newStridedVec(nil, ins[1], 1, 0).v, newStridedVec(nil, ins[2], inc, 1).v}
				e.run(c, got.v, src[:e.srcs])
				requireSameBitsOrNaN(t, fmt.Sprintf("%s inc=%d %+v", e.name, inc, c), got.buf, ref.buf)
			}
		}
	})
}

// tame reports whether no sum, product or square that the reductions
// compute from x can overflow in one order of additions and not in another:
// every finite value is at most 1e100 in magnitude, and there are at most
// 10^4 of them. Only then can a result be compared with gonum's.
func tame(xs ...[]float64) bool {
	for _, x := range xs {
		if len(x) > 10_000 {
			return false
		}
		for _, v := range x {
			if !math.IsInf(v, 0) && math.Abs(v) > 1e100 {
				return false
			}
		}
	}
	return true
}

// FuzzReductions checks every reduction for determinism (the same bits on
// every fuzzConfig), its exact operations against gonum bit for bit, and
// its sums against gonum within tolerance where the input is tame (see
// tame): a NaN for a NaN, the same infinity for an infinity, and otherwise
// finite and close.
func FuzzReductions(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, workers, grain uint8) {
		vals := decodeFloats(data)
		if grain >= 128 && len(vals) <= 64 {
			// Tasks are whole leaves, so a short input is a single
			// task and the combining of tasks never runs. Runs of
			// leafLen+1 copies of each value fill whole leaves and
			// tasks with NaNs, ties and infinities.
			vals = stretch(vals, leafLen+1)
		}
		n := len(vals) / 2
		x, y := vals[:n], vals[n:2*n]
		compare := tame(x, y)
		for _, r := range reductions {
			if n < r.min {
				continue
			}
			var first float64
			for i, c := range fuzzConfigs(workers, grain) {
				got := r.got(c, x, y)
				if i == 0 {
					first = got
				} else if !sameBits(first, got) {
					t.Fatalf("%s %+v: %v, one worker %v", r.name, c, got, first)
				}
			}
			// Prod multiplies values near 1, 1 + 1e-6*x: they must
			// stay near 1 for its product not to overflow.
			if r.tol == 0 || compare && (r.name != "Prod" || maxAbsFinite(x) < 1e4) {
				want := r.want(x, y)
				scale := 0.0
				if r.tol > 0 {
					scale = max(r.scale(finiteOnly(x), finiteOnly(y)), math.Abs(want))
				}
				requireSpecialClose(t, r.name, first, want, r.tol, scale)
			}
		}
	})
}

// stretch returns s with each value repeated k times.
func stretch(s []float64, k int) []float64 {
	out := make([]float64, 0, len(s)*k)
	for _, v := range s {
		for range k {
			out = append(out, v)
		}
	}
	return out
}

// maxAbsFinite returns the largest finite |v| of x, or 0.
func maxAbsFinite(x []float64) float64 {
	m := 0.0
	for _, v := range x {
		if !math.IsInf(v, 0) {
			m = maxSkipNaN(m, math.Abs(v))
		}
	}
	return m
}
