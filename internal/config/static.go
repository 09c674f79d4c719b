package config

import (
	"path"
	"strings"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/source"
)

// imageExts are the files a browser shows as a logo; an icon must be one
// of iconExts, which every browser accepts in <link rel="icon">.
var (
	imageExts = []string{".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp"}
	iconExts  = []string{".svg", ".ico", ".png"}
)

// StaticFile is a setting of pubgen.toml that names a file under static/.
type StaticFile struct{ Key, Value string }

// StaticFiles lists the settings that name a file under static/, set or
// not: the one list both the syntax check here and the build's check that
// the file exists go through.
func (c *Config) StaticFiles() []StaticFile {
	return []StaticFile{{"logo", c.Logo}, {"banner", c.Banner}, {"icon", c.Icon}}
}

// staticPathProblem says what is wrong with the logo, banner or icon setting v, or
// "" when it is empty or a clean relative path with a fitting extension.
// The value is linked from every page, relative to it, so it must stay a
// path inside the site: no scheme, no leading slash, no "..".
func staticPathProblem(key, v string) msg.Text {
	if v == "" {
		return msg.Text{}
	}
	exts := imageExts
	if key == "icon" {
		exts = iconExts
	}
	switch {
	case strings.ContainsAny(v, "\\:?#\"'<> ") || strings.HasPrefix(v, "/") || path.Clean(v) != v || strings.HasPrefix(v, "../") || v == "..":
		return msg.New(msg.StaticNotRelative)
	case !hasExt(v, exts):
		return msg.New(msg.StaticNotImage, strings.Join(exts, ", "))
	}
	return msg.Text{}
}

func hasExt(p string, exts []string) bool {
	ext := strings.ToLower(path.Ext(p))
	for _, e := range exts {
		if ext == e {
			return true
		}
	}
	return false
}

// CheckStaticFiles reports a logo, banner or icon that names no file of
// static (the files under static/, as source lists them): every page links
// it, so a typo would be a broken image or a failed request on every page.
func (c *Config) CheckStaticFiles(static []string) diag.List {
	have := make(map[string]bool, len(static))
	for _, f := range static {
		have[f] = true
	}
	var l diag.List
	for _, f := range c.StaticFiles() {
		if f.Value != "" && !have[f.Value] {
			l.Error(FileName, 0, 0, f.Key, msg.ConfigStaticMissing, f.Value, source.StaticDir)
		}
	}
	return l
}
