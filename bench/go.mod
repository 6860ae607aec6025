module github.com/parnum/parnum/bench

go 1.25.0

require github.com/parnum/parnum v0.0.0

require (
	golang.org/x/sys v0.47.0 // indirect
	gonum.org/v1/gonum v0.17.0 // indirect
)

replace github.com/parnum/parnum => ../
