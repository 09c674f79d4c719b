package incremental

import (
	"github.com/pubgen/pubgen/internal/attach"
	"github.com/pubgen/pubgen/internal/convert"
	"github.com/pubgen/pubgen/internal/minify"
	"github.com/pubgen/pubgen/internal/outputs"
	"github.com/pubgen/pubgen/internal/privacyscan"
	"github.com/pubgen/pubgen/internal/render"
	"github.com/pubgen/pubgen/internal/scaffold"
	"github.com/pubgen/pubgen/internal/searchdoc"
	"github.com/pubgen/pubgen/internal/site"
)

// Memory is what one session remembers, in the order the build asks: a
// table per stage, each with the key and version named at its type. It is
// used by one build at a time. A nil *Memory hands out nil tables, which
// remember nothing.
type Memory struct {
	pages   Pages               // parsed pages by source path, from page.Version
	related site.RelatedMemo    // each page's related pages, from the graph's signature
	hints   scaffold.HintsMemo  // each page's archetype hints left, from its Sum and its type's placeholders
	convert convert.Memo        // each page's HTML, TOC and text, from its Sum, the converter's hash and the link environment
	privacy privacyscan.Memo    // each page's personal-data findings, from its Sum and text; bundle text files' by their bytes
	files   outputs.PrepareMemo // thumbnails by photo bytes and pixel limit, calendars by event
	prints  render.PageMemo     // what each page contributes to the versions of what outputs read
	render  render.Cache        // rendered files by fingerprint and the versions of what they read
	minify  minify.Memo         // minified outputs by path, while the path holds the same bytes
	masks   searchdoc.MaskMemo  // search texts masked of personal data, by their place, while it holds the same text
	copied  Copied              // copied files' bytes by source path, while their stat proves them unchanged
	claims  site.ClaimsMemo     // the output paths' last clean check, while the claims are the same
	export  Exported            // the search export, by a version of all search documents (fresh processes only)
	// attach holds attachments' text by content (package attach keeps
	// its own rules, on disk too); made on first use with the session's
	// folder.
	attach *attach.Cache
}

// Pages is the parsed-page table.
func (m *Memory) Pages() *Pages {
	if m == nil {
		return nil
	}
	return &m.pages
}

// Related is the related-pages table.
func (m *Memory) Related() *site.RelatedMemo {
	if m == nil {
		return nil
	}
	return &m.related
}

// Hints is the archetype-hint table.
func (m *Memory) Hints() *scaffold.HintsMemo {
	if m == nil {
		return nil
	}
	return &m.hints
}

// Convert is the conversion table.
func (m *Memory) Convert() *convert.Memo {
	if m == nil {
		return nil
	}
	return &m.convert
}

// Privacy is the personal-data scan's table.
func (m *Memory) Privacy() *privacyscan.Memo {
	if m == nil {
		return nil
	}
	return &m.privacy
}

// Files is the table of calendars, thumbnails and web copies.
func (m *Memory) Files() *outputs.PrepareMemo {
	if m == nil {
		return nil
	}
	return &m.files
}

// Prints is render's table of page versions.
func (m *Memory) Prints() *render.PageMemo {
	if m == nil {
		return nil
	}
	return &m.prints
}

// Render is the rendered-file table.
func (m *Memory) Render() *render.Cache {
	if m == nil {
		return nil
	}
	return &m.render
}

// Minified is the minify stage's table.
func (m *Memory) Minified() *minify.Memo {
	if m == nil {
		return nil
	}
	return &m.minify
}

// Masks is the search documents' table of masked texts.
func (m *Memory) Masks() *searchdoc.MaskMemo {
	if m == nil {
		return nil
	}
	return &m.masks
}

// Claims is the output-path check's memo.
func (m *Memory) Claims() *site.ClaimsMemo {
	if m == nil {
		return nil
	}
	return &m.claims
}

// Copied is the copied-file table.
func (m *Memory) Copied() *Copied {
	if m == nil {
		return nil
	}
	return &m.copied
}

// Exported is the search export's table.
func (m *Memory) Exported() *Exported {
	if m == nil {
		return nil
	}
	return &m.export
}

// Attach returns the session's attachment cache, or for a build from
// scratch a fresh one on dir, which that build sweeps at its end (so a
// clean build forgets nothing it did not need).
func (m *Memory) Attach(dir string) *attach.Cache {
	if m == nil {
		return attach.NewCache(dir, attach.Limits{})
	}
	if m.attach == nil {
		m.attach = attach.NewCache(dir, attach.Limits{})
	}
	return m.attach
}
