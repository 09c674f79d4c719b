package searchdoc

import (
	"slices"
	"strings"
	"sync/atomic"

	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/privacy"
)

// MaskMemo remembers privacy.MaskText's answers between a session's
// builds. Every page's text goes through the mask on every build, and that
// scan was most of a one-page edit's rebuild; with the memo only the
// edited page's text is scanned again. An entry is found by the place the
// text comes from (a page's field, an attachment's part) and used only
// while that place holds the same text under the same allow list, which
// the entry keeps and compares: hashing every text on every build to find
// it by content cost a one-page edit 80 ms on 10,000 pages, comparing it
// to the text it was made from costs next to nothing. A nil *MaskMemo
// masks every time.
type MaskMemo struct {
	t memo.Table[maskedText]
	// pages holds each page's own texts together, by source path: one
	// lookup a page instead of one for each of its texts (and the names
	// made for them), which was most of the search documents' build on
	// every rebuild of 10,000 pages.
	pages memo.Table[pageTexts]
	// scans counts the texts scanned because the memo did not hold them.
	scans atomic.Int64
}

// maskedText is one text, the allow list it was masked under, and the
// result.
type maskedText struct {
	text, allow, masked string
}

// pageTexts is one page's texts, in pageDoc's order, the allow list they
// were masked under, and the results.
type pageTexts struct {
	allow         string
	texts, masked []string
}

// mask is privacy.MaskText(text, allow...), remembered under name: the
// place text comes from, unique within a build.
func (m *MaskMemo) mask(name, text string, allow []string) string {
	if m == nil || text == "" {
		return privacy.MaskText(text, allow...)
	}
	key := strings.Join(allow, "\x00")
	if e, _, ok := m.t.Last(name); ok && e.text == text && e.allow == key {
		return e.masked
	}
	masked := m.scan(text, allow)
	m.t.Put(name, memo.Version{}, maskedText{text: text, allow: key, masked: masked})
	return masked
}

// maskPage is mask of each of a page's texts, remembered together under
// the page's source path: a text is taken from the memo while it is the
// same at the same place in texts, under the same allow list; the others
// are scanned, so an edit of one text scans that text alone.
func (m *MaskMemo) maskPage(path string, texts, allow []string) []string {
	if m == nil {
		out := make([]string, len(texts))
		for i, t := range texts {
			out[i] = privacy.MaskText(t, allow...)
		}
		return out
	}
	key := strings.Join(allow, "\x00")
	old, _, ok := m.pages.Last(path)
	ok = ok && old.allow == key
	if ok && slices.Equal(old.texts, texts) {
		return old.masked
	}
	out := make([]string, len(texts))
	for i, t := range texts {
		if ok && i < len(old.texts) && old.texts[i] == t {
			out[i] = old.masked[i]
		} else {
			out[i] = m.scan(t, allow)
		}
	}
	m.pages.Put(path, memo.Version{}, pageTexts{allow: key, texts: texts, masked: out})
	return out
}

// scan masks text, counting the scan of a text that is not empty.
func (m *MaskMemo) scan(text string, allow []string) string {
	if text != "" {
		m.scans.Add(1)
	}
	return privacy.MaskText(text, allow...)
}

// Sweep forgets the texts this build did not mask.
func (m *MaskMemo) Sweep() {
	if m != nil {
		m.t.Sweep()
		m.pages.Sweep()
	}
}

// Scans is how many texts were scanned since the session began, because
// the memo did not hold them: rebuild tests count the work.
func (m *MaskMemo) Scans() int64 {
	if m == nil {
		return 0
	}
	return m.scans.Load()
}
