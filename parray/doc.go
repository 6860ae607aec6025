// Package parray runs element-wise operations, reductions and user functions
// over []float64 and *mat.VecDense in parallel, with the results of the
// sequential code.
//
// Every function states its sequential meaning: [AddTo] is floats.AddTo,
// [Sum] is floats.Sum, [MapTo] is the loop dst[i] = f(s[i]), [For] is
// body(0, n). parray computes the same thing on contiguous ranges of the
// input, on several goroutines, and returns only when all of them have
// finished. There is no pool to start or close and nothing that outlives a
// call, so a function passed to parray may itself call parray.
//
// The operations of gonum's floats keep their names, signatures and argument
// order (the scalar-first Scale(c, dst) and AddConst(c, dst) included): code
// changes floats. to parray. and nothing else. The table at the end lists
// them all.
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
// two workers write to the same line (unless Grain asks for ranges shorter
// than a line, 8 values).
//
// On slices of 2^21 elements and more (three of them exceed a 32 MiB cache),
// [Add], [AddTo], [Sub], [SubTo], [AddScaled], [AddScaledTo] and the
// contiguous [AddVec], [SubVec] and [AddScaledVec] write whole cache lines of
// the destination with streaming stores on amd64, which do not read a line
// before writing it: about 1.4 times the bandwidth of gonum's kernel on the
// development machine, with gonum's arithmetic and so its bits. The
// destination then starts in memory rather than in cache.
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
// function, a nil *mat.VecDense or one whose raw vector (SetRawVector) has
// an increment below one or data too short for its length. The messages
// start with "parray: ".
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
// same way, after the other ranges have finished. If a range before it
// panicked, that panic comes first, as in the sequential loop: when the
// Goexit happened on the caller's own goroutine, which nothing can stop,
// a recover sees the panic and the goroutine then goes on exiting. (With GODEBUG=panicnil=1,
// panic(nil) cannot be told apart from runtime.Goexit and is treated as one.)
//
// [ForCtx] is the form for work that can fail or be canceled. Its function
// returns an error; the first error, in index order, stops the hand-out of
// ranges and is returned. When the context is done, no new range starts,
// ranges already running finish, and ForCtx returns the context's error: the
// delay is at most about one range's time.
//
// # Determinism
//
// Element-wise results are those of the sequential loop, bit for bit.
//
// Reductions ([Sum], [Dot], [Norm], [Mean], [MeanVariance], [Reduce], the
// scans, ...) return the same bits for the same input values whatever the
// number of workers, GOMAXPROCS, the processor's instruction set (the sum
// kernels are AVX or SSE2 assembly, or Go, computing the same operations in
// the same order) or where the slice starts in memory. (The scans keep
// floats' own bits up to 2^18 elements and in their first block, and those
// depend on gonum's assembly; see [CumSum].) The work is cut by a
// grid that depends on the length alone: leaves of 256 elements for the
// built-in sums, blocks of [ReduceBlock] for Reduce, blocks of 2^18 for the
// scans. Results are combined by a fixed pairwise tree in index order, and
// each parallel task is a whole subtree of it. No multiply-add is fused.
// gonum's floats.Sum, by contrast, gives different bits for the same values
// at different addresses.
//
// Exact reductions (Max, Min, their indices, Count, HasNaN, Find, the
// infinity norm) equal gonum's results exactly.
//
// # Accuracy
//
// Sums are pairwise: within a leaf, 16 lanes add 16 values each, and leaves
// are combined pairwise, so the rounding error grows with log2(n) (numpy's
// depth), not with n. On 10^5 positive values floats.Sum's error exceeded
// the pairwise bound ceil(log2 n)*eps*sum|x| where parray's was zero.
// [SumCompensated] adds Neumaier's compensation. The 2-norm neither
// overflows nor underflows where the norm itself does not. [MeanVariance]
// merges per-leaf moments with the formula of Chan, Golub and LeVeque and a
// double-precision-and-a-half mean: on 3*10^5 values near 1e9 that differ by
// about 1, its variance had a relative error of 1.7e-16, stat's 5.8e-13.
//
// # Aliasing
//
// A destination may be exactly one of the inputs (the same first element and
// length, and for vectors the same increment): the operation then works in
// place. A destination that shares only part of its memory with an input
// panics, as its result would depend on the order in which ranges run.
// Strided vector views that interleave without sharing an element (the even
// and the odd elements of one slice) are accepted.
//
// # The functions of floats, and their counterparts
//
//	floats              parray
//	Add, AddTo          Add, AddTo
//	AddConst            AddConst
//	AddScaled(To)       AddScaled, AddScaledTo
//	Sub, SubTo          Sub, SubTo
//	Mul, MulTo          Mul, MulTo
//	Div, DivTo          Div, DivTo
//	Scale, ScaleTo      Scale, ScaleTo
//	Sum                 Sum (pairwise, deterministic)
//	SumCompensated      SumCompensated
//	Dot                 Dot
//	Norm, Distance      Norm, Distance (2-norm scaled)
//	Prod                Prod (pairwise)
//	LogSumExp           LogSumExp
//	Max, Min            Max, Min
//	MaxIdx, MinIdx      MaxIdx, MinIdx
//	NearestIdx          NearestIdx
//	Count               Count
//	HasNaN              HasNaN
//	Find                Find (ErrInsufficient)
//	CumSum, CumProd     CumSum, CumProd (blocked beyond 2^18 elements)
//	Argsort(Stable)     none: a sort, not an element-wise pass or a reduction
//	Span, LogSpan       none: dst filled by formula; For does it in one line
//	NearestIdxForSpan   none: constant-time arithmetic
//	Equal, EqualApprox,
//	EqualFunc, Same     none: they return at the first difference, which a
//	                    sequential loop finds soonest
//	EqualLengths        none: no elements are read
//	Within              none: a search in sorted data
//	Reverse             none: deprecated in floats (slices.Reverse)
//
// From gonum's stat: [Mean], [Variance], [StdDev], [MeanVariance] and
// [MeanStdDev], with stat's weights and unbiased estimators.
//
// For *mat.VecDense, named after its methods with the receiver as dst:
// [AddVec], [SubVec], [MulElemVec], [DivElemVec], [ScaleVec],
// [AddScaledVec], [CopyVec]; and the reductions [SumVec], [DotVec] and
// [NormVec], whose results are those of the slice functions on the same
// values, whatever the increment.
//
// Beyond floats: [Map], [MapTo], [Zip], [ZipTo] and [Blocks] apply user
// functions element-wise or block-wise; [For] and [ForCtx] loop over index
// ranges; [Reduce] and [ReduceRange] compute deterministic reductions of any
// type.
package parray
