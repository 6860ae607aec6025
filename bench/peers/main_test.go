package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestGoSystems checks that parnum and the sequential Go code agree on
// every operation, as the driver checks every system against parnum.
func TestGoSystems(t *testing.T) {
	par, seq := newGoSystem("parnum", parnumOps()), newGoSystem("go-seq", seqOps())
	for _, n := range []int{1000, 1 << 19} {
		par.setup(n)
		seq.setup(n)
		for _, op := range operations {
			want, _, _ := par.check(op.name)
			got, ok, err := seq.check(op.name)
			if err != nil || !ok || !near(got, want) {
				t.Errorf("n=%d %s: go-seq %v (%v, %v), parnum %v", n, op.name, got, ok, err, want)
			}
		}
	}
}

// TestPeers runs the Python and Rust programs, where they can run, and
// checks that each agrees with parnum on every operation it has.
func TestPeers(t *testing.T) {
	const python = "/usr/bin/python3"
	var specs [][]string
	if exec.Command(python, "-c", "import numpy, numexpr").Run() == nil {
		specs = append(specs,
			[]string{python, "peers.py", "numpy", "1"},
			[]string{python, "peers.py", "numexpr", "2"},
			[]string{python, "peers.py", "pool", "2"})
	}
	const rayon = "rayon/target/release/rayon-peer"
	if _, err := os.Stat(rayon); err == nil {
		specs = append(specs, []string{rayon, "2"})
	}
	if len(specs) == 0 {
		t.Skip("neither numpy with numexpr nor the built rayon program: make peers installs them")
	}
	par := newGoSystem("parnum", parnumOps())
	const n = 1000
	par.setup(n)
	for _, args := range specs {
		p, err := startProc(strings.Join(args, " "), args, nil)
		if err != nil {
			t.Errorf("%v: %v", args, err)
			continue
		}
		if err := p.setup(n); err != nil {
			t.Errorf("%v: setup: %v", args, err)
		}
		for _, op := range operations {
			want, _, _ := par.check(op.name)
			got, ok, err := p.check(op.name)
			if err != nil {
				t.Errorf("%v %s: %v", args, op.name, err)
				continue
			}
			if ok && !near(got, want) {
				t.Errorf("%v %s = %v, parnum %v", args, op.name, got, want)
			}
			if ok {
				if _, err := p.time(op.name, 2); err != nil {
					t.Errorf("%v time %s: %v", args, op.name, err)
				}
			}
		}
		p.close()
	}
}
