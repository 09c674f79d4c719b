package convert

import (
	"reflect"
	"testing"

	"github.com/pubgen/pubgen/internal/markup"
	"github.com/pubgen/pubgen/internal/memo"
)

// TestMemoOnDisk: the memo written by Encode and read back by Decode
// holds every page converted without a problem — its version, HTML,
// headings, text, anchor links and bundle files — and no page with one,
// whose messages a fresh process makes again by converting it.
func TestMemoOnDisk(t *testing.T) {
	pages := map[string]string{
		"content/notices/a.md":       "---\ntitle: 甲\ndate: 2024-07-01\n---\n## 议程\n\n### 细则\n\n见[乙](../study/b/index.md)。\n",
		"content/study/b/index.md":   "---\ntitle: 乙\ndate: 2024-07-01\n---\n[报告](report.pdf)，[议程](../../notices/a.md#议程)。\n",
		"content/study/b/report.pdf": "pdf",
		"content/study/c.md":         "---\ntitle: 丙\ndate: 2024-07-01\n---\n[无](nothere.md)。\n",
	}
	var m Memo
	All(testSite(t, pages), markup.New(markup.Options{}), nil, &m)
	e := memo.NewEncoder(nil)
	m.Encode(e)
	var back Memo
	if err := back.Decode(memo.NewDecoder(e.Data())); err != nil {
		t.Fatal(err)
	}
	type entry struct {
		v memo.Version
		c converted
	}
	all := func(m *Memo) map[string]entry {
		out := map[string]entry{}
		m.t.Each(func(name string, v memo.Version, c converted) { out[name] = entry{v, c} })
		return out
	}
	want := all(&m)
	if len(want["content/study/c.md"].c.diags) == 0 || len(want["content/notices/a.md"].c.toc) < 2 ||
		len(want["content/study/b/index.md"].c.refs) == 0 || len(want["content/study/b/index.md"].c.files) == 0 {
		t.Fatalf("the site does not make what the test reads back: %+v", want)
	}
	delete(want, "content/study/c.md")
	if got := all(&back); !reflect.DeepEqual(got, want) {
		t.Errorf("read back %+v\nwant %+v", got, want)
	}
}
