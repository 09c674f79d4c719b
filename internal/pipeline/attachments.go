package pipeline

import (
	"errors"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/pubgen/pubgen/internal/attach"
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/parallel"
	"github.com/pubgen/pubgen/internal/search"
	"github.com/pubgen/pubgen/internal/site"
)

// attachmentText is the text of one published attachment of a page.
type attachmentText struct {
	n     *site.Node
	file  string // in the page's bundle
	title string // the front matter's title for it, else its name
	parts []attach.Part
}

// readAttachments reads the text of every published file of every page
// that attach can read, through the cache, on all cores. A file that
// cannot be read, or only in part, is a warning at the page (at its
// attachments line when the front matter lists it), never an error:
// the page and the file are published all the same. The privacy scan has
// asked the same cache for the same files, so each is extracted once.
func readAttachments(fsys fs.FS, s *site.Site, c *attach.Cache, l *diag.List) []attachmentText {
	var jobs []attachmentText
	for _, n := range s.Pages {
		for _, f := range n.Files {
			if attach.Searchable(f) {
				jobs = append(jobs, attachmentText{n: n, file: f, title: attachmentTitle(n, f)})
			}
		}
	}
	lists := make([]diag.List, len(jobs))
	parallel.For(len(jobs), func(i int) {
		j := &jobs[i]
		parts, _, err := c.Text(fsys, j.n.BundleDir+"/"+j.file)
		j.parts = parts
		if err != nil {
			field := attachmentField(j.n, j.file)
			var p *attach.Problem
			switch {
			case errors.As(err, &p) && p.Partial():
				lists[i].Warn(j.n.Path, j.n.Line(field), 0, field, msg.AttachPartlySearchable, j.file, p.Text())
			case p != nil:
				lists[i].Warn(j.n.Path, j.n.Line(field), 0, field, msg.AttachNotSearchable, j.file, p.Text())
			default:
				lists[i].Warn(j.n.Path, j.n.Line(field), 0, field, msg.AttachNotSearchable, j.file, msg.Raw(err.Error()))
			}
		}
	})
	for i := range jobs {
		*l = append(*l, lists[i]...)
	}
	return jobs
}

// attachmentField names the front-matter entry listing file, "" when the
// file is linked from the text only.
func attachmentField(n *site.Node, file string) string {
	for i, a := range n.Attachments {
		if a.File == file {
			return "attachments[" + strconv.Itoa(i) + "].file"
		}
	}
	return ""
}

func attachmentTitle(n *site.Node, file string) string {
	for _, a := range n.Attachments {
		if a.File == file && a.Title != "" {
			return a.Title
		}
	}
	return path.Base(file)
}

// attachmentDocs makes one search document per part of each attachment
// (a PDF page, a sheet, a whole document): a result of its own, shown
// under its page (PageURL, PageTitle), titled with the attachment's name
// and page from the theme's strings, linking to the file (#page=N opens a
// PDF at its page in browsers' viewers).
// Everything else is its page's document (pageDoc): type, branch,
// category, status and the site's date, day and year, so the filters
// treat it as part of that page, and the page's privacy mask over its
// text. The page's summary and tags are left out: they describe the page,
// and every page of a long PDF matching a tag would bury the page.
func attachmentDocs(s *site.Site, texts []attachmentText, t func(string) string, masks *maskMemo, pretty bool) []search.Doc {
	var docs []search.Doc
	for _, a := range texts {
		page, mask := pageDoc(s, a.n, pretty, masks)
		for _, p := range a.parts {
			d := page
			d.ID = a.n.Path + "#" + a.file
			d.URL = a.n.URL + escapeFile(a.file)
			d.Title = strings.ReplaceAll(t("search_attachment"), "{name}", a.title)
			switch {
			case p.Page > 0:
				d.ID += "#" + strconv.Itoa(p.Page)
				d.URL += "#page=" + strconv.Itoa(p.Page)
				d.Title = strings.NewReplacer("{name}", a.title, "{page}", strconv.Itoa(p.Page)).Replace(t("search_attachment_page"))
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

// attachmentReport is what the build report says of attachments.
type attachmentReport struct {
	Files     int `json:"files"`     // searchable attachments published
	Parts     int `json:"parts"`     // search results they make (PDF pages, sheets)
	Extracted int `json:"extracted"` // read this build; the rest came from the cache
}

func newAttachmentReport(texts []attachmentText, extracted int) attachmentReport {
	r := attachmentReport{Files: len(texts), Extracted: extracted}
	for _, a := range texts {
		r.Parts += len(a.parts)
	}
	return r
}
