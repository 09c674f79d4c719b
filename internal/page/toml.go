package page

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/pubgen/pubgen/internal/msg"
)

// parseTOML decodes TOML front matter; fmLine is the file line where it
// starts. go-toml decodes values without their positions, so they are found
// by a second pass with its parser (tomlPositions).
func parseTOML(fm []byte, fmLine int) (*value, []problem) {
	var m map[string]any
	if err := toml.Unmarshal(fm, &m); err != nil {
		at := Pos{fmLine, 1}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			// Only the line: go-toml counts columns in bytes, ours are characters.
			r, _ := de.Position()
			at = Pos{fmLine + r - 1, 1}
		}
		k := msg.SyntaxTOML
		if strings.Contains(err.Error(), "nested more than") {
			k = msg.FrontMatterTooDeep
		}
		return nil, []problem{{at, "", msg.New(k, err.Error())}}
	}
	b := &tomlBuilder{at: tomlPositions(fm, fmLine), left: maxValues}
	top := b.build(m, "", Pos{fmLine, 1})
	if b.over != nil {
		return nil, []problem{*b.over}
	}
	return top, nil
}

// tomlBuilder converts decoded TOML into values placed where tomlPositions
// found them. TOML has no aliases, but a 10 MB page of "[1,1,1,…]" is
// millions of values, so the same budget as YAML applies.
type tomlBuilder struct {
	at   map[string]tomlPos
	left int
	over *problem
}

func (b *tomlBuilder) build(x any, path string, parent Pos) *value {
	pos := parent
	if p, ok := b.at[path]; ok {
		pos = p.value
	}
	if b.over != nil {
		return nil
	}
	if b.left--; b.left < 0 {
		b.over = &problem{pos, path, msg.New(msg.FrontMatterTooManyValues, maxValues)}
		return nil
	}
	switch t := x.(type) {
	case map[string]any:
		return b.table(t, path, pos)
	case []any:
		return b.list(len(t), func(i int) any { return t[i] }, path, pos)
	case []map[string]any:
		return b.list(len(t), func(i int) any { return t[i] }, path, pos)
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

// table lists keys sorted: a decoded TOML table has no order, and sorted
// keys keep the problems of a page in a stable order.
func (b *tomlBuilder) table(t map[string]any, path string, pos Pos) *value {
	v := newMap(pos)
	for k := range t {
		v.keys = append(v.keys, k)
	}
	sort.Strings(v.keys)
	for _, k := range v.keys {
		p := join(path, k)
		v.keyPos[k] = pos
		if at, ok := b.at[p]; ok {
			v.keyPos[k] = at.key
		}
		v.fields[k] = b.build(t[k], p, pos)
	}
	return v
}

func (b *tomlBuilder) list(n int, elem func(int) any, path string, pos Pos) *value {
	v := &value{kind: listValue, pos: pos}
	for i := range n {
		v.list = append(v.list, b.build(elem(i), fmt.Sprintf("%s[%d]", path, i), pos))
	}
	return v
}
