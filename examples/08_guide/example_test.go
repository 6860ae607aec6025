package guide_test

import (
	"fmt"
	"os"
	"text/tabwriter"
	"time"
)

// # a. The tutorial's table, with a column for Go
//
// The tutorial's last table compares parallel processing with asynchronous
// programming on three rows: how it works, what it suits, which libraries.
// Go's column is the same for both kinds of work.
func Example_a_table() {
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "aspect\tparallel (Python)\tasynchronous (Python)\tGo")
	fmt.Fprintln(w, "how it works\tprocesses on several cores\tone thread, an event loop\tgoroutines on every core, free to block")
	fmt.Fprintln(w, "suited for\tCPU-bound work\tI/O-bound work\tboth")
	fmt.Fprintln(w, "libraries\tmultiprocessing, concurrent.futures\tasyncio, aiohttp, aiofiles\tparray and chunk; errgroup, os, net")
	w.Flush()
	// Output:
	// aspect        parallel (Python)                    asynchronous (Python)       Go
	// how it works  processes on several cores           one thread, an event loop   goroutines on every core, free to block
	// suited for    CPU-bound work                       I/O-bound work              both
	// libraries     multiprocessing, concurrent.futures  asyncio, aiohttp, aiofiles  parray and chunk; errgroup, os, net
}

// # b. The tour in one table
//
// Every construct of the tutorials, and what replaces it in Go, with the
// topic of this tour that shows it.
func Example_b_translations() {
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	for _, row := range [][3]string{
		{"Python", "Go", "topic"},
		{"Pool(4).map(f, xs)", "parray.Config{Workers: 4}.MapTo(dst, f, xs)", "01_poolmap"},
		{"pool.map(f, xs, chunksize=k)", "parray.Config{Grain: k}.MapTo(dst, f, xs)", "01_poolmap"},
		{"numexpr.evaluate('a*b + c')", "parray.Blocks(dst, loop, a, b, c)", "01_poolmap"},
		{"Process(target=f).start(); join()", "parray.For(n, body)", "02_process"},
		{"Value/Array with get_lock()", "parray.Sum, Count, Reduce: no sharing", "03_shared"},
		{"asyncio.gather(*tasks)", "errgroup.Group: Go, then Wait", "04_gather"},
		{"aiofiles.open(...).write(...)", "os.WriteFile on a goroutine", "05_files"},
		{"ThreadPoolExecutor().map(f, xs)", "parray.MapTo(dst, f, xs)", "06_executors"},
		{"ProcessPoolExecutor().map(f, xs)", "parray.MapTo(dst, f, xs), nothing pickled", "06_executors"},
		{"pool.map(f, np.array_split(a, k))", "chunk.Split, chunk.Slices, parray.For", "07_arraysplit"},
		{"np.concatenate(pieces)", "chunk.Join(nil, pieces...)", "07_arraysplit"},
		{"np.flatnonzero(x > t)", "parray.Find(nil, f, x, -1)", "07_arraysplit"},
		{"x.mean(), x.std(), np.histogram(x)", "parray.MeanStdDev, parray.Reduce", "09_analytics"},
		{"np.corrcoef(x, y)", "parray.ReduceRange over both", "09_analytics"},
	} {
		fmt.Fprintf(w, "%s\t%s\t%s\n", row[0], row[1], row[2])
	}
	w.Flush()
	// Output:
	// Python                              Go                                           topic
	// Pool(4).map(f, xs)                  parray.Config{Workers: 4}.MapTo(dst, f, xs)  01_poolmap
	// pool.map(f, xs, chunksize=k)        parray.Config{Grain: k}.MapTo(dst, f, xs)    01_poolmap
	// numexpr.evaluate('a*b + c')         parray.Blocks(dst, loop, a, b, c)            01_poolmap
	// Process(target=f).start(); join()   parray.For(n, body)                          02_process
	// Value/Array with get_lock()         parray.Sum, Count, Reduce: no sharing        03_shared
	// asyncio.gather(*tasks)              errgroup.Group: Go, then Wait                04_gather
	// aiofiles.open(...).write(...)       os.WriteFile on a goroutine                  05_files
	// ThreadPoolExecutor().map(f, xs)     parray.MapTo(dst, f, xs)                     06_executors
	// ProcessPoolExecutor().map(f, xs)    parray.MapTo(dst, f, xs), nothing pickled    06_executors
	// pool.map(f, np.array_split(a, k))   chunk.Split, chunk.Slices, parray.For        07_arraysplit
	// np.concatenate(pieces)              chunk.Join(nil, pieces...)                   07_arraysplit
	// np.flatnonzero(x > t)               parray.Find(nil, f, x, -1)                   07_arraysplit
	// x.mean(), x.std(), np.histogram(x)  parray.MeanStdDev, parray.Reduce             09_analytics
	// np.corrcoef(x, y)                   parray.ReduceRange over both                 09_analytics
}

// workload describes a piece of work for the guide.
type workload struct {
	name    string
	waits   bool          // spends its time waiting for files, the network, a device
	jobs    int           // independent jobs (1: one computation)
	n       int           // elements per job
	perElem time.Duration // CPU time per element, about
	reduces bool          // combines elements into a result (sum, mean, count)
}

// breakEven is about the least work for which going parallel pays on the
// 2-core development machine, where an idle core starts a goroutine 40 to
// 300 µs late. parray measures user functions against the same figure.
const breakEven = 300 * time.Microsecond

// choose is the decision guide as code.
func choose(w workload) string {
	work := time.Duration(w.n) * w.perElem
	switch {
	case w.waits && w.jobs > 1:
		return "errgroup: one goroutine per job, SetLimit to bound them; parray inside for big computations"
	case w.waits:
		return "a goroutine for the wait, errgroup to join it, computing meanwhile"
	case w.jobs > 1 && work < breakEven:
		return "parray.For over the job indices: ranges of jobs, no goroutine per job"
	case w.jobs > 1:
		return "one parray call per job, one job after another: each already uses every core"
	case work < breakEven:
		return "a plain loop: too small for goroutines (parray would run it inline)"
	case w.reduces:
		return "parray.Sum, Mean, MeanVariance or Reduce: the same bits on every run"
	case w.perElem < 3*time.Nanosecond:
		return "parray.Blocks with the loop inside: no call per element"
	default:
		return "parray.MapTo, or For"
	}
}

// # c. The guide, applied
//
// choose (in this file) is the decision guide of the package documentation
// as a function: given how a piece of work spends its time, how many
// independent jobs it has and how big they are, it names the tool. The cost
// figures are those measured on the 2-core development machine: an idle
// core starts a goroutine 40 to 300 µs late, so work under about 300 µs
// stays on one core; a call through a func value costs about 3 ns per
// element, so cheaper expressions go into a block loop.
func Example_c_decide() {
	for _, w := range []workload{
		{name: "exp of 10^6 readings", jobs: 1, n: 1e6, perElem: 5 * time.Nanosecond},
		{name: "a*b + c over 10^7 values", jobs: 1, n: 1e7, perElem: time.Nanosecond},
		{name: "variance of 10^7 values", jobs: 1, n: 1e7, perElem: time.Nanosecond, reduces: true},
		{name: "sum of 1000 values", jobs: 1, n: 1000, perElem: time.Nanosecond, reduces: true},
		{name: "10^4 small fits of 100 points", jobs: 10_000, n: 100, perElem: 50 * time.Nanosecond},
		{name: "3 big, independent statistics", jobs: 3, n: 1e7, perElem: time.Nanosecond, reduces: true},
		{name: "download a file", waits: true, jobs: 1},
		{name: "read 100 shards and sum them", waits: true, jobs: 100, n: 1e5, reduces: true},
	} {
		fmt.Printf("%s:\n    %s\n", w.name, choose(w))
	}
	// Output:
	// exp of 10^6 readings:
	//     parray.MapTo, or For
	// a*b + c over 10^7 values:
	//     parray.Blocks with the loop inside: no call per element
	// variance of 10^7 values:
	//     parray.Sum, Mean, MeanVariance or Reduce: the same bits on every run
	// sum of 1000 values:
	//     a plain loop: too small for goroutines (parray would run it inline)
	// 10^4 small fits of 100 points:
	//     parray.For over the job indices: ranges of jobs, no goroutine per job
	// 3 big, independent statistics:
	//     one parray call per job, one job after another: each already uses every core
	// download a file:
	//     a goroutine for the wait, errgroup to join it, computing meanwhile
	// read 100 shards and sum them:
	//     errgroup: one goroutine per job, SetLimit to bound them; parray inside for big computations
}
