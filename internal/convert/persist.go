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
	var keep int
	cc.t.Each(func(_ string, _ memo.Version, c converted) {
		if onDisk(c) {
			keep++
		}
	})
	e.Uint(uint64(keep))
	cc.t.Each(func(name string, v memo.Version, c converted) {
		if !onDisk(c) {
			return
		}
		e.String(name)
		e.Version(v)
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
	type page struct {
		name string
		v    memo.Version
		c    converted
	}
	n := d.Len(36)
	pages := make([]page, 0, n)
	for range n {
		p := page{name: d.String(), v: d.Version()}
		p.c.converted = true
		p.c.content = d.String()
		for range d.Len(3) {
			p.c.toc = append(p.c.toc, site.Heading{Level: int(d.Uint()), ID: d.String(), Text: d.String()})
		}
		p.c.plain = d.String()
		for range d.Len(4) {
			p.c.refs = append(p.c.refs, refKey{target: d.String(), id: d.String(), dest: d.String(), line: int(d.Uint())})
		}
		for range d.Len(1) {
			p.c.files = append(p.c.files, d.String())
		}
		pages = append(pages, p)
	}
	if err := d.Err(); err != nil {
		return err
	}
	for _, p := range pages {
		cc.t.Put(p.name, p.v, p.c)
	}
	return nil
}
