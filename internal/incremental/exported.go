package incremental

import (
	"maps"
	"slices"

	"github.com/pubgen/pubgen/internal/memo"
)

// Exported is the last build's search export (the browser's shards), by a
// version of every search document it was made from, for a build in a
// fresh process: the export is a function of the documents alone (an
// incremental one must equal a clean one), and exporting from an index a
// fresh process has just opened reads the whole index back, most of a
// warm build's CPU. A session, whose open index exports only what changed,
// does not use it.
type Exported struct {
	version memo.Version
	files   map[string][]byte
}

// Get returns the export made from documents of version v.
func (x *Exported) Get(v memo.Version) (map[string][]byte, bool) {
	if x == nil || x.files == nil || x.version != v {
		return nil, false
	}
	return x.files, true
}

// Put remembers files as the export of documents of version v.
func (x *Exported) Put(v memo.Version, files map[string][]byte) {
	if x != nil {
		x.version, x.files = v, files
	}
}

// Encode writes x for the memory on disk.
func (x *Exported) Encode(e *memo.Encoder) {
	e.Version(x.version)
	e.Uint(uint64(len(x.files)))
	for _, p := range slices.Sorted(maps.Keys(x.files)) {
		e.String(p)
		e.Bytes(x.files[p])
	}
}

// Decode reads into the empty x what Encode wrote; on an error x stays
// empty.
func (x *Exported) Decode(d *memo.Decoder) error {
	v := d.Version()
	n := d.Len(2)
	files := make(map[string][]byte, n)
	for range n {
		p := d.String()
		files[p] = d.Bytes()
	}
	if err := d.Err(); err != nil {
		return err
	}
	if n > 0 {
		x.version, x.files = v, files
	}
	return nil
}
