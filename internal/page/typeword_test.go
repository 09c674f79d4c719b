package page

import (
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
)

// TestTypeWord: a type is named from its title in Types, in the site's
// language, and its section folder maps back to it.
func TestTypeWord(t *testing.T) {
	for typ, want := range map[string][2]string{
		Notice:   {"支部通知（notice）", "notice"},
		Showcase: {"党建成果展示（showcase）", "showcase"},
		Plain:    {"普通页面（page）", "page"},
	} {
		w, ok := TypeWord(typ)
		if zh, en := (msg.Printer{}).Text(w), (msg.Printer{Lang: msg.English}).Text(w); !ok || zh != want[0] || en != want[1] {
			t.Errorf("TypeWord(%s) = %q, %q, %v; want %q", typ, zh, en, ok, want)
		}
	}
	if _, ok := TypeWord("通知"); ok {
		t.Error("通知 named as a type")
	}
	for _, ti := range Types {
		if ti.Section != "" && SectionTypes[ti.Section] != ti.Name {
			t.Errorf("section %s: type %q, want %q", ti.Section, SectionTypes[ti.Section], ti.Name)
		}
	}
}
