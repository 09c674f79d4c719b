package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestGCSettingsGiveUpNearTheLimit: with a limit the live heap passes
// two thirds of, the collector goes back to Go's defaults (no limit,
// GOGC=100) after a collection, so that a site larger than the limit was
// chosen for is not collected back to back.
func TestGCSettingsGiveUpNearTheLimit(t *testing.T) {
	percent := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(-1)
	defer func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}()
	tuneGCTo(gcPercent, 64<<20)
	if got := debug.SetMemoryLimit(-1); got != 64<<20 {
		t.Fatalf("limit %d, want %d", got, 64<<20)
	}
	live := make([][]byte, 0, 64)
	for range 64 {
		live = append(live, make([]byte, 1<<20))
	}
	deadline := time.Now().Add(10 * time.Second)
	for debug.SetMemoryLimit(-1) != math.MaxInt64 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(live)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with %d MiB live under a 64 MiB limit, the limit stayed %d", len(live), got)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC stayed %d, want 100", got)
	}
}
