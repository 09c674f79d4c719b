// Package privacyscan judges what every published page puts out for
// personal data (个人信息), with package privacy's scanner: its
// front-matter text (page.Page.TextFields), its Markdown as written and its
// text as a reader sees it once rendered, its address and aliases, and the
// names and text of the bundle files published with it. It turns what it
// finds into diagnostics placed where the author can fix them — an error
// in a published disclosure, a warning elsewhere — and notes the drafts
// that would be refused once published. Package privacy stays pure text
// in, findings out; this package knows pages, bundles and the site graph.
package privacyscan
