package config

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/pubgen/pubgen/internal/msg"
)

// baseURLProblem says what is wrong with base_url, or "" when it is a plain
// http(s) origin with an optional path. base_url is pasted into every
// canonical link, feed, sitemap and robots.txt: a query or fragment would
// be glued in front of each page's path, a quote or space breaks the
// attribute or the XML it lands in, and a user name or password would be
// published on every page.
func baseURLProblem(s string) msg.Text {
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("\"'<>\\`{}|^", r) {
			return msg.New(msg.BaseURLChar, r)
		}
	}
	u, err := url.Parse(s)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "":
		return msg.New(msg.BaseURLNotAbsolute)
	case u.User != nil:
		return msg.New(msg.BaseURLUser)
	case strings.Contains(s, "?"):
		return msg.New(msg.BaseURLQuery)
	case strings.Contains(s, "#"):
		return msg.New(msg.BaseURLFragment)
	}
	return msg.Text{}
}
