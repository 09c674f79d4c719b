package search

import (
	"encoding/json"
	"maps"
	"strconv"
	"strings"
)

// render brings the shards up to date. all redoes every key and record;
// otherwise only the keys in touched are encoded again, and only the
// record shards holding a document of changed or whose documents moved
// (prev is the order before the change) are written again.
func (s *exportState) render(touched map[string]bool, all bool, changed map[int32]bool, prev []int32) error {
	// A split elsewhere puts positions on the other side of it: every key
	// is encoded again, as when documents move.
	relist := all
	if sp := s.splitOf(len(s.order)); sp != s.split {
		s.split, relist = sp, true
	}
	if err := s.renderTerms(touched, relist); err != nil {
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
	if err := s.renderLevels(docs); err != nil {
		return err
	}
	return s.renderEntry(docs)
}

// keyShards is one family of key shards, the term keys' or the phrase
// keys', of the main positions or of the tail: each key lives in the shard
// its hash picks.
type keyShards struct {
	target int                 // the average shard size the count is chosen for
	most   int                 // the most shards of a tail family, whatever its size
	enc    map[string]string   // key → its encoded postings in this family, as shipped
	maps   []map[string]string // shard → its keys' encodings
	size   int                 // what sizes the number of shards
	set    shardSet
}

// put makes enc key's encoding in f ("" for none) and reports whether that
// changed it.
func (f *keyShards) put(key, enc string) bool {
	old, had := f.enc[key]
	if had && old == enc {
		return false
	}
	if had {
		f.size -= len(old) + len(key) + 6
		delete(f.enc, key)
	}
	if enc == "" {
		return had
	}
	f.enc[key] = enc
	f.size += len(enc) + len(key) + 6
	return true
}

// count is the number of shards of f: none without keys, else what makes
// an average shard f.target, at most f.most in a tail family.
func (f *keyShards) count() int {
	if len(f.enc) == 0 {
		return 0
	}
	n := max(1, (f.size+f.target-1)/f.target)
	if f.most > 0 {
		n = min(n, f.most)
	}
	return n
}

// families is where key's postings go: its main family and its tail's.
func (s *exportState) families(key string) (main, tail *keyShards) {
	if isGramKey(key) {
		return &s.grams, &s.tgrams
	}
	return &s.terms, &s.tterms
}

func (s *exportState) keyFamilies() []*keyShards {
	return []*keyShards{&s.terms, &s.grams, &s.tterms, &s.tgrams}
}

// renderTerms encodes the keys again and rewrites the key shards whose
// content changed. The number of shards of a family follows its total
// size; a change of it moves the keys of one shard (see bucket).
func (s *exportState) renderTerms(touched map[string]bool, all bool) error {
	if all {
		// Keys left without documents are in touched only.
		touched = maps.Clone(touched)
		if touched == nil {
			touched = make(map[string]bool, len(s.keys))
		}
		for k := range s.keys {
			touched[k] = true
		}
	} else {
		touched = s.withChildren(touched)
	}
	s.parents = map[string][]int{}
	defer func() { s.parents = nil }()
	dirty := map[*keyShards][]string{}
	for k := range touched {
		var main, tail string
		if kr := s.keys[k]; kr != nil {
			main, tail = s.encodeKey(k, kr)
		}
		mf, tf := s.families(k)
		if mf.put(k, main) {
			dirty[mf] = append(dirty[mf], k)
		}
		if tf.put(k, tail) {
			dirty[tf] = append(dirty[tf], k)
		}
	}
	for _, f := range s.keyFamilies() {
		if err := layout(f, dirty[f]); err != nil {
			return err
		}
	}
	return nil
}

// withChildren is touched with the phrase keys whose parent (phraseParent)
// it holds: a child's encoding is a subset of its parent's list, which
// moves when the parent's list changes, although the child's own does
// not. The children that exist are in their parent's shard, of the main
// family or the tail's, as the last render left it; one made since is in
// touched itself.
func (s *exportState) withChildren(touched map[string]bool) map[string]bool {
	var children []string
	for k := range touched {
		if !isGramKey(k) {
			continue
		}
		for _, f := range []*keyShards{&s.grams, &s.tgrams} {
			if len(f.maps) == 0 {
				continue
			}
			for c := range f.maps[bucket(shardHash(k), len(f.maps))] {
				if len(c) > len(k) && strings.HasPrefix(c, k) && !touched[c] && phraseParent(c) == k {
					children = append(children, c)
				}
			}
		}
	}
	if len(children) == 0 {
		return touched
	}
	touched = maps.Clone(touched)
	for _, c := range children {
		touched[c] = true
	}
	return touched
}

// layout puts the dirty keys of family f in their shards and writes the
// shards they changed. When the number of shards changes, every key is
// placed again, and set keeps the shards whose bytes stayed the same.
func layout(f *keyShards, dirty []string) error {
	n := f.count()
	redo := map[int]bool{}
	if n != len(f.maps) {
		f.maps = make([]map[string]string, n)
		for i := range f.maps {
			f.maps[i] = map[string]string{}
			redo[i] = true
		}
		for k, v := range f.enc {
			f.maps[bucket(shardHash(k), n)][k] = v
		}
	} else {
		for _, k := range dirty {
			i := bucket(shardHash(k), n)
			if v, ok := f.enc[k]; ok {
				f.maps[i][k] = v
			} else {
				delete(f.maps[i], k)
			}
			redo[i] = true
		}
	}
	f.set.resize(n)
	for i := range redo {
		js, err := shardScript(f.set.prefix+strconv.Itoa(i), f.maps[i])
		if err != nil {
			return err
		}
		f.set.set(i, js)
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
		js, err := recordScript(docs[lo:hi], s.dicts)
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

// recordScript is a record shard: what a result shows of each document,
// and for an attachment's part the page it is shown under. It does not
// name its number, which is its place in the export order: a record shard
// is named by its content alone (shardSet.unnumbered).
func recordScript(docs []exportDoc, d dicts) ([]byte, error) {
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
	return shardScript("r", recs)
}

// renderLevels writes the level file: every document's length level (see
// the scorer), which every text and char key's score reads, packed by
// packLevels, in export order. It is one file, not shards of it: a common
// key's matches are spread over the whole site, so its query loaded every
// shard, one request each (twenty at 10,000 pages), and the whole file is
// about half a byte per page. A body edit still changes one file.
func (s *exportState) renderLevels(docs []exportDoc) error {
	levels := make([]int, len(docs))
	for i, d := range docs {
		levels[i] = d.level
	}
	js, err := shardScript("levels", packLevels(levels))
	if err != nil {
		return err
	}
	s.levels = js
	return nil
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
		Version: analysisVersion, Engine: engineFile(), Scale: scoreScale, Static: staticScale, Docs: len(docs),
		PerShard: recordsPerShard, Levels: contentName("levels", s.levels),
		Gram: [3]int{gramMinRunes, gramMaxRunes, gramMaxWords}, Meta: contentName("meta", meta), Tail: s.split,
		Types: d.types.list, Branches: d.branches.list, Statuses: d.statuses.list, Years: d.years.list,
	}
	sets := []*shardSet{&s.terms.set, &s.grams.set, &s.tterms.set, &s.tgrams.set, &s.rset}
	names := []*shardNames{&e.Terms, &e.Phrases, &e.TailTerms, &e.TailPhrases, &e.Records}
	for i, set := range sets {
		if *names[i], err = set.names(); err != nil {
			return err
		}
	}
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	files := make(map[string][]byte, len(s.terms.set.scripts)+len(s.grams.set.scripts)+len(s.rset.scripts)+128)
	for i, set := range sets {
		set.addTo(files, *names[i])
	}
	files[exportDir+e.Meta] = meta
	files[exportDir+e.Levels] = s.levels
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
