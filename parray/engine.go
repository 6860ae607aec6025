package parray

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parnum/parnum/chunk"
)

// The engine: fork-join over contiguous ranges.
//
// A parallel call starts workers-1 goroutines and works itself; every worker
// claims the next range of [from, n) from one atomic index until none are
// left. The call returns only after every goroutine it started has returned.
// Workers write disjoint ranges and keep their running values in locals, so
// the only shared writes are the index and, on failure, the fault.
//
// Ranges are handed out by guided self-scheduling: each claim takes the
// remaining elements divided by 2*workers, but never fewer than a minimum. The
// first ranges are long (long memory streams, few claims); the last are short,
// so the workers finish within about one short range of each other. With equal
// ranges instead, the last range decides the end: measured on math.Exp over
// 2^20 values with 16 equal ranges, the two workers finished 0.6 to 1.1 ms
// apart in an 8 ms call.
//
// Ranges are claimed in increasing order, and a claimed range always runs to
// its end or to a fault. The ranges that ran therefore form a prefix of
// [from, n), whatever the timing, and the fault with the lowest index in that
// prefix is the one a sequential loop would have met first. That is the fault
// the call reports.

const lineFloats = chunk.LineFloats

// Engine constants. The figures are from BenchmarkEngine* in
// engine_bench_test.go on the 2-core development machine (AMD EPYC under
// Firecracker, Go 1.26).
const (
	// claimDivisor sets the guided hand-out: a claim takes the remaining
	// elements divided by claimDivisor*workers.
	claimDivisor = 2

	// probeFirst is the number of elements the first probe of a user
	// function runs before the clock is read. Calls on fewer than
	// 2*probeFirst elements run inline without reading the clock.
	probeFirst = 8

	// blockProbeFirst is probeFirst for Blocks, whose function is a loop
	// over a block rather than one element's work: probing it 8 elements at
	// a time cost more than the call at 1024 elements (a*b+c: 1.45-2.2 us
	// through the probes against 0.81 us for the loop itself).
	blockProbeFirst = 1024

	// probeTrusted is the probe time after which the engine trusts its
	// estimate of the cost per element: at least 50 times the cost of one
	// clock read (about 35 ns here).
	probeTrusted = 2 * time.Microsecond

	// minParallelWork is the least work left after the probe for which
	// starting goroutines pays. An idle core here is a halted virtual CPU:
	// a new goroutine starts running on it 40 to 300 us after it is made
	// (median about 100 us), and the call must wait for every goroutine it
	// started. BenchmarkEngineBreakEven, math.Exp forced onto 2 workers
	// against the sequential loop: 1.30x slower at 120 us of work, 1.20x
	// at 240 us, 1.04x faster at 480 us; break-even near 300 us. Again on
	// a quiet machine (make thresholds, -count 6, 2026-11-22): +27% at
	// 124 us, +12% at 224 us, -12% at 491 us. On a
	// machine whose idle cores wake in microseconds it could be ten times
	// smaller; set Config.Grain there.
	minParallelWork = 300 * time.Microsecond

	// minTaskWork is the least work per claimed range for user functions,
	// so that claiming a range costs well under 1% of running it.
	minTaskWork = 10 * time.Microsecond
)

// plan is the hand-out of a parallel loop over [from, n): claims of at least
// minSize elements, whose boundaries after from are congruent to lead modulo
// align (lead is the first index that starts a cache line of the destination
// when align is lineFloats; align 1 imposes nothing). A fixed plan hands out
// claims of exactly minSize elements (the last one shorter), which reductions
// need: their claims must be nodes of a fixed tree.
type plan struct {
	from, n        int
	minSize, align int
	lead           int
	fixed          bool
}

// rangeAfter returns the end of the range a worker claims when the next
// unclaimed index is lo < n, on w workers.
func (p *plan) rangeAfter(lo, w int) int {
	if p.fixed {
		return lo + min(p.minSize, p.n-lo)
	}
	size := max(p.minSize, (p.n-lo)/(claimDivisor*w))
	hi := lo + min(size, p.n-lo) // no overflow: hi <= n
	return alignUp(hi, p.lead, p.align, p.n)
}

// alignUp returns the least index >= i that is congruent to lead modulo
// align, or n if there is none before n.
func alignUp(i, lead, align, n int) int {
	if align == 1 {
		return i
	}
	if i > n-align {
		return n
	}
	return i + ((lead-i)%align+align)%align
}

// faultKind says how a task failed.
type faultKind uint8

const (
	noFault  faultKind = iota
	errored            // the function returned an error
	panicked           // the function panicked
	exited             // the function called runtime.Goexit
)

// fault is the earliest failure of a call, in index order.
type fault struct {
	kind  faultKind
	lo    int    // first index of the range that failed
	err   error  // errored
	value any    // panicked: the original panic value
	stack []byte // panicked: the stack where it panicked
}

// team runs one parallel call.
type team struct {
	plan
	workers int
	body    func(lo, hi int) error
	done    <-chan struct{} // closed when the call is canceled; nil if it cannot be

	next atomic.Int64 // the first unclaimed index
	stop atomic.Bool  // set on the first fault or cancellation
	wg   sync.WaitGroup

	mu    sync.Mutex
	fault fault
}

// run executes body over the ranges of p on at most w workers, the caller
// included, and returns when every worker has returned. It reports the
// earliest fault and whether every range ran.
func run(p plan, w int, done <-chan struct{}, body func(lo, hi int) error) (f fault, complete bool) {
	// More helpers than minimum-size ranges would find nothing to do; the
	// hand-out divides the work among the workers that do start.
	helpers := min(w, (p.n-p.from-1)/p.minSize+1) - 1
	t := &team{plan: p, workers: helpers + 1, body: body, done: done}
	t.next.Store(int64(p.from))
	t.wg.Add(helpers)
	for range helpers {
		go t.help()
	}
	t.work(true)
	t.wg.Wait()
	return t.fault, t.fault.kind == noFault && t.next.Load() >= int64(p.n)
}

func (t *team) help() {
	defer t.wg.Done()
	t.work(false)
}

// claim returns the next range, or false once the elements are exhausted, a
// fault has stopped hand-out or the call has been canceled.
func (t *team) claim() (lo, hi int, ok bool) {
	for {
		if t.stop.Load() {
			return 0, 0, false
		}
		if t.done != nil {
			select {
			case <-t.done:
				t.stop.Store(true)
				return 0, 0, false
			default:
			}
		}
		next := t.next.Load()
		if next >= int64(t.n) {
			return 0, 0, false
		}
		lo = int(next)
		hi = t.rangeAfter(lo, t.workers)
		if t.next.CompareAndSwap(next, int64(hi)) {
			return lo, hi, true
		}
	}
}

// work claims and runs ranges until none are left. A panic in body is
// recovered and recorded with its stack; runtime.Goexit is recorded too. When
// the caller's own goroutine exits through Goexit, it joins the helpers
// before it goes, so that no goroutine outlives the call, and raises the
// panic of an earlier range if there was one.
func (t *team) work(caller bool) {
	lo, finished := 0, false
	defer func() {
		if finished {
			return
		}
		if v := recover(); v != nil {
			t.record(fault{kind: panicked, lo: lo, value: v, stack: debug.Stack()})
			return
		}
		t.record(fault{kind: exited, lo: lo})
		if caller {
			t.wg.Wait()
			// No deferred call can stop a Goexit. But if a range
			// before the caller's panicked, the sequential loop would
			// have panicked there and never reached the Goexit: raise
			// that panic, so that it is not lost. A recover above sees
			// it; the goroutine then goes on exiting.
			if t.fault.kind == panicked {
				t.fault.raise()
			}
		}
	}()
	for {
		var hi int
		var ok bool
		lo, hi, ok = t.claim()
		if !ok {
			break
		}
		if err := t.body(lo, hi); err != nil {
			t.record(fault{kind: errored, lo: lo, err: err})
			break
		}
	}
	finished = true
}

// record stops hand-out and keeps f if it is the earliest fault so far.
func (t *team) record(f fault) {
	t.stop.Store(true)
	t.mu.Lock()
	if t.fault.kind == noFault || f.lo < t.fault.lo {
		t.fault = f
	}
	t.mu.Unlock()
}

// raise re-raises f on the caller's goroutine: the original panic value, or
// runtime.Goexit, or returns the error.
func (f *fault) raise() error {
	switch f.kind {
	case panicked:
		(&workerPanic{f.value, f.stack}).raise()
	case exited:
		runtime.Goexit()
	case errored:
		return f.err
	}
	return nil
}

// workerPanic carries a panic from the goroutine where it happened to the
// caller's goroutine, together with the stack at the point of the panic.
type workerPanic struct {
	value any
	stack []byte
}

func (p *workerPanic) Error() string {
	return fmt.Sprintf("parray: panic in a parallel task: %v\n\n%s", p.value, p.stack)
}

// raise panics with the original value, so that recover and mat.Maybe see
// exactly what the sequential loop would have raised. The stack of the task
// that panicked would be lost with a plain panic(p.value): the caller's stack
// is not where the fault was. So raise first panics with p itself, recovers it
// in a deferred call and panics with the original value from there. The first
// panic stays on the goroutine's panic chain, and if nothing recovers, the
// runtime prints the chain: p's message (the task's stack) marked
// [recovered], then the original value with the caller's stack.
func (p *workerPanic) raise() {
	defer func() {
		recover()
		panic(p.value)
	}()
	panic(p)
}

// errCanceled marks a call that stopped because its context was done; the
// exported function returns the context's error in its place.
var errCanceled = errors.New("parray: canceled")

// clock reads the monotonic clock: about 35 ns here, against 60 ns for
// time.Now.
func clock() time.Duration { return time.Since(epoch) }

var epoch = time.Now()

// adaptive runs body over [0, n) for a user function of unknown cost, on the
// workers of c. lead is the line lead of the destination (0 if none); done is
// nil unless the call can be canceled. It returns body's earliest error, or
// errCanceled, and re-raises a panic or Goexit from a worker.
//
// With Grain zero, the caller runs a first probe of first elements, then
// probes four times longer, until either the estimated rest is below
// minParallelWork (the rest then runs inline) or the probes have run for
// probeTrusted (the rest is then handed out in ranges of at least
// minTaskWork). Probes end on cache lines of the destination. A call that can
// be canceled never runs the rest inline: it is handed out in ranges, on the
// caller alone if need be, so that cancellation is seen between ranges.
func (c Config) adaptive(n, lead, first int, done <-chan struct{}, body func(lo, hi int) error) error {
	if n == 0 {
		return nil
	}
	if isDone(done) {
		return errCanceled
	}
	w := c.workers()
	if c.Grain > 0 {
		if (w == 1 || n < 2*c.Grain) && done == nil {
			return body(0, n)
		}
		return finish(run(lineplan(0, n, c.Grain, lead), w, done, body))
	}
	if n < 2*first || (w == 1 && done == nil) {
		return body(0, n)
	}

	from, step := 0, first
	t0 := clock()
	var elapsed time.Duration
	for {
		end := alignUp(from+min(step, n-from), lead, lineFloats, n)
		if err := body(from, end); err != nil {
			return err
		}
		from = end
		if from == n {
			return nil
		}
		if isDone(done) {
			return errCanceled
		}
		elapsed = clock() - t0
		rest := float64(elapsed) * float64(n-from) / float64(from)
		if rest < float64(minParallelWork) && done == nil {
			return body(from, n)
		}
		if elapsed >= probeTrusted {
			break
		}
		step = min(step*4, n)
	}
	perElem := float64(elapsed) / float64(from)
	minSize := int(min(float64(minTaskWork)/perElem, float64(n-from))) + 1
	return finish(run(lineplan(from, n, minSize, lead), w, done, body))
}

// lineplan returns the plan over [from, n) with ranges of at least minSize
// elements that end on the cache lines of a destination whose first line
// starts at index lead. Ranges shorter than a line are not aligned.
func lineplan(from, n, minSize, lead int) plan {
	if minSize < lineFloats {
		return plan{from: from, n: n, minSize: minSize, align: 1}
	}
	return plan{from: from, n: n, minSize: minSize, align: lineFloats, lead: lead}
}

// serial reports whether a built-in operation on n elements runs inline on
// the caller, and otherwise how many workers it runs on. It runs inline below
// minPar elements, the operation's measured threshold (with a positive Grain,
// below two grains), or when there is one worker; GOMAXPROCS is read only
// for calls at or above the threshold. Built-in operations decide this before
// they build any closure, so an inline call allocates nothing.
func (c Config) serial(n, minPar int) (w int, inline bool) {
	if c.Grain > 0 {
		minPar = 2 * c.Grain
	}
	if n < minPar {
		return 1, true
	}
	w = c.workers()
	return w, w == 1
}

// split runs body, a built-in operation's kernel, over [0, n) on w workers
// in ranges of at least minSize elements (Grain, if set) whose boundaries
// start cache lines of the destination (lead; see lineLead).
func (c Config) split(w, n, lead, minSize int, body func(lo, hi int)) {
	if c.Grain > 0 {
		minSize = c.Grain
	}
	f, _ := run(lineplan(0, n, minSize, lead), w, nil, func(lo, hi int) error {
		body(lo, hi)
		return nil
	})
	f.raise()
}

// finish turns the outcome of run into the call's result.
func finish(f fault, complete bool) error {
	if err := f.raise(); err != nil {
		return err
	}
	if !complete {
		return errCanceled
	}
	return nil
}

func isDone(done <-chan struct{}) bool {
	if done == nil {
		return false
	}
	select {
	case <-done:
		return true
	default:
		return false
	}
}
