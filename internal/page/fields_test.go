package page

import (
	"slices"
	"strings"
	"testing"
)

// notText are the schema's fields that TextFields leaves out, each for a
// reason: dates, numbers, switches, addresses and files are not prose an
// author writes, contact is published on purpose, and review and privacy
// are records the page does not show as text.
var notText = []string{
	"date", "slug", "draft", "publish_date", "weight", "pinned", "pinned_until", "aliases", "type",
	"attachments.file", "cover", "gallery.file",
	"meeting.kind", "meeting.start", "meeting.end", "deadline", "signoff.date",
	"publicity.start", "publicity.end", "contact.phone", "contact.email", "contact.address",
	"review." + strings.Join(ReviewSteps, " review."), "order",
	"privacy.allow", "privacy.reason",
}

// TestTextFieldsCoverSchema holds the text-field table to the schema the
// decoder reads: every field it names exists, and every field of the
// schema is either published text or left out above on purpose — so a
// field added to the schema cannot slip past the privacy and placeholder
// scans unnoticed.
func TestTextFieldsCoverSchema(t *testing.T) {
	var skip []string
	for _, f := range notText {
		skip = append(skip, strings.Fields(f)...)
	}
	var schema []string
	top := slices.Clone(commonFields)
	for _, fs := range typeFields {
		top = append(top, fs...)
	}
	for _, f := range top {
		if subs, ok := subFields[f]; ok {
			for _, s := range subs {
				schema = append(schema, f+"."+s)
			}
			continue
		}
		schema = append(schema, f)
	}
	slices.Sort(schema)
	schema = slices.Compact(schema)
	text := map[string]bool{}
	for _, tf := range textFields {
		text[tf.field] = true
		if !slices.Contains(schema, tf.field) {
			t.Errorf("text field %s is not in the schema", tf.field)
		}
	}
	for _, f := range schema {
		if !text[f] && !slices.Contains(skip, f) {
			t.Errorf("schema field %s is neither a text field (textFields) nor left out on purpose (notText)", f)
		}
	}
}

// TestTextFields: names and positions as messages give them.
func TestTextFields(t *testing.T) {
	p := &Page{Title: "标题", Tags: []string{"甲", "乙"}, Meeting: &Meeting{Location: "三楼"},
		Attachments: []File{{File: "a.pdf", Title: "材料"}}, Gallery: []File{{File: "1.jpg", Title: "合影"}},
		Pos: map[string]Pos{"attachments[0].file": {}}, Cover: "c.jpg"}
	var got []string
	for _, f := range p.TextFields() {
		if f.Value != "" {
			got = append(got, f.Name+"@"+f.Pos+"="+f.Value)
		}
	}
	want := "title@title=标题 tags[0]@tags=甲 tags[1]@tags=乙 meeting.location@meeting.location=三楼 attachments[0].title@attachments[0]=材料 gallery[0].caption@gallery[0]=合影"
	if strings.Join(got, " ") != want {
		t.Errorf("TextFields:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	got = nil
	for _, f := range p.FileFields() {
		got = append(got, f.Name+"="+f.Value)
	}
	if want := "attachments[0].file=a.pdf cover=c.jpg gallery[0]=1.jpg"; strings.Join(got, " ") != want {
		t.Errorf("FileFields: got %s, want %s", strings.Join(got, " "), want)
	}
}
