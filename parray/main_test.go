package parray

import (
	"math"
	"math/rand/v2"
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
	lo, hi int // the slice is buf[lo:hi]
}

const guardLen = 24

// newGuarded returns n values filled by fill, placed off elements (0 to 7)
// after a guard region, so tests also run on slices that do not start on a
// cache line.
func newGuarded(n, off int, fill func(i int) float64) guarded {
	g := guarded{buf: make([]float64, guardLen+off+n+guardLen), lo: guardLen + off, hi: guardLen + off + n}
	for i := range g.buf {
		g.buf[i] = math.NaN()
	}
	for i := range g.s() {
		g.s()[i] = fill(i)
	}
	return g
}

// s returns the guarded slice, clipped.
func (g guarded) s() []float64 { return g.buf[g.lo:g.hi:g.hi] }

// check fails t if a guard element was written.
func (g guarded) check(t testing.TB) {
	t.Helper()
	for i, v := range g.buf {
		if (i < g.lo || i >= g.hi) && !math.IsNaN(v) {
			t.Fatalf("guard element %d written: %v (slice is [%d, %d))", i, v, g.lo, g.hi)
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
