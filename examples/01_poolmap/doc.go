// Package poolmap is the first topic of the parnum tour: Python's
// multiprocessing.Pool.map, done with parray.
//
// In Python, a pool of processes maps a function over a list:
//
//	with Pool(4) as pool:
//	    results = pool.map(square, [1, 2, 3, 4, 5])  # [1, 4, 9, 16, 25]
//
// In Go the list is a []float64 (or the data of a gonum *mat.VecDense), the
// pool is the set of cores, and the call is [parray.MapTo]:
//
//	parray.MapTo(results, square, numbers)
//
// There is no pool to open or close: the call cuts the slice into ranges,
// runs them on every core, and returns when they are done. Nothing is copied
// to a worker and back, because goroutines share the process's memory; the
// result is the same bits as the sequential loop.
//
// The cells, in order:
//
//   - a: the tutorial's pool.map(square, numbers), one call.
//   - b: a million elements: the same bits as the loop, on every core.
//   - c: Pool(4) and chunksize become Config{Workers, Grain}.
//   - d: cheap functions run faster as a block loop (Blocks), and a*b + c in
//     one pass.
//   - e: in place, and on a *mat.VecDense.
//
// Run the cells with
//
//	go test -v ./examples/01_poolmap
//
// The code of each cell, and the output it must print, are in
// example_test.go.
package poolmap
