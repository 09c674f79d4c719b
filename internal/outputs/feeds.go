package outputs

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/publish"
	"github.com/pubgen/pubgen/internal/site"
)

// Feeds returns the files that need absolute URLs: an Atom feed per
// section, sitemap.xml and robots.txt. Without base_url there are none, since
// a feed or sitemap with relative URLs is useless to its readers. Text goes
// through encoding/xml, so titles cannot break out of their elements.
// Each file comes with its claim, which names it for messages about its
// address: the site graph knows none of them. The build's minify stage
// minifies the XML files, as it does every output.
func Feeds(s *site.Site, pretty bool) ([]publish.Entry, []site.Claim, error) {
	base := s.Config.BaseURL
	if base == "" {
		return nil, nil, nil
	}
	abs := func(u string) string {
		if !pretty && (u == "" || u[len(u)-1] == '/') {
			u += "index.html"
		}
		return base + u
	}
	var out []publish.Entry
	var claims []site.Claim
	add := func(p string, data []byte, from site.Origin) {
		out = append(out, publish.Entry{Path: p, Data: data})
		claims = append(claims, site.Claim{Path: p, From: from})
	}
	for _, sec := range s.Sections {
		b, err := atom(s, sec, abs)
		if err != nil {
			return nil, nil, err
		}
		add(sec.URL+"index.xml", b, site.Origin{Name: msg.OriginFeed, Arg: sec.URL})
	}
	b, err := sitemap(s, abs)
	if err != nil {
		return nil, nil, err
	}
	add("sitemap.xml", b, site.Origin{Name: msg.OriginSitemap})
	add("robots.txt", []byte("User-agent: *\nAllow: /\nSitemap: "+base+"sitemap.xml\n"), site.Origin{Name: msg.OriginRobots})
	return out, claims, nil
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Link    atomLink `xml:"link"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary,omitempty"`
	Author  string   `xml:"author>name,omitempty"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Links   []atomLink  `xml:"link"`
	Updated string      `xml:"updated"`
	Author  string      `xml:"author>name"`
	Entries []atomEntry `xml:"entry"`
}

func atom(s *site.Site, sec *site.Section, abs func(string) string) ([]byte, error) {
	f := atomFeed{
		Title:  sec.Index.Title + " - " + s.Config.Title,
		ID:     abs(sec.URL),
		Links:  []atomLink{{Href: abs(sec.URL)}, {Href: s.Config.BaseURL + sec.URL + "index.xml", Rel: "self"}},
		Author: s.Config.Title,
	}
	// The feed's updated time is its newest entry's, never the clock: two
	// builds of the same content give the same bytes.
	var newest time.Time
	for i, n := range sec.Pages {
		if n.Date.After(newest) {
			newest = n.Date
		}
		if i >= 20 {
			continue
		}
		f.Entries = append(f.Entries, atomEntry{
			Title: n.Title, ID: abs(n.URL), Link: atomLink{Href: abs(n.URL)},
			Updated: n.Date.UTC().Format(time.RFC3339), Summary: n.Summary, Author: n.Branch,
		})
	}
	if newest.IsZero() {
		newest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.Updated = newest.UTC().Format(time.RFC3339)
	return marshal(f)
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

func sitemap(s *site.Site, abs func(string) string) ([]byte, error) {
	u := urlset{URLs: []sitemapURL{{Loc: abs("")}}}
	for _, sec := range s.Sections {
		u.URLs = append(u.URLs, sitemapURL{Loc: abs(sec.URL)})
	}
	for _, n := range s.Pages {
		u.URLs = append(u.URLs, sitemapURL{Loc: abs(n.URL), LastMod: n.Date.Format("2006-01-02")})
	}
	return marshal(u)
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		// Only values of a type encoding/xml cannot write fail: ours.
		return nil, msg.Fail(err, msg.Internal, msg.Raw("writing xml: "+err.Error()))
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
