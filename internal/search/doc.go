// Package search owns full-text search: the bleve index kept in a cache
// folder, the query that `pubgen search` and the dev server run against it,
// and the export of that same index into static script shards, together
// with the browser's engine that reads them (engine.js: decoding, analysis,
// query, scoring; its API is written at its top). The engine is part of the
// format: the export writes it under a name that changes with its content,
// the entry names it, and it refuses an index of another version, so a
// theme's search.js (the UI) can change how results look but not how the
// shards are read. engine_test.js holds its unit tests, run by node --test
// from TestEngineNode over testdata/engine, an index this package exports.
//
// Chinese has no spaces, so text is analysed with bleve's CJK analysis:
// Unicode word segmentation, width folding, lower-casing and overlapping
// bigrams; a second field holds single characters so that a one-character
// query finds every page containing that character. The browser cannot run
// bleve, so Export ships what the scorer (score.go) needs apart: per term
// the documents with their body frequency and a static weight of the short
// fields, per document a length level, the document count in the entry.
// Search runs the same scorer on the same numbers read from bleve's
// postings, and engine.js on the shards, which keeps the two sides in the
// same order; shards are named by their content (shards.go), so an edit
// rewrites only the shards whose content it changed, and the newest pages
// keep their postings in a few tail shards (splitOf), so that adding a page
// rewrites those instead of nearly every shard. A run of Han
// characters in a query is a phrase (phrase.go): it narrows the matches to
// pages holding it contiguously, through phrase keys that both sides look
// up (the browser in shards the export makes outside bleve, Search in the
// stored text of the pages its terms match), and leaves the scores alone.
// This package is the only importer of bleve.
package search
