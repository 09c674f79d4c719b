package memo

// A table kept on disk (package incremental's memo.bin) is written and
// read here, one way for every package's table: a count, then each
// entry's name, version and value in name order. Only the value is the
// owner's to write and read.

// Encode writes the entries of t that keep accepts (every entry when
// keep is nil), each value written by value.
func (t *Table[V]) Encode(e *Encoder, keep func(V) bool, value func(*Encoder, V)) {
	type kept struct {
		name    string
		version Version
		value   V
	}
	var all []kept
	t.Each(func(name string, version Version, v V) {
		if keep == nil || keep(v) {
			all = append(all, kept{name, version, v})
		}
	})
	e.Uint(uint64(len(all)))
	for _, k := range all {
		e.String(k.name)
		e.Version(k.version)
		value(e, k.value)
	}
}

// Decode reads into the empty t what Encode wrote, each value read by
// value, which takes at least min bytes. On an error t is left empty:
// nothing is put until the whole table has been read.
func (t *Table[V]) Decode(d *Decoder, min int, value func(*Decoder) V) error {
	type read struct {
		name    string
		version Version
		value   V
	}
	n := d.Len(1 + len(Version{}) + min) // a name's length, its version, its value
	all := make([]read, 0, n)
	for range n {
		name := d.String()
		version := d.Version()
		all = append(all, read{name, version, value(d)})
	}
	if err := d.Err(); err != nil {
		return err
	}
	for _, r := range all {
		t.Put(r.name, r.version, r.value)
	}
	return nil
}
