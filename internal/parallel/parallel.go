// Package parallel runs independent pieces of a build on all cores.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(i) for every i in [0, n) on GOMAXPROCS goroutines and
// returns when all calls have returned. The calls must be independent:
// each writes only its own slot of the caller's result slices.
//
// The goroutines take the next index from a shared counter rather than a
// channel: a session's rebuild hands out hundreds of thousands of small
// calls (a version per key read), and a channel's hand-over cost more
// than most of them.
func For(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}
