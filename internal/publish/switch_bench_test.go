//go:build unix

package publish

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/measure"
)

// siteOf10000 is the shape of a 10,000-page portal's published tree: a
// folder and an index.html per page, a calendar beside a third of them,
// and about 15,000 search shards in 256 folders (30,000 files in all).
func siteOf10000() []Entry {
	page := []byte("<!doctype html><meta charset=utf-8><p>党建 notice</p>")
	var entries []Entry
	for i := range 10000 {
		dir := fmt.Sprintf("%s/p%05d", []string{"notices", "disclosures", "study", "showcases"}[i%4], i)
		entries = append(entries, Entry{Path: dir + "/index.html", Data: page})
		if i%3 == 0 {
			entries = append(entries, Entry{Path: dir + "/meeting.ics", Data: []byte("BEGIN:VCALENDAR")})
		}
	}
	for i := range 16000 {
		entries = append(entries, Entry{Path: fmt.Sprintf("search/%02x/%04x.js", i%256, i), Data: []byte("s()")})
	}
	slices.SortFunc(entries, func(a, b Entry) int { return strings.Compare(a.Path, b.Path) })
	return entries
}

// BenchmarkSwitchOneEdit10000 is build --watch's publish after a one-page
// body edit on 10,000 pages: the page changes, every other file is as
// published. It reports the switch's wall time and the
// process's CPU time per switch.
//
//	go test ./internal/publish -run '^$' -bench SwitchOneEdit -benchtime 10x
func BenchmarkSwitchOneEdit10000(b *testing.B) {
	entries := siteOf10000()
	dest := filepath.Join(b.TempDir(), "public")
	l, err := Acquire(b.Context(), dest)
	if err != nil {
		b.Fatal(err)
	}
	defer l.Release()
	if _, err := l.Publish(entries); err != nil {
		b.Fatal(err)
	}
	// The session's first publish finds dest as it wants it and makes
	// its spare.
	var spare Spare
	defer spare.Discard()
	if _, err := l.PublishChanges(entries, nil, &spare); err != nil {
		b.Fatal(err)
	}
	page := slices.IndexFunc(entries, func(e Entry) bool { return e.Path == "study/p00002/index.html" })
	var walls, cpus []time.Duration
	for i := 0; b.Loop(); i++ {
		edited := slices.Clone(entries)
		edited[page].Data = fmt.Appendf(nil, "edit %d", i)
		changed := []string{edited[page].Path}
		start, cpu0 := time.Now(), measure.CPUTime()
		if _, err := l.PublishChanges(edited, changed, &spare); err != nil {
			b.Fatal(err)
		}
		walls, cpus = append(walls, time.Since(start)), append(cpus, measure.CPUTime()-cpu0)
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	b.ReportMetric(float64(walls[len(walls)/2].Milliseconds()), "median-ms")
	b.ReportMetric(float64(cpus[len(cpus)/2].Milliseconds()), "cpu-median-ms")
}
