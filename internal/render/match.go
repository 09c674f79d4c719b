package render

import (
	"iter"
	"regexp"
)

// A finder finds the matches of a pattern the way regexp's FindAll does
// (leftmost first, each search going on where the last match ended), but
// tries the pattern only where a match can start. regexp's engine tries
// every position of the text, and for the patterns of this file, which
// have no literal prefix, that costs more than all else in rendering a
// page's text: a page is mostly Han characters, and a date or a telephone
// number starts only at a digit or one of a few marks. The patterns stay
// the specification: dates_test.go holds each finder to the regexp it
// stands for.
type finder []branch

// A branch is one alternative of the pattern, in the pattern's order of
// preference, tried at i only when at(s, i) allows it. at also stands for
// what an anchored match cannot see of the text before i, such as a
// leading \b.
type branch struct {
	pattern string
	at      func(s string, i int) bool
	re      *regexp.Regexp // pattern anchored with ^
}

// newFinder compiles the branches; a pattern that does not compile is
// pubgen's own mistake.
func newFinder(branches ...branch) finder {
	for i := range branches {
		branches[i].re = regexp.MustCompile(`^(?:` + branches[i].pattern + `)`)
	}
	return branches
}

// pattern is the regexp the finder stands for: its branches as one
// alternation.
func (f finder) pattern() string {
	p := ""
	for i, b := range f {
		if i > 0 {
			p += "|"
		}
		p += b.pattern
	}
	return p
}

// next is the first match in s at or after from, as s[start:end]; ok is
// false when there is none. A match of every branch is at least one byte
// long, so a caller going on at end always moves forward.
func (f finder) next(s string, from int) (start, end int, ok bool) {
	for i := from; i < len(s); i++ {
		for _, b := range f {
			if !b.at(s, i) {
				continue
			}
			if m := b.re.FindStringIndex(s[i:]); m != nil {
				return i, i + m[1], true
			}
		}
	}
	return 0, 0, false
}

// all is every match in s, as next finds them one after another: the
// start and end of each.
func (f finder) all(s string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for from := 0; ; {
			start, end, ok := f.next(s, from)
			if !ok || !yield(start, end) {
				return
			}
			from = end
		}
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWordByte is \w as regexp's \b reads it: ASCII letters, digits and _.
func isWordByte(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// digitAt allows a branch that starts with \d.
func digitAt(s string, i int) bool { return isDigit(s[i]) }

// wordStartAt allows a branch that starts with \b\d: a digit after no
// word character.
func wordStartAt(s string, i int) bool {
	return isDigit(s[i]) && (i == 0 || !isWordByte(s[i-1]))
}
