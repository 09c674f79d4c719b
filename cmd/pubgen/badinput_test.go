package main

import (
	"bytes"
	"github.com/pubgen/pubgen/internal/msg"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const goodNotice = "---\ntitle: 第一次通知\ndate: 2024-07-01\n---\n正文\n"

// publishedSite writes a valid site, builds it once so that public/ exists,
// and returns the site folder and a snapshot of public/.
func publishedSite(t *testing.T) (string, map[string]string) {
	t.Helper()
	site := writeSite(t, map[string]string{
		"pubgen.toml":              "title = \"测试门户\"\n",
		"content/notices/first.md": goodNotice,
	})
	var out, errOut bytes.Buffer
	if code := run([]string{"build", "--source", site}, &out, &errOut); code != 0 {
		t.Fatalf("first build failed (%d): %s", code, errOut.String())
	}
	before := snapshot(t, filepath.Join(site, "public"))
	if len(before) == 0 {
		t.Fatal("first build published nothing")
	}
	return site, before
}

func write(t *testing.T, site, name, body string) {
	t.Helper()
	p := filepath.Join(site, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, site, name, target string) {
	t.Helper()
	p := filepath.Join(site, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		t.Skipf("cannot make a symlink here: %v", err)
	}
}

// samePublic fails unless public/ is byte for byte what it was.
func samePublic(t *testing.T, site string, before map[string]string) {
	t.Helper()
	after := snapshot(t, filepath.Join(site, "public"))
	if len(after) != len(before) {
		t.Errorf("public/ has %d files after the failed build, %d before", len(after), len(before))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed after a failed build", k)
		}
	}
	entries, _ := os.ReadDir(site)
	for _, e := range entries {
		if strings.Contains(e.Name(), "staging") {
			t.Errorf("staging folder left behind: %s", e.Name())
		}
	}
}

// TestBadInputLeavesPublicUntouched runs the command on real folders for a
// representative part of the catalogue in internal/pipeline: each exits
// non-zero, says what is wrong, and leaves the published site as it was.
func TestBadInputLeavesPublicUntouched(t *testing.T) {
	for _, c := range []struct {
		name string
		mess func(t *testing.T, site string)
		want string
	}{
		{"malformed YAML", func(t *testing.T, site string) {
			write(t, site, "content/notices/bad.md", "---\ntitle: 通知\ndate: 2024-07-01\nmeeting:\n\tkind: 党课\n---\n")
		}, "content/notices/bad.md:5:1: 这一行用 Tab 键缩进了。只能用空格缩进，请把 Tab 换成两个空格。"},
		{"impossible date", func(t *testing.T, site string) {
			write(t, site, "content/notices/bad.md", "---\ntitle: 通知\ndate: 2024-02-30\n---\n")
		}, `content/notices/bad.md:3:7: date: 2024 年 2 月没有 30 日（这个月只有 29 天）。`},
		{"symlink to a system file", func(t *testing.T, site string) {
			symlink(t, site, "content/notices/passwd.md", "/etc/passwd")
		}, "content/notices/passwd.md: 这是一个符号链接（快捷方式），指向网站文件夹以外的地方，不能发布。请把文件本身复制到这里，替换这个链接。"},
		{"symlinked folder climbing out", func(t *testing.T, site string) {
			symlink(t, site, "static/up", "../..")
		}, "static/up: " + msg.Printer{}.Sprint(msg.SymlinkOutside)},
		{"symlink loop", func(t *testing.T, site string) {
			symlink(t, site, "content/notices/x.md", "y.md")
			symlink(t, site, "content/notices/y.md", "x.md")
		}, "content/notices/x.md: " + msg.Printer{}.Sprint(msg.SymlinkLoop)},
		{"absolute attachment", func(t *testing.T, site string) {
			write(t, site, "content/study/a/index.md", "---\ntitle: 学习\ndate: 2024-07-01\nattachments: [{file: /etc/passwd}]\n---\n")
		}, `content/study/a/index.md:4:22: attachments[0].file: “/etc/passwd”不在本页的文件夹里。`},
		{"enormous file (100 MB, sparse)", func(t *testing.T, site string) {
			p := filepath.Join(site, "content/notices/huge.md")
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := f.Truncate(100 << 20); err != nil {
				t.Fatal(err)
			}
		}, "content/notices/huge.md: 文件有 100.0 MB，太大了，不像是页面文字（最多 10.0 MB）。"},
		{"deeply nested Markdown", func(t *testing.T, site string) {
			write(t, site, "content/notices/deep.md", goodNotice+strings.Repeat(">", 100000)+" 引用\n")
		}, "content/notices/deep.md:6: body: " + msg.Printer{}.Sprint(msg.BodyTooDeep, 100000, 100)},
		{"template runtime error", func(t *testing.T, site string) {
			write(t, site, "layouts/_default/single.html", "{{ define \"main\" }}\n<p>{{ index .Page.Tags 3 }}</p>\n{{ end }}\n")
		}, "layouts/_default/single.html:2:6"},
		{"missing theme", func(t *testing.T, site string) {
			write(t, site, "pubgen.toml", "title = \"测试门户\"\ntheme = \"red\"\n")
		}, "pubgen.toml: theme: " + msg.Printer{}.Sprint(msg.ThemeMissing, "red", "themes/red")},
		{"config of the wrong type", func(t *testing.T, site string) {
			write(t, site, "pubgen.toml", "title = \"测试门户\"\npage_size = \"十\"\n")
		}, "pubgen.toml:2:13: page_size: 这里写的是加了引号的文字，应写整数（不加引号）。"},
	} {
		t.Run(c.name, func(t *testing.T) {
			site, before := publishedSite(t)
			c.mess(t, site)
			var out, errOut bytes.Buffer
			code := run([]string{"build", "--source", site}, &out, &errOut)
			if code == 0 {
				t.Fatalf("build exited 0; stderr:\n%s", errOut.String())
			}
			msg := errOut.String()
			if !strings.Contains(msg, c.want) || !strings.Contains(msg, "没有发布任何内容") {
				t.Errorf("stderr lacks %q:\n%s", c.want, msg)
			}
			samePublic(t, site, before)
		})
	}
}

// TestUnwritableDestination: a destination that cannot be written (here:
// its parent is a file, which fails even for root) exits non-zero with a
// message naming it, before anything is built.
func TestUnwritableDestination(t *testing.T) {
	site, _ := publishedSite(t)
	blocker := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := run([]string{"build", "--source", site, "--dest", filepath.Join(blocker, "public")}, &out, &errOut)
	if code == 0 {
		t.Fatal("build into a folder under a file exited 0")
	}
	// The exact line an operator reads, in the default language.
	if want := "pubgen: 发布文件夹“" + filepath.Join(blocker, "public") + "”的上一级 " + blocker + " 是一个文件，不是文件夹。请换一个发布文件夹。\n"; !strings.HasPrefix(errOut.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, errOut.String())
	}
}

// TestReadOnlyDestination uses permissions, which root ignores.
func TestReadOnlyDestination(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which may write into a read-only folder; TestUnwritableDestination and TestFullDestination cover unwritable destinations")
	}
	site, before := publishedSite(t)
	if err := os.Chmod(site, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(site, 0o755) })
	write(t, site, "content/notices/second.md", goodNotice)
	var out, errOut bytes.Buffer
	if code := run([]string{"build", "--source", site}, &out, &errOut); code == 0 {
		t.Fatal("build into a read-only folder exited 0")
	}
	if !strings.Contains(errOut.String(), msg.Printer{}.Text(msg.Cause(syscall.EACCES))) {
		t.Errorf("stderr does not say why: %s", errOut.String())
	}
	samePublic(t, site, before)
}
