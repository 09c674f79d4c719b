package page

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/pubgen/pubgen/internal/msg"
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
	sure, maybe := lintYAML(fm, fmLine)
	if len(sure) > 0 {
		return nil, sure
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		if len(maybe) > 0 {
			return nil, maybe
		}
		return nil, []problem{yamlSyntaxProblem(fmLine, err)}
	}
	if len(doc.Content) == 0 {
		return newMap(Pos{}), nil
	}
	if doc.Content[0].Kind != yaml.MappingNode && len(maybe) > 0 {
		// title:关于… alone is one valid text, not a field.
		return nil, maybe
	}
	w := &yamlWalker{fmLine: fmLine, limit: limit, left: limit, open: map[*yaml.Node]bool{}, lines: strings.Split(string(fm), "\n")}
	v := w.walk(doc.Content[0], "")
	if w.stop {
		return nil, w.probs
	}
	return v, w.probs
}

func yamlSyntaxProblem(fmLine int, err error) problem {
	text := strings.TrimPrefix(err.Error(), "yaml: ")
	line := fmLine
	if m := yamlLineRE.FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[1])
		line = fmLine + n - 1
		text = strings.TrimSpace(yamlLineRE.ReplaceAllString(text, ""))
		text = strings.TrimPrefix(text, ": ")
	}
	if strings.Contains(text, "max depth") {
		return problem{Pos{line, 1}, "", msg.New(msg.FrontMatterTooDeep, text)}
	}
	return problem{Pos{line, 1}, "", msg.New(msg.SyntaxYAML, text)}
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
	stop   bool     // a cycle or the budget ended the walk: the tree is incomplete
	lines  []string // the front matter's lines, to place a comment
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
		w.hashInValue(n, path)
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
			w.probs = append(w.probs, problem{kp, join(path, name), msg.New(msg.SyntaxDuplicate, v.keyPos[name].Line)})
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
		w.probs = append(w.probs, problem{w.pos(n), path, msg.New(msg.SyntaxAliasLoop, n.Value)})
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
		w.probs = append(w.probs, problem{w.pos(a), w.field, msg.New(msg.SyntaxAliasTooBig, a.Value, w.limit)})
		return
	}
	w.probs = append(w.probs, problem{w.pos(n), path, msg.New(msg.FrontMatterTooManyValues, w.limit)})
}

// hashInValue refuses a text whose end YAML took for a comment because a
// " #" came before it: location: 3号楼 #2会议室 would publish 3号楼. A
// comment as people write one has a space after the # (draft: true  # …),
// so only a # followed directly by more text counts; the fix is quotes.
func (w *yamlWalker) hashInValue(n *yaml.Node, path string) {
	c := n.LineComment
	if n.Style != 0 || n.Tag != "!!str" || len(c) < 2 || c[0] != '#' || c[1] == ' ' || c[1] == '#' {
		return
	}
	pos := w.pos(n)
	if i := pos.Line - w.fmLine; i >= 0 && i < len(w.lines) {
		if j := strings.Index(w.lines[i], " "+c); j >= 0 {
			pos.Col = utf8.RuneCountInString(w.lines[i][:j]) + 2
		}
	}
	w.probs = append(w.probs, problem{pos, path, msg.New(msg.SyntaxHashInValue, n.Value, c[1:], leaf(path))})
}
