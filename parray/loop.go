package parray

import "context"

// For calls body on contiguous ranges [lo, hi) that together cover [0, n)
// exactly once, and returns when every call has returned. It is equivalent to
// body(0, n), computed in parallel: the ranges run on up to Workers
// goroutines, the caller's included, so body must be safe to call
// concurrently on disjoint ranges.
//
// Ranges are never empty. Ranges of at least 8 elements (all of them unless
// Grain, or a body slow enough to be worth finer pieces, asks for less) have
// their boundaries after the first on multiples of 8, so that writers of
// []float64 values that start on a cache line do not share lines. n == 0
// calls nothing. See the package documentation for what
// happens when body panics.
// It panics if n < 0 or body is nil.
func For(n int, body func(lo, hi int)) { Config{}.For(n, body) }

// For is the package-level [For] on the workers of c.
func (c Config) For(n int, body func(lo, hi int)) {
	c.check()
	if n < 0 {
		panic(badN)
	}
	if body == nil {
		panic(nilFunc)
	}
	c.adaptive(n, 0, probeFirst, nil, func(lo, hi int) error {
		body(lo, hi)
		return nil
	})
}

// ForCtx is [For] for work that can fail or be canceled. It stops handing out
// ranges as soon as ctx is done or body returns an error; ranges already
// running finish. It returns nil if every range ran and returned nil, else the
// error of the lowest-indexed range that failed (the error a sequential loop
// over the same ranges would have returned first), else ctx.Err() if ctx was
// done before every range had run. If ctx is already done, body is not called.
// No goroutine started by ForCtx outlives it.
// It panics if ctx or body is nil or n < 0.
func ForCtx(ctx context.Context, n int, body func(lo, hi int) error) error {
	return Config{}.ForCtx(ctx, n, body)
}

// ForCtx is the package-level [ForCtx] on the workers of c.
func (c Config) ForCtx(ctx context.Context, n int, body func(lo, hi int) error) error {
	c.check()
	if ctx == nil {
		panic(nilContext)
	}
	if n < 0 {
		panic(badN)
	}
	if body == nil {
		panic(nilFunc)
	}
	err := c.adaptive(n, 0, probeFirst, ctx.Done(), body)
	if err == errCanceled {
		return ctx.Err()
	}
	return err
}

// Map sets dst[i] = f(dst[i]) for every element, in parallel.
// f must be safe to call concurrently.
// It panics if f is nil.
func Map(dst []float64, f func(float64) float64) { Config{}.Map(dst, f) }

// Map is the package-level [Map] on the workers of c.
func (c Config) Map(dst []float64, f func(float64) float64) {
	c.MapTo(dst, f, dst)
}

// MapTo sets dst[i] = f(s[i]) for every element and returns dst. It is
// equivalent to the sequential loop
//
//	for i, v := range s {
//		dst[i] = f(v)
//	}
//
// computed in parallel over ranges, with the same results. f must be safe to
// call concurrently. dst may be s itself.
// It panics if the lengths of dst and s differ, if dst partially overlaps s,
// or if f is nil.
func MapTo(dst []float64, f func(float64) float64, s []float64) []float64 {
	return Config{}.MapTo(dst, f, s)
}

// MapTo is the package-level [MapTo] on the workers of c.
func (c Config) MapTo(dst []float64, f func(float64) float64, s []float64) []float64 {
	c.check()
	if len(dst) != len(s) {
		panic(badDstLength)
	}
	checkOverlap(dst, s)
	if f == nil {
		panic(nilFunc)
	}
	c.adaptive(len(dst), lineLead(dst), probeFirst, nil, func(lo, hi int) error {
		x := s[lo:hi]
		d := dst[lo:hi][:len(x)]
		for i, v := range x {
			d[i] = f(v)
		}
		return nil
	})
	return dst
}

// Zip sets dst[i] = f(dst[i], s[i]) for every element, in parallel.
// f must be safe to call concurrently.
// It panics if the lengths of dst and s differ, if dst partially overlaps s,
// or if f is nil.
func Zip(dst []float64, f func(x, y float64) float64, s []float64) {
	Config{}.Zip(dst, f, s)
}

// Zip is the package-level [Zip] on the workers of c.
func (c Config) Zip(dst []float64, f func(x, y float64) float64, s []float64) {
	if len(dst) != len(s) {
		panic(badDstLength)
	}
	c.ZipTo(dst, f, dst, s)
}

// ZipTo sets dst[i] = f(s[i], t[i]) for every element and returns dst. It is
// equivalent to the sequential loop
//
//	for i := range dst {
//		dst[i] = f(s[i], t[i])
//	}
//
// computed in parallel over ranges, with the same results. f must be safe to
// call concurrently. dst may be s or t itself.
// It panics if the lengths of s and t differ, if the length of dst differs
// from theirs, if dst partially overlaps s or t, or if f is nil.
func ZipTo(dst []float64, f func(x, y float64) float64, s, t []float64) []float64 {
	return Config{}.ZipTo(dst, f, s, t)
}

// ZipTo is the package-level [ZipTo] on the workers of c.
func (c Config) ZipTo(dst []float64, f func(x, y float64) float64, s, t []float64) []float64 {
	c.check()
	if len(s) != len(t) {
		panic(badLength)
	}
	if len(dst) != len(s) {
		panic(badDstLength)
	}
	checkOverlap(dst, s)
	checkOverlap(dst, t)
	if f == nil {
		panic(nilFunc)
	}
	c.adaptive(len(dst), lineLead(dst), probeFirst, nil, func(lo, hi int) error {
		d, x, y := dst[lo:hi], s[lo:hi], t[lo:hi]
		for i, v := range x {
			d[i] = f(v, y[i])
		}
		return nil
	})
	return dst
}

// Blocks calls f on matching blocks of dst and of each slice in src, which
// together cover every element once: f(dst[lo:hi], src[0][lo:hi], ...) for
// contiguous ranges [lo, hi) of [0, len(dst)). It is equivalent to
//
//	f(dst, src...)
//
// computed in parallel over ranges, provided f computes each element of its
// dst block from the same elements of its src blocks, as an element-wise
// kernel does. It is the way to compute an expression such as a*b + c in one
// pass, with no temporary slices: f runs a tight loop, or gonum's floats
// functions, on each block, which stays in cache.
//
// Blocks that end before the slices do are clipped (an append to one cannot
// reach the next), and f must not keep them, nor src, after it returns. dst may be one of src itself.
// Block boundaries after the first start cache lines of dst. f is not called
// when dst is empty. A call on fewer than 2048 elements (or two grains) calls
// f once, on the caller's goroutine; longer calls time f on the first 1024
// elements and go parallel only if the rest is long enough to repay it.
// It panics if the length of a slice in src differs from that of dst, if dst
// partially overlaps a slice in src, or if f is nil.
func Blocks(dst []float64, f func(dst []float64, src ...[]float64), src ...[]float64) {
	Config{}.Blocks(dst, f, src...)
}

// Blocks is the package-level [Blocks] on the workers of c.
func (c Config) Blocks(dst []float64, f func(dst []float64, src ...[]float64), src ...[]float64) {
	c.check()
	for _, s := range src {
		if len(s) != len(dst) {
			panic(badDstLength)
		}
		checkOverlap(dst, s)
	}
	if f == nil {
		panic(nilFunc)
	}
	n := len(dst)
	if n == 0 {
		return
	}
	// One block: f is called on the slices themselves, exactly as the
	// sequential f(dst, src...), before any closure exists.
	if (c.Grain == 0 && n < 2*blockProbeFirst) || (c.Grain > 0 && n < 2*c.Grain) || c.workers() == 1 {
		f(dst, src...)
		return
	}
	c.adaptive(n, lineLead(dst), blockProbeFirst, nil, func(lo, hi int) error {
		sub := make([][]float64, len(src))
		for i, s := range src {
			sub[i] = s[lo:hi:hi]
		}
		f(dst[lo:hi:hi], sub...)
		return nil
	})
}
