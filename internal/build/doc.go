// Package build is the composition root: it wires the stages — config,
// source, page, site, markup, layout, render, minify, search, publish — into
// a full build, and owns nothing else. Reading the Run function top to bottom
// is reading the pipeline.
package build
