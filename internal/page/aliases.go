package page

import (
	"strconv"

	"go.yaml.in/yaml/v3"
)

// AliasKind says why CheckAliases refused a YAML document.
type AliasKind int

const (
	// AliasLoop is an alias inside the value it names: it repeats forever.
	AliasLoop AliasKind = iota + 1
	// AliasTooBig is an alias whose expansion passes the budget.
	AliasTooBig
	// TooManyValues is a document that passes the budget with no alias
	// being expanded: it is written out that long.
	TooManyValues
)

// AliasProblem is where and why CheckAliases refused a document.
type AliasProblem struct {
	Kind AliasKind
	// At is the node to name: the alias inside its value, the outermost
	// alias being expanded when the budget ran out (the one an author can
	// find and shorten), or the value past the budget.
	At *yaml.Node
	// Field is the path At is written at, as problems name fields:
	// meeting.again[1].deeper.
	Field string
	Limit int
}

// CheckAliases walks a YAML document as its aliases expand it, and
// refuses an alias inside the value it names and an expansion past limit
// values. The walk stops at the budget, so a billion laughs costs what
// limit values cost. Aliases make the tree a graph, and nested ones
// multiply (nine aliases to nine aliases to … name billions of values in
// a few hundred bytes); once CheckAliases returns nil, the document can
// be decoded, or walked by following its aliases, in that budget. It is
// the one such check for front matter and for the site's data/ files.
//
// It counts values as front matter holds them: every mapping's values and
// every list item, not the keys, and an alias as one value besides what
// it expands to.
func CheckAliases(root *yaml.Node, limit int) *AliasProblem {
	w := &aliasWalk{left: limit, limit: limit, open: map[*yaml.Node]bool{}}
	return w.walk(root)
}

type aliasWalk struct {
	left, limit int
	open        map[*yaml.Node]bool // anchored nodes being walked now: an alias to one is a cycle
	outer       *yaml.Node          // the outermost alias being expanded
	outerField  string              // where outer is written
	path        []byte              // the field being walked, kept as bytes so that only a problem makes a string
}

func (w *aliasWalk) walk(n *yaml.Node) *AliasProblem {
	if w.left--; w.left < 0 {
		if w.outer != nil {
			return &AliasProblem{AliasTooBig, w.outer, w.outerField, w.limit}
		}
		return &AliasProblem{TooManyValues, n, string(w.path), w.limit}
	}
	if n.Kind == yaml.AliasNode {
		if w.open[n.Alias] {
			return &AliasProblem{AliasLoop, n, string(w.path), w.limit}
		}
		if w.outer == nil {
			w.outer, w.outerField = n, string(w.path)
			defer func() { w.outer = nil }()
		}
		return w.walk(n.Alias)
	}
	if n.Anchor != "" {
		w.open[n] = true
		defer delete(w.open, n)
	}
	at := len(w.path)
	defer func() { w.path = w.path[:at] }()
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			w.path = w.path[:at]
			if at > 0 {
				w.path = append(w.path, '.')
			}
			w.path = append(w.path, n.Content[i].Value...)
			if p := w.walk(n.Content[i+1]); p != nil {
				return p
			}
		}
	case yaml.SequenceNode, yaml.DocumentNode:
		for i, c := range n.Content {
			w.path = w.path[:at]
			if n.Kind == yaml.SequenceNode {
				w.path = strconv.AppendInt(append(w.path, '['), int64(i), 10)
				w.path = append(w.path, ']')
			}
			if p := w.walk(c); p != nil {
				return p
			}
		}
	}
	return nil
}
