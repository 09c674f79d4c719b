package scaffold

import (
	"slices"
	"testing"

	"github.com/pubgen/pubgen"
)

func TestPlaceholdersIn(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"---\n# 标题（必填）\ntitle: \"{{ .Title }}\"\nhost: （主持人）\n---\n\n（正文）\n", []string{"（主持人）", "（正文）"}},
		{"---\ntitle: （{{ .Title }}）\n---\n# 标题（不是注释）\n（甲）（乙）（甲）\n", []string{"（不是注释）", "（甲）", "（乙）"}},
		{"---\ntitle: x\n---\n正文没有提示。\n", nil},
		{"+++\n# 说明（可选）\ntitle = \"（标题）\"\n+++\n", []string{"（标题）"}},
	} {
		if got := placeholdersIn(c.text); !slices.Equal(got, c.want) {
			t.Errorf("placeholdersIn(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestThemeArchetypesDeclarePlaceholders: every theme archetype has hints
// to replace, and none of them is an explanation from a comment.
func TestThemeArchetypesDeclarePlaceholders(t *testing.T) {
	for _, typ := range []string{"notice", "disclosure", "study", "showcase", "page"} {
		ph := Placeholders(pubgen.Starter, "default", typ)
		if len(ph) == 0 || slices.Contains(ph, "（必填）") || slices.Contains(ph, "（可选）") {
			t.Errorf("%s: placeholders %q", typ, ph)
		}
	}
	if ph := Placeholders(pubgen.Starter, "default", "notice"); !slices.Contains(ph, "（会议地点）") || !slices.Contains(ph, "（写明召开会议的依据和目的。）") {
		t.Errorf("notice: %q", ph)
	}
}
