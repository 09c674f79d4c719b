// Package markup turns the Markdown body of one page into HTML, and is the
// only package that imports goldmark. Besides the HTML it reports what later
// stages need without parsing the page again: the headings with their ids for
// a table of contents, and every link and image destination with its source
// line so that `pubgen check` can name the line of a broken link. Chinese text
// is first-class: soft line breaks between Chinese characters vanish, emphasis
// works next to full-width punctuation, Chinese headings keep readable ids, and
// the typographer stays off so quotation marks are printed as the author typed
// them. A Converter holds only read-only configuration, so one is built per
// site and shared by the parallel render stage.
package markup
