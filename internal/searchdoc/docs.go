package searchdoc

import (
	"slices"
	"strconv"
	"strings"

	"github.com/pubgen/pubgen/internal/search"
	"github.com/pubgen/pubgen/internal/site"
)

// Pages turns the published pages into what the index holds. pretty is
// whether the site links folders (notices/a/) rather than their
// index.html, as the results link pages.
func Pages(s *site.Site, pretty bool, masks *MaskMemo) []search.Doc {
	docs := make([]search.Doc, 0, len(s.Pages))
	for _, n := range s.Pages {
		d, _ := pageDoc(s, n, pretty, masks)
		docs = append(docs, d)
	}
	return docs
}

// pageDoc is the page n as the index holds it, and the mask every text of
// it goes through (field names the text's place in the page, for the
// memo). Dates, years and statuses are the site's own: its
// calendar and its build's now. The index holds no whole personal-data
// number a page did not allow (privacy.allow): a page that publishes one
// with a warning still shows it, but the shards, which anyone can
// download whole and grep, and pubgen search hold it masked. Text added
// to a Doc later (attachments', Attachments) goes through the same mask.
func pageDoc(s *site.Site, n *site.Node, pretty bool, masks *MaskMemo) (search.Doc, func(field, text string) string) {
	loc := s.Config.Location
	url := n.File()
	if pretty {
		url = n.URL
	}
	var allow []string
	if n.Privacy != nil {
		allow = n.Privacy.Allow
	}
	mask := func(field, text string) string { return masks.mask(n.Path+"\x00"+field, text, allow) }
	texts := append([]string{n.Title, n.Summary, n.PlainText, n.Branch, n.Category}, n.Tags...)
	m := masks.maskPage(n.Path, texts, allow)
	var tags []string
	if len(n.Tags) > 0 {
		tags = slices.Clone(m[5:])
	}
	return search.Doc{
		ID: n.Path, URL: url, Title: m[0], Summary: m[1], Body: m[2],
		Tags: tags, Branch: m[3], Type: n.Type, Category: m[4],
		Status: site.Status(n.Page, s.Now, loc),
		Date:   n.Date.In(loc), Day: site.DayOf(n.Date, loc), Year: site.YearOf(n.Date, loc),
	}, mask
}

// Attachments makes one search document per part of each attachment
// (a PDF page, a sheet, a whole document): a result of its own, shown
// under its page (PageURL, PageTitle), titled with the attachment's name
// and page from the theme's strings t, linking to the file (#page=N opens
// a PDF at its page in browsers' viewers).
// Everything else is its page's document (pageDoc): type, branch,
// category, status and the site's date, day and year, so the filters
// treat it as part of that page, and the page's privacy mask over its
// text. The page's summary and tags are left out: they describe the page,
// and every page of a long PDF matching a tag would bury the page.
func Attachments(s *site.Site, texts []Attachment, t func(string) string, masks *MaskMemo, pretty bool) []search.Doc {
	var docs []search.Doc
	for _, a := range texts {
		page, mask := pageDoc(s, a.Page, pretty, masks)
		for _, p := range a.Parts {
			d := page
			d.ID = a.Page.Path + "#" + a.File
			d.URL = a.Page.URL + escapeFile(a.File)
			d.Title = strings.ReplaceAll(t("search_attachment"), "{name}", a.Title)
			switch {
			case p.Page > 0:
				d.ID += "#" + strconv.Itoa(p.Page)
				d.URL += "#page=" + strconv.Itoa(p.Page)
				d.Title = strings.NewReplacer("{name}", a.Title, "{page}", strconv.Itoa(p.Page)).Replace(t("search_attachment_page"))
			case p.Sheet != "":
				d.ID += "#" + p.Sheet
				d.Title += " · " + p.Sheet
			}
			d.Title, d.Summary, d.Body, d.Tags = mask(d.ID+"\x00title", d.Title), "", mask(d.ID+"\x00body", p.Text), nil
			d.PageURL, d.PageTitle = page.URL, page.Title
			docs = append(docs, d)
		}
	}
	return docs
}

// escapeFile keeps a file name that holds #, ? or % a path in a link.
func escapeFile(f string) string {
	return strings.NewReplacer("%", "%25", "#", "%23", "?", "%3F").Replace(f)
}
