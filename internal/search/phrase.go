package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// A run of Han (or kana) characters in a query is a phrase: it matches only
// where it occurs contiguously. Contiguous means within one run of the
// analysed text: the characters between two breaks (punctuation, white
// space, a Latin word), exactly the stretch over which the bigram filter
// chains overlapping bigrams. A soft line break inside a paragraph is no
// break: the Markdown converter joins Chinese lines without a space.
//
// The browser cannot load positions: on the 10,000-page corpus the
// positions of the three bigrams of 主题党日 alone are 143 KB, more than the
// whole query costs without them. So a page's phrase keys are each
// distinct substring of 3 to gramMaxRunes characters of its runs; a phrase
// of up to gramMaxRunes characters is then one key, and a longer one is
// every window of gramMaxRunes characters of it, each contiguous in the
// text. The browser looks the keys up in the phrase shards, which hold
// only lists of documents (no scores), made outside bleve (phraselists.go);
// Search checks the same keys against the stored text of the pages its
// terms match (phraseCheck). The phrase narrows what the bigram keys match
// and leaves their scores as they are.
//
// Quotes make a phrase of Latin words and numbers too ("ISO 9001"): a
// page's keys also hold its runs of 2 to gramMaxWords adjacent words (no
// CJK character between them; punctuation does not separate), joined by
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

// phraseParent is the key without its last character or word when that is
// in the same group (a key of five or six characters, or of three words),
// "" otherwise. A page holding a key holds its parent, and both are in one
// shard, so the export writes a key's documents as a part of its
// parent's (encodeSubset), which a query reads from the same file.
func phraseParent(key string) string {
	var p string
	if k := strings.TrimPrefix(key, gramKeyPrefix); strings.Contains(k, gramWordSep) {
		p = key[:strings.LastIndex(key, gramWordSep)]
	} else {
		_, n := utf8.DecodeLastRuneInString(key)
		p = key[:len(key)-n]
	}
	if len(p) <= len(gramKeyPrefix) || phraseGroup(p) != phraseGroup(key) {
		return ""
	}
	return p
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
// word runs, in the order they first occur: a page's phrase keys.
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
	runsOf(streams...).each(func(g string) {
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	})
	return out
}

// phraseRuns is what a page's phrase keys are made of: its runs of
// characters and of words, field by field.
type phraseRuns struct {
	chars []string
	words [][]string
}

// runsOf is the runs of the streams the bigram analyser made.
func runsOf(streams ...analysis.TokenStream) phraseRuns {
	var p phraseRuns
	for _, toks := range streams {
		p.chars = append(p.chars, runs(toks)...)
		p.words = append(p.words, wordRuns(toks)...)
	}
	return p
}

// each calls fn with every phrase key of p, repeats included: a key of
// characters is a substring of a run, sharing its memory.
func (p phraseRuns) each(fn func(string)) {
	var at []int // byte offset of each character of a run, and its end
	for _, run := range p.chars {
		at = at[:0]
		for i := range run {
			at = append(at, i)
		}
		at = append(at, len(run))
		chars := len(at) - 1
		for i := 0; i < chars; i++ {
			for n := gramMinRunes; n <= gramMaxRunes && i+n <= chars; n++ {
				fn(run[at[i]:at[i+n]])
			}
		}
	}
	for _, w := range p.words {
		for n := 2; n <= min(gramMaxWords, len(w)); n++ {
			for i := 0; i+n <= len(w); i++ {
				fn(strings.Join(w[i:i+n], gramWordSep))
			}
		}
	}
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

// phraseCheck decides from a page's stored text whether the page has each
// of a query's phrase keys: exactly when grams of its text would hold the
// key, which is what the export's lists say. Search checks the pages that
// match the query's terms, instead of looking the keys up in bleve, which
// does not hold them (phraselists.go).
type phraseCheck struct {
	a     analysis.Analyzer
	keys  []string // without gramKeyPrefix
	plain []bool   // by key: every character is plainHan
}

// newPhraseCheck is the check of pkeys (phraseKeys), nil when there are
// none.
func newPhraseCheck(a analysis.Analyzer, pkeys []string) *phraseCheck {
	if len(pkeys) == 0 {
		return nil
	}
	c := &phraseCheck{a: a}
	for _, k := range pkeys {
		k = strings.TrimPrefix(k, gramKeyPrefix)
		c.keys = append(c.keys, k)
		c.plain = append(c.plain, !strings.Contains(k, gramWordSep) && !strings.ContainsFunc(k, func(r rune) bool { return !plainHan(r) }))
	}
	return c
}

// plainHan reports whether r is a Han letter that the analysis always
// makes a bigram character of, unchanged, chained to a plainHan neighbour:
// the tokenizer makes each its own token (no rule but the Han one takes
// it, as 々 and 〻 are also letters of words), and neither the width nor
// the case filter changes it. A key of such characters (a phrase key is a
// substring of a run of the query, so Unicode 8's tables took each for
// ideographic) is in a run of a text exactly when it is a substring of the
// text, which saves analysing every page a common phrase's bigrams match.
// Width folding (foldWidth) touches no Han letter either.
func plainHan(r rune) bool {
	return unicode.Is(unicode.Han, r) && unicode.IsLetter(r) && r != '々' && r != '〻'
}

// holds reports whether the text fields (title, summary, body, meta) have
// every key, each in one field.
func (c *phraseCheck) holds(fields [4]string) bool {
	var analysed [4]*phraseRuns
	var valid [4]int8 // 0 unknown, 1 valid UTF-8, -1 not
	for i, k := range c.keys {
		found := false
		for f, text := range fields {
			if valid[f] == 0 {
				valid[f] = -1
				if utf8.ValidString(text) {
					valid[f] = 1
				}
			}
			// The tokenizer's reading of broken UTF-8 is its own.
			if c.plain[i] && valid[f] > 0 {
				found = strings.Contains(text, k)
			} else {
				if analysed[f] == nil {
					p := runsOf(c.a.Analyze([]byte(foldWidth(text))))
					analysed[f] = &p
				}
				found = analysed[f].has(k)
			}
			if found {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// has reports whether k is one of p's phrase keys, without making them all.
func (p phraseRuns) has(k string) bool {
	if strings.Contains(k, gramWordSep) {
		key := gramWordSep + k + gramWordSep
		for _, w := range p.words {
			if strings.Contains(gramWordSep+strings.Join(w, gramWordSep)+gramWordSep, key) {
				return true
			}
		}
		return false
	}
	for _, r := range p.chars {
		if strings.Contains(r, k) {
			return true
		}
	}
	return false
}
