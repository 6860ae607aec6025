//go:build !race

package parray

// raceEnabled is true when the tests run under the race detector; see
// race_test.go.
const raceEnabled = false
