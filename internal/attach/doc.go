// Package attach owns reading the text of a page's attachments (PDF,
// .docx, .xlsx, and through package textfile .txt, .csv and other plain
// text) for search, and the cache that makes an
// unchanged attachment cost nothing on a rebuild. It is the only importer
// of the PDF library (github.com/ledongthuc/pdf), which it uses for the
// file structure alone (cross-reference tables, objects, stream filters,
// encryption); the content streams and the ToUnicode CMaps that turn glyph
// codes of Chinese subset fonts back into text are read here, because the
// library's reader mis-decodes them (bfrange overflow, Type3 fonts, no
// word or line gaps) and cannot be bounded.
//
// Attachments are files anyone can upload, so every extraction runs under
// a Budget (bytes, pages, text, time) checked while the work happens, and
// a panic inside a dependency is recovered into an error: an unreadable
// file is a warning for the build to give, never a failed or stalled build.
package attach
