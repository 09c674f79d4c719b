// Package page turns one content file — front matter plus Markdown body —
// into a *Page, and validates it for its content type.
//
// It is pure: it sees bytes and a path, never the disk, so it can be table
// tested and fuzzed. Every problem is reported with the file, line, column and
// field, and all problems of a file are reported together, because the people
// who write content are not programmers and fix one message at a time.
package page
