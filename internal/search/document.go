package search

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
)

// analyser makes the bleve documents of records with each text field
// analysed once. Indexing a record needs its text analysed for three
// things: bleve's postings of the text fields and of charField, the runs
// of the text fields that its phrase keys are made of (phrase.go), and the
// length level, the number of charField's tokens. Handing bleve the record
// to analyse after the runs and the level had been computed analysed every
// page twice, about a fifth of a cold build's CPU on 10,000 pages. So the
// analyser runs the mapping's own analysers once, derives the runs and the
// level from their tokens, and gives bleve the document the mapping makes
// of the record with those tokens to replay (TestSharedAnalysis holds the
// two ways to the same terms). Its methods may be called from several
// goroutines.
//
// charField's text is the text fields' own, joined by line breaks (see
// toRecord), and its analyser starts as theirs (the Unicode tokenizer, the
// width and case folds) but keeps of the bigram filter's output only its
// single characters. So the tokens of the text fields before their bigram
// filter make charField's too (unigrams): the text is tokenized once, not
// twice, and no bigrams are made only to be dropped (with the second
// tokenization, over a third of the analysis). TestSharedAnalysis holds
// the two to what bleve's char analyser indexes.
type analyser struct {
	m     mapping.IndexMapping
	text  analysis.Analyzer // textFields' analyser, for the phrase runs
	chars analysis.Analyzer // charField's analyser, for the length level
	// tokenizer, width and lower are text's steps apart when it is the
	// CJK analyser bleve builds (tokenizer, width, lower case, bigrams),
	// whose width and bigram filters are run as filters.go does them;
	// tokenizer is nil otherwise, and chars analyses charField's text.
	tokenizer    analysis.Tokenizer
	width, lower analysis.TokenFilter
}

func newAnalyser(m mapping.IndexMapping) analyser {
	a := analyser{m: m, text: analyzer(m), chars: m.AnalyzerNamed(charAnalyzer)}
	if d, ok := a.text.(*analysis.DefaultAnalyzer); ok && len(d.CharFilters) == 0 && len(d.TokenFilters) == 3 {
		_, width := d.TokenFilters[0].(*cjk.CJKWidthFilter)
		_, lower := d.TokenFilters[1].(*lowercase.LowerCaseFilter)
		if _, ok := d.TokenFilters[2].(*cjk.CJKBigramFilter); ok && width && lower {
			a.tokenizer, a.width, a.lower = d.Tokenizer, d.TokenFilters[0], d.TokenFilters[1]
		}
	}
	return a
}

// document is rec as bleve indexes it under id, with its length level,
// and the runs of its text fields. The level is not hashed: it is a
// function of the text fields and the analysis version, which are. It is
// the scorer's page length: the tokens charField holds, every character
// of the page's text.
func (a analyser) document(id string, rec record) (*document.Document, phraseRuns, error) {
	tokens := map[string]analysis.TokenStream{}
	var text []analysis.TokenStream
	fields := []struct{ name, value string }{
		{fieldTitle, rec.Title}, {fieldSummary, rec.Summary}, {fieldBody, rec.Body}, {fieldMeta, rec.Meta},
	}
	// Bytes that are not UTF-8 stop the tokenizer, which then gives the
	// joined text fewer tokens than its parts: such a record's
	// characters are analysed on their own.
	shared := a.tokenizer != nil && joinedLines(rec.Chars, rec.Title, rec.Summary, rec.Body, rec.Meta) && utf8.ValidString(rec.Chars)
	var chars analysis.TokenStream
	for _, f := range fields {
		var toks analysis.TokenStream
		if shared {
			toks = a.folded(f.value)
			// Before the bigram filter, which renumbers the tokens it
			// passes on.
			chars = appendUnigrams(chars, toks)
			toks = bigramTokens(toks)
		} else {
			toks = a.text.Analyze([]byte(f.value))
		}
		tokens[f.name] = toks
		text = append(text, toks)
	}
	if !shared {
		chars = a.chars.Analyze([]byte(rec.Chars))
	}
	tokens[charField] = chars
	rec.Level = strconv.Itoa(lengthLevel(len(chars)))

	doc := document.NewDocument(id)
	if err := a.m.MapDocument(doc, rec); err != nil {
		return nil, phraseRuns{}, fmt.Errorf("search: indexing %s: %w", id, err)
	}
	for i, f := range doc.Fields {
		tf, ok := f.(*document.TextField)
		if !ok {
			continue
		}
		if toks, ok := tokens[tf.Name()]; ok {
			doc.Fields[i] = document.NewTextFieldCustom(tf.Name(), tf.ArrayPositions(), tf.Value(), tf.Options(), replay(toks))
		}
	}
	return doc, runsOf(text...), nil
}

// folded is text tokenized and folded (width, case) as the text fields'
// analyser does before its bigrams; a.tokenizer must be set.
func (a analyser) folded(text string) analysis.TokenStream {
	toks := a.tokenizer.Tokenize([]byte(text))
	foldWidthTokens(a.width, toks)
	return a.lower.Filter(toks)
}

// replay is an analyser that gives the tokens it holds, whatever text it
// is handed: the tokens the mapping's analyser made of that same text.
type replay analysis.TokenStream

func (r replay) Analyze([]byte) analysis.TokenStream { return analysis.TokenStream(r) }

// appendUnigrams appends to chars what charField's analyser keeps of
// tokens (the text's, tokenized and folded): each character of an
// ideographic run, which its bigram filter gives as a unigram once, and
// every other token one character long (its length filter drops the
// rest). Only the terms and their number are indexed, since charField
// keeps no term vectors: the tokens carry no positions.
func appendUnigrams(chars, tokens analysis.TokenStream) analysis.TokenStream {
	n := charTokens(tokens)
	// The tokens are made in one allocation, not one each.
	made := make([]analysis.Token, 0, n)
	add := func(t analysis.Token) {
		made = append(made, t)
		chars = append(chars, &made[len(made)-1])
	}
	for _, t := range tokens {
		if t.Type != analysis.Ideographic {
			if utf8.RuneCount(t.Term) == 1 {
				add(analysis.Token{Term: t.Term, Start: t.Start, End: t.End, Type: t.Type})
			}
			continue
		}
		for i := 0; i < len(t.Term); {
			_, n := utf8.DecodeRune(t.Term[i:])
			add(analysis.Token{Term: t.Term[i : i+n], Start: t.Start + i, End: t.Start + i + n, Type: analysis.Single})
			i += n
		}
	}
	return chars
}

// joinedLines reports whether s is parts joined by line breaks, which
// the tokenizer never joins a word across.
func joinedLines(s string, parts ...string) bool {
	for i, p := range parts {
		if i > 0 {
			if !strings.HasPrefix(s, "\n") {
				return false
			}
			s = s[1:]
		}
		if !strings.HasPrefix(s, p) {
			return false
		}
		s = s[len(p):]
	}
	return s == ""
}
