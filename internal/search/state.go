package search

import (
	"math"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
)

// The fields whose statistics the export keeps, by number: the text fields
// in textFields order, then charField, then gramField.
const (
	numFields = 6
	charSlot  = 4
	gramSlot  = 5
)

// rawPosting is one document's frequency of a term in one field; slot is
// the document's number in the exportState.
type rawPosting struct {
	slot int32
	tf   int32
}

// keyRaw holds, for each field a key is looked up in (the four text fields
// for a text key, charField for a char key), the documents having it,
// sorted by slot. These are exactly the statistics bleve's score of the
// key reads, besides the per-document norms and the document count.
type keyRaw struct{ lists [][]rawPosting }

// exportState is what an Export computed, kept so that the next Export
// redoes only what changed documents can affect, and produces the same
// bytes as an Export from a fresh index.
//
// Documents live in slots that keep their number while they exist, so a
// change elsewhere does not renumber the statistics; export positions are
// derived from the slots' order on every Export.
type exportState struct {
	text, chars analysis.Analyzer
	lone        map[string]bool // isLoneCJK by term, a cache

	ids    []string // by slot; "" for a free slot
	slotOf map[string]int32
	free   []int32
	docs   []exportDoc          // by slot
	norms  [numFields][]float64 // by slot: bleve's field norm
	order  []int32              // export position → slot
	pos    []int32              // slot → export position
	keys   map[string]*keyRaw   // key → statistics
	enc    map[string]string    // key → encoded postings, as shipped
	terms  keyShards            // the term keys' shards
	grams  keyShards            // the phrase keys' shards
	rset   shardSet             // record shards
	dicts  dicts                // facet values the records refer to
	files  map[string][]byte    // the last Export's files
	scores []float64            // scratch of score, by slot
	hits   []int32              // scratch of score, by slot
}

func newExportState(m mapping.IndexMapping) *exportState {
	return &exportState{
		text:   analyzer(m),
		chars:  m.AnalyzerNamed(charAnalyzer),
		lone:   map[string]bool{},
		slotOf: map[string]int32{},
		keys:   map[string]*keyRaw{},
		enc:    map[string]string{},
		terms:  keyShards{set: shardSet{prefix: "t"}, target: termShardBytes},
		grams:  keyShards{set: shardSet{prefix: "p"}, target: gramShardBytes},
		rset:   shardSet{prefix: "r"},
	}
}

// addDoc gives d a slot.
func (s *exportState) addDoc(d exportDoc) int32 {
	var slot int32
	if n := len(s.free); n > 0 {
		slot, s.free = s.free[n-1], s.free[:n-1]
	} else {
		slot = int32(len(s.ids))
		s.ids = append(s.ids, "")
		s.docs = append(s.docs, exportDoc{})
		s.pos = append(s.pos, -1)
		for f := range s.norms {
			s.norms[f] = append(s.norms[f], 0)
		}
	}
	s.ids[slot], s.docs[slot] = d.id, d
	s.slotOf[d.id] = slot
	return slot
}

// removeDoc frees the slot of id; its postings must be gone already.
func (s *exportState) removeDoc(id string) {
	slot := s.slotOf[id]
	delete(s.slotOf, id)
	s.ids[slot], s.docs[slot], s.pos[slot] = "", exportDoc{}, -1
	for f := range s.norms {
		s.norms[f][slot] = 0
	}
	s.free = append(s.free, slot)
}

// sortOrder puts the documents in export order.
func (s *exportState) sortOrder() {
	s.order = s.order[:0]
	for slot, id := range s.ids {
		if id != "" {
			s.order = append(s.order, int32(slot))
		}
	}
	slices.SortFunc(s.order, func(a, b int32) int {
		x, y := &s.docs[a], &s.docs[b]
		return docOrder(x.date, y.date, x.url, y.url, x.id, y.id)
	})
	for p, slot := range s.order {
		s.pos[slot] = int32(p)
	}
}

// keyFields is the disjunction a key is scored over, and where its
// statistics come from; a phrase key is looked up in gramField and not
// scored.
func keyFields(key string) []textField {
	switch {
	case isCharKey(key):
		return []textField{{charField, 1}}
	case isGramKey(key):
		return []textField{{gramField, 0}}
	}
	return textFields()
}

// fieldSlot is the norms index of the i-th field of key.
func fieldSlot(key string, i int) int {
	switch {
	case isCharKey(key):
		return charSlot
	case isGramKey(key):
		return gramSlot
	}
	return i
}

func isCharKey(key string) bool { return strings.HasPrefix(key, charKeyPrefix) }
func isGramKey(key string) bool { return strings.HasPrefix(key, gramKeyPrefix) }

// score is the key's contribution to each document having it, as bleve's
// TF-IDF scorer computes it before the query norm: per field
// sqrt(tf)·norm·idf · boost·idf, summed over the fields in order and
// multiplied by the disjunction's coordination factor (matching fields /
// fields). The products are the same, in the same order, as bleve's
// TermQueryScorer, so the floats are the same bits.
func (s *exportState) score(key string, kr *keyRaw) []posting {
	if len(s.scores) < len(s.ids) {
		s.scores = make([]float64, len(s.ids))
		s.hits = make([]int32, len(s.ids))
	}
	n := float64(len(s.order))
	fields := keyFields(key)
	var docs []int32
	for i, f := range fields {
		list := kr.lists[i]
		if len(list) == 0 {
			continue
		}
		idf := idf(n, uint64(len(list)))
		norms := s.norms[fieldSlot(key, i)]
		for _, p := range list {
			if s.hits[p.slot] == 0 {
				docs = append(docs, p.slot)
			}
			s.scores[p.slot] += contribution(p.tf, norms[p.slot], idf, f.boost)
			s.hits[p.slot]++
		}
	}
	return s.collect(docs, len(fields))
}

// contribution is one field's part of a key's score for one document:
// the same products, in the same order, as bleve's TermQueryScorer.
func contribution(tf int32, norm, idf, boost float64) float64 {
	w := math.Sqrt(float64(tf)) * norm * idf
	return w * (boost * idf)
}

// docScore is score for the one document in slot, which must have the key.
func (s *exportState) docScore(key string, kr *keyRaw, slot int32) int64 {
	n := float64(len(s.order))
	fields := keyFields(key)
	var sum float64
	hits := 0
	for i, f := range fields {
		list := kr.lists[i]
		j, ok := slices.BinarySearchFunc(list, slot, cmpSlot)
		if !ok {
			continue
		}
		idf := idf(n, uint64(len(list)))
		sum += contribution(list[j].tf, s.norms[fieldSlot(key, i)][slot], idf, f.boost)
		hits++
	}
	return quantise(sum * (float64(hits) / float64(len(fields))))
}

func cmpSlot(p rawPosting, slot int32) int { return int(p.slot - slot) }

// collect turns the sums of score into postings in export order and clears
// them. A long list is put in order by a sweep over the positions, which
// costs less than sorting it.
func (s *exportState) collect(docs []int32, nfields int) []posting {
	out := make([]posting, 0, len(docs))
	add := func(slot int32) {
		coord := float64(s.hits[slot]) / float64(nfields)
		out = append(out, posting{doc: int(s.pos[slot]), score: quantise(s.scores[slot] * coord)})
		s.scores[slot], s.hits[slot] = 0, 0
	}
	if len(docs)*16 < len(s.order) {
		for _, slot := range docs {
			add(slot)
		}
		slices.SortFunc(out, func(a, b posting) int { return a.doc - b.doc })
		return out
	}
	for _, slot := range s.order {
		if s.hits[slot] != 0 {
			add(slot)
		}
	}
	return out
}

// isLone is isLoneCJK, remembered: analysing a term costs more than a
// lookup, and the same few thousand characters recur in every document.
func (s *exportState) isLone(t string) bool {
	lone, ok := s.lone[t]
	if !ok {
		lone = isLoneCJK(s.text, t)
		s.lone[t] = lone
	}
	return lone
}

// has reports whether the document in slot has the key in any field.
func (kr *keyRaw) has(slot int32) bool {
	for _, l := range kr.lists {
		if _, ok := slices.BinarySearchFunc(l, slot, cmpSlot); ok {
			return true
		}
	}
	return false
}

// docList is the export positions of the documents having a phrase key,
// in order: a phrase key ships documents only.
func (s *exportState) docList(kr *keyRaw) []int {
	l := kr.lists[0]
	out := make([]int, len(l))
	for i, p := range l {
		out[i] = int(s.pos[p.slot])
	}
	slices.Sort(out)
	return out
}
