package source

import (
	"github.com/pubgen/pubgen/internal/msg"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestCheckKinds(t *testing.T) {
	fsys := fstest.MapFS{
		"content/ok.md":                {Data: []byte("---\n")},
		"content/x.md":                 {Mode: fs.ModeNamedPipe},
		"content/study/a/index.md":     {Data: []byte("---\n")},
		"content/study/a/notes.pdf":    {Mode: fs.ModeNamedPipe},
		"static/tty":                   {Mode: fs.ModeDevice | fs.ModeCharDevice},
		"data/disk":                    {Mode: fs.ModeDevice},
		"layouts/_default/single.html": {Mode: fs.ModeSocket},
		"i18n/zh.toml":                 {Mode: fs.ModeIrregular},
		"content/pipe-link.md":         link("x.md"),
		"public/ignored":               {Mode: fs.ModeNamedPipe},
		".pubgen/ignored":              {Mode: fs.ModeNamedPipe},
		"content/other/x.txt":          {Data: []byte("x")},
		"content/study/a/sub":          link("../../other"),
		"static/up":                    link("../content/other"),
		"layouts/partials/shared":      link("../../content/other"),
	}
	got := CheckKinds(fsys)
	got.Sort()
	var lines []string
	for _, d := range got {
		lines = append(lines, d.In(msg.Printer{Lang: msg.English}))
	}
	want := []string{
		"content/pipe-link.md: is a named pipe (FIFO), not a regular file (expected an ordinary file; delete or move it)",
		"content/study/a/notes.pdf: is a named pipe (FIFO), not a regular file (expected an ordinary file; delete or move it)",
		"content/study/a/sub: is a link to a folder, which is neither read nor copied (want the files themselves in the folder, or one link per file)",
		"content/x.md: is a named pipe (FIFO), not a regular file (expected an ordinary file; delete or move it)",
		"data/disk: is a device, not a regular file (expected an ordinary file; delete or move it)",
		"i18n/zh.toml: is an irregular file, not a regular file (expected an ordinary file; delete or move it)",
		"layouts/_default/single.html: is a socket, not a regular file (expected an ordinary file; delete or move it)",
		"static/tty: is a character device, not a regular file (expected an ordinary file; delete or move it)",
		"static/up: is a link to a folder, which is neither read nor copied (want the files themselves in the folder, or one link per file)",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	// In the site's default language, an author reads it in Chinese.
	for _, d := range got {
		if d.File == "content/x.md" {
			if zh, want := d.String(), "content/x.md: 这是一个命名管道（FIFO），不是普通文件，无法读取。请删除它或移出网站文件夹。"; zh != want {
				t.Errorf("in Chinese: %q, want %q", zh, want)
			}
		}
	}
}
