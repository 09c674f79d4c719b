package build

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/parallel"
	"github.com/pubgen/pubgen/internal/privacy"
	"github.com/pubgen/pubgen/internal/site"
)

// checkPrivacy warns about what looks like personal data (个人信息) in the
// text of every published page: its front-matter strings, its Markdown as
// written, and its text as a reader sees it once rendered (so that markup
// cannot hide a number). Numbers under contact are declared on purpose
// and are not looked at. Warnings fail the build under --strict.
// It runs after the Markdown is converted. A page's findings depend on the
// page and its rendered text alone, so a session remembers them in memo
// (nil: no memo) by the page's Sum, checked against the rendered text.
func checkPrivacy(s *site.Site, memo *memo.Table[privacyEntry]) diag.List {
	nodes := append([]*site.Node{s.Home}, s.Pages...)
	for _, sec := range s.Sections {
		nodes = append(nodes, sec.Index)
	}
	found := make([][]pii, len(nodes))
	known := make([]bool, len(nodes))
	for i, n := range nodes {
		if n != nil && n.Page != nil {
			if e, ok := memo.Get(n.Path, n.Page.Sum); ok && e.plain == n.PlainText {
				found[i], known[i] = e.found, true
			}
		}
	}
	// Scanning every page's text is the work; it runs on all cores, and the
	// memo is read and written around it, not in it.
	parallel.For(len(nodes), func(i int) {
		if n := nodes[i]; !known[i] && n != nil && n.Page != nil {
			found[i] = scanPage(n)
		}
	})
	var l diag.List
	for i, n := range nodes {
		if n == nil || n.Page == nil {
			continue
		}
		for _, f := range found[i] {
			l.Add(f.d)
		}
		if !known[i] {
			memo.Put(n.Path, n.Page.Sum, privacyEntry{plain: n.PlainText, found: found[i]})
		}
	}
	memo.Sweep()
	return l
}

// privacyEntry is what a session remembers of one page's scan: the
// rendered text it was made from (a page's text changes without its file
// when, say, markdown.unsafe is switched) and the findings.
type privacyEntry struct {
	plain string
	found []pii
}

// pii is one number found in a page, as a warning.
type pii struct {
	d      diag.Diagnostic
	kind   privacy.Kind
	number string
}

func (l *piiList) add(file string, line, col int, field string, fd privacy.Finding, msg string) {
	*l = append(*l, pii{
		d:    diag.Diagnostic{File: file, Line: line, Col: col, Field: field, Msg: msg, Severity: diag.Warning},
		kind: fd.Kind, number: fd.Number,
	})
}

type piiList []pii

// scanPage looks for personal data in one page's text.
func scanPage(n *site.Node) []pii {
	var l piiList
	for _, f := range textFields(n.Page) {
		for _, fd := range privacy.Scan(f.value) {
			l.add(n.Path, n.Line(f.pos), 0, f.name, fd, privacyMsg(fd, false))
		}
	}
	scanBody(n, &l)
	return l
}

// scanBody scans the Markdown as written, where a number has a line and a
// column, then the rendered text for numbers the source hides. A number
// of the rendered text counts as hidden when the source shows fewer of it.
func scanBody(n *site.Node, l *piiList) {
	body := string(n.Body)
	written := map[string]int{}
	var lines []lineNumber // of the source, once a number is hidden
	var seen []pii         // the source's findings, to match in lines
	for _, fd := range privacy.Scan(body) {
		before := body[:fd.Offset]
		line := n.BodyLine + strings.Count(before, "\n")
		col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
		l.add(n.Path, line, col, "body", fd, privacyMsg(fd, false))
		written[fd.Number]++
		seen = append(seen, (*l)[len(*l)-1])
	}
	for _, fd := range privacy.Scan(n.PlainText) {
		if written[fd.Number] > 0 {
			written[fd.Number]--
			continue
		}
		if lines == nil {
			lines = lineNumbers(body, n.BodyLine)
			// A line's numbers that the source scan reported already are
			// not where a hidden one is.
			for _, p := range seen {
				take(lines, p.number, p.d.Line)
			}
		}
		// Not in any line or two (split by a link, or over more lines):
		// the body's first line is the best place there is.
		line, col := n.BodyLine, 0
		if at, ok := take(lines, fd.Number, 0); ok {
			line, col = at.line, at.col
		}
		l.add(n.Path, line, col, "body", fd, privacyMsg(fd, true))
	}
}

// privacyMsg is the message for a finding; rendered says the number shows
// only once the Markdown is rendered (markup or character references
// split it in the source).
func privacyMsg(f privacy.Finding, rendered bool) string {
	where := ""
	if rendered {
		where = " in the page as shown"
	}
	switch f.Kind {
	case privacy.Mobile:
		return "looks like a mobile phone number " + f.Masked + where + " (want it removed, masked, or declared in contact)"
	case privacy.IDCard:
		return "looks like an ID-card number " + f.Masked + where + " (want it removed or masked)"
	}
	return "looks like a bank card number " + f.Masked + where + " (want it removed or masked)"
}

// textField is one front-matter string that is published.
type textField struct {
	name, pos, value string // pos: the key of the field's position in Page.Pos
}

// textFields lists the page's published front-matter strings, except
// contact.
func textFields(p *page.Page) []textField {
	fs := []textField{
		{"title", "title", p.Title}, {"summary", "summary", p.Summary}, {"branch", "branch", p.Branch},
		{"category", "category", p.Category}, {"result", "result", p.Result}, {"series", "series", p.Series},
		{"source", "source", p.Source}, {"award", "award", p.Award},
	}
	for i, t := range p.Tags {
		fs = append(fs, textField{fmt.Sprintf("tags[%d]", i), "tags", t})
	}
	if m := p.Meeting; m != nil {
		fs = append(fs, textField{"meeting.location", "meeting.location", m.Location}, textField{"meeting.host", "meeting.host", m.Host})
	}
	if s := p.Signoff; s != nil {
		fs = append(fs, textField{"signoff.body", "signoff.body", s.Body})
	}
	for i, a := range p.Attachments {
		f := fmt.Sprintf("attachments[%d]", i)
		fs = append(fs, textField{f + ".title", f, a.Title}, textField{f + ".file", f, a.File})
	}
	for i, g := range p.Gallery {
		f := fmt.Sprintf("gallery[%d]", i)
		fs = append(fs, textField{f + ".caption", f, g.Title})
	}
	return fs
}
