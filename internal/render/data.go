package render

import (
	"net/url"
	"strings"

	"github.com/pubgen/pubgen/internal/outputs"
	"github.com/pubgen/pubgen/internal/site"
	"github.com/pubgen/pubgen/internal/sitedata"
)

// Options are render settings that come from the build, not the site.
type Options struct {
	Pretty bool              // url_style = "pretty"
	Assets map[string]string // theme asset name ("style.css") → its hashed site path
	Dev    bool              // pubgen serve: add the live-reload script
	Files  *outputs.Files    // calendars, thumbnails and file sizes; nil means none
	Data   *sitedata.Tree    // the site's data/ files, .Site.Data; nil means none
}

// Data is what a template sees. Everything in it that leads into the
// site graph is a view that records what the template read (record.go);
// the plain fields (Kind, File, Title, the Pager's numbers and which
// pages it lists) are the job's own, part of its version (jobVersion).
type Data struct {
	Site     *SiteView // the site graph, through accessors that record what is read
	Page     *PageView // the page; for lists, the section's or home's index page
	Pager    *Pager
	Taxonomy *TaxonomyView
	Term     *TermView
	Target   *PageView // alias pages: where the alias points
	Item     *PageView // set by With, for partials that show one page of a list
	Kind     string    // home, section, page, taxonomy, term, alias, 404, search
	File     string    // the output file, relative to the site root
	Title    string

	opts *Options
	rec  *recorder
}

// graph is the site graph without recording, for the Data helpers: each
// records what it answers under a key of its own.
func (d *Data) graph() *site.Site { return d.Site.s }

// Rel returns the link to a site path from the file being written.
func (d *Data) Rel(target string) string { return site.Rel(d.File, target, d.opts.Pretty) }

// Link returns the link to a page.
func (d *Data) Link(n *PageView) string { return d.Rel(n.URL()) }

// LinkFile returns the link to a file beside a page (attachments, images).
func (d *Data) LinkFile(n *PageView, file string) string { return d.Rel(n.URL() + file) }

// Asset returns the link to a theme asset by its unhashed name.
func (d *Data) Asset(name string) string {
	d.rec.read(kAsset, name)
	if p, ok := d.opts.Assets[name]; ok {
		return d.Rel(p)
	}
	return d.Rel("assets/" + name)
}

// Abs returns the absolute URL of a site path, or "" without base_url:
// absolute URLs only exist where the operator said where the site lives.
func (d *Data) Abs(target string) string {
	base := d.Site.Config().BaseURL()
	if base == "" {
		return ""
	}
	return base + strings.TrimPrefix(target, "/")
}

// RootPath is the path of the site root on its web server: base_url's
// path, or "/" without it. The 404 page needs it: a server shows that
// page at whatever address was asked for (/a/b/c/missing), so its relative
// links must resolve from the root. It is a path, not base_url itself, so
// the page works on any host that serves the site (deploy previews,
// staging) and stays within a CSP of base-uri 'self'.
func (d *Data) RootPath() string {
	u, err := url.Parse(d.Site.Config().BaseURL())
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.EscapedPath()
}

// Canonical is the absolute URL of the page being written, or "".
func (d *Data) Canonical() string {
	if d.Site.Config().BaseURL() == "" || d.Kind == "404" || d.Kind == "alias" {
		return ""
	}
	p := strings.TrimSuffix(d.File, "index.html")
	return d.Abs(p)
}

// Status is a disclosure's publicity status at build time.
func (d *Data) Status(n *PageView) string {
	n.note(kStatus)
	return status(d.graph(), n.n)
}

func status(s *site.Site, n *site.Node) string { return site.Status(n.Page, s.Now, s.Config.Location) }

// Dev reports whether the page is rendered by the dev server.
func (d *Data) Dev() bool { return d.opts.Dev }

// IsCurrent reports whether a site path is the page being written, for
// aria-current in navigation.
func (d *Data) IsCurrent(target string) bool {
	return site.OutputFile(target) == d.File || (target != "" && strings.HasPrefix(d.File, target))
}

// With returns a copy of d whose Item is n, so a partial can show one page
// of a list and still link relative to the file being written.
func (d *Data) With(n *PageView) *Data {
	c := *d
	c.Item = n
	return &c
}

// HasAsset reports whether the theme has an asset, so optional scripts are
// linked only when present.
func (d *Data) HasAsset(name string) bool {
	d.rec.read(kAsset, name)
	_, ok := d.opts.Assets[name]
	return ok
}

// TypeTitle is the section title of a content type, for labels in lists.
func (d *Data) TypeTitle(typ string) string {
	d.rec.read(kTypeTitle, typ)
	return typeTitle(d.graph(), typ)
}

func typeTitle(s *site.Site, typ string) string {
	for _, sec := range s.Sections {
		if len(sec.Pages) > 0 && sec.Pages[0].Type == typ {
			return sec.Index.Title
		}
	}
	return ""
}

// TermURL returns the site path of a term of a taxonomy (branches, tags,
// years), or "" when no published page has it.
func (d *Data) TermURL(taxonomy, name string) string {
	d.rec.read(kTermURL, pair(taxonomy, name))
	return termURL(d.graph(), taxonomy, name)
}

func termURL(s *site.Site, taxonomy, name string) string {
	t := taxonomyNamed(s, taxonomy)
	if t == nil {
		return ""
	}
	for _, term := range t.Terms {
		if term.Name == name {
			return term.URL
		}
	}
	return ""
}

func taxonomyNamed(s *site.Site, name string) *site.Taxonomy {
	for _, t := range []*site.Taxonomy{s.Branches, s.Tags, s.Years} {
		if t.Name == name {
			return t
		}
	}
	return nil
}
