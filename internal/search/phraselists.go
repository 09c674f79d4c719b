package search

import (
	"github.com/pubgen/pubgen/internal/parallel"
)

// The phrase keys' lists of documents are made here, in plain Go, and not
// kept in bleve: a page has a key for nearly every position of its text
// and every length from gramMinRunes to gramMaxRunes, and as bleve terms
// they doubled the index and the CPU that indexing and merging its
// segments cost (10,000 pages: 112 against 58 MiB, 80 against 39 s),
// while all they were read for is the export's lists. Search checks a
// phrase against the stored text instead (holdsPhrases).

// freshPhrases is the phrase keys of the pages Update analysed while no
// export state was kept, inverted: for each key the pages having it. The
// Export that builds the state from scratch takes these lists instead of
// analysing every page again; it analyses only the pages Update did not
// (indexed by an earlier process, unchanged since).
type freshPhrases struct {
	ids   []string         // by number
	num   map[string]int32 // a page's current number; an older one is stale
	index map[string]int32 // key → its place in keys and lists
	keys  []string
	lists [][]int32 // by key: the numbers having it, ascending
}

func newFreshPhrases() *freshPhrases {
	return &freshPhrases{num: map[string]int32{}, index: map[string]int32{}}
}

// add records the keys of the page id, analysed into p, under a new number.
func (f *freshPhrases) add(id string, p phraseRuns) {
	n := int32(len(f.ids))
	f.ids = append(f.ids, id)
	f.num[id] = n
	p.each(func(k string) {
		i, ok := f.index[k]
		if !ok {
			i = int32(len(f.keys))
			f.index[k] = i
			f.keys = append(f.keys, k)
			f.lists = append(f.lists, nil)
		}
		// A page's keys come one page at a time: a repeat of a key in
		// the page is the list's last number.
		if l := f.lists[i]; len(l) == 0 || l[len(l)-1] != n {
			f.lists[i] = append(l, n)
		}
	})
}

// forget drops the page id, deleted from the index.
func (f *freshPhrases) forget(id string) { delete(f.num, id) }

// phraseChunk is how many pages addPhrases analyses at a time: their keys
// are held until they are merged.
const phraseChunk = 256

// addPhrases gives docs (in export order) their slots and fills the phrase
// keys' statistics: from fresh (which may be nil) for the pages it holds,
// by analysing the stored text of the others. The lists are in no order
// until read sorts every list by slot. Slots follow the export order, as
// positions do, so that docList's sort of a key's positions on every
// render that moves pages is a pass over a sorted list.
func (s *exportState) addPhrases(docs []exportDoc, fresh *freshPhrases) {
	for _, d := range docs {
		s.addDoc(d)
	}
	var rest []exportDoc
	var numSlot []int32
	if fresh != nil {
		numSlot = make([]int32, len(fresh.ids))
		for n, id := range fresh.ids {
			numSlot[n] = -1
			if slot, ok := s.slotOf[id]; ok && fresh.num[id] == int32(n) {
				numSlot[n] = slot
			}
		}
	}
	for _, d := range docs {
		if fresh == nil {
			rest = docs
			break
		}
		if _, ok := fresh.num[d.id]; !ok {
			rest = append(rest, d)
		}
	}
	lists := map[string]*keyRaw{}
	if fresh != nil {
		for i, k := range fresh.keys {
			var ps []rawPosting
			for _, n := range fresh.lists[i] {
				if slot := numSlot[n]; slot >= 0 {
					ps = append(ps, rawPosting{slot: slot, tf: 1})
				}
			}
			if len(ps) > 0 {
				lists[k] = &keyRaw{lists: [][]rawPosting{ps}}
			}
		}
	}
	for lo := 0; lo < len(rest); lo += phraseChunk {
		chunk := rest[lo:min(lo+phraseChunk, len(rest))]
		keys := make([][]string, len(chunk))
		parallel.For(len(chunk), func(i int) {
			d := chunk[i]
			keys[i] = grams(s.text, d.title, d.summary, d.body, d.meta)
		})
		for i, d := range chunk {
			slot := s.slotOf[d.id]
			for _, k := range keys[i] {
				kr := lists[k]
				if kr == nil {
					kr = &keyRaw{lists: make([][]rawPosting, 1)}
					lists[k] = kr
				}
				kr.lists[0] = append(kr.lists[0], rawPosting{slot: slot, tf: 1})
			}
		}
	}
	for k, kr := range lists {
		s.keys[gramKeyPrefix+k] = kr
	}
}
