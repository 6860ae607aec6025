package parray

import "math"

// Mean returns the weighted mean of x, sum of weights[i]*x[i] over the sum of
// the weights, with the meaning of gonum's stat.Mean: weights nil means all
// weights are 1. The sums are [Dot] and [Sum]'s pairwise sums, so the mean is
// the same bits whatever the workers. The mean of an empty slice is NaN.
// It panics if weights is not nil and its length differs from x's.
func Mean(x, weights []float64) float64 { return Config{}.Mean(x, weights) }

// Mean is the package-level [Mean] on the workers of c.
func (c Config) Mean(x, weights []float64) float64 {
	c.check()
	if weights == nil {
		return c.Sum(x) / float64(len(x))
	}
	if len(x) != len(weights) {
		panic(badLength)
	}
	var r sumPair
	w, inline := c.serial(len(x), minParStream2)
	if inline {
		r = sumPair{dotNode(weights, x), sumNode(weights)}
	} else {
		r = reduceParallel(w, len(x), c.reduceTaskLen(len(x), leafLen, w, minTaskReduce), func(lo, hi int) sumPair {
			return sumPair{dotNode(weights[lo:hi], x[lo:hi]), sumNode(weights[lo:hi])}
		}, addPair)
	}
	return r.a / r.b
}

// sumPair is two sums carried through one tree.
type sumPair struct{ a, b float64 }

func addPair(p, q sumPair) sumPair { return sumPair{p.a + q.a, p.b + q.b} }

// MeanVariance returns the weighted mean of x and its unbiased weighted
// variance, sum of weights[i]*(x[i]-mean)^2 over (sum of weights - 1), with the
// meaning of gonum's stat.MeanVariance: weights nil means all weights are 1,
// and the variance of fewer than two values is NaN. When the weights sum to 1
// or less, a biased estimator should be used instead, as stat says.
//
// Each leaf of 256 values is reduced in cache by the corrected two-pass
// algorithm that stat uses for the whole slice, to its weight, mean and sum of
// squared deviations; the leaves are merged pairwise with the formula of Chan,
// Golub and LeVeque, so x is read from memory once. The mean is exactly that
// of [Mean]. Data with a mean far from zero (values near 1e9 that differ by
// about 1) keep full accuracy. The result is the same bits whatever the
// workers.
// It panics if weights is not nil and its length differs from x's.
func MeanVariance(x, weights []float64) (mean, variance float64) {
	return Config{}.MeanVariance(x, weights)
}

// MeanVariance is the package-level [MeanVariance] on the workers of c.
func (c Config) MeanVariance(x, weights []float64) (mean, variance float64) {
	c.check()
	if weights != nil && len(x) != len(weights) {
		panic(badLength)
	}
	if len(x) == 0 {
		return math.NaN(), math.NaN()
	}
	var m moments
	w, inline := c.serial(len(x), minParScalar)
	if inline {
		m = momentsNode(x, weights)
	} else {
		m = reduceParallel(w, len(x), c.reduceTaskLen(len(x), leafLen, w, minTaskReduce), func(lo, hi int) moments {
			if weights == nil {
				return momentsNode(x[lo:hi], nil)
			}
			return momentsNode(x[lo:hi], weights[lo:hi])
		}, mergeMoments)
	}
	return m.sum / m.w, m.m2 / (m.w - 1)
}

// Variance returns the unbiased weighted variance of x, as [MeanVariance].
// It panics if weights is not nil and its length differs from x's.
func Variance(x, weights []float64) float64 { return Config{}.Variance(x, weights) }

// Variance is the package-level [Variance] on the workers of c.
func (c Config) Variance(x, weights []float64) float64 {
	_, v := c.MeanVariance(x, weights)
	return v
}

// StdDev returns the unbiased weighted standard deviation of x, the square
// root of [Variance], with the meaning of gonum's stat.StdDev.
// It panics if weights is not nil and its length differs from x's.
func StdDev(x, weights []float64) float64 { return Config{}.StdDev(x, weights) }

// StdDev is the package-level [StdDev] on the workers of c.
func (c Config) StdDev(x, weights []float64) float64 {
	_, v := c.MeanVariance(x, weights)
	return math.Sqrt(v)
}

// MeanStdDev returns the weighted mean of x and its unbiased weighted
// standard deviation, as [MeanVariance], with the meaning of gonum's
// stat.MeanStdDev.
// It panics if weights is not nil and its length differs from x's.
func MeanStdDev(x, weights []float64) (mean, std float64) {
	return Config{}.MeanStdDev(x, weights)
}

// MeanStdDev is the package-level [MeanStdDev] on the workers of c.
func (c Config) MeanStdDev(x, weights []float64) (mean, std float64) {
	m, v := c.MeanVariance(x, weights)
	return m, math.Sqrt(v)
}

// moments summarizes a run of values: the sum of the weights, the weighted
// sum of the values (for the mean, so that it is exactly Mean's), the
// weighted mean, and the weighted sum of squared deviations from it.
//
// The mean is kept as an unevaluated sum mean + meanLo, twice as precise as a
// float64. Data near 1e9 that differ by about 1 show why: a mean rounded to
// float64 is off by up to half an ulp of 1e9 (6e-8), while the means of two
// leaves differ by about 0.02; their difference, squared in the merge, would
// carry a relative error of 1e-5 and the variance would keep 8 digits. The
// low part comes free from the corrected two-pass algorithm of each leaf.
type moments struct {
	w, sum       float64
	mean, meanLo float64
	m2           float64
}

// mergeMoments merges two runs with the pairwise update of Chan, Golub and
// LeVeque: with d the difference of the means, the mean moves by d*wb/w and
// the squared deviations gain d^2*wa*wb/w. d is computed from both parts of
// the means, and the moved mean is summed exactly into the two parts. A run
// of zero weight is the identity.
func mergeMoments(a, b moments) moments {
	switch {
	case a.w == 0:
		b.sum += a.sum
		return b
	case b.w == 0:
		a.sum += b.sum
		return a
	}
	w := a.w + b.w
	d := (b.mean - a.mean) + (b.meanLo - a.meanLo)
	// The conversions forbid fused multiply-adds, which some processors
	// (and GOAMD64=v3) would use, so the bits are the same everywhere.
	move := float64(d * (b.w / w))
	mean, e := twoSum(a.mean, move)
	return moments{
		w:      w,
		sum:    a.sum + b.sum,
		mean:   mean,
		meanLo: a.meanLo + e,
		m2:     a.m2 + b.m2 + float64(float64(d*d)*(a.w*(b.w/w))),
	}
}

// twoSum returns a+b rounded and its exact rounding error (Knuth).
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	return s, (a - (s - bb)) + (b - bb)
}

// momentsNode returns the moments of x (weighted when weights is not nil)
// over the leaf grid, merged by the pairwise tree. len(x) must not be 0.
func momentsNode(x, weights []float64) moments {
	p := treeOf[moments]{combine: mergeMoments}
	var one [1]float64
	for lo := 0; lo < len(x); lo += leafLen {
		hi := min(lo+leafLen, len(x))
		leaf := x[lo:hi]
		var m moments
		if weights == nil {
			sumLeaves(one[:], leaf)
			m = leafMoments(leaf, nil, float64(len(leaf)), one[0])
		} else {
			wl := weights[lo:hi]
			dotLeaves(one[:], wl, leaf)
			ws := one[0]
			sumLeaves(one[:], wl)
			m = leafMoments(leaf, wl, one[0], ws)
		}
		p.push(m)
	}
	return p.result()
}

// leafMoments completes the moments of one leaf whose weight w and weighted
// sum s are known, by the corrected two-pass algorithm: with d the deviations
// from the rounded mean, m2 = sum(w*d^2) - (sum(w*d))^2/w, the second term
// correcting the rounding of the mean, and sum(w*d)/w is that rounding: the
// low part of the mean.
func leafMoments(x, weights []float64, w, s float64) moments {
	mean := s / w
	var ss0, ss1, c0, c1 float64
	if weights == nil {
		i := 0
		for ; i+2 <= len(x); i += 2 {
			d0, d1 := x[i]-mean, x[i+1]-mean
			ss0 += float64(d0 * d0)
			ss1 += float64(d1 * d1)
			c0 += d0
			c1 += d1
		}
		if i < len(x) {
			d := x[i] - mean
			ss0 += float64(d * d)
			c0 += d
		}
	} else {
		weights = weights[:len(x)]
		for i, v := range x {
			d := v - mean
			wd := weights[i] * d
			ss0 += float64(wd * d)
			c0 += wd
		}
	}
	ss, c := ss0+ss1, c0+c1
	return moments{w: w, sum: s, mean: mean, meanLo: c / w, m2: ss - float64(c*c)/w}
}
