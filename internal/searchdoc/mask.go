package searchdoc

import (
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
	// scans counts the texts scanned because the memo did not hold them.
	scans atomic.Int64
}

// maskedText is one text, the allow list it was masked under, and the
// result.
type maskedText struct {
	text, allow, masked string
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
	m.scans.Add(1)
	masked := privacy.MaskText(text, allow...)
	m.t.Put(name, memo.Version{}, maskedText{text: text, allow: key, masked: masked})
	return masked
}

// Sweep forgets the texts this build did not mask.
func (m *MaskMemo) Sweep() {
	if m != nil {
		m.t.Sweep()
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
