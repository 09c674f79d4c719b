package build

import (
	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/source"
)

// checkSiteFiles reports a logo, banner or icon in pubgen.toml that names no file
// under static/: every page links it, so a typo would be a broken image or
// a failed request on every page.
func checkSiteFiles(cfg *config.Config, src *source.Site) diag.List {
	static := make(map[string]bool, len(src.Static))
	for _, f := range src.Static {
		static[f] = true
	}
	var l diag.List
	for _, f := range cfg.StaticFiles() {
		if f.Value != "" && !static[f.Value] {
			l.Error(config.FileName, 0, 0, f.Key, msg.ConfigStaticMissing, f.Value, source.StaticDir)
		}
	}
	return l
}
