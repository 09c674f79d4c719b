package privacyscan

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/pubgen/pubgen/internal/privacy"
)

// A number can be hidden from a scan of the Markdown source by markup that
// a reader never sees (138**1234**5678, &#49;38…), so the rendered text is
// scanned too. The rendered text has no positions, so a number found only
// there is looked for again in each source line read roughly as a reader
// sees it (readerView); when no single line shows it (a number split by a
// line break, or by a link), it is reported at the body's first line.

// lineNumber is a number seen in one source line of the body.
type lineNumber struct {
	line, col int // in the file
	number    string
	used      bool
}

// lineNumbers returns the numbers each source line of body shows once its
// inline markup is removed, in order, then those that begin in one line
// and end in the next (a paragraph's line break reads as a space); first
// is the file's line of body's first line.
func lineNumbers(body string, first int) []lineNumber {
	var one, two []lineNumber
	lines := strings.Split(body, "\n")
	for i, line := range lines {
		v := readerView(line)
		for _, fd := range privacy.Scan(v.s) {
			one = append(one, lineNumber{line: first + i, col: colOf(line, v.at[fd.Offset]), number: fd.Number})
		}
		if i+1 == len(lines) {
			break
		}
		joined := line + " " + lines[i+1]
		v = readerView(joined)
		for _, fd := range privacy.Scan(v.s) {
			if start, end := v.at[fd.Offset], v.at[fd.Offset+len(fd.Value)-1]; start < len(line) && end > len(line) {
				two = append(two, lineNumber{line: first + i, col: colOf(line, start), number: fd.Number})
			}
		}
	}
	return append(one, two...)
}

func colOf(line string, at int) int { return utf8.RuneCountInString(line[:at]) + 1 }

// take marks as used and returns the first unused number n of the list,
// on line when line > 0.
func take(nums []lineNumber, n string, line int) (lineNumber, bool) {
	for i := range nums {
		if e := &nums[i]; !e.used && e.number == n && (line == 0 || e.line == line) {
			e.used = true
			return *e, true
		}
	}
	return lineNumber{}, false
}

// view is text with at[i] the offset in the source line of view byte i.
type view struct {
	s  string
	at []int
}

var entityRE = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// readerView is one line of Markdown with what a reader does not see
// taken out: emphasis and code marks, backslash escapes, HTML tags, and
// character references replaced by the characters they stand for. It is
// rough on purpose — it only locates numbers the rendered text is known
// to show.
func readerView(line string) view {
	var b strings.Builder
	var at []int
	emit := func(s string, from int) {
		b.WriteString(s)
		for range len(s) {
			at = append(at, from)
		}
	}
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == '*' || c == '_' || c == '~' || c == '`':
			i++
		case c == '\\' && i+1 < len(line) && line[i+1] < utf8.RuneSelf:
			emit(line[i+1:i+2], i+1)
			i += 2
		case c == '<' && i+1 < len(line) && (isASCIILetter(line[i+1]) || line[i+1] == '/' || line[i+1] == '!'):
			end := strings.IndexByte(line[i:], '>')
			if end < 0 {
				emit("<", i)
				i++
				continue
			}
			i += end + 1
		case c == '&':
			if m := entityRE.FindString(line[i:]); m != "" {
				emit(html.UnescapeString(m), i)
				i += len(m)
				continue
			}
			emit("&", i)
			i++
		default:
			emit(line[i:i+1], i)
			i++
		}
	}
	return view{s: b.String(), at: append(at, len(line))}
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
