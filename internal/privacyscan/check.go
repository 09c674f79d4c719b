package privacyscan

import (
	"fmt"
	"github.com/pubgen/pubgen/internal/attach"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/parallel"
	"github.com/pubgen/pubgen/internal/privacy"
	"github.com/pubgen/pubgen/internal/site"
)

// Check looks for what looks like personal data (个人信息) in
// everything a published page puts out: its front-matter strings, its
// Markdown as written and its text as a reader sees it once rendered (so
// that markup cannot hide a number), its web address and aliases, and the
// names and text of the bundle files published with it. Numbers under
// contact are declared on purpose and are not looked at; numbers the page
// lists under privacy.allow are published on purpose. In a disclosure a
// number is an error and the build stops (privacy.Refused); elsewhere it
// is a warning, which fails the build under --strict. Pages waiting for
// their publish_date are judged too (see below).
// It runs after the Markdown is converted and the bundle files narrowed
// to those published. A bundle file's text is read through ac (PDF, Word
// and Excel) or whole, when it is at most maxFile bytes. The findings in a
// page's own text depend on the page and its rendered text alone, so a
// session remembers them in m (nil: no memo) by the page's Sum, checked
// against the rendered text; names and files are looked at again every
// build, as they depend on more than the page, but a bundle file's numbers
// are remembered by its bytes (and not read again while its stat proves it
// unchanged).
func Check(fsys fs.FS, s *site.Site, maxFile int64, ac *attach.Cache, m *Memo) diag.List {
	pages, texts := m.tables()
	sc := scanner{fsys: fsys, texts: texts, ac: ac, maxFile: maxFile}
	nodes := append([]*site.Node{s.Home}, s.Pages...)
	for _, sec := range s.Sections {
		nodes = append(nodes, sec.Index)
	}
	// A page waiting for its publish_date goes live with no one looking
	// at it again, so it is judged now, as far as it can be before it is
	// placed and converted: its fields and its Markdown as written.
	waiting := len(nodes)
	for _, p := range s.Waiting {
		nodes = append(nodes, &site.Node{Page: p})
	}
	found := make([][]pii, len(nodes))
	known := make([]bool, len(nodes))
	for i, n := range nodes {
		if n != nil && n.Page != nil {
			if e, ok := pages.Get(n.Path, n.Page.Sum); ok && e.plain == n.PlainText {
				found[i], known[i] = e.found, true
			}
		}
	}
	outside := make([][]pii, len(nodes)) // names and bundle files
	notes := make([]diag.List, len(nodes))
	// Scanning every page's text is the work; it runs on all cores, and the
	// memo is read and written around it, not in it.
	parallel.For(len(nodes), func(i int) {
		n := nodes[i]
		if n == nil || n.Page == nil {
			return
		}
		if !known[i] {
			found[i] = scanPage(n)
		}
		if i < waiting {
			outside[i] = append(scanNames(n), sc.files(n, &notes[i])...)
		}
	})
	var l diag.List
	for i, n := range nodes {
		if n == nil || n.Page == nil {
			continue
		}
		l = append(l, judge(n, append(slices.Clip(found[i]), outside[i]...), i < waiting)...)
		l = append(l, notes[i]...)
		if !known[i] {
			pages.Put(n.Path, n.Page.Sum, pageScan{plain: n.PlainText, found: found[i]})
		}
	}
	pages.Sweep()
	texts.Sweep()
	return l
}

// judge turns a page's findings into diagnostics: a number the page
// allows is left out, one in a published disclosure is an error, any
// other a warning; and, when whole says everything the page publishes
// was scanned, an allowed number found nowhere is a warning, since a stale
// entry would let the number through if it came back by mistake.
func judge(n *site.Node, found []pii, whole bool) diag.List {
	allowed := map[string]bool{}
	var allow []string
	if n.Privacy != nil {
		allow = n.Privacy.Allow
	}
	for _, a := range allow {
		allowed[a] = false
	}
	// A draft is never refused (it is not published; check lists what is
	// left in it), as with the archetype's hints.
	disclosure := n.Type == page.Disclosure && n.Kind == page.KindPage && !n.Draft
	// A name linked from the body (a file, an alias) is in the Markdown
	// as written too: one message, the name's, is enough.
	type place struct {
		line   int
		number string
	}
	named := map[place]bool{}
	for _, p := range found {
		if p.where.Name != "" && p.d.File == n.Path {
			named[place{p.d.Line, p.number}] = true
		}
	}
	var l diag.List
	for _, p := range found {
		if p.where == (privacy.Where{}) && p.d.Field == "body" && named[place{p.d.Line, p.number}] {
			continue
		}
		if _, ok := allowed[p.number]; ok {
			allowed[p.number] = true
			continue
		}
		refused := privacy.Refused(p.kind, disclosure)
		d := p.d
		d.Msg, d.Severity = privacy.Message(p.fd, p.where, refused), diag.Warning
		if refused {
			d.Severity = diag.Error
		}
		l.Add(d)
	}
	for i, a := range allow {
		if whole && !allowed[a] {
			f := fmt.Sprintf("privacy.allow[%d]", i)
			l.Warn(n.Path, n.Line(f), 0, f, msg.PrivacyAllowUnused, privacy.MaskText(a))
		}
	}
	return l
}

// pii is one number found in what a page publishes: d places it (its
// message and severity are the page's judgement, see judge).
type pii struct {
	d      diag.Diagnostic
	kind   privacy.Kind
	number string
	fd     privacy.Finding
	where  privacy.Where
}

func (l *piiList) add(file string, line, col int, field string, fd privacy.Finding, where privacy.Where) {
	*l = append(*l, pii{
		d:    diag.Diagnostic{File: file, Line: line, Col: col, Field: field},
		kind: fd.Kind, number: fd.Number, fd: fd, where: where,
	})
}

type piiList []pii

// scanPage looks for personal data in one page's text.
func scanPage(n *site.Node) []pii {
	var l piiList
	for _, f := range n.Page.TextFields() {
		for _, fd := range privacy.Scan(f.Value) {
			l.add(n.Path, n.Line(f.Pos), 0, f.Name, fd, privacy.Where{})
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
		l.add(n.Path, line, col, "body", fd, privacy.Where{})
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
		l.add(n.Path, line, col, "body", fd, privacy.Where{Shown: true})
	}
}

// Drafts are notes for pubgen check on the drafts left out of the site
// (not previewed) that hold what Check would report once they are
// published, as the archetype-hint check notes its hints: a draft is never
// refused, but its author should hear of a number before setting draft:
// false. Only the text and fields are read (a draft is not converted).
func Drafts(pages []*page.Page, previewed bool) []string {
	if previewed {
		return nil // in the site, and judged there
	}
	var notes []string
	for _, p := range pages {
		if !p.Draft || p.Kind != page.KindPage {
			continue
		}
		n := &site.Node{Page: p}
		var found []pii
		for _, f := range scanPage(n) {
			if p.Privacy == nil || !slices.Contains(p.Privacy.Allow, f.number) {
				found = append(found, f)
			}
		}
		if len(found) == 0 {
			continue
		}
		first := found[0]
		text := privacy.Message(first.fd, first.where, privacy.Refused(first.kind, p.Type == page.Disclosure))
		notes = append(notes, fmt.Sprintf("%s: 草稿（draft: true），未发布；有 %d 处像是个人号码，第一处在第 %d 行：%s", p.Path, len(found), first.d.Line, text))
	}
	return notes
}
