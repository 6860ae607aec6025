package parray

import (
	"cmp"
	"errors"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/parnum/parnum/chunk"
	"gonum.org/v1/gonum/floats"
)

// ErrInsufficient is the error of [Find] when fewer than k elements satisfy
// its function. It plays the part of floats.Find's error.
var ErrInsufficient = errors.New("parray: insufficient elements found")

// Count returns the number of elements of s for which f returns true, with
// the meaning of floats.Count, computed in parallel over ranges (a user
// function: see [For] for how the engine decides). f must be safe to call
// concurrently. f is called through a func value, which costs a few
// nanoseconds per element more than the loop floats.Count inlines: for a
// predicate of a few instructions, [Reduce] with the test written in its block
// function is faster.
// It panics if f is nil.
func Count(f func(float64) bool, s []float64) int { return Config{}.Count(f, s) }

// Count is the package-level [Count] on the workers of c.
func (c Config) Count(f func(float64) bool, s []float64) int {
	c.check()
	if f == nil {
		panic(nilFunc)
	}
	var total atomic.Int64
	c.adaptive(len(s), 0, probeFirst, nil, func(lo, hi int) error {
		total.Add(int64(floats.Count(f, s[lo:hi])))
		return nil
	})
	return int(total.Load())
}

// errFound stops the hand-out of ranges once HasNaN has its answer.
var errFound = errors.New("found")

// HasNaN reports whether s has a NaN, with the meaning of floats.HasNaN. In
// parallel, no new range starts once a NaN is found.
func HasNaN(s []float64) bool { return Config{}.HasNaN(s) }

// HasNaN is the package-level [HasNaN] on the workers of c.
func (c Config) HasNaN(s []float64) bool {
	c.check()
	w, inline := c.serial(len(s), minParScalar)
	if inline {
		return floats.HasNaN(s)
	}
	f, _ := run(lineplan(0, len(s), minTaskReduce, 0), w, nil, func(lo, hi int) error {
		if floats.HasNaN(s[lo:hi]) {
			return errFound
		}
		return nil
	})
	return f.kind == errored
}

// Find applies f to every element of s and returns the indices of the first
// k elements for which f returns true, or of all of them if k < 0, with the
// meaning of floats.Find: inds is resliced to length zero and the indices are
// appended to it in increasing order. If k > 0 and fewer than k elements
// satisfy f, all of them are returned with [ErrInsufficient]. k == 0 returns
// at once.
//
// Ranges are searched in parallel, each collecting its own indices; the
// pieces are joined in order with [chunk.Join]. With k > 0, a range stops at
// its own k-th match, and no new range starts once k indices have been found
// in the ranges handed out (which are always the first ranges of s), so f is
// usually called on fewer elements than a full pass, though on more than the
// sequential loop. f must be safe to call concurrently.
// It panics if f is nil.
func Find(inds []int, f func(float64) bool, s []float64, k int) ([]int, error) {
	return Config{}.Find(inds, f, s, k)
}

// Find is the package-level [Find] on the workers of c.
func (c Config) Find(inds []int, f func(float64) bool, s []float64, k int) ([]int, error) {
	c.check()
	if f == nil {
		panic(nilFunc)
	}
	inds = inds[:0]
	if k == 0 {
		return inds, nil
	}
	fd := &finder{f: f, s: s, k: k, direct: inds}
	c.adaptive(len(s), 0, probeFirst, nil, fd.search)
	inds = fd.direct
	if len(fd.pieces) > 0 {
		// Ranges beyond the prefix arrive in any order; they are
		// disjoint, so order them by their first index.
		slices.SortFunc(fd.pieces, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
		inds = chunk.Join(inds, fd.pieces...)
	}
	if k < 0 {
		return inds, nil
	}
	if len(inds) >= k {
		return inds[:k], nil
	}
	return inds, ErrInsufficient
}

// finder is the state of one Find. The ranges that continue the prefix
// [0, prefixEnd) of s (the probes, and the first ranges of a parallel call)
// append their indices directly to the caller's slice; a range that starts
// beyond the prefix collects its own piece. A range continues the prefix only
// when it starts exactly at prefixEnd, and prefixEnd moves only when such a
// range has finished, so at most one goroutine appends to direct at a time.
type finder struct {
	f      func(float64) bool
	s      []float64
	k      int
	direct []int

	prefixEnd atomic.Int64
	found     atomic.Int64

	mu     sync.Mutex
	pieces [][]int // non-empty, each in increasing order
}

// search is the range function of Find: it stops at its own k-th match,
// and stops the hand-out once k matches have been found in the ranges
// handed out (which are always the first ranges of s).
func (fd *finder) search(lo, hi int) error {
	var local []int
	inPrefix := fd.prefixEnd.Load() == int64(lo)
	if inPrefix {
		local = fd.direct
	}
	before := len(local)
	for i, v := range fd.s[lo:hi] {
		if fd.f(v) {
			local = append(local, lo+i)
			if len(local)-before == fd.k {
				// Later matches in this range cannot be among the
				// first k of s.
				break
			}
		}
	}
	n := len(local) - before
	if inPrefix {
		fd.direct = local
		fd.prefixEnd.Store(int64(hi))
	} else if n > 0 {
		fd.mu.Lock()
		fd.pieces = append(fd.pieces, local)
		fd.mu.Unlock()
	}
	if fd.k > 0 && n > 0 && fd.found.Add(int64(n)) >= int64(fd.k) {
		return errFound
	}
	return nil
}
