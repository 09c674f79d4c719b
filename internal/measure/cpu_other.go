//go:build !unix

package measure

import "time"

// CPUTime is not measured where there is no getrusage: benchmarks report 0.
func CPUTime() time.Duration { return 0 }
