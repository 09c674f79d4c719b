package render

import (
	"bytes"
	"cmp"
	"html/template"
	"slices"
	"sync"

	"github.com/pubgen/pubgen/internal/site"
)

// Reuse: {{ reuse "partials/header.html" . }} writes what
// {{ template "partials/header.html" . }} would, but runs the partial
// only once for every distinct set of answers it depends on. A site's
// header, footer and list lines are the same bytes in thousands of files:
// on 10,000 pages running them again for each was most of the templates'
// time.
//
// What a partial writes depends on two things. The site graph, the
// strings and the settings are the same for every output of a build;
// what the partial reads of them its views record, and those reads are
// given to every output its bytes go into, so each output still records
// everything it printed (record.go). The rest is the output's own — its
// file, its kind, its page, its list — which the views do not record: a
// reused partial sees its data as a *Shared instead of a *Data, whose
// methods note each question of that kind and its answer. The partial is
// a function of those answers (templates and graph being fixed for the
// build), so its bytes are reused for an output that gives the same
// answers to the same questions, asked in the same order. The answers
// are kept as a tree: the first question, a branch for each answer, the
// next question, and so on to the bytes.
//
// The tree lives for one RunCached (one build): it is never asked about
// another build's graph.

// question is one thing a reused partial asked of the output's own data.
type question struct {
	op   op
	arg  string
	node *site.Node // the page argument of Link and LinkFile
}

type op uint8

const (
	qKind op = iota + 1
	qFile
	qTitle
	qPage
	qTarget
	qItem
	qPager
	qTaxonomy
	qTerm
	qRel
	qLink
	qLinkFile
	qAsset
	qIsCurrent
	qCanonical
	qListsDisclosures
)

// answer is what d gives for q, as a comparable value: pages, terms and
// taxonomies by their node in the graph, a pager by itself (each list
// page has its own, so a partial reading it is not reused).
func answer(q question, d *Data) any {
	switch q.op {
	case qKind:
		return d.Kind
	case qFile:
		return d.File
	case qTitle:
		return d.Title
	case qPage:
		return nodeOf(d.Page)
	case qTarget:
		return nodeOf(d.Target)
	case qItem:
		return nodeOf(d.Item)
	case qPager:
		return d.Pager
	case qTaxonomy:
		if d.Taxonomy == nil {
			return (*site.Taxonomy)(nil)
		}
		return d.Taxonomy.t
	case qTerm:
		if d.Term == nil {
			return (*site.Term)(nil)
		}
		return d.Term.term
	case qRel:
		return d.Rel(q.arg)
	case qLink:
		return d.Link(d.rec.view(q.node))
	case qLinkFile:
		return d.LinkFile(d.rec.view(q.node), q.arg)
	case qAsset:
		return d.Asset(q.arg)
	case qIsCurrent:
		return d.IsCurrent(q.arg)
	case qCanonical:
		return d.Canonical()
	case qListsDisclosures:
		return d.ListsDisclosures()
	}
	panic("render: unknown question")
}

func nodeOf(v *PageView) *site.Node {
	if v == nil {
		return nil
	}
	return v.n
}

// asked is a question with the answer it got.
type asked struct {
	q question
	a any
}

// step is a node of a partial's tree of answers: the question asked
// next, or, where the partial ended, what it wrote and read.
type step struct {
	q    question
	next map[any]*step
	done *reused
}

type reused struct {
	html  template.HTML
	reads []key
}

// reuseCache holds, for one build, the tree of each partial run through
// reuse, by layout (a layout's file may define its own partials) and
// partial. It is safe for concurrent use.
type reuseCache struct {
	mu    sync.Mutex
	trees map[[2]string]*step
}

// find returns what the partial wrote for the answers d gives, or nil.
func (c *reuseCache) find(layout, name string, d *Data) *reused {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.trees[[2]string{layout, name}]
	for s != nil && s.done == nil {
		s = s.next[answer(s.q, d)]
	}
	if s == nil {
		return nil
	}
	return s.done
}

// add keeps what the partial wrote after the questions and answers of
// path.
func (c *reuseCache) add(layout, name string, path []asked, r *reused) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.trees == nil {
		c.trees = map[[2]string]*step{}
	}
	id := [2]string{layout, name}
	at := c.trees[id]
	if at == nil {
		at = &step{}
		c.trees[id] = at
	}
	for _, a := range path {
		switch {
		case at.done != nil:
			return // cannot be: the same answers led to the same end
		case at.next == nil:
			at.q, at.next = a.q, map[any]*step{}
		case at.q != a.q:
			return // cannot be: the same answers led to the same question
		}
		n := at.next[a.a]
		if n == nil {
			n = &step{}
			at.next[a.a] = n
		}
		at = n
	}
	if at.next == nil {
		at.done = r
	}
}

// reuse is the template function: the partial name run with data, from
// c when data is an output's *Data; anything else (a *Shared, inside a
// reused partial) runs it as {{ template }} would.
func (w *worker) reuse(c *reuseCache, name string, data any) (template.HTML, error) {
	d, ok := data.(*Data)
	if !ok || d.rec.capturing {
		var b bytes.Buffer
		err := w.in.ExecuteTemplate(&b, w.layout, name, data)
		return template.HTML(b.String()), err
	}
	if r := c.find(w.layout, name, d); r != nil {
		for _, k := range r.reads {
			d.rec.read(k.kind, k.id)
		}
		return r.html, nil
	}
	sh := &Shared{d: d, path: new([]asked)}
	var b bytes.Buffer
	d.rec.capture()
	err := w.in.ExecuteTemplate(&b, w.layout, name, sh)
	reads := d.rec.done()
	if err != nil {
		return "", err
	}
	slices.SortFunc(reads, func(a, b key) int {
		if c := cmp.Compare(a.kind, b.kind); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	r := &reused{html: template.HTML(b.String()), reads: slices.Compact(reads)}
	c.add(w.layout, name, *sh.path, r)
	return r.html, nil
}
