// Package minify is the only user of tdewolff/minify, and the build's one
// minify stage (Outputs): every HTML, CSS, JS, SVG, JSON and XML file the
// build makes passes through it, its media type chosen by its extension,
// and no producer (render, the assets, the feeds, the search engine)
// minifies its own.
//
// HTML minification keeps the document and head tags and quotes, so the
// output stays valid HTML5 that any validator and intranet proxy accepts,
// and keeps <meta charset> first in head.
package minify

import (
	"fmt"
	"path"
	"regexp"

	tdm "github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Minifier minifies files by extension. It is safe for concurrent use.
type Minifier struct{ m *tdm.M }

// New returns a Minifier for the file types pubgen writes.
func New() *Minifier {
	m := tdm.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepSpecialComments: false})
	m.Add("text/css", &css.Minifier{})
	m.Add("application/javascript", &js.Minifier{})
	m.Add("image/svg+xml", &svg.Minifier{})
	m.Add("application/json", &json.Minifier{})
	m.AddRegexp(regexp.MustCompile(`[/+]xml$`), &xml.Minifier{KeepWhitespace: false})
	return &Minifier{m: m}
}

var types = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".svg":  "image/svg+xml",
	".json": "application/json",
	".xml":  "application/xml",
}

// Supports reports whether files with the name's extension are minified.
func Supports(name string) bool {
	_, ok := types[path.Ext(name)]
	return ok
}

// File minifies data of the file name; other types come back unchanged.
func (m *Minifier) File(name string, data []byte) ([]byte, error) {
	mt, ok := types[path.Ext(name)]
	if !ok {
		return data, nil
	}
	out, err := m.m.Bytes(mt, data)
	if err != nil {
		return nil, fmt.Errorf("minifying %s: %w", name, err)
	}
	return out, nil
}
