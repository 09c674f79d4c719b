// Package msg is the one catalogue of what pubgen says to people: every
// problem an author can cause in a page or in pubgen.toml, and what the
// operator is told by build, publish and serve, each with its Chinese and
// English text.
//
// A Text is a key and its arguments, not yet words: diagnostics are made
// deep in pure packages that know neither the site's language nor the
// day, and are rendered by a Printer where both are known. So a page's
// problems can be remembered between builds and still be shown in the
// language pubgen.toml asks for, with today's date in their examples.
package msg
