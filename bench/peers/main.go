// Command peers times parnum beside what a Python or Rust user would pick
// for the same work, in one run on one machine:
//
//   - numpy, single-threaded (BLAS held to one thread);
//   - numexpr's evaluate, with 1 thread and with -threads threads, writing
//     into a preallocated output with out=;
//   - multiprocessing.Pool.map over numpy.array_split pieces, -threads
//     processes: exactly what the tutorials teach (the pool is created once,
//     outside the timing, which is kinder to it than the tutorials);
//   - Rust rayon, with 1 thread and with -threads threads, in a release
//     build for this processor;
//
// and, in this process, parnum (parray) and the sequential Go code (gonum,
// or the plain loop). The Python and Rust programs are peers.py and
// rayon/; each runs as a child process that the driver asks to time one
// sample at a time, so that the systems can be interleaved in rounds
// (A B C D, A B C D, ...) and a change of the machine's speed touches all of
// them. Every system first computes each operation once on the same inputs,
// and its result is checked against parnum's.
//
// The operations, on 10^7 values (the map of exp on 2^20), and with -small
// also on 1024 values:
//
//	sumsq      sum of squares          parray.Dot(x, x)
//	muladd     out = a*b + c           parray.Blocks into a preallocated out
//	sum        sum                     parray.Sum
//	dot        dot product             parray.Dot
//	exp        out = exp(a)            parray.MapTo(out, math.Exp, a)
//	addto      out = a + b             parray.AddTo
//	addscaled  out += alpha*a          parray.AddScaled
//	variance   unbiased variance       parray.Variance
//	cumsum     running sum             parray.CumSum
//
// It writes peers.md (one row per operation, one column per system: the
// median time per call with the spread of the rounds, and how many times
// faster parnum is) and peers.csv (every sample) to the folder of -out, and
// prints the table. Nothing else should run on the machine meanwhile.
//
// bench/peers/run installs the Python packages and builds the Rust program
// from Debian's packages, then runs this command: make peers does it all.
//
// Usage (in the bench module):
//
//	go run ./peers [flags]
//
// The flags are:
//
//	-python path
//		the Python with numpy and numexpr (default /usr/bin/python3)
//	-rayon path
//		the built Rust program; if it is missing, no rayon columns
//		(default peers/rayon/target/release/rayon-peer)
//	-threads n
//		threads of the parallel systems, parnum's workers (default: the
//		number of CPUs)
//	-rounds n
//		samples of each system, in turn (default 7)
//	-sample d
//		the least time one sample runs (default 200ms)
//	-small
//		also compare on 1024 values (default true)
//	-ops list
//		comma-separated operations (default all)
//	-out dir
//		where peers.md and peers.csv go (default out)
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"

	"github.com/parnum/parnum/bench"
	"github.com/parnum/parnum/parray"
)

// alpha is the scale of addscaled in every system.
const alpha = 1.0 / 1024

// operation is one row of the table.
type operation struct {
	name  string
	title string
	// scalar is true when the operation returns a value; otherwise it
	// writes out, and its check value is out[n/3] + out[n-1].
	scalar bool
}

var operations = []operation{
	{"sumsq", "sum of squares", true},
	{"muladd", "a*b + c into out", false},
	{"sum", "Sum", true},
	{"dot", "Dot", true},
	{"exp", "map exp", false},
	{"addto", "a + b into out (AddTo)", false},
	{"addscaled", "out += alpha*a (AddScaled)", false},
	{"variance", "Variance", true},
	{"cumsum", "CumSum", false},
}

// lengthOf returns the length of op's large row: 10^7, 2^20 for exp.
func lengthOf(op string) int {
	if op == "exp" {
		return 1 << 20
	}
	return 10_000_000
}

// system is one column of the table.
type system interface {
	name() string
	// setup makes the inputs of length n.
	setup(n int) error
	// check runs op once on fresh inputs and returns its check value;
	// false if the system has no such operation.
	check(op string) (float64, bool, error)
	// time runs op reps times and returns the mean time of a call.
	time(op string, reps int) (time.Duration, error)
	close()
}

func main() {
	python := flag.String("python", "/usr/bin/python3", "the Python with numpy and numexpr")
	rayon := flag.String("rayon", "peers/rayon/target/release/rayon-peer", "the built Rust program")
	threads := flag.Int("threads", runtime.NumCPU(), "threads of the parallel systems and parnum's workers")
	rounds := flag.Int("rounds", 7, "samples of each system, in turn")
	sample := flag.Duration("sample", 200*time.Millisecond, "the least time one sample runs")
	small := flag.Bool("small", true, "also compare on 1024 values")
	opsFlag := flag.String("ops", "", "comma-separated operations (default all)")
	out := flag.String("out", "out", "where peers.md and peers.csv go")
	flag.Parse()
	if *threads < 1 || *rounds < 1 || *sample <= 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "peers: -threads and -rounds must be at least 1, -sample positive, and no arguments")
		os.Exit(2)
	}
	ops := operations
	if *opsFlag != "" {
		ops = nil
		for name := range strings.SplitSeq(*opsFlag, ",") {
			i := slices.IndexFunc(operations, func(o operation) bool { return o.name == strings.TrimSpace(name) })
			if i < 0 {
				fmt.Fprintf(os.Stderr, "peers: no operation %q\n", name)
				os.Exit(2)
			}
			ops = append(ops, operations[i])
		}
	}
	runtime.GOMAXPROCS(*threads)

	systems, notes := startSystems(*python, *rayon, *threads)
	defer func() {
		for _, s := range systems {
			s.close()
		}
	}()

	// Rows grouped by length, so that each system fills its inputs once
	// per length.
	type row struct {
		op operation
		n  int
	}
	var rows []row
	for _, op := range ops {
		rows = append(rows, row{op, lengthOf(op.name)})
	}
	if *small {
		for _, op := range ops {
			rows = append(rows, row{op, 1024})
		}
	}
	start := time.Now()
	var results []result
	for i, r := range rows {
		if i == 0 || rows[i-1].n != r.n {
			for _, s := range systems {
				fmt.Fprintf(os.Stderr, "setting up n=%d in %s\n", r.n, s.name())
				if err := s.setup(r.n); err != nil {
					fatal(systems, fmt.Errorf("%s: setup: %v", s.name(), err))
				}
			}
		}
		fmt.Fprintf(os.Stderr, "[%d/%d] %s, n=%d (%s so far)\n", i+1, len(rows), r.op.name, r.n, time.Since(start).Round(time.Second))
		res, err := compare(systems, r.op, r.n, *rounds, *sample)
		if err != nil {
			fatal(systems, err)
		}
		results = append(results, res)
	}
	elapsed := time.Since(start)

	if err := os.MkdirAll(*out, 0o755); err != nil {
		fatal(systems, err)
	}
	var md strings.Builder
	writeMarkdown(&md, systems, results, notes, *threads, *rounds, *sample, elapsed)
	fmt.Print(md.String())
	if err := os.WriteFile(filepath.Join(*out, "peers.md"), []byte(md.String()), 0o644); err != nil {
		fatal(systems, err)
	}
	var csv strings.Builder
	writeCSV(&csv, systems, results)
	if err := os.WriteFile(filepath.Join(*out, "peers.csv"), []byte(csv.String()), 0o644); err != nil {
		fatal(systems, err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s and peers.csv\n", filepath.Join(*out, "peers.md"))
}

func fatal(systems []system, err error) {
	for _, s := range systems {
		s.close()
	}
	fmt.Fprintln(os.Stderr, "peers:", err)
	os.Exit(1)
}

// startSystems starts every system it can, in the order of the table, and
// says why any could not start.
func startSystems(python, rayon string, threads int) ([]system, []string) {
	systems := []system{
		newGoSystem("parnum", parnumOps()),
		newGoSystem("go-seq", seqOps()),
	}
	var notes []string
	single := []string{"OMP_NUM_THREADS=1", "OPENBLAS_NUM_THREADS=1", "MKL_NUM_THREADS=1"}
	script := filepath.Join("peers", "peers.py")
	type spec struct {
		name string
		args []string
	}
	var specs []spec
	specs = append(specs, spec{"numpy", []string{python, script, "numpy", "1"}})
	for _, t := range slices.Compact([]int{1, threads}) {
		specs = append(specs, spec{fmt.Sprintf("numexpr-%d", t), []string{python, script, "numexpr", strconv.Itoa(t)}})
	}
	specs = append(specs, spec{fmt.Sprintf("Pool.map-%d", threads), []string{python, script, "pool", strconv.Itoa(threads)}})
	if _, err := os.Stat(rayon); err != nil {
		notes = append(notes, fmt.Sprintf("No rayon: %v (bench/peers/run builds it).", err))
	} else {
		for _, t := range slices.Compact([]int{1, threads}) {
			specs = append(specs, spec{fmt.Sprintf("rayon-%d", t), []string{rayon, strconv.Itoa(t)}})
		}
	}
	for _, sp := range specs {
		p, err := startProc(sp.name, sp.args, single)
		if err != nil {
			notes = append(notes, fmt.Sprintf("No %s: %v.", sp.name, err))
			continue
		}
		systems = append(systems, p)
		if sp.args[0] == python {
			if v, err := p.ask("version"); err == nil && v != nil {
				notes = append(notes, fmt.Sprintf("%s: %s.", sp.name, strings.Join(v, " ")))
			}
		}
	}
	return systems, notes
}

// goSystem runs Go code in this process.
type goSystem struct {
	label string
	ops   map[string]func(in *bench.Inputs) float64
	in    *bench.Inputs
	sink  float64
}

func newGoSystem(name string, ops map[string]func(in *bench.Inputs) float64) *goSystem {
	return &goSystem{label: name, ops: ops}
}

func (g *goSystem) name() string { return g.label }

func (g *goSystem) setup(n int) error {
	g.in = nil
	runtime.GC()
	g.in = bench.NewInputs(n)
	return nil
}

func (g *goSystem) check(op string) (float64, bool, error) {
	f, ok := g.ops[op]
	if !ok {
		return 0, false, nil
	}
	copy(g.in.Dst, g.in.Y)
	r := f(g.in)
	if i := slices.IndexFunc(operations, func(o operation) bool { return o.name == op }); !operations[i].scalar {
		n := len(g.in.Dst)
		r = g.in.Dst[n/3] + g.in.Dst[n-1]
	}
	return r, true, nil
}

func (g *goSystem) time(op string, reps int) (time.Duration, error) {
	f := g.ops[op]
	runtime.GC()
	start := time.Now()
	for range reps {
		g.sink += f(g.in)
	}
	return time.Since(start) / time.Duration(reps), nil
}

func (g *goSystem) close() {}

// parnumOps are the operations as a parnum user writes them.
func parnumOps() map[string]func(in *bench.Inputs) float64 {
	return map[string]func(in *bench.Inputs) float64{
		"sumsq": func(in *bench.Inputs) float64 { return parray.Dot(in.X, in.X) },
		"muladd": func(in *bench.Inputs) float64 {
			parray.Blocks(in.Dst, bench.MulAddBlock, in.X, in.Y, in.Z)
			return in.Dst[0]
		},
		"sum":       func(in *bench.Inputs) float64 { return parray.Sum(in.X) },
		"dot":       func(in *bench.Inputs) float64 { return parray.Dot(in.X, in.Y) },
		"exp":       func(in *bench.Inputs) float64 { parray.MapTo(in.Dst, math.Exp, in.X); return in.Dst[0] },
		"addto":     func(in *bench.Inputs) float64 { parray.AddTo(in.Dst, in.X, in.Y); return in.Dst[0] },
		"addscaled": func(in *bench.Inputs) float64 { parray.AddScaled(in.Dst, alpha, in.X); return in.Dst[0] },
		"variance":  func(in *bench.Inputs) float64 { return parray.Variance(in.X, nil) },
		"cumsum":    func(in *bench.Inputs) float64 { parray.CumSum(in.Dst, in.X); return in.Dst[0] },
	}
}

// seqOps are the operations in sequential Go: gonum, or the plain loop.
func seqOps() map[string]func(in *bench.Inputs) float64 {
	return map[string]func(in *bench.Inputs) float64{
		"sumsq":     func(in *bench.Inputs) float64 { return floats.Dot(in.X, in.X) },
		"muladd":    func(in *bench.Inputs) float64 { bench.MulAddSeq(in.Dst, in.X, in.Y, in.Z); return in.Dst[0] },
		"sum":       func(in *bench.Inputs) float64 { return floats.Sum(in.X) },
		"dot":       func(in *bench.Inputs) float64 { return floats.Dot(in.X, in.Y) },
		"exp":       func(in *bench.Inputs) float64 { bench.ExpSeq(in.Dst, in.X); return in.Dst[0] },
		"addto":     func(in *bench.Inputs) float64 { floats.AddTo(in.Dst, in.X, in.Y); return in.Dst[0] },
		"addscaled": func(in *bench.Inputs) float64 { floats.AddScaled(in.Dst, alpha, in.X); return in.Dst[0] },
		"variance":  func(in *bench.Inputs) float64 { return stat.Variance(in.X, nil) },
		"cumsum":    func(in *bench.Inputs) float64 { floats.CumSum(in.Dst, in.X); return in.Dst[0] },
	}
}

// proc is a system in a child process, spoken to in lines (see peers.py).
type proc struct {
	label string
	cmd   *exec.Cmd
	in    io.WriteCloser
	out   *bufio.Scanner
}

func startProc(name string, args, env []string) (*proc, error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &proc{label: name, cmd: cmd, in: in, out: bufio.NewScanner(out)}
	// A first exchange, so that a program that cannot start (numpy
	// missing) is found now.
	if err := p.setup(16); err != nil {
		p.close()
		return nil, err
	}
	return p, nil
}

func (p *proc) name() string { return p.label }

// ask sends one line and returns the fields of the reply after "ok", or
// nil for "na".
func (p *proc) ask(format string, args ...any) ([]string, error) {
	if _, err := fmt.Fprintf(p.in, format+"\n", args...); err != nil {
		return nil, err
	}
	if !p.out.Scan() {
		if err := p.out.Err(); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("exited")
	}
	f := strings.Fields(p.out.Text())
	switch {
	case len(f) > 0 && f[0] == "ok":
		return f[1:], nil
	case len(f) > 0 && f[0] == "na":
		return nil, nil
	default:
		return nil, fmt.Errorf("answered %q", p.out.Text())
	}
}

func (p *proc) setup(n int) error {
	_, err := p.ask("setup %d", n)
	return err
}

func (p *proc) check(op string) (float64, bool, error) {
	f, err := p.ask("check %s", op)
	if err != nil || f == nil {
		return 0, false, err
	}
	v, err := strconv.ParseFloat(f[0], 64)
	return v, true, err
}

func (p *proc) time(op string, reps int) (time.Duration, error) {
	f, err := p.ask("time %s %d", op, reps)
	if err != nil {
		return 0, err
	}
	if f == nil {
		return 0, fmt.Errorf("%s cannot time %s", p.label, op)
	}
	s, err := strconv.ParseFloat(f[0], 64)
	return time.Duration(s * 1e9), err
}

func (p *proc) close() {
	if p.cmd.Process == nil || p.cmd.ProcessState != nil {
		return
	}
	fmt.Fprintln(p.in, "quit")
	p.in.Close()
	done := make(chan struct{})
	go func() { p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		p.cmd.Process.Kill()
		<-done
	}
}

// result is one row: each system's samples, nil where it has no such
// operation.
type result struct {
	op     operation
	n      int
	checks []float64 // each system's check value
	ok     []bool    // whether the system has the operation
	times  [][]time.Duration
}

// compare checks op on every system, calibrates each system's repetitions
// to sample, then times one sample of each system in turn, rounds times.
func compare(systems []system, op operation, n, rounds int, sample time.Duration) (result, error) {
	r := result{op: op, n: n, checks: make([]float64, len(systems)), ok: make([]bool, len(systems)), times: make([][]time.Duration, len(systems))}
	reps := make([]int, len(systems))
	for i, s := range systems {
		v, ok, err := s.check(op.name)
		if err != nil {
			return r, fmt.Errorf("%s: check %s: %v", s.name(), op.name, err)
		}
		r.checks[i], r.ok[i] = v, ok
		if !ok {
			continue
		}
		if !near(v, r.checks[0]) {
			fmt.Fprintf(os.Stderr, "peers: %s's %s gives %v, parnum's %v\n", s.name(), op.name, v, r.checks[0])
		}
		t, err := s.time(op.name, 1)
		if err != nil {
			return r, err
		}
		reps[i] = max(1, int(math.Ceil(float64(sample)/float64(max(t, 1)))))
		if reps[i] > 1 { // a second estimate, on a warm system
			t, err = s.time(op.name, min(reps[i], 100))
			if err != nil {
				return r, err
			}
			reps[i] = max(1, int(math.Ceil(float64(sample)/float64(max(t, 1)))))
		}
	}
	for range rounds {
		for i, s := range systems {
			if !r.ok[i] {
				continue
			}
			t, err := s.time(op.name, reps[i])
			if err != nil {
				return r, err
			}
			r.times[i] = append(r.times[i], t)
		}
	}
	return r, nil
}

// near reports whether a system's check value agrees with parnum's: sums
// in another order differ in the last bits.
func near(v, want float64) bool {
	return math.Abs(v-want) <= 1e-8*math.Max(math.Abs(want), 1)
}

// stats returns the median, lowest and highest of xs.
func stats(xs []float64) (med, lo, hi float64) {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	med = s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return med, s[0], s[n-1]
}

// speedups returns, round by round, how many times faster parnum (system
// 0) was than system i.
func (r result) speedups(i int) []float64 {
	sp := make([]float64, len(r.times[i]))
	for k := range sp {
		sp[k] = float64(r.times[i][k]) / float64(r.times[0][k])
	}
	return sp
}

func seconds(ts []time.Duration) []float64 {
	s := make([]float64, len(ts))
	for i, t := range ts {
		s[i] = t.Seconds()
	}
	return s
}

// dur writes a time in seconds with three significant digits.
func dur(s float64) string {
	d := time.Duration(s * 1e9)
	for unit := time.Duration(1); ; unit *= 10 {
		if d < 1000*unit {
			return d.Round(unit).String()
		}
	}
}

func ratio(x float64) string {
	switch {
	case x >= 100:
		return fmt.Sprintf("%.0f", x)
	case x >= 10:
		return fmt.Sprintf("%.1f", x)
	default:
		return fmt.Sprintf("%.2f", x)
	}
}

func pow(n int) string {
	switch n {
	case 10_000_000:
		return "10^7"
	case 1 << 20:
		return "2^20"
	}
	return strconv.Itoa(n)
}

func writeMarkdown(w io.Writer, systems []system, rs []result, notes []string, threads, rounds int, sample time.Duration, elapsed time.Duration) {
	fmt.Fprintf(w, "# parnum and its peers\n\n")
	fmt.Fprintf(w, "- date: %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "- machine: %s; %d threads for the parallel systems\n", bench.Machine(), threads)
	fmt.Fprintf(w, "- method: %d rounds, each system one sample of at least %v per round in turn; measured in %s\n", rounds, sample, elapsed.Round(time.Second))
	for _, n := range notes {
		fmt.Fprintf(w, "- note: %s\n", n)
	}
	fmt.Fprintf(w, "\nEach cell: the median time of one call; then, for the peers, how many times faster parnum is (the peer's time over parnum's, round by round: median and lowest–highest). Below 1× the peer is faster. — : the system has no such operation. ! : its result differs from parnum's.\n\n")
	fmt.Fprintf(w, "| operation | n |")
	for _, s := range systems {
		fmt.Fprintf(w, " %s |", s.name())
	}
	fmt.Fprintf(w, "\n|---|---:|%s\n", strings.Repeat("---:|", len(systems)))
	for _, r := range rs {
		fmt.Fprintf(w, "| %s | %s |", r.op.title, pow(r.n))
		for i := range systems {
			if !r.ok[i] {
				fmt.Fprintf(w, " — |")
				continue
			}
			med, lo, hi := stats(seconds(r.times[i]))
			if i == 0 {
				fmt.Fprintf(w, " %s (%s–%s) |", dur(med), dur(lo), dur(hi))
				continue
			}
			mark := ""
			if !near(r.checks[i], r.checks[0]) {
				mark = " !"
			}
			sm, sl, sh := stats(r.speedups(i))
			fmt.Fprintf(w, " %s · %s× (%s–%s)%s |", dur(med), ratio(sm), ratio(sl), ratio(sh), mark)
		}
		fmt.Fprintln(w)
	}

	fmt.Fprintf(w, "\n## Targets\n\nFrom this run, %d threads. A ratio is how many times faster parnum is: median (lowest–highest round).\n\n", threads)
	fmt.Fprintf(w, "| target | measured | met |\n|---|---:|---|\n")
	idx := func(name string) int {
		return slices.IndexFunc(systems, func(s system) bool { return s.name() == name })
	}
	// check writes one target's row: parnum must be at least atLeast times
	// faster than peer, or strictly faster when strict.
	check := func(op string, n int, peer string, atLeast float64, strict bool, what string) {
		i := idx(peer)
		for _, r := range rs {
			if r.op.name != op || r.n != n || i < 0 || !r.ok[i] {
				continue
			}
			med, lo, hi := stats(r.speedups(i))
			met := "yes"
			if med < atLeast || strict && med <= atLeast {
				met = "**no**"
			}
			fmt.Fprintf(w, "| %s | %s× (%s–%s) | %s |\n", what, ratio(med), ratio(lo), ratio(hi), met)
		}
	}
	t := strconv.Itoa(threads)
	check("sumsq", 1e7, "Pool.map-"+t, 100, false, "sum of squares, 10^7: at least 100× Pool.map + array_split")
	check("muladd", 1e7, "numexpr-"+t, 1.5, false, "a*b + c, 10^7: at least 1.5× numexpr with "+t+" threads")
	check("muladd", 1e7, "rayon-"+t, 1, false, "a*b + c, 10^7: no slower than rayon with "+t+" threads")
	check("exp", 1<<20, "go-seq", 1.8, false, "map exp, 2^20: at least 1.8× the sequential Go loop")
	for _, op := range []string{"sum", "dot"} {
		check(op, 1e7, "numpy", 1, true, op+", 10^7: faster than numpy")
		check(op, 1e7, "rayon-"+t, 1, true, op+", 10^7: faster than rayon with "+t+" threads")
	}
}

func writeCSV(w io.Writer, systems []system, rs []result) {
	fmt.Fprintln(w, "op,n,system,round,ns_per_call")
	for _, r := range rs {
		for i, s := range systems {
			for k, t := range r.times[i] {
				fmt.Fprintf(w, "%s,%d,%s,%d,%d\n", r.op.name, r.n, s.name(), k, t.Nanoseconds())
			}
		}
	}
}
