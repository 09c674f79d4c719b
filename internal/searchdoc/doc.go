// Package searchdoc makes what the search index holds from the site: one
// search.Doc per published page, and one per part of each of its
// searchable attachments (a PDF page, a sheet, a whole document), every
// text masked of personal-data numbers its page did not allow. It is the
// input side of search, kept apart from the index (package search, the only
// bleve user) because it reads the site graph, attachments and privacy
// rules, which the index need not know.
package searchdoc
