package site

import (
	"path"
	"strings"
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
