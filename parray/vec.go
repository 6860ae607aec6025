package parray

import (
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Element-wise operations on *mat.VecDense, named after the VecDense methods
// they mirror, with the destination first: AddVec(dst, a, b) computes what
// dst.AddVec(a, b) computes, with the same bits.
//
// Views with Inc 1 run gonum's floats on sub-slices of their data, as the
// methods do; views with a larger Inc run a scalar loop over each range of
// indices that writes only dst's elements, never the gaps between them.
// Aliasing follows the rule for slices: dst may be exactly one of the inputs
// (the same elements in the same order), and any other shared element
// panics. Unlike mat, which requires the same *VecDense for in-place work,
// two VecDense values that view the same elements count as the same. An
// empty dst whose old backing array would be reused over an input panics
// too, since resizing it zeroes that memory.
//
// A nil vector, or one set with SetRawVector to something mat never makes
// (a negative length, an increment below one, data too short for the
// length and increment), panics on the caller before anything is read,
// here and in the VecDense reductions, with a message of its own; mat would
// dereference nil, index out of range, or read and write the wrong
// elements.

// Panic messages of the VecDense operations, with badVecLength of the
// VecDense reductions.
const (
	badVecDstLength = "parray: destination vector length does not match input"
	zeroVecLength   = "parray: zero-length vector"
	badRawVector    = "parray: vector increment below one, or data shorter than its length and increment"
	nilVec          = "parray: nil vector"
)

// AddVec adds the vectors a and b, placing the result in dst. It is
// equivalent to dst.AddVec(a, b), computed in parallel over ranges of
// indices: each element is a[i] + b[i]. An empty dst (the zero value, or
// one that was Reset) is first resized to the length of a with ReuseAsVec.
// dst may be a or b itself.
// It panics if the lengths of a and b differ, if they are zero, if dst is not
// empty and its length differs from theirs, or if dst shares an element with
// a or b without being the same view.
func AddVec(dst, a, b *mat.VecDense) { Config{}.AddVec(dst, a, b) }

// AddVec is the package-level [AddVec] on the workers of c.
func (c Config) AddVec(dst, a, b *mat.VecDense) {
	c.addScaledVec(dst, a, 1, b)
}

// SubVec subtracts the vector b from a, placing the result in dst. It is
// equivalent to dst.SubVec(a, b), computed in parallel over ranges of
// indices: each element is a[i] - b[i]. An empty dst is first resized to the
// length of a with ReuseAsVec. dst may be a or b itself.
// It panics if the lengths of a and b differ, if they are zero, if dst is not
// empty and its length differs from theirs, or if dst shares an element with
// a or b without being the same view.
func SubVec(dst, a, b *mat.VecDense) { Config{}.SubVec(dst, a, b) }

// SubVec is the package-level [SubVec] on the workers of c.
func (c Config) SubVec(dst, a, b *mat.VecDense) {
	c.addScaledVec(dst, a, -1, b)
}

// AddScaledVec adds the vectors a and alpha*b, placing the result in dst. It
// is equivalent to dst.AddScaledVec(a, alpha, b), computed in parallel over
// ranges of indices: each element is a[i] + alpha*b[i], rounded twice, never
// fused. As in mat, alpha == 0 copies a (even where b is Inf or NaN), and
// when dst, a and b are all the same view, with alpha neither 1 nor -1, dst
// is scaled by alpha+1. An empty dst is first resized to the length of a
// with ReuseAsVec. dst may be a or b itself.
// It panics if the lengths of a and b differ, if they are zero, if dst is not
// empty and its length differs from theirs, or if dst shares an element with
// a or b without being the same view.
func AddScaledVec(dst, a *mat.VecDense, alpha float64, b *mat.VecDense) {
	Config{}.AddScaledVec(dst, a, alpha, b)
}

// AddScaledVec is the package-level [AddScaledVec] on the workers of c.
func (c Config) AddScaledVec(dst, a *mat.VecDense, alpha float64, b *mat.VecDense) {
	c.addScaledVec(dst, a, alpha, b)
}

// addScaledVec is AddScaledVec, AddVec (alpha 1) and SubVec (alpha -1):
// mat's AddVec and SubVec compute a + 1*b and a + (-1)*b with the same
// kernel.
func (c Config) addScaledVec(dst, a *mat.VecDense, alpha float64, b *mat.VecDense) {
	c.check()
	if c.Grain == 0 && alpha != 0 && a != nil && b != nil && a.Len() < minParElem2 {
		// The inline call on three unit vectors of one length, checked
		// and computed on their slices: the general path below costs
		// about 130 ns more at 1024 elements in checks and views, on a
		// kernel of 300 ns. Every other case, misuse included, takes it.
		n := a.Len()
		ad, aok := smallUnit(a, n)
		bd, bok := smallUnit(b, n)
		dd, dok := smallUnit(dst, n)
		if aok && bok && dok && !(&dd[0] == &ad[0] && &dd[0] == &bd[0]) {
			checkOverlap(dd, ad)
			checkOverlap(dd, bd)
			axpyUnit(dd, ad, alpha, bd)
			return
		}
	}
	av, bv := vecView(a), vecView(b)
	n := av.n
	if bv.n != n {
		panic(badVecLength)
	}
	dv, resize := dstView(dst, n)
	checkDstOverlap(dv, resize, av)
	checkDstOverlap(dv, resize, bv)
	dv = reuseDst(dst, dv, resize, n)
	switch {
	case alpha == 1 || alpha == -1:
		// mat calls AddVec or SubVec, with no special case below.
	case alpha == 0:
		if !same(dv, av) {
			c.copyView(dv, av)
		}
		return
	case same(dv, av) && same(dv, bv):
		c.scaleView(dv, alpha+1, dv)
		return
	}
	unit := dv.unit() && av.unit() && bv.unit()
	minPar := minParElem2
	if !unit {
		minPar = minParElemStrided
	}
	if unit && streams(n) {
		// axpyUnit's floats calls are all AxpyUnitaryTo(dd, alpha, bd, ad).
		c.streamAxpy(dv.data[:n], alpha, bv.data[:n], av.data[:n])
		return
	}
	w, inline := c.serial(n, minPar)
	if inline {
		axpyRange(dv, av, alpha, bv, 0, n)
		return
	}
	c.split(w, n, dv.lead(), minTaskElem, func(lo, hi int) {
		axpyRange(dv, av, alpha, bv, lo, hi)
	})
}

// axpyUnit sets dd[i] = ad[i] + alpha*bd[i], with mat's bits.
func axpyUnit(dd, ad []float64, alpha float64, bd []float64) {
	switch alpha {
	case 1:
		floats.AddTo(dd, bd, ad)
	case -1:
		floats.SubTo(dd, ad, bd)
	default:
		floats.AddScaledTo(dd, ad, alpha, bd)
	}
}

// axpyRange sets d[i] = a[i] + alpha*b[i] for lo <= i < hi.
func axpyRange(d, a view, alpha float64, b view, lo, hi int) {
	if d.unit() && a.unit() && b.unit() {
		// mat passes alpha 1 and -1 as constants, as floats.AddTo and
		// floats.SubTo do, and without assembly the compiler turns -1*x
		// into -x, which flips the sign of a NaN: call those for them.
		// floats.AddTo(dst, s, t) computes s + t and mat's AddVec b + a.
		axpyUnit(d.data[lo:hi], a.data[lo:hi], alpha, b.data[lo:hi])
		return
	}
	dd, ad, bd := d.data, a.data, b.data
	di, ai, bi := d.inc, a.inc, b.inc
	for i := lo; i < hi; i++ {
		// The conversion rounds the product: Go may not fuse it into
		// a multiply-add, which gonum's kernels do not do either.
		dd[i*di] = float64(alpha*bd[i*bi]) + ad[i*ai]
	}
}

// MulElemVec performs element-wise multiplication of a and b, placing the
// result in dst. It is equivalent to dst.MulElemVec(a, b), computed in
// parallel over ranges of indices. An empty dst is first resized to the
// length of a with ReuseAsVec. dst may be a or b itself.
// It panics if the lengths of a and b differ, if they are zero, if dst is not
// empty and its length differs from theirs, or if dst shares an element with
// a or b without being the same view.
func MulElemVec(dst, a, b *mat.VecDense) { Config{}.MulElemVec(dst, a, b) }

// MulElemVec is the package-level [MulElemVec] on the workers of c.
func (c Config) MulElemVec(dst, a, b *mat.VecDense) {
	if dd, ad, bd, ok := c.smallBinary(dst, a, b, minParElem2); ok {
		// floats.MulTo(dst, s, t) computes t[i] * s[i].
		floats.MulTo(dd, bd, ad)
		return
	}
	dv, av, bv := c.binaryVec(dst, a, b)
	minPar := minParElem2
	if !(dv.unit() && av.unit() && bv.unit()) {
		minPar = minParElemStrided
	}
	w, inline := c.serial(dv.n, minPar)
	if inline {
		mulRange(dv, av, bv, 0, dv.n)
		return
	}
	c.split(w, dv.n, dv.lead(), minTaskElem, func(lo, hi int) {
		mulRange(dv, av, bv, lo, hi)
	})
}

// mulRange sets d[i] = a[i] * b[i] for lo <= i < hi.
func mulRange(d, a, b view, lo, hi int) {
	if d.unit() && a.unit() && b.unit() {
		// floats.MulTo(dst, s, t) computes t[i] * s[i].
		floats.MulTo(d.data[lo:hi], b.data[lo:hi], a.data[lo:hi])
		return
	}
	dd, ad, bd := d.data, a.data, b.data
	di, ai, bi := d.inc, a.inc, b.inc
	for i := lo; i < hi; i++ {
		dd[i*di] = ad[i*ai] * bd[i*bi]
	}
}

// DivElemVec performs element-wise division of a by b, placing the result in
// dst. It is equivalent to dst.DivElemVec(a, b), computed in parallel over
// ranges of indices: each element is a[i] / b[i]. (gonum v0.17.0's method
// divides twice when the receiver is a with Inc > 1; DivElemVec computes
// a[i] / b[i] in every case.) An empty dst is first resized to the length
// of a with ReuseAsVec. dst may be a or b itself.
// It panics if the lengths of a and b differ, if they are zero, if dst is not
// empty and its length differs from theirs, or if dst shares an element with
// a or b without being the same view.
func DivElemVec(dst, a, b *mat.VecDense) { Config{}.DivElemVec(dst, a, b) }

// DivElemVec is the package-level [DivElemVec] on the workers of c.
func (c Config) DivElemVec(dst, a, b *mat.VecDense) {
	if dd, ad, bd, ok := c.smallBinary(dst, a, b, minParElemDiv); ok {
		floats.DivTo(dd, ad, bd)
		return
	}
	dv, av, bv := c.binaryVec(dst, a, b)
	minPar := minParElemDiv
	if !(dv.unit() && av.unit() && bv.unit()) {
		minPar = minParElemStrided
	}
	w, inline := c.serial(dv.n, minPar)
	if inline {
		divRange(dv, av, bv, 0, dv.n)
		return
	}
	c.split(w, dv.n, dv.lead(), minTaskElem, func(lo, hi int) {
		divRange(dv, av, bv, lo, hi)
	})
}

// divRange sets d[i] = a[i] / b[i] for lo <= i < hi.
func divRange(d, a, b view, lo, hi int) {
	if d.unit() && a.unit() && b.unit() {
		floats.DivTo(d.data[lo:hi], a.data[lo:hi], b.data[lo:hi])
		return
	}
	dd, ad, bd := d.data, a.data, b.data
	di, ai, bi := d.inc, a.inc, b.inc
	for i := lo; i < hi; i++ {
		dd[i*di] = ad[i*ai] / bd[i*bi]
	}
}

// ScaleVec scales the vector a by alpha, placing the result in dst. It is
// equivalent to dst.ScaleVec(alpha, a), computed in parallel over ranges of
// indices: each element is alpha * a[i]. An empty dst is first resized to
// the length of a with ReuseAsVec. dst may be a itself; as in mat, a call
// with dst == a does nothing when a is empty.
// It panics if a has zero length (unless dst == a), if dst is not empty and
// its length differs from that of a, or if dst shares an element with a
// without being the same view.
func ScaleVec(dst *mat.VecDense, alpha float64, a *mat.VecDense) {
	Config{}.ScaleVec(dst, alpha, a)
}

// ScaleVec is the package-level [ScaleVec] on the workers of c.
func (c Config) ScaleVec(dst *mat.VecDense, alpha float64, a *mat.VecDense) {
	c.check()
	if c.Grain == 0 && a != nil && a.Len() < minParElem1 {
		// The inline call on two unit vectors of one length (see
		// addScaledVec).
		n := a.Len()
		ad, aok := smallUnit(a, n)
		dd, dok := smallUnit(dst, n)
		if aok && dok {
			checkOverlap(dd, ad)
			floats.ScaleTo(dd, alpha, ad)
			return
		}
	}
	av := vecView(a)
	n := av.n
	if n == 0 && dst == a {
		return
	}
	dv, resize := dstView(dst, n)
	checkDstOverlap(dv, resize, av)
	c.scaleView(reuseDst(dst, dv, resize, n), alpha, av)
}

// scaleView sets d[i] = alpha * a[i].
func (c Config) scaleView(d view, alpha float64, a view) {
	minPar := minParElem1
	if !(d.unit() && a.unit()) {
		minPar = minParElemStrided
	}
	w, inline := c.serial(d.n, minPar)
	if inline {
		scaleRange(d, alpha, a, 0, d.n)
		return
	}
	c.split(w, d.n, d.lead(), minTaskElem, func(lo, hi int) {
		scaleRange(d, alpha, a, lo, hi)
	})
}

// scaleRange sets d[i] = alpha * a[i] for lo <= i < hi.
func scaleRange(d view, alpha float64, a view, lo, hi int) {
	if d.unit() && a.unit() {
		floats.ScaleTo(d.data[lo:hi], alpha, a.data[lo:hi])
		return
	}
	dd, ad := d.data, a.data
	di, ai := d.inc, a.inc
	for i := lo; i < hi; i++ {
		dd[i*di] = alpha * ad[i*ai]
	}
}

// CopyVec copies elements of a into dst, as much as the shorter of the two
// holds, and returns the number of elements it copied, like the built-in
// copy. It is equivalent to dst.CopyVec(a), computed in parallel over ranges
// of indices. Unlike the other functions, it never resizes dst: an empty dst
// receives nothing. dst may be a itself, and then nothing is copied.
// It panics if the elements copied from a share an element with those of dst
// without being the same view: mat copies in order, and its result then
// depends on the direction of the copy.
func CopyVec(dst, a *mat.VecDense) int { return Config{}.CopyVec(dst, a) }

// CopyVec is the package-level [CopyVec] on the workers of c.
func (c Config) CopyVec(dst, a *mat.VecDense) int {
	c.check()
	if c.Grain == 0 && a != nil && dst != a && a.Len() < minParElem1 {
		// The inline copy between two contiguous vectors of one length
		// (see addScaledVec): the general path cost 56% more than mat's
		// CopyVec at 1024 elements (BenchmarkSmall, 8 runs).
		n := a.Len()
		ad, aok := smallUnit(a, n)
		dd, dok := smallUnit(dst, n)
		if aok && dok {
			checkOverlap(dd, ad)
			copy(dd, ad)
			return n
		}
	}
	dv, av := vecView(dst), vecView(a)
	n := min(dv.n, av.n)
	if n == 0 || dst == a {
		return n
	}
	dv, av = dv.prefix(n), av.prefix(n)
	if same(dv, av) {
		return n
	}
	checkViewOverlap(dv, av)
	c.copyView(dv, av)
	return n
}

// copyView sets d[i] = a[i].
func (c Config) copyView(d, a view) {
	minPar := minParElem1
	if !(d.unit() && a.unit()) {
		minPar = minParElemStrided
	}
	w, inline := c.serial(d.n, minPar)
	if inline {
		copyRange(d, a, 0, d.n)
		return
	}
	c.split(w, d.n, d.lead(), minTaskElem, func(lo, hi int) {
		copyRange(d, a, lo, hi)
	})
}

// copyRange sets d[i] = a[i] for lo <= i < hi.
func copyRange(d, a view, lo, hi int) {
	if d.unit() && a.unit() {
		copy(d.data[lo:hi], a.data[lo:hi])
		return
	}
	dd, ad := d.data, a.data
	di, ai := d.inc, a.inc
	for i := lo; i < hi; i++ {
		dd[i*di] = ad[i*ai]
	}
}

// binaryVec runs the checks of a binary VecDense operation on the caller,
// in mat's order, resizes an empty dst, and returns the views of dst, a and
// b.
func (c Config) binaryVec(dst, a, b *mat.VecDense) (dv, av, bv view) {
	c.check()
	av, bv = vecView(a), vecView(b)
	n := av.n
	if bv.n != n {
		panic(badVecLength)
	}
	dv, resize := dstView(dst, n)
	checkDstOverlap(dv, resize, av)
	checkDstOverlap(dv, resize, bv)
	return reuseDst(dst, dv, resize, n), av, bv
}

// smallBinary returns the slices of dst, a and b and true for a call of
// MulElemVec or DivElemVec that runs inline (shorter than minPar, Grain
// zero) on three contiguous vectors of one length that are checked here:
// the views and checks of the general path cost about as much as the kernel
// at 1024 elements (see addScaledVec). It returns false for every other call,
// misuse included, which then takes the general path and its checks.
func (c Config) smallBinary(dst, a, b *mat.VecDense, minPar int) (dd, ad, bd []float64, ok bool) {
	c.check()
	if c.Grain != 0 || a == nil || b == nil || a.Len() >= minPar {
		return nil, nil, nil, false
	}
	n := a.Len()
	ad, aok := smallUnit(a, n)
	bd, bok := smallUnit(b, n)
	dd, dok := smallUnit(dst, n)
	if !(aok && bok && dok) {
		return nil, nil, nil, false
	}
	checkOverlap(dd, ad)
	checkOverlap(dd, bd)
	return dd, ad, bd, true
}

// smallUnit returns the n > 0 elements of v as a slice if v is not nil, has
// n elements at increment one, and its data holds them; else false, and the
// caller takes its general path, which checks v fully.
func smallUnit(v *mat.VecDense, n int) ([]float64, bool) {
	if v == nil || n <= 0 {
		return nil, false
	}
	r := v.RawVector()
	if r.Inc != 1 || r.N != n || n > len(r.Data) {
		return nil, false
	}
	return r.Data[:n:n], true
}

// vecView returns the view of the elements of v. It panics if v is nil, or
// if v's raw vector is not one that mat makes: a negative length, an increment below
// one, or data too short for the length and increment. Only SetRawVector
// can cause these, and no element is read before the check, which cannot
// overflow: (N-1)*Inc may exceed an int where the data is short.
func vecView(v *mat.VecDense) view {
	if v == nil {
		panic(nilVec)
	}
	r := v.RawVector()
	if r.N == 0 {
		return view{}
	}
	// The division (tens of cycles) only for strided views: with Inc 1 the
	// comparison of N and len(Data) is the same test.
	if r.N < 0 || r.Inc < 1 || len(r.Data) == 0 ||
		(r.Inc == 1 && r.N > len(r.Data)) ||
		(r.Inc > 1 && r.N-1 > (len(r.Data)-1)/r.Inc) {
		panic(badRawVector)
	}
	span := (r.N-1)*r.Inc + 1
	return view{data: r.Data[:span:span], inc: r.Inc, n: r.N}
}

// prefix returns the view of the first k <= v.n elements of v.
func (v view) prefix(k int) view {
	if k == 0 {
		return view{}
	}
	span := (k-1)*v.inc + 1
	return view{data: v.data[:span:span], inc: v.inc, n: k}
}

// dstView checks the destination of an operation on n elements and returns
// the view it will have once resized, so that overlap is checked before
// anything is written, and whether it will be resized. A non-empty dst must
// have n elements. An empty dst will reuse its backing array when that has
// room for n elements, as ReuseAsVec does, and otherwise gets a new one,
// which overlaps nothing.
func dstView(dst *mat.VecDense, n int) (v view, resize bool) {
	if dst == nil {
		panic(nilVec)
	}
	if n == 0 {
		panic(zeroVecLength)
	}
	if !dst.IsEmpty() {
		if dst.Len() != n {
			panic(badVecDstLength)
		}
		return vecView(dst), false
	}
	data := dst.RawVector().Data
	if cap(data) < n {
		return view{}, true
	}
	return view{data: data[:n:n], inc: 1, n: n}, true
}

// checkDstOverlap panics if dst, the view of a destination, shares an
// element with src without being the same view. A destination that will
// be resized may share nothing, not even all of src: ReuseAsVec zeroes it
// before the operation reads src.
func checkDstOverlap(dst view, resize bool, src view) {
	if resize && viewsOverlap(dst, src) {
		panic(badOverlap)
	}
	checkViewOverlap(dst, src)
}

// reuseDst returns the view of dst, dv as dstView returned it: when resize
// is set, dst is first resized to n elements and viewed again.
func reuseDst(dst *mat.VecDense, dv view, resize bool, n int) view {
	if !resize {
		return dv
	}
	dst.ReuseAsVec(n)
	return vecView(dst)
}

// lead is the lineLead of a strided destination: boundaries of ranges at
// indices congruent to it modulo lineFloats fall where an element of v
// starts a cache line that holds no earlier element of v. For inc >= 8
// every element has a line of its own.
func (v view) lead() int {
	if v.n == 0 {
		return 0
	}
	if v.inc == 1 {
		return lineLead(v.data)
	}
	if v.inc >= lineFloats {
		return 0
	}
	// Element i sits at slot (s0 + i*inc) mod lineFloats of its line; the
	// element before it is in an earlier line when that slot is below inc.
	// Some i in [0, lineFloats) qualifies: the slots of i*inc step by
	// gcd(inc, lineFloats) <= inc.
	s0 := (lineFloats - lineLead(v.data)) % lineFloats
	for i := range lineFloats {
		if (s0+i*v.inc)%lineFloats < v.inc {
			return i
		}
	}
	return 0
}
