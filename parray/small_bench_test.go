package parray

import (
	"math"
	"strconv"
	"sync"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// BenchmarkSmall compares every operation with its sequential gonum call at
// n = 1024, in the same run: the target is that each parray operation costs
// at most 10% more than the call it replaces. At this size every call runs
// inline; what is measured is the cost of the checks and of the
// deterministic kernels. Compare with
//
//	go test -run '^$' -bench Small -count 10 ./parray > /tmp/small.txt
//	go tool -modfile=tools/go.mod benchstat -col /impl /tmp/small.txt
func BenchmarkSmall(b *testing.B) {
	for _, op := range smallOps(1024) {
		b.Run("op="+op.name+"/impl=gonum", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				op.gonum()
			}
		})
		b.Run("op="+op.name+"/impl=parray", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				op.pnum()
			}
		})
	}
}

// TestInlineAllocs checks the package doc's promise that a built-in
// operation allocates nothing when it runs inline (operations that take a
// user function are allowed a few small objects).
func TestInlineAllocs(t *testing.T) {
	for _, op := range smallOps(1024) {
		allocs := testing.AllocsPerRun(20, op.pnum)
		if op.userFunc {
			if allocs > 3 {
				t.Errorf("%s: %v allocations inline, want at most 3", op.name, allocs)
			}
			continue
		}
		if allocs != 0 {
			t.Errorf("%s: %v allocations inline, want 0", op.name, allocs)
		}
	}
}

// smallOp is one operation and the gonum call it replaces.
type smallOp struct {
	name        string
	gonum, pnum func()
	userFunc    bool // takes a user function
}

// smallOps returns every operation on inputs of n elements, beside its
// sequential gonum counterpart.
func smallOps(n int) []smallOp {
	x, y := expInput(n), expInput(n)
	for i := range y {
		y[i] = 1 + y[i]/7
	}
	dst := make([]float64, n)
	ones := make([]float64, n)
	for i := range ones {
		ones[i] = 1
	}
	vx, vy, vd := mat.NewVecDense(n, x), mat.NewVecDense(n, y), mat.NewVecDense(n, nil)
	pos := func(v float64) bool { return v > 1 }
	var inds []int
	fma := func(d []float64, in ...[]float64) {
		a, b, c := in[0], in[1][:len(in[0])], in[2][:len(in[0])]
		for i, v := range a {
			d[i] = v*b[i] + c[i]
		}
	}
	return []smallOp{
		{"MapToExp", func() {
			for i, v := range x {
				dst[i] = math.Exp(v)
			}
		}, func() { MapTo(dst, math.Exp, x) }, true},
		{"BlocksFMA", func() { fma(dst, x, y, ones) }, func() { Blocks(dst, fma, x, y, ones) }, true},
		{"Add", func() { floats.Add(dst, x) }, func() { Add(dst, x) }, false},
		{"AddTo", func() { floats.AddTo(dst, x, y) }, func() { AddTo(dst, x, y) }, false},
		{"AddConst", func() { floats.AddConst(1, dst) }, func() { AddConst(1, dst) }, false},
		{"AddScaled", func() { floats.AddScaled(dst, 2, x) }, func() { AddScaled(dst, 2, x) }, false},
		{"AddScaledTo", func() { floats.AddScaledTo(dst, y, 2, x) }, func() { AddScaledTo(dst, y, 2, x) }, false},
		{"Sub", func() { floats.Sub(dst, x) }, func() { Sub(dst, x) }, false},
		{"SubTo", func() { floats.SubTo(dst, x, y) }, func() { SubTo(dst, x, y) }, false},
		{"Mul", func() { floats.Mul(dst, ones) }, func() { Mul(dst, ones) }, false},
		{"MulTo", func() { floats.MulTo(dst, x, y) }, func() { MulTo(dst, x, y) }, false},
		{"DivTo", func() { floats.DivTo(dst, x, y) }, func() { DivTo(dst, x, y) }, false},
		{"Div", func() { floats.Div(dst, ones) }, func() { Div(dst, ones) }, false},
		{"Scale", func() { floats.Scale(1.0000001, dst) }, func() { Scale(1.0000001, dst) }, false},
		{"ScaleTo", func() { floats.ScaleTo(dst, 2, x) }, func() { ScaleTo(dst, 2, x) }, false},
		{"Sum", func() { sinkF += floats.Sum(x) }, func() { sinkF += Sum(x) }, false},
		{"SumCompensated", func() { sinkF += floats.SumCompensated(x) }, func() { sinkF += SumCompensated(x) }, false},
		{"Dot", func() { sinkF += floats.Dot(x, y) }, func() { sinkF += Dot(x, y) }, false},
		{"Norm1", func() { sinkF += floats.Norm(x, 1) }, func() { sinkF += Norm(x, 1) }, false},
		{"Norm2", func() { sinkF += floats.Norm(x, 2) }, func() { sinkF += Norm(x, 2) }, false},
		{"NormInf", func() { sinkF += floats.Norm(x, math.Inf(1)) }, func() { sinkF += Norm(x, math.Inf(1)) }, false},
		{"Distance2", func() { sinkF += floats.Distance(x, y, 2) }, func() { sinkF += Distance(x, y, 2) }, false},
		{"Prod", func() { sinkF += floats.Prod(y) }, func() { sinkF += Prod(y) }, false},
		{"LogSumExp", func() { sinkF += floats.LogSumExp(x) }, func() { sinkF += LogSumExp(x) }, false},
		{"Max", func() { sinkF += floats.Max(x) }, func() { sinkF += Max(x) }, false},
		{"Min", func() { sinkF += floats.Min(x) }, func() { sinkF += Min(x) }, false},
		{"MinIdx", func() { sinkI += floats.MinIdx(x) }, func() { sinkI += MinIdx(x) }, false},
		{"MaxIdx", func() { sinkI += floats.MaxIdx(x) }, func() { sinkI += MaxIdx(x) }, false},
		{"NearestIdx", func() { sinkI += floats.NearestIdx(x, 0.5) }, func() { sinkI += NearestIdx(x, 0.5) }, false},
		{"Count", func() { sinkI += floats.Count(pos, x) }, func() { sinkI += Count(pos, x) }, true},
		{"HasNaN", func() { sinkI += len(x) * b2i(floats.HasNaN(x)) }, func() { sinkI += len(x) * b2i(HasNaN(x)) }, false},
		{"Find", func() { inds, _ = floats.Find(inds, pos, x, -1) }, func() { inds, _ = Find(inds, pos, x, -1) }, true},
		// The same three with the function in a package variable, which
		// the compiler cannot see through: floats then calls it through
		// a func value for every element, as parray always does. The
		// difference with the rows above is what the compiler's inlining
		// of a known function literal into floats' loop is worth.
		{"CountFuncVar", func() { sinkI += floats.Count(posVar, x) }, func() { sinkI += Count(posVar, x) }, true},
		{"FindFuncVar", func() { inds, _ = floats.Find(inds, posVar, x, -1) }, func() { inds, _ = Find(inds, posVar, x, -1) }, true},
		{"MapToExpFuncVar", func() {
			for i, v := range x {
				dst[i] = expVar(v)
			}
		}, func() { MapTo(dst, expVar, x) }, true},
		{"CumSum", func() { floats.CumSum(dst, x) }, func() { CumSum(dst, x) }, false},
		{"CumProd", func() { floats.CumProd(dst, ones) }, func() { CumProd(dst, ones) }, false},
		{"Mean", func() { sinkF += stat.Mean(x, nil) }, func() { sinkF += Mean(x, nil) }, false},
		{"MeanWeighted", func() { sinkF += stat.Mean(x, y) }, func() { sinkF += Mean(x, y) }, false},
		{"Variance", func() { sinkF += stat.Variance(x, nil) }, func() { sinkF += Variance(x, nil) }, false},
		{"MeanVariance", func() {
			m, v := stat.MeanVariance(x, nil)
			sinkF += m + v
		}, func() {
			m, v := MeanVariance(x, nil)
			sinkF += m + v
		}, false},
		{"VarianceWeighted", func() { sinkF += stat.Variance(x, y) }, func() { sinkF += Variance(x, y) }, false},
		{"AddVec", func() { vd.AddVec(vx, vy) }, func() { AddVec(vd, vx, vy) }, false},
		{"SubVec", func() { vd.SubVec(vx, vy) }, func() { SubVec(vd, vx, vy) }, false},
		{"AddScaledVec", func() { vd.AddScaledVec(vx, 2, vy) }, func() { AddScaledVec(vd, vx, 2, vy) }, false},
		{"MulElemVec", func() { vd.MulElemVec(vx, vy) }, func() { MulElemVec(vd, vx, vy) }, false},
		{"DivElemVec", func() { vd.DivElemVec(vx, vy) }, func() { DivElemVec(vd, vx, vy) }, false},
		{"ScaleVec", func() { vd.ScaleVec(2, vx) }, func() { ScaleVec(vd, 2, vx) }, false},
		{"CopyVec", func() { vd.CopyVec(vx) }, func() { CopyVec(vd, vx) }, false},
		{"DotVec", func() { sinkF += mat.Dot(vx, vy) }, func() { sinkF += DotVec(vx, vy) }, false},
		{"NormVec", func() { sinkF += mat.Norm(vx, 2) }, func() { sinkF += NormVec(vx, 2) }, false},
	}
}

// posVar and expVar hold functions where the compiler cannot see them.
var (
	posVar = func(v float64) bool { return v > 1 }
	expVar = math.Exp
)

func b2i(v bool) int {
	if v {
		return 1
	}
	return 0
}

// BenchmarkSumDeterminism measures what determinism costs: parray's Sum
// (fixed leaf grid, pairwise tree, lane kernel) against a plain parallel sum
// that runs floats.Sum on each range of the same engine and adds the range
// sums as they come (a result that depends on the worker count and on
// timing). Target: the deterministic sum at most 5% slower at 2^24.
func BenchmarkSumDeterminism(b *testing.B) {
	for _, n := range []int{1 << 20, 1 << 24} {
		x := expInput(n)
		c := Config{Grain: minTaskReduce}
		b.Run("n="+strconv.Itoa(n)+"/impl=deterministic", func(b *testing.B) {
			b.SetBytes(int64(8 * n))
			for b.Loop() {
				sinkF += c.Sum(x)
			}
		})
		b.Run("n="+strconv.Itoa(n)+"/impl=plain", func(b *testing.B) {
			b.SetBytes(int64(8 * n))
			for b.Loop() {
				var mu sync.Mutex
				total := 0.0
				c.For(n, func(lo, hi int) {
					s := floats.Sum(x[lo:hi])
					mu.Lock()
					total += s
					mu.Unlock()
				})
				sinkF += total
			}
		})
	}
}
