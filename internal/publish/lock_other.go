//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris)

package publish

import "context"

// lock is a no-op where flock is missing: concurrent builds to one dest are
// then the operator's business, as with any other tool there.
func lock(ctx context.Context, path string) (unlock func(), err error) {
	return func() {}, nil
}
