// Package serve is the development server: it serves the last good build
// from memory under an optional base path, pushes reload and error events to
// open pages over server-sent events, and answers search queries from the
// bleve index.
//
// It serves only what is in the current output set, looked up by exact
// path, so a request can never reach a file outside the site and no folder
// is ever listed.
package serve
