package parray

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats"
)

// blockedCumSum is CumSum's definition written out sequentially: floats'
// scan of the first block, then each block's running sum from the sum of the
// pairwise totals of the blocks before it.
func blockedCumSum(s []float64) []float64 {
	dst := make([]float64, len(s))
	if len(s) <= scanBlock {
		return floats.CumSum(dst, s)
	}
	floats.CumSum(dst[:scanBlock], s[:scanBlock])
	offset := sumNode(s[:scanBlock])
	for lo := scanBlock; lo < len(s); lo += scanBlock {
		hi := min(lo+scanBlock, len(s))
		acc := offset
		for i := lo; i < hi; i++ {
			acc += s[i]
			dst[i] = acc
		}
		offset += sumNode(s[lo:hi])
	}
	return dst
}

func TestCumSum(t *testing.T) {
	rnd := rand.New(rand.NewPCG(41, 42))
	sizes := []int{0, 1, 17, scanBlock - 1, scanBlock, scanBlock + 1, 2*scanBlock - 1, 2 * scanBlock, 2*scanBlock + 1, 5*scanBlock + 7}
	if testing.Short() {
		sizes = []int{0, 17, scanBlock, scanBlock + 1, 2*scanBlock + 1}
	}
	for _, n := range sizes {
		s := randSlice(rnd, n)
		want := blockedCumSum(s)
		if n <= scanBlock {
			require.Equal(t, floats.CumSum(make([]float64, n), s), want, "n=%d: floats' scan", n)
		}
		for _, w := range []int{1, 2, 3, 7} {
			for _, off := range []int{0, 5} {
				g := newGuarded(n, off, func(int) float64 { return math.NaN() })
				got := Config{Workers: w}.CumSum(g.s(), s)
				require.Equal(t, want, got, "n=%d w=%d off=%d", n, w, off)
				g.check(t)
			}
		}
		// In place.
		in := slices.Clone(s)
		CumSum(in, in)
		require.Equal(t, want, in, "n=%d in place", n)
		// Accuracy against the sequential scan: the same order of error.
		if n > 0 {
			seq := floats.CumSum(make([]float64, n), s)
			assert.InDelta(t, seq[n-1], want[n-1], 1e-10*floats.Norm(s, 1))
		}
	}
}

func TestCumProd(t *testing.T) {
	rnd := rand.New(rand.NewPCG(43, 44))
	sizes := []int{0, 1, 9, scanBlock, scanBlock + 1, 3*scanBlock + 2}
	if testing.Short() {
		sizes = []int{0, 9, 2*scanBlock + 2}
	}
	for _, n := range sizes {
		s := nearOne(randSlice(rnd, n))
		seq := floats.CumProd(make([]float64, n), s)
		var first []float64
		for _, w := range []int{1, 2, 7} {
			got := Config{Workers: w}.CumProd(make([]float64, n), s)
			if first == nil {
				first = got
			}
			require.Equal(t, first, got, "n=%d w=%d: deterministic", n, w)
			if n <= scanBlock {
				require.Equal(t, seq, got, "n=%d: floats' scan", n)
			}
			for i := range got {
				require.InDelta(t, seq[i], got[i], 1e-12, "n=%d i=%d", n, i)
			}
		}
	}
}

func TestScanMisuse(t *testing.T) {
	buf := make([]float64, 10)
	assert.PanicsWithValue(t, badDstLength, func() { CumSum(buf[:3], buf[:4]) })
	assert.PanicsWithValue(t, badOverlap, func() { CumSum(buf[:4], buf[1:5]) })
	assert.PanicsWithValue(t, badOverlap, func() { CumProd(buf[2:6], buf[:4]) })
}

func TestFind(t *testing.T) {
	rnd := rand.New(rand.NewPCG(45, 46))
	big := func(v float64) bool { return v > 0.9 }
	for _, n := range []int{0, 1, 50, 5000, 300_000} {
		s := randSlice(rnd, n)
		total := floats.Count(big, s)
		for _, k := range []int{-1, 0, 1, 7, total, total + 1} {
			want, wantErr := floats.Find(nil, big, s, k)
			for _, c := range []Config{{Workers: 1}, {Workers: 2}, {Workers: 7, Grain: 100}, {}} {
				got, err := c.Find([]int{99, 98}, big, s, k)
				require.Equal(t, wantErr != nil, err != nil, "n=%d k=%d %+v", n, k, c)
				if err != nil {
					require.ErrorIs(t, err, ErrInsufficient)
				}
				if len(want) == 0 {
					require.Empty(t, got)
					continue
				}
				require.Equal(t, want, got, "n=%d k=%d %+v", n, k, c)
			}
		}
	}
}

// TestFindStopsEarly checks that Find with k > 0 does not scan far beyond the
// k-th match: with the matches at the very start, the default Config finds
// them in its first probe and stops; with a fixed Grain the caller's first
// range stops at its 5th match, and the helper may scan its own first range
// (3n/16 of the slice) before it sees that, but no further range starts.
func TestFindStopsEarly(t *testing.T) {
	s := make([]float64, 1<<20)
	for i := range 10 {
		s[i] = 1
	}
	for _, tc := range []struct {
		c   Config
		max int64
	}{{Config{}, 1000}, {Config{Workers: 2, Grain: 1024}, 5 + 3<<20/16}} {
		var calls atomic.Int64
		got, err := tc.c.Find(nil, func(v float64) bool {
			calls.Add(1)
			return v == 1
		}, s, 5)
		require.NoError(t, err)
		assert.Equal(t, []int{0, 1, 2, 3, 4}, got)
		assert.LessOrEqual(t, calls.Load(), tc.max, "%+v: Find scanned %d of %d", tc.c, calls.Load(), len(s))
	}
}

func TestCount(t *testing.T) {
	rnd := rand.New(rand.NewPCG(47, 48))
	for _, n := range []int{0, 3, 100_000} {
		s := randSlice(rnd, n)
		for _, c := range []Config{{Workers: 1}, {Workers: 3, Grain: 64}, {}} {
			assert.Equal(t, floats.Count(positive, s), c.Count(positive, s), "n=%d", n)
		}
	}
}

// TestReduceShape checks that Reduce combines the blocks by the pairwise tree
// and nothing else, for every worker count: the combine function builds the
// shape as a string, which is associative but not commutative, so any other
// order or grouping of the blocks would show.
func TestReduceShape(t *testing.T) {
	for _, n := range []int{1, ReduceBlock, ReduceBlock + 1, 5*ReduceBlock - 1, 37 * ReduceBlock} {
		s := make([]float64, n)
		block := func(b []float64) string {
			// The block's index in the grid, from the address of b[0].
			return strconv.Itoa(int(math.Round(b[0])) / ReduceBlock)
		}
		for i := range s {
			s[i] = float64(i)
		}
		join := func(a, b string) string { return "(" + a + "+" + b + ")" }
		want := shape(0, (n-1)/ReduceBlock+1)
		for _, c := range []Config{{Workers: 1}, {Workers: 2}, {Workers: 7, Grain: 1}, {Workers: 64, Grain: ReduceBlock}} {
			assert.Equal(t, want, ReduceWith(c, s, block, join), "n=%d %+v", n, c)
			assert.Equal(t, want, ReduceRangeWith(c, n, func(lo, hi int) string { return block(s[lo:hi]) }, join), "n=%d %+v", n, c)
		}
	}
}

// TestReduceHistogram is Reduce as a user writes it: a histogram with a
// slice per block, merged element-wise. It must equal the sequential count.
func TestReduceHistogram(t *testing.T) {
	rnd := rand.New(rand.NewPCG(49, 50))
	s := randSlice(rnd, 1_000_003)
	const bins = 20
	bin := func(v float64) int { return min(bins-1, int((v+1)/2*bins)) }
	want := make([]int, bins)
	for _, v := range s {
		want[bin(v)]++
	}
	hist := func(b []float64) []int {
		h := make([]int, bins)
		for _, v := range b {
			h[bin(v)]++
		}
		return h
	}
	merge := func(a, b []int) []int {
		for i := range a {
			a[i] += b[i]
		}
		return a
	}
	for _, c := range []Config{{Workers: 1}, {Workers: 2}, {Workers: 5, Grain: 100}} {
		assert.Equal(t, want, ReduceWith(c, s, hist, merge), "%+v", c)
	}
}

func TestReduceEmpty(t *testing.T) {
	calls := 0
	got := Reduce(nil, func(b []float64) int { calls++; return len(b) + 10 }, func(a, b int) int { return a + b })
	assert.Equal(t, 10, got)
	assert.Equal(t, 1, calls)
	got = ReduceRange(0, func(lo, hi int) int { return hi - lo + 20 }, func(a, b int) int { return a + b })
	assert.Equal(t, 20, got)
}

// TestReducePanic checks that a panic in a block function reaches the caller
// with the value of the lowest block that panics, as for the other entry
// points.
func TestReducePanic(t *testing.T) {
	s := make([]float64, 50*ReduceBlock)
	for i := range s {
		s[i] = float64(i / ReduceBlock)
	}
	for _, c := range []Config{{Workers: 2}, {Workers: 7, Grain: ReduceBlock}} {
		for _, p := range []int{0, 17, 49} {
			got := func() (r any) {
				defer func() { r = recover() }()
				ReduceWith(c, s, func(b []float64) int {
					if int(b[0]) >= p {
						panic(fmt.Sprint("block ", int(b[0])))
					}
					return 0
				}, func(a, b int) int { return a + b })
				return nil
			}()
			assert.Equal(t, fmt.Sprint("block ", p), got, "%+v p=%d", c, p)
		}
	}
}

// TestReduceBlockOnce checks that no block is computed twice (the adaptive
// probe reuses the first task), by counting calls per block.
func TestReduceBlockOnce(t *testing.T) {
	n := 100*ReduceBlock + 5
	s := make([]float64, n)
	counts := make([]atomic.Int32, (n-1)/ReduceBlock+1)
	Reduce(s, func(b []float64) int { return 0 }, func(a, b int) int { return 0 })
	ReduceRange(n, func(lo, hi int) int {
		counts[lo/ReduceBlock].Add(1)
		// Enough work that the engine goes parallel.
		x := 0.0
		for i := range 20000 {
			x += math.Sqrt(float64(i))
		}
		return int(x)
	}, func(a, b int) int { return a + b })
	for i := range counts {
		require.Equal(t, int32(1), counts[i].Load(), "block %d", i)
	}
}
