package search

import (
	"html"
	"strings"
	"unicode"
)

// excerptRunes is the length of an excerpt; excerptLead is how much text is
// kept before the first match so that the reader sees its context.
const (
	excerptRunes = 90
	excerptLead  = 20
)

// highlightTerms turns query keys back into the strings to look for in
// normalised page text.
func highlightTerms(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = strings.TrimPrefix(k, charKeyPrefix)
	}
	return out
}

// normRune normalises one rune the way the analysis does (width, case), so
// that matches can be found in the original text rune for rune.
func normRune(r rune) rune {
	if isFullWidthASCII(r) {
		r -= 0xFEE0
	}
	return unicode.ToLower(r)
}

// excerptHTML picks a window of the body around the first match (the
// summary when the body has none) and returns it as escaped HTML with the
// matches marked. Every byte of page text goes through html.EscapeString,
// so text can never become markup. engine.js cuts the same window into
// pieces that the UI shows as DOM text nodes.
func excerptHTML(summary, body string, terms []string) string {
	text := []rune(body)
	at := firstMatch(text, terms)
	if at < 0 {
		if s := []rune(summary); len(s) > 0 {
			text, at = s, max(firstMatch(s, terms), 0)
		} else {
			at = 0
		}
	}
	start := max(at-excerptLead, 0)
	end := min(start+excerptRunes, len(text))
	window := text[start:end]
	mask := matchMask(window, terms)
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	for i := 0; i < len(window); {
		j := i
		for j < len(window) && mask[j] == mask[i] {
			j++
		}
		seg := html.EscapeString(string(window[i:j]))
		if mask[i] {
			b.WriteString("<mark>" + seg + "</mark>")
		} else {
			b.WriteString(seg)
		}
		i = j
	}
	if end < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

func normalised(text []rune) []rune {
	n := make([]rune, len(text))
	for i, r := range text {
		n[i] = normRune(r)
	}
	return n
}

func firstMatch(text []rune, terms []string) int {
	mask := matchMask(text, terms)
	for i, m := range mask {
		if m {
			return i
		}
	}
	return -1
}

// matchMask marks every rune of text that is part of an occurrence of one
// of the terms.
func matchMask(text []rune, terms []string) []bool {
	norm := normalised(text)
	mask := make([]bool, len(text))
	for _, t := range terms {
		tr := []rune(t)
		if len(tr) == 0 {
			continue
		}
		for i := 0; i+len(tr) <= len(norm); i++ {
			if runesEqual(norm[i:i+len(tr)], tr) {
				for k := i; k < i+len(tr); k++ {
					mask[k] = true
				}
			}
		}
	}
	return mask
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
