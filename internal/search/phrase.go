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
//
// Quotes make a phrase of Latin words and numbers too ("ISO 9001"): each
// page also indexes its runs of 2 to gramMaxWords adjacent words (no CJK
// character between them; punctuation does not separate), joined by
// gramWordSep, and the words of a quoted part are looked up the same way.
const (
	gramMinRunes = 3
	gramMaxRunes = 6
	gramMaxWords = 3
	gramWordSep  = "~"
	// gramKeyPrefix marks a phrase key; "~" never occurs inside a token,
	// so phrase keys cannot collide with term keys.
	gramKeyPrefix = "~"
)

// phraseGroup is the part of a phrase key that picks its shard: its first
// four characters (a key of three is its own group), or its first two
// words. An edit that writes new text adds, at each position, the keys of
// three to six characters starting there; grouped, they land in two
// shards instead of four, so a changed line rewrites half as many phrase
// shards. A group is small (a phrase and its few longer extensions), so
// a query still loads about one key's worth per phrase key.
func phraseGroup(key string) string {
	k := strings.TrimPrefix(key, gramKeyPrefix)
	if strings.Contains(k, gramWordSep) {
		first, rest, _ := strings.Cut(k, gramWordSep)
		second, _, _ := strings.Cut(rest, gramWordSep)
		return gramKeyPrefix + first + gramWordSep + second
	}
	n := 0
	for i := range k {
		if n == 4 {
			return gramKeyPrefix + k[:i]
		}
		n++
	}
	return key
}

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

// wordRuns returns the runs of at least two adjacent words (tokens that
// are not CJK) in the tokens of the bigram analyser.
func wordRuns(toks analysis.TokenStream) [][]string {
	var out [][]string
	var cur []string
	flush := func() {
		if len(cur) >= 2 {
			out = append(out, cur)
		}
		cur = nil
	}
	for _, t := range toks {
		if t.Type == analysis.Double || t.Type == analysis.Single {
			flush()
			continue
		}
		cur = append(cur, string(t.Term))
	}
	flush()
	return out
}

// grams is every distinct substring of gramMinRunes to gramMaxRunes
// characters of the runs of text, and of 2 to gramMaxWords words of its
// word runs, in the order they first occur: what gramField holds.
func grams(a analysis.Analyzer, texts ...string) []string {
	streams := make([]analysis.TokenStream, len(texts))
	for i, text := range texts {
		streams[i] = a.Analyze([]byte(foldWidth(text)))
	}
	return gramsOf(streams...)
}

// gramsOf is grams of the texts that the bigram analyser made streams of.
func gramsOf(streams ...analysis.TokenStream) []string {
	var out []string
	seen := map[string]bool{}
	add := func(g string) {
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	var at []int // byte offset of each character of a run, and its end
	for _, toks := range streams {
		for _, run := range runs(toks) {
			at = at[:0]
			for i := range run {
				at = append(at, i)
			}
			at = append(at, len(run))
			chars := len(at) - 1
			for i := 0; i < chars; i++ {
				for n := gramMinRunes; n <= gramMaxRunes && i+n <= chars; n++ {
					add(run[at[i]:at[i+n]])
				}
			}
		}
		for _, w := range wordRuns(toks) {
			for n := 2; n <= min(gramMaxWords, len(w)); n++ {
				for i := 0; i+n <= len(w); i++ {
					add(strings.Join(w[i:i+n], gramWordSep))
				}
			}
		}
	}
	return out
}

// phraseKeys is what the phrases of a query look up, in order and without
// repeats: a run of up to gramMaxRunes characters is itself a key, a
// longer one every window of gramMaxRunes characters. The keys carry
// gramKeyPrefix. engine.js implements exactly this function.
func phraseKeys(a analysis.Analyzer, q string) []string {
	q = strings.ToValidUTF8(q, " ")
	var keys []string
	add := func(k string) {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, run := range runs(a.Analyze([]byte(foldWidth(q)))) {
		r := []rune(run)
		n := min(gramMaxRunes, len(r))
		for i := 0; i+n <= len(r); i++ {
			add(gramKeyPrefix + string(r[i:i+n]))
		}
	}
	for _, part := range quoted(q) {
		for _, w := range wordRuns(a.Analyze([]byte(foldWidth(part)))) {
			n := min(gramMaxWords, len(w))
			for i := 0; i+n <= len(w); i++ {
				add(gramKeyPrefix + strings.Join(w[i:i+n], gramWordSep))
			}
		}
	}
	return keys
}

// quoted returns the quoted parts of q: from a " or “ to the next " or ”,
// or to the end when none follows.
func quoted(q string) []string {
	var out []string
	for {
		i := strings.IndexAny(q, "\"“")
		if i < 0 {
			return out
		}
		q = q[i+len(string([]rune(q[i:])[0])):]
		j := strings.IndexAny(q, "\"”")
		if j < 0 {
			return append(out, q)
		}
		out = append(out, q[:j])
		q = q[j+len(string([]rune(q[j:])[0])):]
	}
}
