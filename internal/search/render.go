package search

import (
	"encoding/json"
	"maps"
	"strconv"
)

// render brings the shards up to date. all redoes every key and record;
// otherwise only the keys in touched are scored again (for a key marked
// false, only the changed documents' scores), and only the record
// shards holding a document of changed or whose documents moved (prev is
// the order before the change) are written again.
func (s *exportState) render(touched map[string]bool, all bool, changed map[int32]bool, prev []int32) error {
	if err := s.renderTerms(touched, all, changed); err != nil {
		return err
	}
	docs := make([]exportDoc, len(s.order))
	for p, slot := range s.order {
		docs[p] = s.docs[slot]
	}
	d := newDicts(docs)
	all = all || !d.same(s.dicts)
	s.dicts = d
	if err := s.renderRecords(docs, all, changed, prev); err != nil {
		return err
	}
	return s.renderEntry(docs)
}

// keyShards is one family of key shards, the term keys' or the phrase
// keys': each key lives in the shard its hash picks.
type keyShards struct {
	target int                 // the average shard size the count is chosen for
	maps   []map[string]string // shard → its keys' encodings
	size   int                 // what sizes the number of shards
	set    shardSet
}

// family is the shards key belongs in.
func (s *exportState) family(key string) *keyShards {
	if isGramKey(key) {
		return &s.grams
	}
	return &s.terms
}

// renderTerms scores the keys again and rewrites the key shards whose
// content changed. The number of shards of a family follows its total
// size, so when it changes every key of it moves and all its shards are
// rewritten.
func (s *exportState) renderTerms(touched map[string]bool, all bool, changed map[int32]bool) error {
	if all {
		// Keys left without documents are in touched only.
		touched = maps.Clone(touched)
		if touched == nil {
			touched = make(map[string]bool, len(s.keys))
		}
		for k := range s.keys {
			touched[k] = true
		}
	}
	dirty := map[*keyShards][]string{}
	for k := range touched {
		f := s.family(k)
		old, had := s.enc[k]
		if had {
			f.size -= len(old) + len(k) + 6
		}
		kr := s.keys[k]
		if kr == nil {
			if had {
				delete(s.enc, k)
				dirty[f] = append(dirty[f], k)
			}
			continue
		}
		var enc string
		switch {
		case isGramKey(k):
			enc = encodeDocs(s.docList(kr))
		case had && !all && !touched[k]:
			enc = s.patch(k, kr, old, changed)
		default:
			enc = encodePostings(s.score(k, kr))
		}
		s.enc[k] = enc
		f.size += len(enc) + len(k) + 6
		if !had || enc != old {
			dirty[f] = append(dirty[f], k)
		}
	}
	for _, f := range []*keyShards{&s.terms, &s.grams} {
		if err := s.layout(f, dirty[f]); err != nil {
			return err
		}
	}
	return nil
}

// layout puts the dirty keys of family f in their shards and writes the
// shards they changed.
func (s *exportState) layout(f *keyShards, dirty []string) error {
	n := max(1, (f.size+f.target-1)/f.target)
	redo := map[uint32]bool{}
	if n != len(f.maps) {
		f.maps = make([]map[string]string, n)
		for i := range f.maps {
			f.maps[i] = map[string]string{}
			redo[uint32(i)] = true
		}
		for k, v := range s.enc {
			if s.family(k) == f {
				f.maps[keyHash(k)%uint32(n)][k] = v
			}
		}
	} else {
		for _, k := range dirty {
			i := keyHash(k) % uint32(n)
			if v, ok := s.enc[k]; ok {
				f.maps[i][k] = v
			} else {
				delete(f.maps[i], k)
			}
			redo[i] = true
		}
	}
	f.set.resize(n)
	for i := range redo {
		js, err := shardScript(f.set.prefix+strconv.Itoa(int(i)), f.maps[i])
		if err != nil {
			return err
		}
		f.set.set(int(i), js)
	}
	return nil
}

// renderRecords rewrites the record shards that can have changed.
func (s *exportState) renderRecords(docs []exportDoc, all bool, changed map[int32]bool, prev []int32) error {
	n := (len(docs) + recordsPerShard - 1) / recordsPerShard
	s.rset.resize(n)
	for i := range n {
		lo, hi := i*recordsPerShard, min((i+1)*recordsPerShard, len(docs))
		if !all && !s.recordsMoved(lo, hi, changed, prev) && s.rset.scripts[i] != nil {
			continue
		}
		js, err := recordScript(i, docs[lo:hi], s.dicts)
		if err != nil {
			return err
		}
		s.rset.set(i, js)
	}
	return nil
}

// recordsMoved reports whether positions lo…hi hold another document than
// before, or one that changed, or are the last and the count changed.
func (s *exportState) recordsMoved(lo, hi int, changed map[int32]bool, prev []int32) bool {
	if hi > len(prev) || (hi == len(s.order) && len(prev) != hi) {
		return true
	}
	for p := lo; p < hi; p++ {
		if s.order[p] != prev[p] || changed[s.order[p]] {
			return true
		}
	}
	return false
}

// recordScript is record shard i: what a result shows of each document,
// and for an attachment's part the page it is shown under.
func recordScript(i int, docs []exportDoc, d dicts) ([]byte, error) {
	recs := make([][]any, 0, len(docs))
	for _, doc := range docs {
		r := []any{
			doc.url, doc.title, d.types.idx[doc.typ], d.branches.idx[doc.branch],
			d.statuses.idx[doc.status], doc.day,
			doc.summary, firstRunes(doc.body, recordBodyRunes),
		}
		if doc.pageURL != "" {
			r = append(r, doc.pageURL, doc.pageTitle)
		}
		recs = append(recs, r)
	}
	return shardScript("r"+strconv.Itoa(i), recs)
}

// renderEntry writes the facet shard and the entry, which change with
// almost any change, and collects every file.
func (s *exportState) renderEntry(docs []exportDoc) error {
	meta, err := metaScript(docs, s.dicts)
	if err != nil {
		return err
	}
	d := s.dicts
	e := entry{
		Version: analysisVersion, Engine: engineFile(), Scale: scoreScale, Docs: len(docs), PerShard: recordsPerShard,
		Terms: s.terms.set.names(), Phrases: s.grams.set.names(), Gram: [3]int{gramMinRunes, gramMaxRunes, gramMaxWords}, Records: s.rset.names(), Meta: contentName("meta", meta),
		Types: d.types.list, Branches: d.branches.list, Statuses: d.statuses.list, Years: d.years.list,
	}
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	files := make(map[string][]byte, len(s.terms.set.scripts)+len(s.grams.set.scripts)+len(s.rset.scripts)+3)
	s.terms.set.addTo(files, e.Terms)
	s.grams.set.addTo(files, e.Phrases)
	s.rset.addTo(files, e.Records)
	files[exportDir+e.Meta] = meta
	files[exportDir+e.Engine] = []byte(engineJS)
	files[exportDir+"index.js"] = []byte(globalName + ".entry(" + string(b) + ");\n")
	s.files = files
	return nil
}

// output is the last Export's files, in a map of the caller's own.
func (s *exportState) output() map[string][]byte { return maps.Clone(s.files) }

// firstRunes is the first n runes of s, without decoding the rest.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// patch rescores only the changed documents having key, for a key whose
// document frequencies, and so idf, stayed the same: every other
// document's score is then what it was, bytes and all.
func (s *exportState) patch(key string, kr *keyRaw, enc string, changed map[int32]bool) string {
	for slot := range changed {
		if s.ids[slot] == "" || !kr.has(slot) {
			continue
		}
		next, ok := replaceScore(enc, int(s.pos[slot]), s.docScore(key, kr, slot))
		if !ok {
			// Cannot happen while frequencies match: a document new to
			// the key changes its frequency. Redo the key to be safe.
			return encodePostings(s.score(key, kr))
		}
		enc = next
	}
	return enc
}
