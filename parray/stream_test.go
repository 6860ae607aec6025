package parray

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats"
)

// TestStreamAxpyTo checks the streaming kernel against gonum's
// AxpyUnitaryTo (through floats.AddScaledTo) bit for bit: every length up to
// three cache lines past a line, at every position of dst, x and y in a
// line, with special values and NaNs of different payloads (which one
// propagates depends on the order of the operands), for the alphas of every
// caller, with dst apart from its inputs and dst being x or y. The guards
// around dst check that no store strays.
func TestStreamAxpyTo(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 21))
	const maxN = 3*lineFloats + 5
	vals := specialPool(rnd, 4*maxN)
	for i := range vals {
		if rnd.IntN(16) == 0 {
			// A quiet NaN with its own payload and sign.
			vals[i] = math.Float64frombits(0x7ff8000000000000 | uint64(rnd.Int64N(1<<51)) | uint64(rnd.IntN(2))<<63)
		}
	}
	alphas := []float64{1, -1, 0, 2.5, -0.3, math.Inf(1), math.NaN()}
	for n := range maxN + 1 {
		for off := range lineFloats {
			xs, ys := vals[n:2*n], vals[2*maxN+off:2*maxN+off+n]
			for _, alpha := range alphas {
				for _, alias := range []string{"none", "x", "y"} {
					name := fmt.Sprintf("n=%d/off=%d/alpha=%v/dst=%s", n, off, alpha, alias)
					x := guardedCopy(xs, (off+3)%lineFloats)
					y := guardedCopy(ys, (off+5)%lineFloats)
					dst := guardedCopy(vals[maxN:maxN+n], off)
					switch alias {
					case "x":
						dst = x
					case "y":
						dst = y
					}
					want := make([]float64, n)
					floats.AddScaledTo(want, ys, alpha, xs)
					streamAxpyTo(dst.s(), alpha, x.s(), y.s())
					requireSameBits(t, name, dst.s(), want)
					checkGuards(t, name, dst)
				}
			}
		}
	}
}
