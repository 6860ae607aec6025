// Package bench compares parnum with what a Go user would write instead:
// the sequential gonum call or plain loop, a hand-rolled sync.WaitGroup
// split into GOMAXPROCS pieces, an errgroup with SetLimit, and
// sourcegraph/conc's iter package.
//
// The package holds the alternatives (impls.go), each with a doc comment
// that says exactly how it cuts the work, and the table of operations that
// the benchmark suites (go test -bench), the report command (cmd/report) and
// the comparison with other languages (peers) share (ops.go). It is a module
// of its own, so that users of parnum do not inherit its dependencies.
//
// The benchmarks are named for benchstat:
//
//	BenchmarkSum/n=1048576/impl=parnum-2
//
// so that, for example,
//
//	go test -run '^$' -bench 'Sum|Dot' -cpu 1,2 -count 6 | tee sums.txt
//	go tool -modfile=../tools/go.mod benchstat -col /impl sums.txt
//
// puts the implementations side by side, each size on its own row.
package bench
