//go:build unix

package measure

import (
	"syscall"
	"time"
)

// CPUTime is the CPU time this process has used so far, user and system,
// on all its threads. On a machine shared with other work, a benchmark's
// wall time measures the neighbours as much as the work; its CPU time
// does not.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
