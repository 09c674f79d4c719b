package privacyscan

import (
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/pubgen/pubgen/internal/attach"
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/privacy"
	"github.com/pubgen/pubgen/internal/site"
	"github.com/pubgen/pubgen/internal/textfile"
)

// What a page publishes besides its text: its web address (made from its
// file and folder names, or its slug), its aliases, and the files of its
// bundle, by name and by content. A number in any of them is as public as
// one in the body.

// scanNames looks for numbers in the page's address and aliases. A number
// in the address is the slug's when the page has one (the file name is
// then not published), else the file's or a folder's.
func scanNames(n *site.Node) []pii {
	var l piiList
	for _, fd := range privacy.Scan(n.URL) {
		w := privacy.Where{Name: privacy.MaskText(n.URL)}
		if n.Slug != "" && strings.Contains(n.Slug, fd.Value) {
			l.add(n.Path, n.Line("slug"), 0, "slug", fd, w)
			continue
		}
		l.add(n.Path, 0, 0, "", fd, w)
	}
	for i, a := range n.Aliases {
		f := fmt.Sprintf("aliases[%d]", i)
		for _, fd := range privacy.Scan(a) {
			l.add(n.Path, n.Line(f), 0, f, fd, privacy.Where{Name: privacy.MaskText(a)})
		}
	}
	return l
}

// scanner reads the bundle files of one build for numbers: through fsys,
// remembering each file's findings in texts (nil: no memo) and reading
// PDF, Word and Excel text through ac. A text file larger than maxFile is
// published unread, with a warning.
type scanner struct {
	fsys    fs.FS
	texts   *memo.Table[textScan]
	ac      *attach.Cache
	maxFile int64
}

// files looks for numbers in the names of the bundle files the page
// publishes and in the text of those that have text (textfile.Readable;
// PDF, .docx and .xlsx text joins here through fileText once it is
// extracted). Each is placed where the page names the file: the
// front-matter field (attachments, cover, gallery), else the body line
// linking it, else the file itself. Files that cannot be read are noted
// in notes.
func (sc *scanner) files(n *site.Node, notes *diag.List) []pii {
	if !n.Bundle || len(n.Files) == 0 {
		return nil
	}
	var l piiList
	fields := n.Page.FileFields()
	for _, f := range n.Files {
		file, line, field := namedAt(n, fields, f)
		for _, fd := range privacy.Scan(f) {
			l.add(file, line, 0, field, fd, privacy.Where{Name: privacy.MaskText(f)})
		}
		name := privacy.MaskText(f)
		for _, t := range sc.text(n.BundleDir+"/"+f, notes) {
			fd, ln, col := t.fd, t.line, t.col
			if field == "" && line == 0 {
				// The file itself is the place: its line, not the page's.
				l.add(file, ln, col, "", fd, privacy.Where{File: name})
				continue
			}
			l.add(file, line, 0, field, fd, privacy.Where{File: name, Line: ln, Col: col})
		}
	}
	return l
}

// textScan is what a session remembers of one bundle file's text: the
// numbers in it, and the file's stat when it was read (package memo's
// rule 5: a stat outside the racy window proves it unchanged, so it is not
// read again).
type textScan struct {
	stat  memo.Stat
	found []textFinding
}

// textFinding is a number in a file's text, with its line and column.
type textFinding struct {
	fd        privacy.Finding
	line, col int
}

// text returns the numbers in the text of the bundle file name,
// remembered by the file's text.
func (sc *scanner) text(name string, notes *diag.List) []textFinding {
	if !textfile.Readable(name) && !attach.Searchable(name) {
		return nil
	}
	fi, err := fs.Stat(sc.fsys, name)
	if err != nil {
		notes.Error(name, 0, 0, "", msg.FileCannotRead, msg.CauseAt(name, err))
		return nil
	}
	st := memo.StatOf(fi)
	if e, _, ok := sc.texts.Last(name); ok && e.stat.Proves(st) {
		return e.found
	}
	text, lines, ok := sc.fileText(name, fi, notes)
	if !ok {
		return nil
	}
	v := memo.Sum([]byte("privacy text"), []byte(name), []byte(text))
	e, ok := sc.texts.Get(name, v)
	if !ok {
		for _, fd := range privacy.Scan(text) {
			ln, col := 0, 0
			if lines {
				before := text[:fd.Offset]
				ln = strings.Count(before, "\n") + 1
				col = utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
			}
			e.found = append(e.found, textFinding{fd, ln, col})
		}
	}
	e.stat = st // taken before the read: a write meanwhile leaves it stale
	sc.texts.Put(name, v, e)
	return e.found
}

// fileText is the text of a published bundle file ("" when it has none
// to read); lines says whether its line numbers mean anything to the
// author. Plain text is package textfile's; PDF, .docx and .xlsx text is
// package attach's, through the build's cache, which search then finds
// filled: so a disclosure's PDF is refused as its body would be, for one
// extraction. That text has no lines the author could find (a number
// there is placed by the field naming the file), and a file attach cannot
// read is left to the search's warning about it.
func (sc *scanner) fileText(name string, fi fs.FileInfo, notes *diag.List) (text string, lines, ok bool) {
	if textfile.Readable(name) {
		data, ok := sc.fileData(name, fi, notes)
		if !ok {
			return "", false, false
		}
		text, _ = textfile.Text(name, data)
		return text, true, true
	}
	parts, _, err := sc.ac.Text(sc.fsys, name)
	if err != nil && len(parts) == 0 {
		return "", false, true
	}
	texts := make([]string, len(parts))
	for i, p := range parts {
		texts[i] = p.Text
	}
	return strings.Join(texts, "\n"), false, true
}

// fileData reads a bundle file of at most maxFile bytes (fi is its stat),
// and notes one that is larger or cannot be read.
func (sc *scanner) fileData(name string, fi fs.FileInfo, notes *diag.List) ([]byte, bool) {
	if fi.Size() > sc.maxFile {
		notes.Warn(name, 0, 0, "", msg.PrivacyNotChecked, path.Base(name), float64(fi.Size())/(1<<20), float64(sc.maxFile)/(1<<20))
		return nil, false
	}
	f, err := sc.fsys.Open(name)
	if err != nil {
		notes.Error(name, 0, 0, "", msg.FileCannotRead, msg.CauseAt(name, err))
		return nil, false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, sc.maxFile+1))
	if err != nil {
		notes.Error(name, 0, 0, "", msg.FileCannotRead, msg.CauseAt(name, err))
		return nil, false
	}
	return data, true
}

// namedAt is where the page names bundle file f: its front-matter field,
// else the first body line holding its name (as written, or escaped as a
// link would be), else the file itself (published by publish_unreferenced,
// or linked in a way no line shows).
func namedAt(n *site.Node, fields []page.Field, f string) (file string, line int, field string) {
	for _, ff := range fields {
		if path.Clean(ff.Value) == f {
			return n.Path, n.Line(ff.Pos), ff.Name
		}
	}
	escaped := (&url.URL{Path: f}).EscapedPath()
	for i, ln := range strings.Split(string(n.Body), "\n") {
		if strings.Contains(ln, f) || strings.Contains(ln, escaped) {
			return n.Path, n.BodyLine + i, "body"
		}
	}
	return n.BundleDir + "/" + f, 0, ""
}
