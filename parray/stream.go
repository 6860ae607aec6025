package parray

// Streaming stores. An element-wise operation that writes a destination it
// does not otherwise need in cache makes the core read every line of dst
// before writing it (the write-allocate of a normal store): 32 bytes of
// traffic per element of AddTo, for 24 bytes of data. On large slices the
// two-input operations write dst with MOVNTPD instead, which writes whole
// lines without reading them. The arithmetic is gonum's, instruction for
// instruction, so the bits are the same; only the path to memory changes.

// minStream is the length of a call from which the kernels of Add, AddTo,
// Sub, SubTo, AddScaled and AddScaledTo (and AddVec, SubVec and AddScaledVec
// on contiguous vectors) write with streaming stores: from 2^21 elements,
// three slices are 48 MiB, more than the 32 MiB last-level cache of the
// development machine, so dst would not stay in cache for the next call
// anyway, and a streaming store cannot cost a later hit.
//
// Measured on that machine (AMD EPYC under Firecracker, Go 1.26,
// 2026-11-22): AddTo against floats.AddTo per range, three runs each,
// medians: 2^20: 0.80 -> 0.56 ms on 2 workers; 2^21: 2.24 -> 1.69 ms on
// one worker, 1.54 -> 1.50 ms on 2; 2^22: 3.91 -> 3.15 ms; 2^24: 16.4 ->
// 11.5 ms (24.6 -> 34.9 GB/s) on 2. With dst also an input (AddScaled, Add),
// it is within 3% from 2^20 on and faster at 2^24 (16.4 -> 11.9 ms), and
// 1.8 to 2 times slower at 2^18 and 2^19, where the slices stay in cache
// between calls: the threshold is for both.
const minStream = 1 << 21

// streams reports whether a call on n elements writes with streaming stores.
func streams(n int) bool { return haveStream && n >= minStream }

// streamAxpy sets dst[i] = alpha*x[i] + y[i] for every element of dst with
// streaming stores, on the workers of c: gonum's AxpyUnitaryTo, the kernel
// of floats.AddTo (alpha 1), SubTo (alpha -1, x and y swapped), AddScaledTo,
// and Add, Sub and AddScaled (y is dst). x and y must have dst's length;
// the caller has checked them and their overlap.
func (c Config) streamAxpy(dst []float64, alpha float64, x, y []float64) {
	w, inline := c.serial(len(dst), minParElem2)
	if inline {
		streamAxpyTo(dst, alpha, x, y)
		return
	}
	c.split(w, len(dst), lineLead(dst), minTaskElem, func(lo, hi int) {
		streamAxpyTo(dst[lo:hi], alpha, x[lo:hi], y[lo:hi])
	})
}
