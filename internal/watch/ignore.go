package watch

import (
	"strings"

	"github.com/pubgen/pubgen/internal/source"
)

// ignored reports whether rel (a slash path relative to the root) is noise
// that must never cause a rebuild: a path through any name the build never
// reads (source.Ignored) — dot-folders (.git, .pubgen, the publish staging
// folders), the dot-files editors and systems write next to the real ones
// (.#x.md, .x.md.swp, .DS_Store, .goutputstream-*), and editors' swap and
// backup names. One rule for both, so the watcher and the build agree on
// what is part of the site.
func ignored(rel string) bool {
	for _, seg := range strings.Split(rel, "/") {
		if source.Ignored(seg) {
			return true
		}
	}
	return false
}
