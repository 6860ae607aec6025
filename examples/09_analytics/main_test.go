package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package if a step leaves a goroutine behind.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// TestRun runs the walk-through, as go run ./examples/09_analytics does, and
// checks every line of its results. With -short (as under -race) it runs on
// 10^5 readings; otherwise on the program's 10^7. The timings are checked
// for their form only.
func TestRun(t *testing.T) {
	n, want := 10_000_000, want10M
	if testing.Short() {
		n, want = 100_000, want100K
	}
	var out, measured bytes.Buffer
	run(&out, &measured, n)
	if got := out.String(); got != want {
		t.Errorf("run(%d) printed\n%s\nwant\n%s", n, got, want)
	}

	timings := regexp.MustCompile(`^
timings on this machine, GOMAXPROCS \d+:
  step +sequential +parallel +speedup
(  [a-z ]{22} +[0-9.]+[µm]?s +[0-9.]+[µm]?s +[0-9.]+x
){8}$`)
	if !timings.Match(measured.Bytes()) {
		t.Errorf("run measured\n%s\nwhich is not of the expected form", measured.String())
	}
	if !strings.Contains(measured.String(), "all steps") {
		t.Errorf("run measured no total")
	}
}

const want100K = `100000 readings of temperature and humidity, one a second for 1.2 days
  generated on one core and on every core: the same bits
temperature: mean 21.2471 °C, standard deviation 3.1181 °C
  gonum's stat.MeanVariance: the same to 12 digits
  smallest 10.4894 °C at reading 64990, largest 52.2094 °C at reading 27962
  gonum's floats.MinIdx and MaxIdx: the same indices
standardized: mean 0.0000, standard deviation 1.0000; loop and parray.Blocks: the same bits
histogram of z (one # for each 1000 readings or part of it); the loop's: the same counts
  below -4              0
  [-4, -3.5)            0
  [-3.5, -3)            3 #
  [-3, -2.5)          126 #
  [-2.5, -2)         1215 ##
  [-2, -1.5)         5989 ######
  [-1.5, -1)        12155 #############
  [-1, -0.5)        13923 ##############
  [-0.5, 0)         14277 ###############
  [0, 0.5)          16852 #################
  [0.5, 1)          17761 ##################
  [1, 1.5)          12446 #############
  [1.5, 2)           4515 #####
  [2, 2.5)            693 #
  [2.5, 3)             32 #
  [3, 3.5)              2 #
  [3.5, 4)              0
  4 and above          11 #
anomalies (|z| > 5): 11; the first at readings [6624 27007 27962]; the loop and floats.Find: the same
correlation of temperature and humidity: -0.9292; gonum's stat.Correlation: the same to 9 digits
`

const want10M = `10000000 readings of temperature and humidity, one a second for 115.7 days
  generated on one core and on every core: the same bits
temperature: mean 21.0081 °C, standard deviation 3.2114 °C
  gonum's stat.MeanVariance: the same to 12 digits
  smallest 9.7295 °C at reading 6284039, largest 53.0690 °C at reading 2521269
  gonum's floats.MinIdx and MaxIdx: the same indices
standardized: mean 0.0000, standard deviation 1.0000; loop and parray.Blocks: the same bits
histogram of z (one # for each 100000 readings or part of it); the loop's: the same counts
  below -4              0
  [-4, -3.5)            1 #
  [-3.5, -3)          113 #
  [-3, -2.5)         5069 #
  [-2.5, -2)        82920 #
  [-2, -1.5)       515959 ######
  [-1.5, -1)      1306063 ##############
  [-1, -0.5)      1621632 #################
  [-0.5, 0)       1465718 ###############
  [0, 0.5)        1470600 ###############
  [0.5, 1)        1630020 #################
  [1, 1.5)        1303099 ##############
  [1.5, 2)         511277 ######
  [2, 2.5)          81581 #
  [2.5, 3)           4837 #
  [3, 3.5)            106 #
  [3.5, 4)              1 #
  4 and above        1004 #
anomalies (|z| > 5): 1004; the first at readings [6624 27007 27962]; the loop and floats.Find: the same
correlation of temperature and humidity: -0.9336; gonum's stat.Correlation: the same to 9 digits
`
