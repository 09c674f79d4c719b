package config

import (
	"strings"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/suggest"
)

// keys are the known keys, for "did you mean" on a typo.
var keys = []string{
	"title", "description", "language", "base_url", "theme", "timezone", "url_style", "page_size", "copyright",
	"logo", "icon",
	"markdown", "markdown.unsafe", "branches", "branches.name", "branches.slug",
	"ledger", "ledger.rules", "ledger.rules.kind", "ledger.rules.min", "ledger.rules.period",
	"images", "images.max_megapixels", "content", "content.publish_unreferenced",
}

func didYouMean(key string) msg.Text {
	prefix := ""
	if i := strings.LastIndex(key, "."); i >= 0 {
		prefix = key[:i+1]
	}
	var cands []string
	for _, k := range keys {
		if strings.HasPrefix(k, prefix) && !strings.Contains(k[len(prefix):], ".") {
			cands = append(cands, k)
		}
	}
	if s, ok := suggest.Closest(key, cands); ok {
		return msg.New(msg.ConfigUnknownKeyDidYouMean, s)
	}
	return msg.New(msg.ConfigUnknownKey, strings.Join(cands, ", "))
}
