package bench

import (
	"math"
	"runtime"
	"sync"

	"github.com/sourcegraph/conc/iter"
	"golang.org/x/sync/errgroup"
	"gonum.org/v1/gonum/floats"
)

// The alternatives to parnum, as a Go user writes them today. Each
// operation has three parallel forms besides the sequential one:
//
//   - WaitGroup: GOMAXPROCS near-equal pieces (numpy.array_split's cut),
//     one goroutine each started with sync.WaitGroup.Go, and a Wait. The
//     caller only waits; there is no size below which it stays sequential.
//   - Errgroup: an errgroup.Group with SetLimit(GOMAXPROCS) over
//     4*GOMAXPROCS near-equal pieces, so that a slow core can be helped.
//     g.Go blocks the caller while the limit is reached; the caller does no
//     work of its own.
//   - Conc: sourcegraph/conc's iter package. Element-wise operations hand
//     out single elements (iter.ForEachIdx, or iter.Map for the map of
//     math.Exp), which is how its documentation presents it: roughly 50 ns
//     per element of overhead, measured here as it is. Reductions and scans
//     cannot be written per element without a lock, so they hand
//     iter.ForEachIdx the GOMAXPROCS pieces of the WaitGroup form.
//
// Reductions keep one partial result per piece, written once when the piece
// is done (no false sharing), and combine the partials in piece order.

// piece returns the bounds of the i-th of p near-equal pieces of [0, n), the
// cut of numpy.array_split.
func piece(n, p, i int) (lo, hi int) { return i * n / p, (i + 1) * n / p }

// waitGroupPieces is the number of pieces of the WaitGroup and conc forms.
func waitGroupPieces() int { return runtime.GOMAXPROCS(0) }

// errgroupPieces is the number of pieces of the errgroup form.
func errgroupPieces() int { return 4 * runtime.GOMAXPROCS(0) }

// splitter runs body(i, lo, hi) on each of p pieces of [0, n) and returns
// when all have returned.
type splitter func(n, p int, body func(i, lo, hi int))

// splitWaitGroup is the WaitGroup form: a goroutine per piece.
func splitWaitGroup(n, p int, body func(i, lo, hi int)) {
	var wg sync.WaitGroup
	for i := range p {
		lo, hi := piece(n, p, i)
		wg.Go(func() { body(i, lo, hi) })
	}
	wg.Wait()
}

// splitErrgroup is the errgroup form: a goroutine per piece, at most
// GOMAXPROCS at a time.
func splitErrgroup(n, p int, body func(i, lo, hi int)) {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range p {
		lo, hi := piece(n, p, i)
		g.Go(func() error {
			body(i, lo, hi)
			return nil
		})
	}
	_ = g.Wait() // the bodies return nil
}

// splitConc is conc's form for reductions: iter.ForEachIdx over the pieces.
func splitConc(n, p int, body func(i, lo, hi int)) {
	iter.ForEachIdx(make([]struct{}, p), func(i int, _ *struct{}) {
		lo, hi := piece(n, p, i)
		body(i, lo, hi)
	})
}

// AddToWaitGroup is floats.AddTo(dst, s, t) on GOMAXPROCS pieces, a
// goroutine each (sync.WaitGroup).
func AddToWaitGroup(dst, s, t []float64) {
	splitWaitGroup(len(dst), waitGroupPieces(), func(_, lo, hi int) {
		floats.AddTo(dst[lo:hi], s[lo:hi], t[lo:hi])
	})
}

// AddToErrgroup is floats.AddTo(dst, s, t) on 4*GOMAXPROCS pieces of an
// errgroup with SetLimit(GOMAXPROCS).
func AddToErrgroup(dst, s, t []float64) {
	splitErrgroup(len(dst), errgroupPieces(), func(_, lo, hi int) {
		floats.AddTo(dst[lo:hi], s[lo:hi], t[lo:hi])
	})
}

// AddToConc sets dst[i] = s[i] + t[i] element by element with conc's
// iter.ForEachIdx.
func AddToConc(dst, s, t []float64) {
	iter.ForEachIdx(dst, func(i int, d *float64) { *d = s[i] + t[i] })
}

// AddScaledWaitGroup is floats.AddScaled(dst, alpha, s) on GOMAXPROCS
// pieces, a goroutine each (sync.WaitGroup).
func AddScaledWaitGroup(dst []float64, alpha float64, s []float64) {
	splitWaitGroup(len(dst), waitGroupPieces(), func(_, lo, hi int) {
		floats.AddScaled(dst[lo:hi], alpha, s[lo:hi])
	})
}

// AddScaledErrgroup is floats.AddScaled(dst, alpha, s) on 4*GOMAXPROCS
// pieces of an errgroup with SetLimit(GOMAXPROCS).
func AddScaledErrgroup(dst []float64, alpha float64, s []float64) {
	splitErrgroup(len(dst), errgroupPieces(), func(_, lo, hi int) {
		floats.AddScaled(dst[lo:hi], alpha, s[lo:hi])
	})
}

// AddScaledConc sets dst[i] += alpha*s[i] element by element with conc's
// iter.ForEachIdx.
func AddScaledConc(dst []float64, alpha float64, s []float64) {
	iter.ForEachIdx(dst, func(i int, d *float64) { *d += alpha * s[i] })
}

// sumSplit is floats.Sum over the pieces of split, the partial sums added
// in piece order.
func sumSplit(split splitter, p int, s []float64) float64 {
	part := make([]float64, p)
	split(len(s), p, func(i, lo, hi int) { part[i] = floats.Sum(s[lo:hi]) })
	return floats.Sum(part)
}

// SumWaitGroup is floats.Sum(s) on GOMAXPROCS pieces, a goroutine each
// (sync.WaitGroup), the partial sums added in order.
func SumWaitGroup(s []float64) float64 { return sumSplit(splitWaitGroup, waitGroupPieces(), s) }

// SumErrgroup is floats.Sum(s) on 4*GOMAXPROCS pieces of an errgroup with
// SetLimit(GOMAXPROCS), the partial sums added in order.
func SumErrgroup(s []float64) float64 { return sumSplit(splitErrgroup, errgroupPieces(), s) }

// SumConc is floats.Sum(s) on GOMAXPROCS pieces handed out by conc's
// iter.ForEachIdx, the partial sums added in order.
func SumConc(s []float64) float64 { return sumSplit(splitConc, waitGroupPieces(), s) }

// dotSplit is floats.Dot over the pieces of split.
func dotSplit(split splitter, p int, s, t []float64) float64 {
	part := make([]float64, p)
	split(len(s), p, func(i, lo, hi int) { part[i] = floats.Dot(s[lo:hi], t[lo:hi]) })
	return floats.Sum(part)
}

// DotWaitGroup is floats.Dot(s, t) on GOMAXPROCS pieces, a goroutine each
// (sync.WaitGroup), the partial sums added in order.
func DotWaitGroup(s, t []float64) float64 { return dotSplit(splitWaitGroup, waitGroupPieces(), s, t) }

// DotErrgroup is floats.Dot(s, t) on 4*GOMAXPROCS pieces of an errgroup
// with SetLimit(GOMAXPROCS), the partial sums added in order.
func DotErrgroup(s, t []float64) float64 { return dotSplit(splitErrgroup, errgroupPieces(), s, t) }

// DotConc is floats.Dot(s, t) on GOMAXPROCS pieces handed out by conc's
// iter.ForEachIdx, the partial sums added in order.
func DotConc(s, t []float64) float64 { return dotSplit(splitConc, waitGroupPieces(), s, t) }

// ExpSeq is the loop a user writes: dst[i] = math.Exp(s[i]), with a direct
// call that the compiler can see.
func ExpSeq(dst, s []float64) {
	dst = dst[:len(s)]
	for i, v := range s {
		dst[i] = math.Exp(v)
	}
}

// ExpBlock is ExpSeq in the form of a block function for parray.Blocks:
// the direct-call loop on each block.
func ExpBlock(dst []float64, src ...[]float64) { ExpSeq(dst, src[0]) }

// ExpWaitGroup is ExpSeq on GOMAXPROCS pieces, a goroutine each
// (sync.WaitGroup).
func ExpWaitGroup(dst, s []float64) {
	splitWaitGroup(len(dst), waitGroupPieces(), func(_, lo, hi int) { ExpSeq(dst[lo:hi], s[lo:hi]) })
}

// ExpErrgroup is ExpSeq on 4*GOMAXPROCS pieces of an errgroup with
// SetLimit(GOMAXPROCS).
func ExpErrgroup(dst, s []float64) {
	splitErrgroup(len(dst), errgroupPieces(), func(_, lo, hi int) { ExpSeq(dst[lo:hi], s[lo:hi]) })
}

// ExpConc returns math.Exp of each element of s, computed element by
// element by conc's iter.Map, which allocates the slice it returns.
func ExpConc(s []float64) []float64 {
	return iter.Map(s, func(v *float64) float64 { return math.Exp(*v) })
}

// MulAddSeq is the loop dst[i] = a[i]*b[i] + c[i]: one pass, no temporary.
func MulAddSeq(dst, a, b, c []float64) {
	dst, b, c = dst[:len(a)], b[:len(a)], c[:len(a)]
	for i, v := range a {
		dst[i] = v*b[i] + c[i]
	}
}

// MulAddBlock is MulAddSeq in the form of a block function for
// parray.Blocks, with src holding a, b and c.
func MulAddBlock(dst []float64, src ...[]float64) { MulAddSeq(dst, src[0], src[1], src[2]) }

// MulAddWaitGroup is MulAddSeq on GOMAXPROCS pieces, a goroutine each
// (sync.WaitGroup).
func MulAddWaitGroup(dst, a, b, c []float64) {
	splitWaitGroup(len(dst), waitGroupPieces(), func(_, lo, hi int) {
		MulAddSeq(dst[lo:hi], a[lo:hi], b[lo:hi], c[lo:hi])
	})
}

// MulAddErrgroup is MulAddSeq on 4*GOMAXPROCS pieces of an errgroup with
// SetLimit(GOMAXPROCS).
func MulAddErrgroup(dst, a, b, c []float64) {
	splitErrgroup(len(dst), errgroupPieces(), func(_, lo, hi int) {
		MulAddSeq(dst[lo:hi], a[lo:hi], b[lo:hi], c[lo:hi])
	})
}

// MulAddConc sets dst[i] = a[i]*b[i] + c[i] element by element with conc's
// iter.ForEachIdx.
func MulAddConc(dst, a, b, c []float64) {
	iter.ForEachIdx(dst, func(i int, d *float64) { *d = a[i]*b[i] + c[i] })
}

// varianceSplit is gonum's stat.Variance(x, nil) over the pieces of split,
// in its two passes: the mean, then the sum of squared deviations with the
// correction of the corrected two-pass algorithm.
func varianceSplit(split splitter, p int, x []float64) float64 {
	n := float64(len(x))
	mean := sumSplit(split, p, x) / n
	ss, comp := make([]float64, p), make([]float64, p)
	split(len(x), p, func(i, lo, hi int) {
		var s, c float64
		for _, v := range x[lo:hi] {
			d := v - mean
			s += d * d
			c += d
		}
		ss[i], comp[i] = s, c
	})
	sum, c := floats.Sum(ss), floats.Sum(comp)
	return (sum - c*c/n) / (n - 1)
}

// VarianceWaitGroup is stat.Variance(x, nil), both passes on GOMAXPROCS
// pieces, a goroutine each (sync.WaitGroup).
func VarianceWaitGroup(x []float64) float64 {
	return varianceSplit(splitWaitGroup, waitGroupPieces(), x)
}

// VarianceErrgroup is stat.Variance(x, nil), both passes on 4*GOMAXPROCS
// pieces of an errgroup with SetLimit(GOMAXPROCS).
func VarianceErrgroup(x []float64) float64 {
	return varianceSplit(splitErrgroup, errgroupPieces(), x)
}

// VarianceConc is stat.Variance(x, nil), both passes on GOMAXPROCS pieces
// handed out by conc's iter.ForEachIdx.
func VarianceConc(x []float64) float64 {
	return varianceSplit(splitConc, waitGroupPieces(), x)
}

// cumSumSplit is floats.CumSum(dst, s) in the two passes of a parallel
// scan over the pieces of split: the total of each piece, their running
// sums (sequential, p values), then each piece's running sum started from
// the totals before it.
func cumSumSplit(split splitter, p int, dst, s []float64) {
	total := make([]float64, p)
	split(len(s), p, func(i, lo, hi int) { total[i] = floats.Sum(s[lo:hi]) })
	var acc float64
	for i, t := range total {
		total[i], acc = acc, acc+t
	}
	split(len(s), p, func(i, lo, hi int) {
		acc := total[i]
		d := dst[lo:hi]
		for j, v := range s[lo:hi] {
			acc += v
			d[j] = acc
		}
	})
}

// CumSumWaitGroup is floats.CumSum(dst, s), both passes on GOMAXPROCS
// pieces, a goroutine each (sync.WaitGroup).
func CumSumWaitGroup(dst, s []float64) {
	cumSumSplit(splitWaitGroup, waitGroupPieces(), dst, s)
}

// CumSumErrgroup is floats.CumSum(dst, s), both passes on 4*GOMAXPROCS
// pieces of an errgroup with SetLimit(GOMAXPROCS).
func CumSumErrgroup(dst, s []float64) {
	cumSumSplit(splitErrgroup, errgroupPieces(), dst, s)
}

// CumSumConc is floats.CumSum(dst, s), both passes on GOMAXPROCS pieces
// handed out by conc's iter.ForEachIdx.
func CumSumConc(dst, s []float64) {
	cumSumSplit(splitConc, waitGroupPieces(), dst, s)
}
