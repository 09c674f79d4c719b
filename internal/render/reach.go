package render

import (
	"fmt"
	"strings"
	"text/template/parse"
)

// Reach checks, before a layout runs, that everything its templates can
// read of the site graph is covered by what Fingerprints.Of and the
// recorded .Site reads hash for a file of its kind. .Page, .Item, .Pager
// and the nodes they lead to are plain values a template reads field by
// field, which nothing can record at run time; what the fingerprints
// cover of them is written down once, here, as the kinds a value can
// have and the fields each kind may be read through. A layout that reads
// anything else — a sibling list through .Page.Parent.Pages, the body of
// a listed page, the pages of a term past their count — is "beyond": its
// files then depend on the whole site graph (Fingerprints.everything), so
// a site's own layouts may read anything and stay correct, and pay for
// it only when they read past the model.
//
// The walk is over the parse trees, with the kind of dot and of each
// variable; anything it does not know is "unknown", and the fields that
// lead from a value to another page or a body are beyond on an unknown
// value. It runs once per layout and file kind in a build.
type reach struct {
	tree   func(name string) *parse.Tree
	kind   string // the file kind: page, section, term, …
	seen   map[string]bool
	beyond string // the first read past the model, "" when none
}

// val is what the walk knows of a value.
type val int

const (
	vSafe     val = iota // a string, time, number, or a value leading to no page
	vData                // a *Data: the dot of a layout, or $.With
	vOwn                 // a page in full: the file's own page, or one of .Site.Pages
	vOwnPage             // the *page.Page of a vOwn node: every field hashed
	vOwnSec              // the section of a vOwn node: name, address and index title only
	vSecIndex            // that section's index page: its title and address only
	vNode                // a page seen by its summary (lists, neighbours, helpers' results)
	vNodePage            // the *page.Page of a vNode node: all but Body and Pos
	vNodeSec             // the section of a vNode: its name only
	vPager               // .Pager
	vTerm                // .Term
	vTaxonomy            // .Taxonomy
	vTaxTerm             // one of .Taxonomy.Terms
	vCount               // pages whose number alone is hashed: only len may read them
	vSite                // .Site, a SiteView: its accessors record what they hand out
	vSiteSec             // a SectionView
	vSiteTax             // .Site.Tags and the others
	vSiteTerm            // a term of those
	vSeries              // a SeriesNav
	vUnknown             // anything else
)

// Body fields are the text of a page; a summary leaves them out.
var bodyFields = map[string]bool{"Content": true, "TOC": true, "PlainText": true, "Body": true, "Pos": true}

// hopFields lead from a value to other pages or to the site; on an unknown
// value they are beyond the model.
var hopFields = map[string]bool{"Prev": true, "Next": true, "Related": true, "Parent": true, "Index": true,
	"Pages": true, "Terms": true, "Page": true, "Item": true, "Target": true, "Site": true, "Pager": true,
	"Term": true, "Taxonomy": true, "Items": true, "Categories": true}

// dataMethods are the results of the Data helpers that hand out pages:
// each records (or Of hashes) the summaries of what it returns.
var dataMethods = map[string]val{
	"Latest": vNode, "OpenDisclosures": vNode, "Catalogue": vNode, "Ledger": vNode, "Stats": vNode, "Series": vSeries,
}

// safeFuncs are the template functions whose result leads to no page.
func safeFunc(name string) bool {
	switch name {
	case "and", "or", "index", "slice", "limit", "call":
		return false
	}
	return true
}

// beyondModel reports the first read of the layout whose entry template
// is entry, run for a file of kind, that the fingerprints do not cover,
// or "" when there is none.
func beyondModel(tree func(string) *parse.Tree, entry, kind string) string {
	r := &reach{tree: tree, kind: kind, seen: map[string]bool{}}
	r.template(entry, vData, vNode)
	return r.beyond
}

func (r *reach) fail(format string, args ...any) {
	if r.beyond == "" {
		r.beyond = fmt.Sprintf(format, args...)
	}
}

// template walks the template called name with dot of kind dot (and, for
// a vData dot, .Item of kind item).
func (r *reach) template(name string, dot, item val) {
	key := fmt.Sprintf("%s %d %d", name, dot, item)
	if r.seen[key] || r.beyond != "" {
		return
	}
	r.seen[key] = true
	t := r.tree(name)
	if t == nil || t.Root == nil {
		return
	}
	s := &scope{r: r, vars: map[string]val{"$": dot}, items: map[string]val{"$": item}}
	s.list(t.Root, dot, item)
}

// scope is one template's variables. A variable set twice to different
// kinds is unknown from then on: its uses may see either. A plain value
// (false, "") and a kind join to that kind: the plain value has no
// fields to read past the model, so the kind's rules cover both.
type scope struct {
	r     *reach
	vars  map[string]val
	items map[string]val // for vData variables: the kind of their .Item
}

func (s *scope) set(name string, v, item val) {
	if old, ok := s.vars[name]; ok {
		oldItem := s.items[name]
		switch {
		case v == vSafe:
			v, item = old, oldItem
		case old == vSafe || old == v && oldItem == item:
		default:
			v, item = vUnknown, vUnknown
		}
	}
	s.vars[name], s.items[name] = v, item
}

func (s *scope) list(l *parse.ListNode, dot, item val) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		s.node(n, dot, item)
	}
}

func (s *scope) node(n parse.Node, dot, item val) {
	switch n := n.(type) {
	case *parse.ActionNode:
		s.use(s.pipe(n.Pipe, dot, item))
	case *parse.IfNode:
		s.use(s.pipe(n.Pipe, dot, item))
		s.list(n.List, dot, item)
		s.list(n.ElseList, dot, item)
	case *parse.WithNode:
		v, it := s.pipe(n.Pipe, dot, item)
		s.use(v, it)
		s.list(n.List, v, it)
		s.list(n.ElseList, dot, item)
	case *parse.RangeNode:
		v, it := s.pipe(n.Pipe, dot, item) // an element has its list's kind
		s.use(v, it)
		if len(n.Pipe.Decl) == 2 {
			s.set(n.Pipe.Decl[0].Ident[0], vSafe, vSafe)
			s.set(n.Pipe.Decl[1].Ident[0], v, it)
		}
		// A variable set late in the body is seen early in the next
		// round: walked until the variables' kinds settle (a kind only
		// ever moves from plain, to one kind, to unknown).
		for range 3 {
			s.list(n.List, v, it)
		}
		s.list(n.ElseList, dot, item)
	case *parse.TemplateNode:
		v, it := dot, item
		if n.Pipe != nil {
			v, it = s.pipe(n.Pipe, dot, item)
			s.use(v, it)
		}
		s.r.template(n.Name, v, it)
	case *parse.ListNode:
		s.list(n, dot, item)
	}
}

// use is a value printed, tested or walked: the number of pages alone
// says nothing of which they are.
func (s *scope) use(v, _ val) {
	if v == vCount {
		s.r.fail("pages whose number alone is hashed are used for more than len")
	}
}

// pipe returns the kind of a pipeline's value, declaring its variables.
func (s *scope) pipe(p *parse.PipeNode, dot, item val) (val, val) {
	if p == nil {
		return dot, item
	}
	v, it := vSafe, vSafe
	for i, c := range p.Cmds {
		var prev *[2]val
		if i > 0 {
			prev = &[2]val{v, it}
		}
		v, it = s.command(c, dot, item, prev)
	}
	if len(p.Decl) == 1 {
		s.set(p.Decl[0].Ident[0], v, it)
	}
	return v, it
}

// command returns the kind of one command's result; prev is the value
// piped in from the command before, passed as the last argument.
func (s *scope) command(c *parse.CommandNode, dot, item val, prev *[2]val) (val, val) {
	if len(c.Args) == 0 {
		return vSafe, vSafe
	}
	var args [][2]val
	for _, a := range c.Args[1:] {
		v, it := s.arg(a, dot, item)
		args = append(args, [2]val{v, it})
	}
	if prev != nil {
		args = append(args, *prev)
	}
	switch first := c.Args[0].(type) {
	case *parse.IdentifierNode:
		return s.function(first.Ident, args)
	case *parse.FieldNode:
		return s.fields(dot, item, first.Ident, args)
	case *parse.VariableNode:
		v, ok := s.vars[first.Ident[0]]
		if !ok {
			v = vUnknown
		}
		return s.fields(v, s.items[first.Ident[0]], first.Ident[1:], args)
	case *parse.ChainNode:
		v, it := s.arg(first.Node, dot, item)
		return s.fields(v, it, first.Field, args)
	default:
		return s.arg(first, dot, item)
	}
}

// arg returns the kind of a command's argument.
func (s *scope) arg(n parse.Node, dot, item val) (val, val) {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot, item
	case *parse.FieldNode:
		return s.fields(dot, item, n.Ident, nil)
	case *parse.VariableNode:
		name := n.Ident[0]
		v, ok := s.vars[name]
		if !ok {
			v = vUnknown
		}
		return s.fields(v, s.items[name], n.Ident[1:], nil)
	case *parse.ChainNode:
		v, it := s.arg(n.Node, dot, item)
		return s.fields(v, it, n.Field, nil)
	case *parse.PipeNode:
		return s.pipe(n, dot, item)
	case *parse.IdentifierNode:
		return s.function(n.Ident, nil)
	}
	return vSafe, vSafe // constants
}

func (s *scope) function(name string, args [][2]val) (val, val) {
	for _, a := range args {
		if a[0] == vCount && name != "len" {
			s.r.fail("pages whose number alone is hashed are passed to %s", name)
		}
	}
	if safeFunc(name) || strings.HasPrefix(name, "_html_template_") {
		return vSafe, vSafe
	}
	switch name {
	case "index", "slice":
		if len(args) > 0 {
			return args[0][0], args[0][1]
		}
	case "limit":
		if len(args) > 0 {
			return args[len(args)-1][0], args[len(args)-1][1]
		}
	case "and", "or":
		if len(args) > 0 {
			v, it := args[0][0], args[0][1]
			for _, a := range args[1:] {
				if a[0] != v || a[1] != it {
					return vUnknown, vUnknown
				}
			}
			return v, it
		}
	}
	return vUnknown, vUnknown
}

// fields follows a chain of field or method names from a value of kind v;
// args go to the last one.
func (s *scope) fields(v, item val, names []string, args [][2]val) (val, val) {
	for i, name := range names {
		var a [][2]val
		if i == len(names)-1 {
			a = args
		}
		v, item = s.field(v, item, name, a)
		if s.r.beyond != "" {
			return vUnknown, vUnknown
		}
	}
	return v, item
}

// field is the kind of .name of a value of kind v.
func (s *scope) field(v, item val, name string, args [][2]val) (val, val) {
	beyond := func() (val, val) {
		s.r.fail(".%s of %s", name, valNames[v])
		return vUnknown, vUnknown
	}
	if v == vCount {
		return beyond()
	}
	switch v {
	case vSafe:
		return vSafe, vSafe
	case vData:
		return s.dataField(item, name, args)
	case vOwn:
		switch name {
		case "Page":
			return vOwnPage, vSafe
		case "Prev", "Next", "Related":
			return vNode, vSafe
		case "Parent":
			return vOwnSec, vSafe
		case "Pos":
			return beyond()
		}
		return vSafe, vSafe
	case vOwnPage:
		if name == "Pos" {
			return beyond()
		}
		return vSafe, vSafe
	case vOwnSec:
		switch name {
		case "Name", "URL":
			return vSafe, vSafe
		case "Index":
			return vSecIndex, vSafe
		}
		return beyond()
	case vSecIndex:
		switch name {
		case "Title", "URL":
			return vSafe, vSafe
		case "Page":
			return vSecIndex, vSafe
		}
		return beyond()
	case vNode:
		switch {
		case name == "Page":
			return vNodePage, vSafe
		case name == "Parent":
			return vNodeSec, vSafe
		case bodyFields[name], hopFields[name] && name != "Items" && name != "Categories":
			return beyond()
		}
		return vNode, vSafe // a helper's result holds pages by their summaries
	case vNodePage:
		if name == "Body" || name == "Pos" {
			return beyond()
		}
		return vSafe, vSafe
	case vNodeSec:
		if name == "Name" {
			return vSafe, vSafe
		}
		return beyond()
	case vPager:
		if name == "Pages" {
			return vNode, vSafe
		}
		return vSafe, vSafe
	case vTerm:
		switch name {
		case "Name", "Slug", "URL":
			return vSafe, vSafe
		case "Pages":
			return vCount, vSafe
		}
		return beyond()
	case vTaxonomy:
		switch name {
		case "Name", "URL":
			return vSafe, vSafe
		case "Terms":
			return vTaxTerm, vSafe
		}
		return beyond()
	case vTaxTerm:
		switch {
		case name == "Name" || name == "Slug" || name == "URL":
			return vSafe, vSafe
		case name == "Pages" && s.r.kind == "taxonomy":
			return vCount, vSafe
		}
		return beyond()
	case vSite:
		return s.siteField(name)
	case vSiteSec:
		switch name {
		case "Name", "URL":
			return vSafe, vSafe
		case "Index", "Pages":
			return vNode, vSafe
		}
		return beyond()
	case vSiteTax:
		switch name {
		case "Name", "URL":
			return vSafe, vSafe
		case "Terms":
			return vSiteTerm, vSafe
		}
		return beyond()
	case vSiteTerm:
		switch name {
		case "Name", "Slug", "URL":
			return vSafe, vSafe
		case "Pages":
			return vNode, vSafe
		}
		return beyond()
	case vSeries:
		switch name {
		case "Prev", "Next", "Pages":
			return vNode, vSafe
		}
		return vSafe, vSafe
	}
	if bodyFields[name] || hopFields[name] {
		return beyond()
	}
	return vUnknown, vUnknown
}

// dataField is .name of a *Data whose .Item has kind item.
func (s *scope) dataField(item val, name string, args [][2]val) (val, val) {
	switch name {
	case "Page":
		return s.pageOfKind(), vSafe
	case "Item":
		return item, vSafe
	case "Target":
		return vNode, vSafe
	case "Pager":
		return vPager, vSafe
	case "Term":
		return vTerm, vSafe
	case "Taxonomy":
		return vTaxonomy, vSafe
	case "Site":
		return vSite, vSafe
	case "With":
		if len(args) == 1 {
			return vData, args[0][0]
		}
		return vData, vUnknown
	}
	if v, ok := dataMethods[name]; ok {
		return v, vSafe
	}
	return vSafe, vSafe // Rel, Link, Status, Title, Kind, …: strings and flags
}

// pageOfKind is what .Page is for the file kind: its own page in full
// where Of hashes it so, else by its summary.
func (s *scope) pageOfKind() val {
	switch s.r.kind {
	case "page", "section", "home", "stats", "catalogue":
		return vOwn
	}
	return vNode
}

func (s *scope) siteField(name string) (val, val) {
	switch name {
	case "Pages":
		return vOwn, vSafe // recorded with bodies and neighbours (readPages)
	case "Sections", "Section":
		return vSiteSec, vSafe
	case "Plain", "Home", "BySource", "ByURL":
		return vNode, vSafe
	case "Branches", "Tags", "Years":
		return vSiteTax, vSafe
	case "SeriesNav":
		return vSeries, vSafe
	case "Config", "Now", "Data":
		return vSafe, vSafe
	}
	s.r.fail(".Site.%s", name)
	return vUnknown, vUnknown
}

var valNames = [...]string{
	vSafe: "a plain value", vData: "the data", vOwn: "the page", vOwnPage: "the page", vOwnSec: "the page's section",
	vSecIndex: "a section's index page", vNode: "a listed page", vNodePage: "a listed page", vNodeSec: "a listed page's section",
	vPager: ".Pager", vTerm: ".Term", vTaxonomy: ".Taxonomy", vTaxTerm: "a term of .Taxonomy", vCount: "pages only counted",
	vSite: ".Site", vSiteSec: "a section of .Site", vSiteTax: "a taxonomy of .Site", vSiteTerm: "a term of .Site",
	vSeries: "a series", vUnknown: "an unknown value",
}
