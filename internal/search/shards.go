package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// shardGroup is how many numbered shards share one content hash.
const shardGroup = 64

// shardNames names the numbered shards prefix0 … prefix(N-1) compactly:
// shard i is prefix + i + "." + Hashes[i/Group] + ".js", where a hash
// covers the contents of its whole group. Listing a hash per shard would
// make the entry, which every query loads, grow with the site (5,000
// record shards cost 100 KB of names); a change anywhere in a group
// renames the group, so a name still never outlives its content.
type shardNames struct {
	Prefix string   `json:"p"`
	Count  int      `json:"n"`
	Group  int      `json:"g"`
	Hashes []string `json:"h"`
}

func (s shardNames) name(i int) string {
	return s.Prefix + strconv.Itoa(i) + "." + s.Hashes[i/s.Group] + ".js"
}

// shardSet is one family of numbered shards as the last Export left it. It
// remembers which groups changed, so that an Export that rewrites a few
// shards hashes only their groups again.
type shardSet struct {
	prefix  string
	scripts [][]byte
	hashes  []string
	stale   []bool // per group: its hash must be recomputed
}

// resize sets the number of shards; new shards are empty until set.
func (s *shardSet) resize(n int) {
	old := len(s.scripts)
	if n == old {
		return
	}
	if n < old {
		s.scripts = s.scripts[:n]
	} else {
		s.scripts = append(s.scripts, make([][]byte, n-old)...)
	}
	groups := (n + shardGroup - 1) / shardGroup
	s.hashes = resized(s.hashes, groups)
	s.stale = resized(s.stale, groups)
	// The group where the old end was has changed members.
	for g := min(old, n) / shardGroup; g < groups; g++ {
		s.stale[g] = true
	}
}

func resized[T any](x []T, n int) []T {
	if n <= len(x) {
		return x[:n]
	}
	return append(x, make([]T, n-len(x))...)
}

// set gives shard i its script; it reports whether the script changed.
func (s *shardSet) set(i int, js []byte) bool {
	if s.scripts[i] != nil && bytes.Equal(s.scripts[i], js) {
		return false
	}
	s.scripts[i] = js
	s.stale[i/shardGroup] = true
	return true
}

// names hashes the groups that changed and names every shard.
func (s *shardSet) names() shardNames {
	for g, stale := range s.stale {
		if !stale {
			continue
		}
		h := sha256.New()
		for _, js := range s.scripts[g*shardGroup : min((g+1)*shardGroup, len(s.scripts))] {
			h.Write(js)
		}
		s.hashes[g] = hex.EncodeToString(h.Sum(nil)[:5])
		s.stale[g] = false
	}
	sn := shardNames{Prefix: s.prefix, Count: len(s.scripts), Group: shardGroup}
	// append keeps Hashes nil, not empty, for no shards, as the entry has
	// always encoded it.
	sn.Hashes = append(sn.Hashes, s.hashes...)
	return sn
}

// addTo puts every shard into files under its name.
func (s *shardSet) addTo(files map[string][]byte, sn shardNames) {
	for i, js := range s.scripts {
		files[exportDir+sn.name(i)] = js
	}
}
