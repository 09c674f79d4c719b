package markup

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.html from the current output")

// TestGolden converts each testdata/*.md and compares with the .html beside
// it. Run `go test -update` after an intended change and review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	c := New(Options{})
	for _, in := range files {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			res, err := c.Convert(src, nil)
			if err != nil {
				t.Fatal(err)
			}
			goldenPath := strings.TrimSuffix(in, ".md") + ".html"
			if *update {
				if err := os.WriteFile(goldenPath, res.HTML, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(res.HTML, want) {
				t.Errorf("%s differs from %s; run go test -update and review the diff\ngot:\n%s", in, goldenPath, res.HTML)
			}
		})
	}
}
