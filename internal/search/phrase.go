package search

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// A run of Han (or kana) characters in a query is a phrase: it matches only
// where it occurs contiguously. Contiguous means within one run of the
// analysed text: the characters between two breaks (punctuation, white
// space, a Latin word), exactly the stretch over which the bigram filter
// chains overlapping bigrams. A soft line break inside a paragraph is no
// break: the Markdown converter joins Chinese lines without a space.
//
// bleve could check phrases from term vectors, but the browser cannot load
// positions: on the 10,000-page corpus the positions of the three bigrams of
// 主题党日 alone are 143 KB, more than the whole query costs without them.
// So every document also indexes each distinct substring of 3 to
// gramMaxRunes characters of its runs (gramField); a phrase of up to
// gramMaxRunes characters is then one key, and a longer one is every window
// of gramMaxRunes characters of it, each contiguous in the text. Both sides
// look up the same keys: bleve in gramField, the browser in the phrase
// shards, which hold only lists of documents (no scores): the phrase narrows
// what the bigram keys match and leaves their scores as they are.
const (
	gramMinRunes = 3
	gramMaxRunes = 6
	// gramKeyPrefix marks a phrase key; "~" never occurs inside a token,
	// so phrase keys cannot collide with term keys.
	gramKeyPrefix = "~"
)

// runs returns the runs of at least gramMinRunes characters in the tokens
// of the bigram analyser, as the (folded, lower-cased) characters of their
// bigrams. Consecutive bigrams overlap by a character within a run; a
// break makes the next bigram start at or after the end of the previous.
func runs(toks analysis.TokenStream) []string {
	var out []string
	var cur []rune
	var end int
	flush := func() {
		if len(cur) >= gramMinRunes {
			out = append(out, string(cur))
		}
		cur = cur[:0]
	}
	for _, t := range toks {
		if t.Type != analysis.Double {
			flush()
			continue
		}
		r := []rune(string(t.Term))
		if len(cur) > 0 && t.Start < end {
			cur = append(cur, r[len(r)-1])
		} else {
			flush()
			cur = append(cur, r...)
		}
		end = t.End
	}
	flush()
	return out
}

// grams is every distinct substring of gramMinRunes to gramMaxRunes
// characters of the runs of text, sorted: what gramField holds.
func grams(a analysis.Analyzer, texts ...string) []string {
	seen := map[string]bool{}
	for _, text := range texts {
		for _, run := range runs(a.Analyze([]byte(foldWidth(text)))) {
			r := []rune(run)
			for n := gramMinRunes; n <= min(gramMaxRunes, len(r)); n++ {
				for i := 0; i+n <= len(r); i++ {
					seen[string(r[i:i+n])] = true
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for g := range seen {
		out = append(out, g)
	}
	slices.Sort(out)
	return out
}

// phraseKeys is what the phrases of a query look up, in order and without
// repeats: a run of up to gramMaxRunes characters is itself a key, a
// longer one every window of gramMaxRunes characters. The keys carry
// gramKeyPrefix. search.js implements exactly this function.
func phraseKeys(a analysis.Analyzer, q string) []string {
	q = strings.ToValidUTF8(q, " ")
	var keys []string
	for _, run := range runs(a.Analyze([]byte(foldWidth(q)))) {
		r := []rune(run)
		n := min(gramMaxRunes, len(r))
		for i := 0; i+n <= len(r); i++ {
			if k := gramKeyPrefix + string(r[i:i+n]); !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}
