package parray

import "time"

// Reductions run on a fixed grid of units (leaves of leafLen elements for the
// built-in sums, blocks of ReduceBlock elements for Reduce), combined by the
// pairwise tree of tree.go. A parallel reduction hands out tasks of T units,
// T a power of two: each task is a node of the tree, the caller combines the
// task values with the same tree, and the result is the tree over all units,
// whatever T and the number of workers are.

// maxReduceTasks bounds the tasks of one reduction, and so the slice of task
// values the caller allocates: 1024 tasks of at least 64K elements each cover
// 2^26 elements before tasks grow; claims stay under 0.1% of the work.
const maxReduceTasks = 1024

// reduceTaskLen returns the elements per task for a reduction of n elements
// in units of unit elements on w workers: a power of two of units, at least
// minTask elements (Grain, if set), about 8 tasks per worker when the work is
// large, and at most maxReduceTasks tasks.
func (c Config) reduceTaskLen(n, unit, w, minTask int) int {
	if c.Grain > 0 {
		minTask = c.Grain
	}
	units := (n-1)/unit + 1
	t := 1
	for t*unit < minTask && t < units {
		t *= 2
	}
	// More tasks than 8 per worker only adds claims; fewer than one per
	// maxReduceTasks means too many task values.
	for (units-1)/t+1 > max(8*w, maxReduceTasks) {
		t *= 2
	}
	return t * unit
}

// reduceParallel computes, on w workers, the tree over the units of [0, n)
// as the tree of the values node(lo, hi) of tasks of taskLen elements (the
// last one shorter). node must compute the tree over the units of [lo, hi).
// A panic in node or combine is raised again on the caller (see run).
func reduceParallel[T any](w, n, taskLen int, node func(lo, hi int) T, combine func(a, b T) T) T {
	parts := make([]T, (n-1)/taskLen+1)
	f, _ := run(plan{n: n, minSize: taskLen, align: 1, fixed: true}, w, nil, func(lo, hi int) error {
		parts[lo/taskLen] = node(lo, hi)
		return nil
	})
	f.raise()
	return tree(parts, combine)
}

// reduceFloat is reduceParallel for float64 sums, combined by addition.
func reduceFloat(w, n, taskLen int, node func(lo, hi int) float64) float64 {
	parts := make([]float64, (n-1)/taskLen+1)
	f, _ := run(plan{n: n, minSize: taskLen, align: 1, fixed: true}, w, nil, func(lo, hi int) error {
		parts[lo/taskLen] = node(lo, hi)
		return nil
	})
	f.raise()
	return treeSum(parts)
}

// reduceAdaptive computes the tree over the units of [0, n) for user
// functions of unknown cost. node computes the tree over the units of
// [lo, hi). With Grain zero, the caller computes the first task itself and
// times it; the other tasks run inline if they would take less than
// minParallelWork, and in parallel otherwise. No unit is computed twice.
func reduceAdaptive[T any](c Config, n, unit int, node func(lo, hi int) T, combine func(a, b T) T) T {
	units := (n-1)/unit + 1
	w := c.workers()
	if units == 1 || w == 1 || (c.Grain > 0 && n < 2*c.Grain) {
		return node(0, n)
	}
	taskLen := c.reduceTaskLen(n, unit, w, 1)
	if c.Grain > 0 {
		return reduceParallel(w, n, taskLen, node, combine)
	}
	tasks := (n-1)/taskLen + 1
	parts := make([]T, tasks)
	t0 := clock()
	parts[0] = node(0, min(taskLen, n))
	if tasks == 1 {
		return parts[0]
	}
	rest := clock() - t0
	if rest*time.Duration(tasks-1) < minParallelWork {
		for k := 1; k < tasks; k++ {
			lo := k * taskLen
			parts[k] = node(lo, min(lo+taskLen, n))
		}
		return tree(parts, combine)
	}
	f, _ := run(plan{from: taskLen, n: n, minSize: taskLen, align: 1, fixed: true}, w, nil, func(lo, hi int) error {
		parts[lo/taskLen] = node(lo, hi)
		return nil
	})
	f.raise()
	return tree(parts, combine)
}

// ReduceBlock is the length of the blocks that [Reduce] and [ReduceRange]
// hand to their block function: the grid [0, ReduceBlock), [ReduceBlock,
// 2*ReduceBlock), ..., the last block shorter. 4096 float64 values (32 KiB)
// stay in a core's L1 cache while the function works on them.
const ReduceBlock = 4096

// Reduce computes a result of any type from s: block is called on each block
// of the fixed grid of [ReduceBlock] elements (the last one shorter), and the
// block results are combined with combine(left, right) by the pairwise tree:
// for four blocks, combine(combine(b0, b1), combine(b2, b3)). It is
// equivalent to running that tree sequentially, computed in parallel: the
// grid and the tree depend on len(s) alone, never on the number of workers,
// so when block and combine are deterministic the result is the same for
// every Config and machine.
//
// combine is given its arguments in index order and should be associative
// for the result to be the sequential fold's; it need not be commutative.
// block and combine must be safe to call concurrently; block must not keep
// its slice. If s is empty, Reduce returns block(s).
// It panics if block or combine is nil.
func Reduce[T any](s []float64, block func(s []float64) T, combine func(a, b T) T) T {
	return ReduceWith(Config{}, s, block, combine)
}

// ReduceWith is [Reduce] on the workers of c. (Go methods cannot have type
// parameters, so it is a function rather than a method of Config.)
func ReduceWith[T any](c Config, s []float64, block func(s []float64) T, combine func(a, b T) T) T {
	c.check()
	if block == nil || combine == nil {
		panic(nilFunc)
	}
	if len(s) == 0 {
		return block(s)
	}
	return reduceAdaptive(c, len(s), ReduceBlock, func(lo, hi int) T {
		p := treeOf[T]{combine: combine}
		for b := lo; b < hi; b += ReduceBlock {
			e := min(b+ReduceBlock, hi)
			p.push(block(s[b:e:e]))
		}
		return p.result()
	}, combine)
}

// ReduceRange is [Reduce] over the indices [0, n) instead of a slice: block is
// called with the bounds [lo, hi) of each block of the grid, so that it can
// read several slices at once (a dot product, a correlation). If n is zero,
// ReduceRange returns block(0, 0).
// It panics if n < 0 or block or combine is nil.
func ReduceRange[T any](n int, block func(lo, hi int) T, combine func(a, b T) T) T {
	return ReduceRangeWith(Config{}, n, block, combine)
}

// ReduceRangeWith is [ReduceRange] on the workers of c.
func ReduceRangeWith[T any](c Config, n int, block func(lo, hi int) T, combine func(a, b T) T) T {
	c.check()
	if n < 0 {
		panic(badN)
	}
	if block == nil || combine == nil {
		panic(nilFunc)
	}
	if n == 0 {
		return block(0, 0)
	}
	return reduceAdaptive(c, n, ReduceBlock, func(lo, hi int) T {
		p := treeOf[T]{combine: combine}
		for b := lo; b < hi; b += ReduceBlock {
			p.push(block(b, min(b+ReduceBlock, hi)))
		}
		return p.result()
	}, combine)
}
