package privacyscan

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/convert"
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/markup"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/site"
)

// TestCheck: one number in each place a page publishes it, judged by the
// page's type: refused in a disclosure, a warning in a notice, left alone
// when allowed, and an allowed number found nowhere is a warning.
func TestCheck(t *testing.T) {
	fsys := fstest.MapFS{
		"content/disclosures/d.md":   {Data: []byte("---\ntitle: 公示\ndate: 2024-07-01\npublicity: {start: 2024-07-01, end: 2024-07-05}\ncontact: {phone: \"13900000000\"}\nreview: {proposed_by: 甲, reviewed_by: 乙, approved_by: 丙, approved_on: 2024-06-30}\n---\n联系人13812345678。\n")},
		"content/notices/n/index.md": {Data: []byte("---\ntitle: 通知\ndate: 2024-07-01\nprivacy: {allow: [\"13712345678\", \"13612345678\"], reason: 值班电话}\n---\n值班13712345678，[名单](名单.txt)\n")},
		"content/notices/n/名单.txt":   {Data: []byte("第一行\n张三 13512345678\n")},
	}
	cfg := config.Default()
	var pages []*page.Page
	for _, p := range []string{"content/disclosures/d.md", "content/notices/n/index.md"} {
		pg, l := page.Parse(p, fsys[p].Data, cfg.Location)
		if l.HasErrors(false) {
			t.Fatal(l)
		}
		pages = append(pages, pg)
	}
	s, l := site.Build(cfg, pages, map[string][]string{"content/notices/n": {"名单.txt"}}, site.Options{Now: time.Date(2024, 7, 2, 0, 0, 0, 0, cfg.Location)})
	l = append(l, convert.All(s, markup.New(markup.Options{}), nil, nil)...)
	if l.HasErrors(false) {
		t.Fatal(l)
	}
	m := &Memo{}
	for _, round := range []string{"first", "through the memo", "through the memo on disk"} {
		if round == "through the memo on disk" {
			m = throughDisk(t, m)
		}
		got := lines(Check(fsys, s, 1<<20, nil, m))
		want := []string{
			"content/disclosures/d.md:8:4: body: looks like a mobile phone number 138****5678",
			"content/notices/n/index.md:6: warning: body: the file 名单.txt holds, at line 2 column 4, what looks like a mobile phone number 135****5678",
			"content/notices/n/index.md:4: warning: privacy.allow[1]",
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %q in\n%s", round, w, got)
			}
		}
		if n := strings.Count(got, "\n") + 1; n != len(want) {
			t.Errorf("%s: want %d problems, got %d:\n%s", round, len(want), n, got)
		}
	}
}

// throughDisk is m written by Encode and read back by Decode, failing
// unless it holds the same pages, versions, texts and findings.
func throughDisk(t *testing.T, m *Memo) *Memo {
	t.Helper()
	e := memo.NewEncoder(nil)
	m.Encode(e)
	back := &Memo{}
	if err := back.Decode(memo.NewDecoder(e.Data())); err != nil {
		t.Fatal(err)
	}
	type entry struct {
		v memo.Version
		s pageScan
	}
	all := func(m *Memo) map[string]entry {
		out := map[string]entry{}
		m.pages.Each(func(name string, v memo.Version, s pageScan) { out[name] = entry{v, s} })
		return out
	}
	if got, want := all(back), all(m); !reflect.DeepEqual(got, want) || len(want) == 0 {
		t.Fatalf("read back %+v\nwant %+v", got, want)
	}
	return back
}

func lines(l diag.List) string {
	var out []string
	for _, d := range l {
		out = append(out, d.In(msg.Printer{Lang: msg.English}))
	}
	return strings.Join(out, "\n")
}
