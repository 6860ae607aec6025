package bench

import (
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"

	"github.com/parnum/parnum/parray"
)

// The names of the implementations, as they appear in benchmark names
// (impl=NAME) and in the report's tables.
const (
	Seq          = "seq"           // the sequential gonum call, or the plain loop
	Parnum       = "parnum"        // the parray function
	ParnumBlocks = "parnum-blocks" // parray.Blocks with a direct-call loop (map of math.Exp)
	WaitGroup    = "waitgroup"     // the sync.WaitGroup split (impls.go)
	Errgroup     = "errgroup"      // the errgroup split with SetLimit (impls.go)
	Conc         = "conc"          // sourcegraph/conc's iter package (impls.go)
)

// The kernels of the STREAM benchmark whose bandwidth bounds an operation.
const (
	KernelCopy  = "copy"  // c = a: 16 bytes per element
	KernelTriad = "triad" // c = a + q*b: 24 bytes per element
	KernelSum   = "sum"   // sum of a: 8 bytes per element
	KernelDot   = "dot"   // sum of a*b: 16 bytes per element
)

// Inputs holds the slices that one size of a comparison works on, all of
// the same length. Every program of the comparison, in Go, Python and Rust,
// fills them with the same values:
//
//	X[i] = (i % 2000) / 1000     (in [0, 2), where math.Exp takes its usual path)
//	Y[i] = 1 + (i % 7) / 8
//	Z[i] = (i % 13) / 16
//
// and Dst with zeros.
type Inputs struct {
	X, Y, Z []float64
	Dst     []float64
}

// NewInputs returns Inputs of length n.
func NewInputs(n int) *Inputs {
	in := &Inputs{
		X:   make([]float64, n),
		Y:   make([]float64, n),
		Z:   make([]float64, n),
		Dst: make([]float64, n),
	}
	for i := range n {
		in.X[i] = float64(i%2000) / 1000
		in.Y[i] = 1 + float64(i%7)/8
		in.Z[i] = float64(i%13) / 16
	}
	return in
}

// Impl is one implementation of an operation.
type Impl struct {
	// Name is one of the names above (Seq, Parnum, ...).
	Name string
	// Run does the operation once on in and returns its result, or for an
	// operation that writes a slice one element of it, so that the caller
	// can keep it in a sink and the compiler cannot drop the work.
	Run func(in *Inputs) float64
}

// Op is one operation of the comparison, with its implementations.
type Op struct {
	// Name is the operation's name in benchmark names (BenchmarkNAME) and
	// in the report.
	Name string
	// Title says what the operation computes, for the report.
	Title string
	// Bytes is the number of bytes each element makes the operation read
	// and write (8 per float64 read or written once), for SetBytes and for
	// the throughput in GB/s.
	Bytes int
	// Compute is true for an operation bound by arithmetic rather than by
	// memory (the map of math.Exp): its throughput is given in elements per
	// second, and it has no memory ceiling.
	Compute bool
	// Kernel is the STREAM kernel whose bandwidth bounds a memory-bound
	// operation (KernelCopy, ...), empty for a compute-bound one.
	Kernel string
	// Impls are the implementations, the sequential one first.
	Impls []Impl
}

// alpha is the scale of AddScaled: small, so that repeated calls in a
// benchmark change dst slowly.
const alpha = 1.0 / 1024

// Ops returns the operations of the comparison, in the order of the report.
func Ops() []Op {
	return []Op{
		{
			Name: "AddTo", Title: "dst = s + t (floats.AddTo)", Bytes: 24, Kernel: KernelTriad,
			Impls: []Impl{
				{Seq, func(in *Inputs) float64 { floats.AddTo(in.Dst, in.X, in.Y); return in.Dst[0] }},
				{Parnum, func(in *Inputs) float64 { parray.AddTo(in.Dst, in.X, in.Y); return in.Dst[0] }},
				{WaitGroup, func(in *Inputs) float64 { AddToWaitGroup(in.Dst, in.X, in.Y); return in.Dst[0] }},
				{Errgroup, func(in *Inputs) float64 { AddToErrgroup(in.Dst, in.X, in.Y); return in.Dst[0] }},
				{Conc, func(in *Inputs) float64 { AddToConc(in.Dst, in.X, in.Y); return in.Dst[0] }},
			},
		},
		{
			Name: "AddScaled", Title: "dst += alpha * s (floats.AddScaled)", Bytes: 24, Kernel: KernelTriad,
			Impls: []Impl{
				{Seq, func(in *Inputs) float64 { floats.AddScaled(in.Dst, alpha, in.X); return in.Dst[0] }},
				{Parnum, func(in *Inputs) float64 { parray.AddScaled(in.Dst, alpha, in.X); return in.Dst[0] }},
				{WaitGroup, func(in *Inputs) float64 { AddScaledWaitGroup(in.Dst, alpha, in.X); return in.Dst[0] }},
				{Errgroup, func(in *Inputs) float64 { AddScaledErrgroup(in.Dst, alpha, in.X); return in.Dst[0] }},
				{Conc, func(in *Inputs) float64 { AddScaledConc(in.Dst, alpha, in.X); return in.Dst[0] }},
			},
		},
		{
			Name: "Sum", Title: "sum of s (floats.Sum)", Bytes: 8, Kernel: KernelSum,
			Impls: []Impl{
				{Seq, func(in *Inputs) float64 { return floats.Sum(in.X) }},
				{Parnum, func(in *Inputs) float64 { return parray.Sum(in.X) }},
				{WaitGroup, func(in *Inputs) float64 { return SumWaitGroup(in.X) }},
				{Errgroup, func(in *Inputs) float64 { return SumErrgroup(in.X) }},
				{Conc, func(in *Inputs) float64 { return SumConc(in.X) }},
			},
		},
		{
			Name: "Dot", Title: "sum of s[i]*t[i] (floats.Dot)", Bytes: 16, Kernel: KernelDot,
			Impls: []Impl{
				{Seq, func(in *Inputs) float64 { return floats.Dot(in.X, in.Y) }},
				{Parnum, func(in *Inputs) float64 { return parray.Dot(in.X, in.Y) }},
				{WaitGroup, func(in *Inputs) float64 { return DotWaitGroup(in.X, in.Y) }},
				{Errgroup, func(in *Inputs) float64 { return DotErrgroup(in.X, in.Y) }},
				{Conc, func(in *Inputs) float64 { return DotConc(in.X, in.Y) }},
			},
		},
		{
			Name: "MapExp", Title: "dst[i] = math.Exp(s[i])", Bytes: 16, Compute: true,
			Impls: []Impl{
				{Seq, func(in *Inputs) float64 { ExpSeq(in.Dst, in.X); return in.Dst[0] }},
				{Parnum, func(in *Inputs) float64 { parray.MapTo(in.Dst, math.Exp, in.X); return in.Dst[0] }},
				{ParnumBlocks, func(in *Inputs) float64 { parray.Blocks(in.Dst, ExpBlock, in.X); return in.Dst[0] }},
				{WaitGroup, func(in *Inputs) float64 { ExpWaitGroup(in.Dst, in.X); return in.Dst[0] }},
				{Errgroup, func(in *Inputs) float64 { ExpErrgroup(in.Dst, in.X); return in.Dst[0] }},
				{Conc, func(in *Inputs) float64 { return ExpConc(in.X)[0] }},
			},
		},
		{
			Name: "MulAdd", Title: "dst[i] = a[i]*b[i] + c[i], one pass (parray.Blocks)", Bytes: 32, Kernel: KernelTriad,
			Impls: []Impl{
				{Seq, func(in *Inputs) float64 { MulAddSeq(in.Dst, in.X, in.Y, in.Z); return in.Dst[0] }},
				{Parnum, func(in *Inputs) float64 { parray.Blocks(in.Dst, MulAddBlock, in.X, in.Y, in.Z); return in.Dst[0] }},
				{WaitGroup, func(in *Inputs) float64 { MulAddWaitGroup(in.Dst, in.X, in.Y, in.Z); return in.Dst[0] }},
				{Errgroup, func(in *Inputs) float64 { MulAddErrgroup(in.Dst, in.X, in.Y, in.Z); return in.Dst[0] }},
				{Conc, func(in *Inputs) float64 { MulAddConc(in.Dst, in.X, in.Y, in.Z); return in.Dst[0] }},
			},
		},
		{
			Name: "Variance", Title: "unbiased variance of s (stat.Variance)", Bytes: 8, Kernel: KernelSum,
			Impls: []Impl{
				{Seq, func(in *Inputs) float64 { return stat.Variance(in.X, nil) }},
				{Parnum, func(in *Inputs) float64 { return parray.Variance(in.X, nil) }},
				{WaitGroup, func(in *Inputs) float64 { return VarianceWaitGroup(in.X) }},
				{Errgroup, func(in *Inputs) float64 { return VarianceErrgroup(in.X) }},
				{Conc, func(in *Inputs) float64 { return VarianceConc(in.X) }},
			},
		},
		{
			Name: "CumSum", Title: "running sum of s (floats.CumSum)", Bytes: 16, Kernel: KernelCopy,
			Impls: []Impl{
				{Seq, func(in *Inputs) float64 { floats.CumSum(in.Dst, in.X); return in.Dst[len(in.Dst)-1] }},
				{Parnum, func(in *Inputs) float64 { parray.CumSum(in.Dst, in.X); return in.Dst[len(in.Dst)-1] }},
				{WaitGroup, func(in *Inputs) float64 { CumSumWaitGroup(in.Dst, in.X); return in.Dst[len(in.Dst)-1] }},
				{Errgroup, func(in *Inputs) float64 { CumSumErrgroup(in.Dst, in.X); return in.Dst[len(in.Dst)-1] }},
				{Conc, func(in *Inputs) float64 { CumSumConc(in.Dst, in.X); return in.Dst[len(in.Dst)-1] }},
			},
		},
	}
}

// Lookup returns the operation of Ops named name, and false if there is
// none.
func Lookup(name string) (Op, bool) {
	for _, op := range Ops() {
		if op.Name == name {
			return op, true
		}
	}
	return Op{}, false
}

// Sizes returns the ladder of lengths of the comparison: 2^10, 2^12, ...,
// 2^24. 2^10 is where every parnum call must stay sequential (and within 10%
// of the sequential code); 2^20 is the size of the map target; 2^24 (128 MiB
// per slice) is far out of any cache.
func Sizes() []int {
	var s []int
	for e := 10; e <= 24; e += 2 {
		s = append(s, 1<<e)
	}
	return s
}
