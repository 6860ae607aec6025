//go:build !noasm && !purego

package parray

// kernelVariants are the kernels this machine can run, each checked against
// the reference loops: SSE2 always, AVX where the processor has it.
func kernelVariants() []kernelVariant {
	vs := []kernelVariant{{"SSE2", sumLeavesSSE2, dotLeavesSSE2}}
	if haveAVX {
		vs = append(vs, kernelVariant{"AVX", sumLeavesAVX, dotLeavesAVX})
	}
	return vs
}
