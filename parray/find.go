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
	c.adaptive(len(s), 0, nil, func(lo, hi int) error {
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
	w, inline := c.serial(len(s), minParStream)
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
	type piece struct {
		lo   int
		inds []int
	}
	var (
		mu     sync.Mutex
		pieces []piece
		found  atomic.Int64
	)
	c.adaptive(len(s), 0, nil, func(lo, hi int) error {
		var local []int
		for i, v := range s[lo:hi] {
			if f(v) {
				local = append(local, lo+i)
				if len(local) == k {
					// Later matches in this range cannot be among the
					// first k of s.
					break
				}
			}
		}
		if len(local) == 0 {
			return nil
		}
		mu.Lock()
		pieces = append(pieces, piece{lo, local})
		mu.Unlock()
		if k > 0 && found.Add(int64(len(local))) >= int64(k) {
			return errFound
		}
		return nil
	})
	// Pieces arrive in any order; ranges are disjoint, so order them by lo.
	slices.SortFunc(pieces, func(a, b piece) int { return cmp.Compare(a.lo, b.lo) })
	parts := make([][]int, len(pieces))
	for i, p := range pieces {
		parts[i] = p.inds
	}
	inds = chunk.Join(inds, parts...)
	if k < 0 {
		return inds, nil
	}
	if len(inds) >= k {
		return inds[:k], nil
	}
	return inds, ErrInsufficient
}
