package parray

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats"
)

// Special values at the edges of every grid the package cuts work on: the
// leaves of the sums (256), the blocks of Reduce (4096, also a batch of
// leaves), the least task of the streaming operations (8192) and of the
// reductions (65536), the scan blocks (2^18). An element lost or counted
// twice at an edge, or a NaN or Inf that a combination step drops, shows
// as a difference from floats' or stat's result.

// specialValues are the IEEE cases: NaN, both infinities, negative zero,
// the smallest subnormals, and values at and near the largest float64.
var specialValues = []float64{
	math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 5e-324, -2.5e-310,
	math.MaxFloat64, -math.MaxFloat64, math.Nextafter(math.MaxFloat64/2, 0),
}

// edgesOf returns the positions 0, n-1 and B-1, B, B+1 for each block
// length B, those below n, in order.
func edgesOf(n int, blocks ...int) []int {
	ps := []int{0, n - 1}
	for _, b := range blocks {
		for _, p := range []int{b - 1, b, b + 1} {
			if p < n {
				ps = append(ps, p)
			}
		}
	}
	slices.Sort(ps)
	return slices.Compact(ps)
}

// specialGrid is a size and the configurations and block lengths whose
// edges it is checked at.
type specialGrid struct {
	n       int
	blocks  []int
	configs []Config
	values  []float64 // the special values the reductions are checked with
}

func (g specialGrid) edges() []int { return edgesOf(g.n, g.blocks...) }

// specialGrids are a small size whose tasks are forced small (Grain), so
// that the edges of leaves and Reduce blocks are task edges too, and,
// unless -short, a size past a scan block, on the default tasks.
func specialGrids() []specialGrid {
	small := 3*minTaskElem + 7
	grids := []specialGrid{{small, []int{leafLen, ReduceBlock, minTaskElem},
		[]Config{{Workers: 1}, {Workers: 3, Grain: leafLen}, {Workers: 2, Grain: ReduceBlock}}, specialValues}}
	if !testing.Short() {
		big := scanBlock + 2*leafLen + 5
		grids = append(grids, specialGrid{big, []int{minTaskReduce, scanBlock},
			// Zeros and subnormals vanish in the sums of random values;
			// the small grid has them.
			[]Config{{Workers: 1}, {Workers: 3}}, append(specialValues[:3:3], math.MaxFloat64)})
	}
	return grids
}

// finiteOnly returns x with its NaNs and infinities replaced by 0: the
// scale of the rounding error of a sum whose result is finite.
func finiteOnly(x []float64) []float64 {
	out := slices.Clone(x)
	for i, v := range out {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			out[i] = 0
		}
	}
	return out
}

// requireSpecialClose fails t unless got is want as the issue asks: the
// same bits for exact operations (tol 0; any NaN for a NaN), and for sums a
// NaN for a NaN, the same infinity for an infinity, and a finite value
// within tol*scale for a finite one.
func requireSpecialClose(t testing.TB, name string, got, want, tol, scale float64) {
	t.Helper()
	switch {
	case tol == 0:
		require.True(t, sameBits(got, want), "%s: %v, want %v (same bits)", name, got, want)
	case math.IsNaN(want):
		require.True(t, math.IsNaN(got), "%s: %v, want NaN", name, got)
	case math.IsInf(want, 0):
		require.Equal(t, want, got, "%s: want %v", name, want)
	default:
		require.False(t, math.IsNaN(got) || math.IsInf(got, 0), "%s: %v, want finite %v", name, got, want)
		require.InDelta(t, want, got, tol*scale, "%s", name)
	}
}

// squareOverflows reports whether reduction name, with v among its inputs,
// squares a deviation that overflows though v is finite. The variance is
// then beyond the largest float64, and stat's is NaN (Inf - Inf in its
// correction term), as parray's is, or +Inf, depending on how the rounding
// of the mean falls: neither is a number, and the test accepts both.
func squareOverflows(name string, v float64) bool {
	return (strings.HasPrefix(name, "Variance") || strings.HasPrefix(name, "StdDev")) &&
		!math.IsInf(v, 0) && math.Abs(v) > 1e154
}

// TestReductionsSpecialAtEdges puts each special value, one at a time, at
// each block edge of random data, and checks every reduction against
// gonum's result, and every configuration against one worker bit for bit.
func TestReductionsSpecialAtEdges(t *testing.T) {
	rnd := rand.New(rand.NewPCG(61, 62))
	for _, g := range specialGrids() {
		base, y := randSlice(rnd, g.n), randSlice(rnd, g.n)
		values := g.values
		if raceEnabled {
			// The detector makes each pass ten times slower; the
			// concurrency it checks is the same for every value.
			values = []float64{math.NaN(), math.Inf(-1), math.MaxFloat64}
		}
		for _, v := range values {
			for _, p := range g.edges() {
				x := slices.Clone(base)
				x[p] = v
				fx := finiteOnly(x)
				for _, r := range reductions {
					want := r.want(x, y)
					scale := 0.0
					if r.tol > 0 {
						// Relative to the result too: a product
						// near 1e302 is not within 1e-12 of it.
						scale = max(r.scale(fx, y), math.Abs(want))
					}
					var first float64
					for i, c := range g.configs {
						name := fmt.Sprintf("%s n=%d x[%d]=%v %+v", r.name, g.n, p, v, c)
						got := r.got(c, x, y)
						if squareOverflows(r.name, v) && (math.IsNaN(want) || math.IsInf(want, 1)) {
							require.True(t, math.IsNaN(got) || math.IsInf(got, 1), "%s: %v, want +Inf or NaN", name, got)
						} else {
							requireSpecialClose(t, name, got, want, r.tol, scale)
						}
						if i == 0 {
							first = got
						}
						require.True(t, sameBits(first, got), "%s: %v, one worker %v", name, got, first)
					}
				}
			}
		}
	}
}

// TestScansSpecialAtEdges does the same for CumSum and CumProd: the first
// scan block is floats' scan of it, bit for bit; beyond, each element
// compares with floats' scan of the whole slice as a sum does, relative to
// the sum of the magnitudes for CumSum and to the element for CumProd.
func TestScansSpecialAtEdges(t *testing.T) {
	rnd := rand.New(rand.NewPCG(63, 64))
	for _, g := range specialGrids() {
		base := randSlice(rnd, g.n)
		for _, v := range specialValues {
			for _, p := range g.edges() {
				x := slices.Clone(base)
				x[p] = v
				for _, sc := range []struct {
					name     string
					run      func(c Config, dst, s []float64) []float64
					ref      func(dst, s []float64) []float64
					in       []float64
					relative bool // the error scales with the element
				}{
					{"CumSum", Config.CumSum, floats.CumSum, x, false},
					{"CumProd", Config.CumProd, floats.CumProd, nearOne(x), true},
				} {
					scale := floats.Norm(finiteOnly(sc.in), 1)
					first := min(g.n, scanBlock)
					wantFirst := sc.ref(make([]float64, first), sc.in[:first])
					want := sc.ref(make([]float64, g.n), sc.in)
					for _, c := range g.configs {
						name := fmt.Sprintf("%s n=%d x[%d]=%v %+v", sc.name, g.n, p, v, c)
						got := sc.run(c, make([]float64, g.n), sc.in)
						requireSameBits(t, name, got[:first], wantFirst)
						for i := first; i < g.n; i++ {
							if sc.relative {
								scale = math.Abs(want[i])
							}
							requireSpecialClose(t, fmt.Sprintf("%s [%d]", name, i), got[i], want[i], 1e-12, scale)
						}
					}
				}
			}
		}
	}
}

// TestElementwiseSpecialAtEdges places the special values at every block
// edge at once (element-wise results do not mix elements) in dst and in
// each input, and checks every element-wise function against floats and
// Map, Zip and Blocks against their loops, bit for bit, with the grids'
// configurations.
func TestElementwiseSpecialAtEdges(t *testing.T) {
	rnd := rand.New(rand.NewPCG(65, 66))
	for _, g := range specialGrids() {
		// The element-wise grids: ranges of at least minTaskElem, and
		// their cache-line rounding.
		edges := edgesOf(g.n, append([]int{lineFloats, minTaskElem}, g.blocks...)...)
		ins := make([][]float64, 3)
		for k := range ins {
			ins[k] = randSlice(rnd, g.n)
			for j, p := range edges {
				ins[k][p] = specialValues[(j+k)%len(specialValues)]
			}
		}
		configs := append(g.configs, Config{Workers: 3, Grain: lineFloats})
		for _, e := range ewCases {
			want := slices.Clone(ins[0])
			e.ref(want, cloneAll(ins[1:1+e.srcs]))
			for _, c := range configs {
				got := slices.Clone(ins[0])
				e.run(c, got, ins[1:1+e.srcs])
				requireSameBits(t, fmt.Sprintf("%s n=%d %+v", e.name, g.n, c), got, want)
			}
		}
		for _, e := range entries {
			want := make([]float64, g.n)
			e.want(want, cloneAll(ins[:e.inputs]))
			for _, c := range configs {
				in := cloneAll(ins[:e.inputs])
				dst := make([]float64, g.n)
				if e.alias > 0 {
					dst = in[e.alias-1]
				}
				e.run(c, dst, in)
				requireSameBits(t, fmt.Sprintf("%s n=%d %+v", e.name, g.n, c), dst, want)
			}
		}
	}
}
