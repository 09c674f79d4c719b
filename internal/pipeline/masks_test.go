package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/search"
)

// TestSessionMasksOnlyEditedText: a session scans for personal-data
// numbers only the search text that changed since its last build, and
// what it remembers is still masked: a number written into one page's body
// reaches the shards masked, and a page that stops allowing a number has
// it masked again.
func TestSessionMasksOnlyEditedText(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"pubgen.toml": "title = \"t\"\n"}
	for i := range 6 {
		files[fmt.Sprintf("content/notices/n%d.md", i)] = fmt.Sprintf("---\ntitle: 通知%d\ndate: 2026-05-0%d\n---\n请各位党员准时参加第%d次学习。\n", i, i+1, i)
	}
	writeSite(t, dir, files)
	sess := NewSession(os.DirFS(dir), Options{Now: demoNow})
	build := func() (scans int64, shards []byte) {
		t.Helper()
		before := sess.caches.mem().Masks().Scans()
		_, out, _, err := sess.Build()
		if err != nil {
			t.Fatal(err)
		}
		for p, data := range out {
			if strings.HasPrefix(p, "search/") && p != search.EnginePath() { // the engine is code, the same for every site
				shards = append(shards, data...)
			}
		}
		return sess.caches.mem().Masks().Scans() - before, shards
	}
	if n, _ := build(); n < 6 {
		t.Fatalf("first build scanned %d texts, want every page's", n)
	}
	if n, _ := build(); n != 0 {
		t.Errorf("unchanged rebuild scanned %d texts, want 0", n)
	}
	write := func(body string) {
		t.Helper()
		p := filepath.Join(dir, "content/notices/n3.md")
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("---\ntitle: 通知3\ndate: 2026-05-04\n---\n请各位党员准时参加。联系人手机13812345678。\n")
	n, shards := build()
	if n == 0 || n > 2 {
		t.Errorf("one body edit scanned %d texts, want the body (and the summary made from it)", n)
	}
	if len(shards) == 0 {
		t.Fatal("no search shards in the output")
	}
	if bytes.Contains(shards, []byte("13812345678")) || bytes.Contains(shards, []byte("12345678")) {
		t.Error("the search shards hold the number whole after a session rebuild")
	}
}
