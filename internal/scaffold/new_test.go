package scaffold_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/scaffold"
	"github.com/pubgen/pubgen/internal/source"
)

// TestNewWritesDrafts: every type is a draft with a short ASCII name,
// numbered per day; study and showcase pages are folders.
func TestNewWritesDrafts(t *testing.T) {
	dir := initSite(t, true)
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct{ typ, want string }{
		{"notice", "content/notices/2026-12-03-notice-1.md"},
		{"notice", "content/notices/2026-12-03-notice-2.md"},
		{"disclosure", "content/disclosures/2026-12-03-disclosure-1.md"},
		{"study", "content/study/2026-12-03-study-1/index.md"},
		{"showcase", "content/showcases/2026-12-03-showcase-1/index.md"},
	} {
		rel, err := scaffold.New(dir, source.DirFS(dir), "default", c.typ, "12月 支部党员大会 通知（终稿）", "", now)
		if err != nil || rel != c.want {
			t.Fatalf("new %s = %q, %v (want %q)", c.typ, rel, err, c.want)
		}
		text := read(t, dir, rel)
		if !strings.Contains(text, "\ndraft: true\n") || strings.Contains(text, "draft: false") {
			t.Errorf("%s is not a draft:\n%s", rel, text)
		}
		if !strings.Contains(text, `title: "12月 支部党员大会 通知（终稿）"`) || !strings.Contains(text, "slug: \"\"\n") {
			t.Errorf("%s: title or slug line:\n%s", rel, text)
		}
	}
	if text := read(t, dir, "content/showcases/2026-12-03-showcase-1/index.md"); strings.Contains(text, "cover.jpg\n") {
		t.Errorf("the showcase names a cover that does not exist:\n%s", text)
	}
	if text := read(t, dir, "content/notices/2026-12-03-notice-1.md"); !strings.Contains(text, "\n  kind:\n") || !strings.Contains(text, "\n  start:\n") {
		t.Errorf("the notice has a default meeting time:\n%s", text)
	}
}

// TestNewMakesASiteArchetypeADraft: a site's own archetype saying draft:
// false, or nothing, still gives a draft.
func TestNewMakesASiteArchetypeADraft(t *testing.T) {
	for _, arch := range []string{"---\ntitle: \"{{ .Title }}\"\ndate: {{ .Date }}\ndraft: false\n---\n正文\n", "---\ntitle: \"{{ .Title }}\"\ndate: {{ .Date }}\n---\n正文\n"} {
		dir := initSite(t, true)
		if err := os.MkdirAll(filepath.Join(dir, "archetypes"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "archetypes", "notice.md"), []byte(arch), 0o644); err != nil {
			t.Fatal(err)
		}
		rel, err := scaffold.New(dir, source.DirFS(dir), "default", "notice", "标题", "", time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if text := read(t, dir, rel); !strings.Contains(text, "\ndraft: true\n") || strings.Contains(text, "draft: false") {
			t.Errorf("from %q:\n%s", arch, text)
		}
	}
}
