package parray

import (
	"math/bits"
	"unsafe"
)

// view is a strided view of float64 values, as a *mat.VecDense holds them:
// the elements data[i*inc] for 0 <= i < n. data starts at element 0 and ends
// at element n-1 (len(data) == (n-1)*inc + 1); inc >= 1. The zero view has no
// elements.
type view struct {
	data   []float64
	inc, n int
}

// unit reports whether the elements of v are contiguous.
func (v view) unit() bool { return v.inc == 1 }

// same reports whether x and y are the same elements in the same order: the
// same first element and length, and the same increment unless they have a
// single element. An element-wise operation whose dst is exactly one of its
// inputs reads each element before it writes it, so it works in place.
func same(x, y view) bool {
	return x.n == y.n && x.n > 0 && &x.data[0] == &y.data[0] && (x.inc == y.inc || x.n == 1)
}

// checkViewOverlap panics if dst and src share an element without being the
// same view. Views that interleave without sharing an element, such as the
// even and the odd elements of one slice, are accepted.
func checkViewOverlap(dst, src view) {
	if !same(dst, src) && viewsOverlap(dst, src) {
		panic(badOverlap)
	}
}

// viewsOverlap reports whether x and y share at least one element.
func viewsOverlap(x, y view) bool {
	if x.n == 0 || y.n == 0 {
		return false
	}
	const size = unsafe.Sizeof(float64(0))
	ax := uintptr(unsafe.Pointer(&x.data[0]))
	ay := uintptr(unsafe.Pointer(&y.data[0]))
	// Quick exit when the address spans are disjoint. len(data) is the span
	// in elements, so the ends cannot overflow.
	if ax+uintptr(len(x.data))*size <= ay || ay+uintptr(len(y.data))*size <= ax {
		return false
	}
	// The spans intersect, so the distance between the first elements is
	// less than the longer span, and fits in an int.
	var diff uintptr
	if ay >= ax {
		diff = ay - ax
	} else {
		diff = ax - ay
	}
	if diff%size != 0 {
		// Elements that are not whole float64s apart: impossible for
		// memory Go allocated for float64s. Assume the worst.
		return true
	}
	d := int(diff / size)
	if ay < ax {
		d = -d
	}
	return stridesMeet(d, x.inc, x.n, y.inc, y.n)
}

// stridesMeet reports whether the progressions i*p (0 <= i < n) and
// d + j*q (0 <= j < m) have a common term, that is whether
//
//	i*p - j*q = d
//
// has a solution with 0 <= i < n and 0 <= j < m. p and q must be at least 1,
// and (n-1)*p + (m-1)*q + |d| must fit in an int, as it does for offsets and
// lengths of memory measured in elements.
//
// The equation has integer solutions only if g = gcd(p, q) divides d. They
// are then i = i0 + k*q/g, j = j0 + k*p/g for every integer k, where i0 is
// the least non-negative solution of i*(p/g) = d/g modulo q/g: i0 is d/g
// times the inverse of p/g modulo q/g, which the extended Euclidean
// algorithm gives. i and j grow together with k, so the least k >= 0 that
// makes j non-negative is the only candidate to check against the upper
// bounds.
func stridesMeet(d, p, n, q, m int) bool {
	if n <= 0 || m <= 0 {
		return false
	}
	if d > (n-1)*p || d+(m-1)*q < 0 {
		return false // the spans are disjoint
	}
	g, x := gcdInverse(p, q)
	if d%g != 0 {
		return false
	}
	pg, qg := p/g, q/g
	// i0 = (d/g) * x mod q/g, both factors reduced first; their product
	// may need 128 bits.
	hi, lo := bits.Mul64(uint64(floorMod(d/g, qg)), uint64(floorMod(x, qg)))
	i0 := int(bits.Rem64(hi, lo, uint64(qg)))
	if i0 >= n {
		return false // i0 is the least i >= 0 of any solution
	}
	j0 := (i0*p - d) / q // exact: i0*p - d is a multiple of q
	if j0 > m-1 {
		return false
	}
	k := 0
	if j0 < 0 {
		k = (-j0 + pg - 1) / pg
	}
	return k <= (n-1-i0)/qg && k <= (m-1-j0)/pg
}

// gcdInverse returns g = gcd(p, q) and x such that p*x = g modulo q, for
// p, q >= 1 (the extended Euclidean algorithm; |x| <= q).
func gcdInverse(p, q int) (g, x int) {
	r0, r1 := p, q
	s0, s1 := 1, 0
	for r1 != 0 {
		t := r0 / r1
		r0, r1 = r1, r0-t*r1
		s0, s1 = s1, s0-t*s1
	}
	return r0, s0
}

// floorMod returns a modulo m in [0, m), for m >= 1.
func floorMod(a, m int) int {
	r := a % m
	if r < 0 {
		r += m
	}
	return r
}
