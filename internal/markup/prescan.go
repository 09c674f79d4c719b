package markup

import (
	"bytes"
	"fmt"
)

// MaxLinkWork bounds the estimated work goldmark spends on link openers
// ("](") that never find their ")". goldmark 1.8.7 rescans the rest of the
// paragraph for each of them, so its time grows with their number times the
// paragraph's length: 25,000 of them in 100 KB take 5 s, 100,000 in 400 KB
// 80 s. The estimate is that product. The costliest shape measured,
// "[a](b(" repeated, takes about 0.1 s at this limit; the repository's own
// pages score 0, and a page with a few forgotten ")" in paragraphs of a few
// KB scores some ten thousand.
const MaxLinkWork = 20_000_000

// LimitError is a body that Convert refuses before goldmark sees it,
// because converting it would hold the build for minutes or hours.
type LimitError struct {
	Line int    // 1-based line in the source given to Convert where the problem starts
	Msg  string // what is wrong and what the author can do, without the line
	// Kind says which budget was passed, so that a caller can say it in
	// the site's language; N and Max are its figures (levels found and
	// allowed, or unclosed links and the longest paragraph's bytes).
	Kind   LimitKind
	N, Max int
}

// LimitKind names a budget of Prescan.
type LimitKind int

const (
	LimitNesting LimitKind = iota + 1 // quotes and lists nested too deep
	LimitLinks                        // too many unclosed link openers
)

func (e *LimitError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Prescan checks, in one linear pass, that src cannot make goldmark's work
// super-linear: quotes and lists nested at most MaxDepth levels, and
// unclosed link openers within MaxLinkWork. It returns nil or a *LimitError.
func Prescan(src []byte) error {
	if depth, line := Depth(src); depth > MaxDepth {
		return &LimitError{Line: line, Msg: fmt.Sprintf("quotes or lists nest %d levels deep (want at most %d)", depth, MaxDepth),
			Kind: LimitNesting, N: depth, Max: MaxDepth}
	}
	if s := scanLinks(src); s.work > MaxLinkWork {
		return &LimitError{Line: s.firstLine, Msg: fmt.Sprintf(
			"the text has %d unclosed links '[…](' in paragraphs of up to %d bytes, too many to convert in reasonable time (want each '](' closed by ')'); close them or split the page",
			s.unclosed, s.longest), Kind: LimitLinks, N: s.unclosed, Max: s.longest}
	}
	return nil
}

// linkScan is what scanLinks found over a whole document.
type linkScan struct {
	work      int // Σ over paragraphs of unclosed openers × paragraph length
	unclosed  int // unclosed "](" openers in all paragraphs that had any
	longest   int // longest paragraph holding an unclosed opener, in bytes
	firstLine int // line of the first unclosed opener
}

// scanLinks splits src into paragraphs at blank lines, the farthest goldmark
// looks for a link's ")", and adds up each paragraph's unclosed openers
// times its length. It over-estimates rather than under-estimates: code
// spans and fences are not told apart, and a ")" only closes the innermost
// "(" still open, as in a link destination's balanced parentheses.
func scanLinks(src []byte) linkScan {
	var s linkScan
	line := 1
	for len(src) > 0 {
		var para []byte
		para, src = cutParagraph(src)
		if n, first := unclosedOpeners(para); n > 0 {
			s.work = satAdd(s.work, satMul(n, len(para)))
			s.unclosed += n
			s.longest = max(s.longest, len(para))
			if s.firstLine == 0 {
				s.firstLine = line + first
			}
		}
		line += bytes.Count(para, []byte("\n"))
	}
	return s
}

// cutParagraph returns src up to and including the first blank line, and the rest.
func cutParagraph(src []byte) (para, rest []byte) {
	for i := 0; i < len(src); {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return src, nil
		}
		end := i + j + 1
		if len(bytes.TrimSpace(src[i:end])) == 0 && i > 0 {
			return src[:end], src[end:]
		}
		i = end
	}
	return src, nil
}

// unclosedOpeners counts the "](" in para whose "(" no ")" closes, and
// returns the 0-based line (within para) of the first of them.
func unclosedOpeners(para []byte) (n, firstLine int) {
	// open holds, for every "(" not yet closed, the line of a "](" opener
	// or -1 for a plain parenthesis.
	var open []int
	line := 0
	for i := 0; i < len(para); i++ {
		switch para[i] {
		case '\\':
			i++ // an escaped byte opens and closes nothing
		case '\n':
			line++
		case '(':
			if i > 0 && para[i-1] == ']' {
				open = append(open, line)
			} else {
				open = append(open, -1)
			}
		case ')':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	firstLine = -1
	for _, l := range open {
		if l >= 0 {
			if firstLine < 0 {
				firstLine = l
			}
			n++
		}
	}
	return n, max(firstLine, 0)
}

// satMul and satAdd keep the estimate from overflowing on 32-bit systems.
func satMul(a, b int) int {
	const maxInt = int(^uint(0) >> 1)
	if a != 0 && b > maxInt/a {
		return maxInt
	}
	return a * b
}

func satAdd(a, b int) int {
	const maxInt = int(^uint(0) >> 1)
	if a > maxInt-b {
		return maxInt
	}
	return a + b
}
