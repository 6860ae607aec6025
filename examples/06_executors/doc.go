// Package executors is the sixth topic of the parnum tour: Python's
// concurrent.futures, ThreadPoolExecutor.map and ProcessPoolExecutor.map,
// and why Go needs neither a thread pool nor a process pool.
//
// In Python, an executor maps a function over arguments on a pool:
//
//	with ThreadPoolExecutor() as executor:
//	    results = list(executor.map(square, numbers))
//	with ProcessPoolExecutor() as executor:
//	    results = list(executor.map(cube, numbers))
//
// Threads share memory, but CPython's global interpreter lock lets only one
// of them run Python code at a time, so a thread pool speeds up waiting, not
// computing. Processes compute in parallel, but each has its own memory:
// every argument and every result is pickled, sent through a pipe and
// unpickled, and a function that cannot be pickled (a lambda, a closure)
// cannot be sent at all.
//
// Go has one kind of worker, the goroutine, which has neither limit: all
// goroutines share the process's memory and run on every core at once. So
// the executor's job, a map over arguments with results in order, is a
// parray call: [parray.MapTo] for float64 values, [parray.For] over the
// indices of any slice, with [parray.Config] in place of the executor's
// max_workers and chunksize.
//
// The cells, in order:
//
//   - a: ThreadPoolExecutor.map(square, numbers).
//   - b: ProcessPoolExecutor.map(cube, numbers), and what is not pickled.
//   - c: max_workers and chunksize as Config; no shutdown.
//   - d: executor.map over arbitrary objects: For over indices.
//   - e: the first exception, in input order.
//   - f: tasks that use the pool themselves: no deadlock.
//
// Run the cells with
//
//	go test -v ./examples/06_executors
package executors
