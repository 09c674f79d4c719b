package pipeline

import (
	"strings"
	"testing"
)

// TestHeaderAndHomeShowTheSitesOwnLogoAndBanner: without a logo the header
// shows the organisation's name alone (the theme ships no mark that could
// pass for the party emblem); with pubgen.toml's logo and banner, every
// page shows the logo and the home page the banner, linked relative to the
// page; a banner that names no file is an error.
func TestHeaderAndHomeShowTheSitesOwnLogoAndBanner(t *testing.T) {
	const sec = "-- content/notices/_index.md --\n---\ntitle: 通知\n---\n"
	out := buildSite(t, "-- pubgen.toml --\ntitle = \"华东能源集团党建门户\"\n"+sec, Options{})
	for _, f := range []string{"index.html", "notices/index.html"} {
		wantContains(t, out, f, `<a class="brand" href="`, `<span class="brand-name">华东能源集团党建门户</span></a>`)
		if strings.Contains(out[f], "★") || strings.Contains(out[f], `class="logo"`) || strings.Contains(out[f], "home-banner") {
			t.Errorf("%s: without logo and banner the header shows a mark or a banner", f)
		}
	}

	out = buildSite(t, "-- pubgen.toml --\ntitle = \"t\"\nlogo = \"img/logo.svg\"\nbanner = \"img/banner.jpg\"\n-- static/img/logo.svg --\n<svg/>\n-- static/img/banner.jpg --\njpg\n"+sec, Options{})
	wantContains(t, out, "index.html", `<img class="logo" src="img/logo.svg" alt height="40"><span class="brand-name">t</span>`, `<div class="wrap home-banner"><img src="img/banner.jpg" alt></div>`)
	wantContains(t, out, "notices/index.html", `<img class="logo" src="../img/logo.svg"`)
	if strings.Contains(out["notices/index.html"], "banner.jpg") {
		t.Error("the banner is the home page's; a list page shows it too")
	}
	home := out["index.html"]
	if b, n := strings.Index(home, "home-banner"), strings.Index(home, `id="home-notices"`); b < 0 || n < 0 || b > n {
		t.Error("the home page must open with the banner, then 通知公告")
	}

	msgs := buildErrors(t, "-- pubgen.toml --\ntitle = \"t\"\nbanner = \"img/banner.png\"\n")
	if want := `pubgen.toml: banner: static/ 里没有“img/banner.png”。请把文件放到 static/img/banner.png`; !strings.Contains(msgs, want) {
		t.Errorf("got\n%s\nwant %s", msgs, want)
	}
}
