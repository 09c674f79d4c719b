package site

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pubgen/pubgen/internal/msg"
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
	// Name says what the file is when no input chose it (the search page,
	// the theme's css/site.css): a catalogue word, with Arg its argument
	// when it takes one. A key and a string keep Origin comparable.
	Name msg.Key
	Arg  string
}

// String is the origin as an English message names it: `content/a.md:4:
// tags[0]: "C++"`, `static/robots.txt` or `the sitemap`; it orders and
// tells origins apart in every language.
func (o Origin) String() string { return msg.Printer{Lang: msg.English}.Text(o.Text()) }

// Text is the origin as a message names it, in the message's language: a
// file, its line and field, as they are written; a file the site makes by
// itself, in words.
func (o Origin) Text() msg.Text {
	if o.File == "" {
		if o.Arg != "" {
			return msg.New(o.Name, o.Arg)
		}
		return msg.New(o.Name)
	}
	s := o.File
	if o.Line > 0 {
		s += ":" + strconv.Itoa(o.Line)
	}
	if o.Field == "" {
		return msg.Raw(s)
	}
	s += ": " + o.Field
	if o.Value != "" {
		s += fmt.Sprintf(": %q", o.Value)
	}
	return msg.Raw(s)
}

// subject is how a message at o's own file and line refers to o: the value
// of its field, or the file itself.
func (o Origin) subject() msg.Text {
	switch {
	case o.File == "":
		return o.Text()
	case o.Value != "":
		return msg.New(msg.SubjectValue, o.Value)
	case o.Field != "":
		return msg.New(msg.SubjectField)
	case strings.HasSuffix(o.File, "/"):
		return msg.New(msg.SubjectFolder)
	}
	return msg.New(msg.SubjectFile)
}

// hint says what the author of o can change to move o's output elsewhere.
func (o Origin) hint() msg.Key {
	field, _, _ := strings.Cut(o.Field, "[")
	switch {
	case o.File == "":
		return msg.HintOwnFiles
	case field == "slug":
		return msg.HintSlug
	case field == "aliases":
		return msg.HintAlias
	case field == "tags" || field == "branch":
		return msg.HintTerm
	case field == "date":
		return msg.HintDate
	case field != "":
		return msg.HintRenameFile
	case strings.HasSuffix(o.File, "/"):
		return msg.HintRenameFolder
	case strings.HasPrefix(o.File, source.StaticDir+"/"):
		return msg.HintStaticFile
	case strings.HasSuffix(o.File, ".md"):
		return msg.HintPageFile
	}
	return msg.HintRenameFile
}
