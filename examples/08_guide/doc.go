// Package guide is the eighth topic of the parnum tour: the tutorials'
// closing table, "parallel versus asynchronous", redrawn for Go, and a
// decision guide.
//
// The tutorial ends with a table (작업 방식 / 적용 대상 / 대표 라이브러리:
// how it works, what it suits, its libraries): parallel processing runs on
// several CPU cores at once and suits CPU-bound work (multiprocessing,
// concurrent.futures); asynchronous programming runs tasks on one thread
// and suits I/O-bound work (asyncio, aiohttp, aiofiles). In Python the two
// are different tools because of the interpreter lock: only processes
// compute in parallel, and only an event loop waits cheaply.
//
// In Go one tool does both. Goroutines run on every core and may block;
// while one waits for a file or the network, the others compute. What is
// left to decide is how much structure to put on them:
//
//   - Element-wise work and reductions over a []float64 or a *mat.VecDense
//     (CPU-bound, data-parallel): a parray call. MapTo for a function per
//     element; Blocks for cheap expressions or several inputs (a*b + c);
//     Sum, Dot, Mean, MeanVariance, Reduce for results that combine, the same
//     bits on every run; For and ForCtx for any other loop over an index.
//   - Small vectors: a plain loop. Starting a goroutine on an idle core here
//     costs 40 to 300 µs; parray knows, and runs calls that are too small
//     inline on the caller, so calling it costs nothing but is not needed.
//   - Independent jobs that wait (I/O-bound), or a few different CPU-bound
//     jobs: goroutines of an errgroup.Group; WithContext to cancel the rest
//     on the first error; SetLimit to bound how many run at once. A
//     CPU-bound job may use parray inside; since each parray call already
//     uses every core, running big CPU-bound jobs concurrently buys nothing.
//   - Many small CPU-bound jobs of one kind (ten thousand small fits):
//     parray.For over the job indices, which hands out ranges of jobs rather
//     than a goroutine per job.
//   - Overlapping I/O with computation: an errgroup with one goroutine per
//     side and a channel between them (the fifth topic).
//   - Shared counters or accumulators updated by many goroutines: avoid
//     them; reduce into locals and combine once (the third topic).
//
// The cells print the table, the tour's translations, and the guide's
// answer for a few typical workloads.
//
// Run the cells with
//
//	go test -v ./examples/08_guide
package guide
