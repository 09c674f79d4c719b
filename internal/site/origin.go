package site

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pubgen/pubgen/internal/source"
)

// Origin says who makes an output file, so that a message about the file
// can name its source: a content file with the line and field that chose
// the address, a file copied as it is, or a file the site makes by itself.
type Origin struct {
	File  string // slash path from the site root; "" for a file the site makes by itself
	Line  int    // 0: the file as a whole
	Field string // the front-matter field that chose the address, e.g. slug, aliases[1], tags[0]
	Value string // what that field says
	Name  string // what the file is when no input chose it, e.g. "the search page (搜索页)"
}

// String is the origin as a message names it: `content/a.md:4: tags[0]:
// "C++"`, `static/robots.txt` or `the sitemap`.
func (o Origin) String() string {
	if o.File == "" {
		return o.Name
	}
	s := o.File
	if o.Line > 0 {
		s += ":" + strconv.Itoa(o.Line)
	}
	if o.Field == "" {
		return s
	}
	s += ": " + o.Field
	if o.Value != "" {
		s += fmt.Sprintf(": %q", o.Value)
	}
	return s
}

// subject is how a message at o's own file and line refers to o: the value
// of its field, or the file itself.
func (o Origin) subject() string {
	switch {
	case o.File == "":
		return o.Name
	case o.Value != "":
		return strconv.Quote(o.Value)
	case o.Field != "":
		return "this field"
	case strings.HasSuffix(o.File, "/"):
		return "this folder"
	}
	return "this file"
}

// hint says what the author of o can change to move o's output elsewhere.
func (o Origin) hint() string {
	field, _, _ := strings.Cut(o.Field, "[")
	switch {
	case o.File == "":
		return "want a theme or site whose own files do not collide; please report this"
	case field == "slug":
		return "want another slug"
	case field == "aliases":
		return "want an old address that nothing else in the site uses"
	case field == "tags" || field == "branch":
		return "want names that differ in their letters or digits, since case and punctuation are left out of addresses, or one spelling for both"
	case field == "date":
		return "want another date"
	case field != "":
		return "want the file renamed"
	case strings.HasSuffix(o.File, "/"):
		return "want the folder renamed"
	case strings.HasPrefix(o.File, source.StaticDir+"/"):
		return "want the file in static/ renamed, moved or removed"
	case strings.HasSuffix(o.File, ".md"):
		return "want another file name, or a slug in the front matter"
	}
	return "want the file renamed"
}
