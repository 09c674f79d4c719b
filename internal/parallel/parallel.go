// Package parallel runs independent pieces of a build on all cores.
package parallel

import (
	"runtime"
	"sync"
)

// For calls f(i) for every i in [0, n) on GOMAXPROCS goroutines and
// returns when all calls have returned. The calls must be independent:
// each writes only its own slot of the caller's result slices.
func For(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
