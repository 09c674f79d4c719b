package searchdoc

import (
	"slices"
	"testing"

	"github.com/pubgen/pubgen/internal/privacy"
)

func TestEscapeFile(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"讲话.pdf", "讲话.pdf"},
		{"第#1期.pdf", "第%231期.pdf"},
		{"a?b.docx", "a%3Fb.docx"},
		{"100%.xlsx", "100%25.xlsx"},
	} {
		if got := escapeFile(c.in); got != c.want {
			t.Errorf("escapeFile(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestMaskMemo: a place that holds the same text under the same allow
// list is not scanned again; another text, or another allow list, is.
func TestMaskMemo(t *testing.T) {
	m := &MaskMemo{}
	const text = "联系人手机13812345678"
	masked := m.mask("a.md\x00body", text, nil)
	if masked == text {
		t.Fatalf("mask left the number: %q", masked)
	}
	for _, c := range []struct {
		name, text string
		allow      []string
		scans      int64
	}{
		{"a.md\x00body", text, nil, 1},                           // remembered
		{"a.md\x00body", text + "。", nil, 2},                     // edited
		{"a.md\x00body", text + "。", []string{"13812345678"}, 3}, // allowed now
		{"b.md\x00body", text + "。", []string{"13812345678"}, 4}, // another place
	} {
		m.mask(c.name, c.text, c.allow)
		if got := m.Scans(); got != c.scans {
			t.Errorf("%q %q %v: %d scans, want %d", c.name, c.text, c.allow, got, c.scans)
		}
	}
	if got := m.mask("a.md\x00body", text+"。", []string{"13812345678"}); got != text+"。" {
		t.Errorf("allowed number masked: %q", got)
	}
}

// TestMaskPage: a page's texts are taken from the memo only while each is
// the same text at the same place under the same allow list. Every answer
// is checked against privacy.MaskText itself, over a series of edits of
// each place, of the number of tags and of the allow list; each edit
// scans only the texts it changed.
func TestMaskPage(t *testing.T) {
	const phone = "13812345678"
	m := &MaskMemo{}
	texts := []string{"通知" + phone, "摘要", "正文" + phone, "第一支部", "党费", "标签" + phone}
	var allow []string
	steps := []struct {
		name  string
		edit  func()
		scans int64 // texts scanned by this step
	}{
		{"first", func() {}, 6},
		{"unchanged", func() {}, 0},
		{"title", func() { texts[0] = "新通知" + phone }, 1},
		{"summary", func() { texts[1] = "新摘要" }, 1},
		{"body", func() { texts[2] = "新正文" + phone }, 1},
		{"branch", func() { texts[3] = "第二支部" }, 1},
		{"category", func() { texts[4] = "组织" }, 1},
		{"tag", func() { texts[5] = "新标签" }, 1},
		{"tag added", func() { texts = append(texts, phone) }, 1},
		{"tag removed", func() { texts = texts[:6] }, 0},
		{"tags swapped", func() { texts = append(texts[:5:5], "乙", "甲") }, 2},
		{"tags swapped back", func() { texts[5], texts[6] = "甲", "乙" }, 2},
		{"allowed", func() { allow = []string{phone} }, 7},
		{"allowed still", func() {}, 0},
		{"allowed no more", func() { allow = nil }, 7},
	}
	for _, st := range steps {
		st.edit()
		before := m.Scans()
		got := m.maskPage("a.md", slices.Clone(texts), allow)
		for i, text := range texts {
			if want := privacy.MaskText(text, allow...); got[i] != want {
				t.Errorf("%s: text %d: %q, want %q", st.name, i, got[i], want)
			}
		}
		if len(got) != len(texts) {
			t.Errorf("%s: %d texts back, want %d", st.name, len(got), len(texts))
		}
		if n := m.Scans() - before; n != st.scans {
			t.Errorf("%s: %d texts scanned, want %d", st.name, n, st.scans)
		}
	}
	before := m.Scans()
	m.maskPage("b.md", slices.Clone(texts), allow)
	if n := m.Scans() - before; n != int64(len(texts)) {
		t.Errorf("another page with the same texts: %d scanned, want %d", n, len(texts))
	}
}
