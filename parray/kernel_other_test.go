//go:build !amd64 || noasm || purego

package parray

func kernelVariants() []kernelVariant {
	return []kernelVariant{{"reference", sumLeaves, dotLeaves}}
}
