package parray

import "math"

// Thresholds and task sizes of the reductions: a call on fewer elements runs
// inline on the caller. Each threshold is the measured break-even of the
// parallel call on this 2-core machine, where a helper goroutine starts 40 to
// 300 us late (see minParallelWork); BenchmarkReduceThreshold in
// reduce_bench_test.go measures it, and bench/RESULTS.md says how to measure
// it again on another machine.
const (
	// The figures below are from make thresholds (BenchmarkReduceThreshold,
	// -count 6, 2 cores, 2026-11-22): the change of the forced parallel
	// call against the inline one, median of 6, where benchstat found one
	// (p <= 0.05); ~ where it found none.

	// minParStream is the threshold of reductions that read one slice
	// through the leaf kernels (Sum, Norm with L 1 or 2, SumVec): a slice
	// in the 32 MiB cache is summed faster by one core than two can start.
	// Sum: 2^19 +44%; 2^20 +34%; 2^22 -25%.
	minParStream = 1 << 21

	// minParStream2 is the threshold of kernel reductions that read two
	// slices (Dot, Distance, weighted Mean, DotVec).
	// Dot: 2^18 +27%; 2^19 +32%; 2^20 -16%; 2^22 -34%.
	minParStream2 = 1 << 20

	// minParScalar is the threshold of reductions whose leaves are scalar
	// Go loops of a nanosecond or more per element (MaxIdx, MinIdx, Max,
	// Min, NearestIdx, HasNaN, Prod, SumCompensated, MeanVariance, the
	// infinity norm).
	// MaxIdx: 2^17 ~; 2^18 ~; 2^19 -18%; 2^20 -36%.
	// MeanVariance: 2^17 ~; 2^18 -23%; 2^19 -24%; 2^20 -30%.
	minParScalar = 1 << 18

	// minParCompute is the threshold of reductions that compute a
	// transcendental function per element (math.Pow, math.Exp), about 15 ns
	// per element here.
	// LogSumExp: 2^13 +12%; 2^15 -21%; 2^17 -40%.
	// Norm with L = 3: 2^13 ~; 2^15 -36%; 2^17 -27%.
	minParCompute = 1 << 15

	// minTaskReduce is the least number of elements per task: 64K elements
	// (512 KiB, tens of microseconds), so claims cost well under 1%.
	minTaskReduce = 1 << 16
)

// zeroLength is floats' message for functions undefined on empty slices.
const zeroLength = "parray: zero length slice"

// Sum returns the sum of the elements of s. It has the meaning of
// floats.Sum, computed in parallel by a pairwise sum: leaves of 256 elements
// at fixed offsets, summed on 16 lanes of 16 values each, then combined
// pairwise. The rounding error grows with log2(len(s)), as numpy's sum's does,
// instead of with len(s).
//
// The result is the same bits for the same values whatever the number of
// workers, GOMAXPROCS, the processor (with or without AVX) or the address of
// s in memory. (floats.Sum depends on the address: the same values give
// different sums at an address that is a multiple of 16 bytes and at one that
// is not.) It differs from floats.Sum in the last bits because the order of the
// additions differs. Sum of an empty slice is 0.
func Sum(s []float64) float64 { return Config{}.Sum(s) }

// Sum is the package-level [Sum] on the workers of c.
func (c Config) Sum(s []float64) float64 {
	c.check()
	w, inline := c.serial(len(s), minParStream)
	if inline {
		return sumNode(s)
	}
	return reduceFloat(w, len(s), c.reduceTaskLen(len(s), leafLen, w, minTaskReduce), func(lo, hi int) float64 {
		return sumNode(s[lo:hi])
	})
}

// Dot returns the dot product of s1 and s2, the sum of s1[i]*s2[i]. It has
// the meaning of floats.Dot, computed in parallel by the pairwise sum of
// [Sum] over the products, each rounded before it is added (no fused
// multiply-add, on any processor). The result is the same bits for the same
// values whatever the workers, processor or addresses.
// It panics if the lengths of s1 and s2 differ.
func Dot(s1, s2 []float64) float64 { return Config{}.Dot(s1, s2) }

// Dot is the package-level [Dot] on the workers of c.
func (c Config) Dot(s1, s2 []float64) float64 {
	c.check()
	if len(s1) != len(s2) {
		panic(badLength)
	}
	w, inline := c.serial(len(s1), minParStream2)
	if inline {
		return dotNode(s1, s2)
	}
	return reduceFloat(w, len(s1), c.reduceTaskLen(len(s1), leafLen, w, minTaskReduce), func(lo, hi int) float64 {
		return dotNode(s1[lo:hi], s2[lo:hi])
	})
}

// leafFill describes the values a reduction reads, leaf by leaf: element i
// is x[i*incX], or x[i*incX] - y[i*incY] when y is not nil, passed through op.
// Its fill method is called directly, not through a func value, so the leaf
// buffer of the caller stays on its stack.
type leafFill struct {
	x, y       []float64
	incX, incY int
	op         fillOp
	p          float64 // L of opPowAbs, the shift of opExpShift
	e          int     // the exponent of opScaledSquare
}

// fillOp is what a leafFill does to each value v.
type fillOp uint8

const (
	opIdent        fillOp = iota // v
	opAbs                        // |v|
	opSquare                     // v*v, rounded
	opPowAbs                     // |v|^p
	opExpShift                   // exp(v - p)
	opScaledSquare               // (v * 2^-e)^2; the scaling is exact
)

// load sets buf[k] to value i+k before op, for len(buf) values.
func (f *leafFill) load(buf []float64, i int) {
	switch {
	case f.y == nil && f.incX == 1:
		copy(buf, f.x[i:i+len(buf)])
	case f.y == nil:
		for k := range buf {
			buf[k] = f.x[(i+k)*f.incX]
		}
	case f.incX == 1 && f.incY == 1:
		y := f.y[i : i+len(buf)]
		for k, v := range f.x[i : i+len(buf)] {
			buf[k] = v - y[k]
		}
	default:
		for k := range buf {
			buf[k] = f.x[(i+k)*f.incX] - f.y[(i+k)*f.incY]
		}
	}
}

// fill sets buf[k] to the value of element i+k, op applied.
func (f *leafFill) fill(buf []float64, i int) {
	if f.op == opAbs && f.y == nil && f.incX == 1 {
		// Norm(x, 1): one pass, not a copy and then a pass over buf
		// (1.6 against 1.0 ns per element at 1024 here).
		for k, v := range f.x[i : i+len(buf)] {
			buf[k] = math.Abs(v)
		}
		return
	}
	f.load(buf, i)
	switch f.op {
	case opAbs:
		for k, v := range buf {
			buf[k] = math.Abs(v)
		}
	case opSquare:
		for k, v := range buf {
			buf[k] = v * v
		}
	case opPowAbs:
		for k, v := range buf {
			buf[k] = math.Pow(math.Abs(v), f.p)
		}
	case opExpShift:
		for k, v := range buf {
			buf[k] = math.Exp(v - f.p)
		}
	case opScaledSquare:
		for k, v := range buf {
			v = math.Ldexp(v, -f.e)
			buf[k] = v * v
		}
	}
}

// fillSumNode returns the pairwise sum of the values of f over [lo, hi),
// leaf by leaf. lo must be a multiple of leafLen, so that the leaves are
// those of the global grid.
func fillSumNode(lo, hi int, f *leafFill) float64 {
	var buf [leafLen]float64
	var one [1]float64
	var p pairwise
	for i := lo; i < hi; i += leafLen {
		b := buf[:min(leafLen, hi-i)]
		f.fill(b, i)
		sumLeaves(one[:], b)
		p.push(one[0])
	}
	return p.sum()
}

// fillSum is the pairwise sum of the n values of f, inline below minPar
// elements and in parallel above.
func (c Config) fillSum(n, minPar int, f leafFill) float64 {
	w, inline := c.serial(n, minPar)
	if inline {
		return fillSumNode(0, n, &f)
	}
	g := f // captured by the workers: on the heap, on this path only
	return reduceFloat(w, n, c.reduceTaskLen(n, leafLen, w, minTaskReduce), func(lo, hi int) float64 {
		return fillSumNode(lo, hi, &g)
	})
}

// Norm returns the L norm of s, (sum of |s[i]|^L)^(1/L), with the meaning and
// special cases of floats.Norm: L = 1 sums absolute values, L = 2 is the
// Euclidean norm, L = +Inf is the largest absolute value, and other L use
// math.Pow. The zero norm is not computed correctly (as in floats; use
// [Count]). Norm of an empty slice is 0.
//
// The 2-norm does not overflow or underflow where the result does not: a
// slice of values near 1e300 or near 1e-300 has its exact norm within a few
// ulps. It is the square root of a pairwise sum of squares when that sum
// neither overflows nor falls below 2^-968; otherwise the values are scaled
// by an exact power of two first. Any NaN gives NaN, else any Inf gives +Inf,
// as in floats. The sums are pairwise and deterministic, as [Sum]'s.
func Norm(s []float64, L float64) float64 { return Config{}.Norm(s, L) }

// Norm is the package-level [Norm] on the workers of c.
func (c Config) Norm(s []float64, L float64) float64 {
	c.check()
	if len(s) == 0 {
		return 0
	}
	return c.norm(len(s), leafFill{x: s, incX: 1}, L)
}

// Distance returns the L norm of s - t, with the meaning and special cases of
// floats.Distance (see [Norm]). For L = +Inf, as in floats, a difference
// that is NaN is skipped (where Norm's infinity norm is NaN). The
// differences are computed element by element and never stored.
// It panics if the lengths of s and t differ.
func Distance(s, t []float64, L float64) float64 { return Config{}.Distance(s, t, L) }

// Distance is the package-level [Distance] on the workers of c.
func (c Config) Distance(s, t []float64, L float64) float64 {
	c.check()
	if len(s) != len(t) {
		panic(badLength)
	}
	if len(s) == 0 {
		return 0
	}
	return c.norm(len(s), leafFill{x: s, y: t, incX: 1, incY: 1}, L)
}

// norm returns the L norm of the n values of v (whose op is opIdent).
func (c Config) norm(n int, v leafFill, L float64) float64 {
	minPar := minParStream
	if v.y != nil {
		minPar = minParStream2
	}
	switch {
	case L == 2:
		return c.norm2(n, v, minPar)
	case L == 1:
		v.op = opAbs
		return c.fillSum(n, minPar, v)
	case math.IsInf(L, 1):
		// floats.Norm keeps the largest with math.Max, so a NaN is the
		// result; floats.Distance with >, which a NaN never passes.
		return c.maxAbs(n, v, v.y != nil)
	}
	v.op, v.p = opPowAbs, L
	return math.Pow(c.fillSum(n, minParCompute, v), 1/L)
}

// norm2 returns the 2-norm of the n values of v: the square root of their
// plain pairwise sum of squares when it is safe, else the scaled computation.
// For a slice, the sum of squares is Dot(s, s): the same bits as squaring
// into the leaf buffer, which is what the other forms do.
func (c Config) norm2(n int, v leafFill, minPar int) float64 {
	var q float64
	if v.y == nil && v.incX == 1 {
		q = c.Dot(v.x[:n], v.x[:n])
	} else {
		sq := v
		sq.op = opSquare
		q = c.fillSum(n, minPar, sq)
	}
	const tiny = 0x1p-968 // below it, squares may have lost bits to underflow
	switch {
	case math.IsNaN(q):
		return q
	case !math.IsInf(q, 1) && q >= tiny:
		return math.Sqrt(q)
	}
	m := c.maxAbs(n, v, false)
	switch {
	case math.IsNaN(m) || math.IsInf(m, 1) || m == 0:
		// NaN or Inf in the input (q would be NaN for NaN; this catches
		// the NaN hidden by an Inf sum), or all zeros.
		return m
	}
	// Divide by 2^e, m = f*2^e with f in [0.5, 1), so the largest scaled
	// value is in [0.5, 1): no scaled square overflows, and those that
	// underflow are negligible against it. Scaling by a power of two is
	// exact.
	_, e := math.Frexp(m)
	v.op, v.e = opScaledSquare, e
	return math.Ldexp(math.Sqrt(c.fillSum(n, minPar, v)), e)
}

// maxAbs returns the largest absolute value of the n > 0 values of v (whose
// op is opIdent), as floats' infinity norms compute it: with math.Max for
// floats.Norm, so any NaN gives NaN, or, with skipNaN, with > for
// floats.Distance, which a NaN never passes.
func (c Config) maxAbs(n int, v leafFill, skipNaN bool) float64 {
	w, inline := c.serial(n, minParScalar)
	if inline {
		return maxAbsNode(0, n, &v, skipNaN)
	}
	larger := math.Max
	if skipNaN {
		larger = maxSkipNaN
	}
	g := v // captured by the workers: on the heap, on this path only
	return reduceParallel(w, n, c.reduceTaskLen(n, leafLen, w, minTaskReduce), func(lo, hi int) float64 {
		return maxAbsNode(lo, hi, &g, skipNaN)
	}, larger)
}

func maxAbsNode(lo, hi int, f *leafFill, skipNaN bool) float64 {
	var buf [leafLen]float64
	m := 0.0
	for i := lo; i < hi; i += leafLen {
		b := buf[:min(leafLen, hi-i)]
		f.load(b, i)
		if skipNaN {
			for _, x := range b {
				m = maxSkipNaN(m, math.Abs(x))
			}
			continue
		}
		for _, x := range b {
			m = math.Max(m, math.Abs(x))
		}
	}
	return m
}

// maxSkipNaN returns b if it is greater than a, else a.
func maxSkipNaN(a, b float64) float64 {
	if b > a {
		return b
	}
	return a
}

// Prod returns the product of the elements of s, with the meaning of
// floats.Prod: 1 for an empty slice. The product is computed pairwise, as
// [Sum] is, and is the same bits for the same values whatever the workers;
// its rounding differs from floats.Prod's sequential product in the last bits,
// and an intermediate product may overflow or underflow where the sequential
// one does not, or the reverse.
func Prod(s []float64) float64 { return Config{}.Prod(s) }

// Prod is the package-level [Prod] on the workers of c.
func (c Config) Prod(s []float64) float64 {
	c.check()
	w, inline := c.serial(len(s), minParScalar)
	if inline {
		return prodNode(s)
	}
	return reduceParallel(w, len(s), c.reduceTaskLen(len(s), leafLen, w, minTaskReduce), func(lo, hi int) float64 {
		return prodNode(s[lo:hi])
	}, mul)
}

func mul(a, b float64) float64 { return a * b }

// prodNode returns the pairwise product of s: leaves of leafLen elements, each
// the product of 4 lanes (element i in lane i%4) combined as (l0*l1)*(l2*l3),
// combined by the pairwise tree.
func prodNode(s []float64) float64 {
	if len(s) == 0 {
		return 1
	}
	p := treeOf[float64]{combine: mul}
	for lo := 0; lo < len(s); lo += leafLen {
		leaf := s[lo:min(lo+leafLen, len(s))]
		l0, l1, l2, l3 := 1.0, 1.0, 1.0, 1.0
		for ; len(leaf) >= 4; leaf = leaf[4:] {
			l0 *= leaf[0]
			l1 *= leaf[1]
			l2 *= leaf[2]
			l3 *= leaf[3]
		}
		for k, v := range leaf {
			switch k {
			case 0:
				l0 *= v
			case 1:
				l1 *= v
			case 2:
				l2 *= v
			}
		}
		p.push((l0 * l1) * (l2 * l3))
	}
	return p.result()
}

// SumCompensated returns the sum of the elements of s, computed with more
// accuracy than [Sum] at the cost of more work, with the meaning of
// floats.SumCompensated. Each leaf is summed on 4 lanes with Neumaier's
// compensation; leaves and lanes are combined pairwise, each combination
// adding the two compensations and the exact rounding error of the two sums
// (Knuth's TwoSum). The error is about one rounding of the result plus a term
// of order len(s)*eps^2, and the result is the same bits for the same values
// whatever the workers.
func SumCompensated(s []float64) float64 { return Config{}.SumCompensated(s) }

// SumCompensated is the package-level [SumCompensated] on the workers of c.
func (c Config) SumCompensated(s []float64) float64 {
	c.check()
	var r compSum
	w, inline := c.serial(len(s), minParScalar)
	if inline {
		r = compNode(s)
	} else {
		r = reduceParallel(w, len(s), c.reduceTaskLen(len(s), leafLen, w, minTaskReduce), func(lo, hi int) compSum {
			return compNode(s[lo:hi])
		}, addComp)
	}
	return r.sum + r.comp
}

// compSum is a sum with its running compensation.
type compSum struct{ sum, comp float64 }

// addComp combines two compensated sums: their sums are added with TwoSum,
// whose exact error joins the compensations.
func addComp(a, b compSum) compSum {
	s, err := twoSum(a.sum, b.sum)
	return compSum{s, a.comp + b.comp + err}
}

// neumaier adds x to the compensated sum a, as floats.SumCompensated does:
// the rounding error of t = a.sum + x is (big - t) + small, big being the
// operand of larger magnitude (a.sum unless the comparison fails, as in
// floats, so a NaN takes the same path). Choosing the operands and then
// computing once, rather than computing in two branches, let the compiler
// drop the branch: SumCompensated at 1024 elements went from 9% slower than
// floats.SumCompensated to 11% faster (BenchmarkSmall, 6 runs, p=0.009).
func neumaier(a compSum, x float64) compSum {
	t := a.sum + x
	big, small := a.sum, x
	if !(math.Abs(a.sum) >= math.Abs(x)) {
		big, small = x, a.sum
	}
	a.comp += (big - t) + small
	a.sum = t
	return a
}

// compNode returns the compensated pairwise sum of s over the leaf grid.
func compNode(s []float64) compSum {
	if len(s) == 0 {
		return compSum{}
	}
	p := treeOf[compSum]{combine: addComp}
	for lo := 0; lo < len(s); lo += leafLen {
		leaf := s[lo:min(lo+leafLen, len(s))]
		// Element i goes to lane i%4. The lanes are four variables, not
		// an array indexed by i%4, which kept them in memory: 20% slower
		// than floats.SumCompensated at 1024 elements, against its one
		// lane.
		var l0, l1, l2, l3 compSum
		i := 0
		for ; i+4 <= len(leaf); i += 4 {
			q := leaf[i : i+4 : i+4]
			l0 = neumaier(l0, q[0])
			l1 = neumaier(l1, q[1])
			l2 = neumaier(l2, q[2])
			l3 = neumaier(l3, q[3])
		}
		switch len(leaf) - i {
		case 3:
			l2 = neumaier(l2, leaf[i+2])
			fallthrough
		case 2:
			l1 = neumaier(l1, leaf[i+1])
			fallthrough
		case 1:
			l0 = neumaier(l0, leaf[i])
		}
		p.push(addComp(addComp(l0, l1), addComp(l2, l3)))
	}
	return p.result()
}

// LogSumExp returns log(sum of exp(s[i])), computed without overflow or
// underflow, with the meaning of floats.LogSumExp: the largest value m
// (NaNs skipped, as [Max]) is taken out, log(sum of exp(s[i]-m)) + m. If m is
// infinite it is returned. The sum is pairwise and deterministic, as [Sum]'s.
// It panics if s is empty.
func LogSumExp(s []float64) float64 { return Config{}.LogSumExp(s) }

// LogSumExp is the package-level [LogSumExp] on the workers of c.
func (c Config) LogSumExp(s []float64) float64 {
	c.check()
	if len(s) == 0 {
		panic(zeroLength)
	}
	m := c.Max(s)
	if math.IsInf(m, 0) {
		return m
	}
	lse := c.fillSum(len(s), minParCompute, leafFill{x: s, incX: 1, op: opExpShift, p: m})
	return math.Log(lse) + m
}
