package bench

import (
	"runtime"
	"strings"
	"testing"
)

func TestMachine(t *testing.T) {
	if m := Machine(); !strings.HasPrefix(m, runtime.Version()+" ") {
		t.Errorf("Machine() = %q, want it to start with the Go version", m)
	}
}
