package search

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
)

// fastFilterTexts are the edges of the two filters: runs of Han broken by
// punctuation, spaces and Latin words, single characters, full-width
// forms, half-width katakana with (semi-)voiced marks, case that the
// lower-case filter changes in width, and kana, hangul and symbols.
var fastFilterTexts = []string{
	"", "党", "党建", "三会一课", "党 建", "党，建", "a党b", "党a建",
	"深入学习贯彻党的二十大精神。会议由支部书记主持。",
	"ＡＢＣ　全角　２０２４年　第１季度", "ｶﾀｶﾅ ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟﾌﾟ ｰ･", "ﾞ", "ｳﾞｧ",
	"ISO 9001 quality-management e-mail: dangjian@example.com v1.2.3",
	"ȺȾ ΣΑΣ Straße İstanbul", "カタカナとひらがなの文章、한국어 문장도 있다",
	"😀 表情 ☆★ 符号 ①②③ 〇 々 〻", "党建\n工作\t要点：\r\n一、二、三……（完）",
	"长长长长长长长长长长长长长长长长长长", "第2次修改：补充会议纪要。",
}

// TestFastFilters holds foldWidthTokens and bigramTokens to bleve's width
// and bigram filters, token by token.
func TestFastFilters(t *testing.T) {
	a := newFilterPair(t)
	for _, text := range fastFilterTexts {
		if err := a.compare(text); err != nil {
			t.Error(err)
		}
	}
}

func FuzzFastFilters(f *testing.F) {
	for _, text := range fastFilterTexts {
		f.Add(text)
	}
	a := newFilterPair(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			t.Skip("the filters are for valid UTF-8")
		}
		if err := a.compare(text); err != nil {
			t.Fatal(err)
		}
	})
}

// filterPair is the analyser's steps and bleve's own.
type filterPair struct {
	an     analyser
	bigram analysis.TokenFilter
}

func newFilterPair(tb testing.TB) filterPair {
	m, err := newMapping()
	if err != nil {
		tb.Fatal(err)
	}
	an := newAnalyser(m)
	if an.tokenizer == nil {
		tb.Fatal("the analyser does not run its own filters on the CJK analyser")
	}
	return filterPair{an: an, bigram: cjk.NewCJKBigramFilter(false)}
}

// compare analyses text both ways: the folded tokens (what charField's
// unigrams are made of) and the bigram filter's output must be equal.
func (p filterPair) compare(text string) error {
	fast := p.an.folded(text)
	slow := p.an.lower.Filter(p.an.width.Filter(p.an.tokenizer.Tokenize([]byte(text))))
	if err := sameTokens(fast, slow); err != nil {
		return fmt.Errorf("%q folded: %w", text, err)
	}
	if err := sameTokens(bigramTokens(fast), p.bigram.Filter(slow)); err != nil {
		return fmt.Errorf("%q bigrams: %w", text, err)
	}
	return nil
}

func sameTokens(got, want analysis.TokenStream) error {
	for i := range max(len(got), len(want)) {
		var g, w analysis.Token
		if i < len(got) {
			g = *got[i]
		}
		if i < len(want) {
			w = *want[i]
		}
		if string(g.Term) != string(w.Term) || g.Start != w.Start || g.End != w.End || g.Position != w.Position || g.Type != w.Type || g.KeyWord != w.KeyWord {
			return fmt.Errorf("token %d is %+v (%q), bleve's %+v (%q)", i, g, g.Term, w, w.Term)
		}
	}
	return nil
}
