package config

import (
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
)

func TestParseDefaults(t *testing.T) {
	c, l := Parse([]byte(`title = "华东能源党建"`))
	if len(l) != 0 {
		t.Fatalf("diagnostics: %v", l)
	}
	if c.Title != "华东能源党建" || c.Language != "zh-CN" || c.URLStyle != Portable || c.PageSize != 10 || c.Theme != "default" {
		t.Errorf("defaults not applied: %+v", c)
	}
	if c.Location == nil || c.Location.String() != "Asia/Shanghai" {
		t.Errorf("location = %v, want Asia/Shanghai", c.Location)
	}
	if len(c.Ledger.Rules) != 4 {
		t.Errorf("default ledger rules = %d, want 4", len(c.Ledger.Rules))
	}
}

func TestLogoBannerAndIcon(t *testing.T) {
	cfg, l := Parse([]byte("logo = \"images/logo.png\"\nbanner = \"images/banner.jpg\"\nicon = \"favicon.ico\"\n"))
	if cfg == nil {
		t.Fatal(l)
	}
	if cfg.Logo != "images/logo.png" || cfg.Banner != "images/banner.jpg" || cfg.Icon != "favicon.ico" {
		t.Errorf("logo %q, banner %q, icon %q", cfg.Logo, cfg.Banner, cfg.Icon)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"typo", "title = \"x\"\ntitel = \"y\"\n", "pubgen.toml:2:1: titel: unknown key (did you mean title?)"},
		{"nested typo", "[markdown]\nunsafe = true\nunsaf = false\n", "pubgen.toml:3:1: markdown.unsaf: unknown key (did you mean markdown.unsafe?)"},
		{"wrong type", "page_size = \"ten\"\n", "pubgen.toml:1"},
		{"url style", "url_style = \"clean\"\n", `pubgen.toml:1: url_style: "clean" is not a URL style (want "portable" or "pretty")`},
		{"page size", "\npage_size = 0\n", "pubgen.toml:2: page_size: 0 is out of range (want 1 to 1000)"},
		{"timezone", "timezone = \"Mars/Base\"\n", `pubgen.toml:1: timezone: "Mars/Base" is not a known time zone`},
		{"timezone local", "timezone = \"Local\"\n", `pubgen.toml:1: timezone: "Local" is the building machine's zone, so output would differ from one machine to another (want an IANA name such as Asia/Shanghai)`},
		{"base url", "base_url = \"example.com\"\n", `pubgen.toml:1: base_url: "example.com" is not an absolute http(s) URL`},
		{"base url with a query", "title = \"x\"\nbase_url = \"https://dj.example.com/?a=1\"\n", `pubgen.toml:2: base_url: "https://dj.example.com/?a=1" has a query (?…) (want a plain http(s) address and path`},
		{"branch slug", "[[branches]]\nname = \"一支部\"\nslug = \"Yi Zhi\"\n", `pubgen.toml:3: branches[0].slug: "Yi Zhi" is not a slug`},
		{"branch twice", "[[branches]]\nname = \"一支部\"\nslug = \"a\"\n[[branches]]\nname = \"一支部\"\nslug = \"b\"\n", `branches[1].name: "一支部" is listed twice`},
		{"image limit", "[images]\nmax_megapixels = 0\n", "pubgen.toml:2: images.max_megapixels: 0 is out of range (want 1 to 1000"},
		{"bad pattern", "[content]\npublish_unreferenced = [\"*.pdf\", \"[报告\"]\n", `pubgen.toml:2: content.publish_unreferenced[1]: "[报告" is not a file pattern`},
		{"logo outside the site", "title = \"x\"\nlogo = \"../secret.png\"\n", `pubgen.toml:2: logo: "../secret.png" is not a plain relative path (want a file under static/ named as inside it, e.g. "images/logo.svg")`},
		{"logo with a scheme", "logo = \"https://cdn.example.com/a.png\"\n", `pubgen.toml:1: logo: "https://cdn.example.com/a.png" is not a plain relative path`},
		{"banner not an image", "title = \"x\"\nbanner = \"images/banner.pdf\"\n", `pubgen.toml:2: banner: "images/banner.pdf" is not an image of type .svg, .png, .jpg, .jpeg, .gif, .webp (want a file under static/ named as inside it, e.g. "images/banner.svg")`},
		{"banner outside the site", "banner = \"/srv/banner.png\"\n", `pubgen.toml:1: banner: "/srv/banner.png" is not a plain relative path`},
		{"icon not an icon", "icon = \"images/icon.pdf\"\n", `pubgen.toml:1: icon: "images/icon.pdf" is not an image of type .svg, .ico, .png`},
		{"icon typo", "icno = \"a.ico\"\n", `icno: unknown key (did you mean icon?)`},
		{"syntax", "title = \"unclosed\n", "pubgen.toml:1"},
		// TOML has no aliases; what could make it slow is depth and size.
		{"deep arrays", "title = \"x\"\nnav = " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n",
			"pubgen.toml:2:10007: arrays and inline tables are nested more than the maximum of 10000 levels deep"},
		{"deep inline tables", "title = \"x\"\n[a.b]\nx = " + strings.Repeat("{a=", 20000) + "1" + strings.Repeat("}", 20000) + "\n",
			"pubgen.toml:3:30005: arrays and inline tables are nested more than the maximum of 10000 levels deep"},
		{"huge array", "title = \"x\"\n[content]\npublish_unreferenced = [" + strings.Repeat("\"a\",", 2<<20) + "\"a\"]\n",
			"pubgen.toml:1:1: is 8192 KB (want under 1024 KB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, l := Parse([]byte(c.src))
			if cfg != nil {
				t.Fatalf("Parse accepted bad config")
			}
			l.Sort()
			var msgs []string
			for _, d := range l {
				msgs = append(msgs, d.In(msg.Printer{Lang: msg.English}))
			}
			got := strings.Join(msgs, "\n")
			if !strings.Contains(got, c.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", got, c.want)
			}
		})
	}
}

func TestImagesLimit(t *testing.T) {
	if got := Default().Images.MaxPixels(); got != 50_000_000 {
		t.Errorf("default image limit = %d pixels, want 50 megapixels", got)
	}
	c, l := Parse([]byte("[images]\nmax_megapixels = 120\n"))
	if len(l) != 0 || c.Images.MaxPixels() != 120_000_000 {
		t.Errorf("max_megapixels = 120: got %d pixels, %v", c.Images.MaxPixels(), l)
	}
}

func TestPublishesUnreferenced(t *testing.T) {
	c, l := Parse([]byte("[content]\npublish_unreferenced = [\"*.pdf\", \"原件/*.jpg\"]\n"))
	if len(l) != 0 {
		t.Fatal(l)
	}
	for rel, want := range map[string]bool{
		"a.pdf": true, "附件/a.pdf": true, "原件/合影.jpg": true,
		"合影.jpg": false, "其他/原件/合影.jpg": false, "a.pdf.docx": false, "草稿.docx": false,
	} {
		if got := c.Content.PublishesUnreferenced(rel); got != want {
			t.Errorf("PublishesUnreferenced(%q) = %v, want %v", rel, got, want)
		}
	}
	if Default().Content.PublishesUnreferenced("a.pdf") {
		t.Error("the default publishes an unreferenced file; want nothing by default")
	}
}

func TestBaseURLGetsSlash(t *testing.T) {
	c, l := Parse([]byte(`base_url = "https://dj.example.com/portal"`))
	if len(l) != 0 {
		t.Fatal(l)
	}
	if c.BaseURL != "https://dj.example.com/portal/" {
		t.Errorf("BaseURL = %q", c.BaseURL)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("title = \"x\"\n[[branches]]\nname = \"a\"\nslug = \"a\"\n"))
	f.Add([]byte("[markdown]\nunsafe = true\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		c, l := Parse(src)
		if c == nil && !l.HasErrors(false) {
			t.Fatal("no config and no error")
		}
		if c != nil && (c.Location == nil || c.PageSize < 1) {
			t.Fatal("accepted config is not usable")
		}
	})
}

func TestDecodeMessages(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"title = \"门户\"\npage_size = \"十\"\n", `pubgen.toml:2:13: page_size: 这里写的是加了引号的文字，应写整数（不加引号）。`},
		{"title = \"门户\"\n[markdown]\nunsafe = \"yes\"\n", `pubgen.toml:3:10: markdown.unsafe: 这里写的是加了引号的文字，应写 true 或 false。`},
		{"title = 12\n", `pubgen.toml:1:9: title: 这里写的是数字，应写加英文双引号的文字。`},
		{"title = \"未闭合\n", `pubgen.toml:1:19: 引号没有结束。文字要用英文双引号括起来，并写在同一行，例如：title = "华东能源集团党建门户"`},
		{"titel = \"门户\"\n", `pubgen.toml:1:1: titel: 没有这个设置项，是不是想写 title？`},
	} {
		_, l := Parse([]byte(c.src))
		if len(l) != 1 || l[0].String() != c.want {
			t.Errorf("Parse(%q) = %v; want %s", c.src, l, c.want)
		}
	}
}

func TestBaseURLProblem(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://dangjian.example.com/", ""},
		{"http://10.0.0.8:8080/portal/党建/", ""},
		{"https://dj.example.com/a%20b/", ""},
		{"example.com", "is not an absolute http(s) URL"},
		{"ftp://dj.example.com/", "is not an absolute http(s) URL"},
		{"https:dj.example.com", "is not an absolute http(s) URL"},
		{"https:///portal/", "is not an absolute http(s) URL"},
		{"https://dj.example.com/?utm=1", "has a query (?…)"},
		{"https://dj.example.com/?", "has a query (?…)"},
		{"https://dj.example.com/#top", "has a fragment (#…)"},
		{"https://admin:secret@dj.example.com/", "contains a user name or password"},
		{`https://dj.example.com/"onload="x`, `contains '"'`},
		{"https://dj.example.com/'", `contains '\''`},
		{"https://dj.example.com/a b/", "contains ' '"},
		{" https://dj.example.com/", "contains ' '"},
		{"https://dj.example.com/\u00a0", `contains '\u00a0'`},
		{"https://dj.example.com/\n", `contains '\n'`},
		{"https://dj.example.com/<x>", "contains '<'"},
		{`https://dj.example.com\evil`, `contains '\\'`},
	} {
		if got := (msg.Printer{Lang: msg.English}).Text(baseURLProblem(c.in)); got != c.want {
			t.Errorf("baseURLProblem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
