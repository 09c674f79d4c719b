package pipeline

import (
	"fmt"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"github.com/pubgen/pubgen/internal/corpus"
)

// corpusFS is a generated site of n pages with the repository's theme.
func corpusFS(b *testing.B, n int) fstest.MapFS {
	b.Helper()
	fsys := fstest.MapFS{}
	for p, data := range corpus.Generate(n, 1) {
		fsys[p] = &fstest.MapFile{Data: data}
	}
	theme := os.DirFS("../../themes/default")
	err := fs.WalkDir(theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, p)
		fsys["themes/default/"+p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return fsys
}

// BenchmarkBuild measures a full in-memory build (everything but writing
// public/) of generated sites:
//
//	go test ./internal/pipeline -run '^$' -bench Build -benchtime 3x
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		for _, withSearch := range []bool{false, true} {
			benchBuild(b, n, withSearch)
		}
	}
}

func benchBuild(b *testing.B, n int, withSearch bool) {
	name := fmt.Sprintf("pages=%d/search=%v", n, withSearch)
	b.Run(name, func(b *testing.B) {
		fsys := corpusFS(b, n)
		b.ResetTimer()
		for b.Loop() {
			res, err := Run(fsys, Options{Now: demoNow, NoSearch: !withSearch})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(len(res.Entries)), "files")
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	})
}
