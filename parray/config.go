package parray

import "runtime"

// Config says how many goroutines a call may use and how finely it may cut
// its work. Its zero value is ready to use and is what the package-level
// functions use: as many workers as runtime.GOMAXPROCS(0), read on every
// call, and a grain that the engine chooses.
//
// A Config only changes how fast a call runs, never what it returns:
// element-wise results and reductions are the same bits for every Config.
type Config struct {
	// Workers is the largest number of goroutines that work on one call,
	// the calling goroutine included. Zero means runtime.GOMAXPROCS(0), read
	// on every call; one runs every call on the caller. More workers than
	// tasks is fine: only as many start as there are tasks.
	// A negative value panics.
	Workers int

	// Grain is the smallest number of elements handed to a worker at once.
	// Zero lets the engine choose: built-in operations use thresholds
	// measured for their kind of work; for user functions the engine times
	// the first elements on the caller and goes parallel only when the rest
	// of the work is long enough to repay starting goroutines.
	// A positive Grain turns that decision off: a call runs in parallel
	// whenever it has at least two grains of elements. A negative value
	// panics.
	Grain int
}

// workers returns the number of workers for one call, reading GOMAXPROCS
// when c.Workers is zero. c must have been checked.
func (c Config) workers() int {
	if c.Workers > 0 {
		return c.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// check panics, on the caller's goroutine, if c is not a valid Config.
func (c Config) check() {
	if c.Workers < 0 {
		panic(badWorkers)
	}
	if c.Grain < 0 {
		panic(badGrain)
	}
}
