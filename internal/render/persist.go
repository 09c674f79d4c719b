package render

import (
	"slices"

	"github.com/pubgen/pubgen/internal/memo"
)

// Encode writes c for a memory kept on disk between processes (package
// incremental): the keys read, with the version each had in the last
// build, and every file with its job's version, its bytes and its reads.
// A process that reads it back renders again exactly what a session that
// kept c in memory would: the versions are hashes of what was read, never
// of anything that lives only in one process.
func (c *Cache) Encode(e *memo.Encoder) {
	// The owner versions are left out: a process that reads c back works
	// out every key's version in its first build, as a session's first does.
	keys := c.keys.snapshot()
	seen, _, _ := c.keys.seenSnapshot()
	e.Uint(uint64(len(keys)))
	for i, k := range keys {
		e.Uint(uint64(k.kind))
		e.String(k.id)
		var v [32]byte
		if i < len(seen) {
			v = seen[i]
		}
		e.Version(v)
	}
	names := make([]string, 0, len(c.files))
	for name := range c.files {
		names = append(names, name)
	}
	slices.Sort(names)
	e.Uint(uint64(len(names)))
	for _, name := range names {
		f := c.files[name]
		e.String(name)
		e.Version(f.job)
		e.Bytes(f.data)
		e.Uint(uint64(len(f.reads)))
		for _, id := range f.reads {
			e.Uint(uint64(id))
		}
	}
}

// Decode reads into the empty c what Encode wrote. On an error c is left
// empty: a read it cannot trust costs only the renders of a clean build.
func (c *Cache) Decode(d *memo.Decoder) error {
	n := d.Len(34)
	keys := make([]key, 0, n)
	seen := make([][32]byte, 0, n)
	for range n {
		k := key{kind: kind(d.Uint()), id: d.String()}
		keys = append(keys, k)
		seen = append(seen, d.Version())
	}
	nfiles := d.Len(35)
	files := make(map[string]cached, nfiles)
	for range nfiles {
		name := d.String()
		f := cached{job: d.Version(), data: d.Bytes()}
		f.reads = make([]uint32, d.Len(1))
		for i := range f.reads {
			id := d.Uint()
			if id >= uint64(len(keys)) {
				d.Corrupt() // no such key
			}
			f.reads[i] = uint32(id)
		}
		files[name] = f
	}
	if err := d.Err(); err != nil {
		return err
	}
	ids := make(map[key]uint32, len(keys))
	for i, k := range keys {
		ids[k] = uint32(i)
	}
	c.files = files
	c.keys.ids, c.keys.keys, c.keys.seen = ids, keys, seen
	return nil
}
