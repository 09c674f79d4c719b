package sitedata

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/pubgen/pubgen/internal/page"
)

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

func decodeYAML(file string, b []byte) (any, *problem) {
	return decodeYAMLWithin(b, page.MaxValues)
}

// decodeYAMLWithin decodes b once its aliases are known to end and to
// expand to at most limit values: the walk that proves it stops at the
// budget, so a billion laughs costs what limit values cost.
func decodeYAMLWithin(b []byte, limit int) (any, *problem) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, yamlSyntax(err)
	}
	if len(doc.Content) == 0 {
		return map[string]any{}, nil
	}
	w := &budget{left: limit, limit: limit, open: map[*yaml.Node]bool{}}
	if p := w.walk(doc.Content[0]); p != nil {
		return nil, p
	}
	var v any
	if err := doc.Content[0].Decode(&v); err != nil {
		return nil, yamlSyntax(err)
	}
	return stringKeys(v), nil
}

func yamlSyntax(err error) *problem {
	msg := err.Error()
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	p := &problem{line: 1} // yaml.v3 gives no column
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		p.line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	p.msg = fmt.Sprintf("is not valid YAML: %s (want key: value lines, indented with spaces)", strings.TrimPrefix(msg, "yaml: "))
	return p
}

// budget walks a YAML tree as its aliases expand it, refusing an alias
// inside the value it names (it would repeat forever) and an expansion
// past limit values, at the outermost alias being expanded: the place an
// author can find and fix.
type budget struct {
	left, limit int
	open        map[*yaml.Node]bool // anchored nodes being walked now
	outer       *yaml.Node
}

func (w *budget) walk(n *yaml.Node) *problem {
	if w.left--; w.left < 0 {
		at := n
		if w.outer != nil {
			at = w.outer
			return &problem{at.Line, at.Column, fmt.Sprintf("the alias *%s makes the file hold more than %d values (want aliases that repeat a few values; write long lists out)", at.Value, w.limit)}
		}
		return &problem{at.Line, at.Column, fmt.Sprintf("holds more than %d values (want at most %d)", w.limit, w.limit)}
	}
	if n.Kind == yaml.AliasNode {
		if w.open[n.Alias] {
			return &problem{n.Line, n.Column, fmt.Sprintf("the alias *%s is inside the value &%s it names, so it would repeat forever (want an alias to a value written before it, outside it)", n.Value, n.Value)}
		}
		if w.outer == nil {
			w.outer = n
			defer func() { w.outer = nil }()
		}
		return w.walk(n.Alias)
	}
	if n.Anchor != "" {
		w.open[n] = true
		defer delete(w.open, n)
	}
	for _, c := range n.Content {
		if p := w.walk(c); p != nil {
			return p
		}
	}
	return nil
}

// stringKeys gives every mapping string keys, as TOML and JSON have: YAML
// allows `1: one`, which would otherwise be a map templates cannot index
// by name.
func stringKeys(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			t[k] = stringKeys(x)
		}
	case map[any]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[fmt.Sprint(k)] = stringKeys(x)
		}
		return m
	case []any:
		for i, x := range t {
			t[i] = stringKeys(x)
		}
	}
	return v
}
