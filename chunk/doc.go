// Package chunk cuts index spaces and vectors into contiguous pieces and puts
// pieces back together. It is how parnum decides who works on what; it starts
// no goroutines and does no arithmetic on the elements themselves.
//
// # Ranges
//
// A [Range] is the half-open interval of indices [Lo, Hi). Every function that
// cuts returns ranges that are non-empty, ordered, disjoint and that exactly
// cover [0, n): splitting n == 0 gives no ranges at all.
//
//   - [Split] cuts n into at most p ranges whose lengths differ by at most one,
//     the longer ones first: the semantics of numpy.array_split.
//   - [Aligned] is [Split] with every inner boundary moved to a multiple of an
//     alignment, so that parallel writers of a []float64 that starts on a cache
//     line never write to the same line ([LineFloats] float64 values per line).
//   - [Blocks] cuts n into fixed-size blocks, the last one shorter. The grid
//     depends on n and the block size alone, never on how many workers there
//     are: it is the basis of parnum's deterministic reductions.
//
// [Part], [AlignedPart] and [Block] return one range of the same cuts without
// allocating; [NumBlocks] counts the blocks.
//
// # Pieces
//
// [Slice] and [Slices] return sub-slices of any slice type. They are clipped:
// the capacity of each piece ends where the piece ends (three-index slicing), so
// an append to one piece can never overwrite the next. [Vec] and [Vecs] do the
// same for a *mat.VecDense: each piece is a view that shares memory with the
// vector, honours its increment and has no spare capacity.
//
// [Join] is the inverse: it appends pieces of any lengths, in order, to a
// destination, growing it at most once. It reassembles the results of work whose
// pieces do not keep their lengths, such as the survivors of a filter.
//
// # Panics
//
// Bad arguments (a negative length, fewer than one part, a block size or an
// alignment below one, an index out of range, a nil vector or one whose raw
// data does not hold its length) panic with a message that starts with
// "chunk: ". All arithmetic is exact for n up to math.MaxInt.
package chunk
