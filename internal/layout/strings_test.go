package layout

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestThemeLanguagesHaveTheSameStrings: every i18n file of the default
// theme has the keys of zh-CN.toml, the theme's first language, and no
// other, so a site in another language never shows a key instead of text.
func TestThemeLanguagesHaveTheSameStrings(t *testing.T) {
	files, err := filepath.Glob("../../themes/default/i18n/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	read := func(p string) map[string]string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		m, err := decodeStrings(p, b)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	want := read("../../themes/default/i18n/zh-CN.toml")
	if len(files) < 2 {
		t.Fatalf("only %q: the theme ships zh-CN and en", files)
	}
	for _, p := range files {
		got := read(p)
		for k := range want {
			if _, ok := got[k]; !ok {
				t.Errorf("%s lacks %s", filepath.Base(p), k)
			}
		}
		for _, k := range slices.Sorted(maps.Keys(got)) {
			if _, ok := want[k]; !ok {
				t.Errorf("%s has %s, which zh-CN.toml does not", filepath.Base(p), k)
			}
		}
	}
}
