package page

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// value is front matter decoded into a tree that remembers where each value
// was written, whatever the syntax. Types are checked later, field by field,
// so that a wrong type is reported in the author's terms.
type value struct {
	kind   valueKind
	scalar string // for scalars, as written
	quoted bool   // a YAML string in quotes: never a number or a bool
	list   []*value
	keys   []string // for maps, in written order
	fields map[string]*value
	pos    Pos
	keyPos map[string]Pos // for maps: where each key was written
}

type valueKind int

const (
	scalarValue valueKind = iota
	listValue
	mapValue
	nullValue
)

func (k valueKind) String() string {
	return [...]string{"a single value", "a list", "a set of fields", "empty"}[k]
}

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// parseYAML decodes YAML front matter; fmLine is the file line where it
// starts, so positions come out as lines of the file.
func parseYAML(fm []byte, fmLine int) (*value, []problem) {
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := fmLine
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line = fmLine + n - 1
			msg = strings.TrimSpace(yamlLineRE.ReplaceAllString(msg, ""))
			msg = strings.TrimPrefix(msg, ": ")
		}
		if i := tabLine(fm); i > 0 {
			return nil, []problem{{Pos{fmLine + i - 1, 1}, "", "front matter is indented with a tab (want spaces: YAML does not allow tabs)"}}
		}
		return nil, []problem{{Pos{line, 1}, "", fmt.Sprintf("front matter is not valid YAML: %s (want key: value lines, see README)", msg)}}
	}
	if len(doc.Content) == 0 {
		return &value{kind: mapValue, fields: map[string]*value{}, keyPos: map[string]Pos{}}, nil
	}
	var probs []problem
	v := fromYAML(doc.Content[0], fmLine, "", &probs)
	return v, probs
}

func tabLine(fm []byte) int {
	for i, l := range strings.Split(string(fm), "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "\t") {
			return i + 1
		}
	}
	return 0
}

func fromYAML(n *yaml.Node, fmLine int, path string, probs *[]problem) *value {
	pos := Pos{fmLine + n.Line - 1, n.Column}
	switch n.Kind {
	case yaml.AliasNode:
		return fromYAML(n.Alias, fmLine, path, probs)
	case yaml.MappingNode:
		v := &value{kind: mapValue, fields: map[string]*value{}, keyPos: map[string]Pos{}, pos: pos}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			kp := Pos{fmLine + k.Line - 1, k.Column}
			name := k.Value
			if _, dup := v.fields[name]; dup {
				*probs = append(*probs, problem{kp, join(path, name), fmt.Sprintf("is written twice (first on line %d; want each field once)", v.keyPos[name].Line)})
				continue
			}
			v.keys = append(v.keys, name)
			v.keyPos[name] = kp
			v.fields[name] = fromYAML(val, fmLine, join(path, name), probs)
		}
		return v
	case yaml.SequenceNode:
		v := &value{kind: listValue, pos: pos}
		for i, c := range n.Content {
			v.list = append(v.list, fromYAML(c, fmLine, fmt.Sprintf("%s[%d]", path, i), probs))
		}
		return v
	default:
		if n.Tag == "!!null" && n.Value != "" || n.Tag == "!!null" && n.Style == 0 {
			return &value{kind: nullValue, pos: pos}
		}
		return &value{kind: scalarValue, scalar: n.Value, quoted: n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0, pos: pos}
	}
}

// parseTOML decodes TOML front matter. The TOML decoder does not give value
// positions, so each top-level key's line is found in the text.
func parseTOML(fm []byte, fmLine int) (*value, []problem) {
	var m map[string]any
	if err := toml.Unmarshal(fm, &m); err != nil {
		line := fmLine
		if de, ok := err.(*toml.DecodeError); ok {
			r, _ := de.Position()
			line = fmLine + r - 1
		}
		return nil, []problem{{Pos{line, 1}, "", fmt.Sprintf("front matter is not valid TOML: %v (want key = value lines, see README)", err)}}
	}
	lines := strings.Split(string(fm), "\n")
	find := func(key string) Pos {
		for i, l := range lines {
			t := strings.TrimSpace(l)
			if strings.HasPrefix(t, key) && strings.HasPrefix(strings.TrimSpace(t[len(key):]), "=") ||
				t == "["+key+"]" || t == "[["+key+"]]" {
				return Pos{fmLine + i, 1}
			}
		}
		return Pos{fmLine, 1}
	}
	top := &value{kind: mapValue, fields: map[string]*value{}, keyPos: map[string]Pos{}, pos: Pos{fmLine, 1}}
	for k := range m {
		top.keys = append(top.keys, k)
	}
	sort.Strings(top.keys)
	for _, k := range top.keys {
		p := find(k)
		top.keyPos[k] = p
		top.fields[k] = fromTOML(m[k], p)
	}
	return top, nil
}

// fromTOML converts a decoded TOML value; nested values take the position
// of the top-level key they belong to.
func fromTOML(x any, pos Pos) *value {
	switch t := x.(type) {
	case map[string]any:
		v := &value{kind: mapValue, fields: map[string]*value{}, keyPos: map[string]Pos{}, pos: pos}
		for k := range t {
			v.keys = append(v.keys, k)
		}
		sort.Strings(v.keys)
		for _, k := range v.keys {
			v.keyPos[k] = pos
			v.fields[k] = fromTOML(t[k], pos)
		}
		return v
	case []any:
		v := &value{kind: listValue, pos: pos}
		for _, e := range t {
			v.list = append(v.list, fromTOML(e, pos))
		}
		return v
	case []map[string]any:
		v := &value{kind: listValue, pos: pos}
		for _, e := range t {
			v.list = append(v.list, fromTOML(e, pos))
		}
		return v
	case string:
		return &value{kind: scalarValue, scalar: t, quoted: true, pos: pos}
	case time.Time:
		return &value{kind: scalarValue, scalar: t.Format(time.RFC3339), pos: pos}
	case fmt.Stringer:
		return &value{kind: scalarValue, scalar: t.String(), pos: pos}
	default:
		return &value{kind: scalarValue, scalar: fmt.Sprint(t), pos: pos}
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
