package search

import (
	"encoding/json"
	"errors"
	"flag"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/engine, the node tests' exported index, from the current export")

// engineFixture is the folder of the small exported index that
// engine_test.js reads: the shards of fixtureDocs, as Export writes them
// (the engine itself left out), and expect.json, what Search answers for
// fixtureQueries.
const engineFixture = "testdata/engine"

// fixtureDocs are pages made for the engine's node tests: phrases held
// together and apart, Latin words in and out of order, and facets to
// filter on. engine_test.js states, from this text alone, which pages
// each query must find.
func fixtureDocs() []Doc {
	cst := time.FixedZone("CST", 8*3600)
	day := func(y, m, d int) (time.Time, string, string) {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, cst)
		return t, t.Format("2006-01-02"), t.Format("2006")
	}
	doc := func(id, typ, branch, status, title, body string, y, m, d int) Doc {
		t, dd, yy := day(y, m, d)
		return Doc{ID: "content/" + id + ".md", URL: id + "/index.html", Title: title, Body: body,
			Type: typ, Branch: branch, Status: status, Date: t, Day: dd, Year: yy}
	}
	return []Doc{
		doc("notices/tools", "notice", "第一党支部", "", "管理工具使用说明", "本支部整理了常用管理工具的清单，供党员学习使用。", 2025, 3, 1),
		doc("study/rules", "study", "第二党支部", "", "管理制度汇编", "管理要严格，工具要趁手。本汇编收录支部的各项制度。", 2025, 1, 1),
		doc("disclosures/member", "disclosure", "第二党支部", "open", "发展党员公示", "公示期内如有意见，请发 e-mail 反映。支部通过 ISO 9001 质量体系认证。", 2025, 6, 10),
		doc("disclosures/fees", "disclosure", "第一党支部", "closed", "党费收缴情况公示", "党费按月收缴，账目公开。9001 号文件与 ISO 标准无关。", 2024, 12, 31),
		doc("showcases/day", "showcase", "第一党支部", "", "主题党日活动剪影", "支部开展主题党日活动，党员重温入党誓词。", 2024, 5, 4),
		doc("study/apart", "study", "第一党支部", "", "主题教育学习笔记", "主题教育期间，每月的党日安排集中学习。", 2024, 9, 1),
		doc("notices/plan", "notice", "第二党支部", "", "2025年党建工作要点", "围绕2025年党建工作，支部制定学习计划。", 2025, 2, 1),
		// Two pages of a PDF attached to study/rules, as the build makes
		// them: the page's facets, the file's text, shown under the page.
		attachment(doc("study/rules", "study", "第二党支部", "", "附件：制度汇编（第 1 页）", "第一章 支部制度总则。", 2025, 1, 1), "a.pdf#page=1"),
		attachment(doc("study/rules", "study", "第二党支部", "", "附件：制度汇编（第 2 页）", "附录 入党流程图说明。", 2025, 1, 1), "a.pdf#page=2"),
	}
}

// attachment makes d a part of an attachment of its page: the file's
// address after the page's folder, the page named as its page.
func attachment(d Doc, file string) Doc {
	d.PageURL, d.PageTitle = d.URL, "管理制度汇编"
	d.ID += "#" + file
	d.URL = strings.TrimSuffix(d.URL, "index.html") + file
	return d
}

// fixtureQuery is one line of expect.json: a query, its filters as the
// engine takes them, and the pages Search returns, in order.
type fixtureQuery struct {
	Q    string     `json:"q"`
	Opts fixtureOpt `json:"opts"`
	URLs []string   `json:"urls"`
}

type fixtureOpt struct {
	Type   string `json:"type,omitempty"`
	Branch string `json:"branch,omitempty"`
	Year   string `json:"year,omitempty"`
	Status string `json:"status,omitempty"`
	ByDate bool   `json:"byDate,omitempty"`
}

var fixtureQueries = []fixtureQuery{
	{Q: "管理工具"}, {Q: "管理 工具"}, {Q: "管理"}, {Q: "主题党日"}, {Q: "主题 党日"},
	{Q: `"ISO 9001"`}, {Q: "ISO 9001"}, {Q: "iso"}, {Q: "e-mail"}, {Q: "2025年党建"},
	{Q: "党"}, {Q: "支部"}, {Q: "不存在"},
	{Q: "支部", Opts: fixtureOpt{Type: "disclosure"}},
	{Q: "支部", Opts: fixtureOpt{Year: "2024", ByDate: true}},
	{Q: "支部", Opts: fixtureOpt{Branch: "第二党支部"}},
	{Q: "公示", Opts: fixtureOpt{Status: "open"}},
	{Q: "流程图"}, {Q: "制度"},
}

// fixtureFiles is what testdata/engine holds: the export without the
// engine (the tests read engine.js itself), and expect.json.
func fixtureFiles(t *testing.T) map[string][]byte {
	t.Helper()
	ix := openIndex(t, fixtureDocs())
	// Eight pages before the split and the newest after it, so that the
	// node tests read a key's postings from both sides (see splitOf).
	ix.tailBlock = 4
	files, err := ix.Export()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for name, b := range files {
		if name != EnginePath() {
			out[strings.TrimPrefix(name, ExportDir)] = b
		}
	}
	// The entry names the engine by its content; the fixture names the
	// source beside it, so that an edit of engine.js alone leaves the
	// fixture as it is.
	out["index.js"] = []byte(strings.Replace(string(out["index.js"]), `"engine":"`+engineFile()+`"`, `"engine":"engine.js"`, 1))
	if !strings.Contains(string(out["index.js"]), `"engine":"engine.js"`) {
		t.Fatalf("the entry does not name %s: %.200s", engineFile(), out["index.js"])
	}
	qs := slices.Clone(fixtureQueries)
	for i, q := range qs {
		hits, err := ix.Search(q.Q, Query{Type: q.Opts.Type, Branch: q.Opts.Branch, Year: q.Opts.Year, Status: q.Opts.Status, SortByDate: q.Opts.ByDate})
		if err != nil {
			t.Fatal(err)
		}
		qs[i].URLs = []string{}
		for _, h := range hits {
			qs[i].URLs = append(qs[i].URLs, h.URL)
		}
	}
	b, err := json.MarshalIndent(qs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	out["expect.json"] = append(b, '\n')
	return out
}

// TestEngineFixture keeps testdata/engine what the export makes today, so
// the node tests read the format the Go side writes; -update rewrites it.
func TestEngineFixture(t *testing.T) {
	want := fixtureFiles(t)
	if *update {
		if err := os.RemoveAll(engineFixture); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(engineFixture, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, b := range want {
			if err := os.WriteFile(filepath.Join(engineFixture, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	got := map[string][]byte{}
	entries, err := os.ReadDir(engineFixture)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(engineFixture, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got[e.Name()] = b
	}
	if !maps.EqualFunc(got, want, func(a, b []byte) bool { return string(a) == string(b) }) {
		t.Errorf("%s is not what the export writes now (files %q, want %q): run go test ./internal/search -run TestEngineFixture -update and review the diff",
			engineFixture, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
}

// TestEngineFormat: engine.js reads the format the entry is stamped with.
func TestEngineFormat(t *testing.T) {
	m := regexp.MustCompile(`var INDEX_FORMAT = '([^']*)';`).FindStringSubmatch(engineJS)
	if m == nil {
		t.Fatal("engine.js declares no INDEX_FORMAT")
	}
	if m[1] != analysisVersion {
		t.Errorf("engine.js reads format %q, the export writes %q: change INDEX_FORMAT with analysisVersion", m[1], analysisVersion)
	}
}

// TestEngineNode runs the engine's unit tests (engine_test.js) with
// node --test. Without node it skips, except under CI, where every test
// must run.
func TestEngineNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not installed: the engine's unit tests need Node.js 20 or later (.ci/run installs it)")
		}
		t.Skip("node is not installed: skipping the engine's unit tests (engine_test.js)")
	}
	cmd := exec.Command(node, "--test", "engine_test.js")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		t.Fatalf("node --test engine_test.js failed:\n%s", out)
	}
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		t.Logf("%s", out)
	}
}
