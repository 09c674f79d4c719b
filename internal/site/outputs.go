package site

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/source"
)

// Claim is one output file (or, with a trailing slash, a whole folder kept
// for the site's own files) and who makes it.
type Claim struct {
	Path string // relative to public/, e.g. notices/a/index.html or search/
	From Origin
}

// CheckOutputs is the one guard every output path passes before anything
// is written, whichever stage computed it (slugs, file names, aliases,
// tags, bundle and static files, the site's own pages): each name must be
// valid on Linux and on a Windows share, and no two claims may be one file,
// one file under a case-insensitive system, or a file and a folder. Every
// message names both sources.
func CheckOutputs(claims []Claim) diag.List {
	// slices' sort, not sort.SliceStable: its reflection-based swapper made
	// this sort most of the check, which runs on every rebuild.
	slices.SortStableFunc(claims, func(a, b Claim) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.From.String(), b.From.String())
	})
	c := checker{reported: map[string]bool{}}
	c.names(claims)
	c.clashes(claims)
	return c.l
}

// ClaimsMemo remembers, between the builds of a session, its last check
// that found nothing wrong: the paths checked, and the origins of the few
// claims whose origins that answer rested on (delicate). On a one-page
// edit the paths are the same, tens of thousands of them, and working
// out every one's origin to compare them cost most of the check.
type ClaimsMemo struct {
	clean    []string
	delicate []int
	origins  []Origin
}

// Claims are the output paths of a build, in a stable order, with who
// makes each: Origins returns the origins of the claims at the places
// given (in increasing order), so that a check answered by a ClaimsMemo
// works out only those it needs. Every claim at a path shared with others
// (but for case) is asked for together with the others.
type Claims struct {
	Paths   []string
	Origins func(at []int) []Origin
}

// CheckClaimsVia is CheckOutputs of c's claims, answered by m when the
// paths are those of its last clean check and so are the origins of the
// claims whose origins mattered to it; a nil m checks every time.
//
// Whether CheckOutputs finds anything rests on the paths alone (names,
// a file where another claim needs a folder) but for two rules: claims
// on one file (or on names a Windows share keeps as one) pass when their
// origins are the same, and a claim inside a kept folder passes when the
// site makes it itself. So the claims at a shared folded path, the kept
// folders and the claims inside them are delicate; no other origin can
// change the answer.
func CheckClaimsVia(c Claims, m *ClaimsMemo) diag.List {
	if m != nil && m.clean != nil && slices.Equal(c.Paths, m.clean) && slices.Equal(c.Origins(m.delicate), m.origins) {
		return nil
	}
	all := make([]int, len(c.Paths))
	for i := range all {
		all[i] = i
	}
	origins := c.Origins(all)
	claims := make([]Claim, len(c.Paths))
	for i, p := range c.Paths {
		claims[i] = Claim{Path: p, From: origins[i]}
	}
	l := CheckOutputs(claims)
	if m == nil {
		return l
	}
	m.clean, m.delicate, m.origins = nil, nil, nil
	if len(l) == 0 {
		m.clean = slices.Clone(c.Paths)
		m.delicate = delicate(c.Paths)
		for _, i := range m.delicate {
			m.origins = append(m.origins, origins[i])
		}
	}
	return l
}

// delicate is the places of the claims at paths whose origins CheckOutputs'
// answer rests on (CheckClaimsVia), in increasing order.
func delicate(paths []string) []int {
	files := make(map[string]int, len(paths))
	folders := map[string]bool{}
	for _, p := range paths {
		if strings.HasSuffix(p, "/") {
			folders[foldName(p)] = true
		} else {
			files[foldName(p)]++
		}
	}
	var at []int
	for i, p := range paths {
		if strings.HasSuffix(p, "/") || files[foldName(p)] > 1 || inFolder(foldName(p), folders) {
			at = append(at, i)
		}
	}
	return at
}

// inFolder reports whether the folded path p is inside one of folders.
func inFolder(p string, folders map[string]bool) bool {
	if len(folders) == 0 {
		return false
	}
	for i := strings.LastIndexByte(p, '/'); i > 0; i = strings.LastIndexByte(p[:i], '/') {
		if folders[p[:i+1]] {
			return true
		}
	}
	return false
}

type checker struct {
	l        diag.List
	reported map[string]bool // one message per pair of origins (or per bad name)
}

// blame adds the message k at o's own file and line, once per key.
func (c *checker) blame(key string, o Origin, path string, k msg.Key, args ...any) {
	if c.reported[key] {
		return
	}
	c.reported[key] = true
	c.reported["path "+path] = true
	file := o.File
	if file == "" {
		file = path
	}
	c.l.Error(file, o.Line, 0, o.Field, k, args...)
}

// names reports every claim whose path has a bad segment, once per bad
// folder, blaming the page rather than each file inside it.
func (c *checker) names(claims []Claim) {
	best := map[string]Claim{}
	var order []string
	for _, cl := range claims {
		seg, problem := PathProblem(cl.Path)
		if problem.IsZero() {
			continue
		}
		at := cl.Path[:strings.Index(cl.Path, seg)+len(seg)]
		prev, ok := best[at]
		if !ok {
			order = append(order, at)
		}
		if !ok || rank(cl.From) < rank(prev.From) {
			best[at] = cl
		}
	}
	for _, at := range order {
		cl := best[at]
		seg, problem := PathProblem(cl.Path)
		c.blame("name "+at, cl.From, cl.Path, msg.OutputBadName, cl.From.subject(), cl.Path, seg, problem)
	}
}

// rank orders origins for blame: the page that chose an address first,
// then other inputs, then the site's own files.
func rank(o Origin) int {
	switch {
	case strings.HasSuffix(o.File, ".md") && (o.Field == "" || o.Field == "slug"):
		return 0
	case o.File != "":
		return 1
	}
	return 2
}

// clashes reports claims that are one file (exactly or but for case), a
// file that another claim needs as a folder, and inputs in a kept folder.
func (c *checker) clashes(claims []Claim) {
	files := map[string]Claim{}   // folded path → first claim
	folders := map[string]Claim{} // folded folder kept for the site's own files
	for _, cl := range claims {
		if strings.HasSuffix(cl.Path, "/") {
			folders[foldName(cl.Path)] = cl
		}
	}
	for _, cl := range claims {
		if strings.HasSuffix(cl.Path, "/") {
			continue
		}
		f := foldName(cl.Path)
		prev, ok := files[f]
		switch {
		case !ok:
			files[f] = cl
		default:
			c.pair(prev, cl)
		}
	}
	for _, cl := range claims {
		p := cl.Path
		for i := strings.LastIndexByte(p, '/'); i > 0; i = strings.LastIndexByte(p[:i], '/') {
			dir := foldName(p[:i])
			if prev, ok := files[dir]; ok {
				a, b := blameFirst(cl, prev)
				c.blame("folder "+a.From.String()+"|"+b.From.String(), a.From, a.Path, msg.OutputFileAndFolder,
					cl.From.subject(), cl.Path, prev.From.Text(), prev.Path, a.From.hint())
				break
			}
			if kept, ok := folders[dir+"/"]; ok && cl.From.File != "" && !c.reported["path "+cl.Path] {
				c.blame("kept "+cl.From.String(), cl.From, cl.Path, msg.OutputKeptFolder,
					cl.From.subject(), cl.Path, kept.Path, kept.From.Text(), cl.From.hint())
				break
			}
		}
	}
}

// pair reports two claims on one file (or on two names a Windows share
// keeps as one) at the one an author can change.
func (c *checker) pair(x, y Claim) {
	a, b := blameFirst(x, y)
	if a.From == b.From {
		return
	}
	key := "pair " + a.From.String() + "|" + b.From.String()
	if a.Path == b.Path {
		c.blame(key, a.From, a.Path, msg.OutputSameFile, a.From.subject(), b.From.Text(), a.Path, a.From.hint())
		return
	}
	c.blame(key, a.From, a.Path, msg.OutputCaseOnly, a.From.subject(), a.Path, b.From.Text(), b.Path, a.From.hint())
}

// blameFirst orders two claims so that the one made by an input, and among
// inputs the one that chose its address, comes first.
func blameFirst(x, y Claim) (Claim, Claim) {
	if rank(y.From) < rank(x.From) {
		return y, x
	}
	return x, y
}

// collide reports, at site level, two origins the site graph gives one
// output file; the build's CheckOutputs cannot tell them apart later, as
// both are rendered pages.
func collide(l *diag.List, path string, a, b Origin) {
	if rank(b) < rank(a) {
		a, b = b, a
	}
	file := a.File
	if file == "" {
		file = path
	}
	l.Error(file, a.Line, 0, a.Field, msg.OutputSameFile, a.subject(), b.Text(), path, a.hint())
}

// claim records that o makes the output file path; a second origin for the
// same path is reported at once.
func (s *Site) claim(path string, o Origin, l *diag.List) {
	prev := s.outputs[path]
	if len(prev) > 0 && prev[0] != o && l != nil && !s.collided[prev[0].String()+"|"+o.String()] {
		s.collided[prev[0].String()+"|"+o.String()] = true
		collide(l, path, prev[0], o)
	}
	s.outputs[path] = append(prev, o)
}

// Origins returns who in the site graph makes the output file path: the
// page, list, term or alias page at that address, or, for a file the build
// makes inside a page's folder (a thumbnail, a web copy, a calendar), that page and
// the field it comes from. It is nil for files the graph does not know.
func (s *Site) Origins(path string) []Origin {
	if o := s.outputs[path]; len(o) > 0 {
		return o
	}
	for i := strings.LastIndexByte(path, '/'); i > 0; i = strings.LastIndexByte(path[:i], '/') {
		if n := s.byURL[path[:i+1]]; n != nil && n.Kind == page.KindPage {
			return []Origin{derivedOrigin(n, path[i+1:])}
		}
	}
	return nil
}

// derivedOrigin names the field of n a file made in its folder comes from.
func derivedOrigin(n *Node, rest string) Origin {
	if rest == "meeting.ics" {
		return Origin{File: n.Path, Line: n.Line("meeting"), Field: "meeting"}
	}
	photo, ok := strings.CutPrefix(rest, "_thumbs/")
	if !ok {
		photo = strings.TrimPrefix(rest, "_web/")
	}
	for _, name := range []string{photo, strings.TrimSuffix(photo, ".jpg"), strings.TrimSuffix(photo, ".png")} {
		if name == n.Cover && name != "" {
			return Origin{File: n.Path, Line: n.Line("cover"), Field: "cover", Value: name}
		}
		for i, g := range n.Gallery {
			if f := fmt.Sprintf("gallery[%d].file", i); g.File == name {
				return Origin{File: n.Path, Line: n.Line(f), Field: f, Value: name}
			}
		}
	}
	return Origin{File: n.Path}
}

// pageOrigin is the origin of a page's own file: its slug when it has one.
func pageOrigin(n *Node) Origin {
	if n.Slug != "" {
		return Origin{File: n.Path, Line: n.Line("slug"), Field: "slug", Value: n.Slug}
	}
	return Origin{File: n.Path}
}

// listOrigin is the origin of a section's list pages: its _index.md, or the
// section's folder when it has none.
func (s *Site) listOrigin(sec *Section) Origin {
	if s.bySource[sec.Index.Path] == sec.Index {
		return Origin{File: sec.Index.Path}
	}
	// The list exists because the folder does.
	return Origin{File: source.ContentDir + "/" + sec.Name + "/"}
}

// termOrigin is where a term's name is first written: the first page of
// the term, at the line of the field that names it.
func termOrigin(t *Taxonomy, term *Term) Origin {
	if len(term.Pages) == 0 {
		return Origin{Name: msg.OriginTermPage, Arg: term.URL}
	}
	n := term.Pages[0]
	switch t.Name {
	case "tags":
		for i, tag := range n.Tags {
			if tag == term.Name {
				f := fmt.Sprintf("tags[%d]", i)
				line := n.Line("tags")
				if pos, ok := n.Pos[f]; ok {
					line = pos.Line
				}
				return Origin{File: n.Path, Line: line, Field: "tags", Value: term.Name}
			}
		}
	case "branches":
		return Origin{File: n.Path, Line: n.Line("branch"), Field: "branch", Value: term.Name}
	}
	return Origin{File: n.Path, Line: n.Line("date"), Field: "date", Value: term.Name}
}

// listOfAll is the origin of a taxonomy's page listing all its terms.
func listOfAll(t *Taxonomy) Origin {
	switch t.Name {
	case "tags":
		return Origin{Name: msg.OriginListTags}
	case "branches":
		return Origin{Name: msg.OriginListBranches}
	case "years":
		return Origin{Name: msg.OriginListYears}
	}
	return Origin{Name: msg.OriginList, Arg: t.Name}
}

// claimAll records the origin of every file the site graph defines, and
// reports two origins for one file: two tags with one slug ("C++" and "C#"
// both become tags/c/), a page at a term's address, a bundle file shadowing
// its page.
func (s *Site) claimAll(l *diag.List) {
	s.outputs, s.collided = map[string][]Origin{}, map[string]bool{}
	home := Origin{Name: msg.OriginHome}
	if s.bySource[s.Home.Path] == s.Home {
		home = Origin{File: s.Home.Path}
	}
	s.claim("index.html", home, l)
	size := s.Config.PageSize
	for _, sec := range s.Sections {
		for _, u := range pagerURLs(len(sec.Pages), size, sec.URL) {
			s.claim(OutputFile(u), s.listOrigin(sec), l)
		}
	}
	for _, n := range s.Pages {
		s.claim(n.File(), pageOrigin(n), nil) // duplicate slugs are reported by place
		for _, f := range n.Files {
			s.claim(n.URL+f, Origin{File: n.BundleDir + "/" + f}, l)
		}
	}
	for _, t := range []*Taxonomy{s.Branches, s.Tags, s.Years} {
		s.claim(OutputFile(t.URL), listOfAll(t), l)
		for _, term := range t.Terms {
			for _, u := range pagerURLs(len(term.Pages), size, term.URL) {
				s.claim(OutputFile(u), termOrigin(t, term), l)
			}
		}
	}
	for _, n := range s.Pages {
		for i, a := range n.Aliases {
			f := fmt.Sprintf("aliases[%d]", i)
			line := n.Line("aliases")
			if pos, ok := n.Pos[f]; ok {
				line = pos.Line
			}
			s.claim(OutputFile(a+"/"), Origin{File: n.Path, Line: line, Field: "aliases", Value: a}, nil) // reported by aliases
		}
	}
}
