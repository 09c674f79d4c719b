package markup

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options are the site's markdown settings.
type Options struct {
	// Unsafe lets raw HTML in Markdown pass through. Off by default: raw HTML
	// is replaced by an HTML comment and script-like link destinations
	// (javascript:, vbscript:, data:, file:) are emptied.
	Unsafe bool
}

// Heading is one heading of a document, for the table of contents.
type Heading struct {
	Level int
	ID    string // the id attribute written on the heading
	Text  string // plain text of the heading
	Line  int    // 1-based line in the source given to Convert
}

// Link is one link or image destination found in the document, after rewriting.
type Link struct {
	Dest  string // destination as written by the author
	Line  int    // 1-based line in the source given to Convert (best effort)
	Image bool
	// Raw marks an address in raw HTML (href, src, srcset, poster, data),
	// collected only with Options.Unsafe and never rewritten.
	Raw bool
}

// Result of converting one document.
type Result struct {
	HTML  []byte
	TOC   []Heading
	Links []Link
}

// Rewriter maps a destination as written (e.g. "../notices/2024-07.md#议程",
// "report.pdf", "https://x") to the one to write into HTML. It is called for
// every link and image destination, but not for autolinks, which always point
// to where they say. Returning dest unchanged is fine.
type Rewriter func(dest string, image bool, line int) string

// Converter turns Markdown into HTML. It holds only configuration that is
// read-only after New, so it is safe for concurrent use by many goroutines.
type Converter struct {
	md     goldmark.Markdown
	unsafe bool
	hash   [32]byte
}

// New returns a Converter for the site's settings.
func New(opts Options) *Converter {
	rendererOpts := []renderer.Option{}
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			// The GFM parts one by one instead of extension.GFM, so that the
			// table writes no alignment itself: style attributes are blocked
			// by the portal's CSP (style-src 'self') and align is obsolete in
			// HTML5, so postParse gives aligned cells a class instead.
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			extension.Linkify,
			extension.TaskList,
			extension.Footnote,
			extension.CJK,
			// No extension.Typographer: it would turn the author's "" and ''
			// into curly quotes, which Chinese text must not get.
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithAttribute(),
			// Ahead of goldmark's own emphasis and strikethrough parsers
			// (priority 500), which never see a '*', '_' or '~' run again.
			parser.WithInlineParsers(
				util.Prioritized(newEmphasisParser(), 499),
				util.Prioritized(newStrikethroughParser(), 499),
			),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return &Converter{md: md, unsafe: opts.Unsafe, hash: optionsHash(opts)}
}

// Hash identifies the converter's settings: two Converters with the same
// Hash turn the same Markdown into the same HTML, so a cache of converted
// pages keys on it (and a session whose [markdown] options change converts
// every page again).
func (c *Converter) Hash() [32]byte { return c.hash }

// optionsHash hashes every field of opts, so an option added later is
// covered without anyone remembering to add it here.
func optionsHash(opts Options) [32]byte {
	b, err := json.Marshal(opts)
	if err != nil {
		panic("markup: options are plain values: " + err.Error())
	}
	return sha256.Sum256(append([]byte("pubgen markup options\x00"), b...))
}

// Convert turns one Markdown document into HTML. rw may be nil, which keeps
// every destination as written. A body that Prescan refuses gives a
// *LimitError and no HTML.
func (c *Converter) Convert(src []byte, rw Rewriter) (Result, error) {
	if !utf8.Valid(src) {
		// goldmark 1.8.7 with its CJK line breaks panics on a text that
		// ends in a broken UTF-8 sequence before a line break (found by
		// FuzzConvert). Such a file was saved in another encoding, usually
		// GBK; the page stage reports that, and here it must not crash the
		// build. U+FFFD keeps every newline, so line numbers still hold.
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	}
	// Before goldmark, whose time on some shapes grows with the square of
	// the input: one page must not hold the build for hours.
	if err := Prescan(src); err != nil {
		return Result{}, err
	}
	ids := newHeadingIDs()
	pc := parser.NewContext(parser.WithIDs(ids))
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	p := postParse{src: src, lines: newLineIndex(src), ids: ids, rw: rw, unsafe: c.unsafe}
	if err := p.run(doc); err != nil {
		return Result{}, fmt.Errorf("markup: %w", err)
	}

	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/2)
	if err := c.md.Renderer().Render(&buf, src, doc); err != nil {
		return Result{}, fmt.Errorf("markup: rendering HTML: %w", err)
	}
	return Result{HTML: buf.Bytes(), TOC: p.toc, Links: p.links}, nil
}
