package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/source"
)

// FileName is the site configuration file at the site root.
const FileName = source.ConfigFile

// URL styles.
const (
	// Portable links are relative and name index.html explicitly, so one
	// public/ works from file://, under any sub-path and at a domain root.
	Portable = "portable"
	// Pretty links end in a slash; they need a web server that maps
	// directories to index.html.
	Pretty = "pretty"
)

// Config is the typed content of pubgen.toml. It is read-only once loaded.
type Config struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
	Language    string `toml:"language"`
	BaseURL     string `toml:"base_url"`
	Theme       string `toml:"theme"`
	Timezone    string `toml:"timezone"`
	URLStyle    string `toml:"url_style"`
	PageSize    int    `toml:"page_size"`
	Copyright   string `toml:"copyright"`
	// Logo, Banner and Icon name files under static/ (as they are named
	// inside it): the organisation's mark beside its name in the header,
	// a wide picture across the top of the home page, and the pages' icon.
	// The theme ships none of its own: a party emblem (党徽) may only be
	// used as 《中国共产党党徽党旗条例》 allows, so a site adds its own.
	Logo     string   `toml:"logo"`
	Banner   string   `toml:"banner"`
	Icon     string   `toml:"icon"`
	Markdown Markdown `toml:"markdown"`
	Branches []Branch `toml:"branches"`
	Ledger   Ledger   `toml:"ledger"`
	Images   Images   `toml:"images"`
	Content  Content  `toml:"content"`

	// Location is Timezone loaded; dates without a zone are in it.
	Location *time.Location `toml:"-" json:"-"`
}

// Hash is the version of the whole configuration, defaults included: a
// session's memos of what any setting can change key on it. Location is
// left out, being Timezone loaded.
func (c *Config) Hash() memo.Version {
	b, err := json.Marshal(c)
	if err != nil {
		panic("config: hashing: " + err.Error()) // plain data only
	}
	return memo.Sum([]byte("config"), b)
}

// Markdown holds the Markdown options.
type Markdown struct {
	// Unsafe lets raw HTML in Markdown through. Off by default: authors paste
	// from Word and web pages, and raw HTML is how script gets in.
	Unsafe bool `toml:"unsafe"`
}

// Branch is a party branch (支部). When the site lists branches, a page's
// branch must be one of them, and Slug names the branch's pages.
type Branch struct {
	Name string `toml:"name"`
	Slug string `toml:"slug"`
}

// Ledger holds the minimum organisational-life meetings per branch
// (组织生活台账), by meeting kind.
type Ledger struct {
	Rules []LedgerRule `toml:"rules"`
}

// LedgerRule requires at least Min meetings of Kind per Period
// ("month" or "quarter").
type LedgerRule struct {
	Kind   string `toml:"kind"`
	Min    int    `toml:"min"`
	Period string `toml:"period"`
}

// Images bounds the photos pubgen decodes to make thumbnails.
type Images struct {
	// MaxMegapixels is the largest photo accepted, in millions of
	// pixels, checked from the file's header before it is decoded.
	MaxMegapixels int `toml:"max_megapixels"`
}

// Content holds what is published from content/ beyond the pages.
type Content struct {
	// PublishUnreferenced lists glob patterns (path.Match) of bundle files
	// published although no page links or names them. Empty by default:
	// a file an author forgot in a bundle folder (a draft, an ID scan)
	// must not go public just by sitting there.
	PublishUnreferenced []string `toml:"publish_unreferenced"`
}

// PublishesUnreferenced reports whether the bundle file rel (a slash path
// from the bundle folder) matches one of the PublishUnreferenced patterns.
// A pattern without a slash matches the file's name in any folder of the
// bundle, as in .gitignore; one with a slash matches the whole path.
func (c Content) PublishesUnreferenced(rel string) bool {
	for _, p := range c.PublishUnreferenced {
		name := rel
		if !strings.Contains(p, "/") {
			name = path.Base(rel)
		}
		if ok, _ := path.Match(p, name); ok {
			return true
		}
	}
	return false
}

// Printer puts messages into the site's language, with today (in the
// site's zone) in the examples of dates. A language without messages of
// its own gets Chinese ones.
func (c *Config) Printer(now time.Time) msg.Printer {
	l, _ := msg.ParseLang(c.Language)
	if !now.IsZero() && c.Location != nil {
		now = now.In(c.Location)
	}
	return msg.Printer{Lang: l, Today: now}
}

// MaxPixels is MaxMegapixels in pixels.
func (i Images) MaxPixels() int { return i.MaxMegapixels * 1_000_000 }

// Default returns the configuration of a site whose pubgen.toml is empty.
func Default() *Config {
	c := &Config{
		Title:    "党建门户",
		Language: "zh-CN",
		Theme:    "default",
		Timezone: "Asia/Shanghai",
		URLStyle: Portable,
		PageSize: 10,
		Images:   Images{MaxMegapixels: 50},
		Ledger: Ledger{Rules: []LedgerRule{
			{Kind: "支部党员大会", Min: 1, Period: "quarter"},
			{Kind: "支委会", Min: 1, Period: "month"},
			{Kind: "党小组会", Min: 1, Period: "month"},
			{Kind: "党课", Min: 1, Period: "quarter"},
		}},
	}
	c.Location, _ = time.LoadLocation(c.Timezone)
	return c
}

// Load reads pubgen.toml from the site root fsys. A missing file gives the
// defaults. Problems come back as diagnostics naming the key and line.
func Load(fsys fs.FS) (*Config, diag.List) {
	src, err := fs.ReadFile(fsys, FileName)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	if err != nil {
		var l diag.List
		l.Errorf(FileName, 0, 0, "", "cannot read: %v", err)
		return nil, l
	}
	return Parse(src)
}

// maxSize bounds pubgen.toml before it is decoded. A real one is a few
// kilobytes; an 8 MB array took the decoder seconds on every build.
const maxSize = 1 << 20

// Parse decodes the text of pubgen.toml.
func Parse(src []byte) (*Config, diag.List) {
	var l diag.List
	if len(src) > maxSize {
		l.Errorf(FileName, 1, 1, "", "is %d KB (want under %d KB: settings only; long lists belong in content/)", len(src)>>10, maxSize>>10)
		return nil, l
	}
	c := Default()
	rules := c.Ledger.Rules
	c.Ledger.Rules = nil
	dec := toml.NewDecoder(bytes.NewReader(src)).DisallowUnknownFields()
	if err := dec.Decode(c); err != nil {
		reportDecode(&l, err)
		return nil, l
	}
	if c.Ledger.Rules == nil {
		c.Ledger.Rules = rules
	}
	c.validate(src, &l)
	if l.HasErrors(false) {
		return nil, l
	}
	return c, l
}

func reportDecode(l *diag.List, err error) {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		for _, e := range strict.Errors {
			row, col := e.Position()
			key := strings.Join(e.Key(), ".")
			l.Errorf(FileName, row, col, key, "unknown key%s", didYouMean(key))
		}
		return
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		l.Errorf(FileName, row, col, strings.Join(de.Key(), "."), "%s", decodeMsg(de.Error()))
		return
	}
	l.Errorf(FileName, 0, 0, "", "%v", err)
}

// loadTimezone loads an IANA zone name, or says what is wrong with it.
// "Local" is refused although Go accepts it: the output would then depend on
// the machine that builds, and identical input must give identical output.
func loadTimezone(name string) (*time.Location, string) {
	if name == "Local" {
		return nil, "is the building machine's zone, so output would differ from one machine to another"
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "" {
		return nil, "is not a known time zone"
	}
	return loc, ""
}

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func (c *Config) validate(src []byte, l *diag.List) {
	at := func(key string) int { return lineOf(src, key) }
	if c.URLStyle != Portable && c.URLStyle != Pretty {
		l.Errorf(FileName, at("url_style"), 0, "url_style", "%q is not a URL style (want %q or %q)", c.URLStyle, Portable, Pretty)
	}
	if c.PageSize < 1 || c.PageSize > 1000 {
		l.Errorf(FileName, at("page_size"), 0, "page_size", "%d is out of range (want 1 to 1000)", c.PageSize)
	}
	if m := c.Images.MaxMegapixels; m < 1 || m > 1000 {
		l.Errorf(FileName, at("max_megapixels"), 0, "images.max_megapixels", "%d is out of range (want 1 to 1000; the default is 50)", m)
	}
	if loc, msg := loadTimezone(c.Timezone); msg != "" {
		l.Errorf(FileName, at("timezone"), 0, "timezone", "%q %s (want an IANA name such as Asia/Shanghai)", c.Timezone, msg)
	} else {
		c.Location = loc
	}
	if c.Theme == "" || strings.ContainsAny(c.Theme, `/\.`) {
		l.Errorf(FileName, at("theme"), 0, "theme", "%q is not a theme name (want a folder name under themes/)", c.Theme)
	}
	if c.BaseURL != "" {
		if msg := baseURLProblem(c.BaseURL); msg != "" {
			l.Errorf(FileName, at("base_url"), 0, "base_url", "%q %s (%s)", c.BaseURL, msg, wantBaseURL)
		} else if !strings.HasSuffix(c.BaseURL, "/") {
			c.BaseURL += "/"
		}
	}
	for _, f := range c.StaticFiles() {
		if msg := staticPathProblem(f.Key, f.Value); msg != "" {
			l.Errorf(FileName, at(f.Key), 0, f.Key, "%q %s (want a file under static/ named as inside it, e.g. \"images/%s.svg\")", f.Value, msg, f.Key)
		}
	}
	for i, p := range c.Content.PublishUnreferenced {
		if _, err := path.Match(p, ""); err != nil || p == "" || strings.HasPrefix(p, "/") {
			l.Errorf(FileName, lineOfValue(src, p), 0, fmt.Sprintf("content.publish_unreferenced[%d]", i), "%q is not a file pattern (want e.g. \"*.pdf\" or \"photos/*.jpg\", relative to the bundle folder)", p)
		}
	}
	names := map[string]bool{}
	slugs := map[string]bool{}
	for i, b := range c.Branches {
		field := fmt.Sprintf("branches[%d]", i)
		line := lineOfValue(src, b.Name)
		switch {
		case strings.TrimSpace(b.Name) == "":
			l.Errorf(FileName, line, 0, field+".name", "is empty (want the branch's name, e.g. 机关第一党支部)")
		case names[b.Name]:
			l.Errorf(FileName, line, 0, field+".name", "%q is listed twice (want each branch once)", b.Name)
		}
		switch {
		case !slugRE.MatchString(b.Slug):
			l.Errorf(FileName, lineOfValue(src, b.Slug), 0, field+".slug", "%q is not a slug (want lowercase letters, digits and '-', e.g. jiguan-1)", b.Slug)
		case slugs[b.Slug]:
			l.Errorf(FileName, lineOfValue(src, b.Slug), 0, field+".slug", "%q is used by two branches (want a unique slug)", b.Slug)
		}
		names[b.Name], slugs[b.Slug] = true, true
	}
	for i, r := range c.Ledger.Rules {
		field := fmt.Sprintf("ledger.rules[%d]", i)
		if r.Period != "month" && r.Period != "quarter" {
			l.Errorf(FileName, lineOfValue(src, r.Period), 0, field+".period", "%q is not a period (want \"month\" or \"quarter\")", r.Period)
		}
		if r.Min < 0 {
			l.Errorf(FileName, lineOfValue(src, r.Kind), 0, field+".min", "%d is negative (want 0 or more)", r.Min)
		}
	}
}

// BranchByName returns the configured branch with that name.
func (c *Config) BranchByName(name string) (Branch, bool) {
	for _, b := range c.Branches {
		if b.Name == name {
			return b, true
		}
	}
	return Branch{}, false
}

// FindBranch returns the configured branch named s or with the slug s, so
// an operator may type either (pubgen new --branch yanfa).
func (c *Config) FindBranch(s string) (Branch, bool) {
	for _, b := range c.Branches {
		if b.Name == s || b.Slug == s {
			return b, true
		}
	}
	return Branch{}, false
}

// lineOf finds the line of "key =" for error messages; the TOML decoder
// reports positions only for syntax and type errors.
func lineOf(src []byte, key string) int {
	re := regexp.MustCompile(`(?m)^[ \t]*` + regexp.QuoteMeta(key) + `[ \t]*=`)
	if loc := re.FindIndex(src); loc != nil {
		return bytes.Count(src[:loc[0]], []byte("\n")) + 1
	}
	return 0
}

// lineOfValue finds the first line holding a quoted value.
func lineOfValue(src []byte, v string) int {
	if v == "" {
		return 0
	}
	i := bytes.Index(src, []byte(`"`+v+`"`))
	if i < 0 {
		return 0
	}
	return bytes.Count(src[:i], []byte("\n")) + 1
}
