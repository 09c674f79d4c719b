package page

import (
	"errors"
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
	doc, maybe, probs := readYAML(fm, fmLine, frontMatterWords)
	if len(probs) > 0 {
		return nil, probs
	}
	if len(doc.Content) == 0 {
		return newMap(Pos{}), nil
	}
	if doc.Content[0].Kind != yaml.MappingNode && len(maybe) > 0 {
		// title:关于… alone is one valid text, not a field.
		return nil, maybe
	}
	if a := CheckAliases(doc.Content[0], limit); a != nil {
		return nil, []problem{aliasProblem(a, fmLine)}
	}
	w := &yamlWalker{fmLine: fmLine, lines: strings.Split(string(fm), "\n")}
	return w.walk(doc.Content[0], ""), w.probs
}

// aliasProblem says in front matter's words why CheckAliases refused it.
func aliasProblem(a *AliasProblem, fmLine int) problem {
	at := Pos{fmLine + a.At.Line - 1, a.At.Column}
	switch a.Kind {
	case AliasLoop:
		return problem{at, a.Field, msg.New(msg.SyntaxAliasLoop, a.At.Value)}
	case AliasTooBig:
		return problem{at, a.Field, msg.New(msg.SyntaxAliasTooBig, a.At.Value, a.Limit)}
	}
	return problem{at, a.Field, msg.New(msg.FrontMatterTooManyValues, a.Limit)}
}

// YAMLWords are the catalogue entries that name the YAML parser's own
// complaints for one kind of file (front matter, a data file): each takes
// the parser's English words as its argument, which the Chinese text
// leaves out.
type YAMLWords struct {
	Syntax  msg.Key // anything else the parser refused, at its line
	TooDeep msg.Key // nesting past the parser's depth limit
}

var frontMatterWords = YAMLWords{Syntax: msg.SyntaxYAML, TooDeep: msg.FrontMatterTooDeep}

// Problem is a mistake in text an author wrote, at its line and column
// of the file, with the field it is in when that is known.
type Problem struct {
	Pos   Pos
	Field string
	Msg   msg.Text
}

// ReadYAML parses YAML that an author wrote outside a page, such as a
// file under data/, with the checks front matter has: the usual writing
// mistakes (a tab or a full-width space in the indentation, a full-width
// colon, a quote or bracket not closed on its line) at their own line
// before the parser's words, and the parser's words said by the entries
// in words. firstLine is the file's line the text starts on. It returns
// the document, or nil and the problems; the caller still walks the
// document's aliases (CheckAliases) before decoding it.
func ReadYAML(b []byte, firstLine int, words YAMLWords) (*yaml.Node, []Problem) {
	doc, _, probs := readYAML(b, firstLine, words)
	if len(probs) > 0 {
		return nil, exported(probs)
	}
	return doc, nil
}

// DecodeProblem is ReadYAML's translation of an error from decoding a
// document it returned: a key written twice is found only then.
func DecodeProblem(err error, firstLine int, words YAMLWords) Problem {
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		err = errors.New(te.Errors[0])
	}
	return exported([]problem{yamlSyntaxProblem(firstLine, err, words)})[0]
}

func exported(probs []problem) []Problem {
	out := make([]Problem, len(probs))
	for i, p := range probs {
		out[i] = Problem{p.pos, p.field, p.msg}
	}
	return out
}

// readYAML is the one reader of YAML an author wrote: the lint's sure
// mistakes come first, whatever the parser thinks; the maybe ones stand
// for the parser's complaint when it has one (they name the line the
// author slipped on), and are returned for the caller to judge when the
// parser took the text.
func readYAML(fm []byte, fmLine int, words YAMLWords) (doc *yaml.Node, maybe, probs []problem) {
	sure, maybe := lintYAML(fm, fmLine)
	if len(sure) > 0 {
		return nil, nil, sure
	}
	doc = new(yaml.Node)
	if err := yaml.Unmarshal(fm, doc); err != nil {
		if len(maybe) > 0 {
			return nil, nil, maybe
		}
		return nil, nil, []problem{yamlSyntaxProblem(fmLine, err, words)}
	}
	return doc, maybe, nil
}

var yamlDuplicateRE = regexp.MustCompile(`^mapping key "(.*)" already defined at line (\d+)$`)

func yamlSyntaxProblem(fmLine int, err error, words YAMLWords) problem {
	text := strings.TrimPrefix(err.Error(), "yaml: ")
	line := fmLine
	if m := yamlLineRE.FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[1])
		line = fmLine + n - 1
		text = strings.TrimPrefix(strings.TrimSpace(strings.Replace(text, m[0], "", 1)), ": ")
	}
	if m := yamlDuplicateRE.FindStringSubmatch(text); m != nil {
		first, _ := strconv.Atoi(m[2])
		return problem{Pos{line, 1}, m[1], msg.New(msg.SyntaxDuplicate, fmLine+first-1)}
	}
	if strings.Contains(text, "max depth") {
		return problem{Pos{line, 1}, "", msg.New(words.TooDeep, text)}
	}
	return problem{Pos{line, 1}, "", msg.New(words.Syntax, text)}
}

// yamlWalker turns a yaml.Node tree into values, expanding aliases in
// place as YAML means them. It walks only a tree that CheckAliases has
// passed, so the expansion ends and stays within the budget.
type yamlWalker struct {
	fmLine int
	probs  []problem
	lines  []string // the front matter's lines, to place a comment
}

func (w *yamlWalker) pos(n *yaml.Node) Pos { return Pos{w.fmLine + n.Line - 1, n.Column} }

func (w *yamlWalker) walk(n *yaml.Node, path string) *value {
	switch n.Kind {
	case yaml.AliasNode:
		return w.walk(n.Alias, path)
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
