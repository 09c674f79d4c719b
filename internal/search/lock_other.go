//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris)

package search

import "time"

// lockCache is a no-op where flock is missing: bleve's own lock on its
// files (with the timeout Open gives it) then keeps a second process out,
// and a system that keeps open files from being deleted keeps Open from
// removing an index another process uses.
func lockCache(path string, wait time.Duration) (unlock func(), held bool, err error) {
	return func() {}, false, nil
}
