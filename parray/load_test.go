package parray

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// Load: many goroutines calling parray at once on shared inputs, calls
// nested in calls, and GOMAXPROCS changing under running calls. parray has
// no shared state but its callers' slices, and its results do not depend on
// the workers, so every call must return the bits of the same call on one
// worker.

// loadOp is one operation of the load test, computed on the shared
// read-only inputs with c into the caller's own buffer dst; it returns its
// result as a hash of its bits.
type loadOp struct {
	name string
	run  func(c Config, in *loadInputs, dst []float64) uint64
}

// loadInputs are the inputs every goroutine reads.
type loadInputs struct {
	x, y, w []float64
	xv      *mat.VecDense // the even elements of xy
	xy      []float64
}

func newLoadInputs(n int) *loadInputs {
	rnd := rand.New(rand.NewPCG(71, 72))
	in := &loadInputs{x: randSlice(rnd, n), y: randSlice(rnd, n), w: absAll(randSlice(rnd, n))}
	in.xy = make([]float64, 2*n-1)
	for i := range in.xy {
		in.xy[i] = in.x[i/2]
	}
	in.xv = &mat.VecDense{}
	in.xv.SetRawVector(blas64.Vector{N: n, Inc: 2, Data: in.xy})
	return in
}

// bitsHash hashes the bits of values.
func bitsHash(values ...float64) uint64 {
	h := fnv.New64a()
	var b [8]byte
	for _, v := range values {
		u := math.Float64bits(v)
		for i := range b {
			b[i] = byte(u >> (8 * i))
		}
		h.Write(b[:])
	}
	return h.Sum64()
}

var loadOps = []loadOp{
	{"Sum", func(c Config, in *loadInputs, _ []float64) uint64 { return bitsHash(c.Sum(in.x)) }},
	{"Dot", func(c Config, in *loadInputs, _ []float64) uint64 { return bitsHash(c.Dot(in.x, in.y)) }},
	{"Norm2", func(c Config, in *loadInputs, _ []float64) uint64 { return bitsHash(c.Norm(in.x, 2)) }},
	{"Distance1", func(c Config, in *loadInputs, _ []float64) uint64 { return bitsHash(c.Distance(in.x, in.y, 1)) }},
	{"MeanVariance", func(c Config, in *loadInputs, _ []float64) uint64 {
		return bitsHash(c.MeanVariance(in.x, in.w))
	}},
	{"MaxIdx", func(c Config, in *loadInputs, _ []float64) uint64 { return uint64(c.MaxIdx(in.x)) }},
	{"NearestIdx", func(c Config, in *loadInputs, _ []float64) uint64 { return uint64(c.NearestIdx(in.y, 0.3)) }},
	{"LogSumExp", func(c Config, in *loadInputs, _ []float64) uint64 { return bitsHash(c.LogSumExp(in.x)) }},
	{"SumVec", func(c Config, in *loadInputs, _ []float64) uint64 { return bitsHash(c.SumVec(in.xv)) }},
	{"HasNaN", func(c Config, in *loadInputs, _ []float64) uint64 { return uint64(b2f(c.HasNaN(in.x))) }},
	{"Count", func(c Config, in *loadInputs, _ []float64) uint64 { return uint64(c.Count(positive, in.x)) }},
	{"Find", func(c Config, in *loadInputs, _ []float64) uint64 {
		inds, _ := c.Find(nil, func(v float64) bool { return v > 0.99 }, in.y, -1)
		h := fnv.New64a()
		fmt.Fprint(h, inds)
		return h.Sum64()
	}},
	{"AddTo", func(c Config, in *loadInputs, dst []float64) uint64 { return bitsHash(c.AddTo(dst, in.x, in.y)...) }},
	{"CumSum", func(c Config, in *loadInputs, dst []float64) uint64 { return bitsHash(c.CumSum(dst, in.x)...) }},
	{"MapTo", func(c Config, in *loadInputs, dst []float64) uint64 { return bitsHash(c.MapTo(dst, math.Exp, in.x)...) }},
	{"Blocks", func(c Config, in *loadInputs, dst []float64) uint64 {
		c.Blocks(dst, fused, in.x, in.y, in.w)
		return bitsHash(dst...)
	}},
	{"ForCtx", func(c Config, in *loadInputs, dst []float64) uint64 {
		err := c.ForCtx(context.Background(), len(dst), func(lo, hi int) error {
			for i := lo; i < hi; i++ {
				dst[i] = in.x[i] * in.w[i]
			}
			return nil
		})
		if err != nil {
			panic(err)
		}
		return bitsHash(dst...)
	}},
	{"Reduce", func(c Config, in *loadInputs, _ []float64) uint64 {
		return bitsHash(ReduceWith(c, in.y, func(b []float64) float64 { return sumNode(b) * 0.5 }, add))
	}},
}

// TestLoad runs 64 goroutines that each call every operation, in an order
// of their own and on configurations of their own (the zero Config among
// them, which reads GOMAXPROCS on every call), while another goroutine
// changes GOMAXPROCS between 1 and 8 every millisecond. Every result must
// be the bits of the same operation on one worker, and the shared inputs
// must be unchanged.
func TestLoad(t *testing.T) {
	const goroutines = 64
	// Above the thresholds of the scalar reductions; the Grains force the
	// kernel sums and element-wise operations, whose thresholds are 2^20
	// and more, onto several workers too.
	n, rounds := minParScalar+1001, 2
	configs := []Config{{}, {Workers: 2}, {Workers: 3, Grain: 4096}, {Workers: 8, Grain: 20_000}}
	if testing.Short() {
		// Built-in operations below their thresholds run inline: a
		// Grain forces them parallel on a size the race detector can
		// run 64 times at once.
		n, rounds = 20_011, 1
		configs = []Config{{Grain: 1000}, {Workers: 2, Grain: 300}, {Workers: 5, Grain: 4096}}
	}
	in := newLoadInputs(n)
	orig := [][]float64{slices.Clone(in.x), slices.Clone(in.y), slices.Clone(in.w), slices.Clone(in.xy)}
	want := make([]uint64, len(loadOps))
	dst := make([]float64, n)
	for k, op := range loadOps {
		want[k] = op.run(Config{Workers: 1}, in, dst)
	}

	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	stop, flipped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(flipped)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
				runtime.GOMAXPROCS(1 + i%8)
			}
		}
	}()
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			dst := make([]float64, n)
			for r := range rounds {
				for k := range loadOps {
					k := (k*7 + g) % len(loadOps)
					c := configs[(g+r+k)%len(configs)]
					if got := loadOps[k].run(c, in, dst); got != want[k] {
						t.Errorf("goroutine %d: %s %+v: %#x, one worker %#x", g, loadOps[k].name, c, got, want[k])
					}
				}
			}
		})
	}
	wg.Wait()
	close(stop)
	<-flipped
	for i, s := range [][]float64{in.x, in.y, in.w, in.xy} {
		requireSameBits(t, fmt.Sprintf("shared input %d", i), s, orig[i])
	}
}

// TestNestedMixed nests three levels of different entry points: ReduceRange
// over row blocks, ForCtx over the rows of a block, and built-in reductions
// and MapTo on each row, each level forced parallel. The result must be the
// bits of the same nesting on one worker (the nesting changes only who runs
// what), and no call may deadlock however many goroutines are waiting.
func TestNestedMixed(t *testing.T) {
	const rows, cols = 64, 2000
	rnd := rand.New(rand.NewPCG(73, 74))
	m := randSlice(rnd, rows*cols)
	y := randSlice(rnd, cols)
	run := func(c Config) (float64, []float64) {
		rowDots := make([]float64, rows)
		total := ReduceRangeWith(c, rows, func(lo, hi int) float64 {
			err := c.ForCtx(context.Background(), hi-lo, func(a, b int) error {
				for r := lo + a; r < lo+b; r++ {
					row := m[r*cols : (r+1)*cols]
					tmp := c.MapTo(make([]float64, cols), math.Abs, row)
					rowDots[r] = c.Dot(row, y) + c.Sum(tmp)
				}
				return nil
			})
			if err != nil {
				panic(err)
			}
			return c.Sum(rowDots[lo:hi])
		}, add)
		return total, rowDots
	}
	wantTotal, wantRows := run(Config{Workers: 1})
	for _, c := range []Config{{Workers: 3, Grain: 4}, {Workers: 8, Grain: 1}, {Grain: 16}} {
		total, rowDots := run(c)
		requireSameBits(t, fmt.Sprintf("rows %+v", c), rowDots, wantRows)
		requireSameBits(t, fmt.Sprintf("total %+v", c), []float64{total}, []float64{wantTotal})
	}
}
