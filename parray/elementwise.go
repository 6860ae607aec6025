package parray

import "gonum.org/v1/gonum/floats"

// Element-wise mirrors of gonum's floats: the same names, signatures, checks
// and panic kinds, and the same bits. Each range of a parallel call runs the
// floats function itself on its sub-slices (SSE2 assembly on amd64), and
// every element of these operations depends only on the same element of the
// inputs, so cutting the slices changes nothing in the result. Workers write
// disjoint ranges whose boundaries start cache lines of dst. From minStream
// elements, Add, AddTo, Sub, SubTo, AddScaled and AddScaledTo run gonum's
// kernel of those functions (AxpyUnitaryTo) rewritten with streaming stores
// instead (stream.go): the same instructions, so the same bits.
//
// The functions are written out one by one rather than through a helper
// taking the floats function as a value: floats.Mul, MulTo and friends are
// Go loops that the compiler inlines into a direct call, and through a func
// value MulTo took twice as long at 1024 elements (BenchmarkSmall, 6 runs:
// 1.1-1.6 us against 0.47-0.73 us).

// Thresholds of the element-wise operations, in elements: a call on fewer
// elements runs inline on the caller. These operations write an element for
// every element they read; reductions, which only read, have their own.
//
// Each threshold is the break-even of make thresholds on the 2-core
// development machine (AMD EPYC under Firecracker, Go 1.26), on a quiet
// machine, 2026-11-22: the benchmarks in elementwise_bench_test.go, -count
// 6, forced onto two workers (Config{Grain: n/2}) against the sequential
// floats or mat call, interleaved; the change of the median where benchstat
// found one (p <= 0.05), ~ where it found none. Below the thresholds forking
// loses: an idle core is a halted virtual CPU that starts a new goroutine 40
// to 300 us late, and the slices fit in the 32 MiB cache, so one core is
// already fast. bench/RESULTS.md says how to measure them again elsewhere.
const (
	// minParElem1 is for operations that read one slice and write one:
	// Scale, ScaleTo, AddConst, and ScaleVec and CopyVec with Inc 1.
	// ScaleTo: 2^20 ~; 2^21 ~; 2^22 -32% (32 MiB per slice; the top of
	// the sweep).
	minParElem1 = 1 << 22

	// minParElem2 is for operations that read two slices and write one:
	// Add, AddTo, Sub, SubTo, Mul, MulTo, AddScaled, AddScaledTo, and the
	// VecDense sums and products with Inc 1.
	// AddTo: 2^19 +41%; 2^20 -20% (8 MiB per slice); 2^21 -18%; 2^22 -19%.
	minParElem2 = 1 << 20

	// minParElemDiv is for division (Div, DivTo, and DivElemVec with Inc 1),
	// which costs more per element than a memory stream.
	// DivTo: 2^18 +11%; 2^19 ~; 2^20 -31%; 2^21 -23%; 2^22 -40%.
	minParElemDiv = 1 << 20

	// minParElemStrided is for VecDense operations on views with Inc > 1,
	// whose scalar loops touch a cache line for every few elements.
	// AddVec on three Inc 2 views: 2^18 +113%; 2^19 ~; 2^20 -29%; 2^21
	// -20%; 2^22 -14%. (parray's inline strided loop is Go,
	// 1.7 to 2.1 times mat's assembly below 2^19: gonum's strided kernels
	// are in an internal package.)
	minParElemStrided = 1 << 20

	// minTaskElem is the least number of elements in one claimed range
	// of a streaming operation: a few microseconds of work, against tens
	// of nanoseconds for a claim.
	minTaskElem = 8192
)

// Add adds, element-wise, the elements of s and dst, and stores the result in
// dst. It is equivalent to [floats.Add] on the whole slices, computed in
// parallel over cache-line-aligned ranges.
// It panics if the argument lengths do not match, or if dst partially
// overlaps s.
func Add(dst, s []float64) { Config{}.Add(dst, s) }

// Add is the package-level [Add] on the workers of c.
func (c Config) Add(dst, s []float64) {
	c.check()
	if len(dst) != len(s) {
		panic(badDstLength)
	}
	checkOverlap(dst, s)
	if streams(len(dst)) {
		c.streamAxpy(dst, 1, s, dst)
		return
	}
	w, inline := c.serial(len(dst), minParElem2)
	if inline {
		floats.Add(dst, s)
		return
	}
	c.split(w, len(dst), lineLead(dst), minTaskElem, func(lo, hi int) {
		floats.Add(dst[lo:hi], s[lo:hi])
	})
}

// AddTo adds, element-wise, the elements of s and t and stores the result in
// dst, which it returns. It is equivalent to [floats.AddTo] on the whole
// slices, computed in parallel over cache-line-aligned ranges. dst may be s
// or t itself.
// It panics if the lengths of s and t differ, if the length of dst differs
// from theirs, or if dst partially overlaps s or t.
func AddTo(dst, s, t []float64) []float64 { return Config{}.AddTo(dst, s, t) }

// AddTo is the package-level [AddTo] on the workers of c.
func (c Config) AddTo(dst, s, t []float64) []float64 {
	c.check()
	if len(s) != len(t) {
		panic(badLength)
	}
	if len(dst) != len(s) {
		panic(badDstLength)
	}
	checkOverlap(dst, s)
	checkOverlap(dst, t)
	if streams(len(dst)) {
		c.streamAxpy(dst, 1, s, t)
		return dst
	}
	w, inline := c.serial(len(dst), minParElem2)
	if inline {
		floats.AddTo(dst, s, t)
		return dst
	}
	c.split(w, len(dst), lineLead(dst), minTaskElem, func(lo, hi int) {
		floats.AddTo(dst[lo:hi], s[lo:hi], t[lo:hi])
	})
	return dst
}

// AddConst adds the scalar c to all of the values in dst. It is equivalent
// to [floats.AddConst] on the whole slice, computed in parallel over
// cache-line-aligned ranges. Its scalar comes first, as in floats.
func AddConst(c float64, dst []float64) { Config{}.AddConst(c, dst) }

// AddConst is the package-level [AddConst] on the workers of c; its scalar
// is named k here.
func (c Config) AddConst(k float64, dst []float64) {
	c.check()
	w, inline := c.serial(len(dst), minParElem1)
	if inline {
		floats.AddConst(k, dst)
		return
	}
	c.split(w, len(dst), lineLead(dst), minTaskElem, func(lo, hi int) {
		floats.AddConst(k, dst[lo:hi])
	})
}

// AddScaled performs dst = dst + alpha * s. It is equivalent to
// [floats.AddScaled] on the whole slices, computed in parallel over
// cache-line-aligned ranges: each element is alpha*s[i] + dst[i], rounded
// twice, never fused.
// It panics if the slice argument lengths do not match, or if dst partially
// overlaps s.
func AddScaled(dst []float64, alpha float64, s []float64) { Config{}.AddScaled(dst, alpha, s) }

// AddScaled is the package-level [AddScaled] on the workers of c.
func (c Config) AddScaled(dst []float64, alpha float64, s []float64) {
	c.check()
	if len(dst) != len(s) {
		panic(badLength)
	}
	checkOverlap(dst, s)
	if streams(len(dst)) {
		c.streamAxpy(dst, alpha, s, dst)
		return
	}
	w, inline := c.serial(len(dst), minParElem2)
	if inline {
		floats.AddScaled(dst, alpha, s)
		return
	}
	c.split(w, len(dst), lineLead(dst), minTaskElem, func(lo, hi int) {
		floats.AddScaled(dst[lo:hi], alpha, s[lo:hi])
	})
}

// AddScaledTo performs dst = y + alpha * s, where alpha is a scalar, and dst,
// y and s are all slices, and returns dst. It is equivalent to
// [floats.AddScaledTo] on the whole slices, computed in parallel over
// cache-line-aligned ranges: each element is alpha*s[i] + y[i], rounded
// twice, never fused. dst may be y or s itself.
// It panics if the lengths of y and s differ, if the length of dst differs
// from theirs, or if dst partially overlaps y or s.
func AddScaledTo(dst, y []float64, alpha float64, s []float64) []float64 {
	return Config{}.AddScaledTo(dst, y, alpha, s)
}

// AddScaledTo is the package-level [AddScaledTo] on the workers of c.
func (c Config) AddScaledTo(dst, y []float64, alpha float64, s []float64) []float64 {
	c.check()
	if len(s) != len(y) {
		panic(badLength)
	}
	if len(dst) != len(y) {
		panic(badDstLength)
	}
	checkOverlap(dst, y)
	checkOverlap(dst, s)
	if streams(len(dst)) {
		c.streamAxpy(dst, alpha, s, y)
		return dst
	}
	w, inline := c.serial(len(dst), minParElem2)
	if inline {
		floats.AddScaledTo(dst, y, alpha, s)
		return dst
	}
	c.split(w, len(dst), lineLead(dst), minTaskElem, func(lo, hi int) {
		floats.AddScaledTo(dst[lo:hi], y[lo:hi], alpha, s[lo:hi])
	})
	return dst
}

// Div performs element-wise division dst / s and stores the value in dst. It
// is equivalent to [floats.Div] on the whole slices, computed in parallel over
// cache-line-aligned ranges.
// It panics if the argument lengths do not match, or if dst partially
// overlaps s.
func Div(dst, s []float64) { Config{}.Div(dst, s) }

// Div is the package-level [Div] on the workers of c.
func (c Config) Div(dst, s []float64) {
	c.check()
	if len(dst) != len(s) {
		panic(badLength)
	}
	checkOverlap(dst, s)
	w, inline := c.serial(len(dst), minParElemDiv)
	if inline {
		floats.Div(dst, s)
		return
	}
	c.split(w, len(dst), lineLead(dst), minTaskElem, func(lo, hi int) {
		floats.Div(dst[lo:hi], s[lo:hi])
	})
}

// DivTo performs element-wise division s / t, stores the value in dst and
// returns dst. It is equivalent to [floats.DivTo] on the whole slices,
// computed in parallel over cache-line-aligned ranges. dst may be s or t
// itself.
// It panics if the lengths of s and t differ, if the length of dst differs
// from theirs, or if dst partially overlaps s or t.
func DivTo(dst, s, t []float64) []float64 { return Config{}.DivTo(dst, s, t) }

// DivTo is the package-level [DivTo] on the workers of c.
func (c Config) DivTo(dst, s, t []float64) []float64 {
	c.check()
	if len(s) != len(t) {
		panic(badLength)
	}
	if len(dst) != len(s) {
		panic(badDstLength)
	}
	checkOverlap(dst, s)
	checkOverlap(dst, t)
	w, inline := c.serial(len(dst), minParElemDiv)
	if inline {
		floats.DivTo(dst, s, t)
		return dst
	}
	c.split(w, len(dst), lineLead(dst), minTaskElem, func(lo, hi int) {
		floats.DivTo(dst[lo:hi], s[lo:hi], t[lo:hi])
	})
	return dst
}

// Mul performs element-wise multiplication between dst and s and stores the
// value in dst. It is equivalent to [floats.Mul] on the whole slices,
// computed in parallel over cache-line-aligned ranges.
// It panics if the argument lengths do not match, or if dst partially
// overlaps s.
func Mul(dst, s []float64) { Config{}.Mul(dst, s) }

// Mul is the package-level [Mul] on the workers of c.
func (c Config) Mul(dst, s []float64) {
	c.check()
	if len(dst) != len(s) {
		panic(badLength)
	}
	checkOverlap(dst, s)
	w, inline := c.serial(len(dst), minParElem2)
	if inline {
		floats.Mul(dst, s)
		return
	}
	c.split(w, len(dst), lineLead(dst), minTaskElem, func(lo, hi int) {
		floats.Mul(dst[lo:hi], s[lo:hi])
	})
}

// MulTo performs element-wise multiplication between s and t, stores the
// value in dst and returns dst. It is equivalent to [floats.MulTo] on the
// whole slices, computed in parallel over cache-line-aligned ranges. dst may
// be s or t itself.
// It panics if the lengths of s and t differ, if the length of dst differs
// from theirs, or if dst partially overlaps s or t.
func MulTo(dst, s, t []float64) []float64 { return Config{}.MulTo(dst, s, t) }

// MulTo is the package-level [MulTo] on the workers of c.
func (c Config) MulTo(dst, s, t []float64) []float64 {
	c.check()
	if len(s) != len(t) {
		panic(badLength)
	}
	if len(dst) != len(s) {
		panic(badDstLength)
	}
	checkOverlap(dst, s)
	checkOverlap(dst, t)
	w, inline := c.serial(len(dst), minParElem2)
	if inline {
		floats.MulTo(dst, s, t)
		return dst
	}
	c.split(w, len(dst), lineLead(dst), minTaskElem, func(lo, hi int) {
		floats.MulTo(dst[lo:hi], s[lo:hi], t[lo:hi])
	})
	return dst
}

// Scale multiplies every element in dst by the scalar c. It is equivalent to
// [floats.Scale] on the whole slice, computed in parallel over
// cache-line-aligned ranges. Its scalar comes first, as in floats.
func Scale(c float64, dst []float64) { Config{}.Scale(c, dst) }

// Scale is the package-level [Scale] on the workers of c; its scalar is
// named k here.
func (c Config) Scale(k float64, dst []float64) {
	c.check()
	w, inline := c.serial(len(dst), minParElem1)
	if inline {
		floats.Scale(k, dst)
		return
	}
	c.split(w, len(dst), lineLead(dst), minTaskElem, func(lo, hi int) {
		floats.Scale(k, dst[lo:hi])
	})
}

// ScaleTo multiplies the elements in s by c, stores the result in dst and
// returns dst. It is equivalent to [floats.ScaleTo] on the whole slices,
// computed in parallel over cache-line-aligned ranges. dst may be s itself.
// It panics if the slice argument lengths do not match, or if dst partially
// overlaps s.
func ScaleTo(dst []float64, c float64, s []float64) []float64 {
	return Config{}.ScaleTo(dst, c, s)
}

// ScaleTo is the package-level [ScaleTo] on the workers of c; its scalar is
// named k here.
func (c Config) ScaleTo(dst []float64, k float64, s []float64) []float64 {
	c.check()
	if len(dst) != len(s) {
		panic(badDstLength)
	}
	checkOverlap(dst, s)
	w, inline := c.serial(len(dst), minParElem1)
	if inline {
		floats.ScaleTo(dst, k, s)
		return dst
	}
	c.split(w, len(dst), lineLead(dst), minTaskElem, func(lo, hi int) {
		floats.ScaleTo(dst[lo:hi], k, s[lo:hi])
	})
	return dst
}

// Sub subtracts, element-wise, the elements of s from dst. It is equivalent
// to [floats.Sub] on the whole slices, computed in parallel over
// cache-line-aligned ranges.
// It panics if the argument lengths do not match, or if dst partially
// overlaps s.
func Sub(dst, s []float64) { Config{}.Sub(dst, s) }

// Sub is the package-level [Sub] on the workers of c.
func (c Config) Sub(dst, s []float64) {
	c.check()
	if len(dst) != len(s) {
		panic(badLength)
	}
	checkOverlap(dst, s)
	if streams(len(dst)) {
		c.streamAxpy(dst, -1, s, dst)
		return
	}
	w, inline := c.serial(len(dst), minParElem2)
	if inline {
		floats.Sub(dst, s)
		return
	}
	c.split(w, len(dst), lineLead(dst), minTaskElem, func(lo, hi int) {
		floats.Sub(dst[lo:hi], s[lo:hi])
	})
}

// SubTo subtracts, element-wise, the elements of t from s, stores the result
// in dst and returns dst. It is equivalent to [floats.SubTo] on the whole
// slices, computed in parallel over cache-line-aligned ranges. dst may be s
// or t itself.
// It panics if the lengths of s and t differ, if the length of dst differs
// from theirs, or if dst partially overlaps s or t.
func SubTo(dst, s, t []float64) []float64 { return Config{}.SubTo(dst, s, t) }

// SubTo is the package-level [SubTo] on the workers of c.
func (c Config) SubTo(dst, s, t []float64) []float64 {
	c.check()
	if len(s) != len(t) {
		panic(badLength)
	}
	if len(dst) != len(s) {
		panic(badDstLength)
	}
	checkOverlap(dst, s)
	checkOverlap(dst, t)
	if streams(len(dst)) {
		c.streamAxpy(dst, -1, t, s)
		return dst
	}
	w, inline := c.serial(len(dst), minParElem2)
	if inline {
		floats.SubTo(dst, s, t)
		return dst
	}
	c.split(w, len(dst), lineLead(dst), minTaskElem, func(lo, hi int) {
		floats.SubTo(dst[lo:hi], s[lo:hi], t[lo:hi])
	})
	return dst
}
