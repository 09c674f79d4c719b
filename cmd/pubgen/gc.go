package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// The collector's settings for a build, unless the environment names its
// own (GOGC, GOMEMLIMIT). A build allocates several times what it keeps:
// with Go's default (GOGC=100) a cold build of 10,000 pages collected 54
// times and peaked at 1.75 GB; collecting at three times the live heap,
// but never letting the heap grow past the soft limit, it collected 38
// times, peaked at 1.50 GB and took less CPU (61.6 against 66.2 s, same
// minutes). A site whose live heap comes near the limit would make the
// collector run almost back to back, so once the live heap passes
// gcGiveUp of the limit the defaults come back, and a larger site builds
// as it always did.
const (
	gcPercent   = 200
	memoryLimit = 1400 << 20
	gcGiveUp    = 2.0 / 3
)

// tuneGC sets the collector for a build; this is the process's
// composition root, the one place process-wide settings belong.
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	tuneGCTo(gcPercent, memoryLimit)
}

func tuneGCTo(percent int, limit int64) {
	debug.SetGCPercent(percent)
	debug.SetMemoryLimit(limit)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	afterEachGC(func() bool {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 || float64(sample[0].Value.Uint64()) <= gcGiveUp*float64(limit) {
			return true
		}
		debug.SetMemoryLimit(math.MaxInt64)
		debug.SetGCPercent(100)
		return false
	})
}

// afterEachGC calls f after every collection (from the finalizer
// goroutine) while f returns true.
func afterEachGC(f func() bool) {
	// Large enough and holding a pointer, so that it is its own object
	// (tiny objects are batched and may never be finalized).
	type sentinel struct {
		p   *int
		pad [16]byte
	}
	var arm func()
	arm = func() {
		runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
			if f() {
				arm()
			}
		})
	}
	arm()
}
