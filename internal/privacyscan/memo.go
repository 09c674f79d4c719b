package privacyscan

import "github.com/pubgen/pubgen/internal/memo"

// Memo is what a session remembers of the scans between builds, under the
// rules of package memo: each page's findings in its own text, by its
// source path, made from the page's Sum (and checked against its rendered
// text); and the numbers in each published bundle text file, by its path,
// made from its bytes. A nil *Memo remembers nothing.
type Memo struct {
	pages memo.Table[pageScan]
	texts memo.Table[textScan]
}

// pageScan is what a session remembers of one page's scan: the rendered
// text it was made from (a page's text changes without its file when, say,
// markdown.unsafe is switched) and the findings.
type pageScan struct {
	plain string
	found []pii
}

func (m *Memo) tables() (*memo.Table[pageScan], *memo.Table[textScan]) {
	if m == nil {
		return nil, nil
	}
	return &m.pages, &m.texts
}

// Len is how many pages the memo holds.
func (m *Memo) Len() int { return m.pages.Len() }

// Files is how many bundle text files the memo holds.
func (m *Memo) Files() int { return m.texts.Len() }
