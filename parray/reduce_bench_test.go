package parray

import (
	"fmt"
	"testing"
)

var sinkI int

// BenchmarkReduceThreshold finds the break-even of each kind of reduction:
// the inline kernel (one worker), a forced parallel run (a Grain of n/4, so
// four tasks on the workers GOMAXPROCS allows) and the default, at sizes
// around the thresholds, in the same run. The threshold of a kind is the
// smallest size from which forced beats inline in every run; compare with
// benchstat, e.g.
//
//	go test -run '^$' -bench ReduceThreshold -count 10 ./parray | tee /tmp/th.txt
//	go tool -modfile=tools/go.mod benchstat -col /mode /tmp/th.txt
func BenchmarkReduceThreshold(b *testing.B) {
	kinds := []struct {
		name string
		f    func(c Config, x, y []float64)
	}{
		{"Sum", func(c Config, x, _ []float64) { sinkF += c.Sum(x) }},
		{"Dot", func(c Config, x, y []float64) { sinkF += c.Dot(x, y) }},
		{"MaxIdx", func(c Config, x, _ []float64) { sinkI += c.MaxIdx(x) }},
		{"MeanVariance", func(c Config, x, _ []float64) { _, v := c.MeanVariance(x, nil); sinkF += v }},
		{"LogSumExp", func(c Config, x, _ []float64) { sinkF += c.LogSumExp(x) }},
		{"Norm3", func(c Config, x, _ []float64) { sinkF += c.Norm(x, 3) }},
		{"CumSum", func(c Config, x, y []float64) { c.CumSum(y, x) }},
	}
	for _, k := range kinds {
		for _, n := range []int{1 << 13, 1 << 15, 1 << 17, 1 << 18, 1 << 19, 1 << 20, 1 << 22} {
			if k.name == "CumSum" && n <= scanBlock {
				continue // one block: floats.CumSum itself, nothing to decide
			}
			x, y := expInput(n), expInput(n)
			for _, mode := range []struct {
				name string
				c    Config
			}{
				{"inline", Config{Workers: 1}},
				{"forced", Config{Grain: n / 4}},
				{"default", Config{}},
			} {
				b.Run(fmt.Sprintf("op=%s/n=%d/mode=%s", k.name, n, mode.name), func(b *testing.B) {
					b.SetBytes(int64(8 * n))
					b.ReportAllocs()
					for b.Loop() {
						k.f(mode.c, x, y)
					}
				})
			}
		}
	}
}
