package site

import (
	"path"
	"strings"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
)

// ScriptFile reports whether a browser may run script from a file of this
// name when it is served from the site's origin: HTML and XHTML pages,
// JavaScript, SVG (inline <script>, or a <script href> to a file beside
// it) and XML with an XSL stylesheet. In safe mode (markdown.unsafe off)
// such files from content/ are never published, so no author's bundle can
// carry script into the portal.
func ScriptFile(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".js", ".mjs", ".svg", ".svgz", ".xml", ".xsl", ".xslt":
		return true
	}
	return false
}

// svgImage reports whether name is an SVG image, which may hold script and
// so is never accepted as a cover or gallery photo.
func svgImage(name string) bool {
	e := strings.ToLower(path.Ext(name))
	return e == ".svg" || e == ".svgz"
}

// publishable is the part of a bundle's files that may be copied beside
// the page: everything with markdown.unsafe on, else all but script files.
// The refused ones are returned too, so the author can be told.
func publishable(files []string, unsafe bool) (keep, refused []string) {
	if unsafe {
		return files, nil
	}
	for _, f := range files {
		if ScriptFile(f) {
			refused = append(refused, f)
		} else {
			keep = append(keep, f)
		}
	}
	return keep, refused
}

// PublishReferenced narrows n.Files, once the page's Markdown is
// converted, to the files the page refers to — linked or embedded from its
// text (linked: bundle-relative paths), named in its front matter
// (attachments, cover, gallery) — and those content.publish_unreferenced
// lets through. Every other file gets one warning naming it: a draft or
// the scan of an ID card forgotten in a bundle folder must not go public
// just by sitting there.
func (s *Site) PublishReferenced(n *Node, linked []string, l *diag.List) {
	if !n.Bundle || len(n.Files) == 0 {
		return
	}
	refs := map[string]bool{}
	for _, f := range linked {
		refs[f] = true
	}
	for _, f := range fieldFiles(n) {
		refs[path.Clean(f)] = true
	}
	keep := n.Files[:0:0]
	for _, f := range n.Files {
		if refs[f] || s.Config.Content.PublishesUnreferenced(f) {
			keep = append(keep, f)
			continue
		}
		l.Warn(n.BundleDir+"/"+f, 0, 0, "", msg.FileUnlinked, path.Base(n.Path))
	}
	n.Files = keep
}

// fieldFiles are the bundle files the front matter names.
func fieldFiles(n *Node) []string {
	var out []string
	for _, a := range n.Attachments {
		out = append(out, a.File)
	}
	for _, g := range n.Gallery {
		out = append(out, g.File)
	}
	if n.Cover != "" {
		out = append(out, n.Cover)
	}
	return out
}

// NotInBundle says what is wrong with file, named by page n but not among
// its bundle's files. A name that differs only in case from one that is
// there gets that one as the hint: the author's Windows PC opens either,
// the portal's server only the exact name.
func NotInBundle(n *Node, files []string, file string) msg.Text {
	clean := path.Clean(file)
	for _, f := range files {
		if strings.EqualFold(f, clean) {
			return msg.New(msg.FileNotInFolderCase, n.BundleDir, f)
		}
	}
	return msg.New(msg.FileNotInFolder, n.BundleDir)
}
