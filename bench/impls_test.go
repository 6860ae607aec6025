package bench

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
)

// testSizes cover tiny inputs (fewer elements than pieces), odd lengths and
// lengths that are not multiples of the piece count.
var testSizes = []int{2, 3, 7, 64, 1000, 4097, 1<<16 + 3}

// forProcs runs f with GOMAXPROCS set to each of a few values, as the
// alternatives read it to choose their pieces.
func forProcs(t *testing.T, f func(t *testing.T, n int)) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, p := range []int{1, 2, 3, 8} {
		runtime.GOMAXPROCS(p)
		for _, n := range testSizes {
			t.Run(fmt.Sprintf("procs=%d/n=%d", p, n), func(t *testing.T) { f(t, n) })
		}
	}
}

// near reports whether got is within a relative 1e-12 of want: a sum in a
// different order differs in the last bits only.
func near(got, want float64) bool {
	return got == want || math.Abs(got-want) <= 1e-12*math.Max(math.Abs(want), 1)
}

// TestElementwise checks that every element-wise alternative gives the
// sequential result exactly, in every element.
func TestElementwise(t *testing.T) {
	forProcs(t, func(t *testing.T, n int) {
		in := NewInputs(n)
		want, got := make([]float64, n), make([]float64, n)
		check := func(name string) {
			t.Helper()
			if !slices.Equal(got, want) {
				t.Errorf("%s differs from the sequential result", name)
			}
			clear(got)
		}

		floats.AddTo(want, in.X, in.Y)
		AddToWaitGroup(got, in.X, in.Y)
		check("AddToWaitGroup")
		AddToErrgroup(got, in.X, in.Y)
		check("AddToErrgroup")
		AddToConc(got, in.X, in.Y)
		check("AddToConc")

		copy(want, in.Z)
		floats.AddScaled(want, alpha, in.X)
		for _, f := range []struct {
			name string
			f    func(dst []float64, alpha float64, s []float64)
		}{{"AddScaledWaitGroup", AddScaledWaitGroup}, {"AddScaledErrgroup", AddScaledErrgroup}, {"AddScaledConc", AddScaledConc}} {
			copy(got, in.Z)
			f.f(got, alpha, in.X)
			check(f.name)
		}

		for i, v := range in.X {
			want[i] = math.Exp(v)
		}
		ExpSeq(got, in.X)
		check("ExpSeq")
		ExpBlock(got, in.X)
		check("ExpBlock")
		ExpWaitGroup(got, in.X)
		check("ExpWaitGroup")
		ExpErrgroup(got, in.X)
		check("ExpErrgroup")
		copy(got, ExpConc(in.X))
		check("ExpConc")

		for i := range want {
			want[i] = in.X[i]*in.Y[i] + in.Z[i]
		}
		MulAddSeq(got, in.X, in.Y, in.Z)
		check("MulAddSeq")
		MulAddBlock(got, in.X, in.Y, in.Z)
		check("MulAddBlock")
		MulAddWaitGroup(got, in.X, in.Y, in.Z)
		check("MulAddWaitGroup")
		MulAddErrgroup(got, in.X, in.Y, in.Z)
		check("MulAddErrgroup")
		MulAddConc(got, in.X, in.Y, in.Z)
		check("MulAddConc")
	})
}

// TestReductions checks the reductions and scans against gonum's
// sequential results, to the last few bits (the order of additions
// differs).
func TestReductions(t *testing.T) {
	forProcs(t, func(t *testing.T, n int) {
		in := NewInputs(n)
		scalar := []struct {
			name      string
			got, want float64
		}{
			{"SumWaitGroup", SumWaitGroup(in.X), floats.Sum(in.X)},
			{"SumErrgroup", SumErrgroup(in.X), floats.Sum(in.X)},
			{"SumConc", SumConc(in.X), floats.Sum(in.X)},
			{"DotWaitGroup", DotWaitGroup(in.X, in.Y), floats.Dot(in.X, in.Y)},
			{"DotErrgroup", DotErrgroup(in.X, in.Y), floats.Dot(in.X, in.Y)},
			{"DotConc", DotConc(in.X, in.Y), floats.Dot(in.X, in.Y)},
			{"VarianceWaitGroup", VarianceWaitGroup(in.X), stat.Variance(in.X, nil)},
			{"VarianceErrgroup", VarianceErrgroup(in.X), stat.Variance(in.X, nil)},
			{"VarianceConc", VarianceConc(in.X), stat.Variance(in.X, nil)},
		}
		for _, c := range scalar {
			if !near(c.got, c.want) {
				t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
			}
		}

		want := floats.CumSum(make([]float64, n), in.X)
		for _, f := range []struct {
			name string
			f    func(dst, s []float64)
		}{{"CumSumWaitGroup", CumSumWaitGroup}, {"CumSumErrgroup", CumSumErrgroup}, {"CumSumConc", CumSumConc}} {
			got := make([]float64, n)
			f.f(got, in.X)
			for i := range got {
				if !near(got[i], want[i]) {
					t.Errorf("%s: element %d = %v, want %v", f.name, i, got[i], want[i])
					break
				}
			}
		}
	})
}

// TestOps runs every implementation of every operation of the table once
// and checks that it returns what the sequential one returns, so that the
// suites and the report compare implementations of the same thing.
func TestOps(t *testing.T) {
	for _, op := range Ops() {
		if op.Impls[0].Name != Seq {
			t.Errorf("%s: first implementation is %s, want %s", op.Name, op.Impls[0].Name, Seq)
		}
		if _, ok := Lookup(op.Name); !ok {
			t.Errorf("Lookup(%q) found nothing", op.Name)
		}
		for _, n := range []int{1000, 1<<16 + 3} {
			in := NewInputs(n)
			want := op.Impls[0].Run(in)
			for _, im := range op.Impls[1:] {
				if op.Name == "AddScaled" {
					// In place: start each from the same dst.
					clear(in.Dst)
					want = op.Impls[0].Run(in)
					clear(in.Dst)
				}
				if got := im.Run(in); !near(got, want) {
					t.Errorf("%s n=%d %s = %v, want %v", op.Name, n, im.Name, got, want)
				}
			}
		}
	}
}

func TestSizes(t *testing.T) {
	s := Sizes()
	if s[0] != 1<<10 || s[len(s)-1] != 1<<24 || !slices.Contains(s, 1<<20) {
		t.Errorf("Sizes() = %v, want 2^10 to 2^24 with 2^20", s)
	}
}
