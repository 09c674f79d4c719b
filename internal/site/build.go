package site

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/source"
	"github.com/pubgen/pubgen/internal/suggest"
	"github.com/pubgen/pubgen/internal/thumb"
)

// Options choose what is published.
type Options struct {
	Drafts bool      // publish pages with draft: true
	Future bool      // publish pages whose publish_date is after Now
	Now    time.Time // the build's "today"
	// Related, when set, remembers related pages between the builds of a
	// session; they are reused while no page's tags, branch or list
	// position changed.
	Related *RelatedMemo
}

// Build places pages in the site. bundles lists each bundle folder's files.
func Build(cfg *config.Config, pages []*page.Page, bundles map[string][]string, opts Options) (*Site, diag.List) {
	var l diag.List
	s := &Site{Config: cfg, Now: opts.Now, bySource: map[string]*Node{}, byURL: map[string]*Node{}}
	sections := s.place(pages, bundles, opts, &l)
	if s.Home == nil {
		s.Home = &Node{Page: page.Default(page.KindHome, source.ContentDir+"/_index.md", "", cfg.Title)}
	}
	s.order(sections)
	sortNodes(s.Pages)
	sortNodes(s.Plain)
	s.taxonomies()
	s.relatedVia(opts.Related)
	s.series()
	s.aliases(&l)
	s.claimAll(&l)
	return s, l
}

// place gives every published page its node and address and files it in
// its section, reporting pages that collide or name a missing branch or
// file. It returns the sections by folder name.
func (s *Site) place(pages []*page.Page, bundles map[string][]string, opts Options, l *diag.List) map[string]*Section {
	sections := map[string]*Section{}
	section := func(name string) *Section {
		sec := sections[name]
		if sec == nil {
			sec = &Section{Name: name, URL: name + "/"}
			sections[name] = sec
		}
		return sec
	}
	for _, p := range pages {
		if p.Draft && !opts.Drafts {
			continue
		}
		if !p.PublishDate.IsZero() && p.PublishDate.After(opts.Now) && !opts.Future {
			s.Waiting = append(s.Waiting, p)
			continue
		}
		if a, held := awaitingApproval(p, opts.Now); held && !opts.Drafts {
			s.Awaiting = append(s.Awaiting, a)
			continue
		}
		n := &Node{Page: p, Pinned: PinnedAt(p, opts.Now, s.Config.Location)}
		switch p.Kind {
		case page.KindHome:
			s.Home = n
		case page.KindSection:
			n.URL = p.Section + "/"
			section(p.Section).Index = n
		default:
			n.URL = pageURL(p)
			var refused []string
			if p.Bundle {
				n.Files, refused = publishable(bundles[p.BundleDir], s.Config.Markdown.Unsafe)
			}
			if p.Section != "" {
				n.Parent = section(p.Section)
				n.Parent.Pages = append(n.Parent.Pages, n)
			} else {
				s.Plain = append(s.Plain, n)
			}
			s.Pages = append(s.Pages, n)
			checkBranch(s.Config, n, l)
			checkFiles(n, bundles[p.BundleDir], s.Config.Markdown.Unsafe, l)
			warnRefused(n, refused, l)
		}
		s.bySource[p.Path] = n
		if prev, dup := s.byURL[n.URL]; dup {
			l.Error(p.Path, 1, 1, "slug", msg.SlugTaken, n.File(), prev.Path)
			continue
		}
		s.byURL[n.URL] = n
	}
	return sections
}

// order lists the sections — the four typed ones first in their usual
// order (as in the navigation of a party-building portal), then any others
// by name — gives each an index page, and sorts and links its pages.
func (s *Site) order(sections map[string]*Section) {
	names := make([]string, 0, len(sections))
	for name := range sections {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		ri, rj := sectionRank(names[i]), sectionRank(names[j])
		if ri != rj {
			return ri < rj
		}
		return names[i] < names[j]
	})
	for _, name := range names {
		sec := sections[name]
		if sec.Index == nil {
			// A typed section is titled with its type's name.
			title := name
			if t, ok := page.TypeOf(page.SectionTypes[name]); ok {
				title = t.Title
			}
			sec.Index = &Node{URL: sec.URL, Page: page.Default(page.KindSection, source.ContentDir+"/"+name+"/_index.md", name, title)}
		}
		sortNodes(sec.Pages)
		for i, n := range sec.Pages {
			if i > 0 {
				n.Prev = sec.Pages[i-1]
			}
			if i+1 < len(sec.Pages) {
				n.Next = sec.Pages[i+1]
			}
		}
		s.Sections = append(s.Sections, sec)
	}
}

// sectionRank orders the typed sections as page.Types lists them, then
// the others.
func sectionRank(name string) int {
	for i, t := range page.Types {
		if t.Section != "" && t.Section == name {
			return i
		}
	}
	return len(page.Types)
}

// pageURL is the site folder of a page: section/slug/, where the slug is
// the front matter's or the file (or bundle folder) name made fit for an
// address (fileSlug).
func pageURL(p *page.Page) string {
	slug := p.Slug
	dir := path.Dir(strings.TrimPrefix(p.Path, source.ContentDir+"/"))
	if p.Bundle {
		dir = path.Dir(dir)
	}
	if slug == "" {
		base := path.Base(p.Path)
		if p.Bundle {
			base = path.Base(path.Dir(p.Path))
		}
		slug = fileSlug(strings.TrimSuffix(base, ".md"))
	}
	if dir == "." {
		return slug + "/"
	}
	return dir + "/" + slug + "/"
}

func checkBranch(cfg *config.Config, n *Node, l *diag.List) {
	if n.Branch == "" || len(cfg.Branches) == 0 {
		return
	}
	if _, ok := cfg.BranchByName(n.Branch); ok {
		return
	}
	var names []string
	for _, b := range cfg.Branches {
		names = append(names, b.Name)
	}
	if s, ok := suggest.Closest(n.Branch, names); ok {
		l.Error(n.Path, n.Line("branch"), 0, "branch", msg.BranchUnknownDidYouMean, n.Branch, s)
		return
	}
	l.Error(n.Path, n.Line("branch"), 0, "branch", msg.BranchUnknown, n.Branch, strings.Join(names, "、"))
}

// checkFiles reports attachments and images named in the front matter that
// are not among the bundle's files (all, published or not), SVG photos,
// and, in safe mode, attachments that can run script.
func checkFiles(n *Node, all []string, unsafe bool, l *diag.List) {
	have := map[string]bool{}
	for _, f := range all {
		have[f] = true
	}
	check := func(field, file string) {
		if file == "" {
			return
		}
		if !unsafe && ScriptFile(file) && !svgImage(file) {
			l.Error(n.Path, n.Line(field), 0, field, msg.FileProblem, file, msg.New(msg.FileScript))
			return
		}
		if !n.Bundle {
			l.Error(n.Path, n.Line(field), 0, field, msg.FileProblem, file, msg.New(msg.FileNotBundle, strings.TrimSuffix(n.Path, ".md"), file))
			return
		}
		if !have[path.Clean(file)] {
			l.Error(n.Path, n.Line(field), 0, field, msg.FileProblem, file, NotInBundle(n, all, file))
		}
	}
	for i, a := range n.Attachments {
		check(fmt.Sprintf("attachments[%d]", i), a.File)
	}
	photo := func(field, file string) {
		if svgImage(file) {
			l.Error(n.Path, n.Line(field), 0, field, msg.PhotoSVG)
			return
		}
		if u, ok := thumb.UnviewableName(file); ok {
			l.Error(n.Path, n.Line(field), 0, field, msg.FileProblem, file, u.Text())
			return
		}
		check(field, file)
	}
	for i, g := range n.Gallery {
		photo(fmt.Sprintf("gallery[%d].file", i), g.File)
	}
	photo("cover", n.Cover)
}

// warnRefused names the bundle files safe mode keeps out of public/, so an
// author who meant to publish one learns why it is missing.
func warnRefused(n *Node, refused []string, l *diag.List) {
	if len(refused) == 0 {
		return
	}
	l.Warn(n.Path, 1, 0, "", msg.FilesScriptsLeftOut, n.BundleDir, strings.Join(refused, ", "))
}

// sortNodes orders pages: pinned first, then by weight (weighted before
// unweighted), newest first, then by path, so the order is total.
//
// Paths are unique, so the order is total and an unstable sort gives the
// one answer; slices' sort takes a third of the time sort.SliceStable did,
// on every rebuild.
func sortNodes(nodes []*Node) {
	slices.SortFunc(nodes, func(a, b *Node) int {
		if a.Pinned != b.Pinned {
			if a.Pinned {
				return -1
			}
			return 1
		}
		if a.Weight != b.Weight {
			if a.Weight == 0 || b.Weight == 0 {
				if b.Weight == 0 {
					return -1
				}
				return 1
			}
			return cmp.Compare(a.Weight, b.Weight)
		}
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
}

func (s *Site) taxonomies() {
	branchSlug := func(name string) string {
		if b, ok := s.Config.BranchByName(name); ok {
			return b.Slug
		}
		return slugify(name)
	}
	s.Branches = group("branches", s.Pages, func(n *Node) []string {
		if n.Branch == "" {
			return nil
		}
		return []string{n.Branch}
	}, branchSlug)
	s.Tags = group("tags", s.Pages, func(n *Node) []string { return n.Tags }, slugify)
	s.Years = group("years", s.Pages, func(n *Node) []string {
		if n.Date.IsZero() {
			return nil
		}
		return []string{YearOf(n.Date, s.Config.Location)}
	}, func(y string) string { return y })
	// Newest year first reads naturally; other terms sort by name.
	sort.SliceStable(s.Years.Terms, func(i, j int) bool { return s.Years.Terms[i].Name > s.Years.Terms[j].Name })
}

func group(name string, pages []*Node, keys func(*Node) []string, slug func(string) string) *Taxonomy {
	t := &Taxonomy{Name: name, URL: name + "/"}
	terms := map[string]*Term{}
	for _, n := range pages {
		for _, k := range keys(n) {
			term := terms[k]
			if term == nil {
				term = &Term{Name: k, Slug: slug(k)}
				term.URL = t.URL + term.Slug + "/"
				terms[k] = term
				t.Terms = append(t.Terms, term)
			}
			if len(term.Pages) == 0 || term.Pages[len(term.Pages)-1] != n {
				term.Pages = append(term.Pages, n)
			}
		}
	}
	sort.SliceStable(t.Terms, func(i, j int) bool { return t.Terms[i].Name < t.Terms[j].Name })
	return t
}

// slugify keeps letters and digits (Chinese included) and turns everything
// else into single dashes, so tags like "三会一课" stay readable in paths.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 0x7f && isLetterOrDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		out = "term"
	}
	return out
}

// RelatedMemo holds the related pages of the last build of a session.
type RelatedMemo struct {
	sig [32]byte
	// related are the related pages of every page, by their places in
	// the list of pages: page i's are related[at[i]:at[i+1]]. The places
	// are good for any graph with the same signature, which covers every
	// page's path in list order; a table by path cost a lookup a page and
	// a lookup a related page on every rebuild.
	at      []int32
	related []int32
}

// relatedVia is related, reusing rm's answer when the inputs of the
// computation — every page's path, tags and branch, in list order — are
// those it was computed from.
func (s *Site) relatedVia(rm *RelatedMemo) {
	if rm == nil {
		s.related()
		return
	}
	h := memo.NewHasher()
	for _, n := range s.Pages {
		h.String(n.Path)
		h.String(n.Branch)
		h.Int(len(n.Tags))
		for _, t := range n.Tags {
			h.String(t)
		}
	}
	sig := h.Sum()
	if sig == rm.sig && len(rm.at) == len(s.Pages)+1 {
		// One array holds every page's list; each is capped, so that an
		// append to one cannot write into the next.
		all := make([]*Node, len(rm.related))
		for i, r := range rm.related {
			all[i] = s.Pages[r]
		}
		for i, n := range s.Pages {
			if a, b := rm.at[i], rm.at[i+1]; a < b {
				n.Related = all[a:b:b]
			}
		}
		return
	}
	s.related()
	place := make(map[*Node]int32, len(s.Pages))
	for i, n := range s.Pages {
		place[n] = int32(i)
	}
	rm.sig, rm.at, rm.related = sig, make([]int32, 0, len(s.Pages)+1), rm.related[:0]
	for _, n := range s.Pages {
		rm.at = append(rm.at, int32(len(rm.related)))
		for _, r := range n.Related {
			rm.related = append(rm.related, place[r])
		}
	}
	rm.at = append(rm.at, int32(len(rm.related)))
}

// related picks up to five pages sharing tags (two points each) or the
// branch (one point), the highest score first, then in list order. Only
// pages that share something are looked at, through an inverted index, so
// the work grows with the overlap, not with the square of the site.
func (s *Site) related() {
	byTag := map[string][]int{}
	byBranch := map[string][]int{}
	for i, n := range s.Pages {
		for _, t := range n.Tags {
			byTag[t] = append(byTag[t], i)
		}
		if n.Branch != "" {
			byBranch[n.Branch] = append(byBranch[n.Branch], i)
		}
	}
	score := make([]int, len(s.Pages))
	var touched []int
	bump := func(self int, list []int, by int) {
		for _, o := range list {
			if o == self {
				continue
			}
			if score[o] == 0 {
				touched = append(touched, o)
			}
			score[o] += by
		}
	}
	for i, n := range s.Pages {
		touched = touched[:0]
		for _, t := range uniq(n.Tags) {
			bump(i, byTag[t], 2)
		}
		if n.Branch != "" {
			bump(i, byBranch[n.Branch], 1)
		}
		var top []int // at most 5, best first
		for _, o := range touched {
			pos := len(top)
			for pos > 0 && better(score, o, top[pos-1]) {
				pos--
			}
			if pos < 5 {
				top = append(top, 0)
				copy(top[pos+1:], top[pos:])
				top[pos] = o
				if len(top) > 5 {
					top = top[:5]
				}
			}
		}
		for _, o := range top {
			n.Related = append(n.Related, s.Pages[o])
		}
		for _, o := range touched {
			score[o] = 0
		}
	}
}

// better orders related candidates: higher score, then earlier in the list.
func better(score []int, a, b int) bool {
	if score[a] != score[b] {
		return score[a] > score[b]
	}
	return a < b
}

func uniq(tags []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range tags {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// awaitingApproval says whether a disclosure lacks a step of its procedure
// record, or was approved with a date still to come. A preview (Drafts)
// shows it anyway: the reviewer has to read the item before approving it.
func awaitingApproval(p *page.Page, now time.Time) (Awaiting, bool) {
	if p.Type != page.Disclosure || p.Kind != page.KindPage {
		return Awaiting{}, false
	}
	if missing := p.Review.Missing(); len(missing) > 0 {
		return Awaiting{Page: p, Missing: missing}, true
	}
	if p.Review.ApprovedOn.After(now) {
		return Awaiting{Page: p, From: p.Review.ApprovedOn}, true
	}
	return Awaiting{}, false
}
