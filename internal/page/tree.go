package page

import "github.com/pubgen/pubgen/internal/msg"

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

func (k valueKind) String() string { return msg.New(k.word()).String() }

// word names the kind in the catalogue's words ("a list", 一个列表).
func (k valueKind) word() msg.Key {
	return [...]msg.Key{msg.KindScalar, msg.KindList, msg.KindMap, msg.KindEmpty}[k]
}

// maxValues bounds the values one front matter may hold once YAML aliases
// are expanded. A real page has a few dozen; a few hundred bytes of nested
// aliases ("billion laughs") can name billions, and expanding them took
// gigabytes and minutes. The bound keeps any front matter under a second.
const maxValues = 100_000

// MaxValues is maxValues for other readers of text an author writes in
// the same formats (the site's data/ files), so that one budget holds for
// YAML and TOML wherever they are read.
const MaxValues = maxValues

func newMap(pos Pos) *value {
	return &value{kind: mapValue, fields: map[string]*value{}, keyPos: map[string]Pos{}, pos: pos}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
