// Package site builds the site graph from parsed pages: which pages are
// published, where each is written, the sections with their paginated lists,
// the taxonomies (branches, tags, years), prev/next and related pages.
//
// The graph is built once per build and is read-only afterwards, except for
// each page's converted body, which the build stage sets once, before any
// template runs. Ordering is total (pinned, weight, date, path), so identical
// input always gives identical output.
package site
