package page

import "fmt"

// Field is one front-matter string of a page, for the scans that read what
// an author wrote (personal data, an archetype's hints left in).
type Field struct {
	Name  string // as a message names it: title, tags[1], attachments[0].title
	Pos   string // the key of its position in Page.Pos
	Value string
}

// textFields are the front-matter strings a page publishes as text, each
// by its name in the schema (commonFields, typeFields, subFields; a list's
// items by the list's name, its fields as list.field), with how to read it.
// Contact is left out on purpose (see TextFields), and file names are
// FileFields'; TestTextFieldsCoverSchema holds the table to the schema.
var textFields = []struct {
	field string
	get   func(p *Page) []string
}{
	{"title", func(p *Page) []string { return []string{p.Title} }},
	{"summary", func(p *Page) []string { return []string{p.Summary} }},
	{"branch", func(p *Page) []string { return []string{p.Branch} }},
	{"category", func(p *Page) []string { return []string{p.Category} }},
	{"result", func(p *Page) []string { return []string{p.Result} }},
	{"series", func(p *Page) []string { return []string{p.Series} }},
	{"source", func(p *Page) []string { return []string{p.Source} }},
	{"award", func(p *Page) []string { return []string{p.Award} }},
	{"tags", func(p *Page) []string { return p.Tags }},
	{"meeting.location", func(p *Page) []string {
		if p.Meeting == nil {
			return nil
		}
		return []string{p.Meeting.Location}
	}},
	{"meeting.host", func(p *Page) []string {
		if p.Meeting == nil {
			return nil
		}
		return []string{p.Meeting.Host}
	}},
	{"signoff.body", func(p *Page) []string {
		if p.Signoff == nil {
			return nil
		}
		return []string{p.Signoff.Body}
	}},
	{"attachments.title", func(p *Page) []string { return titles(p.Attachments) }},
	{"gallery.caption", func(p *Page) []string { return titles(p.Gallery) }},
}

func titles(files []File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Title
	}
	return out
}

// listFields are the fields whose value is a list: an item is named
// field[i], and placed at field[i] whether it is a plain string or has
// fields of its own.
var listFields = map[string]bool{"tags": true, "attachments": true, "gallery": true}

// TextFields lists the front-matter strings the page publishes as text, in
// the schema's order: everything a reader sees but the body, the names of
// files (FileFields) and contact, whose numbers are published on purpose.
func (p *Page) TextFields() []Field {
	var out []Field
	for _, tf := range textFields {
		list, sub, isItem := cutList(tf.field)
		for i, v := range tf.get(p) {
			switch {
			case isItem:
				item := fmt.Sprintf("%s[%d]", list, i)
				out = append(out, Field{item + "." + sub, item, v})
			case listFields[tf.field]:
				item := fmt.Sprintf("%s[%d]", tf.field, i)
				out = append(out, Field{item, tf.field, v})
			default:
				out = append(out, Field{tf.field, tf.field, v})
			}
		}
	}
	return out
}

// cutList splits list.field when list is a list of items.
func cutList(field string) (list, sub string, ok bool) {
	for i := range len(field) {
		if field[i] == '.' {
			if listFields[field[:i]] {
				return field[:i], field[i+1:], true
			}
			return "", "", false
		}
	}
	return "", "", false
}

// FileFields lists the page's fields that name files of its bundle: each
// attachment, the cover and each gallery photo. A list item written as a
// bare name has its position under the item (attachments[0]), one written
// with fields under its file key (attachments[0].file); Name and Pos are
// that key, Value the file as written.
func (p *Page) FileFields() []Field {
	var out []Field
	item := func(list string, i int, file string) {
		f := fmt.Sprintf("%s[%d]", list, i)
		if _, ok := p.Pos[f+".file"]; ok {
			f += ".file"
		}
		out = append(out, Field{f, f, file})
	}
	for i, a := range p.Attachments {
		item("attachments", i, a.File)
	}
	if p.Cover != "" {
		out = append(out, Field{"cover", "cover", p.Cover})
	}
	for i, g := range p.Gallery {
		item("gallery", i, g.File)
	}
	return out
}
