package searchdoc

import (
	"errors"
	"io/fs"
	"path"
	"strconv"

	"github.com/pubgen/pubgen/internal/attach"
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/parallel"
	"github.com/pubgen/pubgen/internal/site"
)

// Attachment is the text of one published attachment of a page.
type Attachment struct {
	Page  *site.Node
	File  string // in the page's bundle
	Title string // the front matter's title for it, else its name
	Parts []attach.Part
}

// ReadAttachments reads the text of every published file of every page
// that attach can read, through the cache, on all cores. A file that
// cannot be read, or only in part, is a warning at the page (at its
// attachments line when the front matter lists it), never an error:
// the page and the file are published all the same. The privacy scan has
// asked the same cache for the same files, so each is extracted once.
func ReadAttachments(fsys fs.FS, s *site.Site, c *attach.Cache, l *diag.List) []Attachment {
	var jobs []Attachment
	for _, n := range s.Pages {
		for _, f := range n.Files {
			if attach.Searchable(f) {
				jobs = append(jobs, Attachment{Page: n, File: f, Title: attachmentTitle(n, f)})
			}
		}
	}
	lists := make([]diag.List, len(jobs))
	parallel.For(len(jobs), func(i int) {
		j := &jobs[i]
		parts, _, err := c.Text(fsys, j.Page.BundleDir+"/"+j.File)
		j.Parts = parts
		if err != nil {
			n, field := j.Page, attachmentField(j.Page, j.File)
			var p *attach.Problem
			switch {
			case errors.As(err, &p) && p.Partial():
				lists[i].Warn(n.Path, n.Line(field), 0, field, msg.AttachPartlySearchable, j.File, p.Text())
			case p != nil:
				lists[i].Warn(n.Path, n.Line(field), 0, field, msg.AttachNotSearchable, j.File, p.Text())
			default:
				lists[i].Warn(n.Path, n.Line(field), 0, field, msg.AttachNotSearchable, j.File, msg.Raw(err.Error()))
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
