package gather_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package if a task outlives its group.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
