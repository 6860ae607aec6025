// Package process is the second topic of the parnum tour: Python's
// multiprocessing.Process, start and join, replaced by a range loop.
//
// In Python, a process runs a function, and the parent waits for it:
//
//	process = Process(target=print_numbers)
//	process.start(); process.join()
//
// Go's counterpart of one process is one goroutine, and of join a
// sync.WaitGroup. For numeric work over n elements you would start one
// goroutine per core, give each a slice of [0, n), join them all, and carry
// any panic back to the caller yourself. [parray.For] does all of that:
//
//	parray.For(n, func(lo, hi int) { ... work on [lo, hi) ... })
//
// The call cuts [0, n) into ranges, hands them out to the workers, works
// itself, returns when every range has run (the join), and raises a panic
// from any range again on the caller with its original value, so recover
// and gonum's mat.Maybe work as they do around a plain loop.
// [parray.ForCtx] adds errors and cancellation.
//
// The cells, in order:
//
//   - a: the tutorial's Process start/join, as a goroutine and a WaitGroup.
//   - b: the range loop, For: start and join in one call.
//   - c: what the engine does: the ranges it hands out.
//   - d: a panic in a range reaches the caller with its original value.
//   - e: mat.Maybe works through For.
//   - f: errors and cancellation with ForCtx.
//
// Run the cells with
//
//	go test -v ./examples/02_process
package process
