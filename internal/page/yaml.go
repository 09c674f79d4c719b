package page

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// parseYAML decodes YAML front matter; fmLine is the file line where it
// starts, so positions come out as lines of the file. A front matter whose
// aliases loop or expand past maxValues gives no tree, only the problem.
func parseYAML(fm []byte, fmLine int) (*value, []problem) {
	return parseYAMLWithin(fm, fmLine, maxValues)
}

// parseYAMLWithin is parseYAML with a budget of limit values; the fuzz
// target uses a small one so that each run is quick.
func parseYAMLWithin(fm []byte, fmLine, limit int) (*value, []problem) {
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		return nil, []problem{yamlSyntaxProblem(fm, fmLine, err)}
	}
	if len(doc.Content) == 0 {
		return newMap(Pos{}), nil
	}
	w := &yamlWalker{fmLine: fmLine, limit: limit, left: limit, open: map[*yaml.Node]bool{}}
	v := w.walk(doc.Content[0], "")
	if w.stop {
		return nil, w.probs
	}
	return v, w.probs
}

func yamlSyntaxProblem(fm []byte, fmLine int, err error) problem {
	if i := tabLine(fm); i > 0 {
		return problem{Pos{fmLine + i - 1, 1}, "", "front matter is indented with a tab (want spaces: YAML does not allow tabs)"}
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := fmLine
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		line = fmLine + n - 1
		msg = strings.TrimSpace(yamlLineRE.ReplaceAllString(msg, ""))
		msg = strings.TrimPrefix(msg, ": ")
	}
	return problem{Pos{line, 1}, "", fmt.Sprintf("front matter is not valid YAML: %s (want key: value lines, see README)", msg)}
}

func tabLine(fm []byte) int {
	for i, l := range strings.Split(string(fm), "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "\t") {
			return i + 1
		}
	}
	return 0
}

// yamlWalker turns a yaml.Node tree into values. Aliases make that tree a
// graph: an alias inside the value it names loops forever, and nested
// aliases multiply (nine aliases to nine aliases to … name billions of
// values in a few hundred bytes). The walker refuses both, at the alias an
// author can find.
type yamlWalker struct {
	fmLine int
	limit  int                 // values a front matter may hold
	left   int                 // values that may still be made
	open   map[*yaml.Node]bool // anchored nodes being walked now: an alias to one is a cycle
	outer  *yaml.Node          // the outermost alias being expanded, named when the budget runs out
	field  string              // where outer is written
	probs  []problem
	stop   bool // a cycle or the budget ended the walk: the tree is incomplete
}

func (w *yamlWalker) pos(n *yaml.Node) Pos { return Pos{w.fmLine + n.Line - 1, n.Column} }

func (w *yamlWalker) walk(n *yaml.Node, path string) *value {
	if w.stop {
		return nil
	}
	if w.left--; w.left < 0 {
		w.overBudget(n, path)
		return nil
	}
	if n.Kind == yaml.AliasNode {
		return w.alias(n, path)
	}
	if n.Anchor != "" {
		w.open[n] = true
		defer delete(w.open, n)
	}
	switch n.Kind {
	case yaml.MappingNode:
		return w.mapping(n, path)
	case yaml.SequenceNode:
		v := &value{kind: listValue, pos: w.pos(n)}
		for i, c := range n.Content {
			v.list = append(v.list, w.walk(c, fmt.Sprintf("%s[%d]", path, i)))
		}
		return v
	default:
		if n.Tag == "!!null" && n.Value != "" || n.Tag == "!!null" && n.Style == 0 {
			return &value{kind: nullValue, pos: w.pos(n)}
		}
		return &value{kind: scalarValue, scalar: n.Value, quoted: n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0, pos: w.pos(n)}
	}
}

func (w *yamlWalker) mapping(n *yaml.Node, path string) *value {
	v := newMap(w.pos(n))
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		kp := w.pos(k)
		name := k.Value
		if _, dup := v.fields[name]; dup {
			w.probs = append(w.probs, problem{kp, join(path, name), fmt.Sprintf("is written twice (first on line %d; want each field once)", v.keyPos[name].Line)})
			continue
		}
		v.keys = append(v.keys, name)
		v.keyPos[name] = kp
		v.fields[name] = w.walk(val, join(path, name))
	}
	return v
}

// alias expands n in place, as YAML means it, unless it names a value that
// is being walked, i.e. one that contains the alias.
func (w *yamlWalker) alias(n *yaml.Node, path string) *value {
	if w.open[n.Alias] {
		w.probs = append(w.probs, problem{w.pos(n), path, fmt.Sprintf("the alias *%s is inside the value &%s it names, so it would repeat forever (want an alias to a value written before it, outside it)", n.Value, n.Value)})
		w.stop = true
		return nil
	}
	if w.outer == nil {
		w.outer, w.field = n, path
		defer func() { w.outer = nil }()
	}
	return w.walk(n.Alias, path)
}

func (w *yamlWalker) overBudget(n *yaml.Node, path string) {
	w.stop = true
	if a := w.outer; a != nil {
		w.probs = append(w.probs, problem{w.pos(a), w.field, fmt.Sprintf("the alias *%s makes the front matter hold more than %d values (want aliases that repeat a few values; write long lists out)", a.Value, w.limit)})
		return
	}
	w.probs = append(w.probs, problem{w.pos(n), path, fmt.Sprintf("front matter holds more than %d values (want at most %d)", w.limit, w.limit)})
}
