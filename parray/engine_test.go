package parray

import (
	"math"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// claims returns the ranges a single claimer gets from p on w workers, in
// order, as the team's claim loop would hand them out.
func claims(p plan, w int) [][2]int {
	var rs [][2]int
	for lo := p.from; lo < p.n; {
		hi := p.rangeAfter(lo, w)
		rs = append(rs, [2]int{lo, hi})
		lo = hi
	}
	return rs
}

// checkPlan checks the hand-out invariants: the ranges are non-empty, chain
// from p.from to p.n, are at least minSize long (but the last, clipped at n),
// and every boundary but n is congruent to lead modulo align.
func checkPlan(t *testing.T, p plan, w int) [][2]int {
	t.Helper()
	rs := claims(p, w)
	next := p.from
	for i, r := range rs {
		require.Equal(t, next, r[0], "plan %+v w=%d: range %d", p, w, i)
		require.Less(t, r[0], r[1], "plan %+v w=%d: range %d empty", p, w, i)
		if r[1] != p.n {
			require.GreaterOrEqual(t, r[1]-r[0], p.minSize, "plan %+v w=%d: range %d short", p, w, i)
			require.Zero(t, ((r[1]-p.lead)%p.align+p.align)%p.align, "plan %+v w=%d: boundary %d unaligned", p, w, r[1])
		}
		next = r[1]
	}
	require.Equal(t, p.n, next)
	return rs
}

func TestPlanInvariants(t *testing.T) {
	for _, n := range []int{1, 7, 8, 9, 15, 16, 17, 100, 1000, 4096, 100003} {
		for _, from := range []int{0, 3} {
			if from >= n {
				continue
			}
			for _, w := range testWorkers {
				for _, minSize := range []int{1, 5, 8, 64, 1000} {
					for lead := 0; lead < lineFloats; lead++ {
						f := from
						if f > 0 {
							f = lead + lineFloats // a probe ends on a line
							if f >= n {
								continue
							}
						}
						checkPlan(t, lineplan(f, n, minSize, lead), w)
					}
				}
			}
		}
	}
}

// TestPlanGuided checks that ranges shrink towards the end: the last ranges
// are no longer than the minimum (plus alignment), so workers finish close
// together, and the number of claims grows only logarithmically with n.
func TestPlanGuided(t *testing.T) {
	p := lineplan(0, 1<<20, 1000, 0)
	rs := checkPlan(t, p, 2)
	last := rs[len(rs)-2]
	assert.LessOrEqual(t, last[1]-last[0], 1000+lineFloats)
	assert.Equal(t, 1<<20/4, rs[0][1]-rs[0][0], "first claim takes n/(2w)")
	assert.Less(t, len(rs), 40)
}

func TestPlanHugeN(t *testing.T) {
	// For(math.MaxInt, ...) must not overflow while handing out ranges.
	p := plan{from: 0, n: math.MaxInt, minSize: 1, align: 1}
	lo := 0
	for range 200 {
		hi := p.rangeAfter(lo, 64)
		require.Greater(t, hi, lo)
		require.LessOrEqual(t, hi, math.MaxInt)
		lo = hi
	}
	p = plan{from: 0, n: math.MaxInt, minSize: math.MaxInt / 2, align: lineFloats, lead: 5}
	rs := checkPlan(t, p, 3)
	assert.LessOrEqual(t, len(rs), 3)
}

func TestAlignUp(t *testing.T) {
	assert.Equal(t, 13, alignUp(9, 5, 8, 100))
	assert.Equal(t, 13, alignUp(13, 5, 8, 100))
	assert.Equal(t, 16, alignUp(9, 0, 8, 100))
	assert.Equal(t, 100, alignUp(95, 0, 8, 100), "no aligned index before n")
	assert.Equal(t, 9, alignUp(9, 3, 1, 100))
	assert.Equal(t, math.MaxInt, alignUp(math.MaxInt-3, 0, 8, math.MaxInt))
}

func TestLineLead(t *testing.T) {
	buf := make([]float64, 64)
	for off := 0; off < 16; off++ {
		s := buf[off:]
		lead := lineLead(s)
		require.GreaterOrEqual(t, lead, 0)
		require.Less(t, lead, lineFloats)
		addr := uintptr(unsafe.Pointer(&s[lead]))
		assert.Zero(t, addr%64, "element %d of buf[%d:] should start a line", lead, off)
	}
	assert.Equal(t, 0, lineLead(nil))
}

// TestCheckOverlap compares checkOverlap with a brute-force intersection of
// element addresses, for every pair of windows into one buffer.
func TestCheckOverlap(t *testing.T) {
	buf := make([]float64, 12)
	for dlo := 0; dlo <= len(buf); dlo++ {
		for dhi := dlo; dhi <= len(buf); dhi++ {
			for slo := 0; slo <= len(buf); slo++ {
				for shi := slo; shi <= len(buf); shi++ {
					dst, src := buf[dlo:dhi], buf[slo:shi]
					shared := max(dlo, slo) < min(dhi, shi)
					exact := dlo == slo && dhi == shi
					panics := func() (p bool) {
						defer func() { p = recover() != nil }()
						checkOverlap(dst, src)
						return false
					}()
					require.Equal(t, shared && !exact, panics, "dst [%d,%d) src [%d,%d)", dlo, dhi, slo, shi)
				}
			}
		}
	}
	// Separate allocations never overlap.
	checkOverlap(make([]float64, 4), make([]float64, 4))
}

func TestConfigWorkers(t *testing.T) {
	assert.Equal(t, 3, Config{Workers: 3}.workers())
	assert.PanicsWithValue(t, badWorkers, func() { Config{Workers: -1}.check() })
	assert.PanicsWithValue(t, badGrain, func() { Config{Grain: -1}.check() })
}
