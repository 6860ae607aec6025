package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/parnum/parnum/chunk"
	"github.com/parnum/parnum/parray"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
)

func main() {
	n := flag.Int("n", 10_000_000, "number of readings")
	flag.Parse()
	if *n < 2 {
		fmt.Fprintln(os.Stderr, "analytics: -n must be at least 2")
		os.Exit(2)
	}
	// The results first, then the timings.
	var measured bytes.Buffer
	run(os.Stdout, &measured, *n)
	os.Stdout.Write(measured.Bytes())
}

// The data: one reading a second from a temperature sensor and a humidity
// sensor in the same room. Temperature follows the day (21 °C on average,
// 4 °C up and down) with noise; humidity falls as the temperature rises.
// Now and then the temperature sensor spikes by 25 °C: the anomalies.
const (
	seed      = 2025
	genBlock  = 1 << 16 // readings per generator
	day       = 86_400  // readings per day
	spikeProb = 1e-4
)

// generateBlock fills the readings of block b of the generator grid, with
// that block's own generator: the values depend on the seed and the block
// alone, not on which core makes them, or when.
func generateBlock(temp, humid []float64, b int) {
	r := chunk.Block(len(temp), genBlock, b)
	rnd := rand.New(rand.NewPCG(seed, uint64(b)))
	for i := r.Lo; i < r.Hi; i++ {
		clean := 21 + 4*math.Sin(2*math.Pi*float64(i)/day) + 1.5*rnd.NormFloat64()
		humid[i] = 60 - 2.5*(clean-21) + 3*rnd.NormFloat64()
		temp[i] = clean
		if rnd.Float64() < spikeProb {
			temp[i] += 25
		}
	}
}

// generate fills temp and humid, which must have the same length, with
// readings, on one core.
func generate(temp, humid []float64) {
	for b := range chunk.NumBlocks(len(temp), genBlock) {
		generateBlock(temp, humid, b)
	}
}

// generatePar makes the same readings on every core: parray.For over the
// block indices. Grain 1 says that one block is worth a goroutine.
func generatePar(temp, humid []float64) {
	parray.Config{Grain: 1}.For(chunk.NumBlocks(len(temp), genBlock), func(lo, hi int) {
		for b := lo; b < hi; b++ {
			generateBlock(temp, humid, b)
		}
	})
}

// standardize sets z[i] = (x[i] - mean) / std, sequentially.
func standardize(z, x []float64, mean, std float64) {
	for i, v := range x {
		z[i] = (v - mean) / std
	}
}

// standardizePar is standardize on every core, with the same bits: each
// block runs the same loop.
func standardizePar(z, x []float64, mean, std float64) {
	parray.Blocks(z, func(dst []float64, src ...[]float64) {
		standardize(dst, src[0], mean, std)
	}, x)
}

// The histogram of z: 16 bins of width 0.5 over [-4, 4), and two more for
// the readings below and above.
const (
	bins     = 16
	binLo    = -4.0
	binWidth = 0.5
)

// hist holds the counts: [0] below binLo, [1:bins+1] the bins, [bins+1]
// at or above the last bin's end.
type hist [bins + 2]int

// histogram counts the values of z, sequentially.
func histogram(z []float64) hist {
	var h hist
	for _, v := range z {
		k := math.Floor((v-binLo)/binWidth) + 1
		h[int(min(max(k, 0), bins+1))]++ // clamped before the conversion: no overflow
	}
	return h
}

// addHist is the combine function of the histogram: the counts add up.
func addHist(a, b hist) hist {
	for i := range a {
		a[i] += b[i]
	}
	return a
}

// histogramPar counts the values of z on every core: parray.Reduce calls
// histogram on each block of its grid and adds the block histograms.
func histogramPar(z []float64) hist {
	return parray.Reduce(z, histogram, addHist)
}

// comoments are the count, means, and sums of squared and multiplied
// deviations of a run of pairs (x, y): all a correlation needs.
type comoments struct {
	n, mx, my, sxx, syy, sxy float64
}

// comomentsOf computes the co-moments of x[lo:hi] and y[lo:hi] in two
// passes (means, then deviations), which keeps full accuracy for data far
// from zero. The sums run in local variables: the compiler keeps those in
// registers, where the fields of a six-field struct would go to memory on
// every step (it was three times slower).
func comomentsOf(x, y []float64, lo, hi int) comoments {
	x = x[lo:hi]
	y = y[lo:hi][:len(x)] // one bounds check here, none in the loops
	n := float64(len(x))
	var sx, sy float64
	for i, v := range x {
		sx += v
		sy += y[i]
	}
	mx, my := sx/n, sy/n
	var sxx, syy, sxy float64
	for i, v := range x {
		dx, dy := v-mx, y[i]-my
		sxx += dx * dx
		syy += dy * dy
		sxy += dx * dy
	}
	return comoments{n, mx, my, sxx, syy, sxy}
}

// mergeComoments merges the co-moments of two neighbouring runs, by the
// formula of Chan, Golub and LeVeque.
func mergeComoments(a, b comoments) comoments {
	n := a.n + b.n
	dx, dy := b.mx-a.mx, b.my-a.my
	f := a.n * b.n / n
	return comoments{
		n:   n,
		mx:  a.mx + dx*b.n/n,
		my:  a.my + dy*b.n/n,
		sxx: a.sxx + b.sxx + dx*dx*f,
		syy: a.syy + b.syy + dy*dy*f,
		sxy: a.sxy + b.sxy + dx*dy*f,
	}
}

// correlationPar returns Pearson's correlation of x and y on every core:
// parray.ReduceRange gives each block's bounds, so the block function reads
// both series at once.
func correlationPar(x, y []float64) float64 {
	c := parray.ReduceRange(len(x), func(lo, hi int) comoments {
		return comomentsOf(x, y, lo, hi)
	}, mergeComoments)
	return c.sxy / math.Sqrt(c.sxx*c.syy)
}

// anomalyZ is how far from the mean, in standard deviations, a reading must
// be to count as an anomaly.
const anomalyZ = 5

func anomalous(z float64) bool { return math.Abs(z) > anomalyZ }

// countAnomalies counts the anomalies of z, sequentially.
func countAnomalies(z []float64) int {
	n := 0
	for _, v := range z {
		if anomalous(v) {
			n++
		}
	}
	return n
}

// countAnomaliesPar counts them on every core. parray.Count(anomalous, z)
// would call anomalous through a func value for every reading, which costs
// more than the test itself; Reduce runs the inlined loop of countAnomalies
// on each block instead.
func countAnomaliesPar(z []float64) int {
	return parray.Reduce(z, countAnomalies, func(a, b int) int { return a + b })
}

// timer records the sequential and parallel times of each step.
type timer struct {
	steps    []string
	seq, par []time.Duration
}

// rounds is how many times each step runs, sequential and parallel in
// turn; the shortest time of each counts.
const rounds = 3

// time runs seq and par in turn, rounds times, and records the shortest
// time of each. They must give the same results every time.
func (t *timer) time(step string, seq, par func()) {
	var bs, bp time.Duration = math.MaxInt64, math.MaxInt64
	for range rounds {
		t0 := time.Now()
		seq()
		t1 := time.Now()
		par()
		t2 := time.Now()
		bs, bp = min(bs, t1.Sub(t0)), min(bp, t2.Sub(t1))
	}
	t.steps = append(t.steps, step)
	t.seq = append(t.seq, bs)
	t.par = append(t.par, bp)
}

// print writes the table of timings.
func (t *timer) print(w io.Writer) {
	fmt.Fprintf(w, "\ntimings on this machine, GOMAXPROCS %d:\n", runtime.GOMAXPROCS(0))
	fmt.Fprintf(w, "  %-22s %12s %12s %8s\n", "step", "sequential", "parallel", "speedup")
	var seq, par time.Duration
	for i, s := range t.steps {
		fmt.Fprintf(w, "  %-22s %12v %12v %7.2fx\n", s, t.seq[i].Round(time.Microsecond), t.par[i].Round(time.Microsecond), float64(t.seq[i])/float64(t.par[i]))
		seq += t.seq[i]
		par += t.par[i]
	}
	fmt.Fprintf(w, "  %-22s %12v %12v %7.2fx\n", "all steps", seq.Round(time.Microsecond), par.Round(time.Microsecond), float64(seq)/float64(par))
}

// run analyses n readings. It writes the results, which are the same on
// every machine, to out, and the timings to measured.
func run(out, measured io.Writer, n int) {
	var t timer
	same := func(ok bool) string {
		if ok {
			return "the same"
		}
		return "DIFFERENT"
	}

	// Generate.
	temp, humid, temp2, humid2 := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	t.time("generate", func() { generate(temp2, humid2) }, func() { generatePar(temp, humid) })
	fmt.Fprintf(out, "%d readings of temperature and humidity, one a second for %.1f days\n", n, float64(n)/day)
	fmt.Fprintf(out, "  generated on one core and on every core: %s bits\n", same(slices.Equal(temp, temp2) && slices.Equal(humid, humid2)))
	temp2, humid2 = nil, nil // 160 MB the collector may take back

	// Mean and variance.
	var mean, variance, smean, svariance float64
	t.time("mean and variance", func() { smean, svariance = stat.MeanVariance(temp, nil) }, func() { mean, variance = parray.MeanVariance(temp, nil) })
	std := math.Sqrt(variance)
	fmt.Fprintf(out, "temperature: mean %.4f °C, standard deviation %.4f °C\n", mean, std)
	fmt.Fprintf(out, "  gonum's stat.MeanVariance: %s to 12 digits\n", same(near(mean, smean, 1e-12) && near(variance, svariance, 1e-12)))

	// Smallest and largest.
	var lo, hi, slo, shi int
	t.time("min and max", func() { slo, shi = floats.MinIdx(temp), floats.MaxIdx(temp) }, func() { lo, hi = parray.MinIdx(temp), parray.MaxIdx(temp) })
	fmt.Fprintf(out, "  smallest %.4f °C at reading %d, largest %.4f °C at reading %d\n", temp[lo], lo, temp[hi], hi)
	fmt.Fprintf(out, "  gonum's floats.MinIdx and MaxIdx: %s indices\n", same(lo == slo && hi == shi))

	// Standardize.
	z, z2 := make([]float64, n), make([]float64, n)
	t.time("standardize", func() { standardize(z2, temp, mean, std) }, func() { standardizePar(z, temp, mean, std) })
	zmean, zstd := parray.MeanStdDev(z, nil)
	zmean = math.Round(zmean*1e4)/1e4 + 0 // + 0 turns -0 into 0: no "-0.0000"
	fmt.Fprintf(out, "standardized: mean %.4f, standard deviation %.4f; loop and parray.Blocks: %s bits\n", zmean, zstd, same(slices.Equal(z, z2)))
	z2 = nil // 80 MB more

	// Histogram.
	var h, sh hist
	t.time("histogram", func() { sh = histogram(z) }, func() { h = histogramPar(z) })
	fmt.Fprintf(out, "histogram of z (one # for each %d readings or part of it); the loop's: %s counts\n", barUnit(n), same(h == sh))
	for i, c := range h {
		bar := strings.Repeat("#", (c+barUnit(n)-1)/barUnit(n))
		fmt.Fprintln(out, strings.TrimRight(fmt.Sprintf("  %-14s %8d %s", binLabel(i), c, bar), " "))
	}

	// Anomalies.
	var count, scount int
	var first, sfirst []int
	t.time("anomalies", func() {
		scount = countAnomalies(z)
		sfirst, _ = floats.Find(sfirst, anomalous, z, 3)
	}, func() {
		count = countAnomaliesPar(z)
		first, _ = parray.Find(first, anomalous, z, 3)
	})
	fmt.Fprintf(out, "anomalies (|z| > %d): %d; the first at readings %v; the loop and floats.Find: %s\n", anomalyZ, count, first, same(count == scount && slices.Equal(first, sfirst)))

	// Correlation.
	var r, sr float64
	t.time("correlation", func() { sr = stat.Correlation(temp, humid, nil) }, func() { r = correlationPar(temp, humid) })
	fmt.Fprintf(out, "correlation of temperature and humidity: %.4f; gonum's stat.Correlation: %s to 9 digits\n", r, same(near(r, sr, 1e-9)))

	t.print(measured)
}

// barUnit is the number of readings one # of the histogram stands for.
func barUnit(n int) int { return max(1, n/100) }

// binLabel names bin i of a hist.
func binLabel(i int) string {
	switch i {
	case 0:
		return fmt.Sprintf("below %g", binLo)
	case bins + 1:
		return fmt.Sprintf("%g and above", binLo+bins*binWidth)
	}
	a := binLo + float64(i-1)*binWidth
	return fmt.Sprintf("[%g, %g)", a, a+binWidth)
}

// near reports whether a and b agree to a relative tolerance.
func near(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b))
}
