package parray

import "gonum.org/v1/gonum/floats"

// scanBlock is the block length of the scans. A scan of at most scanBlock
// elements is floats' sequential scan, bit for bit; a longer one runs on the
// grid of blocks of scanBlock. 2^18 elements take about 300 us to scan here
// (a scan is a chain of dependent additions, about 1.2 ns each), the work
// below which a fork does not pay (see minParallelWork).
const scanBlock = 1 << 18

// CumSum sets dst[i] to the sum of s[0] through s[i] and returns dst, with
// the meaning of floats.CumSum.
//
// Up to 2^18 elements it is floats.CumSum. Longer slices are cut into blocks
// of 2^18 at fixed offsets and scanned in two parallel passes: the total of
// each block (a pairwise sum, as [Sum]), then, in each block, the running sum
// started from the sum of the totals of the blocks before it. The grid
// depends on len(s) alone, so the result is the same bits whatever the
// workers; it differs from floats.CumSum's in the last bits from the second
// block on, and is at least as accurate. The first block is floats.CumSum's,
// whose bits depend on gonum's assembly: on amd64 it adds pairs of elements
// first, elsewhere and with the noasm build tag one element at a time.
// dst may be s itself.
// It panics if the lengths of dst and s differ or dst partially overlaps s.
func CumSum(dst, s []float64) []float64 { return Config{}.CumSum(dst, s) }

// CumSum is the package-level [CumSum] on the workers of c.
func (c Config) CumSum(dst, s []float64) []float64 {
	return c.scan(dst, s, floats.CumSum, sumNode, add, func(d, x []float64, acc float64) {
		for i, v := range x {
			acc += v
			d[i] = acc
		}
	})
}

// CumProd sets dst[i] to the product of s[0] through s[i] and returns dst,
// with the meaning of floats.CumProd, computed as [CumSum] is: floats.CumProd
// up to 2^18 elements, two passes over blocks of 2^18 beyond, the block totals
// being pairwise products (see [Prod]). Beyond 2^18 elements the first block
// is floats.CumProd of the first 2^18 elements; on amd64, where gonum
// multiplies in groups of four from the second element, its last three
// elements may differ in the last bits from floats.CumProd of the whole
// slice. dst may be s itself.
// It panics if the lengths of dst and s differ or dst partially overlaps s.
func CumProd(dst, s []float64) []float64 { return Config{}.CumProd(dst, s) }

// CumProd is the package-level [CumProd] on the workers of c.
func (c Config) CumProd(dst, s []float64) []float64 {
	return c.scan(dst, s, floats.CumProd, prodNode, mul, func(d, x []float64, acc float64) {
		for i, v := range x {
			acc *= v
			d[i] = acc
		}
	})
}

func add(a, b float64) float64 { return a + b }

// scan is the two-pass blocked scan: seq is the sequential scan (block 0 and
// short slices), total the reduction of one block, op the scan's operation,
// and from the running scan of a block started from an offset.
func (c Config) scan(dst, s []float64, seq func(dst, s []float64) []float64,
	total func([]float64) float64, op func(a, b float64) float64,
	from func(d, x []float64, acc float64)) []float64 {
	c.check()
	if len(dst) != len(s) {
		panic(badDstLength)
	}
	checkOverlap(dst, s)
	n := len(s)
	if n <= scanBlock {
		return seq(dst, s)
	}
	blocks := (n-1)/scanBlock + 1
	w, inline := c.serial(n, 2*scanBlock)
	grid := plan{n: n, minSize: scanBlock, align: 1, fixed: true}

	// Pass 1: the total of every block but the last.
	totals := make([]float64, blocks)
	pass1 := func(lo, hi int) error {
		if hi < n {
			totals[lo/scanBlock] = total(s[lo:hi])
		}
		return nil
	}
	// Offsets: offsets[b] is the scan of the totals before block b.
	// Pass 2: each block from its offset; block 0 is the plain scan.
	offsets := totals // reused in place once the totals are read
	pass2 := func(lo, hi int) error {
		if lo == 0 {
			seq(dst[:hi], s[:hi])
		} else {
			from(dst[lo:hi], s[lo:hi], offsets[lo/scanBlock])
		}
		return nil
	}
	if inline {
		for lo := 0; lo < n; lo += scanBlock {
			pass1(lo, min(lo+scanBlock, n))
		}
	} else {
		f, _ := run(grid, w, nil, pass1)
		f.raise()
	}
	acc := totals[0]
	for b := 1; b < blocks; b++ {
		t := totals[b]
		offsets[b] = acc
		acc = op(acc, t)
	}
	if inline {
		for lo := 0; lo < n; lo += scanBlock {
			pass2(lo, min(lo+scanBlock, n))
		}
	} else {
		f, _ := run(grid, w, nil, pass2)
		f.raise()
	}
	return dst
}
