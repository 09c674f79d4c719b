package search

import (
	"math"
	"slices"
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
// ones exported, and only whether the document has them (the scorer reads
// no more), while the token count keeps every token: it is the page's
// length, which the analyser gives the level of.
func (s *exportState) analyse(d Doc) *[numFields]fieldTerms {
	r := toRecord(d)
	values := [numFields]string{r.Title, r.Summary, r.Body, r.Meta, r.Chars}
	var out [numFields]fieldTerms
	for f, v := range values {
		if f == gramSlot {
			out[f] = gramTerms(grams(s.text, r.Title, r.Summary, r.Body, r.Meta))
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
				ft.tf[charKeyPrefix+term] = 1
				continue
			}
			ft.tf[term]++
		}
		out[f] = ft
	}
	return &out
}

// gramTerms is a page's phrase keys (grams) as the export names them;
// each occurs once.
func gramTerms(gs []string) fieldTerms {
	ft := fieldTerms{tf: make(map[string]int32, len(gs)), tokens: len(gs)}
	for _, g := range gs {
		ft.tf[gramKeyPrefix+g] = 1
	}
	return ft
}

// normLength is the tokens of a field whose norm bleve gives as norm: zap
// segments store the count n and read back float32(1/sqrt(n)), which
// gives n back exactly for any field shorter than millions of tokens.
func normLength(norm float64) int32 {
	if norm == 0 {
		return 0
	}
	return int32(math.Round(1 / (norm * norm)))
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
		meta: r.SrcMeta, pageURL: r.PageURL, pageTitle: r.PageTitle,
	}
}

// apply brings the state from the documents of the last Export to current,
// given the prior version of each document changed since, and renders.
//
// Only keys whose postings changed are encoded again, unless a document
// that stays moved in the export order: positions are in every key's
// encoded postings, so then every key is redone, still from the
// statistics in memory rather than from bleve, or every key of the tail
// when only documents in the tail moved. A page added after every other
// (the usual new page, dated today) moves none.
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
			ed.level = lengthLevel((*after)[charSlot].tokens)
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
	global, split := false, s.splitOf(len(s.order))
	inTail := split == s.split // every document that moved stays in the tail
	for p, slot := range prev {
		if s.ids[slot] != "" && s.pos[slot] != int32(p) {
			global = true
			if p < split || int(s.pos[slot]) < split {
				inTail = false
				break
			}
		}
	}
	if global && inTail {
		// Positions moved after the split only (a page added or deleted
		// among the newest): the main shards' postings stay, and the keys
		// to encode again are the tail's and the changed documents'.
		global = false
		for _, f := range []*keyShards{&s.tterms, &s.tgrams} {
			for k := range f.enc {
				touched[k] = true
			}
		}
	}
	return s.render(touched, global, changed, prev)
}

// diff moves the statistics of the document in slot from before to after
// (nil for a document absent on that side) and marks the keys whose
// postings changed: a key the document gained or lost, one whose frequency
// in a field changed, and every key of a title, summary or meta field whose
// length changed (the static weight divides by it). The body's length is
// in no posting, only in the document's level.
func (s *exportState) diff(slot int32, before, after *[numFields]fieldTerms, touched map[string]bool) {
	for f := range numFields {
		var b, a fieldTerms
		if before != nil {
			b = (*before)[f]
		}
		if after != nil {
			a = (*after)[f]
		}
		s.lens[f][slot] = int32(a.tokens)
		lenChanged := b.tokens != a.tokens && (f == 0 || f == 1 || f == 3)
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
			if had && old == tf && !lenChanged {
				continue
			}
			s.setPosting(term, list, slot, tf)
			touched[term] = true
		}
	}
}

func (s *exportState) setPosting(key string, list int, slot, tf int32) {
	kr := s.keys[key]
	if kr == nil {
		kr = newKeyRaw(key)
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
