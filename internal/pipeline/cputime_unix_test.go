//go:build unix

package pipeline

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used so far, on all its
// threads. On a machine shared with other work, the wall time of a
// rebuild measures the neighbours as much as the rebuild; its CPU time
// does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
