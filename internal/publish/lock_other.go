//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris)

package publish

import "time"

// lock is a no-op where flock is missing: concurrent builds to one dest are
// then the operator's business, as with any other tool there.
func lock(path string, wait time.Duration) (unlock func(), err error) {
	return func() {}, nil
}
