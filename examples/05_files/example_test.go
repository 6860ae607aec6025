package files_test

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"

	"github.com/parnum/parnum/chunk"
	"github.com/parnum/parnum/parray"
	"golang.org/x/sync/errgroup"
)

// # a. aiofiles.open(...).write(...): a goroutine that writes
//
// The tutorial writes one line to a file from a coroutine:
//
//	async with aiofiles.open("example.txt", "w") as f:
//	    await f.write("비동기 파일 작성!")
//
// In Go, the write is a plain os.WriteFile on a goroutine of an errgroup;
// the main goroutine computes meanwhile, and Wait is the await. (A write
// this small takes microseconds; the cells below write megabytes.)
func Example_a_writeFile() {
	dir, err := os.MkdirTemp("", "parnum-files-*")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "example.txt")

	var g errgroup.Group
	g.Go(func() error {
		return os.WriteFile(path, []byte("비동기 파일 작성!"), 0o644)
	})
	x := make([]float64, 1<<20) // meanwhile, compute
	for i := range x {
		x[i] = 0.5
	}
	sum := parray.Sum(x)
	if err := g.Wait(); err != nil { // await
		fmt.Println(err)
		return
	}

	text, err := os.ReadFile(path)
	fmt.Println(string(text), err)
	fmt.Println("sum computed meanwhile:", sum)
	// Output:
	// 비동기 파일 작성! <nil>
	// sum computed meanwhile: 524288
}

// # The shard format
//
// The cells below save a vector as shards: piece i of chunk.Split(len(x), k)
// goes to the file shard-i.f64, which holds the piece's length as a
// little-endian uint64, then its values as little-endian float64 bits. The
// length in the header is what lets a reader tell a complete shard from a
// truncated one.

// writeShard writes x to the shard file path. It never leaves a half-written
// shard under a shard's name: it writes to a temporary file in the same
// folder and renames it over the shard only when the write is complete. A
// crash in the middle leaves the old shard, or none, never a truncated one.
func writeShard(path string, x []float64) error {
	buf := make([]byte, 0, 8+8*len(x))
	buf = binary.LittleEndian.AppendUint64(buf, uint64(len(x)))
	for _, v := range x {
		buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(v))
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".shard-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(buf)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// Errors of readShard, for errors.Is.
var (
	errMissing   = errors.New("missing")
	errTruncated = errors.New("truncated")
)

// readShard reads the shard at path. Its errors name the shard's file, not
// the whole path, so that they read the same in every temporary folder.
func readShard(path string) ([]float64, error) {
	name := filepath.Base(path)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", name, errMissing)
	}
	if err != nil {
		return nil, err
	}
	if len(data) < 8 {
		return nil, fmt.Errorf("%s: %w: %d bytes, no header", name, errTruncated, len(data))
	}
	n := binary.LittleEndian.Uint64(data)
	body := data[8:]
	if uint64(len(body)) != 8*n {
		return nil, fmt.Errorf("%s: %w: the header says %d values, the file holds %d bytes of values",
			name, errTruncated, n, len(body))
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = math.Float64frombits(binary.LittleEndian.Uint64(body[8*i:]))
	}
	return x, nil
}

// shardPath is the file of shard i in dir.
func shardPath(dir string, i int) string {
	return filepath.Join(dir, fmt.Sprintf("shard-%02d.f64", i))
}

// saveShards writes x as k shards in dir, all at the same time.
func saveShards(dir string, x []float64, k int) error {
	var g errgroup.Group
	for i, r := range chunk.Split(len(x), k) {
		g.Go(func() error { return writeShard(shardPath(dir, i), chunk.Slice(x, r)) })
	}
	return g.Wait()
}

// loadShards reads the k shards in dir, all at the same time. It returns
// every shard it could read (nil for the others) and an error that names
// every shard it could not: one bad shard does not hide the others.
func loadShards(dir string, k int) ([][]float64, error) {
	pieces := make([][]float64, k)
	errs := make([]error, k)
	var g errgroup.Group
	for i := range k {
		g.Go(func() error {
			pieces[i], errs[i] = readShard(shardPath(dir, i))
			return nil
		})
	}
	g.Wait() // the errors are in errs, one per shard
	return pieces, errors.Join(errs...)
}

// series returns n values of a smooth signal.
func series(n int) []float64 {
	x := make([]float64, n)
	parray.For(n, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			x[i] = math.Sin(float64(i) / 1000)
		}
	})
	return x
}

// # b. A vector as shards, written and read at the same time
//
// saveShards cuts the vector with chunk.Split, numpy.array_split's cut, and
// writes each piece on its own goroutine; loadShards reads them back the
// same way; chunk.Join puts the pieces back in order, in one allocation.
// The round trip is exact: the file holds the bits of every value.
func Example_b_shards() {
	dir, err := os.MkdirTemp("", "parnum-files-*")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	x := series(1_000_003)
	if err := saveShards(dir, x, 4); err != nil {
		fmt.Println(err)
		return
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		info, _ := e.Info()
		fmt.Println(e.Name(), info.Size(), "bytes")
	}

	pieces, err := loadShards(dir, 4)
	if err != nil {
		fmt.Println(err)
		return
	}
	y := chunk.Join(nil, pieces...)
	fmt.Println("the same bits after the round trip:", slices.Equal(x, y))
	// Output:
	// shard-00.f64 2000016 bytes
	// shard-01.f64 2000016 bytes
	// shard-02.f64 2000016 bytes
	// shard-03.f64 2000008 bytes
	// the same bits after the round trip: true
}

// # c. Writing one shard while computing the next
//
// A long computation that saves its results can overlap the two: while
// shard i is being written, shard i+1 is being computed. Two goroutines of
// one errgroup.WithContext form the pipeline, joined by a channel that holds
// one finished shard: the computing side (parray, on every core) and the
// writing side (the disk). If the writer fails, the group's context is
// canceled and the computing side stops at its next send; if the computing
// side stops, it closes the channel and the writer finishes. Either way
// Wait returns the first error, and no goroutine is left behind.
//
// On a machine whose disk is slow, the whole takes about as long as the
// slower of the two sides, not their sum.
func Example_c_overlap() {
	dir, err := os.MkdirTemp("", "parnum-files-*")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	const k = 8
	x := series(1 << 20)
	y := make([]float64, len(x))
	ranges := chunk.Split(len(x), k)

	g, ctx := errgroup.WithContext(context.Background())
	done := make(chan int, 1) // the index of a finished shard
	g.Go(func() error {       // computes y = exp(-x*x), shard by shard
		defer close(done)
		for i, r := range ranges {
			parray.Blocks(chunk.Slice(y, r), func(dst []float64, src ...[]float64) {
				for j, v := range src[0] {
					dst[j] = math.Exp(-v * v)
				}
			}, chunk.Slice(x, r))
			select {
			case done <- i:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	})
	g.Go(func() error { // writes each shard as soon as it is ready
		for i := range done {
			if err := writeShard(shardPath(dir, i), chunk.Slice(y, ranges[i])); err != nil {
				return err
			}
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		fmt.Println(err)
		return
	}

	pieces, err := loadShards(dir, k)
	fmt.Println("shards written:", len(pieces), "error:", err)
	fmt.Println("the files hold the results:", slices.Equal(chunk.Join(nil, pieces...), y))
	fmt.Printf("sum of the results: %.4f\n", parray.Sum(y))
	// Output:
	// shards written: 8 error: <nil>
	// the files hold the results: true
	// sum of the results: 676211.6124
}

// # d. A missing shard
//
// One shard has been deleted. loadShards reads the others, and its error
// names the missing one; errors.Is tells the kind. Nothing is lost: the
// good shards are loaded (their lengths are printed; the missing one is
// empty), and once the missing shard is written again, from the data that
// is still in memory or recomputed for that piece alone, the load is
// complete.
func Example_d_missingShard() {
	dir, err := os.MkdirTemp("", "parnum-files-*")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	x := series(1000)
	if err := saveShards(dir, x, 4); err != nil {
		fmt.Println(err)
		return
	}
	os.Remove(shardPath(dir, 2))

	pieces, err := loadShards(dir, 4)
	fmt.Println("error:", err)
	fmt.Println("missing:", errors.Is(err, errMissing))
	for i, p := range pieces {
		fmt.Printf("shard %d: %d values\n", i, len(p))
	}

	// Write the missing shard again, and load once more.
	r := chunk.Part(len(x), 4, 2)
	if err := writeShard(shardPath(dir, 2), chunk.Slice(x, r)); err != nil {
		fmt.Println(err)
		return
	}
	pieces, err = loadShards(dir, 4)
	fmt.Println("after rewriting shard 2:", err, slices.Equal(chunk.Join(nil, pieces...), x))
	// Output:
	// error: shard-02.f64: missing
	// missing: true
	// shard 0: 250 values
	// shard 1: 250 values
	// shard 2: 0 values
	// shard 3: 250 values
	// after rewriting shard 2: <nil> true
}

// # e. A truncated shard, and a missing one
//
// A shard copied by a tool that died half-way is shorter than its header
// says. readShard compares the two and says by how much. With one shard
// truncated and another missing, the error names both, one per line, in
// shard order (errors.Join), whichever goroutine found its error first.
//
// writeShard itself cannot leave such a file: it renames a complete
// temporary file over the shard. Here the shard is cut short by hand.
func Example_e_truncatedShard() {
	dir, err := os.MkdirTemp("", "parnum-files-*")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	x := series(1000)
	if err := saveShards(dir, x, 4); err != nil {
		fmt.Println(err)
		return
	}
	os.Truncate(shardPath(dir, 1), 8+8*100+3) // the header, 100 values and 3 bytes
	os.Remove(shardPath(dir, 3))

	_, err = loadShards(dir, 4)
	fmt.Println(err)
	fmt.Println("truncated:", errors.Is(err, errTruncated), "missing:", errors.Is(err, errMissing))
	// Output:
	// shard-01.f64: truncated: the header says 250 values, the file holds 803 bytes of values
	// shard-03.f64: missing
	// truncated: true missing: true
}
