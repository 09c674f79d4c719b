package source

import (
	"github.com/pubgen/pubgen/internal/msg"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func link(target string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
}

func TestCheckLinks(t *testing.T) {
	fsys := fstest.MapFS{
		"content/notices/a.md":     {Data: []byte("---\n")},
		"content/notices/ok.md":    link("a.md"),
		"content/notices/chain.md": link("ok.md"),
		"content/notices/up.md":    link("../../static/x.css"),
		"static/x.css":             {Data: []byte("x")},
		"content/passwd.md":        link("/etc/passwd"),
		"content/escape.md":        link("../../outside.md"),
		"static/loop1":             link("loop2"),
		"static/loop2":             link("loop1"),
		"static/self":              link("self"),
		"static/dangling":          link("nothing-here"),
		"themes/default/layouts":   link("../../../other-theme"),
		"public/ignored":           link("/etc/passwd"),
		"pubgen.toml":              link("C:/site/pubgen.toml"),
	}
	got := CheckLinks(fsys)
	var lines []string
	want := []string{
		"content/escape.md: symlink points outside the site (want a real file or a link inside the site)",
		"content/passwd.md: symlink points outside the site (want a real file or a link inside the site)",
		"pubgen.toml: symlink points outside the site (want a real file or a link inside the site)",
		"static/dangling: symlink points to static/nothing-here, which does not exist (want a real file or a link inside the site)",
		"static/loop1: symlink loop (want a real file or a link inside the site)",
		"static/loop2: symlink loop (want a real file or a link inside the site)",
		"static/self: symlink loop (want a real file or a link inside the site)",
		"themes/default/layouts: symlink points outside the site (want a real file or a link inside the site)",
	}
	got.Sort()
	for _, d := range got {
		lines = append(lines, d.In(msg.Printer{Lang: msg.English}))
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	// In the site's default language, as an author reads them.
	zh := map[string]string{
		"content/passwd.md": "content/passwd.md: 这是一个符号链接（快捷方式），指向网站文件夹以外的地方，不能发布。请把文件本身复制到这里，替换这个链接。",
		"static/dangling":   "static/dangling: 这是一个符号链接（快捷方式），它指向的 static/nothing-here 不存在。请把文件本身放在这里，或删除这个链接。",
		"static/self":       "static/self: 这是一个符号链接（快捷方式），它绕了一圈又指回自己，打不开。请删除它，换成文件本身。",
	}
	for _, d := range got {
		if want, ok := zh[d.File]; ok && d.String() != want {
			t.Errorf("in Chinese:\n got %s\nwant %s", d.String(), want)
		}
	}
}

func TestCheckLinksWithoutReadLink(t *testing.T) {
	// A file system that cannot report links has none to refuse.
	var fsys fs.FS = struct{ fs.FS }{fstest.MapFS{"content/a.md": {Data: []byte("x")}}}
	if l := CheckLinks(fsys); len(l) != 0 {
		t.Errorf("got %v", l)
	}
}

// TestEveryInputIsChecked puts a link out of the site and a named pipe in
// every input of the one list (and in the theme's copy of those a theme
// carries): each must be refused, whatever the folder.
func TestEveryInputIsChecked(t *testing.T) {
	for _, in := range Inputs() {
		places := []string{in.Path}
		if in.Dir {
			places = []string{in.Path + "/sub/x"}
		}
		if in.InTheme {
			places = append(places, ThemeDir("default")+"/"+in.Path+"/x")
		}
		for _, p := range places {
			if l := CheckLinks(fstest.MapFS{p: link("/etc/passwd")}); len(l) != 1 || !strings.Contains(l[0].In(msg.Printer{Lang: msg.English}), p+": symlink points outside the site") {
				t.Errorf("link out of the site at %s: got %v", p, l)
			}
			if l := CheckKinds(fstest.MapFS{p: {Mode: fs.ModeNamedPipe}}); len(l) != 1 || !strings.HasPrefix(l[0].In(msg.Printer{Lang: msg.English}), p+": is a named pipe") {
				t.Errorf("named pipe at %s: got %v", p, l)
			}
		}
	}
}
