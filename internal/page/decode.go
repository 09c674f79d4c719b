package page

import (
	"fmt"
	"net/mail"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pubgen/pubgen/internal/suggest"
)

// problem is a diagnostic before the file name is attached.
type problem struct {
	pos   Pos
	field string
	msg   string
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

// dateLayouts are the date forms authors may write; a form without a zone
// is read in the site's zone.
var dateLayouts = []string{"2006-01-02", "2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05"}

const wantDate = "want 2006-01-02, 2006-01-02 15:04 or RFC 3339"

type decoder struct {
	loc   *time.Location
	probs []problem
	pos   map[string]Pos
}

func (d *decoder) errorf(pos Pos, field, format string, args ...any) {
	d.probs = append(d.probs, problem{pos, field, fmt.Sprintf(format, args...)})
}

func (d *decoder) scalar(v *value, field string) (string, bool) {
	if v.kind == nullValue {
		return "", false
	}
	if v.kind != scalarValue {
		d.errorf(v.pos, field, "is %s (want a single value)", v.kind)
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
	d.errorf(v.pos, field, "%q is not true or false (want true or false)", s)
	return false
}

func (d *decoder) integer(v *value, field string) int {
	s, ok := d.scalar(v, field)
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		d.errorf(v.pos, field, "%q is not a whole number (want e.g. 1, 2, 10)", s)
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
		d.errorf(v.pos, field, "%q is not a date (%s)", s, wantDate)
		return t
	}
	if y := t.Year(); y < minYear || y > maxYear {
		d.errorf(v.pos, field, "%q is outside the years %d–%d (want a date in that range; check the year for a typo)", s, minYear, maxYear)
		return time.Time{}
	}
	return t
}

// minYear and maxYear bound the dates an author may write. A typo such as
// 9999-12-31 is still a valid date, but the year pages and the statistics
// page span every year from the oldest to the newest page: one such date
// made a 10.9 MB statistics page.
const minYear, maxYear = 1900, 2100

// ParseDate reads a date as authors write it; loc applies when no zone is
// given.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Parse(time.RFC3339, s)
}

func (d *decoder) strings(v *value, field string) []string {
	switch v.kind {
	case nullValue:
		return nil
	case scalarValue:
		d.errorf(v.pos, field, "is a single value (want a list, e.g. [党建, 学习] or one \"- item\" per line)")
		return nil
	case mapValue:
		d.errorf(v.pos, field, "is a set of fields (want a list of words)")
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

// object checks that v is a set of fields from known and returns them.
func (d *decoder) object(v *value, field string, known []string) map[string]*value {
	if v.kind == nullValue {
		return nil
	}
	if v.kind != mapValue {
		d.errorf(v.pos, field, "is %s (want fields: %s)", v.kind, strings.Join(known, ", "))
		return nil
	}
	for _, k := range v.keys {
		d.pos[field+"."+k] = v.keyPos[k]
		if !slices.Contains(known, k) {
			d.errorf(v.keyPos[k], field+"."+k, "unknown field%s", hint(k, known))
		}
	}
	return v.fields
}

func (d *decoder) files(v *value, field string) []File {
	if v.kind == nullValue {
		return nil
	}
	if v.kind != listValue {
		d.errorf(v.pos, field, "is %s (want a list of files: - file: name.pdf)", v.kind)
		return nil
	}
	var out []File
	for i, e := range v.list {
		f := fmt.Sprintf("%s[%d]", field, i)
		d.pos[f] = e.pos
		if e.kind == scalarValue {
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
			d.errorf(e.pos, f+".file", "is missing (want the file name beside index.md, e.g. report.pdf)")
			continue
		}
		if d.inBundle(m["file"].pos, f+".file", file.File) {
			out = append(out, file)
		}
	}
	return out
}

func hint(name string, known []string) string {
	if s, ok := suggest.Closest(name, known); ok {
		return fmt.Sprintf(" (did you mean %s?)", s)
	}
	// Named in a fixed order: a field of two types (signoff) must not be
	// said to belong to one or the other from build to build.
	var types []string
	for typ, fields := range typeFields {
		if slices.Contains(fields, name) {
			types = append(types, typ)
		}
	}
	if len(types) > 0 {
		slices.Sort(types)
		return fmt.Sprintf(" (%s belongs to %s pages; check the folder or the type)", name, strings.Join(types, " and "))
	}
	return fmt.Sprintf(" (want one of: %s)", strings.Join(known, ", "))
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
		d.errorf(pos, field, "%q is outside the page's folder (want a file name beside index.md, e.g. report.pdf)", name)
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
