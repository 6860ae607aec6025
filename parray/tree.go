package parray

// The pairwise tree.
//
// Values v[0], v[1], ..., v[m-1] (leaf sums, or the values of blocks) are
// combined by the tree that splits a run of m values after the largest power
// of two below m (after m/2 when m is a power of two):
//
//	tree(v[0:m]) = tree(v[0:2^k]) + tree(v[2^k:m]),  2^k < m <= 2^(k+1)
//
// A binary counter computes it in one pass with a stack of at most 64
// subtrees: push each value, and while the count of values pushed is even at
// the bit of the top subtree, merge the top two (left + right). At the end the
// stack holds the perfect subtrees of the binary digits of m, which are folded
// from the right. The depth of the tree is ceil(log2 m).
//
// The tree has the property the parallel reductions stand on: for any power
// of two T, the runs v[j*T : (j+1)*T] (the last one clipped at m) are nodes of
// the tree, and the nodes above them form the same tree over the runs. So
// when each worker reduces whole runs of T values and the caller combines the
// run results with the same tree, the result is the same bits as the tree over
// all values, for every T and hence every number of workers.

// pairwise is the binary counter for float64 sums. The zero value is empty.
type pairwise struct {
	stack [64]float64
	top   int    // number of subtrees on the stack
	count uint64 // number of values pushed
}

// push adds the next value.
func (p *pairwise) push(v float64) {
	p.count++
	for c := p.count; c&1 == 0; c >>= 1 {
		p.top--
		v = p.stack[p.top] + v
	}
	p.stack[p.top] = v
	p.top++
}

// sum returns the tree over the values pushed: 0 if none.
func (p *pairwise) sum() float64 {
	if p.top == 0 {
		return 0
	}
	acc := p.stack[p.top-1]
	for i := p.top - 2; i >= 0; i-- {
		acc = p.stack[i] + acc
	}
	return acc
}

// treeOf is the pairwise tree over values of any type, combined with
// combine(left, right). The zero value is empty.
type treeOf[T any] struct {
	stack   [64]T
	top     int
	count   uint64
	combine func(a, b T) T
}

func (p *treeOf[T]) push(v T) {
	p.count++
	for c := p.count; c&1 == 0; c >>= 1 {
		p.top--
		v = p.combine(p.stack[p.top], v)
	}
	p.stack[p.top] = v
	p.top++
}

// result returns the tree over the values pushed; there must be at least one.
func (p *treeOf[T]) result() T {
	acc := p.stack[p.top-1]
	for i := p.top - 2; i >= 0; i-- {
		acc = p.combine(p.stack[i], acc)
	}
	return acc
}

// treeSum returns the pairwise tree of vs, by its recursive definition; 0 if
// vs is empty. It is for short slices, such as the leaf sums of a node.
func treeSum(vs []float64) float64 {
	switch len(vs) {
	case 0:
		return 0
	case 1:
		return vs[0]
	case 2:
		return vs[0] + vs[1]
	}
	k := 2
	for 2*k < len(vs) {
		k *= 2
	}
	return treeSum(vs[:k]) + treeSum(vs[k:])
}

// tree returns the pairwise tree of vs, which must not be empty.
func tree[T any](vs []T, combine func(a, b T) T) T {
	p := treeOf[T]{combine: combine}
	for _, v := range vs {
		p.push(v)
	}
	return p.result()
}
