package qrcode

import (
	"fmt"
	"html/template"
	"strings"

	qr "github.com/piglig/go-qr"
)

// quiet is the margin of light modules a scanner needs around the code
// (ISO/IEC 18004 asks for four).
const quiet = 4

// SVG returns text as a QR code drawn in an SVG that scales to its box, one
// unit a module, with label as its accessible name. Medium error
// correction (15 %) survives a crease or a pin through a printed page
// with a page address's length still at version 3 or 4.
func SVG(text, label string) (template.HTML, error) {
	code, err := qr.EncodeText(text, qr.Medium)
	if err != nil {
		return "", fmt.Errorf("qrcode: %w", err)
	}
	n := code.Size()
	side := n + 2*quiet
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s" shape-rendering="crispEdges"><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`,
		side, side, template.HTMLEscapeString(label), side, side)
	// One rectangle per horizontal run of dark modules: a few hundred
	// short commands instead of a rect per module.
	for y := range n {
		for x := 0; x < n; {
			if !code.Module(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < n && code.Module(x+run, y) {
				run++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", x+quiet, y+quiet, run, run)
			x += run
		}
	}
	b.WriteString(`"/></svg>`)
	return template.HTML(b.String()), nil
}
