module github.com/parnum/parnum/bench

go 1.25.0

require (
	github.com/parnum/parnum v0.0.0
	github.com/sourcegraph/conc v0.3.0
	golang.org/x/sync v0.22.0
	gonum.org/v1/gonum v0.17.0
)

require (
	go.uber.org/atomic v1.7.0 // indirect
	go.uber.org/multierr v1.9.0 // indirect
	golang.org/x/sys v0.47.0 // indirect
)

replace github.com/parnum/parnum => ../
