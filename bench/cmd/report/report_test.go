package main

import (
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parnum/parnum/bench"
)

// TestRun runs a tiny report from end to end, plots included, and checks
// that its files say what they should.
func TestRun(t *testing.T) {
	op, _ := bench.Lookup("MapExp")
	s := settings{
		out: t.TempDir(), rounds: 3, sample: time.Millisecond,
		ops: []bench.Op{op}, sizes: []int{1 << 10, 1 << 12},
		sweepN: 1 << 12, streamN: 1 << 12, streamReps: 1, workers: runtime.GOMAXPROCS(0),
	}
	r := run(s)
	ws := len(workerCounts(s.workers))
	if len(r.compare) != 2 || len(r.sweep) != ws || len(r.ceil) != ws {
		t.Fatalf("run measured %d comparisons, %d sweep points, %d ceilings; want 2, %d, %d",
			len(r.compare), len(r.sweep), len(r.ceil), ws, ws)
	}
	if err := r.write(s); err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(s.out, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Memory-bandwidth ceiling", "| MapExp | 2^10 |", "parnum-blocks", "![speedup-MapExp](speedup-MapExp.png)"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	files := []string{"report.csv", "speedup-MapExp.png"}
	if ws > 1 {
		files = append(files, "workers-MapExp.png")
	}
	for _, f := range files {
		if fi, err := os.Stat(filepath.Join(s.out, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: missing or empty (%v)", f, err)
		}
	}
}

func TestRatio(t *testing.T) {
	a := timing{times: []time.Duration{10, 20, 10}}
	b := timing{times: []time.Duration{20, 20, 40}}
	if got, want := ratio(a, b), (spread{2, 1, 4}); got != want {
		t.Errorf("ratio = %v, want %v", got, want)
	}
	if got := (timing{times: []time.Duration{4, 1, 3, 2}}).median(); got != 2 {
		t.Errorf("median = %v, want 2", got)
	}
}

func TestWorkerCounts(t *testing.T) {
	for p, want := range map[int][]int{1: {1}, 2: {1, 2}, 12: {1, 2, 3, 4, 5, 6, 7, 8, 12}, 64: {1, 2, 3, 4, 5, 6, 7, 8, 16, 32, 64}} {
		if got := workerCounts(p); !slices.Equal(got, want) {
			t.Errorf("workerCounts(%d) = %v, want %v", p, got, want)
		}
	}
}

func TestPow2(t *testing.T) {
	if got := pow2(1 << 20); got != "2^20" {
		t.Errorf("pow2(2^20) = %q", got)
	}
	if got := pow2(1000); got != "1000" {
		t.Errorf("pow2(1000) = %q", got)
	}
}

// TestShares checks the share of the ceiling and the STREAM target on
// made-up timings: Sum at 2^24 moves 8*2^24 bytes, so 10 ms per call is
// 13.4 GB/s, and 5 ms is 26.8 GB/s.
func TestShares(t *testing.T) {
	op, ok := bench.Lookup("Sum")
	if !ok {
		t.Fatal("no Sum op")
	}
	n := 1 << 24
	par := timing{impl: bench.Parnum, times: []time.Duration{10 * time.Millisecond, 5 * time.Millisecond, 10 * time.Millisecond}}
	seq := timing{impl: bench.Seq, times: []time.Duration{20 * time.Millisecond, 20 * time.Millisecond, 20 * time.Millisecond}}
	c := comparison{op: op, n: n, workers: 2, ts: []timing{seq, par}}
	ceil := float64(8*n) / 5e-3 / 1e9 // the fastest round is exactly the ceiling
	r := &results{ceil: ceilings{{source: "C", threads: 2, gbs: map[string]float64{bench.KernelSum: ceil}}}, compare: []comparison{c}}
	med, best, ok := r.shares(c, par)
	if !ok || math.Abs(med-0.5) > 1e-12 || math.Abs(best-1) > 1e-12 {
		t.Errorf("shares = %v, %v, %v; want 0.5, 1, true", med, best, ok)
	}
	if got := r.share(c, par); got != "50% (100%)" {
		t.Errorf("share = %q, want %q", got, "50% (100%)")
	}
	var found bool
	for _, tg := range r.targets() {
		if strings.Contains(tg.what, "Sum 2^24") {
			found = true
			if tg.ok || tg.measured != "50% (fastest round 100%)" {
				t.Errorf("target %q: %q, ok %v; want 50%% (fastest round 100%%), not ok", tg.what, tg.measured, tg.ok)
			}
		}
	}
	if !found {
		t.Error("no STREAM target for Sum at 2^24")
	}
	if got := (timing{times: []time.Duration{4, 1, 3, 2}}).best(); got != 1 {
		t.Errorf("best = %v, want 1", got)
	}
}
