package page

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/privacy"
	"github.com/pubgen/pubgen/internal/source"
)

// Parse reads the content file at the slash path file (relative to the site
// root, under content/). loc is the site's time zone. It returns nil and the
// problems when the page cannot be built; warnings may come with a page.
func Parse(file string, src []byte, loc *time.Location) (*Page, diag.List) {
	var l diag.List
	report := func(probs []problem) {
		for _, p := range probs {
			l.Add(diag.Diagnostic{File: file, Line: p.pos.Line, Col: p.pos.Col, Field: p.field, Msg: p.msg})
		}
	}
	if len(strings.TrimSpace(string(src))) == 0 {
		l.Error(file, 1, 1, "", msg.FileEmpty)
		return nil, l
	}
	sum := Version(file, src, loc)
	src, terr := normalize(src)
	if terr == nil {
		var format string
		var fm, body []byte
		var fmLine, bodyLine int
		format, fm, fmLine, body, bodyLine, terr = split(src)
		if terr == nil {
			p := &Page{Path: file, Body: body, BodyLine: bodyLine, Pos: map[string]Pos{}, Sum: sum}
			p.placeIn(file)
			tree, probs := parseFrontMatter(format, fm, fmLine)
			report(probs)
			if tree == nil {
				return nil, l
			}
			d := &decoder{loc: loc, pos: p.Pos}
			p.decode(tree, d)
			report(d.probs)
			if l.HasErrors(false) {
				return nil, l
			}
			return p, l
		}
	}
	l.Add(diag.Diagnostic{File: file, Line: terr.line, Col: terr.col, Msg: terr.msg})
	return nil, l
}

// maxFrontMatter bounds the front matter's size before it is parsed. Real
// front matter is a few kilobytes; a 10 MB list of one-letter values took
// the YAML and TOML parsers 12 and 44 seconds and gigabytes before
// maxValues could refuse it.
const maxFrontMatter = 256 << 10

func parseFrontMatter(format string, fm []byte, fmLine int) (*value, []problem) {
	if len(fm) > maxFrontMatter {
		return nil, []problem{{Pos{fmLine, 1}, "", msg.New(msg.FrontMatterTooBig, len(fm)>>10, maxFrontMatter>>10)}}
	}
	if format == "yaml" {
		return parseYAML(fm, fmLine)
	}
	return parseTOML(fm, fmLine)
}

// placeIn derives section, kind, bundle and default type from the path.
func (p *Page) placeIn(file string) {
	rel := strings.TrimPrefix(file, source.ContentDir+"/")
	dir, base := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	if dir != "" {
		p.Section = strings.SplitN(dir, "/", 2)[0]
	}
	p.Kind = KindPage
	switch {
	case base == "_index.md" && dir == "":
		p.Kind = KindHome
	case base == "_index.md":
		p.Kind = KindSection
	case base == "index.md" && dir != "":
		p.Bundle = true
		p.BundleDir = source.ContentDir + "/" + dir
	}
	p.Type = Plain
	if t, ok := SectionTypes[p.Section]; ok && p.Kind == KindPage {
		p.Type = t
	}
}

func (p *Page) decode(tree *value, d *decoder) {
	if tree.kind != mapValue {
		d.errorf(tree.pos, "", msg.FrontMatterNotFields, tree.kind.word())
		return
	}
	f := tree.fields
	for _, k := range tree.keys {
		d.pos[k] = tree.keyPos[k]
	}
	if v := f["type"]; v != nil {
		t := d.str(v, "type")
		if _, ok := typeFields[t]; !ok {
			d.errorf(v.pos, "type", msg.TypeUnknown, t)
			return
		}
		p.Type = t
	}
	known := append(slices.Clone(commonFields), typeFields[p.Type]...)
	for _, k := range tree.keys {
		if !slices.Contains(known, k) {
			d.probs = append(d.probs, problem{tree.keyPos[k], k, hint(k, known)})
		}
	}
	p.decodeCommon(f, tree.pos, d)
	if v := f["signoff"]; v != nil && slices.Contains(typeFields[p.Type], "signoff") {
		p.Signoff = p.decodeSignoff(v, d)
	}
	switch p.Type {
	case Notice:
		p.decodeNotice(f, tree.pos, d)
	case Disclosure:
		p.decodeDisclosure(f, tree.pos, d)
	case Study:
		if v := f["series"]; v != nil {
			p.Series = d.str(v, "series")
		}
		if v := f["order"]; v != nil {
			p.Order = d.integer(v, "order")
		}
		if v := f["source"]; v != nil {
			p.Source = d.str(v, "source")
		}
	case Showcase:
		if v := f["gallery"]; v != nil {
			p.Gallery = d.files(v, "gallery")
		}
		if v := f["award"]; v != nil {
			p.Award = d.str(v, "award")
		}
		// A draft may wait for its photo: `pubgen new showcase` cannot know
		// the cover's name, and a half-made showcase must not stop a build.
		if p.Cover == "" && p.Kind == KindPage && !p.Draft && !d.reported("cover") {
			d.errorf(tree.pos, "cover", msg.CoverMissing)
		}
	}
}

var slugRE = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}_.-]*$`)

func (p *Page) decodeCommon(f map[string]*value, at Pos, d *decoder) {
	if v := f["title"]; v != nil {
		p.Title = d.str(v, "title")
	}
	if p.Title == "" {
		d.errorf(posOr(f["title"], at), "title", msg.TitleMissing)
	}
	if v := f["date"]; v != nil && v.kind != nullValue {
		p.Date = d.date(v, "date")
	} else if p.Kind == KindPage {
		d.errorf(posOr(v, at), "date", msg.DateMissing)
	}
	if v := f["publish_date"]; v != nil {
		p.PublishDate = d.date(v, "publish_date")
	}
	if v := f["slug"]; v != nil {
		p.Slug = d.str(v, "slug")
		if p.Slug != "" && (!slugRE.MatchString(p.Slug) || strings.Contains(p.Slug, "..")) {
			d.errorf(v.pos, "slug", msg.SlugInvalid, p.Slug)
		}
	}
	if v := f["summary"]; v != nil {
		p.Summary = d.str(v, "summary")
	}
	if v := f["tags"]; v != nil {
		p.Tags = d.tags(v)
	}
	if v := f["branch"]; v != nil {
		p.Branch = d.str(v, "branch")
	}
	if v := f["draft"]; v != nil {
		p.Draft = d.boolean(v, "draft")
	}
	if v := f["pinned"]; v != nil {
		p.Pinned = d.boolean(v, "pinned")
	}
	if v := f["pinned_until"]; v != nil && v.kind != nullValue {
		p.PinnedUntil = d.date(v, "pinned_until")
		// A pin with an end and no pin is a half-done edit: say so rather
		// than guess which half the author meant.
		if !p.Pinned && !p.PinnedUntil.IsZero() {
			d.errorf(v.pos, "pinned_until", msg.PinnedUntilNotPinned)
		}
	}
	if v := f["weight"]; v != nil {
		p.Weight = d.integer(v, "weight")
	}
	if v := f["aliases"]; v != nil {
		for i, a := range d.strings(v, "aliases") {
			if clean, ok := CleanAlias(a); ok {
				p.Aliases = append(p.Aliases, clean)
			} else {
				d.errorf(v.pos, fmt.Sprintf("aliases[%d]", i), msg.AliasInvalid, a)
			}
		}
	}
	if v := f["attachments"]; v != nil {
		p.Attachments = d.files(v, "attachments")
	}
	if v := f["cover"]; v != nil {
		if c := d.str(v, "cover"); d.inBundle(v.pos, "cover", c) {
			p.Cover = c
		}
	}
	if v := f["privacy"]; v != nil {
		p.Privacy = decodePrivacy(v, d)
	}
}

// decodePrivacy reads the privacy field. Each allowed number must be one
// the check recognises, written any way it reads (138 1234 5678, +86 …),
// and the list needs its reason: a number is published whole only when
// someone wrote down why.
func decodePrivacy(v *value, d *decoder) *Privacy {
	m := d.object(v, "privacy", subFields["privacy"])
	if m == nil {
		return nil
	}
	pr := &Privacy{}
	if x := m["reason"]; x != nil {
		pr.Reason = d.str(x, "privacy.reason")
	}
	if x := m["allow"]; x != nil {
		for i, s := range d.strings(x, "privacy.allow") {
			f := fmt.Sprintf("privacy.allow[%d]", i)
			n, _, ok := privacy.Number(s)
			if !ok {
				// An error: the page is not built, so Allow's places
				// never drift from the list's.
				d.errorf(d.pos[f], f, msg.PrivacyAllowNotNumber, s)
				continue
			}
			pr.Allow = append(pr.Allow, n)
		}
		if len(pr.Allow) > 0 && pr.Reason == "" {
			d.errorf(posOr(m["reason"], v.pos), "privacy.reason", msg.PrivacyAllowNoReason)
		}
	}
	return pr
}

// CleanAlias turns an alias as written ("/old/notice-1/", "old/a.html") into
// a clean relative folder path, or reports that it would leave the site.
func CleanAlias(a string) (string, bool) {
	a = strings.TrimSpace(a)
	// Quotes and angle brackets have no place in an address and would end
	// up in a file name; control characters and the characters Windows
	// refuses in file names would break a copy to a file share.
	if a == "" || strings.ContainsAny(a, "\\\x00?#\"<>|*:") || strings.ContainsFunc(a, unicode.IsControl) {
		return "", false
	}
	for _, seg := range strings.Split(a, "/") {
		// A folder name ending in a space is silently renamed by Windows.
		if seg == ".." || seg == "." || seg != strings.TrimSpace(seg) {
			return "", false
		}
	}
	c := strings.Trim(path.Clean("/"+a), "/")
	c = strings.TrimSuffix(c, "/index.html")
	if c == "" || c == "index.html" {
		return "", false
	}
	return c, true
}

// present reports whether a field is there with a value: a key left blank
// (kind:) or empty (kind: "") counts as missing.
func present(v *value) bool {
	return v != nil && v.kind != nullValue && !(v.kind == scalarValue && strings.TrimSpace(v.scalar) == "")
}

func posOr(v *value, at Pos) Pos {
	if v != nil {
		return v.pos
	}
	return at
}

func (p *Page) decodeNotice(f map[string]*value, at Pos, d *decoder) {
	if v := f["deadline"]; v != nil {
		p.Deadline = d.date(v, "deadline")
	}
	v := f["meeting"]
	if v == nil {
		return
	}
	m := d.object(v, "meeting", subFields["meeting"])
	if m == nil {
		return
	}
	mt := &Meeting{}
	// A draft's meeting may still be blank, as `pubgen new` leaves it: no
	// kind or start is guessed for the author, so nothing is counted in
	// the ledger until they are written; published, both are required.
	if x := m["kind"]; present(x) {
		mt.Kind = d.str(x, "meeting.kind")
		if !slices.Contains(MeetingKinds, mt.Kind) {
			d.errorf(x.pos, "meeting.kind", msg.MeetingKindInvalid, mt.Kind, strings.Join(MeetingKinds, "、"))
		}
	} else if !p.Draft {
		d.errorf(posOr(x, v.pos), "meeting.kind", msg.MeetingKindMissing, strings.Join(MeetingKinds, "、"))
	}
	if x := m["start"]; present(x) {
		mt.Start = d.date(x, "meeting.start")
	} else if !p.Draft {
		d.errorf(posOr(x, v.pos), "meeting.start", msg.MeetingStartMissing)
	}
	if x := m["end"]; x != nil {
		mt.End = d.date(x, "meeting.end")
		if !mt.Start.IsZero() && !mt.End.IsZero() && mt.End.Before(mt.Start) {
			d.errorf(x.pos, "meeting.end", msg.MeetingEndBeforeStart)
		}
	}
	if x := m["location"]; x != nil {
		mt.Location = d.str(x, "meeting.location")
	}
	if x := m["host"]; x != nil {
		mt.Host = d.str(x, "meeting.host")
	}
	p.Meeting = mt
}

func (p *Page) decodeDisclosure(f map[string]*value, at Pos, d *decoder) {
	if v := f["category"]; v != nil {
		p.Category = d.str(v, "category")
	}
	if v := f["result"]; v != nil {
		p.Result = d.str(v, "result")
	}
	pub := f["publicity"]
	if pub == nil {
		d.errorf(at, "publicity", msg.PublicityMissing)
	} else if m := d.object(pub, "publicity", subFields["publicity"]); m != nil {
		per := &Period{}
		for _, k := range []string{"start", "end"} {
			x := m[k]
			if x == nil {
				d.errorf(pub.pos, "publicity."+k, msg.PublicityBoundMissing, boundWords[k], k)
				continue
			}
			t := d.date(x, "publicity."+k)
			if k == "start" {
				per.Start = t
			} else {
				per.End = t
				if !per.Start.IsZero() && !t.IsZero() && t.Before(per.Start) {
					d.errorf(x.pos, "publicity.end", msg.PublicityEndBeforeStart)
				}
			}
		}
		p.Publicity = per
	}
	if v := f["review"]; v != nil {
		p.Review = decodeReview(v, d)
	}
	c := f["contact"]
	if c == nil {
		d.errorf(at, "contact", msg.ContactMissing)
		return
	}
	m := d.object(c, "contact", subFields["contact"])
	if m == nil {
		return
	}
	ct := &Contact{}
	if x := m["phone"]; x != nil {
		ct.Phone = d.str(x, "contact.phone")
	}
	if x := m["email"]; x != nil {
		ct.Email = d.str(x, "contact.email")
		if ct.Email != "" && !validEmail(ct.Email) {
			d.errorf(x.pos, "contact.email", msg.ContactEmailInvalid, ct.Email)
		}
	}
	if x := m["address"]; x != nil {
		ct.Address = d.str(x, "contact.address")
	}
	if ct.Phone == "" && ct.Email == "" && ct.Address == "" {
		d.errorf(c.pos, "contact", msg.ContactEmpty)
	}
	p.Contact = ct
}

// decodeReview reads the procedure record. Missing steps are not problems
// of the file: the item is held back until they are filled in (see
// site.Build), so an author may write the record as the steps happen.
func decodeReview(v *value, d *decoder) *Review {
	m := d.object(v, "review", subFields["review"])
	if m == nil {
		return nil
	}
	r := &Review{}
	for _, k := range ReviewSteps {
		x := m[k]
		if x == nil {
			continue
		}
		switch k {
		case "proposed_by":
			r.ProposedBy = d.str(x, "review."+k)
		case "reviewed_by":
			r.ReviewedBy = d.str(x, "review."+k)
		case "approved_by":
			r.ApprovedBy = d.str(x, "review."+k)
		case "approved_on":
			r.ApprovedOn = d.date(x, "review."+k)
		}
	}
	return r
}

// decodeSignoff reads the 落款. The short form signoff: 机关第一党支部 names
// the body alone; the date then is the page's, as it is when the long form
// leaves it out.
func (p *Page) decodeSignoff(v *value, d *decoder) *Signoff {
	if v.kind == nullValue {
		return nil
	}
	s := &Signoff{Date: p.Date}
	if v.kind == scalarValue {
		s.Body = d.str(v, "signoff")
		d.pos["signoff.body"] = v.pos // where a later check finds the body
	} else {
		m := d.object(v, "signoff", subFields["signoff"])
		if m == nil {
			return nil
		}
		if x := m["body"]; x != nil {
			s.Body = d.str(x, "signoff.body")
		}
		if x := m["date"]; x != nil && x.kind != nullValue {
			s.Date = d.date(x, "signoff.date")
		}
	}
	if s.Body == "" {
		if !d.reported("signoff") && !d.reported("signoff.body") {
			d.errorf(v.pos, "signoff.body", msg.SignoffBodyMissing)
		}
		return nil
	}
	return s
}
