package search

import (
	"bytes"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// The width and bigram filters of bleve's CJK analyser, as the analyser
// of indexed records runs them (analyser.document), without their
// allocations. bleve's width filter decodes every token into runes and
// encodes it again, changed or not, and its bigram filter allocates each
// character as a token of its own and each bigram's bytes: together 13%
// of indexing's CPU on 2,000 pages, for text that is mostly Han
// characters neither filter changes. These give the same tokens (terms,
// offsets, positions, types), which TestFastFilters and FuzzFastFilters
// hold to bleve's own filters; they expect valid UTF-8, as the shared
// analysis does.

// foldWidthTokens is bleve's CJKWidthFilter for tokens of valid UTF-8: it
// hands bleve's filter only the tokens it changes, which hold a rune of
// U+FF01–U+FF9F, encoded with a leading 0xEF byte. A token it leaves keeps
// its bytes where they were, which the lower-case filter after it then
// changes in place, as it does the width filter's copy.
func foldWidthTokens(w analysis.TokenFilter, toks analysis.TokenStream) {
	for i, t := range toks {
		if bytes.IndexByte(t.Term, 0xEF) >= 0 {
			w.Filter(toks[i : i+1])
		}
	}
}

// bigramTokens is bleve's CJKBigramFilter without unigrams for tokens of
// valid UTF-8: each ideographic character makes a bigram with the one
// before it when the two are adjacent in the text; a character with no
// adjacent neighbour on either side is a unigram (Single); every other
// token passes as it is. Positions count the tokens put out, from 1.
func bigramTokens(input analysis.TokenStream) analysis.TokenStream {
	n := charTokens(input)
	out := make(analysis.TokenStream, 0, n)
	made := make([]analysis.Token, 0, n) // the tokens made here, in one allocation
	var joined []byte                    // terms of bigrams that span two tokens
	// prev is the character before, when it can start a bigram: its term
	// (within its token's), its offsets and its token.
	var prev struct {
		term       []byte
		start, end int
		tok        *analysis.Token
		bigram     bool // it ended a bigram already
	}
	have := false
	pos := 1
	emit := func(t analysis.Token) {
		t.Position = pos
		pos++
		made = append(made, t)
		out = append(out, &made[len(made)-1])
	}
	flush := func() {
		if have && !prev.bigram {
			emit(analysis.Token{Term: prev.term, Start: prev.start, End: prev.end, Type: analysis.Single})
		}
		have = false
	}
	for _, t := range input {
		if t.Type != analysis.Ideographic {
			flush()
			t.Position = pos
			pos++
			out = append(out, t)
			continue
		}
		for i := 0; i < len(t.Term); {
			_, size := utf8.DecodeRune(t.Term[i:])
			start, end := t.Start+i, t.Start+i+size
			if have && prev.end != start {
				flush()
			}
			bigram := have
			if have {
				var term []byte
				if prev.tok == t {
					term = t.Term[i-len(prev.term) : i+size : i+size]
				} else {
					at := len(joined)
					joined = append(append(joined, prev.term...), t.Term[i:i+size]...)
					term = joined[at:len(joined):len(joined)]
				}
				emit(analysis.Token{Term: term, Start: prev.start, End: end, Type: analysis.Double})
			}
			prev.term, prev.start, prev.end, prev.tok, prev.bigram = t.Term[i:i+size:i+size], start, end, t, bigram
			have = true
			i += size
		}
	}
	flush()
	return out
}

// charTokens is how many tokens input makes one character at a time:
// each character of an ideographic run, one for any other token. It
// sizes the single allocation of the filters that split the runs.
func charTokens(input analysis.TokenStream) int {
	n := 0
	for _, t := range input {
		if t.Type == analysis.Ideographic {
			n += utf8.RuneCount(t.Term)
		} else {
			n++
		}
	}
	return n
}
