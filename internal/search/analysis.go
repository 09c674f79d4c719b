package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/mapping"
)

// charKeyPrefix marks a term key that is looked up in charField. No token
// of the analysers can contain a space, so the two key spaces never collide.
const charKeyPrefix = " "

// foldWidth maps the full-width forms of ASCII (U+FF01–U+FF5E) to ASCII
// before analysis. bleve's cjk_width filter does this too, but only after
// the tokenizer, whose Unicode 8 word-break tables do not treat full-width
// digits as digits: without the fold "２０２４年" would index no number at all.
func foldWidth(s string) string {
	if !strings.ContainsFunc(s, isFullWidthASCII) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isFullWidthASCII(r) {
			return r - 0xFEE0
		}
		return r
	}, s)
}

func isFullWidthASCII(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E }

// analyzer is the bigram analyser every text field is indexed with.
func analyzer(m mapping.IndexMapping) analysis.Analyzer {
	return m.AnalyzerNamed(cjk.AnalyzerName)
}

// queryKeys analyses a query into the keys of its terms, in order and
// without repeats. A lone CJK character, which the bigram filter leaves as
// a unigram, becomes a key of charField, because the text fields only hold
// the bigrams around it. engine.js implements exactly this function.
func queryKeys(a analysis.Analyzer, q string) []string {
	// A browser only sends valid UTF-8, but `pubgen search` takes its
	// argument from a terminal: broken bytes separate words, as a space
	// does, instead of becoming a U+FFFD key that collides with the prefix
	// of single-character keys.
	q = strings.ToValidUTF8(q, " ")
	var keys []string
	seen := map[string]bool{}
	for _, key := range analyseKeys(a, q) {
		if !seen[key] {
			seen[key] = true
			keys = append(keys, key)
		}
	}
	return keys
}

// analyseKeys is the key of every token of text, in order.
func analyseKeys(a analysis.Analyzer, text string) []string {
	var keys []string
	for _, tok := range a.Analyze([]byte(foldWidth(text))) {
		key := string(tok.Term)
		if tok.Type == analysis.Single {
			key = charKeyPrefix + key
		}
		keys = append(keys, key)
	}
	return keys
}
