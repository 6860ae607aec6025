//go:build !noasm && !purego

package parray

// haveStream reports whether the streaming kernels exist: MOVNTPD is SSE2,
// which every amd64 processor has.
const haveStream = true

// streamAxpyTo sets dst[i] = alpha*x[i] + y[i] with the instructions of
// gonum's AxpyUnitaryTo (the product rounded, then the sum; never fused),
// writing the whole cache lines of dst with streaming stores. len(x) and
// len(y) must be at least len(dst). In stream_amd64.s.
//
//go:noescape
func streamAxpyTo(dst []float64, alpha float64, x, y []float64)
