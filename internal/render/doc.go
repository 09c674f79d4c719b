// Package render runs the templates over the site graph and returns the
// output files in memory. It plans one job per output file (pages, lists,
// taxonomies, aliases, the 404 and search pages) and runs them in parallel;
// it also makes the calendars and thumbnails templates link (files.go).
// Feeds and the sitemap are package outputs'.
//
// Templates see a *Data. Every URL they print comes from Data.Rel or
// Data.Link, relative to the file being written, which is what lets one
// public/ work on file://, under any sub-path and at a domain root.
package render
