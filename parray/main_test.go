package parray

import (
	"math"
	"math/rand/v2"
	"sync/atomic"
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package if any test leaves a goroutine behind: parray
// promises that no goroutine outlives a call.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// testWorkers are the worker counts every differential test runs with: one
// (inline), two (this machine), odd counts, and far more workers than cores.
var testWorkers = []int{1, 2, 3, 7, 64}

// guarded is a slice of values between two guard regions of NaN, so that a
// test can check that nothing outside the slice is written.
type guarded struct {
	buf    []float64
	lo, hi int    // the slice is buf[lo:hi]
	id     uint64 // the guards' NaN payloads (see guardNaN)
}

const guardLen = 24

// guardIDs numbers the guarded buffers.
var guardIDs atomic.Uint64

// guardNaN returns the NaN that element i of the guarded buffer id holds
// outside its slice: a payload of its own for every buffer and element, so
// that a kernel that writes a guard changes its bits, even with a NaN that
// it computed from the guards of its inputs (arithmetic on NaNs passes a
// payload on).
func guardNaN(id uint64, i int) float64 {
	return math.Float64frombits(0x7ff8_0000_0000_0000 | (id&0xff_ffff)<<24 | uint64(i)&0xff_ffff)
}

// fillGuards sets buf[from:to] to the guard NaNs of buffer id.
//
//go:norace
func fillGuards(buf []float64, id uint64, from, to int) {
	for i := from; i < to; i++ {
		buf[i] = guardNaN(id, i)
	}
}

// newGuarded returns n values filled by fill, placed off elements (0 to 7)
// after a guard region, so tests also run on slices that do not start on a
// cache line.
func newGuarded(n, off int, fill func(i int) float64) guarded {
	g := guarded{buf: make([]float64, guardLen+off+n+guardLen), lo: guardLen + off, hi: guardLen + off + n,
		id: guardIDs.Add(1)}
	fillGuards(g.buf, g.id, 0, len(g.buf))
	for i := range g.s() {
		g.s()[i] = fill(i)
	}
	return g
}

// s returns the guarded slice. It is not clipped: its capacity runs on
// through the guard after it, as a sub-slice's does, so that a kernel that
// writes up to the capacity instead of the length writes a guard.
func (g guarded) s() []float64 { return g.buf[g.lo:g.hi] }

// check fails t if a guard element was written.
func (g guarded) check(t testing.TB) {
	t.Helper()
	checkGuards(t, "", g)
}

// checkGuards fails t if an element of a guard region of g does not hold
// its guard NaN, bit for bit.
//
//go:norace
func checkGuards(t testing.TB, name string, g guarded) {
	t.Helper()
	for i, v := range g.buf {
		if (i < g.lo || i >= g.hi) && math.Float64bits(v) != math.Float64bits(guardNaN(g.id, i)) {
			t.Fatalf("%s: guard element %d written: %v (%#x) (the slice is [%d, %d))",
				name, i, v, math.Float64bits(v), g.lo, g.hi)
		}
	}
}

// randSlice returns n seeded random values in [-1, 1).
func randSlice(rnd *rand.Rand, n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = 2*rnd.Float64() - 1
	}
	return s
}
