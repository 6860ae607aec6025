//go:build race

package parray

// raceEnabled is true when the tests run under the race detector, which
// makes every pass over a large slice tens of times slower; the largest
// differential tests then run fewer sizes and configurations.
const raceEnabled = true
