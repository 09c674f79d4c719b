package search

import (
	"bytes"
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// churnPages sets the size of TestShardChurn's corpus; the closing note's
// figures are at 10,000 pages:
//
//	go test ./internal/search -run '^TestShardChurn$' -churn 10000 -v -timeout 30m
//
// At that size the test only measures (a clean export of every step would
// index 10,000 pages again each time); at the default size it also holds
// each step to a clean export, byte for byte.
var churnPages = flag.Int("churn", 0, "pages of TestShardChurn's corpus (0: a size CI affords, checked against clean exports)")

// maxBodyEditFiles is what a one-page body edit may write under search/:
// the bound at 10,000 pages, where it used to be about 2,700.
const maxBodyEditFiles = 50

// TestShardChurn counts the shard files an edit of each kind writes (new
// names and changed bytes) and removes, on the generated corpus: what a
// deploy uploads after an author's edit. Each edit starts from the same
// site and is undone after, which must give back the same files.
func TestShardChurn(t *testing.T) {
	n, clean := 1500, true
	if *churnPages > 0 {
		n, clean = *churnPages, false
	} else if testing.Short() {
		t.Skip("indexes 1,500 pages")
	}
	docs := corpusDocs(n)
	start := time.Now()
	ix := openIndex(t, docs)
	base := exportOf(t, ix)
	t.Logf("%d pages: %d files under search/ (index and export %v)", n, len(base), time.Since(start).Round(time.Millisecond))
	newest := slices.MaxFunc(docs, func(a, b Doc) int { return a.Date.Compare(b.Date) }).Date
	// newPage is the i-th page added after every other, as an author adds
	// one dated today.
	newPage := func(d []Doc, i int) Doc {
		p := d[n/5+i]
		p.ID, p.URL = fmt.Sprintf("content/notices/n-new%d.md", i), fmt.Sprintf("notices/n-new%d/", i)
		p.Title, p.Date = "关于召开支部党员大会的通知", newest.AddDate(0, 0, 1+i)
		return p
	}
	// An added page goes into the tail, unless the count reaches a
	// multiple of tailBlock: then the tail folds into the main shards.
	addBound := maxBodyEditFiles
	if (len(docs)+1)%tailBlock == 0 {
		addBound = 0
	}
	toFold := tailBlock - len(docs)%tailBlock
	edits := []struct {
		name  string
		edit  func([]Doc) []Doc
		bound int // most files written, 0 for no bound
	}{
		{"body: a line added", func(d []Doc) []Doc {
			d[n/3].Body += "\n\n第2次修改：补充会议纪要。"
			return d
		}, maxBodyEditFiles},
		{"body: a line changed", func(d []Doc) []Doc {
			d[n/2].Body = changeLine(d[n/2].Body, "会议由支部书记主持，全体党员参加。")
			return d
		}, maxBodyEditFiles},
		{"title", func(d []Doc) []Doc {
			d[n/4].Title += "（修订）"
			return d
		}, 0},
		{"add a page (newest)", func(d []Doc) []Doc {
			return append(d, newPage(d, 0))
		}, addBound},
		{fmt.Sprintf("add %d pages, folding", toFold), func(d []Doc) []Doc {
			for i := range toFold {
				d = append(d, newPage(d, i))
			}
			return d
		}, 0},
		{"delete a page", func(d []Doc) []Doc {
			return slices.Delete(d, n/6, n/6+1)
		}, 0},
		{"delete the newest", func(d []Doc) []Doc {
			i := slices.IndexFunc(d, func(p Doc) bool { return p.Date.Equal(newest) })
			return slices.Delete(d, i, i+1)
		}, 0},
	}
	for _, e := range edits {
		next := e.edit(cloneDocs(docs))
		if _, err := ix.Update(next); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		got := exportOf(t, ix)
		took := time.Since(start)
		written, removed := churn(base, got)
		t.Logf("%-26s %4d files written, %4d removed (export %v)", e.name+":", written, removed, took.Round(time.Millisecond))
		if e.bound > 0 && written > e.bound {
			t.Errorf("%s: %d files written, want at most %d", e.name, written, e.bound)
		}
		if clean {
			assertSameFiles(t, e.name+": against a clean export", got, exportOf(t, openIndex(t, next)))
		}
		if _, err := ix.Update(docs); err != nil {
			t.Fatal(err)
		}
		assertSameFiles(t, e.name+": undone", exportOf(t, ix), base)
	}
}

// churn counts the files of after that before does not have with the same
// bytes, and the files of before that after does not have.
func churn(before, after map[string][]byte) (written, removed int) {
	for name, b := range after {
		if a, ok := before[name]; !ok || !bytes.Equal(a, b) {
			written++
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			removed++
		}
	}
	return written, removed
}

// changeLine replaces the middle line of body with line.
func changeLine(body, line string) string {
	lines := strings.Split(body, "\n")
	for i := len(lines) / 2; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "" {
			lines[i] = line
			return strings.Join(lines, "\n")
		}
	}
	panic(fmt.Sprintf("no line to change in %q", body))
}

func cloneDocs(docs []Doc) []Doc {
	out := slices.Clone(docs)
	for i := range out {
		out[i].Tags = slices.Clone(out[i].Tags)
	}
	return out
}
