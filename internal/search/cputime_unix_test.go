//go:build unix

package search

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used so far, on all its
// threads: on a machine shared with other work, a benchmark's wall time
// measures the neighbours as much as the work.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
