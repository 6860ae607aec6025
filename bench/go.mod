module github.com/parnum/parnum/bench

go 1.25

require github.com/parnum/parnum v0.0.0

require gonum.org/v1/gonum v0.17.0 // indirect

replace github.com/parnum/parnum => ../
