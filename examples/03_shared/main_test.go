package main

import (
	"bytes"
	"regexp"
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package if a cell or the measurement leaves a goroutine
// behind.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// TestRun runs the measurement on fewer readings and checks every line that
// does not depend on the machine; the timing lines are checked for their
// form only.
func TestRun(t *testing.T) {
	var out, measured bytes.Buffer
	run(&out, &measured, 1<<16)

	const want = `65536 readings; how many are above 0.5:
  sequential loop        32761
  lock per increment     32761
  atomic per increment   32761
  local count per range  32761
  parray.Count           32761
  parray.Reduce          32761
sum of the readings (parray.Sum): 32778.0900
  the same bits on 1, 2, 3 and 64 workers, and one element further in memory: true
`
	if got := out.String(); got != want {
		t.Errorf("run printed\n%s\nwant\n%s", got, want)
	}

	timings := regexp.MustCompile(`^
timings on this machine, best of 3 runs, GOMAXPROCS \d+:
(  [a-zA-Z. ]{22} +[0-9.]+[µm]?s +[0-9.]+x the sequential time
){6}a sum under a lock, 5 runs: [1-5] different results
floats.Sum, the same values at two addresses: the same bits: (true|false)
$`)
	if !timings.Match(measured.Bytes()) {
		t.Errorf("run measured\n%s\nwhich is not of the expected form", measured.String())
	}
}
