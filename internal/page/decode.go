package page

import (
	"errors"
	"fmt"
	"net/mail"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/suggest"
)

// problem is a diagnostic before the file name is attached.
type problem struct {
	pos   Pos
	field string
	msg   msg.Text
}

var commonFields = []string{"title", "date", "slug", "summary", "tags", "branch", "draft", "publish_date",
	"weight", "pinned", "pinned_until", "aliases", "attachments", "cover", "type", "privacy"}

// typeFields are the fields each type adds to the common ones.
var typeFields = map[string][]string{
	Notice:     {"meeting", "deadline", "signoff"},
	Disclosure: {"category", "publicity", "contact", "result", "review", "signoff"},
	Study:      {"series", "order", "source"},
	Showcase:   {"gallery", "award"},
	Plain:      {},
}

// typeOrder is the order hints name the types in.
var typeOrder = []string{Disclosure, Notice, Plain, Showcase, Study}

// TypeWord is the catalogue's word for a content type, made of its title
// in Types (支部通知（notice）; notice in English), and false for a name
// that is not a type.
func TypeWord(typ string) (msg.Text, bool) {
	t, ok := TypeOf(typ)
	if !ok {
		return msg.Text{}, false
	}
	return msg.New(msg.TypeName, t.Title, t.Name), true
}

// boundWords name a period's two ends.
var boundWords = map[string]msg.Key{"start": msg.WordStart, "end": msg.WordEnd}

var subFields = map[string][]string{
	"meeting":     {"kind", "start", "end", "location", "host"},
	"publicity":   {"start", "end"},
	"contact":     {"phone", "email", "address"},
	"review":      ReviewSteps,
	"signoff":     {"body", "date"},
	"attachments": {"file", "title"},
	"gallery":     {"file", "caption"},
	"privacy":     {"allow", "reason"},
}

type decoder struct {
	loc   *time.Location
	probs []problem
	pos   map[string]Pos
}

func (d *decoder) errorf(pos Pos, field string, k msg.Key, args ...any) {
	d.probs = append(d.probs, problem{pos, field, msg.New(k, args...)})
}

func (d *decoder) scalar(v *value, field string) (string, bool) {
	if v.kind == nullValue {
		return "", false
	}
	if v.kind != scalarValue {
		d.errorf(v.pos, field, msg.FieldNotSingle, v.kind.word())
		return "", false
	}
	return v.scalar, true
}

func (d *decoder) str(v *value, field string) string {
	s, _ := d.scalar(v, field)
	return strings.TrimSpace(s)
}

func (d *decoder) boolean(v *value, field string) bool {
	s, ok := d.scalar(v, field)
	if !ok {
		return false
	}
	switch strings.ToLower(s) {
	case "true":
		return true
	case "false":
		return false
	}
	d.errorf(v.pos, field, msg.FieldNotBool, s, leaf(field))
	return false
}

func (d *decoder) integer(v *value, field string) int {
	s, ok := d.scalar(v, field)
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		d.errorf(v.pos, field, msg.FieldNotInt, s, leaf(field))
	}
	return n
}

func (d *decoder) date(v *value, field string) time.Time {
	s, ok := d.scalar(v, field)
	if !ok {
		return time.Time{}
	}
	t, err := ParseDate(s, d.loc)
	if err != nil {
		var de *DateError
		if errors.As(err, &de) {
			d.probs = append(d.probs, problem{v.pos, field, de.Text(field)})
		}
		return time.Time{}
	}
	if y := t.Year(); y < minYear || y > maxYear {
		d.errorf(v.pos, field, msg.DateYearRange, s, minYear, maxYear)
		return time.Time{}
	}
	return t
}

// minYear and maxYear bound the dates an author may write. A typo such as
// 9999-12-31 is still a valid date, but the year pages and the statistics
// page span every year from the oldest to the newest page: one such date
// made a 10.9 MB statistics page.
const minYear, maxYear = 1900, 2100

func (d *decoder) strings(v *value, field string) []string {
	switch v.kind {
	case nullValue:
		return nil
	case scalarValue:
		d.errorf(v.pos, field, msg.FieldNotList, field)
		return nil
	case mapValue:
		d.errorf(v.pos, field, msg.FieldListIsMap, field)
		return nil
	}
	var out []string
	for i, e := range v.list {
		if s := d.str(e, fmt.Sprintf("%s[%d]", field, i)); s != "" {
			// Keyed by the item's place in the result, so that a message
			// about Tags[k] can find its line.
			d.pos[fmt.Sprintf("%s[%d]", field, len(out))] = e.pos
			out = append(out, s)
		}
	}
	return out
}

// tags reads the tags list. Chinese input methods type "，" and "、"
// between words, which YAML reads as part of one tag ([三会一课，党员大会]
// is one tag), and people write tags on one line as they would in a
// document (tags: 三会一课、党员大会); both are split into tags, since no
// tag holds a comma.
func (d *decoder) tags(v *value) []string {
	var items []*value
	switch v.kind {
	case scalarValue:
		items = []*value{v}
	case listValue:
		items = v.list
	default:
		return d.strings(v, "tags")
	}
	var out []string
	for i, e := range items {
		s := d.str(e, fmt.Sprintf("tags[%d]", i))
		for _, t := range strings.FieldsFunc(s, isTagSeparator) {
			if t = strings.Trim(t, " \u3000［］【】[]"); t != "" {
				d.pos[fmt.Sprintf("tags[%d]", len(out))] = e.pos
				out = append(out, t)
			}
		}
	}
	return out
}

func isTagSeparator(r rune) bool {
	return r == '，' || r == '、' || r == ',' || r == '；' || r == ';'
}

// object checks that v is a set of fields from known and returns them.
func (d *decoder) object(v *value, field string, known []string) map[string]*value {
	if v.kind == nullValue {
		return nil
	}
	if v.kind != mapValue {
		d.errorf(v.pos, field, msg.FieldNotObject, v.kind.word(), strings.Join(known, ", "))
		return nil
	}
	for _, k := range v.keys {
		d.pos[field+"."+k] = v.keyPos[k]
		if !slices.Contains(known, k) {
			d.probs = append(d.probs, problem{v.keyPos[k], field + "." + k, hint(k, known)})
		}
	}
	return v.fields
}

func (d *decoder) files(v *value, field string) []File {
	if v.kind == nullValue {
		return nil
	}
	if v.kind != listValue {
		d.errorf(v.pos, field, msg.FilesNotList, v.kind.word())
		return nil
	}
	var out []File
	for i, e := range v.list {
		f := fmt.Sprintf("%s[%d]", field, i)
		d.pos[f] = e.pos
		if e.kind == scalarValue {
			// Written as a name alone (- 合影.jpg), it is still the
			// item's file for messages about it.
			d.pos[f+".file"] = e.pos
			if d.inBundle(e.pos, f, e.scalar) {
				out = append(out, File{File: e.scalar})
			}
			continue
		}
		m := d.object(e, f, subFields[field])
		if m == nil {
			continue
		}
		var file File
		if x := m["file"]; x != nil {
			file.File = d.str(x, f+".file")
		}
		for _, k := range []string{"title", "caption"} {
			if x := m[k]; x != nil {
				file.Title = d.str(x, f+"."+k)
			}
		}
		if file.File == "" {
			d.errorf(e.pos, f+".file", msg.FileNameMissing)
			continue
		}
		if d.inBundle(m["file"].pos, f+".file", file.File) {
			out = append(out, file)
		}
	}
	return out
}

// hint says what an unknown field name should have been.
func hint(name string, known []string) msg.Text {
	if s, ok := suggest.Closest(name, known); ok {
		return msg.New(msg.FieldUnknownDidYouMean, s)
	}
	// Named in a fixed order: a field of two types (signoff) must not be
	// said to belong to one or the other from build to build.
	var types []msg.Text
	for _, typ := range typeOrder {
		if slices.Contains(typeFields[typ], name) {
			w, _ := TypeWord(typ)
			types = append(types, w)
		}
	}
	if len(types) > 0 {
		return msg.New(msg.FieldUnknownOtherType, name, types)
	}
	return msg.New(msg.FieldUnknownList, strings.Join(known, ", "))
}

// leaf is the last name of a dotted field, as its line begins.
func leaf(field string) string {
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		field = field[i+1:]
	}
	if i := strings.IndexByte(field, '['); i >= 0 {
		field = field[:i]
	}
	return field
}

func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.Index(s, "@")+1:], ".")
}

// inBundle reports whether name is a path inside the page's bundle folder,
// and reports it otherwise: an absolute path or one climbing out with ".."
// would copy a file of the build machine (/etc/passwd) into the site.
func (d *decoder) inBundle(pos Pos, field, name string) bool {
	bad := path.IsAbs(name) || strings.ContainsAny(name, "\\\x00") || strings.Contains(name, ":")
	for _, seg := range strings.Split(name, "/") {
		bad = bad || seg == ".."
	}
	if bad {
		d.errorf(pos, field, msg.FileOutsideFolder, name)
	}
	return !bad
}

// reported says whether a problem was already found in field, so that a
// field is not also called missing after its value was refused.
func (d *decoder) reported(field string) bool {
	for _, p := range d.probs {
		if p.field == field {
			return true
		}
	}
	return false
}
