package memo

import (
	"crypto/sha256"
	"encoding/binary"
	"maps"
	"slices"
	"sync"
)

// Version identifies the inputs an entry was made from.
type Version [32]byte

// Sum combines parts into one Version. Each part is written with its
// length, so ("ab", "c") and ("a", "bc") differ.
func Sum(parts ...[]byte) Version {
	h := sha256.New()
	var n [8]byte
	for _, p := range parts {
		binary.LittleEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write(p)
	}
	var v Version
	h.Sum(v[:0])
	return v
}

// Table remembers one value per name, with the version it was made from.
// It is safe for concurrent use. A nil *Table remembers nothing, which is
// how a clean build runs the same code as a session.
type Table[V any] struct {
	mu sync.Mutex
	m  map[string]*entry[V]
	// gen counts Sweeps; an entry asked for or put since the last one has
	// used == gen. A generation per entry instead of a set of used names
	// rebuilt for every build: that set was most of a table's cost on a
	// session's rebuild of 10,000 pages.
	gen uint64
}

type entry[V any] struct {
	version Version
	value   V
	used    uint64
}

// Get returns the value remembered for name if it was made from version.
// Asking keeps the entry through the next Sweep, hit or miss, since the
// caller is about to Put a fresh one otherwise.
func (t *Table[V]) Get(name string, version Version) (V, bool) {
	var zero V
	if t == nil {
		return zero, false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	e, ok := t.m[name]
	if !ok {
		return zero, false
	}
	e.used = t.gen
	if e.version != version {
		return zero, false
	}
	return e.value, true
}

// Last returns the value remembered for name whatever its version, for a
// caller that checks the value itself (a file's stat) before trusting it.
func (t *Table[V]) Last(name string) (V, Version, bool) {
	var zero V
	if t == nil {
		return zero, Version{}, false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	e, ok := t.m[name]
	if !ok {
		return zero, Version{}, false
	}
	e.used = t.gen
	return e.value, e.version, true
}

// Put remembers value for name, made from version.
func (t *Table[V]) Put(name string, version Version, value V) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.m == nil {
		t.m = map[string]*entry[V]{}
	}
	if e, ok := t.m[name]; ok {
		e.version, e.value, e.used = version, value, t.gen
		return
	}
	t.m[name] = &entry[V]{version, value, t.gen}
}

// Sweep forgets every name not asked for or put since the last Sweep:
// call it once a build has looked up everything it needs.
func (t *Table[V]) Sweep() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for name, e := range t.m {
		if e.used != t.gen {
			delete(t.m, name)
		}
	}
	t.gen++
}

// Len is how many entries the table holds.
func (t *Table[V]) Len() int {
	if t == nil {
		return 0
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.m)
}

// Each calls f for every entry, in the order of their names, for a
// memory written to disk (package incremental's Save): the same entries
// must make the same bytes, or Save, which skips writing a file whose
// checksum is unchanged, rewrites it after every build. f must not use the
// table.
func (t *Table[V]) Each(f func(name string, version Version, value V)) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, name := range slices.Sorted(maps.Keys(t.m)) {
		e := t.m[name]
		f(name, e.version, e.value)
	}
}
