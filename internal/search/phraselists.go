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
//
// A page has a key for nearly every position and length of its text
// (2,900 at 10,000 pages), so the pairs are kept flat: each page's keys
// one after another in refs, by number, rather than a growing list per
// key (millions of small slices, and a random access to each to see
// whether the page is already its last); addPhrases turns them into the
// keys' lists page by page, in slot order, so that each list comes out
// sorted and in one allocation with the others.
type freshPhrases struct {
	ids   []string         // by number
	num   map[string]int32 // a page's current number; an older one is stale
	index map[string]int32 // key → its place in keys, last and count
	keys  []string
	last  []int32 // by key: 1 + the number of the last page having it
	count []int32 // by key: the pages having it, stale ones included
	pages []int32 // by number: where the page's keys start in refs
	refs  []int32 // each page's keys, each once, page after page
}

func newFreshPhrases() *freshPhrases {
	return &freshPhrases{num: map[string]int32{}, index: map[string]int32{}}
}

// add records the keys of the page id, analysed into p, under a new number.
func (f *freshPhrases) add(id string, p phraseRuns) {
	n := int32(len(f.ids))
	f.ids = append(f.ids, id)
	f.num[id] = n
	f.pages = append(f.pages, int32(len(f.refs)))
	p.each(func(k string) {
		i, ok := f.index[k]
		if !ok {
			i = int32(len(f.keys))
			f.index[k] = i
			f.keys = append(f.keys, k)
			f.last = append(f.last, 0)
			f.count = append(f.count, 0)
		}
		// A key repeated in the page.
		if f.last[i] == n+1 {
			return
		}
		f.last[i] = n + 1
		f.count[i]++
		f.refs = append(f.refs, i)
	})
}

// keysOf is the keys (their places in keys) of the page numbered n.
func (f *freshPhrases) keysOf(n int32) []int32 {
	end := int32(len(f.refs))
	if int(n)+1 < len(f.pages) {
		end = f.pages[n+1]
	}
	return f.refs[f.pages[n]:end]
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
		s.takeFresh(docs, fresh, lists)
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

// takeFresh puts into lists the keys fresh holds of docs' pages (their
// current numbers), each key's documents in slot order: docs are in slot
// order here. A key's list has room for every page fresh counted for it,
// in one allocation for all keys, so no list grows; a key whose pages
// are all stale or gone gets none.
func (s *exportState) takeFresh(docs []exportDoc, fresh *freshPhrases, lists map[string]*keyRaw) {
	total := 0
	for _, c := range fresh.count {
		total += int(c)
	}
	postings := make([]rawPosting, total)
	at := make([][]rawPosting, len(fresh.keys))
	off := 0
	for i, c := range fresh.count {
		at[i] = postings[off : off : off+int(c)]
		off += int(c)
	}
	for _, d := range docs {
		n, ok := fresh.num[d.id]
		if !ok {
			continue
		}
		slot := s.slotOf[d.id]
		for _, i := range fresh.keysOf(n) {
			at[i] = append(at[i], rawPosting{slot: slot, tf: 1})
		}
	}
	raws := make([]keyRaw, len(fresh.keys))
	for i, k := range fresh.keys {
		if len(at[i]) > 0 {
			raws[i].lists = at[i : i+1 : i+1]
			lists[k] = &raws[i]
		}
	}
}
