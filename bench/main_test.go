package bench

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain checks that no alternative leaves a goroutine behind.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
