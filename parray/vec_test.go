package parray

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// vecCase is one VecDense function: run calls it on the workers of c, pkg
// calls the package-level function, and ref calls the mat method it mirrors
// on dst, with the inputs src.
type vecCase struct {
	name   string
	srcs   int
	minPar int // the threshold of its kind for views with Inc 1
	run    func(c Config, dst *mat.VecDense, src []*mat.VecDense)
	pkg    func(dst *mat.VecDense, src []*mat.VecDense)
	ref    func(dst *mat.VecDense, src []*mat.VecDense)
}

// addScaledCase is the vecCase of AddScaledVec with one alpha.
func addScaledCase(alpha float64) vecCase {
	return vecCase{fmt.Sprintf("AddScaledVec(%v)", alpha), 2, minParElem2,
		func(c Config, d *mat.VecDense, s []*mat.VecDense) { c.AddScaledVec(d, s[0], alpha, s[1]) },
		func(d *mat.VecDense, s []*mat.VecDense) { AddScaledVec(d, s[0], alpha, s[1]) },
		func(d *mat.VecDense, s []*mat.VecDense) { d.AddScaledVec(s[0], alpha, s[1]) }}
}

var vecCases = []vecCase{
	{"AddVec", 2, minParElem2,
		func(c Config, d *mat.VecDense, s []*mat.VecDense) { c.AddVec(d, s[0], s[1]) },
		func(d *mat.VecDense, s []*mat.VecDense) { AddVec(d, s[0], s[1]) },
		func(d *mat.VecDense, s []*mat.VecDense) { d.AddVec(s[0], s[1]) }},
	{"SubVec", 2, minParElem2,
		func(c Config, d *mat.VecDense, s []*mat.VecDense) { c.SubVec(d, s[0], s[1]) },
		func(d *mat.VecDense, s []*mat.VecDense) { SubVec(d, s[0], s[1]) },
		func(d *mat.VecDense, s []*mat.VecDense) { d.SubVec(s[0], s[1]) }},
	{"MulElemVec", 2, minParElem2,
		func(c Config, d *mat.VecDense, s []*mat.VecDense) { c.MulElemVec(d, s[0], s[1]) },
		func(d *mat.VecDense, s []*mat.VecDense) { MulElemVec(d, s[0], s[1]) },
		func(d *mat.VecDense, s []*mat.VecDense) { d.MulElemVec(s[0], s[1]) }},
	{"DivElemVec", 2, minParElemDiv,
		func(c Config, d *mat.VecDense, s []*mat.VecDense) { c.DivElemVec(d, s[0], s[1]) },
		func(d *mat.VecDense, s []*mat.VecDense) { DivElemVec(d, s[0], s[1]) },
		func(d *mat.VecDense, s []*mat.VecDense) { d.DivElemVec(s[0], s[1]) }},
	{"ScaleVec", 1, minParElem1,
		func(c Config, d *mat.VecDense, s []*mat.VecDense) { c.ScaleVec(d, -1.3, s[0]) },
		func(d *mat.VecDense, s []*mat.VecDense) { ScaleVec(d, -1.3, s[0]) },
		func(d *mat.VecDense, s []*mat.VecDense) { d.ScaleVec(-1.3, s[0]) }},
	{"CopyVec", 1, minParElem1,
		func(c Config, d *mat.VecDense, s []*mat.VecDense) { c.CopyVec(d, s[0]) },
		func(d *mat.VecDense, s []*mat.VecDense) { CopyVec(d, s[0]) },
		func(d *mat.VecDense, s []*mat.VecDense) { d.CopyVec(s[0]) }},
	addScaledCase(2.5),
	// The cases below run only at small sizes (see vecCasesLarge).
	addScaledCase(0),
	addScaledCase(1),
	addScaledCase(-1),
	addScaledCase(math.NaN()),
}

// vecCasesLarge is the index of the last vecCase that also runs at large
// sizes: the other alphas of AddScaledVec take the same path there.
const vecCasesLarge = 6

// stridedVec is a VecDense of n elements every inc in a buffer of NaN, off
// elements after a guard region: the gaps between its elements are NaN.
type stridedVec struct {
	v   *mat.VecDense
	buf []float64 // the whole buffer, guards and gaps included
}

// newStridedVec places vals every inc elements in buf (or a new buffer if
// buf is too small), after a guard region and off elements.
func newStridedVec(buf, vals []float64, inc, off int) stridedVec {
	n := len(vals)
	span := (n-1)*inc + 1
	size := guardLen + off + span + guardLen
	if cap(buf) < size {
		buf = make([]float64, size)
	}
	buf = buf[:size:size]
	lo := guardLen + off
	fillNaN(buf)
	placeStrided(buf[lo:], vals, inc)
	var v mat.VecDense
	v.SetRawVector(blas64.Vector{N: n, Inc: inc, Data: buf[lo : lo+span : lo+span]})
	return stridedVec{&v, buf}
}

// placeStrided sets buf[i*inc] = vals[i].
//
//go:norace
func placeStrided(buf, vals []float64, inc int) {
	for i, x := range vals {
		buf[i*inc] = x
	}
}

// requireSameBitsOrNaN is requireSameBits, except that any NaN matches any NaN: the
// strided kernels of gonum are assembly, and Go may order the operands of a
// commutative operation otherwise, which decides which NaN payload wins.
func requireSameBitsOrNaN(t testing.TB, name string, got, want []float64) {
	t.Helper()
	require.Equal(t, len(want), len(got), name)
	if equalBits(got, want) {
		return
	}
	for i := range want {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) && !(math.IsNaN(got[i]) && math.IsNaN(want[i])) {
			t.Fatalf("%s: buffer element %d = %v (%#x), want %v (%#x)", name, i,
				got[i], math.Float64bits(got[i]), want[i], math.Float64bits(want[i]))
		}
	}
}

// vecIncs are the increments of dst and of the inputs the differential test
// runs: contiguous, strided alike, and mixed.
var vecIncs = [][3]int{{1, 1, 1}, {2, 2, 2}, {3, 1, 2}, {1, 3, 2}}

// TestVecDifferential runs every VecDense function against the mat method
// it mirrors, for each size, increment, configuration and position of dst in
// a cache line. It compares whole buffers, so the guards and the gaps between
// strided elements are checked with the results, and checks that the inputs
// were not written.
func TestVecDifferential(t *testing.T) {
	const maxBuf = 1<<22 + 1 + 2*guardLen + lineFloats
	var bufs [6][]float64
	for i := range bufs {
		bufs[i] = make([]float64, maxBuf)
	}
	for ci, e := range vecCases {
		for _, incs := range vecIncs {
			unit := incs == [3]int{1, 1, 1}
			thr := e.minPar
			if !unit {
				thr = minParElemStrided
			}
			sizes := []int{1, 7, 8, 9, 1000, thr - 1, thr, thr + 1, 1_000_000,
				minStream - 1, minStream, minStream + 1}
			if raceEnabled {
				sizes = slices.DeleteFunc(sizes, func(n int) bool { return n > 1<<20+1 })
			}
			for _, n := range sizes {
				// At large sizes, run the paths that differ there: the
				// contiguous and the strided kernel, once each.
				if isLarge(n) && (incs[1] == 3 || incs[0] == 3 || ci > vecCasesLarge) {
					continue
				}
				offs := []int{0, 3, 7}
				if isLarge(n) {
					offs = []int{5}
				}
				for _, off := range offs {
					name := fmt.Sprintf("%s/n=%d/incs=%v/off=%d", e.name, n, incs, off)
					start := (ci*97 + off*13) % 1024
					src := make([]*mat.VecDense, e.srcs)
					refSrc := make([]*mat.VecDense, e.srcs)
					srcBufs := make([][]float64, e.srcs)
					refBufs := make([][]float64, e.srcs)
					for k := range src {
						s := (start + 311*(k+1)) % 1024
						sv := newStridedVec(bufs[k], pool[s:s+n], incs[k+1], (off+k+1)%lineFloats)
						src[k], srcBufs[k] = sv.v, sv.buf
						rv := newStridedVec(bufs[2+k], pool[s:s+n], incs[k+1], (off+k+1)%lineFloats)
						refSrc[k], refBufs[k] = rv.v, rv.buf
					}
					ref := newStridedVec(bufs[4], pool[start:start+n], incs[0], off)
					e.ref(ref.v, refSrc)
					got := newStridedVec(bufs[5], pool[start:start+n], incs[0], off)
					init := make([]float64, len(got.buf))
					copyFloats(init, got.buf)
					for _, c := range ewConfigs(n) {
						cname := fmt.Sprintf("%s/%+v", name, c)
						copyFloats(got.buf, init)
						if c == (Config{}) {
							e.pkg(got.v, src)
						} else {
							e.run(c, got.v, src)
						}
						if unit {
							requireSameBits(t, cname, got.buf, ref.buf)
						} else {
							requireSameBitsOrNaN(t, cname, got.buf, ref.buf)
						}
					}
					for k := range src {
						// The reference's inputs, which mat does not write.
						requireSameBits(t, fmt.Sprintf("%s/src %d", name, k), srcBufs[k], refBufs[k])
					}
				}
			}
		}
	}
}

// TestVecAlias runs each function with dst being each of its inputs, as the
// same *VecDense and as another VecDense that views the same elements, for
// each increment, inline and in parallel. The expected result is mat's with
// the same *VecDense, except for DivElemVec: gonum v0.17.0 divides twice in
// place when Inc > 1 (see TestDivElemVecGonumInPlace), so its expected
// result is mat's out of place.
func TestVecAlias(t *testing.T) {
	const n = 301
	for ci, e := range vecCases {
		for k := range e.srcs {
			for _, inc := range []int{1, 2, 3} {
				for _, c := range []Config{{Workers: 1}, {Workers: 3, Grain: testGrain}} {
					for _, twin := range []bool{false, true} {
						name := fmt.Sprintf("%s/dst=src%d/inc=%d/twin=%v/%+v", e.name, k, inc, twin, c)
						vals := make([][]float64, e.srcs)
						for j := range vals {
							vals[j] = pool[ci*5+200*j : ci*5+200*j+n]
						}
						// The expected result.
						refSrc := make([]*mat.VecDense, e.srcs)
						for j := range refSrc {
							refSrc[j] = newStridedVec(nil, vals[j], inc, 1).v
						}
						ref := newStridedVec(nil, vals[k], inc, 1)
						if e.name == "DivElemVec" {
							e.ref(ref.v, refSrc)
						} else {
							refSrc[k] = ref.v
							e.ref(ref.v, refSrc)
						}
						// The call under test.
						src := make([]*mat.VecDense, e.srcs)
						for j := range src {
							src[j] = newStridedVec(nil, vals[j], inc, 1).v
						}
						got := newStridedVec(nil, vals[k], inc, 1)
						src[k] = got.v
						dst := got.v
						if twin {
							dst = &mat.VecDense{}
							dst.SetRawVector(got.v.RawVector())
						}
						e.run(c, dst, src)
						requireSameBitsOrNaN(t, name, got.buf, ref.buf)
					}
				}
			}
		}
	}
}

// TestAddScaledVecAllSame checks mat's special case dst = a = b: dst is
// scaled by alpha+1 (not dst + alpha*dst, which rounds differently), except
// for alpha 1 and -1, which mat computes as a sum and a difference.
func TestAddScaledVecAllSame(t *testing.T) {
	vals := pool[:513]
	for _, alpha := range []float64{0.1, 1, -1, 0, 3.7e-3, math.Inf(1)} {
		for _, c := range []Config{{Workers: 1}, {Workers: 2, Grain: testGrain}} {
			for _, inc := range []int{1, 2} {
				ref := newStridedVec(nil, vals, inc, 0)
				ref.v.AddScaledVec(ref.v, alpha, ref.v)
				got := newStridedVec(nil, vals, inc, 0)
				c.AddScaledVec(got.v, got.v, alpha, got.v)
				requireSameBitsOrNaN(t, fmt.Sprintf("alpha=%v/inc=%d/%+v", alpha, inc, c), got.buf, ref.buf)
			}
		}
	}
}

// TestDivElemVecGonumInPlace records why DivElemVec is not compared with
// mat in place with Inc > 1: gonum v0.17.0's strided branch does not
// return, so its general loop divides the quotient by b again. If this test
// fails, gonum was fixed, and TestVecAlias can compare with it in place.
func TestDivElemVecGonumInPlace(t *testing.T) {
	a := newStridedVec(nil, []float64{8, 8, 8}, 2, 0).v
	b := mat.NewVecDense(3, []float64{2, 2, 2})
	a.DivElemVec(a, b)
	assert.Equal(t, 2.0, a.AtVec(0), "gonum's DivElemVec in place with Inc 2")

	a = newStridedVec(nil, []float64{8, 8, 8}, 2, 0).v
	DivElemVec(a, a, b)
	assert.Equal(t, 4.0, a.AtVec(0))
}

// TestVecEmptyDst checks that an empty dst is resized as mat resizes it:
// the zero value gets a new vector, and a Reset one reuses its memory.
func TestVecEmptyDst(t *testing.T) {
	a := newStridedVec(nil, pool[:100], 2, 0).v
	b := newStridedVec(nil, pool[100:200], 3, 0).v
	for _, e := range vecCases {
		for _, c := range []Config{{Workers: 1}, {Workers: 2, Grain: testGrain}} {
			if e.name == "CopyVec" {
				var dst mat.VecDense
				assert.Equal(t, 0, c.CopyVec(&dst, a), "CopyVec into an empty dst copies nothing")
				assert.True(t, dst.IsEmpty())
				continue
			}
			src := []*mat.VecDense{a, b}[:e.srcs]
			var want, got mat.VecDense
			e.ref(&want, src)
			e.run(c, &got, src)
			require.Equal(t, 100, got.Len(), e.name)
			assert.Equal(t, 1, got.RawVector().Inc, e.name)
			requireSameBitsOrNaN(t, e.name, got.RawVector().Data, want.RawVector().Data)

			mem := make([]float64, 200)
			reset := mat.NewVecDense(200, mem)
			reset.Reset()
			e.run(c, reset, src)
			assert.Same(t, &mem[0], &reset.RawVector().Data[0], "%s: a Reset dst reuses its memory", e.name)
			requireSameBitsOrNaN(t, e.name, reset.RawVector().Data, want.RawVector().Data)
		}
	}
}

// TestVecMisuse checks every panic the VecDense functions document: its
// message, and that it comes before any element is written, the resizing of
// an empty dst included.
func TestVecMisuse(t *testing.T) {
	buf := make([]float64, 64)
	vec := func(off, n, inc int) *mat.VecDense {
		var v mat.VecDense
		v.SetRawVector(blas64.Vector{N: n, Inc: inc, Data: buf[off : off+(n-1)*inc+1]})
		return &v
	}
	d4, d5 := vec(0, 4, 1), vec(8, 5, 1)
	a4, a5, b4 := vec(16, 4, 1), vec(24, 5, 1), vec(32, 4, 1)
	even, odd := vec(40, 4, 2), vec(41, 4, 2)
	over := vec(2, 4, 1)     // overlaps d4
	overOdd := vec(43, 4, 2) // shares elements 43, 45, 47 with odd
	empty := func() *mat.VecDense { return &mat.VecDense{} }
	// An empty dst that would reuse buf[16:20], which is a4.
	resetOnA := func() *mat.VecDense { v := vec(16, 4, 1); v.Reset(); return v }
	short := &mat.VecDense{}
	short.SetRawVector(blas64.Vector{N: 4, Inc: 2, Data: buf[50:55]})
	c := Config{Workers: 2, Grain: 1}
	cases := []struct {
		name, msg string
		f         func()
	}{
		{"AddVec a/b", badVecLength, func() { AddVec(d4, a4, a5) }},
		{"AddVec zero", zeroVecLength, func() { AddVec(d4, empty(), empty()) }},
		{"AddVec dst", badVecDstLength, func() { AddVec(d5, a4, b4) }},
		{"AddVec overlap", badOverlap, func() { AddVec(d4, over, b4) }},
		{"AddVec overlap b", badOverlap, func() { AddVec(d4, a4, over) }},
		{"AddVec strided overlap", badOverlap, func() { AddVec(odd, even, overOdd) }},
		{"AddVec reset dst on a", badOverlap, func() { AddVec(resetOnA(), a4, b4) }},
		{"AddVec short data", badRawVector, func() { AddVec(d4, short, a4) }},
		{"SubVec a/b", badVecLength, func() { SubVec(d4, a5, a4) }},
		{"SubVec dst", badVecDstLength, func() { SubVec(d5, a4, b4) }},
		{"SubVec overlap", badOverlap, func() { c.SubVec(over, d4, b4) }},
		{"MulElemVec a/b", badVecLength, func() { MulElemVec(d4, a4, a5) }},
		{"MulElemVec zero", zeroVecLength, func() { MulElemVec(d4, empty(), empty()) }},
		{"MulElemVec dst", badVecDstLength, func() { MulElemVec(d5, a4, b4) }},
		{"MulElemVec overlap", badOverlap, func() { MulElemVec(d4, a4, over) }},
		{"DivElemVec a/b", badVecLength, func() { DivElemVec(d4, a4, a5) }},
		{"DivElemVec dst", badVecDstLength, func() { DivElemVec(d5, a4, b4) }},
		{"DivElemVec overlap", badOverlap, func() { c.DivElemVec(d4, over, a4) }},
		{"DivElemVec reset dst on a", badOverlap, func() { DivElemVec(resetOnA(), a4, b4) }},
		{"ScaleVec zero", zeroVecLength, func() { ScaleVec(d4, 2, empty()) }},
		{"ScaleVec dst", badVecDstLength, func() { ScaleVec(d5, 2, a4) }},
		{"ScaleVec overlap", badOverlap, func() { ScaleVec(d4, 2, over) }},
		{"AddScaledVec a/b", badVecLength, func() { AddScaledVec(d4, a4, 2, a5) }},
		{"AddScaledVec zero", zeroVecLength, func() { AddScaledVec(d4, empty(), 2, empty()) }},
		{"AddScaledVec dst", badVecDstLength, func() { AddScaledVec(d5, a4, 0, b4) }},
		{"AddScaledVec overlap", badOverlap, func() { AddScaledVec(d4, over, 2, b4) }},
		{"AddScaledVec overlap alpha 0", badOverlap, func() { AddScaledVec(d4, a4, 0, over) }},
		{"CopyVec overlap", badOverlap, func() { CopyVec(d4, over) }},
		{"CopyVec strided overlap", badOverlap, func() { CopyVec(odd, overOdd) }},
	}
	for _, tc := range cases {
		for i := range buf {
			buf[i] = math.NaN()
		}
		assert.PanicsWithValue(t, tc.msg, tc.f, tc.name)
		for i, v := range buf {
			require.True(t, math.IsNaN(v), "%s: buf[%d] written before the panic", tc.name, i)
		}
	}
}

// TestVecInterleaved checks that views which interleave without sharing an
// element are accepted: the even elements of a slice from its odd ones.
func TestVecInterleaved(t *testing.T) {
	data := []float64{1, 10, 2, 20, 3, 30, 4, 40}
	var even, odd mat.VecDense
	even.SetRawVector(blas64.Vector{N: 4, Inc: 2, Data: data[0:7]})
	odd.SetRawVector(blas64.Vector{N: 4, Inc: 2, Data: data[1:8]})
	Config{Workers: 2, Grain: 1}.AddVec(&even, &even, &odd)
	assert.Equal(t, []float64{11, 10, 22, 20, 33, 30, 44, 40}, data)
	assert.Equal(t, 4, CopyVec(&odd, &even))
	assert.Equal(t, []float64{11, 11, 22, 22, 33, 33, 44, 44}, data)
}

// TestScaleVecEmptyInPlace checks mat's quirk: ScaleVec(v, alpha, v) on an
// empty v does nothing, where other empty inputs panic.
func TestScaleVecEmptyInPlace(t *testing.T) {
	var v mat.VecDense
	assert.NotPanics(t, func() { ScaleVec(&v, 2, &v) })
	assert.True(t, v.IsEmpty())
	assert.NotPanics(t, func() { v.ScaleVec(2, &v) }, "mat does the same")
}

// TestCopyVecShorter checks that CopyVec copies as much as the shorter
// vector holds, as the built-in copy and mat do.
func TestCopyVecShorter(t *testing.T) {
	long := mat.NewVecDense(5, []float64{1, 2, 3, 4, 5})
	short := mat.NewVecDense(3, nil)
	assert.Equal(t, 3, CopyVec(short, long))
	assert.Equal(t, []float64{1, 2, 3}, short.RawVector().Data)
	long2 := mat.NewVecDense(5, nil)
	assert.Equal(t, 3, CopyVec(long2, short))
	assert.Equal(t, []float64{1, 2, 3, 0, 0}, long2.RawVector().Data)
	assert.Equal(t, 5, CopyVec(long, long))
}

// TestVecAllocs checks that inline calls on non-empty vectors allocate
// nothing, for contiguous and strided views.
func TestVecAllocs(t *testing.T) {
	const n = 500
	for _, inc := range []int{1, 2} {
		src := []*mat.VecDense{
			newStridedVec(nil, pool[:n], inc, 0).v,
			newStridedVec(nil, pool[n:2*n], inc, 0).v,
		}
		dst := newStridedVec(nil, pool[:n], inc, 0).v
		for _, e := range vecCases {
			for _, c := range []Config{{}, {Workers: 1, Grain: 1}, {Grain: n}} {
				allocs := testing.AllocsPerRun(20, func() { e.run(c, dst, src) })
				assert.Zero(t, allocs, "%s inc=%d %+v", e.name, inc, c)
			}
			allocs := testing.AllocsPerRun(20, func() { e.pkg(dst, src) })
			assert.Zero(t, allocs, "%s inc=%d package-level", e.name, inc)
		}
	}
}

// TestStridedLead checks that the lead of a strided dst starts a cache line
// that holds no earlier element of the view, for every increment below a
// line and every position of the first element.
func TestStridedLead(t *testing.T) {
	buf := make([]float64, 200)
	base := lineLead(buf) // buf[base] starts a line
	for inc := 2; inc < lineFloats; inc++ {
		for off := range lineFloats {
			v := viewAt(buf, base+off, inc, 20)
			i := v.lead()
			require.Less(t, i, lineFloats)
			slot := (off + i*inc) % lineFloats
			assert.Less(t, slot, inc, "inc=%d off=%d lead=%d", inc, off, i)
		}
	}
}
