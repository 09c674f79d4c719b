package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/pipeline"
)

// indexFiles lists the bleve files of the site's index that damage can
// hit: every zap segment and the bolt root.
func indexFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".zap") || d.Name() == "root.bolt") {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// restoreDir makes dst hold exactly the files of snap.
func restoreDir(t *testing.T, dst string, snap map[string]string) {
	t.Helper()
	if err := os.RemoveAll(dst); err != nil {
		t.Fatal(err)
	}
	for rel, data := range snap {
		write(t, dst, rel, data)
	}
}

// damages are the ways a file of the index is broken on disk.
var damages = []struct {
	name string
	do   func(data []byte) []byte
}{
	{"truncated", func(b []byte) []byte { return b[:len(b)/2] }},
	{"emptied", func(b []byte) []byte { return nil }},
	{"overwritten", func(b []byte) []byte {
		b = bytes.Clone(b)
		for i := len(b) / 3; i < len(b) && i < len(b)/3+64; i++ {
			b[i] = 0xff
		}
		return b
	}},
	{"tail overwritten", func(b []byte) []byte {
		b = bytes.Clone(b)
		for i := max(0, len(b)-40); i < len(b); i++ {
			b[i] ^= 0x5a
		}
		return b
	}},
}

func TestDamagedIndexIsRebuilt(t *testing.T) {
	site := writeSite(t, map[string]string{
		"pubgen.toml":                "title = \"测试门户\"\n",
		"content/notices/dangfei.md": "---\ntitle: 2024年党费收缴情况\ndate: 2024-07-01\n---\n本支部按时足额收缴党费。\n",
		"content/notices/other.md":   "---\ntitle: 主题党日活动\ndate: 2024-07-02\n---\n参观革命纪念馆。\n",
		"content/study/lesson.md":    "---\ntitle: 党课学习资料\ndate: 2024-06-01\n---\n学习党章，按时交纳党费。\n",
	})
	var out, errOut bytes.Buffer
	if code := run([]string{"build", "--source", site}, &out, &errOut); code != 0 {
		t.Fatalf("clean build: %s", errOut.String())
	}
	clean := snapshot(t, filepath.Join(site, "public"))
	ixDir := filepath.Join(site, ".pubgen", "search")
	pristine := snapshot(t, ixDir)
	files := indexFiles(t, ixDir)
	var zaps int
	for _, f := range files {
		if strings.HasSuffix(f, ".zap") {
			zaps++
		}
	}
	if zaps == 0 || len(files) == zaps {
		t.Fatalf("index files = %v, want zap segments and root.bolt", files)
	}
	for _, f := range files {
		rel, _ := filepath.Rel(ixDir, f)
		for _, dmg := range damages {
			t.Run(filepath.ToSlash(rel)+"/"+dmg.name, func(t *testing.T) {
				restoreDir(t, ixDir, pristine)
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(f, dmg.do(data), 0o644); err != nil {
					t.Fatal(err)
				}
				checkDamagedSearch(t, site)
				restoreDir(t, ixDir, pristine)
				if err := os.WriteFile(f, dmg.do(data), 0o644); err != nil {
					t.Fatal(err)
				}
				var out, errOut bytes.Buffer
				if code := run([]string{"build", "--source", site}, &out, &errOut); code != 0 {
					t.Fatalf("build on a damaged index failed (%d): %s", code, errOut.String())
				}
				all := out.String() + errOut.String()
				rebuilt := damageRe(".pubgen/search: warning: ", msg.IndexRebuilt)
				warned := rebuilt.MatchString(all)
				// bolt preallocates: truncated or overwritten bytes of
				// root.bolt may fall in pages it never reads, and then
				// nothing was damaged (the checks below still hold).
				mustWarn := strings.HasSuffix(f, ".zap") || dmg.name == "emptied"
				if mustWarn && !warned {
					t.Errorf("no damage warning:\n%s", all)
				}
				if n := len(damageRe("", msg.IndexRebuilt).FindAllString(all, -1)); n > 1 {
					t.Errorf("the damage is reported %d times, want one line:\n%s", n, all)
				}
				samePublic(t, site, clean)
				out.Reset()
				if code := run([]string{"search", "--source", site, "党费"}, &out, &errOut); code != 0 || strings.Count(out.String(), "\n    ") != 4 {
					t.Errorf("search after the rebuild (%d): %s%s", code, out.String(), errOut.String())
				}
			})
		}
	}
}

// damageRe matches the one line that says the search index was damaged,
// after prefix, as the catalogue words it for these sites (no language in
// pubgen.toml: Chinese), whatever bleve's reason, and ending the line.
func damageRe(prefix string, remedy msg.Key) *regexp.Regexp {
	return regexp.MustCompile(regexp.QuoteMeta(prefix) + textRe(msg.Printer{}, msg.IndexDamaged, anything, remedy) + `\n`)
}

// anything is an argument textRe matches whatever it is, within a line.
const anything = "\x00"

// textRe is a regular expression matching the catalogue's text k in p's
// language, its arguments as given except those that are anything.
func textRe(p msg.Printer, k msg.Key, args ...any) string {
	parts := strings.Split(p.Sprint(k, args...), anything)
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	return strings.Join(parts, `[^\n]*`)
}

// TestIndexDamageWords: the damage line as an operator reads it, in
// Chinese by default and in English on request.
func TestIndexDamageWords(t *testing.T) {
	err := errors.New("zap: checksum mismatch")
	for _, c := range []struct {
		p    msg.Printer
		sev  diag.Severity
		rem  msg.Key
		want string
	}{
		{msg.Printer{}, diag.Warning, msg.IndexRebuilt, ".pubgen/search: warning: 搜索索引已损坏（原因：zap: checksum mismatch），已按页面重新建立，无需处理。"},
		{msg.Printer{}, diag.Error, msg.IndexRunBuild, ".pubgen/search: 搜索索引已损坏（原因：zap: checksum mismatch），请先运行 pubgen build 重新建立，再搜索。"},
		{msg.Printer{Lang: msg.English}, diag.Warning, msg.IndexRebuilt, ".pubgen/search: warning: search index was damaged (zap: checksum mismatch); rebuilt from scratch"},
	} {
		if got := pipeline.IndexDamage(".pubgen/search", err, c.sev, c.rem).In(c.p); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

// checkDamagedSearch runs `pubgen search` on a damaged index: it either
// answers as the clean index does or says to run pubgen build.
func checkDamagedSearch(t *testing.T, site string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run([]string{"search", "--source", site, "党费"}, &out, &errOut)
	switch {
	case code == 0 && strings.Count(out.String(), "\n    ") == 4:
	case code == 1 && damageRe("pubgen: "+filepath.Join(site, ".pubgen", "search")+": ", msg.IndexRunBuild).MatchString(errOut.String()):
	default:
		t.Errorf("search on a damaged index (%d): %s%s", code, out.String(), errOut.String())
	}
}

// TestFailedBuildLeavesIndex: the index answers as the live site does, so a
// build that fails does not index the pages it could not publish.
func TestFailedBuildLeavesIndex(t *testing.T) {
	site, _ := publishedSite(t)
	write(t, site, "content/notices/first.md", "---\ntitle: 改过的新标题\ndate: 2024-07-01\n---\n正文\n")
	write(t, site, "content/notices/broken.md", "---\ntitle: 坏的\ndate: 2024-13-01\n---\n正文\n")
	var out, errOut bytes.Buffer
	if code := run([]string{"build", "--source", site}, &out, &errOut); code == 0 {
		t.Fatal("a build with a bad date succeeded")
	}
	out.Reset()
	if code := run([]string{"search", "--source", site, "新标题"}, &out, &errOut); code != 0 || strings.Contains(out.String(), "改过的新标题") {
		t.Errorf("search after the failed build (%d) found the unpublished title: %s%s", code, out.String(), errOut.String())
	}
	out.Reset()
	if code := run([]string{"search", "--source", site, "第一次通知"}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "第一次通知") {
		t.Errorf("search after the failed build (%d) lost the published title: %s%s", code, out.String(), errOut.String())
	}
}

// TestSearchCacheNotAFolder: a file where the search index's folder
// belongs is what Open cannot start over from by itself. build and search
// say where it is, why, and that deleting it is safe, in the site's
// language, wrapped once (no "search: search: …").
func TestSearchCacheNotAFolder(t *testing.T) {
	for _, tt := range []struct {
		lang, want string
	}{
		{"zh-CN", "pubgen: 打不开搜索索引所在的文件夹 {dir}（路径中有一项是文件，不是文件夹）。它只是缓存：请把 {dir} 整个删掉，再构建一次，它会按页面重新建立。"},
		{"en", "pubgen: search: creating {dir}: mkdir {dir}: not a directory (the search index is a cache: delete {dir} and build again)"},
	} {
		site := writeSite(t, map[string]string{
			"pubgen.toml":          "title = \"测试门户\"\nlanguage = \"" + tt.lang + "\"\n",
			"content/notices/a.md": "---\ntitle: 主题党日活动\ndate: 2024-07-02\n---\n参观革命纪念馆。\n",
			".pubgen/search":       "not an index\n",
		})
		want := strings.ReplaceAll(tt.want, "{dir}", filepath.Join(site, ".pubgen", "search"))
		for _, args := range [][]string{{"build", "--source", site}, {"search", "--source", site, "党日"}} {
			var out, errOut bytes.Buffer
			if code := run(args, &out, &errOut); code != 1 {
				t.Errorf("%s %s: exit %d, want 1; %s", tt.lang, args[0], code, errOut.String())
			}
			if first, _, _ := strings.Cut(errOut.String(), "\n"); first != want {
				t.Errorf("%s %s:\n got %s\nwant %s", tt.lang, args[0], first, want)
			}
		}
	}
}
