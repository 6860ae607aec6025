package parray

// The deterministic summation kernels.
//
// A sum is cut into leaves of leafLen elements at fixed offsets from the
// start of the slice (the last leaf may be shorter). Within a leaf, element i
// is added to lane i%16, each lane in index order; the 16 lanes are then
// combined by the fixed tree of laneTree. Leaves are combined pairwise (see
// pairwise in tree.go). Nothing depends on the address of the slice or on the
// number of workers, so the result is the same bits for the same values.
//
// Each lane adds leafLen/16 = 16 values in sequence, and the leaves are
// combined pairwise: the error bound grows as (16 + 4 + log2(n/256))*eps,
// the same depth as numpy's pairwise sum (blocks of 128 on 8 accumulators).
//
// sumLeaves and dotLeaves are written in SSE2 assembly on amd64: 8 registers
// of 2 lanes, unaligned loads (no peeling to reach alignment, which is what
// makes gonum's floats.Sum depend on the address). Their reference loops are
// sumLeavesGo and dotLeavesGo below; the assembly computes exactly the same
// operations in the same order, which the tests check bit for bit.

// leafLen is the number of elements in a leaf: 16 lanes of 16.
const leafLen = 256

// leaves returns the number of leaves of n elements.
func leaves(n int) int { return (n + leafLen - 1) / leafLen }

// sumLeavesGo is the reference of sumLeaves: sums[k] is the lane sum of
// leaf k of x, x[k*leafLen : min((k+1)*leafLen, len(x))], for each of the
// len(sums) = leaves(len(x)) leaves; only the last may be partial.
func sumLeavesGo(sums, x []float64) {
	for k := range sums {
		leaf := x[k*leafLen : min((k+1)*leafLen, len(x))]
		var a0, a1, a2, a3, a4, a5, a6, a7 float64
		var a8, a9, a10, a11, a12, a13, a14, a15 float64
		for ; len(leaf) >= 16; leaf = leaf[16:] {
			v := leaf[:16:16]
			a0 += v[0]
			a1 += v[1]
			a2 += v[2]
			a3 += v[3]
			a4 += v[4]
			a5 += v[5]
			a6 += v[6]
			a7 += v[7]
			a8 += v[8]
			a9 += v[9]
			a10 += v[10]
			a11 += v[11]
			a12 += v[12]
			a13 += v[13]
			a14 += v[14]
			a15 += v[15]
		}
		if len(leaf) > 0 {
			// A partial group: element j goes to lane j.
			var p [16]float64
			copy(p[:], leaf)
			a0 += p[0]
			a1 += p[1]
			a2 += p[2]
			a3 += p[3]
			a4 += p[4]
			a5 += p[5]
			a6 += p[6]
			a7 += p[7]
			a8 += p[8]
			a9 += p[9]
			a10 += p[10]
			a11 += p[11]
			a12 += p[12]
			a13 += p[13]
			a14 += p[14]
			a15 += p[15]
		}
		sums[k] = laneTree(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15)
	}
}

// dotLeavesGo is the reference of dotLeaves: sums[k] is the lane sum of the
// products x[i]*y[i] over leaf k; len(y) must be len(x). Each product is
// rounded before it is added (the conversions forbid fusing it into an FMA),
// as the assembly's multiply then add do.
func dotLeavesGo(sums, x, y []float64) {
	y = y[:len(x)]
	for k := range sums {
		lx := x[k*leafLen : min((k+1)*leafLen, len(x))]
		ly := y[k*leafLen : min((k+1)*leafLen, len(x))]
		var a0, a1, a2, a3, a4, a5, a6, a7 float64
		var a8, a9, a10, a11, a12, a13, a14, a15 float64
		for ; len(lx) >= 16; lx, ly = lx[16:], ly[16:] {
			u, v := lx[:16:16], ly[:16:16]
			a0 += float64(u[0] * v[0])
			a1 += float64(u[1] * v[1])
			a2 += float64(u[2] * v[2])
			a3 += float64(u[3] * v[3])
			a4 += float64(u[4] * v[4])
			a5 += float64(u[5] * v[5])
			a6 += float64(u[6] * v[6])
			a7 += float64(u[7] * v[7])
			a8 += float64(u[8] * v[8])
			a9 += float64(u[9] * v[9])
			a10 += float64(u[10] * v[10])
			a11 += float64(u[11] * v[11])
			a12 += float64(u[12] * v[12])
			a13 += float64(u[13] * v[13])
			a14 += float64(u[14] * v[14])
			a15 += float64(u[15] * v[15])
		}
		if len(lx) > 0 {
			var u, v [16]float64
			copy(u[:], lx)
			copy(v[:], ly)
			a0 += float64(u[0] * v[0])
			a1 += float64(u[1] * v[1])
			a2 += float64(u[2] * v[2])
			a3 += float64(u[3] * v[3])
			a4 += float64(u[4] * v[4])
			a5 += float64(u[5] * v[5])
			a6 += float64(u[6] * v[6])
			a7 += float64(u[7] * v[7])
			a8 += float64(u[8] * v[8])
			a9 += float64(u[9] * v[9])
			a10 += float64(u[10] * v[10])
			a11 += float64(u[11] * v[11])
			a12 += float64(u[12] * v[12])
			a13 += float64(u[13] * v[13])
			a14 += float64(u[14] * v[14])
			a15 += float64(u[15] * v[15])
		}
		sums[k] = laneTree(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15)
	}
}

// laneTree combines the 16 lanes as the assembly does: with SSE2 registers
// of 2 lanes (register r holds lanes 2r and 2r+1), registers r and r+4 are
// added, then r and r+2, then 0 and 1, and last the two halves of register 0;
// the AVX registers of 4 lanes do the same additions.
func laneTree(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15 float64) float64 {
	b0, b1, b2, b3 := a0+a8, a1+a9, a2+a10, a3+a11
	b4, b5, b6, b7 := a4+a12, a5+a13, a6+a14, a7+a15
	c0, c1, c2, c3 := b0+b4, b1+b5, b2+b6, b3+b7
	d0, d1 := c0+c2, c1+c3
	return d0 + d1
}

// leafBatch is how many leaf sums a node computes per kernel call. A node of
// at most leafBatch leaves (4096 elements) is combined directly, without the
// binary counter.
const leafBatch = 16

// sumNode returns the pairwise sum of s: the lane sums of its leaves, at
// offsets multiple of leafLen from s[0], combined by the pairwise tree.
func sumNode(s []float64) float64 {
	var sums [leafBatch]float64
	nl := leaves(len(s))
	if nl <= leafBatch {
		sumLeaves(sums[:nl], s)
		return treeSum(sums[:nl])
	}
	var p pairwise
	for lo := 0; lo < len(s); lo += leafBatch * leafLen {
		hi := min(len(s), lo+leafBatch*leafLen)
		k := leaves(hi - lo)
		sumLeaves(sums[:k], s[lo:hi])
		for _, v := range sums[:k] {
			p.push(v)
		}
	}
	return p.sum()
}

// dotNode is sumNode for the products x[i]*y[i]; len(y) must be len(x).
func dotNode(x, y []float64) float64 {
	var sums [leafBatch]float64
	y = y[:len(x)]
	nl := leaves(len(x))
	if nl <= leafBatch {
		dotLeaves(sums[:nl], x, y)
		return treeSum(sums[:nl])
	}
	var p pairwise
	for lo := 0; lo < len(x); lo += leafBatch * leafLen {
		hi := min(len(x), lo+leafBatch*leafLen)
		k := leaves(hi - lo)
		dotLeaves(sums[:k], x[lo:hi], y[lo:hi])
		for _, v := range sums[:k] {
			p.push(v)
		}
	}
	return p.sum()
}
