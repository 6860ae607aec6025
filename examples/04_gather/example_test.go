package gather_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/parnum/parnum/parray"
	"golang.org/x/sync/errgroup"
)

// # a. async def and await: a function that blocks
//
// The tutorial's coroutine prints, sleeps without blocking the event loop,
// and prints again:
//
//	async def say_hello():
//	    print("Hello!"); await asyncio.sleep(1); print("Goodbye!")
//
// In Go the same function is plain: time.Sleep blocks this goroutine only,
// and the runtime runs other goroutines meanwhile, on every core. There is
// no async keyword to spread through the call chain, no await, and no
// asyncio.run to start a loop: calling the function is running it.
func Example_a_sayHello() {
	sayHello := func() {
		fmt.Println("Hello!")
		time.Sleep(10 * time.Millisecond) // await asyncio.sleep(...)
		fmt.Println("Goodbye!")
	}
	sayHello() // asyncio.run(say_hello())
	// Output:
	// Hello!
	// Goodbye!
}

// # b. asyncio.gather: run tasks at the same time
//
// The tutorial gathers three tasks that sleep 2, 1 and 3 seconds; all three
// start at once and the whole takes 3 seconds, not 6:
//
//	await asyncio.gather(task("A", 2), task("B", 1), task("C", 3))
//
// An [errgroup.Group] is gather: Go starts a task on a goroutine, and Wait
// waits for all of them and returns the first error. Each task writes its
// result to its own element of a slice, so the results come out in the
// order of the tasks, as gather returns them, whatever order the tasks
// finish in (B, then A, then C, here as in the tutorial).
//
// To show that the tasks really run at the same time without printing
// timings, each task waits until all three have started before it sleeps:
// run one after another, the first task would wait forever.
func Example_b_gather() {
	tasks := []struct {
		name  string
		delay time.Duration
	}{{"A", 20 * time.Millisecond}, {"B", 10 * time.Millisecond}, {"C", 30 * time.Millisecond}}

	var started sync.WaitGroup
	started.Add(len(tasks))
	results := make([]string, len(tasks))

	var g errgroup.Group
	for i, t := range tasks {
		g.Go(func() error {
			started.Done()
			started.Wait() // every task has started
			time.Sleep(t.delay)
			results[i] = "Task " + t.name + " done after " + t.delay.String()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		fmt.Println(err)
	}
	for _, r := range results {
		fmt.Println(r)
	}
	// Output:
	// Task A done after 20ms
	// Task B done after 10ms
	// Task C done after 30ms
}

// # c. Independent CPU-bound jobs, each on every core
//
// Three statistics of three different series are independent jobs. With
// asyncio they would gain nothing: the event loop runs one coroutine at a
// time, on one core. Here each job is a goroutine of the group, and each
// job's parray call is itself spread over every core.
//
// Because each parray call already uses every core, the three jobs run
// concurrently finish in about the time they take one after another: there
// are no more cores to give them. Running CPU-bound jobs concurrently pays
// when each job alone cannot use all the cores (a job too small for parray
// to split, or sequential code); for big vectors, plain sequential calls of
// parray are as fast and simpler. The results are the same either way, and
// the same bits: parray's reductions do not depend on how many workers they
// got.
func Example_c_cpuJobs() {
	n := 1 << 20
	temperature, vibration, pressure := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		t := float64(i) / float64(n)
		temperature[i] = 20 + 5*math.Sin(2*math.Pi*t)
		vibration[i] = math.Cos(40 * math.Pi * t)
		pressure[i] = 1013 + 10*t*(1-t)
	}

	var meanT, rmsV, maxP float64
	var g errgroup.Group
	g.Go(func() error { meanT = parray.Mean(temperature, nil); return nil })
	g.Go(func() error { rmsV = parray.Norm(vibration, 2) / math.Sqrt(float64(n)); return nil })
	g.Go(func() error { maxP = parray.Max(pressure); return nil })
	if err := g.Wait(); err != nil {
		fmt.Println(err)
	}
	fmt.Printf("mean temperature %.4f, rms vibration %.4f, largest pressure %.4f\n", meanT, rmsV, maxP)
	// Output: mean temperature 20.0000, rms vibration 0.7071, largest pressure 1015.5000
}

// # d. Waiting and computing at the same time
//
// I/O-bound work spends its time waiting: for a disk, the network, another
// service. That is where asyncio helps, and where goroutines help too: while
// one goroutine waits, the cores are free for another. Here a "fetch"
// waits 30 ms for the next batch of readings (a stand-in for a network
// call) while the current batch is standardized with parray. The whole
// takes about as long as the longer of the two, not their sum.
func Example_d_waitAndCompute() {
	fetch := func(ctx context.Context, n int) ([]float64, error) {
		select {
		case <-time.After(30 * time.Millisecond): // the network
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		batch := make([]float64, n)
		for i := range batch {
			batch[i] = float64(i % 100)
		}
		return batch, nil
	}

	current := make([]float64, 1<<20)
	for i := range current {
		current[i] = float64(i % 10)
	}

	g, ctx := errgroup.WithContext(context.Background())
	var next []float64
	g.Go(func() (err error) { // I/O-bound: waits
		next, err = fetch(ctx, 1000)
		return err
	})
	var mean, std float64
	g.Go(func() error { // CPU-bound: computes on every core
		mean, std = parray.MeanStdDev(current, nil)
		parray.Blocks(current, func(dst []float64, src ...[]float64) {
			for i, v := range src[0] {
				dst[i] = (v - mean) / std
			}
		}, current)
		return nil
	})
	if err := g.Wait(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("current batch: mean %.4f, std %.4f; standardized mean %.4f\n", mean, std, parray.Mean(current, nil))
	fmt.Println("next batch fetched meanwhile:", len(next), "readings")
	// Output:
	// current batch: mean 4.5000, std 2.8723; standardized mean 0.0000
	// next batch fetched meanwhile: 1000 readings
}

// # e. The first error cancels the rest
//
// When one task of asyncio.gather raises, the exception reaches the
// awaiting code, but the other tasks go on running (asyncio.TaskGroup, since
// Python 3.11, cancels them). errgroup.WithContext does what TaskGroup does:
// the first task to return an error cancels the group's context, and Wait
// returns that error once every task has returned.
//
// A task that uses parray passes the context on to parray.ForCtx, which
// stops handing out ranges once the context is done. Here the loader of a
// second series fails at once; the validation of the first stops within
// about one range's time of the cancellation (or has already finished:
// either way, Wait returns the loader's error, the first one).
func Example_e_firstError() {
	errMissing := errors.New("series 2: file missing")
	series := make([]float64, 1<<22)

	g, ctx := errgroup.WithContext(context.Background())
	g.Go(func() error { // validates series 1 on every core
		return parray.ForCtx(ctx, len(series), func(lo, hi int) error {
			for i, v := range series[lo:hi] {
				if math.IsNaN(v) {
					return fmt.Errorf("series 1: reading %d is NaN", lo+i)
				}
			}
			return nil
		})
	})
	g.Go(func() error { return errMissing }) // loads series 2, and fails

	err := g.Wait()
	fmt.Println("gather:", err)
	fmt.Println("the tasks' context was canceled by:", context.Cause(ctx))
	// Output:
	// gather: series 2: file missing
	// the tasks' context was canceled by: series 2: file missing
}

// # f. At most k tasks at a time
//
// To keep a thousand downloads from opening a thousand connections, Python
// code wraps each task in an asyncio.Semaphore(k). An errgroup has the limit
// built in: after SetLimit(k), Go blocks until fewer than k tasks run. Here
// eight series are summarized, two at a time; each task still uses parray,
// so two tasks keep two cores busy with little to spare, and memory holds at
// most two series' temporaries at once.
func Example_f_limit() {
	const jobs = 8
	sums := make([]float64, jobs)

	var (
		g               errgroup.Group
		mu              sync.Mutex
		running, widest int
	)
	g.SetLimit(2)
	for j := range jobs {
		g.Go(func() error {
			mu.Lock()
			running++
			widest = max(widest, running)
			mu.Unlock()
			defer func() { mu.Lock(); running--; mu.Unlock() }()

			x := make([]float64, 1<<18)
			for i := range x {
				x[i] = float64(j)
			}
			sums[j] = parray.Sum(x)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(sums)
	fmt.Println("never more than 2 at a time:", widest <= 2)
	// Output:
	// [0 262144 524288 786432 1.048576e+06 1.31072e+06 1.572864e+06 1.835008e+06]
	// never more than 2 at a time: true
}
