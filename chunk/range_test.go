package chunk

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// arraySplit is numpy.array_split's section arithmetic, written as numpy
// writes it (divmod, then extras sections of size q+1 first), with the empty
// sections dropped: an oracle independent of Split's own formula.
func arraySplit(n, p int) []Range {
	q, extras := n/p, n%p
	var rs []Range
	lo := 0
	for i := 0; i < p; i++ {
		size := q
		if i < extras {
			size++
		}
		if size > 0 {
			rs = append(rs, Range{lo, lo + size})
		}
		lo += size
	}
	return rs
}

// checkCover reports whether rs are non-empty, ordered, disjoint and cover
// exactly [0, n).
func checkCover(t testing.TB, n int, rs []Range) {
	t.Helper()
	next := 0
	for i, r := range rs {
		if r.Lo != next {
			t.Fatalf("n=%d: range %d %v starts at %d, want %d", n, i, r, r.Lo, next)
		}
		if r.Hi <= r.Lo {
			t.Fatalf("n=%d: range %d %v is empty", n, i, r)
		}
		next = r.Hi
	}
	if next != n {
		t.Fatalf("n=%d: ranges end at %d", n, next)
	}
}

// spread returns the longest minus the shortest range length.
func spread(rs []Range) int {
	lo, hi := math.MaxInt, 0
	for _, r := range rs {
		lo = min(lo, r.Len())
		hi = max(hi, r.Len())
	}
	return hi - lo
}

func TestSplitKnown(t *testing.T) {
	// numpy.array_split(np.arange(10), 3) -> [0..3], [4..6], [7..9]
	assert.Equal(t, []Range{{0, 4}, {4, 7}, {7, 10}}, Split(10, 3))
	assert.Equal(t, []Range{{0, 1}, {1, 2}}, Split(2, 5))
	assert.Empty(t, Split(0, 4))
	assert.Equal(t, []Range{{0, 7}}, Split(7, 1))
}

func TestSplitMatchesArraySplit(t *testing.T) {
	for n := 0; n <= 70; n++ {
		for p := 1; p <= 75; p++ {
			got := Split(n, p)
			want := arraySplit(n, p)
			if len(want) == 0 {
				want = []Range{}
			}
			require.Equal(t, want, got, "Split(%d, %d)", n, p)
			for i, r := range got {
				require.Equal(t, r, Part(n, p, i))
			}
			checkCover(t, n, got)
			if len(got) > 0 {
				require.LessOrEqual(t, spread(got), 1)
			}
		}
	}
}

func TestAligned(t *testing.T) {
	// 17 values on lines of 8: the boundary can only be 8 or 16, and 8 keeps
	// the halves balanced (8 and 9 values).
	assert.Equal(t, []Range{{0, 8}, {8, 17}}, Aligned(17, 2, 8))
	assert.Equal(t, []Range{{0, 8}, {8, 16}, {16, 17}}, Aligned(17, 3, 8))
	assert.Equal(t, []Range{{0, 16}, {16, 32}}, Aligned(32, 2, 8))
	assert.Equal(t, []Range{{0, 3}}, Aligned(3, 4, 8))
	assert.Empty(t, Aligned(0, 2, 8))
	for n := 0; n <= 100; n++ {
		for p := 1; p <= 12; p++ {
			for _, a := range []int{1, 2, 3, 8, 16} {
				rs := Aligned(n, p, a)
				checkAligned(t, n, p, a, rs)
				for i, r := range rs {
					require.Equal(t, r, AlignedPart(n, p, a, i))
				}
			}
		}
	}
}

func checkAligned(t testing.TB, n, p, a int, rs []Range) {
	t.Helper()
	checkCover(t, n, rs)
	if want := min(p, ceilDiv(n, a)); len(rs) != want {
		t.Fatalf("Aligned(%d, %d, %d): %d ranges, want %d", n, p, a, len(rs), want)
	}
	for i, r := range rs[min(1, len(rs)):] {
		if r.Lo%a != 0 {
			t.Fatalf("Aligned(%d, %d, %d): range %d %v not aligned", n, p, a, i+1, r)
		}
	}
	if len(rs) > 0 && spread(rs) > a {
		t.Fatalf("Aligned(%d, %d, %d): spread %d > %d", n, p, a, spread(rs), a)
	}
}

func TestBlocks(t *testing.T) {
	assert.Equal(t, []Range{{0, 4}, {4, 8}, {8, 10}}, Blocks(10, 4))
	assert.Equal(t, []Range{{0, 4}, {4, 8}}, Blocks(8, 4))
	assert.Empty(t, Blocks(0, 4))
	for n := 0; n <= 50; n++ {
		for size := 1; size <= 12; size++ {
			rs := Blocks(n, size)
			checkCover(t, n, rs)
			require.Len(t, rs, NumBlocks(n, size))
			for i, r := range rs {
				require.Equal(t, r, Block(n, size, i))
				require.Equal(t, i*size, r.Lo)
				if i < len(rs)-1 {
					require.Equal(t, size, r.Len())
				}
			}
		}
	}
}

// TestHugeN checks the arithmetic at n = math.MaxInt, where a formula such as
// (n + size - 1) / size or i*n/p would overflow.
func TestHugeN(t *testing.T) {
	const n = math.MaxInt
	for _, p := range []int{1, 2, 3, 7, 64, 1 << 20} {
		checkEnds(t, n, min(n, p), func(i int) Range { return Part(n, p, i) })
		checkEnds(t, n, min(ceilDiv(n, 8), p), func(i int) Range { return AlignedPart(n, p, 8, i) })
	}
	assert.Equal(t, Range{0, n}, Part(n, 1, 0))
	assert.Equal(t, Range{n - 1, n}, Part(n, n, n-1))
	for _, size := range []int{1, 3, 4096, math.MaxInt / 2, math.MaxInt} {
		nb := NumBlocks(n, size)
		checkEnds(t, n, nb, func(i int) Range { return Block(n, size, i) })
	}
	assert.Equal(t, 3, NumBlocks(n, math.MaxInt/2)) // 2*(MaxInt/2) = MaxInt-1
	assert.Equal(t, Range{math.MaxInt - 1, n}, Block(n, math.MaxInt/2, 2))
}

// checkEnds checks the first two and the last two of k ranges: they chain,
// are non-empty, and the last ends at n.
func checkEnds(t *testing.T, n, k int, at func(int) Range) {
	t.Helper()
	idx := []int{0, 1, k - 2, k - 1}
	for j, i := range idx {
		if i < 0 || i >= k {
			continue
		}
		r := at(i)
		require.Less(t, r.Lo, r.Hi, "range %d of %d: %v", i, k, r)
		if i+1 < k && (j == 0 || j == 2) {
			require.Equal(t, r.Hi, at(i+1).Lo, "ranges %d and %d of %d", i, i+1, k)
		}
	}
	require.Equal(t, 0, at(0).Lo)
	require.Equal(t, n, at(k-1).Hi)
}

func TestRangeString(t *testing.T) {
	assert.Equal(t, "[3, 9)", Range{3, 9}.String())
	assert.Equal(t, "[3, 9)", fmt.Sprint(Range{3, 9}))
	assert.Equal(t, 6, Range{3, 9}.Len())
}

// FuzzRanges checks every cut's invariants (exact cover, disjoint, ordered,
// balanced, aligned) for any n up to math.MaxInt and any parts. Cuts with many
// ranges are checked at their ends and at a fuzzed middle index.
func FuzzRanges(f *testing.F) {
	f.Add(uint64(10), uint64(3), uint64(8), uint64(1))
	f.Add(uint64(17), uint64(2), uint64(8), uint64(0))
	f.Add(uint64(math.MaxInt), uint64(7), uint64(8), uint64(5))
	f.Add(uint64(math.MaxInt), uint64(math.MaxInt), uint64(1), uint64(math.MaxInt-1))
	f.Add(uint64(0), uint64(1), uint64(1), uint64(0))
	f.Fuzz(func(t *testing.T, n64, p64, a64, i64 uint64) {
		n := int(n64 & math.MaxInt)
		p := int(p64&math.MaxInt) | 1
		a := int(a64%4096) + 1
		if n <= 2000 && p <= 2000 {
			rs := Split(n, p)
			checkCover(t, n, rs)
			if len(rs) > 0 && spread(rs) > 1 {
				t.Fatalf("Split(%d, %d): spread %d", n, p, spread(rs))
			}
			checkAligned(t, n, p, a, Aligned(n, p, a))
			checkCover(t, n, Blocks(n, a))
			return
		}
		if n == 0 {
			return
		}
		k := min(n, p)
		checkMiddle(t, n, k, int(i64%uint64(k)), func(i int) Range { return Part(n, p, i) })
		for _, i := range []int{0, int(i64 % uint64(k)), k - 1} {
			if r := Part(n, p, i); r.Len() != n/k && r.Len() != n/k+1 {
				t.Fatalf("Part(%d, %d, %d) = %v: unbalanced", n, p, i, r)
			}
		}
		ka := min(p, ceilDiv(n, a))
		checkMiddle(t, n, ka, int(i64%uint64(ka)), func(i int) Range { return AlignedPart(n, p, a, i) })
		for _, i := range []int{0, int(i64 % uint64(ka)), ka - 1} {
			r := AlignedPart(n, p, a, i)
			if i > 0 && r.Lo%a != 0 {
				t.Fatalf("AlignedPart(%d, %d, %d, %d) = %v: unaligned", n, p, a, i, r)
			}
			if d := r.Len() - AlignedPart(n, p, a, 0).Len(); d > a || d < -a {
				t.Fatalf("AlignedPart(%d, %d, %d, %d) = %v: unbalanced", n, p, a, i, r)
			}
		}
		nb := NumBlocks(n, a)
		checkMiddle(t, n, nb, int(i64%uint64(nb)), func(i int) Range { return Block(n, a, i) })
	})
}

// checkMiddle checks that range i chains to its neighbours and that the first
// starts at 0 and the last ends at n.
func checkMiddle(t *testing.T, n, k, i int, at func(int) Range) {
	t.Helper()
	if at(0).Lo != 0 || at(k-1).Hi != n {
		t.Fatalf("n=%d k=%d: first %v last %v", n, k, at(0), at(k-1))
	}
	r := at(i)
	if r.Len() < 1 {
		t.Fatalf("n=%d k=%d: range %d %v empty", n, k, i, r)
	}
	if i > 0 && at(i-1).Hi != r.Lo {
		t.Fatalf("n=%d k=%d: ranges %d and %d do not chain", n, k, i-1, i)
	}
	if i+1 < k && at(i+1).Lo != r.Hi {
		t.Fatalf("n=%d k=%d: ranges %d and %d do not chain", n, k, i, i+1)
	}
}
