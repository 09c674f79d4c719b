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
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"

	tdm "github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2"

	"github.com/pubgen/pubgen/internal/msg"
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
	var pe *parse.Error
	if errors.As(err, &pe) {
		return nil, &SyntaxError{File: name, Line: pe.Line, Col: pe.Column, Detail: pe.Message}
	}
	if err != nil {
		return nil, fmt.Errorf("minifying %s: %w", name, err)
	}
	return out, nil
}

// SyntaxError is a file the minifier cannot parse: CSS or JS with a
// mistake, on its own (an asset) or inside a page's <script>,
// <style> or style="…" (File is then the page, as written, and Line its
// line there). Detail is the parser's own words, which name what it
// expected.
type SyntaxError struct {
	File      string
	Line, Col int
	Detail    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("minifying %s: %s on line %d and column %d", e.File, e.Detail, e.Line, e.Col)
}

// Text is e in the catalogue's words: an asset (assets/…, a copy of the
// site's or the theme's file, minified as it is) at its line and column,
// a page at the line of the page as written.
func (e *SyntaxError) Text() msg.Text {
	k := msg.MinifyOutput
	if strings.HasPrefix(e.File, "assets/") {
		k = msg.MinifyAsset
	}
	return msg.New(k, e.File, e.Line, e.Col, msg.Raw(e.Detail))
}
