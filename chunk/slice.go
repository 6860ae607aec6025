package chunk

import (
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// Slice returns s[r.Lo:r.Hi], clipped so that its capacity equals its length:
// an append to the piece allocates instead of overwriting s[r.Hi:].
// It panics if r is not within [0, len(s)] or r.Lo > r.Hi.
func Slice[S ~[]E, E any](s S, r Range) S {
	if r.Lo < 0 || r.Lo > r.Hi || r.Hi > len(s) {
		panic(badRange)
	}
	return s[r.Lo:r.Hi:r.Hi]
}

// Slices returns the clipped pieces [Slice](s, r) for each range in rs. The
// pieces share memory with s.
// It panics if a range is not within [0, len(s)].
func Slices[S ~[]E, E any](s S, rs []Range) []S {
	ps := make([]S, len(rs))
	for i, r := range rs {
		ps[i] = Slice(s, r)
	}
	return ps
}

// Vec returns the view of elements [r.Lo, r.Hi) of v. The view shares memory
// with v and has v's increment: element i of the view is element r.Lo+i of v,
// and setting it sets v. Unlike v.SliceVec, the view has no capacity beyond its
// length, so growing it can never reach into v's later elements.
// It panics if r is empty or not within [0, v.Len()], if v is nil, or if
// v's raw vector (see SetRawVector) has an increment below one or data too
// short for its length.
func Vec(v *mat.VecDense, r Range) *mat.VecDense {
	if v == nil {
		panic(nilVector)
	}
	raw := v.RawVector()
	if r.Lo < 0 || r.Lo > r.Hi || r.Hi > raw.N {
		panic(badRange)
	}
	if r.Lo == r.Hi {
		// mat cannot represent a zero-length view (mat.ErrZeroLength).
		panic(emptyView)
	}
	// raw.N >= r.Hi >= 1. The check cannot overflow, as (N-1)*Inc can.
	if raw.Inc < 1 || len(raw.Data) == 0 || raw.N-1 > (len(raw.Data)-1)/raw.Inc {
		panic(badVector)
	}
	end := (r.Hi-1)*raw.Inc + 1
	var w mat.VecDense
	w.SetRawVector(blas64.Vector{
		N:    r.Len(),
		Inc:  raw.Inc,
		Data: raw.Data[r.Lo*raw.Inc : end : end],
	})
	return &w
}

// Vecs returns the views [Vec](v, r) for each range in rs.
// It panics if a range is empty or not within [0, v.Len()], or as Vec for a
// nil or inconsistent v.
func Vecs(v *mat.VecDense, rs []Range) []*mat.VecDense {
	vs := make([]*mat.VecDense, len(rs))
	for i, r := range rs {
		vs[i] = Vec(v, r)
	}
	return vs
}

// Join appends the pieces, in order, to dst and returns the extended slice, as
// append(append(dst, pieces[0]...), pieces[1]...)... would. It grows dst at
// most once, so the result has its own memory unless dst had room for it.
// Pieces may have any lengths, including zero.
// It panics if the total length overflows int.
func Join[S ~[]E, E any](dst S, pieces ...S) S {
	total := len(dst)
	for _, p := range pieces {
		if len(p) > maxInt-total {
			panic(overflow)
		}
		total += len(p)
	}
	if total > cap(dst) {
		grown := make(S, len(dst), total)
		copy(grown, dst)
		dst = grown
	}
	for _, p := range pieces {
		dst = append(dst, p...)
	}
	return dst
}

const maxInt = int(^uint(0) >> 1)
