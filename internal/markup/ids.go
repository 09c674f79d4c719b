package markup

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs is the parser.IDs of one Convert call: the ids already taken in
// one document. It is never shared between documents, which keeps Converter
// free of mutable state.
//
// goldmark calls Generate while it is still splitting blocks, with the raw
// Markdown of the heading line, so an id made there would contain link
// destinations and markup ("见[附件](a.pdf)" would give "见-附件-a-pdf").
// Generate therefore only marks the heading as wanting an id; postParse
// assigns the real one from the heading's plain text once inlines are
// parsed. Put still sees every explicit {#id} first, so a generated id never
// takes one that an author wrote further down the page.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}}
}

// Generate implements parser.IDs. The empty id it returns is the mark that
// postParse replaces.
func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	return nil
}

// Put implements parser.IDs: value was written by the author.
func (s *headingIDs) Put(value []byte) {
	s.used[string(value)] = true
}

// unique returns the slug of text, with "-1", "-2", … appended when an
// earlier heading already has it.
func (s *headingIDs) unique(text string) string {
	base := slug(text)
	id := base
	for n := 1; s.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.used[id] = true
	return id
}

// slug makes a readable id: letters (Chinese ones as they are) and digits are
// kept, ASCII letters are lowercased, and every run of anything else becomes
// one '-'. Only ASCII is lowercased because case mapping elsewhere depends on
// the language (Turkish İ), and an id must not change with a locale table.
func slug(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}
