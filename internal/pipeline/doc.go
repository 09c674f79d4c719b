// Package pipeline is the composition root: it wires the stages — config,
// source, page, site, convert, privacyscan, layout, outputs, render,
// minify, searchdoc, search, publish — into a full build, with a session's memory in
// package incremental, and owns nothing else but the build's report.
// Reading the Run function top to bottom is reading the pipeline.
// (It is not named build: many tools read a folder called build/ as
// generated output and hide it.)
package pipeline
