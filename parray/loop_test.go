package parray

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Element functions for the differential tests: cheap, deterministic, and
// rounding on every call, so that a wrong index or a skipped element shows.
func unary(x float64) float64     { return x*x + 0.5 }
func binary(x, y float64) float64 { return x*y - x/3 }

// fused is the block form of dst = a*b + c, as a user writes it.
func fused(dst []float64, src ...[]float64) {
	a := src[0]
	b, c := src[1][:len(a)], src[2][:len(a)]
	for i := range dst[:len(a)] {
		dst[i] = a[i]*b[i] + c[i]
	}
}

// loopSizes are the sizes every entry point runs at, for a Grain of g: empty,
// one element, either side of a cache line, either side of the probe's
// inline limit (2*probeFirst), either side of two grains, and larger.
func loopSizes(g int) []int {
	sz := []int{0, 1, 7, 8, 9, 2*probeFirst - 1, 2 * probeFirst, 2*probeFirst + 1, 1000}
	if g > 0 {
		sz = append(sz, 2*g-1, 2*g, 2*g+1, 10*g+3)
	}
	return sz
}

// entry is one exported entry point: run calls it on the guarded dst and the
// inputs with c; want computes the sequential result from the same inputs.
type entry struct {
	name   string
	inputs int
	alias  int // run with dst being input alias-1 itself; 0 for none
	run    func(c Config, dst []float64, in [][]float64)
	want   func(dst []float64, in [][]float64)
}

// visitFor returns a For body that computes unary on its range and counts
// the visits of every index, so a test can check each index ran exactly once.
func visitFor(dst, x []float64, visits []atomic.Int32) func(lo, hi int) {
	return func(lo, hi int) {
		if lo >= hi {
			panic("empty range")
		}
		for i := lo; i < hi; i++ {
			dst[i] = unary(x[i])
			visits[i].Add(1)
		}
	}
}

var entries = []entry{
	{name: "Map", inputs: 1, alias: 1,
		run:  func(c Config, dst []float64, in [][]float64) { c.Map(dst, unary) },
		want: func(dst []float64, in [][]float64) { seqMap(dst, unary, in[0]) }},
	{name: "MapTo", inputs: 1,
		run:  func(c Config, dst []float64, in [][]float64) { c.MapTo(dst, unary, in[0]) },
		want: func(dst []float64, in [][]float64) { seqMap(dst, unary, in[0]) }},
	{name: "MapTo/inplace", inputs: 1, alias: 1,
		run:  func(c Config, dst []float64, in [][]float64) { c.MapTo(dst, unary, dst) },
		want: func(dst []float64, in [][]float64) { seqMap(dst, unary, in[0]) }},
	{name: "Zip", inputs: 2, alias: 1,
		run:  func(c Config, dst []float64, in [][]float64) { c.Zip(dst, binary, in[1]) },
		want: func(dst []float64, in [][]float64) { seqZip(dst, binary, in[0], in[1]) }},
	{name: "ZipTo", inputs: 2,
		run:  func(c Config, dst []float64, in [][]float64) { c.ZipTo(dst, binary, in[0], in[1]) },
		want: func(dst []float64, in [][]float64) { seqZip(dst, binary, in[0], in[1]) }},
	{name: "ZipTo/alias-t", inputs: 2, alias: 2,
		run:  func(c Config, dst []float64, in [][]float64) { c.ZipTo(dst, binary, in[0], dst) },
		want: func(dst []float64, in [][]float64) { seqZip(dst, binary, in[0], in[1]) }},
	{name: "Blocks", inputs: 3,
		run:  func(c Config, dst []float64, in [][]float64) { c.Blocks(dst, fused, in[0], in[1], in[2]) },
		want: func(dst []float64, in [][]float64) { fused(dst, in...) }},
	{name: "Blocks/inplace", inputs: 3, alias: 3,
		run:  func(c Config, dst []float64, in [][]float64) { c.Blocks(dst, fused, in[0], in[1], dst) },
		want: func(dst []float64, in [][]float64) { fused(dst, in...) }},
	{name: "For", inputs: 1,
		run: func(c Config, dst []float64, in [][]float64) {
			visits := make([]atomic.Int32, len(dst))
			c.For(len(dst), visitFor(dst, in[0], visits))
			checkVisits(visits)
		},
		want: func(dst []float64, in [][]float64) { seqMap(dst, unary, in[0]) }},
	{name: "ForCtx", inputs: 1,
		run: func(c Config, dst []float64, in [][]float64) {
			visits := make([]atomic.Int32, len(dst))
			body := visitFor(dst, in[0], visits)
			err := c.ForCtx(context.Background(), len(dst), func(lo, hi int) error {
				body(lo, hi)
				return nil
			})
			if err != nil {
				panic(err)
			}
			checkVisits(visits)
		},
		want: func(dst []float64, in [][]float64) { seqMap(dst, unary, in[0]) }},
}

func seqMap(dst []float64, f func(float64) float64, s []float64) {
	for i, v := range s {
		dst[i] = f(v)
	}
}

func seqZip(dst []float64, f func(x, y float64) float64, s, t []float64) {
	for i := range dst {
		dst[i] = f(s[i], t[i])
	}
}

func checkVisits(visits []atomic.Int32) {
	for i := range visits {
		if v := visits[i].Load(); v != 1 {
			panic(fmt.Sprintf("index %d visited %d times", i, v))
		}
	}
}

// TestLoopDifferential runs every entry point against its sequential loop for
// each worker count, Grain, size and starting offset, and checks the results
// bit for bit, the guards around dst, and that the inputs were not written.
func TestLoopDifferential(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, e := range entries {
		for _, grain := range []int{0, 1, 5, 64} {
			for _, n := range loopSizes(grain) {
				for _, w := range testWorkers {
					for _, off := range []int{0, 3} {
						name := fmt.Sprintf("%s/grain=%d/n=%d/w=%d/off=%d", e.name, grain, n, w, off)
						runEntry(t, name, e, Config{Workers: w, Grain: grain}, n, off, rnd)
					}
				}
			}
		}
	}
}

func runEntry(t *testing.T, name string, e entry, c Config, n, off int, rnd *rand.Rand) {
	t.Helper()
	in := make([][]float64, e.inputs)
	guards := make([]guarded, e.inputs)
	for k := range in {
		vals := randSlice(rnd, n)
		guards[k] = newGuarded(n, (off+k)%lineFloats, func(i int) float64 { return vals[i] })
		in[k] = guards[k].s()
	}
	orig := make([][]float64, e.inputs)
	for k := range in {
		orig[k] = slices.Clone(in[k])
	}
	want := make([]float64, n)
	e.want(want, orig)

	var dstG guarded
	if e.alias > 0 {
		dstG = guards[e.alias-1]
	} else {
		dstG = newGuarded(n, off, func(int) float64 { return math.NaN() })
	}
	e.run(c, dstG.s(), in)

	got := dstG.s()
	for i := range want {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
			t.Fatalf("%s: element %d = %v, want %v", name, i, got[i], want[i])
		}
	}
	dstG.check(t)
	for k := range in {
		guards[k].check(t)
		if k != e.alias-1 && !slices.Equal(in[k], orig[k]) {
			t.Fatalf("%s: input %d was written", name, k)
		}
	}
}

// TestAdaptiveGoesParallel checks the adaptive path on work long enough to
// be parallel: a slow element function over enough elements. The result
// must still be the sequential one, and the work must be cut into several
// ranges.
func TestAdaptiveGoesParallel(t *testing.T) {
	if testing.Short() {
		t.Skip("needs about 10 ms of work")
	}
	const n = 4000
	slow := func(x float64) float64 {
		for range 200 {
			x = math.Sqrt(x*x + 1e-3)
		}
		return x
	}
	x := randSlice(rand.New(rand.NewPCG(3, 4)), n)
	want := make([]float64, n)
	seqMap(want, slow, x)
	got := make([]float64, n)
	c := Config{Workers: 2}
	c.MapTo(got, slow, x)
	require.Equal(t, want, got)

	var ranges atomic.Int32
	c.For(n, func(lo, hi int) {
		ranges.Add(1)
		for i := lo; i < hi; i++ {
			got[i] = slow(x[i])
		}
	})
	assert.Greater(t, ranges.Load(), int32(3), "probes plus parallel ranges")
}

// TestWorkersReadPerCall checks that the zero Config reads GOMAXPROCS on
// every call: with GOMAXPROCS 1 a call runs inline as one range; with 2 it is
// cut into several.
func TestWorkersReadPerCall(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	c := Config{Grain: 1}
	count := func() int {
		var k atomic.Int32
		c.For(64, func(lo, hi int) { k.Add(1) })
		return int(k.Load())
	}
	runtime.GOMAXPROCS(1)
	assert.Equal(t, 1, count())
	runtime.GOMAXPROCS(2)
	assert.Greater(t, count(), 1)
}

// TestMisuse checks each misuse panics with its message, on the caller,
// before dst is written and before any user function runs.
func TestMisuse(t *testing.T) {
	called := false
	f := func(x float64) float64 { called = true; return x }
	g := func(x, y float64) float64 { called = true; return x }
	blk := func(dst []float64, src ...[]float64) { called = true }
	buf := make([]float64, 16)
	dst, a, b := buf[:4], make([]float64, 4), make([]float64, 5)
	cases := []struct {
		name, msg string
		f         func()
	}{
		{"MapTo length", badDstLength, func() { MapTo(dst, f, b) }},
		{"MapTo overlap", badOverlap, func() { MapTo(buf[:4], f, buf[1:5]) }},
		{"Zip length", badDstLength, func() { Zip(dst, g, b) }},
		{"Zip overlap", badOverlap, func() { Zip(buf[:4], g, buf[2:6]) }},
		{"ZipTo s/t length", badLength, func() { ZipTo(dst, g, a, b) }},
		{"ZipTo dst length", badDstLength, func() { ZipTo(buf[:5], g, a, a) }},
		{"ZipTo overlap t", badOverlap, func() { ZipTo(buf[:4], g, a, buf[3:7]) }},
		{"Blocks length", badDstLength, func() { Blocks(dst, blk, a, b) }},
		{"Blocks overlap", badOverlap, func() { Blocks(buf[:4], blk, a, buf[1:5]) }},
	}
	for _, c := range cases {
		for i := range buf {
			buf[i] = math.NaN()
		}
		called = false
		assert.PanicsWithValue(t, c.msg, c.f, c.name)
		assert.False(t, called, "%s: user function ran before the panic", c.name)
		for i, v := range buf {
			require.True(t, math.IsNaN(v), "%s: buf[%d] written before the panic", c.name, i)
		}
	}
}

// TestEmpty checks that empty calls call nothing and return at once.
func TestEmpty(t *testing.T) {
	For(0, func(lo, hi int) { t.Fatal("called") })
	err := ForCtx(context.Background(), 0, func(lo, hi int) error { t.Fatal("called"); return nil })
	assert.NoError(t, err)
	MapTo(nil, func(float64) float64 { t.Fatal("called"); return 0 }, nil)
	Blocks(nil, func([]float64, ...[]float64) { t.Fatal("called") })
}
