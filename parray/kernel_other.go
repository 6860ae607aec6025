//go:build !amd64 || noasm || purego

package parray

// Without assembly, the kernels are their reference loops: the results are
// the same bits.

func sumLeaves(sums, x []float64) { sumLeavesGo(sums, x) }

func dotLeaves(sums, x, y []float64) { dotLeavesGo(sums, x, y) }
