package privacy

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
	Value  string // as written, separators included
	Masked string // safe to print in a report
	Offset int    // byte offset of Value in the text
}

// Scan returns every ID-card, mobile and bank card number in text, in
// order. A number counts only as a whole: a run of digits that goes on
// (or is glued to a Latin letter, as in an order number) is not one.
func Scan(text string) []Finding {
	var out []Finding
	for i := 0; i < len(text); {
		if !isDigit(text[i]) || (i > 0 && isWordByte(text[i-1])) {
			i++
			continue
		}
		end, digits := run(text, i)
		if f, ok := classify(text[i:end], digits); ok && !(end < len(text) && isWordByte(text[end])) {
			f.Offset = i
			out = append(out, f)
		}
		i = end
	}
	return out
}

// run returns the end of the number starting at i and its digits. Digits
// may be grouped by single spaces or hyphens (138-1234-5678,
// 6222 0212 3456 7890), and an ID card may end in X.
func run(text string, i int) (end int, digits string) {
	buf := make([]byte, 0, 20)
	end = i
	for j := i; j < len(text); {
		c := text[j]
		switch {
		case isDigit(c):
			buf = append(buf, c)
			j++
			end = j
		case (c == 'X' || c == 'x') && len(buf) == 17:
			buf = append(buf, 'X')
			j++
			end = j
		case (c == ' ' || c == '-') && j+1 < len(text) && isDigit(text[j+1]) && end == j:
			j++
		default:
			return end, string(buf)
		}
		if len(buf) > 25 { // far longer than anything Scan looks for
			for end < len(text) && (isDigit(text[end]) || text[end] == ' ' || text[end] == '-') {
				end++
			}
			return end, string(buf)
		}
	}
	return end, string(buf)
}

// classify says what a whole number is, if anything. Grouped digits only
// count when grouped the way that kind is written.
func classify(value, digits string) (Finding, bool) {
	grouped := len(value) != len(digits)
	switch {
	case len(digits) == 18 && !grouped && validID(digits):
		return Finding{Kind: IDCard, Value: value, Masked: MaskID(digits)}, true
	case len(digits) == 11 && validMobile(digits) && (!grouped || groupedAs(value, 3, 4, 4)):
		return Finding{Kind: Mobile, Value: value, Masked: MaskPhone(digits)}, true
	case len(digits) >= 16 && len(digits) <= 19 && validCard(digits) && (!grouped || groupedBy4(value)):
		return Finding{Kind: BankCard, Value: value, Masked: MaskCard(digits)}, true
	}
	return Finding{}, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordByte is a byte that makes a neighbouring digit run part of a
// longer token: a digit or a Latin letter. Chinese text around a number is
// the normal case and does not count.
func isWordByte(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// groupedAs reports whether value is digit groups of exactly these sizes.
func groupedAs(value string, sizes ...int) bool {
	g, n := 0, 0
	for i := 0; i < len(value); i++ {
		if isDigit(value[i]) {
			n++
			continue
		}
		if g >= len(sizes) || n != sizes[g] {
			return false
		}
		g, n = g+1, 0
	}
	return g == len(sizes)-1 && n == sizes[g]
}

// groupedBy4 reports whether value is groups of four digits, the last one
// possibly shorter (19-digit cards end in a group of three).
func groupedBy4(value string) bool {
	n := 0
	for i := 0; i < len(value); i++ {
		if isDigit(value[i]) {
			n++
			continue
		}
		if n != 4 {
			return false
		}
		n = 0
	}
	return n >= 1 && n <= 4
}
