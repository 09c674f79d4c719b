package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newSite is a site made by init with one new page of every type, built
// with the new pages as written: the paths written, by type.
func newSite(t *testing.T) (string, map[string]string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	var out, errOut bytes.Buffer
	if code := run([]string{"init", dir}, &out, &errOut); code != 0 {
		t.Fatalf("init: %s", errOut.String())
	}
	written := map[string]string{}
	for _, typ := range []string{"notice", "disclosure", "study", "showcase"} {
		out.Reset()
		if code := run([]string{"new", "--source", dir, typ, "12月 支部党员大会 通知（终稿）"}, &out, &errOut); code != 0 {
			t.Fatalf("new %s: %s", typ, errOut.String())
		}
		written[typ] = strings.TrimSpace(out.String())
	}
	return dir, written
}

func buildSite(dir string, extra ...string) (int, string) {
	var out, errOut bytes.Buffer
	code := run(append([]string{"build", "--source", dir, "--now", "2026-12-20"}, extra...), &out, &errOut)
	return code, errOut.String()
}

// TestNewPagesAreDraftsThatNeverBlock: new pages of every type build, and
// nothing of them is published, not even a showcase without its photo.
func TestNewPagesAreDraftsThatNeverBlock(t *testing.T) {
	dir, written := newSite(t)
	if code, msg := buildSite(dir); code != 0 {
		t.Fatalf("build with new drafts failed: %s", msg)
	}
	filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(p, "-1") && (strings.Contains(p, "-notice-") || strings.Contains(p, "-disclosure-") || strings.Contains(p, "-study-") || strings.Contains(p, "-showcase-")) {
			t.Errorf("a draft was published: %s", p)
		}
		return err
	})
	idx, err := os.ReadFile(filepath.Join(dir, "public", "notices", "index.html"))
	if err != nil || bytes.Contains(idx, []byte("终稿")) {
		t.Errorf("the notices list shows the draft (%v)", err)
	}
	// A preview with drafts builds too.
	if code, msg := buildSite(dir, "--drafts", "--dest", filepath.Join(t.TempDir(), "preview")); code != 0 {
		t.Fatalf("build --drafts with new drafts failed: %s", msg)
	}
	if written["study"] != "content/study/"+filepath.Base(filepath.Dir(written["study"]))+"/index.md" {
		t.Errorf("new study wrote %s (want a page folder)", written["study"])
	}
}
