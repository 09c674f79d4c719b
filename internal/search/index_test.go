package search

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestUpdateCountsAndReindexes(t *testing.T) {
	docs := genCorpus(50)
	ix := openIndex(t, docs)

	st, err := ix.Update(docs)
	if err != nil {
		t.Fatal(err)
	}
	if st != (UpdateStats{Unchanged: 50}) {
		t.Errorf("re-update of the same docs: %+v, want all 50 unchanged", st)
	}

	next := slices.Clone(docs)
	next[3].Body += "新增的独特内容龘龘"
	next[7].Title = "改过的标题"
	next = slices.Delete(next, 10, 12)
	next = append(next, Doc{ID: "content/new.md", URL: "new/index.html", Title: "新页面", Body: "龘龘", Type: "page"})
	st, err = ix.Update(next)
	if err != nil {
		t.Fatal(err)
	}
	if want := (UpdateStats{Added: 1, Changed: 2, Removed: 2, Unchanged: 46}); st != want {
		t.Errorf("Update = %+v, want %+v", st, want)
	}
	hits, err := ix.Search("龘龘", Query{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	if want := []string{"content/new.md", docs[3].ID}; !slices.Equal(ids, want) {
		t.Errorf("after the edit 龘龘 finds %q, want %q", ids, want)
	}
	for _, removed := range []Doc{docs[10], docs[11]} {
		hits, _ := ix.Search(removed.Title, Query{})
		for _, h := range hits {
			if h.ID == removed.ID {
				t.Errorf("removed %s still found", removed.ID)
			}
		}
	}
}

func TestUpdateRejectsDuplicateIDs(t *testing.T) {
	ix := openIndex(t, nil)
	d := genCorpus(1)[0]
	if _, err := ix.Update([]Doc{d, d}); err == nil || !strings.Contains(err.Error(), d.ID) {
		t.Errorf("Update with a duplicate ID: err = %v, want one naming %s", err, d.ID)
	}
}

func TestOpenReusesAndRebuilds(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Update(genCorpus(5)); err != nil {
		t.Fatal(err)
	}
	ix.Close()

	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := ix.Update(genCorpus(5))
	if st.Unchanged != 5 {
		t.Errorf("reopened index re-indexed: %+v", st)
	}
	// An index from another analysis version is thrown away.
	if err := ix.bi.SetInternal([]byte(versionKey), []byte("older")); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	st, _ = ix.Update(genCorpus(5))
	if st.Added != 5 {
		t.Errorf("index of another version was reused: %+v", st)
	}
}

func TestExportDeterministic(t *testing.T) {
	docs := genCorpus(120)
	a := exportOf(t, openIndex(t, docs))
	b := exportOf(t, openIndex(t, docs))
	assertSameFiles(t, "two fresh indexes", a, b)

	// Reached by edits, the same documents must export the same bytes.
	edited := slices.Clone(docs)
	edited[0].Body = "临时内容"
	edited = append(edited[:5], edited[9:]...)
	ix := openIndex(t, edited)
	if _, err := ix.Update(docs); err != nil {
		t.Fatal(err)
	}
	assertSameFiles(t, "updated vs fresh", exportOf(t, ix), a)

	for name := range a {
		if !strings.HasPrefix(name, "search/") {
			t.Errorf("exported %s outside search/", name)
		}
	}
	if _, ok := a["search/index.js"]; !ok {
		t.Error("no search/index.js entry")
	}
}

func exportOf(t *testing.T, ix *Index) map[string][]byte {
	t.Helper()
	files, err := ix.Export()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func assertSameFiles(t *testing.T, what string, a, b map[string][]byte) {
	t.Helper()
	ka, kb := slices.Sorted(maps.Keys(a)), slices.Sorted(maps.Keys(b))
	if !slices.Equal(ka, kb) {
		for _, k := range ka {
			if _, ok := b[k]; !ok {
				t.Logf("only in the first: %s: %.300s", k, a[k])
			}
		}
		t.Fatalf("%s: different file sets (%d vs %d files)", what, len(ka), len(kb))
	}
	for _, k := range ka {
		if !bytes.Equal(a[k], b[k]) {
			t.Errorf("%s: %s differs", what, k)
		}
	}
}

func TestExcerptEscapesPageText(t *testing.T) {
	body := `请党员准时参加 <img src=x onerror=alert(1)> & "带引号"`
	got := excerptHTML("", body, []string{"党员"})
	if strings.Contains(got, "<img") {
		t.Errorf("excerpt contains markup from the page: %s", got)
	}
	want := `请<mark>党员</mark>准时参加 &lt;img src=x onerror=alert(1)&gt; &amp; &#34;带引号&#34;`
	if got != want {
		t.Errorf("excerpt =\n%s\nwant\n%s", got, want)
	}
}

func TestExcerptWindowAndWidth(t *testing.T) {
	long := strings.Repeat("前文", 40) + "ＰＤＦ格式" + strings.Repeat("后文", 60)
	got := excerptHTML("摘要", long, []string{"pdf"})
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") || !strings.Contains(got, "<mark>ＰＤＦ</mark>") {
		t.Errorf("excerpt = %s", got)
	}
	if got := excerptHTML("只有摘要提到党建", "正文没有", []string{"党建"}); got != "只有摘要提到<mark>党建</mark>" {
		t.Errorf("summary fallback = %s", got)
	}
}

func TestSearchXSSAndFilters(t *testing.T) {
	docs := []Doc{
		{ID: "a", URL: "a/", Title: "支部通知", Body: `<img src=x onerror=alert(1)> 党费缴纳`, Type: "notice"},
		{ID: "b", URL: "b/", Title: "党费公示", Body: "党费", Type: "disclosure", Status: "open"},
	}
	ix := openIndex(t, docs)
	hits, err := ix.Search("党费", Query{})
	if err != nil || len(hits) != 2 {
		t.Fatalf("Search = %v, %v", hits, err)
	}
	if hits[0].ID != "b" {
		t.Errorf("the title match should rank first, got %s", hits[0].ID)
	}
	for _, h := range hits {
		if strings.Contains(h.Excerpt, "<img") {
			t.Errorf("excerpt of %s contains markup: %s", h.ID, h.Excerpt)
		}
	}
	hits, _ = ix.Search("党费", Query{Status: "open"})
	if len(hits) != 1 || hits[0].ID != "b" {
		t.Errorf("status filter: %v", hits)
	}
}

func TestEmptyIndex(t *testing.T) {
	ix := openIndex(t, nil)
	hits, err := ix.Search("党建", Query{})
	if err != nil || len(hits) != 0 {
		t.Errorf("Search on an empty index = %v, %v", hits, err)
	}
	files := exportOf(t, ix)
	if e := parseEntry(t, files); e.Docs != 0 || e.Terms.Count != 0 || e.TailTerms.Count != 0 {
		t.Errorf("empty export entry: %+v", e)
	}
}
