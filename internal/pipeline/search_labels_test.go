package pipeline

import (
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/site"
)

// searchJS is the theme's search UI, whose labels TestSearchLabels checks.
const searchJS = "../../themes/default/assets/search.js"

var (
	labelAttrRE = regexp.MustCompile(`data-label-([a-z-]+)="([^"]*)"`)
	labelUseRE  = regexp.MustCompile(`\bt\('([a-z-]+)'[,)]`)
	facetsRE    = regexp.MustCompile(`var FACETS = \[([^\]]*)\]`)
)

// TestSearchLabels: every label search.js shows comes from the theme's
// i18n strings through a data-label-* attribute of the header's search
// form or the search page, in each language the theme ships, and every
// such attribute is used. A missing string would read as its key.
func TestSearchLabels(t *testing.T) {
	js, err := os.ReadFile(searchJS)
	if err != nil {
		t.Fatal(err)
	}
	if han := strings.IndexFunc(string(js), func(r rune) bool { return unicode.Is(unicode.Han, r) }); han >= 0 {
		t.Errorf("search.js holds Chinese text (%q…): labels come from i18n", string(js[han:min(han+30, len(js))]))
	}
	used := map[string]bool{}
	for _, m := range labelUseRE.FindAllStringSubmatch(string(js), -1) {
		used[m[1]] = true
	}
	// The names search.js puts together: facet-<facet>, and a type's or a
	// status's label (label(f, v)).
	fm := facetsRE.FindStringSubmatch(string(js))
	if fm == nil {
		t.Fatal("search.js has no FACETS list")
	}
	for _, f := range strings.Split(fm[1], ",") {
		used["facet-"+strings.Trim(strings.TrimSpace(f), "'")] = true
	}
	for _, ty := range append(slices.Collect(maps.Values(page.SectionTypes)), page.Plain) {
		used["type-"+ty] = true
	}
	for _, s := range []string{site.StatusUpcoming, site.StatusOpen, site.StatusClosed} {
		used["status-"+s] = true
	}
	for _, lang := range []string{"zh-CN", "en"} {
		out := buildSite(t, minimal+"-- pubgen.toml --\ntitle = \"t\"\nlanguage = \""+lang+"\"\n", Options{})
		attrs := map[string]string{}
		for _, p := range []string{"index.html", "search/index.html"} {
			for _, m := range labelAttrRE.FindAllStringSubmatch(out[p], -1) {
				attrs[m[1]] = m[2]
			}
		}
		for name := range used {
			v, ok := attrs[name]
			switch {
			case !ok:
				t.Errorf("%s: search.js uses the label %q, which no data-label-%s gives", lang, name, name)
			case v == "" || strings.HasPrefix(v, "search_") || strings.HasPrefix(v, "status_"):
				t.Errorf("%s: data-label-%s is %q: the i18n string is missing", lang, name, v)
			case lang == "en" && strings.ContainsFunc(v, func(r rune) bool { return unicode.Is(unicode.Han, r) }):
				t.Errorf("en: data-label-%s is Chinese: %q", name, v)
			}
		}
		for name := range attrs {
			if !used[name] {
				t.Errorf("%s: data-label-%s is written but search.js never uses it", lang, name)
			}
		}
	}
}
