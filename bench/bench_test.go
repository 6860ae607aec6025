package bench

import (
	"fmt"
	"testing"
)

// The suites: every operation of Ops at every size of Sizes, each
// implementation in turn at one size before the next size, so that with
// -count N the implementations alternate N times. Run them with -cpu 1,2
// (or up to the number of cores); names read
//
//	BenchmarkSum/n=1048576/impl=parnum-2
//
// and benchstat compares the implementations with -col /impl.
//
// SetBytes counts the bytes each call reads and writes (Op.Bytes per
// element), so MB/s is the memory throughput; for MapExp, which is bound by
// arithmetic, it counts 16 bytes per element all the same.

// sink keeps every result, so that the compiler cannot drop the work.
var sink float64

// inputs keeps the Inputs of each size across benchmarks and runs (about
// 0.7 GB for the whole ladder), as filling 2^24 elements takes longer than
// many of the calls measured.
var inputs = map[int]*Inputs{}

func inputsOf(n int) *Inputs {
	in, ok := inputs[n]
	if !ok {
		in = NewInputs(n)
		inputs[n] = in
	}
	return in
}

// benchOp runs the suite of the operation named name.
func benchOp(b *testing.B, name string) {
	op, ok := Lookup(name)
	if !ok {
		b.Fatalf("no operation %q", name)
	}
	for _, n := range Sizes() {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			in := inputsOf(n)
			for _, im := range op.Impls {
				b.Run("impl="+im.Name, func(b *testing.B) {
					b.SetBytes(int64(op.Bytes * n))
					b.ReportAllocs()
					for b.Loop() {
						sink += im.Run(in)
					}
				})
			}
		})
	}
}

// BenchmarkAddTo is floats.AddTo against parray.AddTo and the Go
// alternatives: memory-bound, two slices read and one written.
func BenchmarkAddTo(b *testing.B) { benchOp(b, "AddTo") }

// BenchmarkAddScaled is floats.AddScaled (dst += alpha*s) against
// parray.AddScaled and the Go alternatives: memory-bound, in place.
func BenchmarkAddScaled(b *testing.B) { benchOp(b, "AddScaled") }

// BenchmarkSum is floats.Sum against parray.Sum and the Go alternatives.
func BenchmarkSum(b *testing.B) { benchOp(b, "Sum") }

// BenchmarkDot is floats.Dot against parray.Dot and the Go alternatives.
func BenchmarkDot(b *testing.B) { benchOp(b, "Dot") }

// BenchmarkMapExp is the loop dst[i] = math.Exp(s[i]) against
// parray.MapTo (a call through a func value per element), parray.Blocks
// (the direct-call loop per block) and the Go alternatives: bound by
// arithmetic, about 15 ns per element on one core of the development
// machine.
func BenchmarkMapExp(b *testing.B) { benchOp(b, "MapExp") }

// BenchmarkMulAdd is the fused loop dst[i] = a[i]*b[i] + c[i] against
// parray.Blocks with the same loop and the Go alternatives: memory-bound,
// three slices read and one written.
func BenchmarkMulAdd(b *testing.B) { benchOp(b, "MulAdd") }

// BenchmarkVariance is stat.Variance against parray.Variance (one pass
// over memory) and the Go alternatives (two passes, as stat).
func BenchmarkVariance(b *testing.B) { benchOp(b, "Variance") }

// BenchmarkCumSum is floats.CumSum against parray.CumSum and the Go
// alternatives (two-pass scans).
func BenchmarkCumSum(b *testing.B) { benchOp(b, "CumSum") }
