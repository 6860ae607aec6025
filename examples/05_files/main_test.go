package files_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package if a reader or writer outlives its group.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
