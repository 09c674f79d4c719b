package convert

import (
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/site"
)

// Encode writes m for a memory kept on disk between processes (package
// incremental): each page's source path and version, its HTML, headings
// and text, the links it makes to anchors and the bundle files it links.
// Converting every page again was a fifth of a build with nothing
// changed. A page whose conversion had something to say (diags) is left
// out: its messages are texts in the catalogue's terms, and a fresh
// process converts it again to say them.
func (cc *Memo) Encode(e *memo.Encoder) {
	cc.t.Encode(e, onDisk, func(e *memo.Encoder, c converted) {
		e.String(c.content)
		e.Uint(uint64(len(c.toc)))
		for _, h := range c.toc {
			e.Uint(uint64(h.Level))
			e.String(h.ID)
			e.String(h.Text)
		}
		e.String(c.plain)
		e.Uint(uint64(len(c.refs)))
		for _, r := range c.refs {
			e.String(r.target)
			e.String(r.id)
			e.String(r.dest)
			e.Uint(uint64(r.line))
		}
		e.Uint(uint64(len(c.files)))
		for _, f := range c.files {
			e.String(f)
		}
	})
}

func onDisk(c converted) bool { return c.converted && len(c.diags) == 0 }

// Decode reads into the empty m what Encode wrote; on an error m is left
// empty.
func (cc *Memo) Decode(d *memo.Decoder) error {
	return cc.t.Decode(d, 3, func(d *memo.Decoder) converted {
		c := converted{converted: true, content: d.String()}
		for range d.Len(3) {
			c.toc = append(c.toc, site.Heading{Level: int(d.Uint()), ID: d.String(), Text: d.String()})
		}
		c.plain = d.String()
		for range d.Len(4) {
			c.refs = append(c.refs, refKey{target: d.String(), id: d.String(), dest: d.String(), line: int(d.Uint())})
		}
		for range d.Len(1) {
			c.files = append(c.files, d.String())
		}
		return c
	})
}
