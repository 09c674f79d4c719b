package privacy

import "strings"

// Kind is what a finding looks like.
type Kind string

// Kinds of personal data Scan finds.
const (
	IDCard   Kind = "id-card"   // 居民身份证号码
	Mobile   Kind = "mobile"    // 手机号码
	BankCard Kind = "bank-card" // 银行卡号
)

// Finding is one number in the text that looks like personal data.
type Finding struct {
	Kind   Kind
	Value  string // as written, separators and country code included
	Masked string // safe to print in a report: the digits with the middle hidden
	// Number is the number as read, digits only (an ID's check digit X
	// upper case): the same however it was typed, so that two findings,
	// or a finding and an allow-list entry, can be compared.
	Number string
	Offset int // byte offset of Value in the text
}

// Scan returns every ID-card, mobile and bank card number in text, in
// order. The text is read as a reader sees it (see fold): full-width
// digits, odd spaces and invisible characters do not hide a number. A
// number counts only as a whole: a run of digits that goes on (or is glued
// to a Latin letter, as in an order number) is not one, and nothing inside
// a web address (https://…, www.…) is looked at.
func Scan(text string) []Finding {
	f := fold(text)
	s := f.s
	var out []Finding
	emit := func(kind Kind, i, j int, digits string) {
		start, end := f.span(text, i, j)
		out = append(out, Finding{Kind: kind, Value: text[start:end], Masked: mask(kind, digits), Number: digits, Offset: start})
	}
	for i := 0; i < len(s); {
		if end, ok := urlAt(s, i); ok {
			i = end
			continue
		}
		if i > 0 && isWordByte(s[i-1]) {
			i++
			continue
		}
		if start, end, digits, ok := prefixedMobile(s, i); ok {
			emit(Mobile, start, end, digits)
			i = end
			continue
		}
		if !isDigit(s[i]) {
			i++
			continue
		}
		groups, end := run(s, i)
		wordAfter := end < len(s) && isWordByte(s[end])
		for _, n := range numbers(s, groups, wordAfter) {
			emit(n.kind, n.start, n.end, n.digits)
		}
		i = end
	}
	return out
}

func mask(kind Kind, digits string) string {
	switch kind {
	case IDCard:
		return MaskID(digits)
	case Mobile:
		return MaskPhone(digits)
	}
	return MaskCard(digits)
}

// group is one group of digits in folded text, [start, end); an ID card's
// last group may end in X.
type group struct{ start, end int }

// run returns the digit groups of the number starting at i and where it
// ends. Groups are separated by one space or hyphen (138-1234-5678,
// 6222 0212 3456 7890).
func run(s string, i int) (groups []group, end int) {
	g := group{start: i}
	for j := i; ; {
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j < len(s) && (s[j] == 'X' || s[j] == 'x') && (j+1 == len(s) || !isWordByte(s[j+1])) {
			j++
		}
		g.end = j
		groups = append(groups, g)
		if j+1 < len(s) && (s[j] == ' ' || s[j] == '-') && isDigit(s[j+1]) && !endsInX(s, g) {
			g = group{start: j + 1}
			j++
			continue
		}
		return groups, j
	}
}

func endsInX(s string, g group) bool { return s[g.end-1] == 'X' || s[g.end-1] == 'x' }

// number is a whole number found among a run's groups.
type number struct {
	kind       Kind
	start, end int
	digits     string
}

// numbers finds the numbers in one run of groups. The whole run is tried
// first; when it is no number, a mobile or ID number may still be a part
// of it set off by separators (2024-07-01 13812345678), written ungrouped
// or in its own grouping (138 1234 5678, 110101 19900307 123X). Bank cards
// count only as a whole run: their grouping by four is too common.
// wordAfter says the run is glued to a letter, which ends no number.
func numbers(s string, groups []group, wordAfter bool) []number {
	if n, ok := classify(s, groups, true); ok {
		if wordAfter {
			return nil
		}
		return []number{n}
	}
	var out []number
	for a := 0; a < len(groups); {
		found := false
		for b := min(a+3, len(groups)); b > a; b-- {
			if b == len(groups) && wordAfter {
				continue
			}
			if n, ok := classify(s, groups[a:b], false); ok {
				out = append(out, n)
				a, found = b, true
				break
			}
		}
		if !found {
			a++
		}
	}
	return out
}

// classify says what the number made of groups is, if anything. Grouped
// digits count only when grouped the way that kind is written.
func classify(s string, groups []group, cards bool) (number, bool) {
	var b strings.Builder
	sizes := make([]int, len(groups))
	for i, g := range groups {
		b.WriteString(s[g.start:g.end])
		sizes[i] = g.end - g.start
	}
	digits := strings.ToUpper(b.String())
	n := number{start: groups[0].start, end: groups[len(groups)-1].end, digits: digits}
	one := len(groups) == 1
	plain := allDigits(digits)
	switch {
	case len(digits) == 18 && (one || sizesAre(sizes, 6, 8, 4)) && validID(digits):
		n.kind = IDCard
	case len(digits) == 11 && plain && (one || sizesAre(sizes, 3, 4, 4)) && validMobile(digits):
		n.kind = Mobile
	case cards && plain && len(digits) >= 16 && len(digits) <= 19 && (one || groupedBy4(sizes)) && validCard(digits):
		n.kind = BankCard
	default:
		return number{}, false
	}
	return n, true
}

// prefixedMobile reads a mobile number written with the country code at
// i: +86, 0086, or 86 and a separator, in parentheses or not, then the
// number ungrouped or as 3-4-4 ((+86) 138 1234 5678, 86-13812345678).
// start and end are folded offsets of the whole.
func prefixedMobile(s string, i int) (start, end int, digits string, ok bool) {
	j := i
	paren := j < len(s) && s[j] == '('
	if paren {
		j++
	}
	switch rest := s[j:]; {
	case strings.HasPrefix(rest, "+86"):
		j += 3
	case strings.HasPrefix(rest, "0086"):
		j += 4
	case strings.HasPrefix(rest, "86") && len(rest) > 2 && (rest[2] == ' ' || rest[2] == '-' || paren && rest[2] == ')'):
		j += 2
	default:
		return 0, 0, "", false
	}
	if paren {
		if j >= len(s) || s[j] != ')' {
			return 0, 0, "", false
		}
		j++
	}
	if j < len(s) && (s[j] == ' ' || s[j] == '-') {
		j++
	}
	if j >= len(s) || !isDigit(s[j]) {
		return 0, 0, "", false
	}
	groups, end := run(s, j)
	if end < len(s) && isWordByte(s[end]) {
		return 0, 0, "", false
	}
	n, found := classify(s, groups, false)
	if !found || n.kind != Mobile {
		return 0, 0, "", false
	}
	return i, end, n.digits, true
}

// urlAt reports whether a web address starts at i, and where it ends: at
// white space, a quote or angle bracket, or the first non-ASCII character
// (Chinese text goes on right after an address). Numbers in addresses
// are order and document numbers, not personal data, and a masked number
// would break the link.
func urlAt(s string, i int) (end int, ok bool) {
	if c := s[i] | 0x20; c != 'h' && c != 'w' || i > 0 && isWordByte(s[i-1]) {
		return 0, false
	}
	rest := s[i:]
	if !hasPrefixFold(rest, "https://") && !hasPrefixFold(rest, "http://") && !hasPrefixFold(rest, "www.") {
		return 0, false
	}
	end = i
	for end < len(s) && s[end] > ' ' && s[end] < 0x7f && !strings.ContainsRune(`"'<>`, rune(s[end])) {
		end++
	}
	return end, true
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// isWordByte is a byte that makes a neighbouring digit run part of a
// longer token: a digit or a Latin letter. Chinese text around a number is
// the normal case and does not count.
func isWordByte(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// sizesAre reports whether the group sizes are exactly want.
func sizesAre(sizes []int, want ...int) bool {
	if len(sizes) != len(want) {
		return false
	}
	for i := range sizes {
		if sizes[i] != want[i] {
			return false
		}
	}
	return true
}

// groupedBy4 reports whether the groups are of four digits, the last one
// possibly shorter (19-digit cards end in a group of three).
func groupedBy4(sizes []int) bool {
	for _, n := range sizes[:len(sizes)-1] {
		if n != 4 {
			return false
		}
	}
	last := sizes[len(sizes)-1]
	return last >= 1 && last <= 4
}

// Number returns the number s is, digits only, when s as a whole is one
// number Scan finds (written any way Scan reads: 138-1234-5678, +86 …);
// it is how an allow-list entry is read.
func Number(s string) (string, Kind, bool) {
	s = strings.TrimSpace(s)
	found := Scan(s)
	if len(found) != 1 || found[0].Value != s {
		return "", "", false
	}
	return found[0].Number, found[0].Kind, true
}
