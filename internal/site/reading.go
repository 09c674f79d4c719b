package site

import "unicode"

// Reading speeds for study material, which is read with care: Chinese
// characters and Latin words per minute.
const (
	CJKPerMinute   = 300
	WordsPerMinute = 200
)

// ReadingMinutes estimates the minutes needed to read text. Chinese has no
// spaces, so it is counted in characters; Latin text (and numbers) in words;
// mixed text adds the two. Any text takes at least a minute; none takes 0.
func ReadingMinutes(text string) int {
	cjk, words := 0, 0
	inWord := false
	for _, r := range text {
		switch {
		case isCJK(r):
			cjk++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				words++
			}
			inWord = true
		case r == '\'' || r == '-' || r == '’':
			// inside a word: don't, well-known
		default:
			inWord = false
		}
	}
	if cjk == 0 && words == 0 {
		return 0
	}
	// One sum in a common unit, rounded up once: 150 characters and 100
	// words make one minute, not two half-minutes rounded up twice.
	const unit = CJKPerMinute * WordsPerMinute
	work := cjk*WordsPerMinute + words*CJKPerMinute
	return max(1, (work+unit-1)/unit)
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}
