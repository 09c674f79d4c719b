package privacyscan

import (
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/privacy"
)

// Encode writes the page table of m for a memory kept on disk between
// processes (package incremental): each page's source path, its Sum, the
// rendered text the scan was made from and its findings. Scanning every
// page's text again was a fifth of a build with nothing changed. Bundle
// files are looked at again in a fresh process (their stat is not kept).
func (m *Memo) Encode(e *memo.Encoder) {
	m.pages.Encode(e, nil, func(e *memo.Encoder, s pageScan) {
		e.String(s.plain)
		e.Uint(uint64(len(s.found)))
		for _, p := range s.found {
			encodePII(e, p)
		}
	})
}

// encodePII writes one finding: all a scan puts in it (its diagnostic's
// place, not yet a message; the rest is the page's judgement).
func encodePII(e *memo.Encoder, p pii) {
	e.String(p.d.File)
	e.Uint(uint64(p.d.Line))
	e.Uint(uint64(p.d.Col))
	e.String(p.d.Field)
	e.String(string(p.kind))
	e.String(p.number)
	e.String(string(p.fd.Kind))
	e.String(p.fd.Value)
	e.String(p.fd.Masked)
	e.String(p.fd.Number)
	e.Uint(uint64(p.fd.Offset))
	e.Uint(boolUint(p.where.Shown))
	e.String(p.where.Name)
	e.String(p.where.File)
	e.Uint(uint64(p.where.Line))
	e.Uint(uint64(p.where.Col))
}

func boolUint(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func decodePII(d *memo.Decoder) pii {
	var p pii
	p.d = diag.Diagnostic{File: d.String(), Line: int(d.Uint()), Col: int(d.Uint()), Field: d.String()}
	p.kind = privacy.Kind(d.String())
	p.number = d.String()
	p.fd = privacy.Finding{Kind: privacy.Kind(d.String()), Value: d.String(), Masked: d.String(), Number: d.String(), Offset: int(d.Uint())}
	shown := d.Uint()
	if shown > 1 {
		d.Corrupt()
	}
	p.where = privacy.Where{Shown: shown == 1, Name: d.String(), File: d.String(), Line: int(d.Uint()), Col: int(d.Uint())}
	return p
}

// Decode reads into the empty m what Encode wrote; on an error m is left
// empty.
func (m *Memo) Decode(d *memo.Decoder) error {
	return m.pages.Decode(d, 1, func(d *memo.Decoder) pageScan {
		s := pageScan{plain: d.String()}
		for range d.Len(16) {
			s.found = append(s.found, decodePII(d))
		}
		return s
	})
}
