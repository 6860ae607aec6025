package parray

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
	"gonum.org/v1/gonum/mat"
)

// faultConfigs force the parallel path (a positive Grain) on several worker
// counts, so that faults happen in helpers as well as on the caller.
func faultConfigs() []Config {
	var cs []Config
	for _, w := range testWorkers {
		cs = append(cs, Config{Workers: w, Grain: 16})
	}
	return cs
}

// indexPanic is the panic value of element i in the panic tests.
type indexPanic int

// userEntry is an entry point that calls a user function. run calls it with
// c on n elements whose values are their indices; the user function calls
// visit(lo, hi) with the indices [lo, hi) it is given (one element, a
// range or a block) before it uses them, so that a test can make it fail
// at chosen indices.
type userEntry struct {
	name string
	run  func(c Config, n int, visit func(lo, hi int))
}

// indices returns the n values 0, 1, ..., n-1.
func indices(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(i)
	}
	return x
}

// visitOne is an element function that visits its element's index.
func visitOne(visit func(lo, hi int)) func(float64) float64 {
	return func(v float64) float64 {
		visit(int(v), int(v)+1)
		return v
	}
}

// visitBlock visits the indices that a block of indices holds.
func visitBlock(visit func(lo, hi int), b []float64) {
	visit(int(b[0]), int(b[len(b)-1])+1)
}

var userEntries = []userEntry{
	{"Map", func(c Config, n int, visit func(lo, hi int)) { c.Map(indices(n), visitOne(visit)) }},
	{"MapTo", func(c Config, n int, visit func(lo, hi int)) {
		c.MapTo(make([]float64, n), visitOne(visit), indices(n))
	}},
	{"Zip", func(c Config, n int, visit func(lo, hi int)) {
		c.Zip(indices(n), func(x, y float64) float64 { return visitOne(visit)(x) }, indices(n))
	}},
	{"ZipTo", func(c Config, n int, visit func(lo, hi int)) {
		c.ZipTo(make([]float64, n), func(x, y float64) float64 { return visitOne(visit)(y) }, indices(n), indices(n))
	}},
	{"Blocks", func(c Config, n int, visit func(lo, hi int)) {
		c.Blocks(make([]float64, n), func(_ []float64, src ...[]float64) { visitBlock(visit, src[0]) }, indices(n))
	}},
	{"For", func(c Config, n int, visit func(lo, hi int)) { c.For(n, visit) }},
	{"ForCtx", func(c Config, n int, visit func(lo, hi int)) {
		err := c.ForCtx(context.Background(), n, func(lo, hi int) error { visit(lo, hi); return nil })
		if err != nil {
			panic(err)
		}
	}},
	{"Reduce", func(c Config, n int, visit func(lo, hi int)) {
		ReduceWith(c, indices(n), func(b []float64) int { visitBlock(visit, b); return 0 }, func(a, b int) int { return a + b })
	}},
	{"ReduceRange", func(c Config, n int, visit func(lo, hi int)) {
		ReduceRangeWith(c, n, func(lo, hi int) int { visit(lo, hi); return 0 }, func(a, b int) int { return a + b })
	}},
	{"Count", func(c Config, n int, visit func(lo, hi int)) {
		c.Count(func(v float64) bool { visitOne(visit)(v); return false }, indices(n))
	}},
	{"Find", func(c Config, n int, visit func(lo, hi int)) {
		if _, err := c.Find(nil, func(v float64) bool { visitOne(visit)(v); return false }, indices(n), -1); err != nil {
			panic(err)
		}
	}},
}

// faultN is the length the fault tests run at: five blocks of Reduce, so
// that every entry point goes parallel with faultConfigs.
const faultN = 5*ReduceBlock + 3

// recovered runs f and returns the value it panicked with, or nil.
func recovered(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

// TestPanicLowestIndex makes the user function of every entry point panic,
// with its index, at the first index from p on that it is given: at p only,
// or at every index from p on, so that several ranges panic at once. The
// sequential loop panics at p, and so must the parallel call, whichever
// worker got there first: p in the first, a middle and the last range.
// No goroutine may be left behind.
func TestPanicLowestIndex(t *testing.T) {
	before := goleak.IgnoreCurrent()
	for _, e := range userEntries {
		for _, c := range faultConfigs() {
			for _, p := range []int{0, 1, faultN / 2, faultN - 17, faultN - 1} {
				for _, several := range []bool{false, true} {
					got := recovered(func() {
						e.run(c, faultN, func(lo, hi int) {
							if lo <= p && p < hi || several && hi > p {
								panic(indexPanic(max(lo, p)))
							}
						})
					})
					assert.Equal(t, indexPanic(p), got, "%s workers=%d p=%d several=%v", e.name, c.Workers, p, several)
				}
			}
		}
		goleak.VerifyNone(t, before)
	}
}

// TestPanicMatMaybe checks that mat.Maybe turns a mat.ErrShape panic inside
// the user function of every entry point into the error the sequential loop
// gives.
func TestPanicMatMaybe(t *testing.T) {
	a := mat.NewVecDense(3, nil)
	b := mat.NewVecDense(4, nil)
	shape := func() {
		var v mat.VecDense
		v.AddVec(a, b) // panics with mat.ErrShape
	}
	var want mat.ErrorStack
	require.ErrorAs(t, mat.Maybe(shape), &want)
	require.Equal(t, mat.ErrShape, want.Err)
	for _, e := range userEntries {
		for _, c := range faultConfigs() {
			for _, p := range []int{0, faultN / 2, faultN - 1} {
				err := mat.Maybe(func() {
					e.run(c, faultN, func(lo, hi int) {
						if lo <= p && p < hi {
							shape()
						}
					})
				})
				var got mat.ErrorStack
				require.ErrorAs(t, err, &got, "%s workers=%d p=%d", e.name, c.Workers, p)
				assert.Equal(t, want.Err, got.Err)
			}
		}
	}
}

// TestPanicRuntimeError checks that a runtime error keeps its type.
func TestPanicRuntimeError(t *testing.T) {
	var short []float64
	for _, c := range faultConfigs() {
		got := func() (r any) {
			defer func() { r = recover() }()
			c.For(1000, func(lo, hi int) { short[hi-1] = 1 })
			return nil
		}()
		var re runtime.Error
		require.ErrorAs(t, got.(error), &re, "workers=%d", c.Workers)
		assert.Contains(t, re.Error(), "index out of range")
	}
}

// TestPanicInline checks the inline path: a panic on a call too small to be
// parallel propagates as from the sequential loop.
func TestPanicInline(t *testing.T) {
	assert.PanicsWithValue(t, "small", func() {
		MapTo(make([]float64, 3), func(float64) float64 { panic("small") }, make([]float64, 3))
	})
}

// TestPanicJoinsWorkers checks that no range is still running when the panic
// reaches the caller: every range that started has finished.
func TestPanicJoinsWorkers(t *testing.T) {
	for _, c := range faultConfigs() {
		var running atomic.Int32
		func() {
			defer func() {
				recover()
				assert.Zero(t, running.Load(), "workers=%d: a range outlived the call", c.Workers)
			}()
			c.For(2000, func(lo, hi int) {
				running.Add(1)
				defer running.Add(-1)
				if lo > 0 {
					panic("boom")
				}
				time.Sleep(time.Millisecond) // range 0 is still running when the others panic
			})
		}()
	}
}

// TestPanicStackPrinted runs a crashing program (this test binary, re-run)
// and checks that its crash report shows the stack of the user function that
// panicked in a worker, and then the original value.
func TestPanicStackPrinted(t *testing.T) {
	if os.Getenv("PARRAY_CRASH") == "1" {
		crashInWorker()
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPanicStackPrinted$")
	cmd.Env = append(os.Environ(), "PARRAY_CRASH=1")
	out, err := cmd.CombinedOutput()
	require.Error(t, err, "the program must crash")
	report := string(out)
	assert.Contains(t, report, "parray: panic in a parallel task: deliberate crash")
	assert.Contains(t, report, "parray.crashingUserFunction", "the worker's stack is in the report")
	assert.Contains(t, report, "[recovered")
	assert.Contains(t, report, "panic: deliberate crash", "the original value is raised again")
}

func crashInWorker() {
	Config{Workers: 2, Grain: 16}.For(1000, func(lo, hi int) {
		if hi == 1000 {
			crashingUserFunction()
		}
	})
}

func crashingUserFunction() { panic("deliberate crash") }

// TestGoexit checks that runtime.Goexit in the user function of every entry
// point (t.FailNow does it) ends the caller's goroutine after the other
// ranges have finished, whether it happens on the caller's own range or on
// a helper's, in the first, a middle or the last range, and leaves no
// goroutine behind.
func TestGoexit(t *testing.T) {
	before := goleak.IgnoreCurrent()
	for _, e := range userEntries {
		for _, c := range faultConfigs() {
			for _, at := range []int{0, faultN / 2, faultN - 1} {
				var wg sync.WaitGroup
				var returned, deferred atomic.Bool
				var running atomic.Int32
				wg.Add(1)
				go func() {
					defer wg.Done()
					defer func() {
						deferred.Store(true)
						assert.Zero(t, running.Load(), "%s: a range outlived the call", e.name)
					}()
					e.run(c, faultN, func(lo, hi int) {
						running.Add(1)
						defer running.Add(-1)
						if lo <= at && at < hi {
							runtime.Goexit()
						}
					})
					returned.Store(true)
				}()
				wg.Wait()
				assert.True(t, deferred.Load())
				assert.False(t, returned.Load(), "%s workers=%d at=%d: returned after Goexit", e.name, c.Workers, at)
			}
		}
		goleak.VerifyNone(t, before)
	}
}

// goroutineID returns the id of the calling goroutine, from the first line
// of its stack ("goroutine 7 [running]:"), so that a test can tell the
// caller's ranges from the helpers'.
func goroutineID() string {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	return string(bytes.Fields(buf)[1])
}

// TestGoexitAfterEarlierPanic makes the caller's own range call Goexit while
// a helper's earlier range panics. The sequential loop meets the panic
// first, so the panic must reach the caller's deferred calls, not vanish in
// the Goexit; the goroutine then goes on exiting, as nothing can stop a
// Goexit.
func TestGoexitAfterEarlierPanic(t *testing.T) {
	for range 3 {
		var wg sync.WaitGroup
		var recovered any
		var returned bool
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { recovered = recover() }()
			caller := goroutineID()
			claimed, exiting := make(chan struct{}), make(chan struct{})
			callerRanges := 0
			Config{Workers: 2, Grain: 16}.For(1000, func(lo, hi int) {
				if goroutineID() != caller {
					// The helper's one range: claimed before the
					// caller's second, it panics after the Goexit.
					close(claimed)
					<-exiting
					panic(indexPanic(lo))
				}
				callerRanges++
				if callerRanges == 1 {
					<-claimed
					return
				}
				close(exiting)
				runtime.Goexit()
			})
			returned = true
		}()
		wg.Wait()
		require.IsType(t, indexPanic(0), recovered, "the helper's panic was lost")
		assert.False(t, returned, "For returned after Goexit")
	}
}

// TestErrorLowestIndex makes every range that reaches index p fail with the
// first failing index. The result must be the error for p: the error the
// sequential loop returns.
func TestErrorLowestIndex(t *testing.T) {
	const n = 1000
	for _, c := range faultConfigs() {
		for _, p := range []int{0, 300, n - 1} {
			err := c.ForCtx(context.Background(), n, func(lo, hi int) error {
				if hi > p {
					return fmt.Errorf("failed at %d", max(lo, p))
				}
				return nil
			})
			assert.EqualError(t, err, fmt.Sprintf("failed at %d", p), "workers=%d", c.Workers)
		}
	}
}

// TestErrorStopsHandOut checks that after an error no new range starts:
// ranges that start after the failure are at most one per worker (those that
// had passed the check when the error was recorded).
func TestErrorStopsHandOut(t *testing.T) {
	for _, c := range faultConfigs() {
		var failed atomic.Bool
		var after atomic.Int32
		err := c.ForCtx(context.Background(), 100000, func(lo, hi int) error {
			if failed.Load() {
				after.Add(1)
			}
			if lo == 0 {
				failed.Store(true)
				return errors.New("stop")
			}
			return nil
		})
		assert.EqualError(t, err, "stop")
		assert.LessOrEqual(t, int(after.Load()), c.Workers, "workers=%d", c.Workers)
	}
}

func TestCancelBefore(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range append(faultConfigs(), Config{}) {
		err := c.ForCtx(ctx, 1000, func(lo, hi int) error {
			t.Fatal("body called on a canceled context")
			return nil
		})
		assert.ErrorIs(t, err, context.Canceled)
	}
}

// TestCancelDuring cancels from inside the first range: the call returns
// context.Canceled, and at most one range per worker starts after the
// cancellation.
func TestCancelDuring(t *testing.T) {
	for _, c := range append(faultConfigs(), Config{Workers: 1}, Config{}) {
		ctx, cancel := context.WithCancel(context.Background())
		var canceled atomic.Bool
		var after atomic.Int32
		err := c.ForCtx(ctx, 1<<20, func(lo, hi int) error {
			if canceled.Load() {
				after.Add(1)
			}
			if lo == 0 {
				cancel()
				canceled.Store(true)
			}
			return nil
		})
		cancel()
		assert.ErrorIs(t, err, context.Canceled, "%+v", c)
		assert.LessOrEqual(t, int(after.Load()), max(c.Workers, 2), "%+v", c)
	}
}

// TestCancelCompleteIsNil checks that a context canceled after the last range
// has run does not turn a complete call into an error.
func TestCancelCompleteIsNil(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var seen atomic.Int64
	err := Config{Workers: 2, Grain: 16}.ForCtx(ctx, 1000, func(lo, hi int) error {
		if seen.Add(int64(hi-lo)) == 1000 {
			cancel()
		}
		return nil
	})
	assert.NoError(t, err)
}

// TestDeadline checks cancellation latency on a fake clock (testing/synctest,
// so the timings are exact and the test does not sleep): ranges take 100 us
// per element, and the deadline passes while they run. ForCtx must return
// context.DeadlineExceeded as soon as the ranges running at the deadline
// have finished, and no range may start after it.
func TestDeadline(t *testing.T) {
	const perElem = 100 * time.Microsecond
	for _, c := range []Config{{Workers: 4, Grain: 1}, {Workers: 2, Grain: 50}, {Workers: 3}, {Workers: 1}} {
		synctest.Test(t, func(t *testing.T) {
			const deadline = 50 * time.Millisecond
			ctx, cancel := context.WithTimeout(context.Background(), deadline)
			defer cancel()
			start := time.Now()
			var mu sync.Mutex
			var lastEnd time.Duration
			err := c.ForCtx(ctx, 10000, func(lo, hi int) error {
				began := time.Since(start)
				assert.LessOrEqual(t, began, deadline, "%+v: range [%d, %d) started after the deadline", c, lo, hi)
				time.Sleep(time.Duration(hi-lo) * perElem)
				mu.Lock()
				lastEnd = max(lastEnd, time.Since(start))
				mu.Unlock()
				return nil
			})
			elapsed := time.Since(start)
			assert.ErrorIs(t, err, context.DeadlineExceeded, "%+v", c)
			assert.Equal(t, lastEnd, elapsed, "%+v: returned %v after the last range ended", c, elapsed-lastEnd)
		})
	}
}

// TestSlowFunctionSpreads runs a slow element function (1 ms an element, on
// a fake clock) through MapTo with the default Grain: the engine must probe
// it, go parallel, and share the elements among the workers, so that the
// call takes less than half the sequential time on four workers; the result
// is the loop's.
func TestSlowFunctionSpreads(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const n = 400
		x := indices(n)
		start := time.Now()
		got := Config{Workers: 4}.MapTo(make([]float64, n), func(v float64) float64 {
			time.Sleep(time.Millisecond)
			return 2 * v
		}, x)
		elapsed := time.Since(start)
		for i, v := range got {
			require.Equal(t, 2*x[i], v)
		}
		assert.Less(t, elapsed, n*time.Millisecond/2, "four workers on %d ms of work", n)
		t.Logf("%d ms of work took %v on four workers", n, elapsed)
	})
}

// TestNested calls parray from inside parray, three levels deep, on more
// workers than cores: it must complete with the sequential result.
func TestNested(t *testing.T) {
	const n = 64
	out := make([]float64, n*n*n)
	c := Config{Workers: 7, Grain: 4}
	c.For(n, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			c.For(n, func(lo, hi int) {
				for j := lo; j < hi; j++ {
					row := out[(i*n+j)*n : (i*n+j+1)*n]
					c.MapTo(row, func(float64) float64 { return float64(i*n*n + j*n) }, row)
					c.For(n, func(lo, hi int) {
						for k := lo; k < hi; k++ {
							row[k] += float64(k)
						}
					})
				}
			})
		}
	})
	for i, v := range out {
		if v != float64(i) {
			t.Fatalf("out[%d] = %v", i, v)
		}
	}
}

// TestNoGoroutineOutlivesCall checks, right after each kind of return, that
// no goroutine the call started is left. A helper's last act is to signal the
// join, after which it runs no code of parray's or the user's; the goroutine
// itself disappears a moment later, so the check retries briefly, as goleak
// does. (goleak in TestMain checks the whole package at the end as well.)
func TestNoGoroutineOutlivesCall(t *testing.T) {
	before := goleak.IgnoreCurrent()
	c := Config{Workers: 8, Grain: 1}
	c.For(1000, func(lo, hi int) {})
	goleak.VerifyNone(t, before)
	func() {
		defer func() { recover() }()
		c.For(1000, func(lo, hi int) { panic(1) })
	}()
	goleak.VerifyNone(t, before)
	_ = c.ForCtx(context.Background(), 1000, func(lo, hi int) error { return errors.New("x") })
	goleak.VerifyNone(t, before)
	ctx, cancel := context.WithCancel(context.Background())
	_ = c.ForCtx(ctx, 1000, func(lo, hi int) error { cancel(); return nil })
	goleak.VerifyNone(t, before)
	_ = Config{Workers: 8}.Sum(make([]float64, 2*minParStream))
	goleak.VerifyNone(t, before)
}
