package attach

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

func TestCache(t *testing.T) {
	pdf, err := os.ReadFile("testdata/zh-chromium.pdf")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	fsys := fstest.MapFS{
		"a/笔记.pdf":   {Data: pdf},
		"b/copy.pdf": {Data: pdf},
		"c/bad.pdf":  {Data: []byte("not a pdf")},
	}
	extracted := func(c *Cache, name string) bool {
		t.Helper()
		_, ex, _ := c.Text(fsys, name)
		return ex
	}
	c := NewCache(dir, Limits{})
	if !extracted(c, "a/笔记.pdf") || extracted(c, "a/笔记.pdf") {
		t.Error("first read should extract, the second not")
	}
	if extracted(c, "b/copy.pdf") {
		t.Error("the same bytes under another name should be a hit")
	}
	if !extracted(c, "c/bad.pdf") || extracted(c, "c/bad.pdf") {
		t.Error("an unreadable file is remembered too")
	}
	// Two extractions (笔记.pdf, bad.pdf) however often they were asked
	// for: what a build's report gives, whichever stage asked first.
	if n := c.Extracted(); n != 2 {
		t.Errorf("Extracted() = %d after two extractions, want 2", n)
	}
	if _, _, err := c.Text(fsys, "c/bad.pdf"); err == nil {
		t.Error("a remembered failure is still an error")
	}

	// A new process finds the entries on disk.
	c2 := NewCache(dir, Limits{})
	if extracted(c2, "a/笔记.pdf") || extracted(c2, "c/bad.pdf") {
		t.Error("entries on disk should be hits")
	}
	parts, _, _ := c2.Text(fsys, "a/笔记.pdf")
	if len(parts) != 2 || parts[1].Page != 2 {
		t.Errorf("parts from disk: %+v", parts)
	}

	// Other limits are other entries.
	if !extracted(NewCache(dir, Limits{MaxPages: 1}), "a/笔记.pdf") {
		t.Error("different limits should not share entries")
	}

	// Sweep keeps only what the last build asked for.
	c3 := NewCache(dir, Limits{})
	extracted(c3, "a/笔记.pdf")
	c3.Sweep()
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) != 1 {
		t.Errorf("after Sweep: %v, want one entry", files)
	}

	// A damaged entry is a miss, not an error.
	os.WriteFile(files[0], []byte("{not json"), 0o644)
	if !extracted(NewCache(dir, Limits{}), "a/笔记.pdf") {
		t.Error("a damaged entry should be extracted again")
	}
}
