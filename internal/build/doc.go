// Package build is the composition root: it wires the stages — config,
// source, page, site, convert, privacyscan, layout, outputs, render,
// minify, search, publish — into a full build, with a session's memory in
// package incremental, and owns nothing else but the build's report.
// Reading the Run function top to bottom is reading the pipeline.
package build
