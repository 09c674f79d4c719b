package search

import (
	"context"
	"fmt"
	"strings"

	index "github.com/blevesearch/bleve_index_api"
)

// queryStats is what the scorer reads of a query's keys: for each key its
// idf and, for each document having it, what the export would ship of its
// posting. Search reads them from bleve's postings, as the export does, so
// that both run the scorer on the same numbers.
type queryStats struct{ keys []keyStat }

type keyStat struct {
	char bool
	idf  float64
	docs map[string]keyPosting // by document ID
}

// keyPosting is a posting as the scorer reads it: the static weight and
// the body frequency of a text key, nothing for a char key.
type keyPosting struct {
	static int64
	body   int32
}

// keyStats reads the statistics of keys from one reader of the index.
func (ix *Index) keyStats(keys []string) (*queryStats, error) {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	n, err := r.DocCount()
	if err != nil {
		return nil, err
	}
	ids := map[string]string{} // internal ID → document ID
	qs := &queryStats{}
	for _, k := range keys {
		per, err := keyPostings(r, k, ids)
		if err != nil {
			return nil, err
		}
		ks := keyStat{char: isCharKey(k), idf: idf(int(n), len(per)), docs: make(map[string]keyPosting, len(per))}
		for id, p := range per {
			if ks.char {
				ks.docs[id] = keyPosting{}
				continue
			}
			ks.docs[id] = keyPosting{static: staticWeight(p.tf, p.lens), body: p.tf[bodySlot]}
		}
		qs.keys = append(qs.keys, ks)
	}
	return qs, nil
}

// fieldCounts is a key's frequency in each of its fields of one document,
// and those fields' lengths.
type fieldCounts struct{ tf, lens [4]int32 }

// keyPostings reads the postings of key in each of its fields.
func keyPostings(r index.IndexReader, key string, ids map[string]string) (map[string]*fieldCounts, error) {
	term := strings.TrimPrefix(key, charKeyPrefix)
	out := map[string]*fieldCounts{}
	for i, f := range keyFields(key) {
		tfr, err := r.TermFieldReader(context.Background(), []byte(term), f.name, true, true, false)
		if err != nil {
			return nil, fmt.Errorf("reading postings of %q in %s: %w", term, f.name, err)
		}
		var tfd index.TermFieldDoc
		for {
			m, err := tfr.Next(&tfd)
			if err != nil {
				tfr.Close()
				return nil, fmt.Errorf("reading postings of %q in %s: %w", term, f.name, err)
			}
			if m == nil {
				break
			}
			id, ok := ids[string(m.ID)]
			if !ok {
				if id, err = r.ExternalID(m.ID); err != nil {
					tfr.Close()
					return nil, fmt.Errorf("resolving a document id: %w", err)
				}
				ids[string(m.ID)] = id
			}
			c := out[id]
			if c == nil {
				c = &fieldCounts{}
				out[id] = c
			}
			c.tf[i], c.lens[i] = int32(m.Freq), normLength(m.Norm)
		}
		tfr.Close()
	}
	return out, nil
}

// score is the document's score for the query, from its length level; ok
// is false when a key has no posting for it (a document indexed after the
// statistics were read).
func (qs *queryStats) score(id string, level int) (units int64, ok bool) {
	norm := levelNorm(level)
	for _, k := range qs.keys {
		p, ok := k.docs[id]
		if !ok {
			return 0, false
		}
		units += keyScore(k.idf, p.static, p.body, norm, k.char)
	}
	return units, true
}
