// Package arraysplit is the seventh topic of the parnum tour: numpy's
// array_split followed by Pool.map, replaced by chunk and parray.
//
// In Python, an array is cut into pieces and the pieces are mapped on a
// pool of processes:
//
//	data_chunks = np.array_split(data, num_chunks)
//	results = pool.map(worker_function, data_chunks)
//
// [chunk.Split] is array_split's cut, as index ranges; [chunk.Slices] turns
// the ranges into sub-slices that share the array's memory (no copies sent to
// workers), and [chunk.Vecs] into views of a *mat.VecDense. parray then runs
// the pieces in parallel. Often the split is not needed at all: a parray
// call cuts its input itself, and for results that combine (sums, means,
// counts) one call replaces the whole split-map-combine.
//
// When each piece gives a result of a different length (the survivors of a
// filter), [chunk.Join] reassembles them in order, and [parray.Find] does
// the common case, the indices of the matching elements, in one call.
//
// The cells, in order:
//
//   - a: np.array_split as chunk.Split and chunk.Slices.
//   - b: pool.map(worker_function, data_chunks): one result per piece.
//   - c: no split at all: one parray call.
//   - d: a filter: pieces of different lengths, joined with chunk.Join.
//   - e: the indices of matching elements: parray.Find.
//   - f: pieces of a *mat.VecDense, strided views included.
//
// Run the cells with
//
//	go test -v ./examples/07_arraysplit
package arraysplit
