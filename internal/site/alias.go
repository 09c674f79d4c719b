package site

import (
	"unicode"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
)

// Alias is a redirect page at an old address.
type Alias struct {
	URL    string // the old site folder, e.g. "old/notice-1/"
	Target *Node
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Aliases returns every alias page to write, in a stable order.
func (s *Site) Aliases() []Alias {
	var out []Alias
	for _, n := range s.Pages {
		for _, a := range n.Aliases {
			out = append(out, Alias{URL: a + "/", Target: n})
		}
	}
	return out
}

// aliases reports aliases that collide with a page or with each other.
func (s *Site) aliases(l *diag.List) {
	seen := map[string]*Node{}
	for _, a := range s.Aliases() {
		if n := s.byURL[a.URL]; n != nil {
			l.Error(a.Target.Path, a.Target.Line("aliases"), 0, "aliases", msg.AliasIsAPage, a.URL, n.Path)
			continue
		}
		if n := seen[a.URL]; n != nil && n != a.Target {
			l.Error(a.Target.Path, a.Target.Line("aliases"), 0, "aliases", msg.AliasTwice, a.URL, n.Path)
			continue
		}
		seen[a.URL] = a.Target
	}
}
