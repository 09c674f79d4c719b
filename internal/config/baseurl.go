package config

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
)

// wantBaseURL is the hint of every base_url problem.
const wantBaseURL = "want a plain http(s) address and path, e.g. https://dangjian.example.com/ or https://www.example.com/dangjian/"

// baseURLProblem says what is wrong with base_url, or "" when it is a plain
// http(s) origin with an optional path. base_url is pasted into every
// canonical link, feed, sitemap and robots.txt: a query or fragment would
// be glued in front of each page's path, a quote or space breaks the
// attribute or the XML it lands in, and a user name or password would be
// published on every page.
func baseURLProblem(s string) string {
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("\"'<>\\`{}|^", r) {
			return fmt.Sprintf("contains %q", r)
		}
	}
	u, err := url.Parse(s)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "":
		return "is not an absolute http(s) URL"
	case u.User != nil:
		return "contains a user name or password"
	case strings.Contains(s, "?"):
		return "has a query (?…)"
	case strings.Contains(s, "#"):
		return "has a fragment (#…)"
	}
	return ""
}
