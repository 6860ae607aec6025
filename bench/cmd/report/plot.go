package main

import (
	"fmt"
	"math"
	"path/filepath"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
)

// plot writes, for each operation, speedup-OP.png (speedup over
// sequential against the length, log scales, with the spread of the rounds
// as error bars) and, when the sweep ran, workers-OP.png (throughput
// against the number of workers, with the STREAM ceiling). It returns the
// files' names.
func (r *results) plot(s settings) ([]string, error) {
	var files []string
	for _, op := range s.ops {
		var cs []comparison
		for _, c := range r.compare {
			if c.op.Name == op.Name {
				cs = append(cs, c)
			}
		}
		if len(cs) > 1 {
			name := "speedup-" + op.Name + ".png"
			if err := speedupPlot(filepath.Join(s.out, name), op.Name, s.workers, cs); err != nil {
				return nil, err
			}
			files = append(files, name)
		}
		if sw := r.sweepOf(op.Name); len(sw) > 1 {
			name := "workers-" + op.Name + ".png"
			if err := r.workersPlot(filepath.Join(s.out, name), sw); err != nil {
				return nil, err
			}
			files = append(files, name)
		}
	}
	return files, nil
}

// errPoints are points with error bars.
type errPoints struct {
	plotter.XYs
	plotter.YErrors
}

func speedupPlot(file, op string, workers int, cs []comparison) error {
	p := plot.New()
	p.Title.Text = fmt.Sprintf("%s: speedup over sequential, %d workers", op, workers)
	p.X.Label.Text = "n (elements)"
	p.Y.Label.Text = "speedup (×, median and spread of the rounds)"
	p.Y.Scale = plot.LogScale{}
	legend(p)

	var ticks []plot.Tick
	for _, c := range cs {
		ticks = append(ticks, plot.Tick{Value: math.Log2(float64(c.n)), Label: pow2(c.n)})
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)

	lo, hi := 1.0, 1.0
	for i, name := range implNames(cs)[1:] {
		var pts errPoints
		for _, c := range cs {
			t, ok := c.get(name)
			if !ok {
				continue
			}
			sp := ratio(t, c.ts[0])
			pts.XYs = append(pts.XYs, plotter.XY{X: math.Log2(float64(c.n)), Y: sp.med})
			pts.YErrors = append(pts.YErrors, struct{ Low, High float64 }{sp.med - sp.lo, sp.hi - sp.med})
			lo, hi = math.Min(lo, sp.lo), math.Max(hi, sp.hi)
		}
		if len(pts.XYs) == 0 {
			continue
		}
		if err := addLine(p, name, i, pts.XYs); err != nil {
			return err
		}
		bars, err := plotter.NewYErrorBars(pts)
		if err != nil {
			return err
		}
		bars.Color = plotutil.Color(i)
		p.Add(bars)
	}
	one := plotter.NewFunction(func(float64) float64 { return 1 })
	one.Dashes = []vg.Length{vg.Points(4), vg.Points(4)}
	p.Add(one)
	p.Legend.Add("sequential", one)
	// Room above the lines for the legend: the top third of a log axis.
	p.Y.Min, p.Y.Max = lo/1.2, hi*1.2*math.Pow(hi*1.2*1.2/lo, 0.9)
	p.X.Min, p.X.Max = math.Log2(float64(cs[0].n))-0.5, math.Log2(float64(cs[len(cs)-1].n))+0.5
	p.Y.Tick.Marker = ratioTicks(p.Y.Min, p.Y.Max)
	p.Add(plotter.NewGrid())
	return p.Save(7*vg.Inch, 4.5*vg.Inch, file)
}

func (r *results) workersPlot(file string, cs []comparison) error {
	op := cs[0].op
	p := plot.New()
	_, unit := throughput(op, 1, 1)
	p.Title.Text = fmt.Sprintf("%s: throughput against workers, n = %s", op.Name, pow2(cs[0].n))
	p.X.Label.Text = "workers (GOMAXPROCS)"
	p.Y.Label.Text = unit
	legend(p)
	var ticks []plot.Tick
	for _, c := range cs {
		ticks = append(ticks, plot.Tick{Value: float64(c.workers), Label: fmt.Sprint(c.workers)})
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	ymax := 0.0
	for i, name := range implNames(cs) {
		var xys plotter.XYs
		for _, c := range cs {
			if t, ok := c.get(name); ok {
				tp, _ := throughput(op, c.n, t.median())
				xys = append(xys, plotter.XY{X: float64(c.workers), Y: tp})
				ymax = math.Max(ymax, tp)
			}
		}
		if err := addLine(p, name, i, xys); err != nil {
			return err
		}
	}
	if !op.Compute {
		var xys plotter.XYs
		for _, c := range cs {
			xys = append(xys, plotter.XY{X: float64(c.workers), Y: r.ceil.of(op.Kernel, c.workers)})
			ymax = math.Max(ymax, xys[len(xys)-1].Y)
		}
		line, err := plotter.NewLine(xys)
		if err != nil {
			return err
		}
		line.Dashes = []vg.Length{vg.Points(4), vg.Points(4)}
		p.Add(line)
		p.Legend.Add("ceiling (STREAM "+op.Kernel+")", line)
	}
	// Room above the lines for the legend, and beside the end points.
	p.Y.Min, p.Y.Max = 0, 1.8*ymax
	p.X.Min, p.X.Max = float64(cs[0].workers)-0.3, float64(cs[len(cs)-1].workers)+0.3
	p.Add(plotter.NewGrid())
	return p.Save(7*vg.Inch, 4.5*vg.Inch, file)
}

// legend puts the legend at the top left of the data area, clear of the
// axis labels and the title.
func legend(p *plot.Plot) {
	p.Legend.Top, p.Legend.Left = true, true
	p.Legend.XOffs, p.Legend.YOffs = vg.Points(45), vg.Points(-8)
}

// addLine adds a line with points in the i-th color and shape.
func addLine(p *plot.Plot, name string, i int, xys plotter.XYs) error {
	line, points, err := plotter.NewLinePoints(xys)
	if err != nil {
		return err
	}
	line.Color = plotutil.Color(i)
	points.Color = plotutil.Color(i)
	points.Shape = plotutil.Shape(i)
	p.Add(line, points)
	p.Legend.Add(name, line, points)
	return nil
}

// ratioTicks returns ticks at 1, 2 and 5 times the powers of ten between
// lo and hi, labelled as ratios.
func ratioTicks(lo, hi float64) plot.ConstantTicks {
	var ts plot.ConstantTicks
	for e := math.Floor(math.Log10(lo)); e <= math.Ceil(math.Log10(hi)); e++ {
		for _, m := range []float64{1, 2, 5} {
			v := m * math.Pow(10, e)
			if v >= lo && v <= hi {
				ts = append(ts, plot.Tick{Value: v, Label: fmt.Sprintf("%g×", v)})
			}
		}
	}
	return ts
}
