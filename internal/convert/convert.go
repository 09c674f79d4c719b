package convert

import (
	"errors"
	"html/template"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/markup"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/parallel"
	"github.com/pubgen/pubgen/internal/site"
	"github.com/pubgen/pubgen/internal/source"
	"github.com/pubgen/pubgen/internal/thumb"
)

// anchorRef is a link to an anchor, checked once every page is converted.
type anchorRef struct {
	from   *site.Node
	line   int
	target *site.Node
	id     string
	dest   string
}

// All turns every page's Markdown into HTML (Node.Content, TOC and
// PlainText), rewriting links to .md files into links to their pages and
// reporting links that lead nowhere; staticFiles are the files under
// static/, which a site path may name. Then, as its links are known, each
// bundle publishes only the files its page refers to
// (site.PublishReferenced). A session remembers conversions in m (nil:
// none), which forgets, when All returns, the pages it did not convert.
func All(s *site.Site, conv *markup.Converter, staticFiles []string, m *Memo) diag.List {
	nodes := append([]*site.Node{s.Home}, s.Pages...)
	for _, sec := range s.Sections {
		nodes = append(nodes, sec.Index)
	}
	static := map[string]bool{}
	for _, f := range staticFiles {
		static[f] = true
	}
	cc := m
	defer cc.sweep()
	cc.begin(s, static)
	lists := make([]diag.List, len(nodes))
	refs := make([][]anchorRef, len(nodes))
	linked := make([][]string, len(nodes))
	parallel.For(len(nodes), func(i int) {
		refs[i], linked[i] = cc.convert(s, conv, nodes[i], static, &lists[i])
	})
	var l diag.List
	for i := range nodes {
		l = append(l, lists[i]...)
	}
	for _, rs := range refs {
		for _, r := range rs {
			if !hasID(r.target, r.id) {
				l.Error(r.from.Path, r.line, 0, "", msg.LinkProblem, msg.WordLink, r.dest, msg.New(msg.LinkNoAnchor, r.dest, r.target.Path, r.id))
			}
		}
	}
	// Only after every page is converted: the cache keys conversions on
	// every bundle's full list of files.
	for i, n := range nodes {
		s.PublishReferenced(n, linked[i], &l)
	}
	return l
}

// convertOne converts n's Markdown into n's fields. It returns the anchors
// to check and the files of n's bundle that the text links or embeds.
func convertOne(s *site.Site, conv *markup.Converter, n *site.Node, static map[string]bool, l *diag.List) ([]anchorRef, []string) {
	if n.Page == nil || len(n.Body) == 0 {
		return nil, nil
	}
	var refs []anchorRef
	pretty := s.Config.URLStyle == "pretty"
	lineOf := func(line int) int { return n.BodyLine + line - 1 }
	rw := func(dest string, image bool, line int) string {
		out, ref, problem := resolve(s, n, dest, static, pretty)
		if problem.IsZero() && image {
			problem = unviewableImage(n, dest)
		}
		if !problem.IsZero() {
			l.Error(n.Path, lineOf(line), 0, "", msg.LinkProblem, kindOf(image), dest, problem)
		}
		if ref != nil {
			ref.from, ref.line, ref.dest = n, lineOf(line), dest
			refs = append(refs, *ref)
		}
		return out
	}
	res, err := conv.Convert(n.Body, rw)
	var limit *markup.LimitError
	if errors.As(err, &limit) {
		switch limit.Kind {
		case markup.LimitNesting:
			l.Error(n.Path, lineOf(limit.Line), 0, "body", msg.BodyTooDeep, limit.N, limit.Max)
		case markup.LimitLinks:
			l.Error(n.Path, lineOf(limit.Line), 0, "body", msg.BodyTooManyOpenLinks, limit.N, limit.Max)
		default:
			l.Error(n.Path, lineOf(limit.Line), 0, "body", msg.BodyCannotConvert, limit.Msg)
		}
		return nil, nil
	}
	if err != nil {
		// Not a mistake an author can see (goldmark renders into memory),
		// but said in the site's language all the same, at the body.
		l.Error(n.Path, n.BodyLine, 0, "", msg.BodyCannotConvert, err.Error())
		return nil, nil
	}
	n.Content = template.HTML(res.HTML)
	for _, h := range res.TOC {
		n.TOC = append(n.TOC, site.Heading{Level: h.Level, ID: h.ID, Text: h.Text})
	}
	n.PlainText = PlainText(res.HTML)
	var files []string
	for _, link := range res.Links {
		if f, ok := bundleFile(n, link.Dest); ok {
			files = append(files, f)
		}
	}
	return refs, files
}

// bundleFile returns the file of n's bundle that a destination as written
// names, if it names one: query and fragment cut, percent-encoding undone,
// ./ and ../ resolved (a link may leave and re-enter the bundle folder).
func bundleFile(n *site.Node, dest string) (string, bool) {
	if !n.Bundle || dest == "" || strings.HasPrefix(dest, "/") || schemeRE.MatchString(dest) {
		return "", false
	}
	p, err := url.PathUnescape(pathOf(dest))
	if err != nil || p == "" {
		return "", false
	}
	rel, ok := strings.CutPrefix(path.Join(path.Dir(n.Path), p), n.BundleDir+"/")
	return rel, ok && slices.Contains(n.Files, rel)
}

// unviewableImage is the problem with showing a bundle file in a format
// browsers cannot show ("" when there is none): the page would carry a
// broken image.
func unviewableImage(n *site.Node, dest string) msg.Text {
	f, ok := bundleFile(n, dest)
	if !ok {
		return msg.Text{}
	}
	if u, ok := thumb.UnviewableName(f); ok {
		return u.Text()
	}
	return msg.Text{}
}

// pathOf is a destination without its ?query and #fragment.
func pathOf(dest string) string {
	dest, _, _ = strings.Cut(dest, "#")
	dest, _, _ = strings.Cut(dest, "?")
	return dest
}

func kindOf(image bool) msg.Key {
	if image {
		return msg.WordImage
	}
	return msg.WordLink
}

var schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// resolve maps a destination as written to the one to publish. It returns a
// problem when the destination cannot be found, and an anchor reference to
// check when it names an anchor of a page.
func resolve(s *site.Site, n *site.Node, dest string, static map[string]bool, pretty bool) (string, *anchorRef, msg.Text) {
	if markup.ScriptURL(dest) {
		// Even with markdown.unsafe on (raw HTML is the author's explicit
		// choice), a Markdown link never runs script.
		return "", nil, msg.New(msg.LinkScript)
	}
	if dest == "" || schemeRE.MatchString(dest) || strings.HasPrefix(dest, "//") {
		return dest, nil, msg.Text{}
	}
	raw, frag, _ := strings.Cut(dest, "#")
	// A query ("报告.pdf?v=2", to defeat a browser's cache) does not
	// change which file is meant; it stays on the rewritten address.
	raw, query, hasQuery := strings.Cut(raw, "?")
	if hasQuery {
		query = "?" + query
	}
	p, err := url.PathUnescape(raw)
	if err != nil {
		return dest, nil, msg.New(msg.LinkBadAddress)
	}
	if p == "" { // "#anchor" on this page
		return dest, &anchorRef{target: n, id: frag}, msg.Text{}
	}
	srcDir := path.Dir(n.Path)
	var target string
	if strings.HasPrefix(p, "/") {
		target = path.Clean(p)[1:]
	} else {
		target = path.Clean(path.Join(srcDir, p))
	}
	if strings.HasSuffix(target, ".md") {
		if !strings.HasPrefix(target, source.ContentDir+"/") && strings.HasPrefix(p, "/") {
			target = source.ContentDir + "/" + target
		}
		t := s.BySource(target)
		if t == nil {
			return dest, nil, msg.New(msg.LinkNoSuchPage, target)
		}
		out := site.Rel(n.File(), t.URL, pretty) + query
		if frag != "" {
			out += "#" + frag
			return out, &anchorRef{target: t, id: frag}, msg.Text{}
		}
		return out, nil, msg.Text{}
	}
	if strings.HasPrefix(p, "/") { // a site path: a static file or a page folder
		if static[target] || s.ByURL(strings.TrimSuffix(target, "/")+"/") != nil {
			return site.Rel(n.File(), target+suffixIf(strings.HasSuffix(p, "/"), "/"), pretty) + query + fragOf(frag), nil, msg.Text{}
		}
		return dest, nil, msg.New(msg.LinkNothingAt, p)
	}
	// A file beside the page: it must be in the page's bundle, which is
	// copied next to the page's output.
	if n.Bundle {
		rel := strings.TrimPrefix(target, n.BundleDir+"/")
		for _, f := range n.Files {
			if f == rel {
				return dest, nil, msg.Text{}
			}
		}
		if site.ScriptFile(rel) && !s.Config.Markdown.Unsafe {
			return dest, nil, msg.New(msg.LinkScriptFile)
		}
		return dest, nil, site.NotInBundle(n, n.Files, rel)
	}
	return dest, nil, msg.New(msg.LinkNotBundle, strings.TrimSuffix(n.Path, ".md"))
}

func suffixIf(b bool, s string) string {
	if b {
		return s
	}
	return ""
}

func fragOf(frag string) string {
	if frag == "" {
		return ""
	}
	return "#" + frag
}

var idRE = regexp.MustCompile(`\sid="([^"]+)"`)

func hasID(n *site.Node, id string) bool {
	for _, h := range n.TOC {
		if h.ID == id {
			return true
		}
	}
	for _, m := range idRE.FindAllStringSubmatch(string(n.Content), -1) {
		if m[1] == id {
			return true
		}
	}
	return false
}
