package search

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/length"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// analysisVersion names the mapping, the analysis and the export scoring.
// Open rebuilds the index from scratch when the stored value differs, so
// bump it whenever any of those change.
const analysisVersion = "pubgen-search-13"

// Field names in the bleve document. textFields are the bigram-analysed
// fields that a term of the query is looked up in (as a disjunction, in this
// order); charField holds single characters for one-character query terms.
const (
	fieldTitle    = "title"
	fieldSummary  = "summary"
	fieldBody     = "body"
	fieldMeta     = "meta"
	charField     = "chars"
	fieldURL      = "url"
	fieldType     = "type"
	fieldBranch   = "branch"
	fieldCategory = "category"
	fieldStatus   = "status"
	fieldDate     = "date"
	fieldDay      = "day"
	fieldYear     = "year"
	fieldHash     = "hash"
	fieldPageURL  = "page_url"   // Doc.PageURL
	fieldPageName = "page_title" // Doc.PageTitle
	fieldLevel    = "level"      // the page's length level, see the scorer

	// The indexed text fields hold width-folded text (see foldWidth); the
	// page's own text, shown in results, is stored beside them unfolded.
	srcTitle   = "src_title"
	srcSummary = "src_summary"
	srcBody    = "src_body"
	srcMeta    = "src_meta" // the meta field's text: the phrase check reads it (phrase.go)

	charAnalyzer = "pubgen_chars"
	unigramsOnly = "pubgen_unigrams"
	singleRune   = "pubgen_single_rune"
)

// textField is one field a query term is matched against, with the boost
// bleve applies to it; the export multiplies by the same boost.
type textField struct {
	name  string
	boost float64
}

// textFields is the disjunction each non-single-character query term
// becomes, in order. A title match weighs most: readers search for what a
// page is called. It returns a fresh slice, so no caller can change the
// scoring of another.
func textFields() []textField {
	return []textField{
		{fieldTitle, 3},
		{fieldSummary, 1.5},
		{fieldBody, 1},
		{fieldMeta, 1.5},
	}
}

// newMapping builds the index mapping. Documents have a fixed set of fields
// and nothing dynamic, so a page's front matter can never change the schema.
func newMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	err := im.AddCustomTokenFilter(unigramsOnly, map[string]any{
		"type": cjk.BigramName, "output_unigram": true,
	})
	if err != nil {
		return nil, err
	}
	err = im.AddCustomTokenFilter(singleRune, map[string]any{
		"type": length.Name, "min": 1.0, "max": 1.0,
	})
	if err != nil {
		return nil, err
	}
	err = im.AddCustomAnalyzer(charAnalyzer, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []any{cjk.WidthName, lowercase.Name, unigramsOnly, singleRune},
	})
	if err != nil {
		return nil, err
	}
	im.DefaultAnalyzer = cjk.AnalyzerName
	im.DefaultMapping = pageMapping()
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im, nil
}

func pageMapping() *mapping.DocumentMapping {
	dm := bleve.NewDocumentStaticMapping()
	text := func(analyzer string, store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func(index bool) *mapping.FieldMapping {
		f := text(keyword.Name, true)
		f.Index = index
		return f
	}
	for _, f := range textFields() {
		dm.AddFieldMappingsAt(f.name, text(cjk.AnalyzerName, false))
	}
	dm.AddFieldMappingsAt(charField, text(charAnalyzer, false))
	stored := []string{fieldURL, fieldType, fieldBranch, fieldCategory, fieldStatus, fieldDate, fieldDay, fieldYear, fieldHash, fieldLevel, srcTitle, srcSummary, srcBody, srcMeta, fieldPageURL, fieldPageName}
	for _, name := range stored {
		dm.AddFieldMappingsAt(name, kw(false))
	}
	return dm
}
