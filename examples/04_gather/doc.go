// Package gather is the fourth topic of the parnum tour: Python's asyncio,
// async/await and asyncio.gather, replaced by goroutines and an errgroup.
//
// In Python, independent tasks are coroutines run together on one thread's
// event loop:
//
//	await asyncio.gather(task("A", 2), task("B", 1), task("C", 3))
//
// Go has no event loop and no async functions: every function may block,
// and blocking a goroutine blocks only that goroutine. A task is a function
// started with the Go method of an [errgroup.Group]; gather is its Wait,
// which waits for every task and returns the first error:
//
//	var g errgroup.Group
//	g.Go(func() error { return task("A", 2*time.Second) })
//	...
//	err := g.Wait()
//
// Unlike coroutines, goroutines also run on every core at once. That
// matters for the distinction the tutorials draw: asyncio helps I/O-bound
// work (tasks that wait) and not CPU-bound work (the event loop runs on one
// core). In Go, goroutines help both; and for CPU-bound numeric work each
// task can itself use every core through parray, with no goroutines of its
// own.
//
// The cells, in order:
//
//   - a: async def and await: a plain function that blocks.
//   - b: asyncio.gather: tasks that run at the same time, results in order.
//   - c: independent CPU-bound jobs, each using parray.
//   - d: I/O-bound and CPU-bound together: waiting while computing.
//   - e: the first error cancels the other tasks (errgroup.WithContext).
//   - f: at most k tasks at a time (SetLimit), like asyncio.Semaphore.
//
// Run the cells with
//
//	go test -v ./examples/04_gather
package gather
