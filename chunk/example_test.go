package chunk_test

import (
	"fmt"
	"strings"

	"github.com/parnum/parnum/chunk"
	"gonum.org/v1/gonum/mat"
)

func ExampleSplit() {
	// numpy.array_split(np.arange(10), 3) gives pieces of 4, 3 and 3.
	fmt.Println(chunk.Split(10, 3))
	// More parts than elements: one element each, no empty pieces.
	fmt.Println(chunk.Split(2, 4))
	// Output:
	// [[0, 4) [4, 7) [7, 10)]
	// [[0, 1) [1, 2)]
}

func ExamplePart() {
	// Worker 2 of 3 computes its own range: no slice of ranges is allocated.
	fmt.Println(chunk.Part(10, 3, 2))
	// Output: [7, 10)
}

func ExampleAligned() {
	// 20 float64 values for 2 writers: the boundary falls on index 8 or 16
	// (a cache line holds 8), never inside a line.
	fmt.Println(chunk.Aligned(20, 2, chunk.LineFloats))
	// Output: [[0, 8) [8, 20)]
}

func ExampleAlignedPart() {
	fmt.Println(chunk.AlignedPart(100, 3, chunk.LineFloats, 1))
	// Output: [32, 64)
}

func ExampleBlocks() {
	// The grid depends only on n and the block size.
	fmt.Println(chunk.Blocks(10, 4))
	// Output: [[0, 4) [4, 8) [8, 10)]
}

func ExampleNumBlocks() {
	fmt.Println(chunk.NumBlocks(10, 4), chunk.NumBlocks(8, 4), chunk.NumBlocks(0, 4))
	// Output: 3 2 0
}

func ExampleBlock() {
	fmt.Println(chunk.Block(10, 4, 2))
	// Output: [8, 10)
}

func ExampleRange() {
	r := chunk.Range{Lo: 3, Hi: 9}
	fmt.Println(r, r.Len())
	// Output: [3, 9) 6
}

func ExampleRange_Len() {
	fmt.Println(chunk.Range{Lo: 3, Hi: 9}.Len())
	// Output: 6
}

func ExampleRange_String() {
	fmt.Println(chunk.Range{Lo: 3, Hi: 9}.String())
	// Output: [3, 9)
}

func ExampleSlice() {
	s := []float64{0, 1, 2, 3, 4, 5}
	p := chunk.Slice(s, chunk.Range{Lo: 1, Hi: 3})
	p = append(p, 99) // clipped: allocates, s is untouched
	fmt.Println(p, s)
	// Output: [1 2 99] [0 1 2 3 4 5]
}

func ExampleSlices() {
	words := strings.Fields("the quick brown fox jumps over the lazy dog")
	for _, p := range chunk.Slices(words, chunk.Split(len(words), 4)) {
		fmt.Println(p)
	}
	// Output:
	// [the quick brown]
	// [fox jumps]
	// [over the]
	// [lazy dog]
}

func ExampleVec() {
	v := mat.NewVecDense(6, []float64{0, 1, 2, 3, 4, 5})
	w := chunk.Vec(v, chunk.Range{Lo: 2, Hi: 5})
	w.ScaleVec(10, w) // writes through to v
	fmt.Println(v.RawVector().Data)
	// Output: [0 1 20 30 40 5]
}

func ExampleVecs() {
	v := mat.NewVecDense(5, []float64{1, 2, 3, 4, 5})
	for _, w := range chunk.Vecs(v, chunk.Split(v.Len(), 2)) {
		fmt.Println(w.Len(), mat.Sum(w))
	}
	// Output:
	// 3 6
	// 2 9
}

func ExampleJoin() {
	// The survivors of a filter, piece by piece, put back in order.
	s := []float64{3, -1, 4, -1, -5, 9, 2, -6}
	var pieces [][]float64
	for _, p := range chunk.Slices(s, chunk.Split(len(s), 3)) {
		var keep []float64
		for _, x := range p {
			if x > 0 {
				keep = append(keep, x)
			}
		}
		pieces = append(pieces, keep)
	}
	fmt.Println(chunk.Join(nil, pieces...))
	// Output: [3 4 9 2]
}
