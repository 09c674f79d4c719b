package search

import (
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2/analysis"
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
type analyser struct {
	m     mapping.IndexMapping
	text  analysis.Analyzer // textFields' analyser, for the phrase runs
	chars analysis.Analyzer // charField's analyser, for the length level
}

func newAnalyser(m mapping.IndexMapping) analyser {
	return analyser{m: m, text: analyzer(m), chars: m.AnalyzerNamed(charAnalyzer)}
}

// document is rec as bleve indexes it under id, with its length level,
// and the runs of its text fields. The level is not hashed: it is a
// function of the text fields and the analysis version, which are. It is
// the scorer's page length: the tokens charField holds, every character
// of the page's text.
func (a analyser) document(id string, rec record) (*document.Document, phraseRuns, error) {
	tokens := map[string]analysis.TokenStream{}
	var text []analysis.TokenStream
	for _, f := range []struct{ name, value string }{
		{fieldTitle, rec.Title}, {fieldSummary, rec.Summary}, {fieldBody, rec.Body}, {fieldMeta, rec.Meta},
	} {
		toks := a.text.Analyze([]byte(f.value))
		tokens[f.name] = toks
		text = append(text, toks)
	}
	chars := a.chars.Analyze([]byte(rec.Chars))
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

// replay is an analyser that gives the tokens it holds, whatever text it
// is handed: the tokens the mapping's analyser made of that same text.
type replay analysis.TokenStream

func (r replay) Analyze([]byte) analysis.TokenStream { return analysis.TokenStream(r) }
