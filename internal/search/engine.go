package search

import _ "embed"

// engineJS is the browser's search engine (engine.js): the decoder of the
// shards, the analysis, the query and the scoring, in JavaScript. It is
// part of the index's format, so the export writes it next to the shards
// and the entry names it; a theme's search.js only draws results.
//
//go:embed engine.js
var engineJS string

// engineFile is the engine's file name under ExportDir: it changes with
// the engine's content, so a browser that cached one engine never runs it
// over another engine's shards.
func engineFile() string { return contentName("engine", []byte(engineJS)) }

// EnginePath is where Export puts the engine, relative to the site root:
// the one exported file that is code, which the build minifies as it does
// the theme's scripts.
func EnginePath() string { return ExportDir + engineFile() }
