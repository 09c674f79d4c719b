package searchdoc

import "testing"

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
