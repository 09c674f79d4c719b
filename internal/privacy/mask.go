package privacy

import (
	"slices"
	"strings"
)

// MaskID hides the birth date and sequence of an ID number:
// 510104199001011234 → 5101**********1234.
func MaskID(s string) string { return maskMiddle(s, 4, 4) }

// MaskCard hides all but the first and last four digits of a card number.
func MaskCard(s string) string { return maskMiddle(s, 4, 4) }

// MaskPhone hides the middle of a phone number: 13812345678 → 138****5678.
// Shorter numbers (landlines without area code) keep only their last two
// digits.
func MaskPhone(s string) string {
	if len([]rune(s)) >= 11 {
		return maskMiddle(s, 3, 4)
	}
	return maskMiddle(s, 0, 2)
}

// MaskName keeps a name's first and last character: 张三明 → 张*明,
// 欧阳娜娜 → 欧**娜, and a two-character name its first: 张三 → 张*.
func MaskName(name string) string {
	r := []rune(strings.TrimSpace(name))
	switch len(r) {
	case 0:
		return ""
	case 1:
		return "*"
	case 2:
		return string(r[0]) + "*"
	}
	return string(r[0]) + strings.Repeat("*", len(r)-2) + string(r[len(r)-1])
}

// maskMiddle replaces all but head leading and tail trailing characters
// with '*'. A value too short to keep both is masked whole.
func maskMiddle(s string, head, tail int) string {
	r := []rune(s)
	if len(r) <= head+tail {
		return strings.Repeat("*", len(r))
	}
	return string(r[:head]) + strings.Repeat("*", len(r)-head-tail) + string(r[len(r)-tail:])
}

// MaskText returns text with every number Scan finds replaced by its
// masked form, except the numbers in allow (as Finding.Number has them),
// for copies of a page's text that must never hold a whole number it did
// not publish on purpose (the search index, messages).
func MaskText(text string, allow ...string) string {
	found := Scan(text)
	if len(found) == 0 {
		return text
	}
	var b strings.Builder
	at := 0
	for _, f := range found {
		if slices.Contains(allow, f.Number) {
			continue
		}
		b.WriteString(text[at:f.Offset])
		b.WriteString(f.Masked)
		at = f.Offset + len(f.Value)
	}
	b.WriteString(text[at:])
	return b.String()
}
