package search

import (
	"math"
	"slices"
	"strings"
	"time"
)

// fieldTerms is one field of a document as bleve indexes it: each term's
// frequency, and the number of tokens, from which bleve derives the norm.
type fieldTerms struct {
	tf     map[string]int32
	tokens int
}

// analyse analyses d's record field by field, exactly as bleve does when
// it indexes the record. Char keys keep only lone CJK characters, the only
// ones exported, while the token count keeps every token.
func (s *exportState) analyse(d Doc) *[numFields]fieldTerms {
	r := withGrams(s.text, toRecord(d))
	values := [numFields]string{r.Title, r.Summary, r.Body, r.Meta, r.Chars, r.Grams}
	var out [numFields]fieldTerms
	for f, v := range values {
		if f == gramSlot {
			out[f] = gramTerms(v)
			continue
		}
		a := s.text
		if f == charSlot {
			a = s.chars
		}
		toks := a.Analyze([]byte(v))
		ft := fieldTerms{tf: make(map[string]int32, len(toks)), tokens: len(toks)}
		for _, t := range toks {
			term := string(t.Term)
			if f == charSlot {
				if !s.isLone(term) {
					continue
				}
				term = charKeyPrefix + term
			}
			ft.tf[term]++
		}
		out[f] = ft
	}
	return &out
}

// gramTerms is gramField's keys as the export names them; each occurs once.
func gramTerms(v string) fieldTerms {
	gs := strings.Fields(v)
	ft := fieldTerms{tf: make(map[string]int32, len(gs)), tokens: len(gs)}
	for _, g := range gs {
		ft.tf[gramKeyPrefix+g] = 1
	}
	return ft
}

// fieldNorm is the norm bleve's zap segments give a field of n tokens: the
// segment stores n and reads back float32(1/sqrt(n)).
func fieldNorm(n int) float64 {
	return float64(float32(1.0 / math.Sqrt(float64(n))))
}

// exportDocOf is d as exportDocs reads it back from bleve: the date went
// through the stored RFC 3339 text, which keeps whole seconds and the
// offset.
func exportDocOf(d Doc) exportDoc {
	r := toRecord(d)
	date, _ := time.Parse(time.RFC3339, r.Date)
	return exportDoc{
		id: d.ID, url: r.URL, title: r.SrcTitle, summary: r.SrcSummary, body: r.SrcBody,
		typ: r.Type, branch: r.Branch, status: r.Status, date: date, day: r.Day, year: r.Year,
		pageURL: r.PageURL, pageTitle: r.PageTitle,
	}
}

// apply brings the state from the documents of the last Export to current,
// given the prior version of each document changed since, and renders.
//
// Only keys whose statistics changed are scored again, unless the document
// count or the export order changed: the count is in every key's idf and
// the order in every key's encoded postings, so then every key is redone,
// still from the statistics in memory rather than from bleve.
func (s *exportState) apply(since map[string]priorDoc, current map[string]Doc) error {
	touched := map[string]bool{}
	changed := map[int32]bool{}
	prev := slices.Clone(s.order)
	resort := false
	for id, prior := range since {
		cur, present := current[id]
		if prior.present == present && (!present || sameDoc(prior.doc, cur)) {
			continue
		}
		var before, after *[numFields]fieldTerms
		if prior.present {
			before = s.analyse(prior.doc)
		}
		var slot int32
		if present {
			after = s.analyse(cur)
			ed := exportDocOf(cur)
			if prior.present {
				slot = s.slotOf[id]
				old := s.docs[slot]
				resort = resort || !old.date.Equal(ed.date) || old.url != ed.url
				s.docs[slot] = ed
			} else {
				slot = s.addDoc(ed)
				resort = true
			}
		} else {
			slot = s.slotOf[id]
			resort = true
		}
		s.diff(slot, before, after, touched)
		if !present {
			s.removeDoc(id)
		}
		changed[slot] = true
	}
	if len(changed) == 0 {
		return nil
	}
	if resort {
		s.sortOrder()
	}
	global := !slices.Equal(prev, s.order)
	return s.render(touched, global, changed, prev)
}

// diff moves the statistics of the document in slot from before to after
// (nil for a document absent on that side) and marks the keys whose
// statistics changed: true when the key's document frequency in a field
// changed, which changes its idf and so every document's score, false when
// only this document's frequency or field norm did. A key whose frequency
// and field norm stayed the same keeps its scores, unless its document
// frequency or the count changed, which marks it through another document
// or makes apply redo every key.
func (s *exportState) diff(slot int32, before, after *[numFields]fieldTerms, touched map[string]bool) {
	for f := range numFields {
		var b, a fieldTerms
		if before != nil {
			b = (*before)[f]
		}
		if after != nil {
			a = (*after)[f]
		}
		normChanged := b.tokens != a.tokens
		if a.tokens > 0 {
			s.norms[f][slot] = fieldNorm(a.tokens)
		} else {
			s.norms[f][slot] = 0
		}
		list := f
		if f == charSlot || f == gramSlot {
			list = 0
		}
		for term := range b.tf {
			if _, ok := a.tf[term]; !ok {
				s.removePosting(term, list, slot)
				touched[term] = true
			}
		}
		for term, tf := range a.tf {
			old, had := b.tf[term]
			if had && old == tf && !normChanged {
				continue
			}
			s.setPosting(term, list, slot, tf)
			touched[term] = touched[term] || !had
		}
	}
}

func (s *exportState) setPosting(key string, list int, slot, tf int32) {
	kr := s.keys[key]
	if kr == nil {
		kr = &keyRaw{lists: make([][]rawPosting, len(keyFields(key)))}
		s.keys[key] = kr
	}
	l := kr.lists[list]
	i, found := slices.BinarySearchFunc(l, slot, cmpSlot)
	if found {
		l[i].tf = tf
		return
	}
	kr.lists[list] = slices.Insert(l, i, rawPosting{slot: slot, tf: tf})
}

func (s *exportState) removePosting(key string, list int, slot int32) {
	kr := s.keys[key]
	if kr == nil {
		return
	}
	l := kr.lists[list]
	i, found := slices.BinarySearchFunc(l, slot, cmpSlot)
	if !found {
		return
	}
	kr.lists[list] = slices.Delete(l, i, i+1)
	for _, l := range kr.lists {
		if len(l) > 0 {
			return
		}
	}
	delete(s.keys, key)
}
