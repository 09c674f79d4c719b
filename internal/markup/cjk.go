package markup

import (
	"unicode"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// CommonMark decides whether "**" may open or close emphasis by looking at
// the characters on both sides, and counts full-width punctuation as
// punctuation. So in `**“三会一课”**制度` the closing "**" sits between
// punctuation and a letter and closes nothing: the asterisks are printed.
// goldmark 1.8's CJK extension fixes line breaks but not this. The parsers
// below replace goldmark's emphasis and strikethrough parsers with ones that
// follow the CommonMark CJK-friendly amendment (github.com/tats-u/
// markdown-cjk-friendly): punctuation that is itself a CJK character does not
// count as punctuation there, and a CJK character next to a delimiter acts
// like whitespace would. Text without CJK characters parses exactly as
// before.

// delimiterParser scans runs of one delimiter character with CJK-aware
// flanking rules and hands them to goldmark's delimiter processing.
type delimiterParser struct {
	triggers  []byte
	maxLength int // longest run that is a delimiter; 0 for any
	processor parser.DelimiterProcessor
}

func newEmphasisParser() parser.InlineParser {
	return &delimiterParser{triggers: []byte{'*', '_'}, processor: emphasisProcessor{}}
}

// newStrikethroughParser follows GFM: "~" or "~~", not three or more.
func newStrikethroughParser() parser.InlineParser {
	return &delimiterParser{triggers: []byte{'~'}, maxLength: 2, processor: strikethroughProcessor{}}
}

func (d *delimiterParser) Trigger() []byte { return d.triggers }

func (d *delimiterParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	c := line[0]
	n := 1
	for n < len(line) && line[n] == c {
		n++
	}
	if d.maxLength > 0 && (n > d.maxLength || before == rune(c)) {
		return nil
	}
	after := ' ' // the end of a line counts as whitespace
	if n < len(line) {
		after = util.ToRune(line, n)
	}
	canOpen, canClose := flanking(c, before, after)
	node := parser.NewDelimiter(canOpen, canClose, n, c, d.processor)
	node.Segment = segment.WithStop(segment.Start + n)
	block.Advance(n)
	pc.PushDelimiter(node)
	return node
}

// flanking applies CommonMark's rules for a delimiter run of c between the
// characters before and after it, with the CJK-friendly amendment.
func flanking(c byte, before, after rune) (canOpen, canClose bool) {
	beforeSpace, afterSpace := util.IsSpaceRune(before), util.IsSpaceRune(after)
	beforePunct, afterPunct := isNonCJKPunct(before), isNonCJKPunct(after)
	left := !afterSpace && (!afterPunct || beforeSpace || beforePunct || isCJKOrVS(before))
	right := !beforeSpace && (!beforePunct || afterSpace || afterPunct || isCJKOrVS(after))
	if c != '_' {
		return left, right
	}
	// "_" must not open or close inside a word (snake_case stays as is);
	// here any punctuation counts, as in plain CommonMark.
	return left && (!right || util.IsPunctRune(before)), right && (!left || util.IsPunctRune(after))
}

func isNonCJKPunct(r rune) bool {
	return util.IsPunctRune(r) && !isCJK(r)
}

// isCJKOrVS also accepts variation selectors, which follow the ideograph they
// modify and so stand where a CJK character would.
func isCJKOrVS(r rune) bool {
	return isCJK(r) || (r >= 0xFE00 && r <= 0xFE0E) || (r >= 0xE0100 && r <= 0xE01EF)
}

// isCJK reports the characters that the amendment calls CJK: those of East
// Asian Width W, F or H (wide and full-width forms) and Hangul. The ranges
// are the blocks that consist of such characters; none of them holds an
// emoji with emoji presentation.
func isCJK(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x11FF: // Hangul Jamo
		return true
	case r >= 0x2E80 && r <= 0x303E: // radicals, ideographic description, CJK symbols and punctuation
		return r != 0x3000 // the ideographic space is whitespace
	case r >= 0x3041 && r <= 0x33FF: // kana, bopomofo, Hangul compatibility jamo, CJK compatibility
		return true
	case r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF: // ideographs
		return true
	case r >= 0xA000 && r <= 0xA4CF: // Yi
		return true
	case r >= 0xA960 && r <= 0xA97F, r >= 0xAC00 && r <= 0xD7FF: // Hangul
		return true
	case r >= 0xF900 && r <= 0xFAFF: // compatibility ideographs
		return true
	case r >= 0xFE10 && r <= 0xFE1F, r >= 0xFE30 && r <= 0xFE6F: // vertical, compatibility and small forms
		return true
	case r >= 0xFF01 && r <= 0xFFEE: // full-width and half-width forms
		return true
	case r >= 0x1B000 && r <= 0x1B2FF: // kana supplements
		return true
	case r >= 0x20000 && r <= 0x3FFFD: // supplementary ideographs
		return true
	}
	return unicode.Is(unicode.Hangul, r)
}

type emphasisProcessor struct{}

func (emphasisProcessor) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisProcessor) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

type strikethroughProcessor struct{}

func (strikethroughProcessor) IsDelimiter(b byte) bool { return b == '~' }

func (strikethroughProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (strikethroughProcessor) OnMatch(consumes int) ast.Node { return extast.NewStrikethrough() }
