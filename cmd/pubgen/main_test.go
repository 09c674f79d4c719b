package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/search"
)

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "themes"), os.DirFS("../../themes")); err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestFailedBuildLeavesPublicUntouched is the operator's guarantee: a bad
// file exits non-zero, names file and line, and the published site stays
// byte for byte what it was.
func TestFailedBuildLeavesPublicUntouched(t *testing.T) {
	site := writeSite(t, map[string]string{
		"pubgen.toml":              "title = \"测试门户\"\n",
		"content/notices/first.md": "---\ntitle: 第一次通知\ndate: 2024-07-01\n---\n正文\n",
	})
	var out, errOut bytes.Buffer
	if code := run([]string{"build", "--source", site}, &out, &errOut); code != 0 {
		t.Fatalf("first build failed (%d): %s", code, errOut.String())
	}
	public := filepath.Join(site, "public")
	before := snapshot(t, public)
	if !strings.Contains(before["notices/first/index.html"], "第一次通知") {
		t.Fatalf("first build did not publish the notice: %v", len(before))
	}

	bad := "---\ntitle: 第二次通知\ndate: 2024-07-32\nmeetng: {kind: 党课}\n---\n正文\n"
	if err := os.WriteFile(filepath.Join(site, "content/notices/second.md"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errOut.Reset()
	code := run([]string{"build", "--source", site}, &out, &errOut)
	if code == 0 {
		t.Fatal("build with a bad date exited 0")
	}
	msg := errOut.String()
	for _, want := range []string{
		`content/notices/second.md:3:7: date: 2024 年 7 月没有 32 日（这个月只有 31 天）。`,
		"content/notices/second.md:4:1: meetng: 没有这个字段，是不是想写 meeting？",
		"没有发布任何内容",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("stderr lacks %q:\n%s", want, msg)
		}
	}
	after := snapshot(t, public)
	if len(after) != len(before) {
		t.Fatalf("public/ has %d files after the failed build, %d before", len(after), len(before))
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

func TestInitBuildsAndNewWritesArchetype(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	var out, errOut bytes.Buffer
	if code := run([]string{"init", dir}, &out, &errOut); code != 0 {
		t.Fatalf("init: %s", errOut.String())
	}
	if code := run([]string{"new", "--source", dir, "notice", "关于召开支部党员大会的通知"}, &out, &errOut); code != 0 {
		t.Fatalf("new: %s", errOut.String())
	}
	if code := run([]string{"build", "--source", dir, "--now", "2026-11-25"}, &out, &errOut); code != 0 {
		t.Fatalf("build of the initialised site: %s", errOut.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Error(err)
	}
	if ig, err := os.ReadFile(filepath.Join(dir, ".gitignore")); err != nil || !strings.Contains(string(ig), "public/") || !strings.Contains(string(ig), ".pubgen/") {
		t.Errorf("init's .gitignore: %q, %v", ig, err)
	}
	for _, name := range []string{"go.mod", "go.sum", "netlify.toml", ".gitlab-ci.yml", "README.md"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("init wrote no %s: %v", name, err)
		}
	}
	if code := run([]string{"init", dir}, &out, &errOut); code == 0 {
		t.Error("init into a non-empty folder succeeded; it must refuse to overwrite")
	}
}

func TestUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"frobnicate"}, &out, &errOut); code != 2 || !strings.HasPrefix(errOut.String(), "pubgen: 没有“frobnicate”这个命令。可用的命令如下：\n") {
		t.Errorf("unknown command: code %d, %s", code, errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"check", "--now", "2024-13-01"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), `--now 后面的“2024-13-01”不是日期。`) {
		t.Errorf("bad --now: code %d, %s", code, errOut.String())
	}
	out.Reset()
	if code := run([]string{"help", "build"}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "-dest") {
		t.Errorf("help build: code %d, %s", code, out.String())
	}
}

func TestSearchCommand(t *testing.T) {
	site := writeSite(t, map[string]string{
		"pubgen.toml":                "title = \"测试门户\"\n",
		"content/notices/dangfei.md": "---\ntitle: 2024年党费收缴情况\ndate: 2024-07-01\n---\n本支部按时足额收缴党费。\n",
		"content/notices/other.md":   "---\ntitle: 主题党日活动\ndate: 2024-07-02\n---\n参观革命纪念馆。\n",
	})
	var out, errOut bytes.Buffer
	if code := run([]string{"search", "--source", site, "党费"}, &out, &errOut); code == 0 {
		t.Error("search before any build succeeded; want a message to build first")
	}
	if code := run([]string{"build", "--source", site}, &out, &errOut); code != 0 {
		t.Fatalf("build: %s", errOut.String())
	}
	out.Reset()
	if code := run([]string{"search", "--source", site, "2024年党费", "--json"}, &out, &errOut); code != 0 {
		t.Fatalf("search: %s", errOut.String())
	}
	var hits []struct{ Title, URL, Excerpt string }
	if err := json.Unmarshal(out.Bytes(), &hits); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out.String())
	}
	if len(hits) != 1 || hits[0].Title != "2024年党费收缴情况" || hits[0].URL != "notices/dangfei/index.html" || !strings.Contains(hits[0].Excerpt, "<mark>") {
		t.Errorf("hits = %+v", hits)
	}
}

func TestBuildJSONReport(t *testing.T) {
	site := writeSite(t, map[string]string{
		"pubgen.toml":                   "title = \"测试门户\"\n",
		"content/notices/a.md":          "---\ntitle: 通知\ndate: 2024-07-01\n---\n正文\n",
		"content/disclosures/gs.md":     "---\ntitle: 公示\ndate: 2024-07-01\npublicity: {start: 2024-07-01, end: 2024-07-05}\ncontact: {phone: 0571-8765 0000}\nreview: {proposed_by: 支部委员会, reviewed_by: 党委办公室, approved_by: 集团党委, approved_on: 2024-06-30}\n---\n",
		"content/study/s.md":            "---\ntitle: 学习\ndate: 2024-07-01\n---\n",
		"content/disclosures/_index.md": "---\ntitle: 党务公开\n---\n",
	})
	var out, errOut bytes.Buffer
	if code := run([]string{"build", "--source", site, "--json", "--now", "2024-07-03"}, &out, &errOut); code != 0 {
		t.Fatalf("build: %s", errOut.String())
	}
	var r struct {
		Pages            map[string]int `json:"pages"`
		Files            int            `json:"files"`
		Bytes            int64          `json:"bytes"`
		NextStatusChange string         `json:"next_status_change"`
		Warnings         []string       `json:"warnings"`
		Version          string         `json:"pubgen_version"`
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("stdout is not the JSON report: %v\n%s", err, out.String())
	}
	if r.Pages["notice"] != 1 || r.Pages["disclosure"] != 1 || r.Pages["study"] != 1 || r.Files < 10 || r.Bytes == 0 {
		t.Errorf("report = %+v", r)
	}
	// The publicity period ends with 2024-07-05; it closes at the start of the 6th, Beijing time.
	if r.NextStatusChange != "2024-07-06T00:00:00+08:00" {
		t.Errorf("next_status_change = %q", r.NextStatusChange)
	}
	if r.Version != readBuildVersion().String() || r.Version == "" {
		t.Errorf("pubgen_version = %q, want %q", r.Version, readBuildVersion())
	}
	if !strings.Contains(errOut.String(), "个文件，") {
		t.Errorf("no summary table on stderr: %s", errOut.String())
	}
}

// TestBuildWhileServing: a build while pubgen serve holds the site's search
// index neither hangs on its lock nor breaks it.
func TestBuildWhileServing(t *testing.T) {
	site := writeSite(t, map[string]string{
		"pubgen.toml":          "title = \"测试门户\"\n",
		"content/notices/a.md": "---\ntitle: 党费收缴通知\ndate: 2024-07-01\n---\n正文\n",
	})
	ix, err := search.Open(filepath.Join(site, ".pubgen", "search"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var out, errOut bytes.Buffer
	if code := run([]string{"build", "--source", site}, &out, &errOut); code != 0 {
		t.Fatalf("build while the index is held: %s", errOut.String())
	}
	if _, err := os.Stat(filepath.Join(site, "public", "search", "index.js")); err != nil {
		t.Errorf("no search shards: %v", err)
	}
}
