package parray

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
)

// reduceSizes are the sizes the reductions are checked at: the edges of a
// lane group, a leaf, a batch of leaves, each threshold and a scan block, and
// one larger size.
func reduceSizes() []int {
	sz := []int{0, 1, 7, 8, 9, 15, 16, 17, leafLen - 1, leafLen, leafLen + 1,
		leafBatch*leafLen - 1, leafBatch * leafLen, leafBatch*leafLen + 1}
	for _, t := range []int{minParCompute, minParScalar, minParStream2, minParStream, scanBlock, 2 * scanBlock} {
		if testing.Short() && t > 2*scanBlock {
			// Under -short (the race legs) the kernel sums' edges at
			// 2^20 and 2^21 are left to the full run; the Grains of
			// the tests force their parallel paths on shorter input.
			continue
		}
		sz = append(sz, t-1, t, t+1)
	}
	if !testing.Short() {
		sz = append(sz, 1_000_000)
	}
	slices.Sort(sz)
	return slices.Compact(sz)
}

// reduction is one reduction checked by the differential and determinism
// tests: got runs parray's, want the sequential gonum result; tol is the
// allowed relative difference (0: the same bits), relative to scale.
type reduction struct {
	name  string
	got   func(c Config, x, y []float64) float64
	want  func(x, y []float64) float64
	tol   float64
	scale func(x, y []float64) float64
	min   int // smallest n it is defined for
}

func sumAbs(x, _ []float64) float64        { return floats.Norm(x, 1) }
func sumAbsProd(x, y []float64) float64    { return floats.Dot(absAll(x), absAll(y)) }
func one(x, y []float64) float64           { return 1 }
func magnitude(x, _ []float64) float64     { return max(floats.Norm(x, math.Inf(1)), 1e-300) }
func sqMagnitude(x, _ []float64) float64   { return max(floats.Norm(x, 2), 1e-300) }
func sumAbsDiff(x, y []float64) float64    { return floats.Distance(x, y, 1) + 1e-300 }
func normDiffScale(x, y []float64) float64 { return floats.Distance(x, y, 2) + 1e-300 }

// norm3Scale is the 3-norm itself: the rounding errors of the sums of cubes
// are relative to their sum, whose cube root grows with n (80 at n = 2^21),
// so the scale of the error is the result, not the largest element.
func norm3Scale(x, _ []float64) float64 { return max(floats.Norm(x, 3), 1e-300) }

var reductions = []reduction{
	{name: "Sum", got: func(c Config, x, _ []float64) float64 { return c.Sum(x) },
		want: func(x, _ []float64) float64 { return floats.Sum(x) }, tol: 1e-12, scale: sumAbs},
	{name: "SumCompensated", got: func(c Config, x, _ []float64) float64 { return c.SumCompensated(x) },
		want: func(x, _ []float64) float64 { return floats.SumCompensated(x) }, tol: 1e-15, scale: sumAbs},
	{name: "Dot", got: func(c Config, x, y []float64) float64 { return c.Dot(x, y) },
		want: func(x, y []float64) float64 { return floats.Dot(x, y) }, tol: 1e-12, scale: sumAbsProd},
	{name: "Norm1", got: func(c Config, x, _ []float64) float64 { return c.Norm(x, 1) },
		want: func(x, _ []float64) float64 { return floats.Norm(x, 1) }, tol: 1e-12, scale: sumAbs},
	{name: "Norm2", got: func(c Config, x, _ []float64) float64 { return c.Norm(x, 2) },
		want: func(x, _ []float64) float64 { return floats.Norm(x, 2) }, tol: 1e-12, scale: sqMagnitude},
	{name: "NormInf", got: func(c Config, x, _ []float64) float64 { return c.Norm(x, math.Inf(1)) },
		want: func(x, _ []float64) float64 { return floats.Norm(x, math.Inf(1)) }},
	{name: "Norm3", got: func(c Config, x, _ []float64) float64 { return c.Norm(x, 3) },
		want: func(x, _ []float64) float64 { return floats.Norm(x, 3) }, tol: 1e-12, scale: norm3Scale},
	{name: "Distance1", got: func(c Config, x, y []float64) float64 { return c.Distance(x, y, 1) },
		want: func(x, y []float64) float64 { return floats.Distance(x, y, 1) }, tol: 1e-12, scale: sumAbsDiff},
	{name: "Distance2", got: func(c Config, x, y []float64) float64 { return c.Distance(x, y, 2) },
		want: func(x, y []float64) float64 { return floats.Distance(x, y, 2) }, tol: 1e-12, scale: normDiffScale},
	{name: "DistanceInf", got: func(c Config, x, y []float64) float64 { return c.Distance(x, y, math.Inf(1)) },
		want: func(x, y []float64) float64 { return floats.Distance(x, y, math.Inf(1)) }},
	{name: "Distance3", got: func(c Config, x, y []float64) float64 { return c.Distance(x, y, 3) },
		want: func(x, y []float64) float64 { return floats.Distance(x, y, 3) }, tol: 1e-12, scale: normDiffScale},
	{name: "Max", got: func(c Config, x, _ []float64) float64 { return c.Max(x) },
		want: func(x, _ []float64) float64 { return floats.Max(x) }, min: 1},
	{name: "Min", got: func(c Config, x, _ []float64) float64 { return c.Min(x) },
		want: func(x, _ []float64) float64 { return floats.Min(x) }, min: 1},
	{name: "MaxIdx", got: func(c Config, x, _ []float64) float64 { return float64(c.MaxIdx(x)) },
		want: func(x, _ []float64) float64 { return float64(floats.MaxIdx(x)) }, min: 1},
	{name: "MinIdx", got: func(c Config, x, _ []float64) float64 { return float64(c.MinIdx(x)) },
		want: func(x, _ []float64) float64 { return float64(floats.MinIdx(x)) }, min: 1},
	{name: "NearestIdx", got: func(c Config, x, _ []float64) float64 { return float64(c.NearestIdx(x, 0.123)) },
		want: func(x, _ []float64) float64 { return float64(floats.NearestIdx(x, 0.123)) }, min: 1},
	{name: "HasNaN", got: func(c Config, x, _ []float64) float64 { return b2f(c.HasNaN(x)) },
		want: func(x, _ []float64) float64 { return b2f(floats.HasNaN(x)) }},
	{name: "Count", got: func(c Config, x, _ []float64) float64 { return float64(c.Count(positive, x)) },
		want: func(x, _ []float64) float64 { return float64(floats.Count(positive, x)) }},
	{name: "Prod", got: func(c Config, x, _ []float64) float64 { return c.Prod(nearOne(x)) },
		want: func(x, _ []float64) float64 { return floats.Prod(nearOne(x)) }, tol: 1e-12, scale: one},
	{name: "LogSumExp", got: func(c Config, x, _ []float64) float64 { return c.LogSumExp(x) },
		want: func(x, _ []float64) float64 { return floats.LogSumExp(x) }, tol: 1e-13, scale: magnitude, min: 1},
	{name: "Mean", got: func(c Config, x, _ []float64) float64 { return c.Mean(x, nil) },
		want: func(x, _ []float64) float64 { return stat.Mean(x, nil) }, tol: 1e-12, scale: magnitude, min: 1},
	{name: "MeanWeighted", got: func(c Config, x, y []float64) float64 { return c.Mean(x, absAll(y)) },
		want: func(x, y []float64) float64 { return stat.Mean(x, absAll(y)) }, tol: 1e-12, scale: magnitude, min: 1},
	{name: "Variance", got: func(c Config, x, _ []float64) float64 { return c.Variance(x, nil) },
		want: func(x, _ []float64) float64 { return stat.Variance(x, nil) }, tol: 1e-11, scale: varScale, min: 2},
	{name: "VarianceWeighted", got: func(c Config, x, y []float64) float64 { return c.Variance(x, absAll(y)) },
		want: func(x, y []float64) float64 { return stat.Variance(x, absAll(y)) }, tol: 1e-11, scale: varScale, min: 2},
	{name: "StdDev", got: func(c Config, x, _ []float64) float64 { return c.StdDev(x, nil) },
		want: func(x, _ []float64) float64 { return stat.StdDev(x, nil) }, tol: 1e-11, scale: magnitude, min: 2},
}

func positive(v float64) bool { return v > 0 }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func varScale(x, _ []float64) float64 { return max(floats.Dot(x, x)/float64(len(x)), 1e-300) }

// nearOne maps x to values near 1, so that products neither overflow nor
// underflow and are compared meaningfully.
func nearOne(x []float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = 1 + v*1e-6
	}
	return out
}

// absAll returns |x[i]| for each element: weights for the weighted tests.
func absAll(x []float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = math.Abs(v)
	}
	return out
}

// TestReduceDifferential checks every reduction against gonum's sequential
// result at every size edge and worker count: exact reductions bit for bit,
// sums within tol relative to the natural scale of their error.
func TestReduceDifferential(t *testing.T) {
	rnd := rand.New(rand.NewPCG(21, 22))
	for _, n := range reduceSizes() {
		x, y := randSlice(rnd, n), randSlice(rnd, n)
		workers := testWorkers
		if n > 300_000 || (testing.Short() && n > minParCompute+1) {
			workers = []int{1, 2, 7}
		}
		for _, r := range reductions {
			if n < r.min {
				continue
			}
			want := r.want(x, y)
			for _, w := range workers {
				for _, grain := range []int{0, 4096} {
					c := Config{Workers: w, Grain: grain}
					got := r.got(c, x, y)
					name := fmt.Sprintf("%s n=%d w=%d grain=%d", r.name, n, w, grain)
					if r.tol == 0 {
						require.True(t, sameBits(want, got), "%s: got %v want %v", name, got, want)
						continue
					}
					require.InDelta(t, want, got, r.tol*r.scale(x, y), "%s", name)
				}
			}
		}
	}
}

// TestReduceDeterministic checks the promise that reductions give the same
// bits for the same values whatever the workers (1 to 64), GOMAXPROCS (1, 2,
// 4, 8), Grain, and the address of the slice (copied one element further).
func TestReduceDeterministic(t *testing.T) {
	rnd := rand.New(rand.NewPCG(23, 24))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	sizes := []int{leafLen + 3, minParCompute + 5, minParScalar + 1, minParStream2 + 1, minParStream + 257, 2*scanBlock + 9}
	if testing.Short() {
		sizes = sizes[:3]
	}
	for _, n := range sizes {
		x, y := specialSlice(rnd, n, false), specialSlice(rnd, n, false)
		// The same values one element further in memory.
		bx, by := make([]float64, n+1), make([]float64, n+1)
		copy(bx[1:], x)
		copy(by[1:], y)
		xs, ys := bx[1:], by[1:]
		for _, r := range reductions {
			if n < r.min {
				continue
			}
			want := r.got(Config{Workers: 1}, x, y)
			check := func(c Config, a, b []float64, what string) {
				if got := r.got(c, a, b); !sameBits(want, got) {
					t.Fatalf("%s n=%d %s: %v, want %v", r.name, n, what, got, want)
				}
			}
			for w := 2; w <= 64; w *= 2 {
				check(Config{Workers: w}, x, y, fmt.Sprintf("workers=%d", w))
				check(Config{Workers: w + 1, Grain: 3000}, x, y, fmt.Sprintf("workers=%d grain=3000", w+1))
			}
			for _, p := range []int{1, 2, 4, 8} {
				runtime.GOMAXPROCS(p)
				check(Config{}, x, y, fmt.Sprintf("GOMAXPROCS=%d", p))
				check(Config{}, xs, ys, fmt.Sprintf("GOMAXPROCS=%d shifted", p))
			}
		}
	}
}

// exactSum returns the exact sum of x's values (and their absolute sum)
// rounded to float64, computed with math/big at a precision that makes every
// addition exact for the values used here.
func exactSum(x []float64) (sum, abs float64) {
	s := new(big.Float).SetPrec(2048)
	a := new(big.Float).SetPrec(2048)
	v := new(big.Float).SetPrec(2048)
	for _, e := range x {
		v.SetFloat64(e)
		s.Add(s, v)
		v.Abs(v)
		a.Add(a, v)
	}
	sum, _ = s.Float64()
	abs, _ = a.Float64()
	return sum, abs
}

// TestSumAccuracy checks Sum against an exact oracle: the error stays within
// the pairwise bound ceil(log2 n) * 2^-53 * sum|x|, on positive data and on
// data of mean zero, up to 6 million values.
func TestSumAccuracy(t *testing.T) {
	sizes := []int{1000, 100_000, 6_000_000}
	if testing.Short() {
		sizes = sizes[:2]
	}
	rnd := rand.New(rand.NewPCG(25, 26))
	for _, n := range sizes {
		for _, kind := range []string{"positive", "zero-mean"} {
			x := make([]float64, n)
			for i := range x {
				x[i] = rnd.Float64() * math.Pow(2, float64(rnd.IntN(20)-10))
				if kind == "zero-mean" && rnd.IntN(2) == 0 {
					x[i] = -x[i]
				}
			}
			exact, abs := exactSum(x)
			bound := math.Ceil(math.Log2(float64(n))) * 0x1p-53 * abs
			for _, w := range []int{1, 2} {
				err := math.Abs(Config{Workers: w}.Sum(x) - exact)
				assert.LessOrEqual(t, err, bound, "%s n=%d w=%d: error %g > bound %g", kind, n, w, err, bound)
			}
			seqErr := math.Abs(floats.Sum(x) - exact)
			t.Logf("%s n=%d: parray error %.3g, floats.Sum error %.3g, bound %.3g",
				kind, n, math.Abs(Sum(x)-exact), seqErr, bound)
		}
	}
}

// TestSumCompensatedAccuracy uses an ill-conditioned sum (large values that
// cancel, and small ones): the compensated sum must be within a few ulps of
// the exact result, where the plain sum is not.
func TestSumCompensatedAccuracy(t *testing.T) {
	rnd := rand.New(rand.NewPCG(27, 28))
	n := 300_000
	x := make([]float64, 0, n)
	for len(x) < n-2 {
		big := rnd.Float64() * 1e16
		x = append(x, big, rnd.Float64(), -big)
	}
	rnd.Shuffle(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] })
	exact, _ := exactSum(x)
	for _, w := range []int{1, 2, 7} {
		got := Config{Workers: w}.SumCompensated(x)
		assert.InDelta(t, exact, got, 4*math.Abs(exact)*0x1p-52, "w=%d", w)
	}
}

// TestNorm2Scaling checks that the 2-norm neither overflows near 1e300 nor
// underflows near 1e-300, against the exact value of a constant slice.
func TestNorm2Scaling(t *testing.T) {
	for _, v := range []float64{1e300, 3e307, 1e-300, 5e-320, 1, 0} {
		for _, n := range []int{1, 4, 1000, minParStream + 1} {
			x := make([]float64, n)
			for i := range x {
				x[i] = v
			}
			want := v * math.Sqrt(float64(n))
			if math.IsInf(want, 0) {
				continue // the norm itself overflows: +Inf is right
			}
			for _, w := range []int{1, 2} {
				got := Config{Workers: w}.Norm(x, 2)
				assert.InDelta(t, want, got, 4*want*0x1p-52+1e-323, "v=%g n=%d w=%d", v, n, w)
				assert.False(t, math.IsInf(got, 0) || (got == 0 && v != 0), "v=%g n=%d: %v", v, n, got)
			}
		}
	}
}

// TestNormSpecialValues checks NaN and Inf against floats' rules.
func TestNormSpecialValues(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	cases := [][]float64{
		{1, inf, 2}, {1, -inf}, {nan, 1}, {inf, nan}, {nan, inf}, {0, 0}, {1e300, 1e300, -inf},
	}
	for _, x := range cases {
		for _, L := range []float64{1, 2, 3, math.Inf(1)} {
			want := floats.Norm(x, L)
			got := Norm(x, L)
			assert.True(t, sameBits(want, got), "Norm(%v, %v) = %v, floats %v", x, L, got, want)
			// Distance from zero, and from the values themselves (where
			// Inf - Inf and NaN - NaN are NaN): floats.Distance skips NaN
			// differences for L = +Inf, where floats.Norm does not.
			for _, y := range [][]float64{make([]float64, len(x)), x} {
				want := floats.Distance(x, y, L)
				for _, c := range []Config{{Workers: 1}, {Workers: 2, Grain: 1}} {
					got := c.Distance(x, y, L)
					assert.True(t, sameBits(want, got), "Distance(%v, %v, %v) = %v, floats %v", x, y, L, got, want)
				}
			}
		}
	}
}

// TestVarianceFarMean checks the variance of data with mean 1e9 and spread
// 1 against an exact oracle: a naive one-pass formula loses every digit here.
func TestVarianceFarMean(t *testing.T) {
	rnd := rand.New(rand.NewPCG(29, 30))
	for _, n := range []int{1000, 300_001} {
		x := make([]float64, n)
		for i := range x {
			x[i] = 1e9 + rnd.Float64()
		}
		// Exact mean and variance with math/big.
		prec := uint(2048)
		sum := new(big.Float).SetPrec(prec)
		for _, v := range x {
			sum.Add(sum, new(big.Float).SetFloat64(v))
		}
		mean := new(big.Float).SetPrec(prec).Quo(sum, new(big.Float).SetInt64(int64(n)))
		ss := new(big.Float).SetPrec(prec)
		for _, v := range x {
			d := new(big.Float).SetPrec(prec).Sub(new(big.Float).SetFloat64(v), mean)
			ss.Add(ss, d.Mul(d, d))
		}
		exactVar, _ := ss.Quo(ss, new(big.Float).SetInt64(int64(n-1))).Float64()
		exactMean, _ := mean.Float64()
		_, statVar := stat.MeanVariance(x, nil)
		for _, w := range []int{1, 2, 7} {
			m, v := Config{Workers: w}.MeanVariance(x, nil)
			assert.InDelta(t, exactMean, m, 4*0x1p-52*exactMean, "mean n=%d w=%d", n, w)
			assert.InDelta(t, exactVar, v, 1e-9*exactVar, "variance n=%d w=%d", n, w)
			assert.LessOrEqual(t, math.Abs(v-exactVar), math.Abs(statVar-exactVar)+64*0x1p-52*exactVar,
				"n=%d w=%d: no worse than stat, up to a few ulps", n, w)
		}
		t.Logf("n=%d: variance error parray %.3g, stat %.3g (relative)", n,
			math.Abs(Variance(x, nil)-exactVar)/exactVar, math.Abs(statVar-exactVar)/exactVar)
	}
}

// TestMeanVarianceEdges checks stat's answers for empty, single and
// zero-weight input, and that MeanVariance's mean is exactly Mean's.
func TestMeanVarianceEdges(t *testing.T) {
	m, v := MeanVariance(nil, nil)
	assert.True(t, math.IsNaN(m) && math.IsNaN(v))
	m, v = MeanVariance([]float64{3}, nil)
	sm, sv := stat.MeanVariance([]float64{3}, nil)
	assert.Equal(t, sm, m)
	assert.True(t, math.IsNaN(v) && math.IsNaN(sv))
	m, v = MeanVariance([]float64{1, 2}, []float64{0, 0})
	assert.True(t, math.IsNaN(m) && math.IsNaN(v))
	rnd := rand.New(rand.NewPCG(31, 32))
	for _, n := range []int{5, 1000, minParScalar + 3} {
		x, wts := randSlice(rnd, n), absAll(randSlice(rnd, n))
		for _, w := range []int{1, 2} {
			c := Config{Workers: w}
			m, _ := c.MeanVariance(x, nil)
			assert.True(t, sameBits(c.Mean(x, nil), m), "n=%d", n)
			m, _ = c.MeanVariance(x, wts)
			assert.True(t, sameBits(c.Mean(x, wts), m), "weighted n=%d", n)
			mm, sd := c.MeanStdDev(x, wts)
			assert.Equal(t, m, mm)
			assert.Equal(t, math.Sqrt(c.Variance(x, wts)), sd)
		}
	}
}

// TestExtremesSpecial checks NaN skipping, all-NaN input and ties against
// floats, with the special values at block edges.
func TestExtremesSpecial(t *testing.T) {
	n := minParScalar + 3*leafLen
	nan := math.NaN()
	mk := func(set map[int]float64, fill float64) []float64 {
		x := make([]float64, n)
		for i := range x {
			x[i] = fill
		}
		for i, v := range set {
			x[i] = v
		}
		return x
	}
	cases := map[string][]float64{
		"all NaN":          mk(nil, nan),
		"NaN first":        mk(map[int]float64{0: nan, 5: 2, n - 1: -2}, 0),
		"ties":             mk(map[int]float64{100: 7, minTaskReduce: 7, n - 1: 7, 3: -7, n - 2: -7}, 0),
		"signed zeros":     mk(map[int]float64{0: math.Copysign(0, -1)}, 0),
		"inf at task edge": mk(map[int]float64{minTaskReduce - 1: math.Inf(1), minTaskReduce: math.Inf(-1)}, 1),
	}
	// Whole tasks of NaN: a range whose every value is NaN yields its
	// first index, and combining must skip it on either side.
	nanRun := func(lo, hi int) []float64 {
		x := mk(map[int]float64{n / 2: 3, n/2 + 1: -3}, 1)
		for i := lo; i < hi; i++ {
			x[i] = nan
		}
		return x
	}
	cases["NaN first tasks"] = nanRun(0, 2*minTaskReduce+1)
	cases["NaN middle tasks"] = nanRun(leafLen-1, n/2-leafLen)
	cases["NaN last tasks"] = nanRun(n/2+leafLen, n)
	for name, x := range cases {
		for _, w := range []int{1, 2, 7} {
			c := Config{Workers: w}
			assert.Equal(t, floats.MaxIdx(x), c.MaxIdx(x), "%s w=%d", name, w)
			assert.Equal(t, floats.MinIdx(x), c.MinIdx(x), "%s w=%d", name, w)
			assert.True(t, sameBits(floats.Max(x), c.Max(x)), "%s w=%d", name, w)
			assert.Equal(t, floats.HasNaN(x), c.HasNaN(x), "%s w=%d", name, w)
			for _, v := range []float64{0, 7, -7, 1.5, math.Inf(1), math.Inf(-1), nan} {
				assert.Equal(t, floats.NearestIdx(x, v), c.NearestIdx(x, v), "%s w=%d v=%v", name, w, v)
			}
		}
	}
}

// TestReductionMisuse checks the panics of the reductions, on the caller.
func TestReductionMisuse(t *testing.T) {
	cases := []struct {
		name, msg string
		f         func()
	}{
		{"Max empty", zeroLength, func() { Max(nil) }},
		{"Min empty", zeroLength, func() { Min([]float64{}) }},
		{"MaxIdx empty", zeroLength, func() { MaxIdx(nil) }},
		{"MinIdx empty", zeroLength, func() { MinIdx(nil) }},
		{"LogSumExp empty", zeroLength, func() { LogSumExp(nil) }},
		{"NearestIdx empty", zeroLength, func() { NearestIdx(nil, 1) }},
		{"Dot lengths", badLength, func() { Dot(make([]float64, 2), make([]float64, 3)) }},
		{"Distance lengths", badLength, func() { Distance(make([]float64, 2), make([]float64, 3), 2) }},
		{"Mean weights", badLength, func() { Mean(make([]float64, 2), make([]float64, 3)) }},
		{"MeanVariance weights", badLength, func() { MeanVariance(make([]float64, 2), make([]float64, 1)) }},
	}
	for _, c := range cases {
		assert.PanicsWithValue(t, c.msg, c.f, c.name)
	}
}
