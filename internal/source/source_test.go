package source

import (
	"reflect"
	"testing"
	"testing/fstest"
)

func TestWalk(t *testing.T) {
	f := func() *fstest.MapFile { return &fstest.MapFile{Data: []byte("x")} }
	fsys := fstest.MapFS{
		"content/_index.md":                    f(),
		"content/notices/a.md":                 f(),
		"content/notices/.a.md.swp":            f(), // vim
		"content/notices/a.md~":                f(), // emacs backup
		"content/notices/.#a.md":               f(), // emacs lock
		"content/notices/4913":                 f(), // vim's write probe
		"content/study/dz/index.md":            f(),
		"content/study/dz/dangzhang.pdf":       f(),
		"content/study/dz/img/1.jpg":           f(),
		"content/study/loose.pdf":              f(), // not in a bundle: not published
		"content/.git/config":                  f(),
		"static/files/rules.pdf":               f(),
		"static/.DS_Store":                     f(),
		"themes/default/layouts/_default/x.md": f(),
	}
	s, err := Walk(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"content/_index.md", "content/notices/a.md", "content/study/dz/index.md"}; !reflect.DeepEqual(s.Pages, want) {
		t.Errorf("Pages = %q, want %q", s.Pages, want)
	}
	if want := map[string][]string{"content/study/dz": {"dangzhang.pdf", "img/1.jpg"}}; !reflect.DeepEqual(s.Bundle, want) {
		t.Errorf("Bundle = %q, want %q", s.Bundle, want)
	}
	if want := []string{"files/rules.pdf"}; !reflect.DeepEqual(s.Static, want) {
		t.Errorf("Static = %q, want %q", s.Static, want)
	}
	if empty, err := Walk(fstest.MapFS{"pubgen.toml": f()}); err != nil || len(empty.Pages) != 0 {
		t.Errorf("a site without content/: %v, %v", empty, err)
	}
}
