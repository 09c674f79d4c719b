package minify

import "github.com/pubgen/pubgen/internal/memo"

// Encode writes c for a memory kept on disk between processes (package
// incremental): each file's name, the bytes it was given and what they
// minified to. A rendered file's input is the render cache's own slice,
// which the Encoder writes once for both.
func (c *Memo) Encode(e *memo.Encoder) {
	e.Uint(uint64(c.t.Len()))
	c.t.Each(func(name string, _ memo.Version, m minified) {
		e.String(name)
		e.Bytes(m.in)
		e.Bytes(m.out)
	})
}

// Decode reads into the empty c what Encode wrote; on an error c is left
// empty.
func (c *Memo) Decode(d *memo.Decoder) error {
	n := d.Len(3)
	type file struct {
		name string
		m    minified
	}
	files := make([]file, 0, n)
	for range n {
		files = append(files, file{d.String(), minified{in: d.Bytes(), out: d.Bytes()}})
	}
	if err := d.Err(); err != nil {
		return err
	}
	for _, f := range files {
		c.t.Put(f.name, memo.Version{}, f.m)
	}
	return nil
}
