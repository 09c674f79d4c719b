package minify

import "github.com/pubgen/pubgen/internal/memo"

// Encode writes c for a memory kept on disk between processes (package
// incremental): each file's name and (unused, zero) version, the bytes
// it was given and what they minified to. A rendered file's input is the render cache's own slice,
// which the Encoder writes once for both.
func (c *Memo) Encode(e *memo.Encoder) {
	c.t.Encode(e, nil, func(e *memo.Encoder, m minified) {
		e.Bytes(m.in)
		e.Bytes(m.out)
	})
}

// Decode reads into the empty c what Encode wrote; on an error c is left
// empty.
func (c *Memo) Decode(d *memo.Decoder) error {
	return c.t.Decode(d, 2, func(d *memo.Decoder) minified {
		return minified{in: d.Bytes(), out: d.Bytes()}
	})
}
