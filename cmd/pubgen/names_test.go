package main

import (
	"bytes"
	"strings"
	"testing"
)

// publishGuards are inputs that used to pass `check` and then fail at
// publish (or publish something broken), each with the message both
// commands must now give.
var publishGuards = []struct {
	name string
	mess func(t *testing.T, site string)
	want string
}{
	{"date with a typo in the year", func(t *testing.T, site string) {
		write(t, site, "content/notices/bad.md", "---\ntitle: 通知\ndate: 9999-12-31\n---\n")
	}, `content/notices/bad.md:3:7: date: “9999-12-31”的年份不在 1900–2100 之间。`},
	{"base_url with a query", func(t *testing.T, site string) {
		write(t, site, "pubgen.toml", "title = \"测试门户\"\nbase_url = \"https://dj.example.com/?from=portal\"\n")
	}, `pubgen.toml:2: base_url: “https://dj.example.com/?from=portal”带有问号后的查询部分（?…）。`},
	{"link to a folder in a bundle", func(t *testing.T, site string) {
		write(t, site, "content/study/a/index.md", "---\ntitle: 学习\ndate: 2024-07-01\n---\n")
		write(t, site, "content/other/x.txt", "x")
		symlink(t, site, "content/study/a/sub", "../../other")
	}, "content/study/a/sub: 这是指向文件夹的符号链接（快捷方式），里面的文件既不会读取，也不会发布。请把文件本身放进来，或每个文件各建一个链接。"},
}

// TestPublishGuards runs check and build on real folders: both exit
// non-zero with the same message, and public/ stays as it was.
func TestPublishGuards(t *testing.T) {
	for _, c := range publishGuards {
		t.Run(c.name, func(t *testing.T) {
			site, before := publishedSite(t)
			c.mess(t, site)
			for _, cmd := range []string{"check", "build"} {
				var out, errOut bytes.Buffer
				if code := run([]string{cmd, "--source", site}, &out, &errOut); code == 0 {
					t.Fatalf("%s exited 0; stdout %s", cmd, out.String())
				}
				if msg := errOut.String(); !strings.Contains(msg, c.want) {
					t.Errorf("%s: stderr lacks %q:\n%s", cmd, c.want, msg)
				}
			}
			samePublic(t, site, before)
		})
	}
}
