package main

import (
	"fmt"
	"math"
	"slices"

	"github.com/parnum/parnum/parray"
	"gonum.org/v1/gonum/stat"
)

// sample returns n readings of each series, made on every core.
func sample(n int) (temp, humid []float64) {
	temp, humid = make([]float64, n), make([]float64, n)
	generatePar(temp, humid)
	return temp, humid
}

// # a. Seeded data, made on every core
//
// numpy code seeds one generator, rng = np.random.default_rng(2025), and
// draws all the data from it, in order. Drawn in parallel from one
// generator, the data would depend on which core drew first. Instead, each
// block of 65536 readings gets its own generator, seeded with the seed and
// the block's index (math/rand/v2's PCG takes two seeds), and parray.For
// hands the blocks out. The data depend on the seed alone: made on one core
// or on sixteen, they are the same bits.
func Example_a_generate() {
	const n = 100_000
	temp, humid := make([]float64, n), make([]float64, n)
	generate(temp, humid) // one core

	ptemp, phumid := sample(n) // every core
	fmt.Println("the same bits:", slices.Equal(temp, ptemp) && slices.Equal(humid, phumid))
	fmt.Printf("first readings: %.2f °C %.2f %%, %.2f °C %.2f %%\n", temp[0], humid[0], temp[1], humid[1])
	// Output:
	// the same bits: true
	// first readings: 18.94 °C 61.61 %, 23.62 °C 51.43 %
}

// # b. Mean, variance, extremes
//
//	t.mean(), t.var(ddof=1), t.argmin(), t.argmax()
//
// parray.MeanVariance reads the data once, reducing each leaf of 256
// readings to its count, mean and sum of squared deviations and merging the
// leaves pairwise; the result has stat.MeanVariance's meaning (the unbiased
// variance) and is the same bits on every run. MinIdx and MaxIdx give
// floats.MinIdx's and MaxIdx's indices exactly: the first, on ties.
func Example_b_meanVariance() {
	temp, _ := sample(100_000)
	mean, variance := parray.MeanVariance(temp, nil)
	lo, hi := parray.MinIdx(temp), parray.MaxIdx(temp)
	fmt.Printf("mean %.4f °C, standard deviation %.4f °C\n", mean, math.Sqrt(variance))
	fmt.Printf("smallest %.4f °C at %d, largest %.4f °C at %d\n", temp[lo], lo, temp[hi], hi)
	// Output:
	// mean 21.2471 °C, standard deviation 3.1181 °C
	// smallest 10.4894 °C at 64990, largest 52.2094 °C at 27962
}

// # c. Standardize in one pass
//
//	z = (t - t.mean()) / t.std(ddof=1)
//
// numpy makes a temporary for t - mean and another pass for the division.
// parray.Blocks runs the loop of standardize on each block, both operations
// at once, with the loop's bits.
func Example_c_standardize() {
	temp, _ := sample(100_000)
	mean, std := parray.MeanStdDev(temp, nil)

	z := make([]float64, len(temp))
	standardizePar(z, temp, mean, std)

	loop := make([]float64, len(temp))
	standardize(loop, temp, mean, std)
	zmean, zstd := parray.MeanStdDev(z, nil)
	fmt.Println("the loop's bits:", slices.Equal(z, loop))
	fmt.Printf("mean within 1e-12 of 0: %v, standard deviation %.4f\n", math.Abs(zmean) < 1e-12, zstd)
	// Output:
	// the loop's bits: true
	// mean within 1e-12 of 0: true, standard deviation 1.0000
}

// # d. A histogram through Reduce
//
//	counts, edges = np.histogram(z, bins=16, range=(-4, 4))
//
// A histogram is a reduction to an array of counts: [histogram] counts one
// block, [addHist] adds two block histograms. parray.Reduce runs the first
// on every block of its grid, in parallel, and the second up its tree.
// Unlike np.histogram, the readings outside the range are counted too, in
// two extra bins.
func Example_d_histogram() {
	temp, _ := sample(100_000)
	mean, std := parray.MeanStdDev(temp, nil)
	z := make([]float64, len(temp))
	standardizePar(z, temp, mean, std)

	h := histogramPar(z)
	fmt.Println("the loop's counts:", h == histogram(z))
	for i, c := range h {
		if c > 0 {
			fmt.Printf("%-12s %6d\n", binLabel(i), c)
		}
	}
	// Output:
	// the loop's counts: true
	// [-3.5, -3)        3
	// [-3, -2.5)      126
	// [-2.5, -2)     1215
	// [-2, -1.5)     5989
	// [-1.5, -1)    12155
	// [-1, -0.5)    13923
	// [-0.5, 0)     14277
	// [0, 0.5)      16852
	// [0.5, 1)      17761
	// [1, 1.5)      12446
	// [1.5, 2)       4515
	// [2, 2.5)        693
	// [2.5, 3)         32
	// [3, 3.5)          2
	// 4 and above      11
}

// # e. Anomalies: count them, find the first
//
//	np.count_nonzero(np.abs(z) > 5), np.flatnonzero(np.abs(z) > 5)[:3]
//
// The temperature sensor spikes now and then by 25 °C. The count is a
// reduction with an inlined loop per block ([countAnomaliesPar]); the first
// indices come from parray.Find, which stops handing out ranges once it has
// them.
func Example_e_anomalies() {
	temp, _ := sample(100_000)
	mean, std := parray.MeanStdDev(temp, nil)
	z := make([]float64, len(temp))
	standardizePar(z, temp, mean, std)

	first, err := parray.Find(nil, anomalous, z, 3)
	fmt.Println(countAnomaliesPar(z), "anomalies; the first:", first, err)
	fmt.Printf("%.2f °C, %.2f °C, %.2f °C\n", temp[first[0]], temp[first[1]], temp[first[2]])
	// Output:
	// 11 anomalies; the first: [6624 27007 27962] <nil>
	// 47.78 °C, 46.97 °C, 52.21 °C
}

// # f. Correlation: ReduceRange over two series
//
//	r = np.corrcoef(t, h)[0, 1]
//
// A correlation reads two series at once, so the reduction runs over
// indices: parray.ReduceRange gives the block function the bounds [lo, hi),
// and [comomentsOf] reduces t[lo:hi] and h[lo:hi] to their count, means and
// sums of products of deviations. [mergeComoments] merges neighbouring
// blocks with the formula of Chan, Golub and LeVeque, which keeps full
// accuracy where a one-pass sum of x*y would not.
func Example_f_correlation() {
	temp, humid := sample(100_000)
	r := correlationPar(temp, humid)
	fmt.Printf("r = %.4f; stat.Correlation: %.4f\n", r, stat.Correlation(temp, humid, nil))
	// Output: r = -0.9292; stat.Correlation: -0.9292
}
