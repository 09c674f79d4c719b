package build

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/parallel"
	"github.com/pubgen/pubgen/internal/privacy"
	"github.com/pubgen/pubgen/internal/site"
)

// checkPrivacy warns about what looks like personal data (个人信息) in the
// text of every published page: its Markdown and its front-matter strings.
// Numbers under contact are declared on purpose and are not looked at.
// Warnings fail the build under --strict.
// A page's findings depend on the page alone, so a session remembers them
// in memo (nil: no memo) for pages whose file did not change.
func checkPrivacy(s *site.Site, memo map[*page.Page]diag.List) diag.List {
	nodes := append([]*site.Node{s.Home}, s.Pages...)
	for _, sec := range s.Sections {
		nodes = append(nodes, sec.Index)
	}
	found := make([]diag.List, len(nodes))
	known := make([]bool, len(nodes))
	for i, n := range nodes {
		if n != nil && n.Page != nil && memo != nil {
			found[i], known[i] = memo[n.Page]
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
	live := map[*page.Page]bool{}
	for i, n := range nodes {
		if n == nil || n.Page == nil {
			continue
		}
		l = append(l, found[i]...)
		if memo != nil {
			live[n.Page] = true
			memo[n.Page] = found[i]
		}
	}
	for p := range memo {
		if !live[p] {
			delete(memo, p)
		}
	}
	return l
}

// scanPage looks for personal data in one page's text.
func scanPage(n *site.Node) diag.List {
	var l diag.List
	for _, f := range textFields(n.Page) {
		for _, fd := range privacy.Scan(f.value) {
			l.Warnf(n.Path, n.Line(f.pos), 0, f.name, "%s", privacyMsg(fd))
		}
	}
	body := string(n.Body)
	for _, fd := range privacy.Scan(body) {
		before := body[:fd.Offset]
		line := n.BodyLine + strings.Count(before, "\n")
		col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
		l.Warnf(n.Path, line, col, "body", "%s", privacyMsg(fd))
	}
	return l
}

func privacyMsg(f privacy.Finding) string {
	switch f.Kind {
	case privacy.Mobile:
		return "looks like a mobile phone number " + f.Masked + " (want it removed, masked, or declared in contact)"
	case privacy.IDCard:
		return "looks like an ID-card number " + f.Masked + " (want it removed or masked)"
	}
	return "looks like a bank card number " + f.Masked + " (want it removed or masked)"
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
