package markup

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrescanPassesNormalBodies(t *testing.T) {
	for _, src := range []string{
		"",
		"正文，没有链接。\n",
		"见[通知](../notices/2024-07.md#议程)和![图](a.jpg)。\n",
		"[维基](https://zh.wikipedia.org/wiki/Go_(编程语言))\n",
		"[a](<带 空格.pdf>) [b](c \"标题\")\n",
		"一个未闭合的 [链接](…，作者忘了右括号。\n\n下一段。\n",
		"`[x](` 在代码里\n\n```\n[a](\n[b](\n```\n",
		strings.Repeat("> 引用 [链接](a.md)\n", 50),
		// Many unclosed openers, but each paragraph is short: linear for goldmark.
		strings.Repeat("[a](\n\n", 20000),
		strings.Repeat("[链接](页面.md) 和 (括号) 与 \\( 转义。\n", 20000),
	} {
		if err := Prescan([]byte(src)); err != nil {
			t.Errorf("Prescan(%.40q) = %v; want nil", src, err)
		}
	}
}

// pathological are bodies goldmark 1.8.7 converts in quadratic time (or
// worse), measured before the pre-scan existed: "[a](" 100 KB 6 s, 400 KB
// 82 s; "[a](x)[b](" 400 KB 45 s; "[a](< " 400 KB 26 s; "> " 100 KB 3 s.
var pathological = []string{"[a](", "![a](", "[a](<", "[a](< ", "[a](\n", "[a](b\n", "[a](x)[b](", "> "}

func TestPrescanRejectsPathologicalBodies(t *testing.T) {
	c := New(Options{})
	for _, size := range []int{100 << 10, 1 << 20} {
		for _, p := range pathological {
			src := []byte("# 标题\n\n" + strings.Repeat(p, size/len(p)))
			err := Prescan(src)
			var le *LimitError
			if !errors.As(err, &le) {
				t.Errorf("Prescan(%q × %d KB) = %v; want a *LimitError", p, size>>10, err)
				continue
			}
			if le.Line != 3 {
				t.Errorf("Prescan(%q × %d KB): line %d; want 3, where the text starts", p, size>>10, le.Line)
			}
			// Convert must refuse before goldmark runs; without the
			// pre-scan this call would not return for minutes or hours.
			if _, err := c.Convert(src, nil); !errors.As(err, &le) {
				t.Errorf("Convert(%q × %d KB) = %v; want a *LimitError", p, size>>10, err)
			}
		}
	}
}

func TestPrescanMessage(t *testing.T) {
	err := Prescan([]byte(strings.Repeat("[a](", 25000)))
	want := "line 1: the text has 25000 unclosed links '[…](' in paragraphs of up to 100000 bytes"
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "split the page") {
		t.Errorf("got %v\nwant it to start with %q and say what to do", err, want)
	}
}

// TestPrescanAcceptsRepoPages runs the pre-scan over every Markdown file of
// the repository, which is itself a site: the limits must reject no real page.
func TestPrescanAcceptsRepoPages(t *testing.T) {
	root := filepath.Join("..", "..")
	var files, maxWork int
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if d.IsDir() || filepath.Ext(path) != ".md" {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		maxWork = max(maxWork, scanLinks(src).work)
		if err := Prescan(src); err != nil {
			t.Errorf("%s: %v", path, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("found %d Markdown files under %s; want the repository's content/", files, root)
	}
	t.Logf("%d files, largest link work %d (limit %d)", files, maxWork, MaxLinkWork)
}

// FuzzPrescan checks that the pre-scan never panics, that what it reports
// is bounded by the input, and that Convert refuses exactly what it refuses.
func FuzzPrescan(f *testing.F) {
	for _, s := range []string{"", "[a](b)", "[a](", "\\(](", "a\n\n[b](\n(c)", "> - 1. x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		b := []byte(src)
		lines := strings.Count(src, "\n") + 1
		s := scanLinks(b)
		if s.unclosed < 0 || s.unclosed > len(b)/2 || s.longest > len(b) || s.work < 0 {
			t.Fatalf("scanLinks(%q) = %+v: out of bounds for %d bytes", src, s, len(b))
		}
		if s.unclosed > 0 && (s.firstLine < 1 || s.firstLine > lines) {
			t.Fatalf("scanLinks(%q): first line %d outside 1..%d", src, s.firstLine, lines)
		}
		err := Prescan(b)
		var le *LimitError
		if err != nil && (!errors.As(err, &le) || le.Line < 1 || le.Line > lines) {
			t.Fatalf("Prescan(%q) = %v: want nil or a *LimitError on a line of the input", src, err)
		}
	})
}
