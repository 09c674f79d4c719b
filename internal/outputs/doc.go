// Package outputs makes the files of a site that no template renders:
// the Atom feed of each section, sitemap.xml and robots.txt, which exist
// only when base_url says where the site lives (a feed with relative
// addresses is useless to its readers). It is the outputs stage of the
// pipeline, after render; calendars and thumbnails are still made in
// render (files.go), since templates read their names and sizes.
package outputs
