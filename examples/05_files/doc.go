// Package files is the fifth topic of the parnum tour: Python's aiofiles,
// replaced by goroutines that read and write files while others compute.
//
// In Python, a coroutine writes a file without blocking the event loop:
//
//	async with aiofiles.open("example.txt", "w") as f:
//	    await f.write("비동기 파일 작성!")
//
// aiofiles does it by running each file operation on a thread pool, because
// the event loop cannot wait for a regular file itself. Go's runtime does
// the same for every blocking system call, with no library: a goroutine
// that writes a file blocks alone, and the other goroutines keep the cores
// busy. So file I/O in Go is ordinary code (os.ReadFile, os.WriteFile, an
// *os.File) run on a goroutine of an errgroup.
//
// This topic saves a vector as shards, one file per piece of
// [chunk.Split], writes and reads the shards concurrently, overlaps the
// writing with the computing of the next piece, and shows what happens when
// a shard is missing or truncated: a clear error that names every bad shard,
// the good shards still loaded, and nothing on disk overwritten by a half
// written file. The files live in a temporary folder that each cell removes.
//
// The cells, in order:
//
//   - a: the tutorial's aiofiles write, as a goroutine, while computing.
//   - b: a vector saved as shards and loaded back, concurrently.
//   - c: overlapping I/O with computation: write one shard while the next is
//     computed.
//   - d: a missing shard: the error names it; nothing else is lost.
//   - e: a truncated shard, and a missing one: both named in one error.
//
// Run the cells with
//
//	go test -v ./examples/05_files
package files
