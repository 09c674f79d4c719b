package page

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pubgen/pubgen/internal/msg"
)

// lintYAML finds the writing mistakes people make in front matter, each at
// its own line, where the YAML parser would name a later line in its own
// terms (a full-width colon on line 2 reported as "mapping values are not
// allowed" on line 3; a quote closed with ” reported at the end). sure are
// mistakes whatever the parser thinks: a tab or a full-width space in the
// indentation, a full-width colon after a field name. maybe are mistakes
// only when the parser failed too, since valid YAML can hold them (a
// quoted text running over two lines, a colon inside a long text).
func lintYAML(fm []byte, fmLine int) (sure, maybe []problem) {
	lines := strings.Split(string(fm), "\n")
	block := -1 // indentation of the key of a | or > text being skipped; -1: none
	for i, l := range lines {
		at := func(col int) Pos { return Pos{fmLine + i, col} }
		indent := len(l) - len(strings.TrimLeft(l, " "))
		rest := l[indent:]
		if block >= 0 {
			if strings.TrimSpace(l) == "" || indent > block {
				continue
			}
			block = -1
		}
		switch {
		case strings.HasPrefix(rest, "\t"):
			sure = append(sure, problem{at(indent + 1), "", msg.New(msg.SyntaxTab)})
			continue
		case strings.HasPrefix(rest, "\u3000"):
			sure = append(sure, problem{at(indent + 1), "", msg.New(msg.SyntaxFullWidthIndent)})
			continue
		case rest == "" || strings.HasPrefix(rest, "#"):
			continue
		}
		col := indent + 1
		for strings.HasPrefix(rest, "- ") {
			rest, col = strings.TrimLeft(rest[2:], " "), col+2+countSpaces(rest[2:])
		}
		key, value, sep, ok := splitKey(rest)
		switch {
		case ok && sep == "：" && (knownField(key) || asciiKeyRE.MatchString(key)):
			sure = append(sure, problem{at(col + utf8.RuneCountInString(key)), key, msg.New(msg.SyntaxFullWidthColon, key, strings.TrimSpace(value))})
			continue
		case ok && sep == ":" && knownField(key):
			maybe = append(maybe, problem{at(col + utf8.RuneCountInString(key)), key, msg.New(msg.SyntaxColonNoSpace, key, strings.TrimSpace(value))})
			continue
		case ok && sep == ": " && curlyKeyRE.MatchString(key):
			bare := strings.Trim(key, "“”‘’\"'")
			sure = append(sure, problem{at(col), bare, msg.New(msg.SyntaxCurlyKey, bare)})
			continue
		case ok && sep == ": ":
			v := strings.TrimLeft(value, " ")
			vcol := col + utf8.RuneCountInString(key) + 1 + len(value) - len(v)
			if strings.HasPrefix(v, "|") || strings.HasPrefix(v, ">") {
				block = indent
				continue
			}
			if p, bad := lintQuote(v, key, at(vcol)); bad {
				maybe = append(maybe, p)
			}
			if p, bad := lintBracket(v, key, at(vcol)); bad {
				maybe = append(maybe, p)
			}
		case !ok:
			if p, bad := lintQuote(rest, "", at(col)); bad {
				maybe = append(maybe, p)
			}
		}
	}
	return sure, maybe
}

var (
	asciiKeyRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	curlyKeyRE = regexp.MustCompile(`^[“‘][A-Za-z_][A-Za-z0-9_]*[”’]$|^["'][A-Za-z_][A-Za-z0-9_]*[”’]$|^[“‘][A-Za-z_][A-Za-z0-9_]*["']$`)
)

func countSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// splitKey splits "key: value" at its first separator: ": " (or a colon
// ending the line), a full-width "：", or a colon with no space after it
// (title:关于…). A key is a run without spaces or quotes-in-the-middle
// before the separator.
func splitKey(s string) (key, value, sep string, ok bool) {
	i := strings.IndexAny(s, ":：")
	if i <= 0 {
		return "", "", "", false
	}
	key = s[:i]
	if strings.ContainsAny(key, " \t[{,#") && !curlyKeyRE.MatchString(key) {
		return "", "", "", false
	}
	if strings.HasPrefix(s[i:], "：") {
		return key, s[i+len("："):], "：", true
	}
	after := s[i+1:]
	if after == "" || after[0] == ' ' {
		return key, after, ": ", true
	}
	return key, after, ":", true
}

// lintQuote checks a value that opens with a quote: it must close with the
// same ASCII quote on its line. The usual slip is an input method's curly
// quote at the end ("…”).
func lintQuote(v, key string, at Pos) (problem, bool) {
	if v == "" || (v[0] != '"' && v[0] != '\'') {
		return problem{}, false
	}
	q := v[:1]
	body := v[1:]
	if closeAt := closingQuote(body, v[0]); closeAt >= 0 {
		return problem{}, false
	}
	inner := strings.TrimSpace(body)
	field := key
	shown := key
	if shown == "" {
		shown = "-"
	}
	for _, c := range []string{"”", "“", "’", "‘"} {
		if strings.HasSuffix(inner, c) {
			inner = strings.TrimSuffix(inner, c)
			return problem{at, field, msg.New(msg.SyntaxQuoteMismatch, shown, inner, q, c)}, true
		}
	}
	return problem{at, field, msg.New(msg.SyntaxQuoteUnclosed, shown, inner, q)}, true
}

// closingQuote finds the quote q closing a quoted YAML text: \" escapes a
// double quote, ” a single one.
func closingQuote(s string, q byte) int {
	for i := 0; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case q == '\'' && s[i] == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
		case s[i] == q:
			return i
		}
	}
	return -1
}

// knownField reports whether name is a field of some page type, at any
// level: only those are taken for a key in front of a wrong colon.
func knownField(name string) bool {
	if slices.Contains(commonFields, name) {
		return true
	}
	for _, fs := range typeFields {
		if slices.Contains(fs, name) {
			return true
		}
	}
	for _, fs := range subFields {
		if slices.Contains(fs, name) {
			return true
		}
	}
	return false
}

// lintBracket checks that a list or a set of fields opened on a line
// closes on it, with ASCII commas between its items: front matter writes
// them on one line ([三会一课, 党员大会]), and a missing ] is otherwise
// reported lines later.
func lintBracket(v, key string, at Pos) (problem, bool) {
	if v == "" || (v[0] != '[' && v[0] != '{') {
		return problem{}, false
	}
	open, want := v[:1], "]"
	if open == "{" {
		want = "}"
	}
	depth := 0
	for i := 0; i < len(v); i++ {
		if strings.HasPrefix(v[i:], "，") {
			return problem{at, key, msg.New(msg.SyntaxFullWidthComma, strings.ReplaceAll(v, "，", ", "))}, true
		}
		switch v[i] {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case '"', '\'':
			if j := closingQuote(v[i+1:], v[i]); j >= 0 {
				i += j + 1
			}
		}
	}
	if depth <= 0 {
		return problem{}, false
	}
	return problem{at, key, msg.New(msg.SyntaxBracketUnclosed, open, want)}, true
}
