// Package render runs the templates over the site graph and returns the
// output files in memory. It plans one job per output file (pages, lists,
// taxonomies, aliases, the 404 and search pages) and runs them in parallel.
// The calendars, thumbnails and feeds are package outputs'; templates read
// the names and sizes of the first two from outputs.Files.
//
// Templates see a *Data. Every URL they print comes from Data.Rel or
// Data.Link, relative to the file being written, which is what lets one
// public/ work on file://, under any sub-path and at a domain root.
//
// Everything a template reaches — pages, lists, taxonomies, settings,
// strings, data files, the templates themselves — is handed out through
// views that record, for the output being rendered, what was read
// (record.go, view.go). A session renders a file again exactly when the
// version of something it read changed (versions.go): there is no model
// of what a template can see to keep up to date.
//
// A partial called through reuse (reuse.go) runs once for every distinct
// answer to what it asked of the output's own data, and its bytes and
// reads go into every output that gives the same answers.
package render
