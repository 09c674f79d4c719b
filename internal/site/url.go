package site

import (
	"net/url"
	"path"
	"strings"
)

// Rel returns the link from the output file at fromFile to the site path
// target, both slash paths relative to the site root. A target ending in "/"
// is a folder: portable links name its index.html, so that the link works on
// file://, where no server maps folders to index files; pretty links keep the
// slash. The result is percent-encoded where a browser needs it.
func Rel(fromFile, target string, pretty bool) string {
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	dir := target == "" || strings.HasSuffix(target, "/")
	if dir && !pretty {
		target += "index.html"
	}
	fromDir := path.Dir(fromFile)
	if fromDir == "." {
		fromDir = ""
	}
	from := split(fromDir)
	to := split(strings.TrimSuffix(target, "/"))
	i := 0
	for i < len(from) && i < len(to) && from[i] == to[i] {
		i++
	}
	var parts []string
	for range from[i:] {
		parts = append(parts, "..")
	}
	parts = append(parts, to[i:]...)
	rel := strings.Join(parts, "/")
	if dir && pretty {
		if rel == "" {
			rel = "."
		}
		rel += "/"
		if rel == "./" && frag != "" {
			rel = ""
		}
	}
	if rel == "" && frag == "" {
		rel = "./"
	}
	return escapePath(rel) + frag
}

func split(p string) []string {
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// escapePath percent-encodes what must be encoded in a URL path while
// keeping Chinese characters readable to html/template's own escaping.
func escapePath(p string) string {
	e := (&url.URL{Path: p}).EscapedPath()
	// A first segment with a colon ("a:b.pdf") would read as a URL scheme.
	if first, _, _ := strings.Cut(e, "/"); strings.Contains(first, ":") {
		e = "./" + e
	}
	return e
}

// CatalogueURL is the site path of the 党务公开目录, the list of every
// disclosure by year and category that render makes beside the section.
const CatalogueURL = "disclosures/catalogue/"

// OutputFile is the file a site path is written to: folders get index.html.
func OutputFile(sitePath string) string {
	if sitePath == "" || strings.HasSuffix(sitePath, "/") {
		return sitePath + "index.html"
	}
	return sitePath
}
