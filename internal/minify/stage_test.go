package minify

import (
	"bytes"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pubgen/pubgen/internal/publish"
)

const page = "<!doctype html>\n<html>\n  <head>\n    <title>x</title>\n  </head>\n  <body>\n    <p>  a  </p>\n  </body>\n</html>\n"

// TestOutputs: what the stage minifies (made in memory, a type it knows)
// and what it leaves (copied files, other types).
func TestOutputs(t *testing.T) {
	src := fstest.MapFS{"static/a.html": {Data: []byte(page)}}
	entries := []publish.Entry{
		{Path: "a/index.html", Data: []byte(page)},
		{Path: "feed/index.xml", Data: []byte("<feed>\n  <title> t </title>\n</feed>\n")},
		{Path: "a/meeting.ics", Data: []byte("BEGIN:VCALENDAR\r\n  \r\n")},
		{Path: "a.html", Src: src, SrcPath: "static/a.html"},
	}
	if err := New().Outputs(entries, nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		i    int
		want string
	}{
		{0, "<!doctype html><html><head><title>x</title></head><body><p>a</p></body></html>"},
		{1, "<feed><title>t</title></feed>"},
		{2, "BEGIN:VCALENDAR\r\n  \r\n"},
		{3, ""},
	} {
		if got := string(entries[c.i].Data); got != c.want {
			t.Errorf("%s: got %q, want %q", entries[c.i].Path, got, c.want)
		}
	}
	// --no-minify: a nil stage leaves every file as it was made.
	e := []publish.Entry{{Path: "a/index.html", Data: []byte(page)}}
	if err := (*Minifier)(nil).Outputs(e, nil); err != nil || string(e[0].Data) != page {
		t.Errorf("nil minifier: %q, %v", e[0].Data, err)
	}
}

// TestMemo: a path that holds the same bytes gets the bytes minified
// before (the very same slice: nothing ran again), other bytes at that
// path are minified afresh, and the producer's bytes are never written.
func TestMemo(t *testing.T) {
	m, c := New(), &Memo{}
	made := []byte(page)
	run := func(data []byte) []byte {
		t.Helper()
		e := []publish.Entry{{Path: "a/index.html", Data: data}}
		if err := m.Outputs(e, c); err != nil {
			t.Fatal(err)
		}
		return e[0].Data
	}
	first := run(made)
	if again := run(bytes.Clone(made)); &again[0] != &first[0] {
		t.Error("the same bytes at the same path were minified again")
	}
	c.Sweep()
	edited := []byte(strings.Replace(page, "a", "b", 1))
	want, err := m.File("a/index.html", bytes.Clone(edited))
	if err != nil {
		t.Fatal(err)
	}
	if got := run(edited); !bytes.Equal(got, want) || bytes.Equal(got, first) {
		t.Errorf("edited page: got %q, want %q", got, want)
	}
	if string(made) != page {
		t.Error("the stage wrote into the producer's bytes")
	}
	// Swept twice without being asked for, the first page is forgotten.
	c.Sweep()
	c.Sweep()
	if c.t.Len() != 0 {
		t.Errorf("%d entries left after sweeps", c.t.Len())
	}
}

// TestOnlyThePipelineMinifies: no producer (render, outputs, search…)
// imports this package, so none can minify its own output and bypass
// the stage; the composition root runs it over all of them.
func TestOnlyThePipelineMinifies(t *testing.T) {
	const self = "github.com/pubgen/pubgen/internal/minify"
	for _, root := range []string{"../../internal", "../../cmd"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return err
			}
			dir := filepath.ToSlash(filepath.Dir(p))
			if strings.HasSuffix(dir, "internal/minify") || strings.HasSuffix(dir, "internal/pipeline") ||
				strings.HasSuffix(dir, "internal/incremental") { // holds the stage's memo, as every table
				return nil
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), p, src, parser.ImportsOnly)
			if err != nil {
				return err
			}
			for _, imp := range f.Imports {
				if path, _ := strconv.Unquote(imp.Path.Value); path == self {
					t.Errorf("%s imports %s: producers hand their files to the one minify stage", p, self)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
