package pipeline

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/corpus"
	"github.com/pubgen/pubgen/internal/measure"
	"github.com/pubgen/pubgen/internal/search"
	"github.com/pubgen/pubgen/internal/source"
	"github.com/pubgen/pubgen/internal/watch"
)

// rebuildPages is the size of BenchmarkRebuild's corpus: the figures are
// 10,000 pages'; a smaller one is for profiling while developing.
var rebuildPages = flag.Int("rebuild-pages", 10000, "pages of BenchmarkRebuild's generated site")

// rebuildProfile, when set, is the file of a CPU profile of
// BenchmarkRebuild's edits alone: -cpuprofile also holds the first, cold
// build, and its edit labels miss the work of goroutines no edit started
// (the garbage collector, bleve's merger and persister), which is most of
// a one-page edit's CPU.
var rebuildProfile = flag.String("rebuild-cpuprofile", "", "write a CPU profile of BenchmarkRebuild's edits alone to this file")

// rebuildAllocs, when set, is the file of the allocations made by
// BenchmarkRebuild's edits alone: two allocation profiles, written to
// FILE.before and FILE before and after the edits, for
// go tool pprof -sample_index alloc_space -base FILE.before.
var rebuildAllocs = flag.String("rebuild-memprofile", "", "write allocation profiles from before and after BenchmarkRebuild's edits to FILE.before and FILE")

// BenchmarkRebuild measures, on a generated site of 10,000 pages on disk,
// the time from writing a file to the session's new output being ready to
// serve, through the real watcher (whose batches the session is told, as
// serve tells its own), for three kinds of edit, and a rebuild with
// nothing changed (none: no write, no watcher). It reports the
// median and the worst of the runs, and the median CPU time the process
// spent on them (the figure to compare on a machine shared with other
// work):
//
//	go test ./internal/pipeline -run '^$' -bench Rebuild -benchtime 50x -timeout 60m
//
// Each kind of edit runs under the profiler label edit=<name>, so that a
// -cpuprofile shows one kind without the first, cold build:
// go tool pprof -tagfocus edit=body.
func BenchmarkRebuild(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Generate(*rebuildPages, 1)); err != nil {
		b.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "themes"), os.DirFS("../../themes")); err != nil {
		b.Fatal(err)
	}
	ix, err := search.Open(filepath.Join(b.TempDir(), "index"))
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	sess := NewSession(os.DirFS(dir), Options{Now: demoNow, Index: ix, Dev: true})
	if _, _, _, err := sess.Build(); err != nil {
		b.Fatal(err)
	}
	w, err := watch.New(dir, []string{"content", "themes"}, watch.Options{Debounce: 20 * time.Millisecond})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	if *rebuildProfile != "" {
		f, err := os.Create(*rebuildProfile)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			b.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	if *rebuildAllocs != "" {
		writeAllocs(b, *rebuildAllocs+".before")
		defer writeAllocs(b, *rebuildAllocs)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "content", "study", "*.md"))
	partial := filepath.Join(dir, "themes/default/layouts/partials/footer.html")
	edits := []struct {
		name string
		do   func(i int)
	}{
		{"body", func(i int) { appendTo(b, pages[i%len(pages)], fmt.Sprintf("\n补充第%d段。\n", i)) }},
		{"title", func(i int) {
			p := pages[(i+7)%len(pages)]
			data, _ := os.ReadFile(p)
			os.WriteFile(p, []byte(replaceField(string(data), "title", fmt.Sprintf("\"新的标题%d\"", i))), 0o644)
		}},
		{"template", func(i int) {
			data, _ := os.ReadFile(partial)
			os.WriteFile(partial, []byte(strings.Replace(string(data), "</footer>", fmt.Sprintf("<!-- %d --></footer>", i), 1)), 0o644)
		}},
		{"none", nil},
	}
	for _, e := range edits {
		b.Run(e.name, func(b *testing.B) {
			var times, cpu []time.Duration
			rendered := 0
			pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), pprof.Labels("edit", e.name)))
			defer pprof.SetGoroutineLabels(context.Background())
			for i := 0; b.Loop(); i++ {
				start, startCPU := time.Now(), measure.CPUTime()
				if e.do != nil {
					e.do(i)
					select {
					case batch := <-w.Batches():
						sess.Changed(batch.Paths) // as serve tells its session
					case <-time.After(30 * time.Second):
						b.Fatal("no batch from the watcher")
					}
				}
				res, _, _, err := sess.Build()
				if err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
				cpu = append(cpu, measure.CPUTime()-startCPU)
				rendered = res.Report.Rendered
			}
			slices.Sort(times)
			slices.Sort(cpu)
			b.ReportMetric(float64(times[len(times)/2].Milliseconds()), "median-ms")
			b.ReportMetric(float64(times[len(times)-1].Milliseconds()), "worst-ms")
			b.ReportMetric(float64(cpu[len(cpu)/2].Milliseconds()), "cpu-median-ms")
			b.ReportMetric(float64(rendered), "templates")
		})
	}
}

// writeAllocs writes the allocation profile so far to name.
func writeAllocs(b *testing.B, name string) {
	f, err := os.Create(name)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		b.Fatal(err)
	}
}

func appendTo(b *testing.B, p, text string) {
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	f.WriteString(text)
	f.Close()
}

// BenchmarkColdWarm measures what `pubgen build` costs on a generated site
// of 10,000 pages on disk, as two processes would: a cold build (no
// search index, no attachment cache) and a warm one right after it with
// nothing changed, each a fresh Run with the persistent caches in .pubgen/
// (publishing left out). It reports the median of each and their ratio:
//
//	go test ./internal/pipeline -run '^$' -bench ColdWarm -benchtime 3x -timeout 60m
func BenchmarkColdWarm(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Generate(10000, 1)); err != nil {
		b.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "themes"), os.DirFS("../../themes")); err != nil {
		b.Fatal(err)
	}
	cache := filepath.Join(dir, ".pubgen")
	opts := Options{Now: demoNow, SearchCache: filepath.Join(cache, "search"), AttachCache: filepath.Join(cache, "attach")}
	timed := func() time.Duration {
		start := time.Now()
		if _, err := Run(source.DirFS(dir), opts); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	var cold, warm []time.Duration
	for b.Loop() {
		if err := os.RemoveAll(cache); err != nil {
			b.Fatal(err)
		}
		cold = append(cold, timed())
		warm = append(warm, timed())
	}
	slices.Sort(cold)
	slices.Sort(warm)
	c, w := cold[len(cold)/2], warm[len(warm)/2]
	b.ReportMetric(float64(c.Milliseconds()), "cold-ms")
	b.ReportMetric(float64(w.Milliseconds()), "warm-ms")
	b.ReportMetric(float64(w)/float64(c), "warm/cold")
}
