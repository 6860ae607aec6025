//go:build !amd64 || noasm || purego

package parray

import "gonum.org/v1/gonum/floats"

// haveStream is false: without assembly, the element-wise operations call
// floats on every range, and streaming stores are not used.
const haveStream = false

// streamAxpyTo is the kernel of stream_amd64.s with normal stores, for the
// tests of builds without assembly: floats.AddScaledTo computes
// alpha*x[i] + y[i].
func streamAxpyTo(dst []float64, alpha float64, x, y []float64) {
	floats.AddScaledTo(dst, y[:len(dst)], alpha, x[:len(dst)])
}
