//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package search

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// lockCache takes an exclusive flock on path, waiting up to wait for
// another process to let go of it; held reports that it did not. The
// kernel drops the lock when the process dies, so a killed serve never
// leaves the cache locked (publish locks its destination the same way).
func lockCache(path string, wait time.Duration) (unlock func(), held bool, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, false, err
	}
	deadline := time.Now().Add(wait)
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		if err == nil {
			return func() { f.Close() }, false, nil
		}
		if !errors.Is(err, unix.EWOULDBLOCK) && !errors.Is(err, unix.EAGAIN) {
			f.Close()
			return nil, false, err
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, true, nil
		}
		time.Sleep(50 * time.Millisecond)
	}
}
