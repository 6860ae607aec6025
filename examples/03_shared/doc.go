// Command shared is the third topic of the parnum tour: Python's shared
// memory, multiprocessing.Value and Array with a lock, and why parallel
// numeric code is faster with no sharing at all.
//
// In Python, processes share a counter through a Value and take its lock for
// every update:
//
//	with counter.get_lock():
//	    counter.value += 1
//
// Go's goroutines share all memory already, so the literal translation is a
// sync.Mutex (or an atomic) around a shared variable. It is correct, and for
// five increments it is fine. For a million it is slow: every update makes
// the cores pass the variable's cache line back and forth, and the more
// cores, the worse. The parallel way is to share nothing while working: each
// range counts or sums into its own local variable, and the partial results
// are combined once at the end. That is what parray's reductions do
// ([parray.Sum], [parray.Count], [parray.Reduce]), in a fixed order, so the
// result is also the same bits on every run, which a sum under a lock is
// not.
//
// The cells, in example_test.go:
//
//   - a: the tutorial's shared counter, with a sync.Mutex.
//   - b: the same with an atomic.
//   - c: a shared Array: a plain slice, written in disjoint ranges, no lock.
//   - d: counting with no sharing: a local count per range, parray.Count and
//     parray.Reduce.
//   - e: a reduction to a struct: count, sum and largest value in one pass.
//   - f: determinism: the same bits for any number of workers.
//
// Run the cells with
//
//	go test -v ./examples/03_shared
//
// and the measurement, which counts 2^22 readings six ways and prints how
// long each took, with
//
//	go run ./examples/03_shared
//
// Its timings depend on the machine and are not checked by the tests; the
// counts and sums it prints are.
package main
