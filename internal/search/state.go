package search

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
)

// The fields whose statistics the export keeps, by number: the text fields
// in textFields order, then charField, then the phrase keys (phrase.go),
// which are no bleve field.
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
// for a text key, charField for a char key, one list for a phrase key),
// the documents having it, sorted by slot: the statistics the scorer reads
// from bleve's postings, besides the documents' lengths and levels.
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

	ids       []string // by slot; "" for a free slot
	slotOf    map[string]int32
	free      []int32
	docs      []exportDoc        // by slot
	lens      [numFields][]int32 // by slot: the field's tokens
	order     []int32            // export position → slot
	pos       []int32            // slot → export position
	keys      map[string]*keyRaw // key → statistics
	split     int                // the first position of the tail (splitOf)
	tailBlock int                // tailBlock, or a test's own
	terms     keyShards          // the term keys' shards: positions before split
	grams     keyShards          // the phrase keys' shards: positions before split
	tterms    keyShards          // the term keys' tail shards: positions from split on
	tgrams    keyShards          // the phrase keys' tail shards
	rset      shardSet           // record shards
	levels    []byte             // the level file's script
	dicts     dicts              // facet values the records refer to
	files     map[string][]byte  // the last Export's files
	tfs       [][4]int32         // scratch of encodeText, by slot
	// parents is parentList's memo for one renderTerms.
	parents map[string][]int
}

func newExportState(m mapping.IndexMapping) *exportState {
	return &exportState{
		text:      analyzer(m),
		chars:     m.AnalyzerNamed(charAnalyzer),
		lone:      map[string]bool{},
		slotOf:    map[string]int32{},
		keys:      map[string]*keyRaw{},
		terms:     keyShards{set: shardSet{prefix: "t", group: termGroup}, target: termShardBytes, enc: map[string]string{}},
		grams:     keyShards{set: shardSet{prefix: "p", group: gramGroup}, target: gramShardBytes, enc: map[string]string{}},
		tterms:    keyShards{set: shardSet{prefix: "tn", inline: true}, target: tailShardBytes, most: tailTermShards, enc: map[string]string{}},
		tgrams:    keyShards{set: shardSet{prefix: "pn", inline: true}, target: tailShardBytes, most: tailGramShards, enc: map[string]string{}},
		tailBlock: tailBlock,
		rset:      shardSet{prefix: "r", group: recordGroup, unnumbered: true},
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
		for f := range s.lens {
			s.lens[f] = append(s.lens[f], 0)
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
	for f := range s.lens {
		s.lens[f][slot] = 0
	}
	s.free = append(s.free, slot)
}

// The tail is the newest pages, the positions from splitOf(n) on: their
// postings ship in shards of their own, a fixed few (tterms, tgrams),
// counted from the split. A page added after every other, the usual new
// page dated today, changes the lists of all its keys, which the main
// shards spread over nearly all of them (808 files at 10,000 pages); in
// the tail they are its few shards, and the main shards stay. The split
// is a function of the number of pages alone, so a clean export draws it
// where a session that lived through the edits does: each time the count
// reaches a multiple of tailBlock the tail folds into the main shards,
// and that export rewrites them. A query loads a tail shard per key
// besides its main one: its family has a shard per tailShardBytes, at most
// 16 (terms) or 24 (phrases), so that an added page writes at most 40 tail
// shards and a key's tail shard stays near a kilobyte.
const (
	tailBlock      = 32
	tailShardBytes = 512
	tailTermShards = 16
	tailGramShards = 24
)

// splitOf is the first position of the tail among n pages.
func (s *exportState) splitOf(n int) int { return n - n%s.tailBlock }

// sortOrder puts the documents in export order: the reverse of docOrder,
// oldest first, so that the usual new page, dated today, takes the last
// position and moves no other document's number.
//
// Positions are dense, so deleting a page (or adding one dated in the
// past) moves every later page by one, and every key list spanning it is
// written again: at 10,000 pages of the corpus 1,656 to 1,725 files, every
// key shard (1,503) and the record directories after it (records are
// named by content and stay). Numbers that no deletion moves would not
// bring that near a body edit's few dozen: a page's own keys (2,300 to
// 2,900 there) are in 938 to 1,026 of the 1,503 key shards (three pages
// measured), each of which must lose it, so a deletion would still write
// about 1,100 files; folding the tail is the same, 32 pages' keys into
// nearly every main shard. Keeping a deleted page's number free would
// make the shards depend on the order of past edits, and a clean build
// would write other bytes than a session that lived through them: the
// byte-for-byte rule wins. Numbers anchored to a page's date with free
// slots between them would be history-independent, but measured on the
// generated corpus they still move 1.45 other pages per deletion with 2.3
// numbers per page (0.71 with 4.6), and every number costs the level
// file, the facet file and every bitmap list its share: bytes every query
// loads, for an edit that is rare.
func (s *exportState) sortOrder() {
	s.order = s.order[:0]
	for slot, id := range s.ids {
		if id != "" {
			s.order = append(s.order, int32(slot))
		}
	}
	slices.SortFunc(s.order, func(a, b int32) int {
		x, y := &s.docs[a], &s.docs[b]
		return docOrder(y.date, x.date, y.url, x.url, y.id, x.id)
	})
	for p, slot := range s.order {
		s.pos[slot] = int32(p)
	}
}

// keyFields is the disjunction a text or char key is matched over, and
// where its statistics come from.
func keyFields(key string) []textField {
	if isCharKey(key) {
		return []textField{{charField, 1}}
	}
	return textFields()
}

// newKeyRaw is an empty keyRaw for key: a list per field, one for a
// phrase key, which is not scored.
func newKeyRaw(key string) *keyRaw {
	if isGramKey(key) {
		return &keyRaw{lists: make([][]rawPosting, 1)}
	}
	return &keyRaw{lists: make([][]rawPosting, len(keyFields(key)))}
}

func isCharKey(key string) bool { return strings.HasPrefix(key, charKeyPrefix) }
func isGramKey(key string) bool { return strings.HasPrefix(key, gramKeyPrefix) }

// encodeKey is the shipped form of a key's postings, its documents before
// the split and those from it on (counted from the split): for a text key
// each document's body frequency and static weight (encodeTextPostings),
// for a char or phrase key only the documents (encodeDocs), for a phrase
// key with a parent each part as a subset of the parent's same part
// (encodeSubset), which is in the same family's same shard. A part
// without documents is "".
func (s *exportState) encodeKey(key string, kr *keyRaw) (main, tail string) {
	if isCharKey(key) || isGramKey(key) {
		docs := s.splitList(s.docList(kr))
		if p := phraseParent(key); isGramKey(key) && p != "" {
			parent := s.splitList(s.parentList(p))
			return encodeSubset(docs[0], parent[0]), encodeSubset(docs[1], parent[1])
		}
		return encodeDocs(docs[0]), encodeDocs(docs[1])
	}
	ps := s.textPostings(kr)
	i, _ := slices.BinarySearchFunc(ps, s.split, func(p textPosting, d int) int { return p.doc - d })
	rest := ps[i:]
	for j := range rest {
		rest[j].doc -= s.split
	}
	return encodeTextPostings(ps[:i]), encodeTextPostings(rest)
}

// splitList parts a sorted list of positions at the split: those before
// it, and those from it on, counted from it.
func (s *exportState) splitList(docs []int) [2][]int {
	i, _ := slices.BinarySearch(docs, s.split)
	rest := slices.Clone(docs[i:])
	for j := range rest {
		rest[j] -= s.split
	}
	return [2][]int{docs[:i], rest}
}

// parentList is docList of the phrase key p, kept for the render under
// way (s.parents): a key of four or five characters is the parent of
// several.
func (s *exportState) parentList(p string) []int {
	if l, ok := s.parents[p]; ok {
		return l
	}
	l := s.docList(s.keys[p])
	s.parents[p] = l
	return l
}

// textPostings collects a text key's frequencies per document over the
// four fields, in export order.
func (s *exportState) textPostings(kr *keyRaw) []textPosting {
	if len(s.tfs) < len(s.ids) {
		s.tfs = make([][4]int32, len(s.ids))
	}
	var slots []int32
	for f, list := range kr.lists {
		for _, p := range list {
			if s.tfs[p.slot] == ([4]int32{}) {
				slots = append(slots, p.slot)
			}
			s.tfs[p.slot][f] = p.tf
		}
	}
	slices.SortFunc(slots, func(a, b int32) int { return int(s.pos[a] - s.pos[b]) })
	ps := make([]textPosting, len(slots))
	for i, slot := range slots {
		tf := s.tfs[slot]
		lens := [4]int32{s.lens[0][slot], s.lens[1][slot], s.lens[2][slot], s.lens[3][slot]}
		ps[i] = textPosting{doc: int(s.pos[slot]), body: tf[bodySlot], static: staticWeight(tf, lens)}
		s.tfs[slot] = [4]int32{}
	}
	return ps
}

// bodySlot is the body's index in textFields.
const bodySlot = 2

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

func cmpSlot(p rawPosting, slot int32) int { return int(p.slot - slot) }
