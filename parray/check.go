package parray

import "unsafe"

// Panic messages. Every check runs on the caller's goroutine before any
// element is written and before any goroutine starts.
const (
	badLength    = "parray: slice lengths do not match"
	badDstLength = "parray: destination slice length does not match input"
	badOverlap   = "parray: destination partially overlaps an input"
	badWorkers   = "parray: negative number of workers"
	badGrain     = "parray: negative grain"
	badN         = "parray: negative length"
	nilFunc      = "parray: nil function"
	nilContext   = "parray: nil Context"
)

// checkOverlap panics if dst and src share memory without being the same
// slice. Exact aliasing (the same first element and the same length) is
// allowed: every element-wise operation reads element i of each input before
// it writes element i of dst, so it computes the in-place result.
func checkOverlap(dst, src []float64) {
	if len(dst) == 0 || len(src) == 0 {
		return
	}
	d := uintptr(unsafe.Pointer(unsafe.SliceData(dst)))
	s := uintptr(unsafe.Pointer(unsafe.SliceData(src)))
	if d == s && len(dst) == len(src) {
		return
	}
	const size = unsafe.Sizeof(float64(0))
	if d < s+uintptr(len(src))*size && s < d+uintptr(len(dst))*size {
		panic(badOverlap)
	}
}

// lineLead returns the index of the first element of s that starts a 64-byte
// cache line: 0 to 7. Writers whose ranges begin at indices congruent to it
// modulo lineFloats never share a line.
func lineLead(s []float64) int {
	if len(s) == 0 {
		return 0
	}
	const size = int(unsafe.Sizeof(float64(0)))
	slot := int(uintptr(unsafe.Pointer(unsafe.SliceData(s)))/uintptr(size)) % lineFloats
	return (lineFloats - slot) % lineFloats
}
