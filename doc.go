// Package parnum makes numeric work on gonum vectors use every core.
//
// Analytics code in Go keeps its numbers in []float64 and *mat.VecDense and
// calls gonum's floats and stat, or loops of its own. parnum runs the same
// work on all cores, with the answers of the sequential code, and with none
// of the goroutines, locks or chunk arithmetic in the caller's code. It is
// the Go counterpart of what Python users build from multiprocessing.Pool.map
// and numpy.array_split, concurrent.futures and numexpr: one process, shared
// memory, no pickling, and a cost per call of microseconds.
//
// This package holds only documentation. The code is in two packages:
//
//   - [github.com/parnum/parnum/chunk] cuts work into pieces: index ranges,
//     balanced splits (numpy.array_split), cache-line-aligned splits, fixed
//     block grids, clipped sub-slices and *mat.VecDense views, and the
//     reassembly of pieces of different lengths.
//   - [github.com/parnum/parnum/parray] runs the pieces in parallel: the
//     element-wise operations of gonum's floats under their own names
//     (parray.AddTo, parray.Scale, ...), deterministic and accurate
//     reductions (parray.Sum, parray.Dot, parray.Norm,
//     parray.MeanVariance, generic parray.Reduce), scans, their
//     *mat.VecDense variants, user functions applied element-wise or
//     block-wise (parray.MapTo, parray.Blocks) and range loops
//     (parray.For, parray.ForCtx), all on one fork-join engine.
//
// The examples folder is a tour from Python's parallel toolbox
// (multiprocessing, concurrent.futures, asyncio, numpy.array_split) to
// parnum, one runnable notebook cell at a time; the bench module measures
// parnum against sequential gonum, the Go alternatives and numpy, numexpr
// and rayon.
//
// Imports point one way: parray uses chunk, chunk uses gonum's mat.
//
// # Conventions
//
// Names and argument order follow gonum's floats: the destination is called
// dst and comes first; a To suffix means the result goes to a caller-supplied
// dst, which is returned, and the plain name works in place. Every parallel
// function says in its documentation what sequential code it is equivalent
// to. Every call returns only after all of its goroutines have finished;
// there is nothing to start, stop or close, and calls may nest.
//
// # Determinism
//
// Element-wise results are exactly those of the sequential loop, bit for bit.
// Reductions return the same bits for the same values whatever the number of
// workers, GOMAXPROCS, the processor or where the slice starts in memory:
// the work is cut by a grid that depends on the length alone and combined by
// a fixed pairwise tree. Where a result is a single fault (a panic value, an
// error), parray reports the one the sequential loop would have met first,
// whichever goroutine met it first in time.
//
// # Aliasing
//
// A destination may be exactly one of its inputs (the same first element and
// length); the function then works in place. A destination that shares only
// part of an input's memory panics.
//
// # Panics and errors
//
// Misuse (slices of different lengths, a negative count, a partially
// overlapping destination) panics on the caller's goroutine, before any
// element is written and before any goroutine starts, with a message that
// starts with "parray: " or "chunk: ". A panic inside a user function is
// raised again on the caller with its original value, after every other
// range has finished. Outcomes that depend on the data are errors.
package parnum
