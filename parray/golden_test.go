package parray

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// TestGoldenBits pins the bits of the reductions on fixed data, so that the
// promise of the same bits whatever the instruction set is checked across
// builds: CI runs this test with the AVX and SSE2 kernels (amd64), with
// their Go references (-tags noasm), and on 386, and all must give these
// bits, which were computed on amd64 with AVX. The reductions that call
// math.Exp, math.Log or math.Pow are left out: the math package computes
// those with assembly on some platforms, and its results may differ there
// in the last bit. A change to a kernel or to the tree that changes these
// bits breaks the determinism promise between versions as well.
func TestGoldenBits(t *testing.T) {
	rnd := rand.New(rand.NewPCG(81, 82))
	n := 1<<18 + 12345 // fixed: the pinned bits are of this input
	// Values of mixed magnitudes, scaled by exact powers of two (math.Pow
	// might not be exact everywhere).
	mixed := func() []float64 {
		s := randSlice(rnd, n)
		for i := range s {
			s[i] = math.Ldexp(s[i], rnd.IntN(40)-20)
		}
		return s
	}
	x, y := mixed(), mixed()
	w := absAll(randSlice(rnd, n))
	var xv, yv mat.VecDense
	xs, ys := make([]float64, 3*n), make([]float64, 2*n)
	for i := range n {
		xs[3*i], ys[2*i] = x[i], y[i]
	}
	xv.SetRawVector(blas64.Vector{N: n, Inc: 3, Data: xs})
	yv.SetRawVector(blas64.Vector{N: n, Inc: 2, Data: ys})
	golden := []struct {
		name string
		got  func(c Config) float64
		want uint64
	}{
		{"Sum", func(c Config) float64 { return c.Sum(x) }, 0x418127d34bbfdc8a},
		{"SumCompensated", func(c Config) float64 { return c.SumCompensated(x) }, 0x418127d34bbfdc88},
		{"Dot", func(c Config) float64 { return c.Dot(x, y) }, 0x42689feeac9a7d92},
		{"Norm1", func(c Config) float64 { return c.Norm(x, 1) }, 0x41eac166e639a7f8},
		{"Norm2", func(c Config) float64 { return c.Norm(x, 2) }, 0x417b75ea20331f1c},
		{"Distance2", func(c Config) float64 { return c.Distance(x, y, 2) }, 0x4183878c09df037a},
		{"Prod", func(c Config) float64 { return c.Prod(nearOne(w)) }, 0x3ff25abf352c320f},
		{"Mean", func(c Config) float64 { return c.Mean(x, w) }, 0x4063ada0c343a2fa},
		{"Variance", func(c Config) float64 { return c.Variance(x, nil) }, 0x41e6815987391afa},
		{"StdDev", func(c Config) float64 { return c.StdDev(y, w) }, 0x40eb3e691014bdd1},
		{"SumVec", func(c Config) float64 { return c.SumVec(&xv) }, 0x418127d34bbfdc8a},
		{"DotVec", func(c Config) float64 { return c.DotVec(&xv, &yv) }, 0x42689feeac9a7d92},
		{"NormVec2", func(c Config) float64 { return c.NormVec(&yv, 2) }, 0x417bcdcc3f6a3a67},
	}
	for _, g := range golden {
		for _, c := range []Config{{Workers: 1}, {Workers: 3}} {
			got := g.got(c)
			if bits := math.Float64bits(got); bits != g.want {
				t.Errorf("%s %+v = %v (%#x), want %v (%#x) (kernels: %v)", g.name, c, got, bits,
					math.Float64frombits(g.want), g.want, kernelNames())
			}
		}
	}
}
