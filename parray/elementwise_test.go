package parray

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats"
)

// ewCase is one element-wise function: run calls it on the workers of c,
// pkg calls the package-level function, and ref calls the floats function it
// mirrors, each on dst and the read-only inputs src. Functions that work in
// place also read dst.
type ewCase struct {
	name   string
	srcs   int // read-only inputs
	minPar int // the threshold of its kind
	run    func(c Config, dst []float64, src [][]float64)
	pkg    func(dst []float64, src [][]float64)
	ref    func(dst []float64, src [][]float64)
}

var ewCases = []ewCase{
	{"Add", 1, minParElem2,
		func(c Config, d []float64, s [][]float64) { c.Add(d, s[0]) },
		func(d []float64, s [][]float64) { Add(d, s[0]) },
		func(d []float64, s [][]float64) { floats.Add(d, s[0]) }},
	{"AddTo", 2, minParElem2,
		func(c Config, d []float64, s [][]float64) { c.AddTo(d, s[0], s[1]) },
		func(d []float64, s [][]float64) { AddTo(d, s[0], s[1]) },
		func(d []float64, s [][]float64) { floats.AddTo(d, s[0], s[1]) }},
	{"AddConst", 0, minParElem1,
		func(c Config, d []float64, s [][]float64) { c.AddConst(0.3, d) },
		func(d []float64, s [][]float64) { AddConst(0.3, d) },
		func(d []float64, s [][]float64) { floats.AddConst(0.3, d) }},
	{"AddScaled", 1, minParElem2,
		func(c Config, d []float64, s [][]float64) { c.AddScaled(d, -1.7, s[0]) },
		func(d []float64, s [][]float64) { AddScaled(d, -1.7, s[0]) },
		func(d []float64, s [][]float64) { floats.AddScaled(d, -1.7, s[0]) }},
	{"AddScaledTo", 2, minParElem2,
		func(c Config, d []float64, s [][]float64) { c.AddScaledTo(d, s[0], 0.7, s[1]) },
		func(d []float64, s [][]float64) { AddScaledTo(d, s[0], 0.7, s[1]) },
		func(d []float64, s [][]float64) { floats.AddScaledTo(d, s[0], 0.7, s[1]) }},
	{"Div", 1, minParElemDiv,
		func(c Config, d []float64, s [][]float64) { c.Div(d, s[0]) },
		func(d []float64, s [][]float64) { Div(d, s[0]) },
		func(d []float64, s [][]float64) { floats.Div(d, s[0]) }},
	{"DivTo", 2, minParElemDiv,
		func(c Config, d []float64, s [][]float64) { c.DivTo(d, s[0], s[1]) },
		func(d []float64, s [][]float64) { DivTo(d, s[0], s[1]) },
		func(d []float64, s [][]float64) { floats.DivTo(d, s[0], s[1]) }},
	{"Mul", 1, minParElem2,
		func(c Config, d []float64, s [][]float64) { c.Mul(d, s[0]) },
		func(d []float64, s [][]float64) { Mul(d, s[0]) },
		func(d []float64, s [][]float64) { floats.Mul(d, s[0]) }},
	{"MulTo", 2, minParElem2,
		func(c Config, d []float64, s [][]float64) { c.MulTo(d, s[0], s[1]) },
		func(d []float64, s [][]float64) { MulTo(d, s[0], s[1]) },
		func(d []float64, s [][]float64) { floats.MulTo(d, s[0], s[1]) }},
	{"Scale", 0, minParElem1,
		func(c Config, d []float64, s [][]float64) { c.Scale(-2.9, d) },
		func(d []float64, s [][]float64) { Scale(-2.9, d) },
		func(d []float64, s [][]float64) { floats.Scale(-2.9, d) }},
	{"ScaleTo", 1, minParElem1,
		func(c Config, d []float64, s [][]float64) { c.ScaleTo(d, 1.0/3, s[0]) },
		func(d []float64, s [][]float64) { ScaleTo(d, 1.0/3, s[0]) },
		func(d []float64, s [][]float64) { floats.ScaleTo(d, 1.0/3, s[0]) }},
	{"Sub", 1, minParElem2,
		func(c Config, d []float64, s [][]float64) { c.Sub(d, s[0]) },
		func(d []float64, s [][]float64) { Sub(d, s[0]) },
		func(d []float64, s [][]float64) { floats.Sub(d, s[0]) }},
	{"SubTo", 2, minParElem2,
		func(c Config, d []float64, s [][]float64) { c.SubTo(d, s[0], s[1]) },
		func(d []float64, s [][]float64) { SubTo(d, s[0], s[1]) },
		func(d []float64, s [][]float64) { floats.SubTo(d, s[0], s[1]) }},
}

// testGrain is the small Grain that forces the parallel path from six
// elements on.
const testGrain = 3

// ewSizes are the sizes a function with threshold thr runs at: empty, one
// element, either side of a cache line, either side of the threshold and of
// minStream, and a million. Under the race detector, sizes above 2^20+1 are
// left out.
func ewSizes(thr int) []int {
	sz := []int{0, 1, 7, 8, 9, 1000, thr - 1, thr, thr + 1, 1_000_000,
		minStream - 1, minStream, minStream + 1}
	if raceEnabled {
		sz = slices.DeleteFunc(sz, func(n int) bool { return n > 1<<20+1 })
	}
	return sz
}

// isLarge reports whether tests at size n run a reduced set of
// configurations, to keep the package's test time (with -race) short.
func isLarge(n int) bool { return n > 10_000 }

// specialPool returns n seeded values: mostly in [-1, 1), with NaN, ±Inf,
// ±0, subnormals and huge values mixed in, so that every IEEE case goes
// through the kernels.
func specialPool(rnd *rand.Rand, n int) []float64 {
	specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1),
		5e-324, -2.5e-310, 1.7e308, -1e300}
	s := randSlice(rnd, n)
	for i := range s {
		if rnd.IntN(32) == 0 {
			s[i] = specials[rnd.IntN(len(specials))]
		}
	}
	return s
}

// pool is shared by the differential tests: inputs are copied from it at
// different starts, so they differ without generating values per test.
var pool = specialPool(rand.New(rand.NewPCG(11, 12)), 1<<22+1<<10)

// guardedCopy returns a copy of vals placed off elements after a guard
// region of NaN, with another after it: newGuarded without a call per
// element, for large slices.
func guardedCopy(vals []float64, off int) guarded {
	return guardedIn(nil, vals, off)
}

// guardedIn is guardedCopy in the memory of buf, if it is large enough, so
// that large tests reuse their buffers: under the race detector, every new
// large allocation costs more than the operation under test.
func guardedIn(buf, vals []float64, off int) guarded {
	n := len(vals)
	size := guardLen + off + n + guardLen
	if cap(buf) < size {
		buf = make([]float64, size)
	}
	g := guarded{buf: buf[:size:size], lo: guardLen + off, hi: guardLen + off + n, id: guardIDs.Add(1)}
	fillGuards(g.buf, g.id, 0, g.lo)
	fillGuards(g.buf, g.id, g.hi, size)
	copyFloats(g.s(), vals)
	return g
}

// requireSameBits fails t unless got and want hold the same bits. It looks for
// the first difference only on failure.
func requireSameBits(t testing.TB, name string, got, want []float64) {
	t.Helper()
	require.Equal(t, len(want), len(got), name)
	if equalBits(got, want) {
		return
	}
	for i := range want {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
			t.Fatalf("%s: element %d = %v (%#x), want %v (%#x)", name, i,
				got[i], math.Float64bits(got[i]), want[i], math.Float64bits(want[i]))
		}
	}
}

// The tests' own passes over large slices, to fill, copy and compare them,
// are hidden from the race detector (go:norace), which would otherwise spend
// most of the package's test time on them rather than on the code under
// test. They run on the test's goroutine before or after each call, never
// during one, so there is no race for the detector to miss.

// equalBits reports whether a and b, of the same length, hold the same bits.
//
//go:norace
func equalBits(a, b []float64) bool {
	ua := unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(a))), len(a))
	ub := unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(b))), len(b))
	for i := range ua {
		if ua[i] != ub[i] {
			return false
		}
	}
	return true
}

// copyFloats is copy(dst, src), for len(dst) >= len(src).
//
//go:norace
func copyFloats(dst, src []float64) {
	dst = dst[:len(src)]
	//lint:ignore S1001 the race detector sees the built-in copy; see above
	for i := range src {
		dst[i] = src[i]
	}
}

// fillNaN sets every element of s to NaN.
//
//go:norace
func fillNaN(s []float64) {
	nan := math.NaN()
	for i := range s {
		s[i] = nan
	}
}

// ewConfigs returns the configurations a test at size n runs: every worker
// count in testWorkers with Grain 0 and testGrain, and the zero Config
// through the package-level function (Workers 0). Large sizes run only
// those that can differ there: Grain 0 on two workers and on more workers
// than cores (inline below the threshold, parallel from it), testGrain
// (many short ranges), and the zero Config; under the race detector, the
// first and the third.
func ewConfigs(n int) []Config {
	if isLarge(n) && raceEnabled {
		return []Config{{Workers: 2}, {Workers: 3, Grain: testGrain}}
	}
	if isLarge(n) {
		return []Config{{Workers: 1}, {Workers: 2}, {Workers: 7}, {Workers: 3, Grain: testGrain}, {}}
	}
	var cs []Config
	for _, g := range []int{0, testGrain} {
		for _, w := range testWorkers {
			cs = append(cs, Config{Workers: w, Grain: g})
		}
	}
	return append(cs, Config{})
}

// TestElementwiseDifferential runs every element-wise function against the
// floats function it mirrors, for each size, configuration and position of
// dst within a cache line, and checks the results bit for bit, the guards
// around dst and every input, and that the inputs were not written.
func TestElementwiseDifferential(t *testing.T) {
	// Buffers for dst, the inputs and the expected result, reused.
	const maxN = 1<<22 + 1
	var bufs [4][]float64
	for i := range bufs {
		bufs[i] = make([]float64, maxN+2*guardLen+lineFloats)
	}
	for ci, e := range ewCases {
		for _, n := range ewSizes(e.minPar) {
			offs := []int{0, 3, 7}
			if isLarge(n) {
				offs = []int{5}
			}
			for _, off := range offs {
				start := (ci*131 + off*17) % 1024
				init := pool[start : start+n]
				src := make([][]float64, e.srcs)
				srcG := make([]guarded, e.srcs)
				for k := range src {
					s := (start + 257*(k+1)) % 1024
					srcG[k] = guardedIn(bufs[k], pool[s:s+n], (off+k+1)%lineFloats)
					src[k] = srcG[k].s()
				}
				want := bufs[2][:n]
				copyFloats(want, init)
				e.ref(want, src) // floats does not write its inputs
				dstG := guardedIn(bufs[3], init, off)
				for _, c := range ewConfigs(n) {
					name := fmt.Sprintf("%s/n=%d/off=%d/%+v", e.name, n, off, c)
					copyFloats(dstG.s(), init)
					if c == (Config{}) {
						e.pkg(dstG.s(), src)
					} else {
						e.run(c, dstG.s(), src)
					}
					requireSameBits(t, name, dstG.s(), want)
					checkGuards(t, name, dstG)
				}
				for k := range src {
					name := fmt.Sprintf("%s/n=%d/off=%d/src %d", e.name, n, off, k)
					s := (start + 257*(k+1)) % 1024
					requireSameBits(t, name, src[k], pool[s:s+n])
					checkGuards(t, name, srcG[k])
				}
			}
		}
	}
}

func cloneAll(s [][]float64) [][]float64 {
	c := make([][]float64, len(s))
	for i := range s {
		c[i] = slices.Clone(s[i])
	}
	return c
}

// TestElementwiseAlias runs each function whose dst may be one of its
// inputs with dst being that input, parallel and inline, against floats
// called with the same aliasing.
func TestElementwiseAlias(t *testing.T) {
	const n = 999
	for ci, e := range ewCases {
		for k := range e.srcs {
			for _, c := range []Config{{Workers: 1}, {Workers: 3, Grain: testGrain}} {
				name := fmt.Sprintf("%s/dst=src%d/%+v", e.name, k, c)
				vals := pool[ci*7 : ci*7+n]
				src := make([][]float64, e.srcs)
				for j := range src {
					src[j] = pool[100*(j+1) : 100*(j+1)+n]
				}
				wantSrc := cloneAll(src)
				want := slices.Clone(vals)
				wantSrc[k] = want
				e.ref(want, wantSrc)

				g := guardedCopy(vals, 1)
				gotSrc := cloneAll(src)
				gotSrc[k] = g.s()
				e.run(c, g.s(), gotSrc)
				requireSameBits(t, name, g.s(), want)
				checkGuards(t, name, g)
			}
		}
	}
}

// TestElementwiseMisuse checks every panic the element-wise functions
// document: its message, and that it comes before any element is written.
func TestElementwiseMisuse(t *testing.T) {
	buf := make([]float64, 64)
	d4, d5 := buf[0:4], buf[8:13]
	a4, a5, b4 := buf[16:20], buf[24:29], buf[32:36]
	over := buf[1:5] // overlaps d4
	c := Config{Workers: 2, Grain: 1}
	cases := []struct {
		name, msg string
		f         func()
	}{
		{"Add len", badDstLength, func() { Add(d4, a5) }},
		{"Add overlap", badOverlap, func() { Add(d4, over) }},
		{"AddTo s/t", badLength, func() { AddTo(d4, a4, a5) }},
		{"AddTo dst", badDstLength, func() { AddTo(d5, a4, b4) }},
		{"AddTo overlap t", badOverlap, func() { AddTo(d4, a4, over) }},
		{"AddScaled len", badLength, func() { AddScaled(d4, 2, a5) }},
		{"AddScaled overlap", badOverlap, func() { AddScaled(d4, 2, over) }},
		{"AddScaledTo y/s", badLength, func() { AddScaledTo(d4, a4, 2, a5) }},
		{"AddScaledTo dst", badDstLength, func() { AddScaledTo(d5, a4, 2, b4) }},
		{"AddScaledTo overlap y", badOverlap, func() { AddScaledTo(d4, over, 2, a4) }},
		{"Div len", badLength, func() { Div(d4, a5) }},
		{"Div overlap", badOverlap, func() { Div(d4, over) }},
		{"DivTo s/t", badLength, func() { DivTo(d4, a5, a4) }},
		{"DivTo dst", badDstLength, func() { DivTo(d5, a4, b4) }},
		{"DivTo overlap s", badOverlap, func() { DivTo(d4, over, a4) }},
		{"Mul len", badLength, func() { Mul(d4, a5) }},
		{"Mul overlap", badOverlap, func() { Mul(d4, over) }},
		{"MulTo s/t", badLength, func() { MulTo(d4, a4, a5) }},
		{"MulTo dst", badDstLength, func() { MulTo(d5, a4, b4) }},
		{"MulTo overlap", badOverlap, func() { MulTo(d4, a4, over) }},
		{"ScaleTo len", badDstLength, func() { ScaleTo(d4, 2, a5) }},
		{"ScaleTo overlap", badOverlap, func() { ScaleTo(d4, 2, over) }},
		{"Sub len", badLength, func() { Sub(d4, a5) }},
		{"Sub overlap", badOverlap, func() { Sub(d4, over) }},
		{"SubTo s/t", badLength, func() { SubTo(d4, a4, a5) }},
		{"SubTo dst", badDstLength, func() { SubTo(d5, a4, b4) }},
		{"SubTo overlap", badOverlap, func() { SubTo(d4, over, b4) }},
		{"parallel overlap", badOverlap, func() { c.AddTo(d4, a4, over) }},
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

// TestElementwiseAllocs checks that calls below the threshold, which run
// inline, allocate nothing, for every function.
func TestElementwiseAllocs(t *testing.T) {
	const n = 1000
	src := [][]float64{slices.Clone(pool[:n]), slices.Clone(pool[n : 2*n])}
	dst := make([]float64, n)
	for _, e := range ewCases {
		for _, c := range []Config{{}, {Workers: 1, Grain: 1}, {Grain: n}} {
			allocs := testing.AllocsPerRun(20, func() { e.run(c, dst, src) })
			assert.Zero(t, allocs, "%s %+v", e.name, c)
		}
		allocs := testing.AllocsPerRun(20, func() { e.pkg(dst, src) })
		assert.Zero(t, allocs, "%s package-level", e.name)
	}
}

// TestElementwiseNaN checks NaN handling is floats': the result of each
// function on NaN and Inf operands has the bits floats gives, inline and in
// parallel, including the sign and payload of a NaN.
func TestElementwiseNaN(t *testing.T) {
	negNaN := math.Float64frombits(0xfff8_0000_0000_0001)
	payload := math.Float64frombits(0x7ff8_dead_beef_0001)
	vals := []float64{math.NaN(), negNaN, payload, math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 1, -1}
	var s, u []float64
	for _, x := range vals {
		for _, y := range vals {
			s, u = append(s, x), append(u, y)
		}
	}
	for _, e := range ewCases {
		for _, c := range []Config{{Workers: 1}, {Workers: 2, Grain: testGrain}} {
			src := [][]float64{u, slices.Clone(s)}[:e.srcs]
			want := slices.Clone(s)
			e.ref(want, cloneAll(src))
			got := slices.Clone(s)
			e.run(c, got, src)
			requireSameBits(t, fmt.Sprintf("%s/%+v", e.name, c), got, want)
		}
	}
}
