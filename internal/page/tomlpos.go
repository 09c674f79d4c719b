package page

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
)

// tomlPos is where a TOML key and its value are written.
type tomlPos struct{ key, value Pos }

// tomlPositions reads doc with go-toml's parser, which keeps byte ranges,
// and returns where each key and value is written, by the path tomlBuilder
// gives it ("meeting.start", "attachments[1].file", "tags[0]"). Without it
// every problem inside a table pointed at the table's first line. A table
// only implied (the "a" of [a.b] or a.b = 1) is placed where it is first
// named.
func tomlPositions(doc []byte, fmLine int) map[string]tomlPos {
	r := &tomlPlacer{at: map[string]tomlPos{}, arrays: map[string]int{}, lines: lineStarts(doc), doc: doc, fmLine: fmLine}
	var p unstable.Parser
	p.Reset(doc)
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = r.header(e)
		case unstable.KeyValue:
			r.keyValue(e, table)
		}
	}
	return r.at
}

type tomlPlacer struct {
	at     map[string]tomlPos
	arrays map[string]int // each [[array]] table by path: its elements so far
	lines  []int
	doc    []byte
	fmLine int
	last   struct{ off, col int } // the last position found, to count columns from
}

// header returns the path of the table a [header] or [[header]] opens.
// An element of an array of tables is named by its index, and so is a
// table under it: [[a]] [[a]] [a.b] opens a[1].b.
func (r *tomlPlacer) header(e *unstable.Node) string {
	path := ""
	var at Pos
	for it := e.Key(); it.Next(); {
		k := it.Node()
		if path == "" {
			at = r.pos(k)
		}
		path = join(path, string(k.Data))
		if it.IsLast() && e.Kind == unstable.ArrayTable {
			n := r.arrays[path]
			r.arrays[path] = n + 1
			r.place(path, at, at)
			path = fmt.Sprintf("%s[%d]", path, n)
		} else if n, ok := r.arrays[path]; ok {
			path = fmt.Sprintf("%s[%d]", path, n-1)
		} else {
			r.place(path, at, at) // the "a" of [a.b]
		}
	}
	r.place(path, at, at)
	return path
}

func (r *tomlPlacer) keyValue(e *unstable.Node, table string) {
	path := table
	var at Pos
	for it := e.Key(); it.Next(); {
		k := it.Node()
		at = r.pos(k)
		path = join(path, string(k.Data))
		if !it.IsLast() {
			r.place(path, at, at) // the "a" of a.b = 1
		}
	}
	r.value(e.Value(), path, at)
}

func (r *tomlPlacer) value(v *unstable.Node, path string, key Pos) {
	switch v.Kind {
	case unstable.Array:
		// go-toml keeps no range for an array: it is placed at its key, and
		// its elements at themselves (an array in an array at its first
		// element, the nearest place known).
		r.place(path, key, key)
		i := 0
		for it := v.Children(); it.Next(); {
			c := it.Node()
			if c.Kind == unstable.Comment {
				continue
			}
			at := key
			if first := firstScalar(c); first != nil {
				at = r.pos(first)
			}
			r.value(c, fmt.Sprintf("%s[%d]", path, i), at)
			i++
		}
	case unstable.InlineTable:
		r.place(path, key, r.pos(v))
		for it := v.Children(); it.Next(); {
			if c := it.Node(); c.Kind == unstable.KeyValue {
				r.keyValue(c, path)
			}
		}
	default:
		r.place(path, key, r.pos(v))
	}
}

// firstScalar is the first node in v that has a range: v itself, or the
// first element of the arrays it opens; nil for an empty array.
func firstScalar(v *unstable.Node) *unstable.Node {
	for v != nil && v.Kind == unstable.Array {
		v = v.Child()
		for v != nil && v.Kind == unstable.Comment {
			v = v.Next()
		}
	}
	return v
}

// place keeps the first position of a path: a table can be named again by
// a dotted key later, but it was written where it first appeared.
func (r *tomlPlacer) place(path string, key, val Pos) {
	if _, ok := r.at[path]; !ok {
		r.at[path] = tomlPos{key, val}
	}
}

// pos turns a node's byte offset into a file line and a column in
// characters, as YAML's columns are. Nodes come in document order, so the
// column is counted on from the last one: counting from the start of the
// line made a 100,000-element array on one line take 20 seconds.
func (r *tomlPlacer) pos(n *unstable.Node) Pos {
	off := int(n.Raw.Offset)
	i := sort.SearchInts(r.lines, off+1) - 1
	from, col := r.lines[i], 1
	if r.last.off >= from && r.last.off <= off {
		from, col = r.last.off, r.last.col
	}
	col += utf8.RuneCount(r.doc[from:off])
	r.last.off, r.last.col = off, col
	return Pos{r.fmLine + i, col}
}

// lineStarts gives the offset of the start of each line of doc.
func lineStarts(doc []byte) []int {
	starts := []int{0}
	for i := 0; ; {
		j := bytes.IndexByte(doc[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}
