package scaffold

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
)

// An archetype declares its placeholders by writing them in full-width
// brackets outside comments: （会议地点） in a value, （写明召开会议的依据和
// 目的。） in the body. They are read from the archetype itself, so a site's
// own archetype brings its own and no second list has to follow the theme.
// Comment lines are explanations (（必填）, （可选）), and text holding a
// template action ({{.Title}}) is the author's own words, not a hint.
var placeholderRE = regexp.MustCompile(`（[^（）\n]+）`)

// Placeholders returns the placeholder texts of the archetype pages of
// type typ start from (the site's archetypes/ first, then the theme's),
// longest first; none when there is no archetype.
func Placeholders(site fs.FS, theme, typ string) []string {
	text, err := archetypeText(site, theme, typ)
	if err != nil {
		return nil
	}
	return placeholdersIn(string(text))
}

func placeholdersIn(text string) []string {
	var out []string
	inFront := false
	for i, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if (trimmed == "---" || trimmed == "+++") && (i == 0 || inFront) {
			inFront = i == 0
			continue
		}
		if inFront && strings.HasPrefix(trimmed, "#") {
			continue
		}
		for _, m := range placeholderRE.FindAllString(line, -1) {
			if !strings.Contains(m, "{{") && !slices.Contains(out, m) {
				out = append(out, m)
			}
		}
	}
	// Longest first, so that a text holding two placeholders names the
	// longer one when one contains the other.
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}
