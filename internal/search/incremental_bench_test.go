package search

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/corpus"
)

// corpusDocs turns the generated site of internal/corpus into documents,
// reading just enough of each page's front matter; the body is the page's
// Markdown, which is close enough to the text the build extracts.
func corpusDocs(n int) []Doc {
	files := corpus.Generate(n, 1)
	var docs []Doc
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range files {
			if !yield(k) {
				return
			}
		}
	}) {
		if !strings.HasSuffix(name, ".md") || path.Base(name) == "_index.md" {
			continue
		}
		fm, body, _ := strings.Cut(strings.TrimPrefix(string(files[name]), "---\n"), "\n---\n")
		d := Doc{ID: name, URL: strings.TrimSuffix(strings.TrimPrefix(name, "content/"), ".md") + "/", Body: body}
		d.Type = strings.Split(name, "/")[1]
		for _, line := range strings.Split(fm, "\n") {
			k, v, _ := strings.Cut(line, ": ")
			v = strings.Trim(v, `"`)
			switch k {
			case "title":
				d.Title = v
			case "summary":
				d.Summary = v
			case "branch":
				d.Branch = v
			case "category":
				d.Category = v
			case "tags":
				d.Tags = strings.Split(strings.Trim(v, "[]"), ", ")
			case "date":
				d.Date, _ = time.Parse(time.DateOnly, v)
			}
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkRebuild10k times what a rebuild of `pubgen serve` asks of the
// search after one edit of a 10,000-page site: Update with every document,
// then Export of every file. It reports the median and the worst of 20
// edits of each kind; run with -benchtime=1x, or -bench Rebuild10k/body
// for one kind.
func BenchmarkRebuild10k(b *testing.B) {
	docs := corpusDocs(10000)
	ix, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	start := time.Now()
	if _, err := ix.Update(docs); err != nil {
		b.Fatal(err)
	}
	indexed := time.Since(start)
	start = time.Now()
	files, err := ix.Export()
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d documents: index %v, first export %v, %d files; peak RSS %s", len(docs), indexed, time.Since(start), len(files), peakRSS())
	edits := []struct {
		name string
		edit func(docs []Doc, run int) []Doc
	}{
		{"body", func(docs []Doc, run int) []Doc {
			docs[run*487%len(docs)].Body += fmt.Sprintf("\n\n第%d次修改：补充会议纪要。", run)
			return docs
		}},
		{"title", func(docs []Doc, run int) []Doc {
			docs[run*613%len(docs)].Title += fmt.Sprintf("（修订%d）", run)
			return docs
		}},
		{"add", func(docs []Doc, run int) []Doc {
			d := docs[run*331%len(docs)]
			d.ID, d.URL = fmt.Sprintf("content/notices/new-%d.md", run), fmt.Sprintf("notices/new-%d/", run)
			return append(docs, d)
		}},
	}
	for _, e := range edits {
		b.Run(e.name, func(b *testing.B) {
			for b.Loop() {
				var times, exports []time.Duration
				for run := range 20 {
					docs = e.edit(slices.Clone(docs), run)
					start := time.Now()
					if _, err := ix.Update(docs); err != nil {
						b.Fatal(err)
					}
					updated := time.Now()
					if _, err := ix.Export(); err != nil {
						b.Fatal(err)
					}
					times = append(times, time.Since(start))
					exports = append(exports, time.Since(updated))
				}
				slices.Sort(times)
				slices.Sort(exports)
				b.Logf("Update+Export median %v, worst %v (Export alone: median %v, worst %v)",
					times[len(times)/2], times[len(times)-1], exports[len(exports)/2], exports[len(exports)-1])
				b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
				b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "worst-ms")
			}
		})
	}
}
