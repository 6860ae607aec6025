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

// indexPanic is the panic value of element i in TestPanicLowestIndex.
type indexPanic int

// TestPanicLowestIndex makes every element from index p on panic with its own
// index. The sequential loop panics at p, and so must the parallel call,
// whichever worker got there first: p in the first, a middle and the last
// range.
func TestPanicLowestIndex(t *testing.T) {
	const n = 1000
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(i)
	}
	dst := make([]float64, n)
	for _, c := range faultConfigs() {
		for _, p := range []int{0, 1, n / 2, n - 17, n - 1} {
			f := func(v float64) float64 {
				if int(v) >= p {
					panic(indexPanic(v))
				}
				return v
			}
			got := func() (r any) {
				defer func() { r = recover() }()
				c.MapTo(dst, f, x)
				return nil
			}()
			assert.Equal(t, indexPanic(p), got, "workers=%d p=%d", c.Workers, p)
		}
	}
}

// TestPanicOnEveryRange panics in every range at once.
func TestPanicOnEveryRange(t *testing.T) {
	for _, c := range faultConfigs() {
		got := func() (r any) {
			defer func() { r = recover() }()
			c.For(1000, func(lo, hi int) { panic(lo) })
			return nil
		}()
		assert.Equal(t, 0, got, "workers=%d", c.Workers)
	}
}

// TestPanicMatMaybe checks that mat.Maybe turns a mat.ErrShape panic inside
// a user function into the same error as for the sequential loop.
func TestPanicMatMaybe(t *testing.T) {
	a := mat.NewVecDense(3, nil)
	b := mat.NewVecDense(4, nil)
	body := func(lo, hi int) {
		if hi == 1000 {
			var v mat.VecDense
			v.AddVec(a, b) // panics with mat.ErrShape
		}
	}
	seqErr := mat.Maybe(func() { body(0, 1000) })
	var want mat.ErrorStack
	require.ErrorAs(t, seqErr, &want)
	for _, c := range faultConfigs() {
		err := mat.Maybe(func() { c.For(1000, body) })
		var got mat.ErrorStack
		require.ErrorAs(t, err, &got, "workers=%d", c.Workers)
		assert.Equal(t, want.Err, got.Err)
		assert.Equal(t, mat.ErrShape, got.Err)
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

// TestGoexit checks that runtime.Goexit in a user function (t.FailNow does
// it) ends the caller's goroutine after the other ranges have finished,
// whether it happens on the caller's own range or on a helper's.
func TestGoexit(t *testing.T) {
	for _, c := range faultConfigs() {
		for _, at := range []int{0, 500, 999} {
			var wg sync.WaitGroup
			var returned, deferred atomic.Bool
			var running atomic.Int32
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() {
					deferred.Store(true)
					assert.Zero(t, running.Load(), "a range outlived the call")
				}()
				c.For(1000, func(lo, hi int) {
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
			assert.False(t, returned.Load(), "workers=%d at=%d: For returned after Goexit", c.Workers, at)
		}
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

// TestDeadline checks a deadline that passes while ranges block: the call
// returns context.DeadlineExceeded once the running ranges return.
func TestDeadline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	var ran atomic.Int32
	err := Config{Workers: 2, Grain: 1}.ForCtx(ctx, 1000, func(lo, hi int) error {
		ran.Add(1)
		<-ctx.Done()
		return nil
	})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.LessOrEqual(t, ran.Load(), int32(2), "each worker blocked in one range")
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
