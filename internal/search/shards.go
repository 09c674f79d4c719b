package search

import (
	"bytes"
	"cmp"
	"math/bits"
	"strconv"
	"strings"
)

// Shards of one family are numbered; each is named by its own content,
// prefix + i + "." + hash + ".js", so an unchanged shard keeps its name and
// bytes through any edit, and a browser may cache every name forever.
//
// Listing a hash per shard in the entry, which every query loads, would
// make it grow with the site (at 10,000 pages about 5,000 record and as
// many phrase shards). So the hashes of each group of shards are one small
// directory file, itself named by content, prefix + "d" + j + "." + hash +
// ".js", holding its members' hashes one after another; the entry lists the
// directories' hashes. A query loads the directories of the shards it
// needs (the browser keeps them), and an edit rewrites a shard and its
// directory. Groups are large where a query needs few shards of the family
// (its keys) and small where it needs many (the records it shows). At
// 10,000 pages (721 term shards) a term group of 256 keeps a key's
// directory under 1.8 KiB, where 512 made the dropdown's 党建 load 3.6;
// phrase groups stay 1,024, since a smaller one let a one-line body edit
// rewrite 51 files.
const (
	termGroup   = 256
	gramGroup   = 1024
	recordGroup = 32
)

// shardNames is how the entry names a family: shard i is listed in
// directory j = i/Group, whose hash is Dirs[j·nameHashLen:][:nameHashLen]
// (one string: a list of strings cost three more characters a hash).
type shardNames struct {
	Prefix string `json:"p"`
	Count  int    `json:"n"`
	Group  int    `json:"g,omitempty"`
	Dirs   string `json:"h"`
	// Unnumbered shards are named prefix + "." + hash + ".js", by their
	// content alone (shardSet.unnumbered), with hashes of Width characters
	// in the directories (nameHashLen when 0).
	Unnumbered bool `json:"u,omitempty"`
	Width      int  `json:"w,omitempty"`
	// Inline families have no directories: Dirs holds the hashes of the
	// shards themselves (shardSet.inline).
	Inline bool `json:"i,omitempty"`
}

// shardName is the file of shard i, whose content hash is hash.
func (s shardNames) shardName(i int, hash string) string {
	if s.Unnumbered {
		return s.Prefix + "." + hash + ".js"
	}
	return s.Prefix + strconv.Itoa(i) + "." + hash + ".js"
}

func (s shardNames) dirName(j int) string {
	return s.Prefix + "d" + strconv.Itoa(j) + "." + s.Dirs[j*nameHashLen:(j+1)*nameHashLen] + ".js"
}

// shardSet is one family of numbered shards as the last Export left it. It
// remembers which shards changed, so that an Export that rewrites a few
// shards hashes only them and their directories again.
type shardSet struct {
	prefix string
	group  int
	// unnumbered names each shard by its content alone: a record shard,
	// whose number is a position in the export order, which a page added
	// or deleted before it moves; its content stays, and so does its name.
	unnumbered bool
	// inline lists the shards' hashes in the entry itself, with no
	// directory: a family of a few shards that every query needs one of
	// (the tail's), where a directory would be one more request each time.
	inline  bool
	width   int // an unnumbered family's hash width (uniqueWidth)
	scripts [][]byte
	hashes  []string // by shard, "" when it must be computed again; unnumbered: maxHashLen long
	dirs    [][]byte // directory scripts, nil when one must be written again
	dirHash []string
}

// resize sets the number of shards; new shards are empty until set.
func (s *shardSet) resize(n int) {
	old := len(s.scripts)
	if n == old {
		return
	}
	s.scripts = resized(s.scripts, n)
	s.hashes = resized(s.hashes, n)
	if s.inline {
		return
	}
	groups := (n + s.group - 1) / s.group
	s.dirs = resized(s.dirs, groups)
	s.dirHash = resized(s.dirHash, groups)
	// The directory where the old end was has other members now.
	if g := min(old, n) / s.group; g < groups {
		s.dirs[g] = nil
	}
}

func resized[T any](x []T, n int) []T {
	if n <= len(x) {
		clear(x[n:])
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
	s.hashes[i] = ""
	if !s.inline {
		s.dirs[i/s.group] = nil
	}
	return true
}

// names hashes the shards that changed, writes their directories again,
// and names the family.
func (s *shardSet) names() (shardNames, error) {
	if s.inline {
		var list strings.Builder
		for i := range s.scripts {
			s.hash(i)
			list.WriteString(s.hashes[i])
		}
		return shardNames{Prefix: s.prefix, Count: len(s.scripts), Dirs: list.String(), Inline: true}, nil
	}
	w := nameHashLen
	if s.unnumbered {
		w = s.uniqueWidth()
	}
	for g := range s.dirs {
		if s.dirs[g] != nil {
			continue
		}
		var list strings.Builder
		for i := g * s.group; i < min((g+1)*s.group, len(s.scripts)); i++ {
			s.hash(i)
			list.WriteString(s.hashes[i][:w])
		}
		js, err := shardScript(s.prefix+"d"+strconv.Itoa(g), list.String())
		if err != nil {
			return shardNames{}, err
		}
		s.dirs[g], s.dirHash[g] = js, nameHash(js)
	}
	sn := shardNames{Prefix: s.prefix, Count: len(s.scripts), Group: s.group, Unnumbered: s.unnumbered}
	if w != nameHashLen {
		sn.Width = w
	}
	sn.Dirs = strings.Join(s.dirHash, "")
	return sn, nil
}

// hash computes shard i's hash if it is not known.
func (s *shardSet) hash(i int) {
	if s.hashes[i] != "" {
		return
	}
	if s.unnumbered {
		s.hashes[i] = contentHash(s.scripts[i], maxHashLen)
	} else {
		s.hashes[i] = nameHash(s.scripts[i])
	}
}

// maxHashLen is the longest hash an unnumbered shard can be named by.
const maxHashLen = 12

// uniqueWidth is the hash width of an unnumbered family: the shortest from
// nameHashLen on at which no two different shards share a name. A numbered
// shard's name holds its number, so only versions of one shard could meet
// under one name; the shards of an unnumbered family all could, and 35
// bits meet once in about 700 sites of 10,000 pages. The width depends on
// the shards alone, as a clean export's does; it grows, renaming every
// shard of the family, only when two of them would share a name.
func (s *shardSet) uniqueWidth() int {
	for i := range s.scripts {
		s.hash(i)
	}
	w := nameHashLen
	for ; w < maxHashLen; w++ {
		seen := make(map[string]int, len(s.scripts))
		clash := false
		for i, h := range s.hashes {
			if j, ok := seen[h[:w]]; ok && !bytes.Equal(s.scripts[i], s.scripts[j]) {
				clash = true
				break
			}
			seen[h[:w]] = i
		}
		if !clash {
			break
		}
	}
	if w != s.width {
		s.width = w
		clear(s.dirs)
	}
	return w
}

// addTo puts every shard and directory into files under its name.
func (s *shardSet) addTo(files map[string][]byte, sn shardNames) {
	w := cmp.Or(sn.Width, nameHashLen)
	for i, js := range s.scripts {
		files[exportDir+sn.shardName(i, s.hashes[i][:w])] = js
	}
	for g, js := range s.dirs {
		files[exportDir+sn.dirName(g)] = js
	}
}

// bucket is the shard of a key with hash h among n, by linear hashing:
// with 2^k ≤ n < 2^(k+1), h mod 2^(k+1), or h mod 2^k where that is not a
// shard yet. Going from n to n+1 shards splits one shard in two and moves
// no other key, so a family whose size crosses a shard's worth rewrites
// two shards, not all of them. engine.js computes the same.
func bucket(h uint32, n int) int {
	if n <= 1 {
		return 0
	}
	k := bits.Len(uint(n)) - 1
	b := int(h & (1<<(k+1) - 1))
	if b >= n {
		b = int(h & (1<<k - 1))
	}
	return b
}
