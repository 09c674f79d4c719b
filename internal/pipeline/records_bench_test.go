package pipeline

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// BenchmarkRecords measures, on a generated site of 10,000 pages built in
// a session, what recording every output's reads costs in memory, and how
// many templates a body, a title and a template edit run:
//
//	go test ./internal/pipeline -run '^$' -bench Records -benchtime 1x -timeout 30m
func BenchmarkRecords(b *testing.B) {
	fsys := corpusFS(b, 10000)
	var study []string
	for p := range fsys {
		if strings.HasPrefix(p, "content/study/") && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") {
			study = append(study, p)
		}
	}
	sort.Strings(study)
	edit := func(p string, f func(string) string) {
		fsys[p] = &fstest.MapFile{Data: []byte(f(string(fsys[p].Data))), ModTime: time.Now()}
	}
	for i := 0; b.Loop(); i++ {
		sess := NewSession(fsys, Options{Now: demoNow, NoSearch: true})
		first, _, _, err := sess.Build()
		if err != nil {
			b.Fatal(err)
		}
		files, reads, bytes := sess.caches.mem().Render().Footprint()
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		b.ReportMetric(float64(first.Report.Rendered), "templates")
		b.ReportMetric(float64(reads)/float64(files), "reads/file")
		b.ReportMetric(float64(bytes)/(1<<20), "records-MiB")
		b.ReportMetric(float64(m.HeapInuse)/(1<<20), "heap-MiB")
		rebuild := func(what string) {
			start := time.Now()
			res, _, changed, err := sess.Build()
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(res.Report.Rendered), what+"-templates")
			b.Logf("%s edit: %d templates run, %d files changed, %d ms", what, res.Report.Rendered, len(changed), time.Since(start).Milliseconds())
		}
		page := study[i%len(study)]
		edit(page, func(s string) string { return s + fmt.Sprintf("\n补充第%d段。\n", i) })
		rebuild("body")
		edit(page, func(s string) string { return replaceField(s, "title", fmt.Sprintf("\"新的标题%d\"", i)) })
		rebuild("title")
		edit("themes/default/layouts/partials/study.html", func(s string) string { return s + fmt.Sprintf("<p class=\"study-note\">%d</p>", i) })
		rebuild("study-partial")
		b.Logf("%d files, %d reads (%.1f a file), records %.1f MiB, heap in use %.0f MiB", files, reads, float64(reads)/float64(files), float64(bytes)/(1<<20), float64(m.HeapInuse)/(1<<20))
	}
}
