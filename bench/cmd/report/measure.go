package main

import (
	"runtime"
	"slices"
	"time"

	"github.com/parnum/parnum/bench"
)

// sink keeps every result, so that the compiler cannot drop the work.
var sink float64

// timing is what one implementation took in each round of a comparison.
type timing struct {
	impl  string
	times []time.Duration // mean time of one call, per round
}

// median returns the median time per call.
func (t timing) median() time.Duration {
	s := slices.Clone(t.times)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// best returns the time per call of the fastest round.
func (t timing) best() time.Duration { return slices.Min(t.times) }

// spread is a median with the lowest and the highest value of the rounds.
type spread struct{ med, lo, hi float64 }

// ratio returns how many times faster a is than b (b's time over a's) in
// each round, as the median of the per-round ratios and their range: both
// were timed in the same round, so a change in the machine's speed between
// rounds touches both alike.
func ratio(a, b timing) spread {
	r := make([]float64, len(a.times))
	for i := range r {
		r[i] = float64(b.times[i]) / float64(a.times[i])
	}
	return spreadOf(r)
}

func spreadOf(r []float64) spread {
	r = slices.Clone(r)
	slices.Sort(r)
	n := len(r)
	med := r[n/2]
	if n%2 == 0 {
		med = (r[n/2-1] + r[n/2]) / 2
	}
	return spread{med, r[0], r[n-1]}
}

// measure times the implementations of one comparison on in, interleaved:
// in each of rounds rounds, every implementation runs one sample in turn
// (A B C ..., A B C ...), so that a change in the machine's speed during
// the run touches all of them alike. A sample repeats the call for at least
// target (the count is calibrated once per implementation) and records the
// mean time per call. Each implementation first runs once untimed, to warm
// caches and the allocator; a garbage collection precedes each sample, so
// that one implementation's garbage is not collected in another's time.
func measure(impls []bench.Impl, in *bench.Inputs, rounds int, target time.Duration) []timing {
	iters := make([]int, len(impls))
	for i, im := range impls {
		sink += im.Run(in)
		iters[i] = calibrate(im, in, target)
	}
	ts := make([]timing, len(impls))
	for i, im := range impls {
		ts[i] = timing{impl: im.Name, times: make([]time.Duration, rounds)}
	}
	for r := range rounds {
		for i, im := range impls {
			runtime.GC()
			ts[i].times[r] = timeIt(im, in, iters[i])
		}
	}
	return ts
}

// calibrate returns how many calls of im take about target, at least one.
func calibrate(im bench.Impl, in *bench.Inputs, target time.Duration) int {
	for iters := 1; ; iters *= 4 {
		t := timeIt(im, in, iters) * time.Duration(iters)
		if t >= target/4 || iters >= 1<<30 {
			return max(1, int(float64(iters)*float64(target)/float64(max(t, 1))))
		}
	}
}

// timeIt returns the mean time of one call of im over iters calls.
func timeIt(im bench.Impl, in *bench.Inputs, iters int) time.Duration {
	start := time.Now()
	for range iters {
		sink += im.Run(in)
	}
	return time.Since(start) / time.Duration(iters)
}
