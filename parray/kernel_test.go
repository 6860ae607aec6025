package parray

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// specialSlice returns n values, mostly random of mixed magnitudes, with
// some zeros of both signs, subnormals, infinities and NaNs when special is
// true.
func specialSlice(rnd *rand.Rand, n int, special bool) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = (2*rnd.Float64() - 1) * math.Pow(10, float64(rnd.IntN(30)-15))
		if !special {
			continue
		}
		switch rnd.IntN(40) {
		case 0:
			s[i] = math.Copysign(0, -1)
		case 1:
			s[i] = 0
		case 2:
			s[i] = 5e-324 * float64(rnd.IntN(1000))
		case 3:
			s[i] = math.Inf(1 - 2*rnd.IntN(2))
		case 4:
			s[i] = math.NaN()
		}
	}
	return s
}

// sameBits reports whether a and b are the same float64, NaNs being equal
// to each other whatever their payload.
func sameBits(a, b float64) bool {
	if math.IsNaN(a) && math.IsNaN(b) {
		return true
	}
	return math.Float64bits(a) == math.Float64bits(b)
}

type kernelVariant struct {
	name string
	sum  func(sums, x []float64)
	dot  func(sums, x, y []float64)
}

// TestKernelsMatchReference checks that every kernel this machine can run
// (SSE2 and AVX assembly on amd64; the reference itself elsewhere) computes
// the same bits as the reference loops, for slices starting at every offset
// within a cache line.
func TestKernelsMatchReference(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 8))
	var lengths []int
	for n := 0; n <= 2*leafLen+40; n++ {
		lengths = append(lengths, n)
	}
	lengths = append(lengths, 9*leafLen-1, 9*leafLen, 9*leafLen+1, 16*leafLen+17)
	for _, kv := range kernelVariants() {
		for _, special := range []bool{false, true} {
			for _, n := range lengths {
				off := n % lineFloats
				xs := specialSlice(rnd, n+off, special)[off:]
				ys := specialSlice(rnd, n+off, special)[off:]
				k := leaves(n)
				got, want := make([]float64, k), make([]float64, k)
				kv.sum(got, xs)
				sumLeavesGo(want, xs)
				for i := range got {
					require.True(t, sameBits(got[i], want[i]), "%s sum n=%d leaf %d, off %d: %v != %v", kv.name, n, i, off, got[i], want[i])
				}
				kv.dot(got, xs, ys)
				dotLeavesGo(want, xs, ys)
				for i := range got {
					require.True(t, sameBits(got[i], want[i]), "%s dot n=%d leaf %d, off %d: %v != %v", kv.name, n, i, off, got[i], want[i])
				}
			}
		}
	}
	t.Logf("kernels checked: %v", kernelNames())
}

func kernelNames() []string {
	var names []string
	for _, kv := range kernelVariants() {
		names = append(names, kv.name)
	}
	return names
}

// TestSumNodeAddressIndependent checks that the same values give the same
// bits wherever the slice starts in memory: the property gonum's floats.Sum
// does not have.
func TestSumNodeAddressIndependent(t *testing.T) {
	rnd := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{1, 15, 16, 17, 255, 256, 257, 1000, 5000} {
		vals := specialSlice(rnd, n, false)
		vals2 := specialSlice(rnd, n, false)
		want, wantDot := sumNode(vals), dotNode(vals, vals2)
		for off := 1; off < lineFloats; off++ {
			buf := make([]float64, n+off)
			buf2 := make([]float64, n+off)
			copy(buf[off:], vals)
			copy(buf2[off:], vals2)
			require.True(t, sameBits(want, sumNode(buf[off:])), "n=%d off=%d", n, off)
			require.True(t, sameBits(wantDot, dotNode(buf[off:], buf2[off:])), "n=%d off=%d", n, off)
		}
	}
}

// TestSumNodeLanes checks sumNode against the definition written out: element
// i of a leaf added to lane i%16, the lanes combined by laneTree, the leaves by
// the pairwise tree.
func TestSumNodeLanes(t *testing.T) {
	rnd := rand.New(rand.NewPCG(11, 12))
	for _, n := range []int{0, 1, 17, 255, 256, 257, 4095, 4096, 4097, 20000} {
		x := specialSlice(rnd, n, true)
		var p pairwise
		for lo := 0; lo < n; lo += leafLen {
			var a [16]float64
			for i, v := range x[lo:min(n, lo+leafLen)] {
				a[i%16] += v
			}
			p.push(laneTree(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15]))
		}
		require.True(t, sameBits(p.sum(), sumNode(x)), "n=%d", n)
	}
}

// shape returns the pairwise tree of [lo, hi) by its recursive definition,
// as a string such as "((0+1)+2)".
func shape(lo, hi int) string {
	if hi-lo == 1 {
		return strconv.Itoa(lo)
	}
	k := 1
	for 2*k < hi-lo {
		k *= 2
	}
	return "(" + shape(lo, lo+k) + "+" + shape(lo+k, hi) + ")"
}

func join(a, b string) string { return "(" + a + "+" + b + ")" }

// TestPairwiseIsTheTree checks that the binary counter builds exactly the
// recursive tree (the combine is not commutative, so the shape is checked).
func TestPairwiseIsTheTree(t *testing.T) {
	for m := 1; m <= 300; m++ {
		vs := make([]string, m)
		for i := range vs {
			vs[i] = strconv.Itoa(i)
		}
		require.Equal(t, shape(0, m), tree(vs, join), "m=%d", m)
	}
}

// TestTreeRunsAreNodes checks the property the parallel reductions need: for
// every power of two T, the trees of the runs of T values, combined by the
// same tree, give the tree of all the values.
func TestTreeRunsAreNodes(t *testing.T) {
	for m := 1; m <= 300; m++ {
		vs := make([]string, m)
		for i := range vs {
			vs[i] = strconv.Itoa(i)
		}
		want := tree(vs, join)
		for T := 1; T <= 512; T *= 2 {
			var runs []string
			for lo := 0; lo < m; lo += T {
				runs = append(runs, tree(vs[lo:min(m, lo+T)], join))
			}
			require.Equal(t, want, tree(runs, join), "m=%d T=%d", m, T)
		}
	}
}

func TestTreeSumEmpty(t *testing.T) {
	require.Equal(t, 0.0, treeSum(nil))
	require.Equal(t, 3.0, treeSum([]float64{1, 2}))
}
