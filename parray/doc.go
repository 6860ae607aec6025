// Package parray runs element-wise functions and reductions over []float64
// in parallel, with the results of the sequential loop.
//
// Every function states its sequential meaning: [MapTo] is the loop
// dst[i] = f(s[i]), [For] is body(0, n). parray computes the same thing on
// contiguous ranges of the input, on several goroutines, and returns only when
// all of them have finished. There is no pool to start or close and nothing
// that outlives a call, so a function passed to parray may itself call parray.
//
// # Configuration
//
// The package-level functions use the zero [Config]: as many workers as
// runtime.GOMAXPROCS(0), read on every call, and a grain chosen by the engine.
// Each function is also a method of Config, for callers that want to set the
// number of workers or the smallest piece of work handed out:
//
//	parray.Config{Workers: 2}.MapTo(dst, math.Exp, x)
//
// A Config changes only the speed of a call, never its result.
//
// # How work is cut
//
// A call cuts [0, n) into contiguous ranges and hands them out from one shared
// index: each claim takes a share of what is left (the remaining elements
// divided by twice the number of workers, never less than a minimum), so the
// first ranges are long and the last ones short, and the workers finish
// together even when a core is slow or a neighbour is busy. The calling
// goroutine works too: a call on w workers starts at most w-1 goroutines. Range
// boundaries after the first fall on cache lines of the destination, so that no
// two workers write to the same line.
//
// Small calls run inline on the caller, with no goroutine: a goroutine started
// on an idle core begins to run only after that core wakes, which takes tens to
// hundreds of microseconds on a virtual machine, more than a short loop. For
// user functions, whose cost parray cannot know, a call with Grain zero runs its
// first elements on the caller and times them (one clock read per probe, about
// 35 ns), then goes parallel only if the rest of the work is long enough to repay
// the goroutines (see [Config.Grain]). A call on fewer than 16 elements never
// reads the clock.
//
// A call on a user function allocates a few small objects (its range function,
// and for [Blocks] the list of sub-slices); built-in operations allocate nothing
// when they run inline.
//
// A user function is called through a func value, which costs a few
// nanoseconds per element more than the inlined call of a hand-written loop.
// For cheap element functions prefer [Blocks], whose function runs a
// direct-call loop over a whole block.
//
// # Panics, errors and cancellation
//
// Misuse panics on the caller's goroutine before any element is written and
// before any goroutine starts: slices of different lengths, a destination that
// partially overlaps an input, a negative number of workers or grain, a nil
// function. The messages start with "parray: ".
//
// If a user function panics, parray stops handing out ranges, waits for every
// range already running to finish, and panics again on the caller's goroutine
// with the original value, so recover, errors.As and mat.Maybe see what the
// sequential loop would have raised. When several ranges panic, the value is
// that of the range with the lowest indices: the panic the sequential loop
// would have met first. If nothing recovers it, the program's crash report
// shows the stack of the goroutine where the function panicked, followed by
// the original value raised again on the caller. A user function that calls
// runtime.Goexit (as t.FailNow does) makes the caller's goroutine exit in the
// same way, after the other ranges have finished. (With GODEBUG=panicnil=1,
// panic(nil) cannot be told apart from runtime.Goexit and is treated as one.)
//
// [ForCtx] is the form for work that can fail or be canceled. Its function
// returns an error; the first error, in index order, stops the hand-out of
// ranges and is returned. When the context is done, no new range starts,
// ranges already running finish, and ForCtx returns the context's error: the
// delay is at most about one range's time.
//
// # Aliasing
//
// A destination may be exactly one of the inputs (the same first element and
// length): the operation then works in place. A destination that shares only
// part of its memory with an input panics, as its result would depend on the
// order in which ranges run.
package parray
