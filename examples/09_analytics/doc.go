// Command analytics is the ninth and last topic of the parnum tour: an
// analysis of ten million sensor readings, step by step, each step
// sequential and then parallel, with the time each took.
//
// The tutorials stop where data analysis begins ("Numpy and Pandas" is
// their next post). In numpy, the walk-through would read
//
//	z = (t - t.mean()) / t.std(ddof=1)
//	counts, _ = np.histogram(z, bins=16, range=(-4, 4))
//	r = np.corrcoef(t, h)[0, 1]
//
// each line a full pass over memory on one core. Here each step is one
// parray call that uses every core and returns the bits of the sequential
// code (element-wise steps) or the same bits on every run (reductions):
//
//   - generate: 10^7 temperature and humidity readings from seeded
//     math/rand/v2 generators, one generator per fixed block of readings, so
//     the data are the same however many cores make them;
//   - mean and variance: [parray.MeanVariance], against gonum's
//     stat.MeanVariance;
//   - smallest and largest reading, and where: [parray.MinIdx],
//     [parray.MaxIdx];
//   - standardize: z = (t - mean) / std in one pass with [parray.Blocks];
//   - histogram of z: [parray.Reduce] to an array of counts;
//   - anomalies (|z| > 5, a faulty sensor's spikes): [parray.Reduce] and
//     [parray.Find];
//   - correlation of temperature and humidity: [parray.ReduceRange] over
//     both series at once, merging per-block co-moments.
//
// Run it with
//
//	go run ./examples/09_analytics          # 10^7 readings
//	go run ./examples/09_analytics -n 1000000
//
// It prints the results, then the timings: sequential, parallel and the
// ratio, measured on whatever machine runs it. The cells in example_test.go
// show each step on 10^5 readings; main_test.go runs the whole program and
// checks every line of its results (on 10^5 readings under -short, on the
// full 10^7 otherwise).
//
//	go test -v ./examples/09_analytics
package main
