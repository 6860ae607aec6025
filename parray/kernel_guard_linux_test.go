package parray

import (
	"syscall"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
)

// TestKernelsStayInBounds places slices so that they end exactly where an
// inaccessible page begins: a kernel that reads one element past the end of
// its slice (a full-width load in a partial group) crashes the test.
func TestKernelsStayInBounds(t *testing.T) {
	page := syscall.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, 2*page, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	require.NoError(t, err)
	defer syscall.Munmap(mem)
	require.NoError(t, syscall.Mprotect(mem[page:], syscall.PROT_NONE))
	all := unsafe.Slice((*float64)(unsafe.Pointer(&mem[0])), page/8)
	for i := range all {
		all[i] = float64(i%13) - 6
	}
	for _, kv := range kernelVariants() {
		for n := 0; n <= min(len(all), leafLen+40); n++ {
			x := all[len(all)-n:]
			got, want := make([]float64, leaves(n)), make([]float64, leaves(n))
			kv.sum(got, x)
			sumLeavesGo(want, x)
			require.Equal(t, want, got, "%s sum n=%d", kv.name, n)
			kv.dot(got, x, x)
			dotLeavesGo(want, x, x)
			require.Equal(t, want, got, "%s dot n=%d", kv.name, n)
		}
	}
}
