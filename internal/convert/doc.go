// Package convert is the stage between the site graph and the templates:
// it turns every page's Markdown into HTML through package markup, rewrites
// links to .md files into links to their pages (relative, so public/ works
// from file:// and under any sub-path), reports links and images that lead
// nowhere and anchors no page has, extracts the plain text that search,
// reading time and the privacy scan read, and narrows each bundle to the
// files its page references. It changes the nodes of the graph it is given
// and nothing else; a session's Memo spares the pages whose inputs did not
// change.
package convert
