// Package textfile reads the text of the plain-text files an author puts
// beside a page (.txt, .csv, .md, .html) the way their editor shows it:
// UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
// mark (Windows Notepad's "Unicode"), or else GB18030, which is what
// Chinese Windows and Excel save as "ANSI". HTML is reduced to what a
// browser shows, with attribute values, so that a character reference
// or a tag cannot hide a number from a scan.
//
// It is pure: bytes in, text out. PDF, .docx and .xlsx text is another
// package's work; a caller asks Readable first and falls through to it.
package textfile
