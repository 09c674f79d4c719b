package convert

import (
	"html/template"
	"sort"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/markup"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/site"
)

// Memo remembers, between a session's builds and under the rules of
// package memo, each page's conversion by its source path. A page's HTML
// depends on its own page (page.Sum), the Markdown options
// (markup.Converter.Hash), its address and, through link rewriting, where
// every page and file of the site is published (env): the version covers
// all four. It is used by one build at a time.
type Memo struct {
	env [32]byte
	t   memo.Table[converted]
}

type converted struct {
	content   string
	toc       []site.Heading
	plain     string
	refs      []refKey
	files     []string // of the page's bundle, linked from the text
	diags     diag.List
	converted bool
}

// refKey is an anchorRef without pointers into one build's graph.
type refKey struct {
	target, id, dest string
	line             int
}

// begin fixes the link environment of this build: every page's address,
// every bundle's files, the static files and the URL style.
func (cc *Memo) begin(s *site.Site, static map[string]bool) {
	if cc == nil {
		return
	}
	h := memo.NewHasher()
	nodes := append([]*site.Node{s.Home}, s.Pages...)
	for _, sec := range s.Sections {
		nodes = append(nodes, sec.Index)
	}
	for _, n := range nodes {
		h.String(n.Path)
		h.String(n.URL)
		h.Bool(n.Bundle)
		h.String(n.BundleDir)
		h.Int(len(n.Files))
		for _, f := range n.Files {
			h.String(f)
		}
	}
	names := make([]string, 0, len(static))
	for f := range static {
		names = append(names, f)
	}
	sort.Strings(names)
	h.Int(len(names))
	for _, f := range names {
		h.String(f)
	}
	h.String(s.Config.URLStyle)
	cc.env = h.Sum()
}

// convert is convertOne, remembered.
func (cc *Memo) convert(s *site.Site, conv *markup.Converter, n *site.Node, static map[string]bool, l *diag.List) ([]anchorRef, []string) {
	if cc == nil || n.Page == nil {
		return convertOne(s, conv, n, static, l)
	}
	hash := conv.Hash()
	v := memo.Sum(cc.env[:], hash[:], n.Page.Sum[:], []byte(n.URL))
	if e, ok := cc.t.Get(n.Path, v); ok {
		if e.converted {
			n.Content, n.TOC, n.PlainText = template.HTML(e.content), e.toc, e.plain
		}
		*l = append(*l, e.diags...)
		refs := make([]anchorRef, 0, len(e.refs))
		for _, r := range e.refs {
			t := n
			if r.target != n.Path {
				t = s.BySource(r.target)
			}
			refs = append(refs, anchorRef{from: n, line: r.line, target: t, id: r.id, dest: r.dest})
		}
		return refs, e.files
	}
	var mine diag.List
	refs, files := convertOne(s, conv, n, static, &mine)
	*l = append(*l, mine...)
	e := converted{content: string(n.Content), toc: n.TOC, plain: n.PlainText, files: files, diags: mine, converted: true}
	for _, r := range refs {
		e.refs = append(e.refs, refKey{target: r.target.Path, id: r.id, dest: r.dest, line: r.line})
	}
	cc.t.Put(n.Path, v, e)
	return refs, files
}

// sweep forgets pages the last build did not convert.
func (cc *Memo) sweep() {
	if cc != nil {
		cc.t.Sweep()
	}
}

// Len is how many pages the memo holds.
func (cc *Memo) Len() int { return cc.t.Len() }
