package attach

import (
	"strconv"
)

// The lexer reads the PostScript-like syntax of PDF content streams and
// CMaps. It is ours, not the library's, so that it reads from a bounded
// byte slice, charges every token to the budget, and never panics on
// malformed input: anything it does not understand becomes an operator
// the walker ignores.

type tokKind uint8

const (
	tEOF tokKind = iota
	tNum
	tStr  // literal or hex string: raw bytes (glyph codes)
	tName // /Name, without the slash
	tOp   // operator or keyword
	tArrOpen
	tArrClose
	tDictOpen
	tDictClose
)

type token struct {
	kind tokKind
	num  float64
	s    string
}

type lexer struct {
	b   []byte
	i   int
	bud *budget
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) next() token {
	l.bud.step()
	for l.i < len(l.b) {
		c := l.b[l.i]
		if isSpace(c) {
			l.i++
			continue
		}
		if c == '%' {
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
			continue
		}
		break
	}
	if l.i >= len(l.b) {
		return token{kind: tEOF}
	}
	c := l.b[l.i]
	switch {
	case c == '(':
		l.i++
		return token{kind: tStr, s: l.literal()}
	case c == '<' && l.i+1 < len(l.b) && l.b[l.i+1] == '<':
		l.i += 2
		return token{kind: tDictOpen}
	case c == '>' && l.i+1 < len(l.b) && l.b[l.i+1] == '>':
		l.i += 2
		return token{kind: tDictClose}
	case c == '<':
		l.i++
		return token{kind: tStr, s: l.hex()}
	case c == '[':
		l.i++
		return token{kind: tArrOpen}
	case c == ']':
		l.i++
		return token{kind: tArrClose}
	case c == '/':
		l.i++
		return token{kind: tName, s: l.name()}
	case c == ')' || c == '>' || c == '{' || c == '}':
		l.i++
		return token{kind: tOp, s: string(c)}
	}
	start := l.i
	for l.i < len(l.b) && !isSpace(l.b[l.i]) && !isDelim(l.b[l.i]) {
		l.i++
	}
	word := string(l.b[start:l.i])
	if c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9' {
		if f, err := strconv.ParseFloat(word, 64); err == nil {
			return token{kind: tNum, num: f}
		}
	}
	return token{kind: tOp, s: word}
}

// literal reads a (string) after its opening parenthesis.
func (l *lexer) literal() string {
	var out []byte
	depth := 1
	for l.i < len(l.b) {
		l.bud.step()
		c := l.b[l.i]
		l.i++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return string(out)
			}
		case '\\':
			if l.i >= len(l.b) {
				return string(out)
			}
			e := l.b[l.i]
			l.i++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.i < len(l.b) && l.b[l.i] == '\n' {
					l.i++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.i < len(l.b) && l.b[l.i] >= '0' && l.b[l.i] <= '7'; k++ {
						v = v*8 + int(l.b[l.i]-'0')
						l.i++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

// hex reads a <hex string> after its opening bracket.
func (l *lexer) hex() string {
	var out []byte
	hi, half := byte(0), false
	for l.i < len(l.b) {
		l.bud.step()
		c := l.b[l.i]
		l.i++
		if c == '>' {
			break
		}
		v, ok := unhex(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return string(out)
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// name reads a /Name after its slash, decoding #xx escapes.
func (l *lexer) name() string {
	var out []byte
	for l.i < len(l.b) && !isSpace(l.b[l.i]) && !isDelim(l.b[l.i]) {
		c := l.b[l.i]
		l.i++
		if c == '#' && l.i+1 < len(l.b) {
			h, ok1 := unhex(l.b[l.i])
			lo, ok2 := unhex(l.b[l.i+1])
			if ok1 && ok2 {
				c = h<<4 | lo
				l.i += 2
			}
		}
		out = append(out, c)
	}
	return string(out)
}

// skipInlineImage moves past the data of an inline image (BI … ID data
// EI), which is binary and would otherwise be read as operators.
func (l *lexer) skipInlineImage() {
	for {
		t := l.next()
		if t.kind == tEOF {
			return
		}
		if t.kind == tOp && t.s == "ID" {
			break
		}
	}
	l.i++ // the single white-space byte after ID
	for l.i+1 < len(l.b) {
		l.bud.step()
		if l.b[l.i] == 'E' && l.b[l.i+1] == 'I' && isSpace(l.b[l.i-1]) &&
			(l.i+2 == len(l.b) || isSpace(l.b[l.i+2])) {
			l.i += 2
			return
		}
		l.i++
	}
	l.i = len(l.b)
}

// operand is a value on the operand stack: a number, string or name, or
// an array of them (TJ). Dictionaries (marked content) are skipped.
type operand struct {
	kind tokKind
	num  float64
	s    string
	arr  []operand
}

// maxOperands bounds the operand stack: no operator takes more than six
// operands (or one array), so a longer run is garbage, dropped.
const maxOperands = 64

// maxArray bounds one array operand (a TJ of a long line has hundreds).
const maxArray = 1 << 16

// maxDepth bounds the nesting of arrays and dictionaries followed.
const maxDepth = 16

// ops calls do for every operator in the stream with its operands.
func (l *lexer) ops(do func(op string, args []operand)) {
	var args []operand
	for {
		t := l.next()
		switch t.kind {
		case tEOF:
			return
		case tNum, tStr, tName:
			if len(args) >= maxOperands {
				args = args[:0]
			}
			args = append(args, operand{kind: t.kind, num: t.num, s: t.s})
		case tArrOpen:
			if len(args) >= maxOperands {
				args = args[:0]
			}
			args = append(args, operand{kind: tArrOpen, arr: l.array(0)})
		case tDictOpen:
			l.skipDict(0)
			args = append(args, operand{kind: tDictOpen})
		case tArrClose, tDictClose:
			// stray: ignore
		case tOp:
			if t.s == "BI" {
				l.skipInlineImage()
				args = args[:0]
				continue
			}
			do(t.s, args)
			args = args[:0]
		}
	}
}

// array reads an array's elements after its [; arrays nested deeper than
// maxDepth are read as if flat.
func (l *lexer) array(depth int) []operand {
	var out []operand
	for {
		t := l.next()
		switch t.kind {
		case tEOF, tArrClose:
			return out
		case tArrOpen:
			// Recursion is bounded: a stream of [[[[ must not exhaust the
			// stack, which no recover can catch.
			if depth >= maxDepth {
				continue
			}
			inner := l.array(depth + 1)
			if len(out) < maxArray {
				out = append(out, operand{kind: tArrOpen, arr: inner})
			}
		case tDictOpen:
			l.skipDict(depth + 1)
		case tNum, tStr, tName, tOp:
			if len(out) < maxArray {
				out = append(out, operand{kind: t.kind, num: t.num, s: t.s})
			}
		}
	}
}

// skipDict moves past a dictionary after its <<.
func (l *lexer) skipDict(depth int) {
	for {
		t := l.next()
		switch t.kind {
		case tEOF, tDictClose:
			return
		case tDictOpen:
			if depth < maxDepth {
				l.skipDict(depth + 1)
			}
		case tArrOpen:
			if depth < maxDepth {
				l.array(depth + 1)
			}
		}
	}
}
