package parray

import (
	"math"

	"gonum.org/v1/gonum/floats"
)

// Max returns the largest value of s, with the meaning of floats.Max: NaNs
// are skipped unless every value is NaN, and then the result is NaN. It is
// exact, so the same for every number of workers.
// It panics if s is empty.
func Max(s []float64) float64 { return Config{}.Max(s) }

// Max is the package-level [Max] on the workers of c.
func (c Config) Max(s []float64) float64 { return s[c.MaxIdx(s)] }

// Min returns the smallest value of s, with the meaning of floats.Min (see
// [Max]).
// It panics if s is empty.
func Min(s []float64) float64 { return Config{}.Min(s) }

// Min is the package-level [Min] on the workers of c.
func (c Config) Min(s []float64) float64 { return s[c.MinIdx(s)] }

// MaxIdx returns the index of the largest value of s, with the meaning of
// floats.MaxIdx: the first such index when several elements have the largest
// value, NaNs skipped, and 0 when every value is NaN. Each range runs
// floats.MaxIdx; ranges are combined keeping the earlier index on ties, so
// the index is the sequential one.
// It panics if s is empty.
func MaxIdx(s []float64) int { return Config{}.MaxIdx(s) }

// MaxIdx is the package-level [MaxIdx] on the workers of c.
func (c Config) MaxIdx(s []float64) int {
	return c.extremeIdx(s, floats.MaxIdx, func(a, b float64) bool { return a > b })
}

// MinIdx returns the index of the smallest value of s, with the meaning of
// floats.MinIdx (see [MaxIdx]).
// It panics if s is empty.
func MinIdx(s []float64) int { return Config{}.MinIdx(s) }

// MinIdx is the package-level [MinIdx] on the workers of c.
func (c Config) MinIdx(s []float64) int {
	return c.extremeIdx(s, floats.MinIdx, func(a, b float64) bool { return a < b })
}

// extremeIdx finds the index that seq (floats.MaxIdx or MinIdx) finds, in
// parallel: seq on each range, then a combination in index order that moves
// to the later range only if its value is strictly better (and not NaN), or
// if the earlier range had only NaNs.
func (c Config) extremeIdx(s []float64, seq func([]float64) int, better func(a, b float64) bool) int {
	c.check()
	if len(s) == 0 {
		panic(zeroLength)
	}
	w, inline := c.serial(len(s), minParScalar)
	if inline {
		return seq(s)
	}
	best := reduceParallel(w, len(s), c.reduceTaskLen(len(s), leafLen, w, minTaskReduce), func(lo, hi int) int {
		return lo + seq(s[lo:hi])
	}, func(a, b int) int {
		if math.IsNaN(s[b]) {
			return a
		}
		if math.IsNaN(s[a]) || better(s[b], s[a]) {
			return b
		}
		return a
	})
	return best
}

// NearestIdx returns the index of the element of s whose value is nearest to
// v, with the meaning of floats.NearestIdx: the first such index when several
// are as near, NaN distances skipped; 0 if v is NaN; [MaxIdx] if v is +Inf
// and [MinIdx] if v is -Inf. Each range runs floats.NearestIdx and ranges are
// combined keeping the earlier index on ties, so the index is the sequential
// one.
// It panics if s is empty.
func NearestIdx(s []float64, v float64) int { return Config{}.NearestIdx(s, v) }

// NearestIdx is the package-level [NearestIdx] on the workers of c.
func (c Config) NearestIdx(s []float64, v float64) int {
	c.check()
	if len(s) == 0 {
		panic(zeroLength)
	}
	switch {
	case math.IsNaN(v):
		return 0
	case math.IsInf(v, 1):
		return c.MaxIdx(s)
	case math.IsInf(v, -1):
		return c.MinIdx(s)
	}
	w, inline := c.serial(len(s), minParScalar)
	if inline {
		return floats.NearestIdx(s, v)
	}
	dist := func(i int) float64 { return math.Abs(v - s[i]) }
	return reduceParallel(w, len(s), c.reduceTaskLen(len(s), leafLen, w, minTaskReduce), func(lo, hi int) int {
		return lo + floats.NearestIdx(s[lo:hi], v)
	}, func(a, b int) int {
		if math.IsNaN(dist(b)) {
			return a
		}
		if math.IsNaN(dist(a)) || dist(b) < dist(a) {
			return b
		}
		return a
	})
}
