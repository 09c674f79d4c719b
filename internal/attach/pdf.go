package attach

import (
	"errors"
	"fmt"

	"github.com/ledongthuc/pdf"
)

// readPDF reads the text of every page, in page order.
func readPDF(data []byte, b *budget) ([]Part, error) {
	if err := preflight(data); err != nil {
		return nil, err
	}
	r, err := pdf.NewReader(readerAt{data, b}, int64(len(data)))
	if errors.Is(err, pdf.ErrInvalidPassword) {
		return nil, problem(WhyEncrypted, "")
	}
	if err != nil {
		return nil, problem(WhyNotPDF, err.Error())
	}
	pages, more := collectPages(r.Trailer().Key("Root").Key("Pages"), b.lim.MaxPages)
	var parts []Part
	failed := 0
	for i, pg := range pages {
		text, err := pageText(pg, b)
		var s stop
		if errors.As(err, &s) {
			p := problem(WhyPartStopped, "", int64(i))
			if !errors.As(s.err, &p.Cause) {
				p.Cause = problem(WhyCannotRead, s.err.Error())
			}
			return parts, p
		}
		if err != nil {
			failed++
			continue
		}
		if text != "" {
			parts = append(parts, Part{Page: i + 1, Text: text})
		}
		if b.textFull() {
			return parts, problem(WhyPartTextPages, "", mb(int64(b.lim.MaxText)), int64(i+1))
		}
	}
	if failed > 0 && failed == len(pages) {
		return nil, problem(WhyNoPages, "")
	}
	if more {
		return parts, problem(WhyPartPageCount, "", int64(b.lim.MaxPages))
	}
	return parts, nil
}

func (s stop) Error() string { return s.err.Error() }

// page is a page dictionary with the resources it inherits.
type page struct {
	v, res pdf.Value
}

// collectPages walks the page tree in order, up to max pages; more says
// that there were more. The tree's depth and the nodes visited are
// bounded, since a hostile file can make Kids refer back to an ancestor
// (twice, for a tree that doubles at every level).
func collectPages(root pdf.Value, max int) (pages []page, more bool) {
	nodes := 0
	var walk func(n, res pdf.Value, depth int)
	walk = func(n, res pdf.Value, depth int) {
		if nodes++; more || depth > 32 || nodes > 2*max+64 {
			return
		}
		if r := n.Key("Resources"); r.Kind() == pdf.Dict {
			res = r
		}
		kids := n.Key("Kids")
		if n.Key("Type").Name() == "Page" || kids.Kind() != pdf.Array {
			if n.Kind() != pdf.Dict {
				return
			}
			if len(pages) == max {
				more = true
				return
			}
			pages = append(pages, page{n, res})
			return
		}
		for i := 0; i < kids.Len() && !more; i++ {
			walk(kids.Index(i), res, depth+1)
		}
	}
	walk(root, pdf.Value{}, 0)
	return pages, more
}

// pageText reads one page. A panic inside it is an error for this page
// alone, except the budget's, which is returned as the stop it is.
func pageText(pg page, b *budget) (text string, err error) {
	defer func() {
		if x := recover(); x != nil {
			if s, ok := x.(stop); ok {
				err = s
				return
			}
			if e := b.stopped(); e != nil {
				err = stop{e}
				return
			}
			err = fmt.Errorf("%v", x)
		}
	}()
	w := newWalker(b)
	w.run(contents(pg.v.Key("Contents"), b), pg.res, 0)
	return w.out.String(), nil
}

// contents reads a page's content streams (one, or an array of them).
func contents(v pdf.Value, b *budget) []byte {
	if v.Kind() == pdf.Stream {
		return b.readAll(v.Reader(), b.lim.MaxRead)
	}
	var out []byte
	for i := 0; i < v.Len(); i++ {
		if s := v.Index(i); s.Kind() == pdf.Stream {
			out = append(out, b.readAll(s.Reader(), b.lim.MaxRead)...)
			out = append(out, '\n')
		}
	}
	return out
}
