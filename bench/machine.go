package bench

import (
	"fmt"
	"os"
	"runtime"
	"strings"
)

// Machine describes the machine a measurement runs on, for the reports:
// the Go version, the system, the number of CPUs, GOMAXPROCS and, where
// /proc/cpuinfo says it, the processor's name.
func Machine() string {
	s := fmt.Sprintf("%s %s/%s, %d CPUs, GOMAXPROCS=%d", runtime.Version(),
		runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0))
	if model := cpuModel(); model != "" {
		s += ", " + model
	}
	return s
}

// cpuModel returns the processor's name from /proc/cpuinfo, or "".
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if name, ok := strings.CutPrefix(line, "model name"); ok {
			return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), ":"))
		}
	}
	return ""
}
