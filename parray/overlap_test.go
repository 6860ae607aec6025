package parray

import (
	"math/bits"
	"testing"
)

// meetBrute is stridesMeet by enumeration.
func meetBrute(d, p, n, q, m int) bool {
	for i := range n {
		for j := range m {
			if i*p-j*q == d {
				return true
			}
		}
	}
	return false
}

// viewAt returns the view of n elements of buf from off, every inc.
func viewAt(buf []float64, off, inc, n int) view {
	if n == 0 {
		return view{}
	}
	span := (n-1)*inc + 1
	return view{data: buf[off : off+span : off+span], inc: inc, n: n}
}

// TestViewsOverlapBrute checks viewsOverlap and checkViewOverlap against a
// set intersection, for every pair of views of one buffer with offsets 0 to
// 6, increments 1 to 5 and lengths 0 to 6.
func TestViewsOverlapBrute(t *testing.T) {
	type spec struct{ off, inc, n int }
	var specs []spec
	for off := range 7 {
		for inc := 1; inc <= 5; inc++ {
			for n := range 7 {
				specs = append(specs, spec{off, inc, n})
			}
		}
	}
	buf := make([]float64, 7+5*6+1)
	for _, x := range specs {
		var in [64]bool
		for i := range x.n {
			in[x.off+i*x.inc] = true
		}
		xv := viewAt(buf, x.off, x.inc, x.n)
		for _, y := range specs {
			want := false
			for j := range y.n {
				want = want || in[y.off+j*y.inc]
			}
			yv := viewAt(buf, y.off, y.inc, y.n)
			if got := viewsOverlap(xv, yv); got != want {
				t.Fatalf("viewsOverlap(%+v, %+v) = %v, want %v", x, y, got, want)
			}
			alias := x.n > 0 && x.off == y.off && x.n == y.n && (x.inc == y.inc || x.n == 1)
			if same(xv, yv) != alias {
				t.Fatalf("same(%+v, %+v) = %v, want %v", x, y, !alias, alias)
			}
			panicked := func() (p bool) {
				defer func() { p = recover() != nil }()
				checkViewOverlap(xv, yv)
				return false
			}()
			if panicked != (want && !alias) {
				t.Fatalf("checkViewOverlap(%+v, %+v) panicked: %v, want %v", x, y, panicked, want && !alias)
			}
		}
	}
}

// TestViewsOverlapSeparate checks views of different arrays, and the even
// and odd elements of one slice.
func TestViewsOverlapSeparate(t *testing.T) {
	a, b := make([]float64, 100), make([]float64, 100)
	if viewsOverlap(viewAt(a, 0, 1, 100), viewAt(b, 0, 1, 100)) {
		t.Fatal("separate arrays overlap")
	}
	even, odd := viewAt(a, 0, 2, 50), viewAt(a, 1, 2, 50)
	if viewsOverlap(even, odd) {
		t.Fatal("even and odd elements overlap")
	}
	if !viewsOverlap(even, viewAt(a, 3, 3, 30)) {
		t.Fatal("elements 6, 12, ... shared, not seen")
	}
}

// TestStridesMeetLarge checks stridesMeet where the modular arithmetic
// needs more than 64 bits (q/g above 2^32) and offsets far apart, against
// enumeration over few elements. On 32-bit platforms, whose memory cannot
// hold such strides, the cases that do not fit in an int are skipped.
func TestStridesMeetLarge(t *testing.T) {
	const big = 1<<40 + 15
	cases := []struct{ d, p, n, q, m int64 }{
		{big * 3, big, 5, 1, 40},                // i=3 needs j=3*big: too far
		{-(big - 1), 1, 2, big - 1, 3},          // i=0, j=1
		{big*2 - 3*(big+2), big, 4, big + 2, 4}, // i=2, j=3
		{1, big, 4, big + 2, 4},                 // none
		{(1<<33 + 1) * 7, 1<<33 + 1, 9, 1<<35 + 3, 9},
		{(1<<33+1)*7 - (1<<35+3)*2, 1<<33 + 1, 9, 1<<35 + 3, 9},
		{big - (1<<35+1)*3, big, 3, 1<<35 + 1, 50},
	}
	for _, c := range cases {
		d, p, n, q, m := int(c.d), int(c.p), int(c.n), int(c.q), int(c.m)
		if int64(d) != c.d || int64(p) != c.p || int64(q) != c.q {
			continue // 32-bit int
		}
		if got, want := stridesMeet(d, p, n, q, m), meetBrute(d, p, n, q, m); got != want {
			t.Errorf("stridesMeet%+v = %v, want %v", c, got, want)
		}
	}
}

// FuzzOverlap compares stridesMeet with enumeration: lengths up to 64,
// increments up to 2^48 (2^16 where int has 32 bits). The offset is i*p - j*q + shift, so that the
// progressions often meet or nearly meet, or with raw set, d itself.
func FuzzOverlap(f *testing.F) {
	f.Add(int64(0), false, uint8(0), uint8(0), int8(0), uint64(2), uint8(10), uint64(2), uint8(10))
	f.Add(int64(0), false, uint8(0), uint8(0), int8(1), uint64(2), uint8(10), uint64(2), uint8(10))
	f.Add(int64(6), true, uint8(0), uint8(0), int8(0), uint64(3), uint8(5), uint64(4), uint8(5))
	f.Add(int64(0), false, uint8(4), uint8(70), int8(-1), uint64(7), uint8(63), uint64(11), uint8(2))
	f.Add(int64(1<<41), true, uint8(0), uint8(0), int8(0), uint64(1<<40+1), uint8(3), uint64(3), uint8(40))
	f.Fuzz(func(t *testing.T, d int64, raw bool, i, j uint8, shift int8, p uint64, n uint8, q uint64, m uint8) {
		// Keep (n-1)*p + (m-1)*q + |d| within an int, as memory does.
		const lim = 1 << (bits.UintSize - 16)
		pp, qq := int(p%lim)+1, int(q%lim)+1
		nn, mm := int(n%65), int(m%65)
		dd := int(d % lim)
		if !raw {
			dd = int(i)*pp - int(j)*qq + int(shift)
		}
		if got, want := stridesMeet(dd, pp, nn, qq, mm), meetBrute(dd, pp, nn, qq, mm); got != want {
			t.Fatalf("stridesMeet(%d, %d, %d, %d, %d) = %v, want %v", dd, pp, nn, qq, mm, got, want)
		}
	})
}
