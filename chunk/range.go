package chunk

import "strconv"

// Panic messages, one per kind of misuse.
const (
	badLength = "chunk: negative length"
	badParts  = "chunk: number of parts less than one"
	badAlign  = "chunk: alignment less than one"
	badSize   = "chunk: block size less than one"
	badIndex  = "chunk: piece index out of range"
	badRange  = "chunk: range out of bounds"
	emptyView = "chunk: empty range for a VecDense view"
	nilVector = "chunk: nil vector"
	badVector = "chunk: vector increment below one, or data shorter than its length and increment"
	overflow  = "chunk: total length overflows int"
)

// LineFloats is the number of float64 values in one 64-byte cache line: the
// alignment to pass to [Aligned] for ranges that parallel writers fill.
const LineFloats = 8

// Range is the half-open interval of indices [Lo, Hi).
type Range struct {
	Lo, Hi int
}

// Len returns the number of indices in r, Hi - Lo.
func (r Range) Len() int { return r.Hi - r.Lo }

// String formats r as "[Lo, Hi)".
func (r Range) String() string {
	return "[" + strconv.Itoa(r.Lo) + ", " + strconv.Itoa(r.Hi) + ")"
}

// Split cuts n indices into min(n, p) contiguous ranges whose lengths differ by
// at most one, the longer ranges first. It has the semantics of
// numpy.array_split(range(n), p) with the empty pieces left out: n == 0 gives
// no ranges and p > n gives n ranges of length one.
// It panics if n < 0 or p < 1.
func Split(n, p int) []Range {
	k := numParts(n, p)
	rs := make([]Range, k)
	for i := range rs {
		rs[i] = part(n, k, i)
	}
	return rs
}

// Part returns the i-th range of [Split](n, p) without allocating.
// It panics if n < 0, p < 1, or i is not in [0, min(n, p)).
func Part(n, p, i int) Range {
	k := numParts(n, p)
	if i < 0 || i >= k {
		panic(badIndex)
	}
	return part(n, k, i)
}

func numParts(n, p int) int {
	if n < 0 {
		panic(badLength)
	}
	if p < 1 {
		panic(badParts)
	}
	return min(n, p)
}

// part returns the i-th of k balanced ranges of n, longer ranges first.
// 0 <= i < k <= n, so i*q + min(i, r) <= n and nothing overflows.
func part(n, k, i int) Range {
	q, r := n/k, n%k
	lo := i*q + min(i, r)
	hi := lo + q
	if i < r {
		hi++
	}
	return Range{lo, hi}
}

// Aligned cuts n indices into contiguous ranges whose inner boundaries are
// multiples of align. It splits the ceil(n/align) groups of align indices as
// [Split] does, but gives the extra groups to the last ranges, so that the last
// range, whose final group may be partial, is not also the shortest. It returns
// min(p, ceil(n/align)) ranges whose lengths differ by at most align; n == 0
// gives none, and align == 1 gives the lengths of Split in reverse order.
//
// With align = [LineFloats], parallel writers of a []float64 whose first
// element starts a cache line never share a line.
// It panics if n < 0, p < 1 or align < 1.
func Aligned(n, p, align int) []Range {
	g, k := alignedParts(n, p, align)
	rs := make([]Range, k)
	for i := range rs {
		rs[i] = alignedPart(n, align, g, k, i)
	}
	return rs
}

// AlignedPart returns the i-th range of [Aligned](n, p, align) without
// allocating.
// It panics if n < 0, p < 1, align < 1, or i is not a valid index.
func AlignedPart(n, p, align, i int) Range {
	g, k := alignedParts(n, p, align)
	if i < 0 || i >= k {
		panic(badIndex)
	}
	return alignedPart(n, align, g, k, i)
}

// alignedParts returns the number of groups of align indices in n and the
// number of ranges Aligned makes of them.
func alignedParts(n, p, align int) (groups, k int) {
	if n < 0 {
		panic(badLength)
	}
	if p < 1 {
		panic(badParts)
	}
	if align < 1 {
		panic(badAlign)
	}
	groups = ceilDiv(n, align)
	return groups, min(groups, p)
}

func alignedPart(n, align, groups, k, i int) Range {
	// Range i holds q groups, or q+1 for the last r ranges.
	q, r := groups/k, groups%k
	lo := i*q + max(0, i-(k-r))
	hi := lo + q
	if i >= k-r {
		hi++
	}
	// lo < groups, so lo*align < n; hi*align may exceed n only for the last
	// range, and is then clipped. Compare in groups to avoid overflow.
	if hi == groups {
		return Range{lo * align, n}
	}
	return Range{lo * align, hi * align}
}

// Blocks cuts n indices into consecutive blocks of the given size, the last
// block shorter when size does not divide n: [0, size), [size, 2*size), ...
// The grid depends on n and size alone. n == 0 gives no blocks.
// It panics if n < 0 or size < 1.
func Blocks(n, size int) []Range {
	rs := make([]Range, NumBlocks(n, size))
	for i := range rs {
		rs[i] = block(n, size, i)
	}
	return rs
}

// NumBlocks returns the number of blocks [Blocks](n, size) makes, ceil(n/size).
// It panics if n < 0 or size < 1.
func NumBlocks(n, size int) int {
	if n < 0 {
		panic(badLength)
	}
	if size < 1 {
		panic(badSize)
	}
	return ceilDiv(n, size)
}

// Block returns the i-th range of [Blocks](n, size) without allocating.
// It panics if n < 0, size < 1, or i is not in [0, NumBlocks(n, size)).
func Block(n, size, i int) Range {
	if i < 0 || i >= NumBlocks(n, size) {
		panic(badIndex)
	}
	return block(n, size, i)
}

// block returns block i of n; i < ceil(n/size), so lo <= n-1.
func block(n, size, i int) Range {
	lo := i * size
	return Range{lo, lo + min(size, n-lo)}
}

// ceilDiv returns ceil(n/d) for n >= 0 and d >= 1 without overflow.
func ceilDiv(n, d int) int {
	if n == 0 {
		return 0
	}
	return (n-1)/d + 1
}
