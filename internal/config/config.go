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

// Lang is the messages' language of the site in fsys, read from
// pubgen.toml's language alone: problems of a pubgen.toml that cannot be
// read as a whole are still told in the language it asks for, when the
// line that asks can be read.
func Lang(fsys fs.FS) msg.Lang {
	src, err := fs.ReadFile(fsys, FileName)
	if err != nil || len(src) > maxSize {
		return msg.Chinese
	}
	var c struct {
		Language string `toml:"language"`
	}
	_ = toml.Unmarshal(src, &c) // what was read before a mistake is kept
	l, _ := msg.ParseLang(c.Language)
	return l
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
		l.Error(FileName, 0, 0, "", msg.ConfigCannotRead, err.Error())
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
		l.Error(FileName, 1, 1, "", msg.ConfigTooBig, len(src)>>10, maxSize>>10)
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
			l.Add(diag.Diagnostic{File: FileName, Line: row, Col: col, Field: key, Msg: didYouMean(key)})
		}
		return
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		l.Add(diag.Diagnostic{File: FileName, Line: row, Col: col, Field: strings.Join(de.Key(), "."), Msg: decodeMsg(de.Error())})
		return
	}
	l.Add(diag.Diagnostic{File: FileName, Msg: msg.Raw(err.Error())})
}

// loadTimezone loads an IANA zone name, or says what is wrong with it.
// "Local" is refused although Go accepts it: the output would then depend on
// the machine that builds, and identical input must give identical output.
func loadTimezone(name string) (*time.Location, msg.Key) {
	if name == "Local" {
		return nil, msg.ConfigTimezoneLocal
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "" {
		return nil, msg.ConfigTimezoneUnknown
	}
	return loc, 0
}

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func (c *Config) validate(src []byte, l *diag.List) {
	at := func(key string) int { return lineOf(src, key) }
	if c.URLStyle != Portable && c.URLStyle != Pretty {
		l.Error(FileName, at("url_style"), 0, "url_style", msg.ConfigURLStyle, c.URLStyle, Portable, Pretty)
	}
	if c.PageSize < 1 || c.PageSize > 1000 {
		l.Error(FileName, at("page_size"), 0, "page_size", msg.ConfigPageSize, c.PageSize)
	}
	if m := c.Images.MaxMegapixels; m < 1 || m > 1000 {
		l.Error(FileName, at("max_megapixels"), 0, "images.max_megapixels", msg.ConfigMegapixels, m)
	}
	if loc, k := loadTimezone(c.Timezone); k != 0 {
		l.Error(FileName, at("timezone"), 0, "timezone", k, c.Timezone)
	} else {
		c.Location = loc
	}
	if c.Theme == "" || strings.ContainsAny(c.Theme, `/\.`) {
		l.Error(FileName, at("theme"), 0, "theme", msg.ConfigTheme, c.Theme)
	}
	if c.BaseURL != "" {
		if p := baseURLProblem(c.BaseURL); !p.IsZero() {
			l.Error(FileName, at("base_url"), 0, "base_url", msg.ConfigBaseURL, c.BaseURL, p)
		} else if !strings.HasSuffix(c.BaseURL, "/") {
			c.BaseURL += "/"
		}
	}
	for _, f := range c.StaticFiles() {
		if p := staticPathProblem(f.Key, f.Value); !p.IsZero() {
			l.Error(FileName, at(f.Key), 0, f.Key, msg.ConfigStaticFile, f.Value, p, f.Key)
		}
	}
	for i, p := range c.Content.PublishUnreferenced {
		if _, err := path.Match(p, ""); err != nil || p == "" || strings.HasPrefix(p, "/") {
			l.Error(FileName, lineOfValue(src, p), 0, fmt.Sprintf("content.publish_unreferenced[%d]", i), msg.ConfigPattern, p)
		}
	}
	names := map[string]bool{}
	slugs := map[string]bool{}
	for i, b := range c.Branches {
		field := fmt.Sprintf("branches[%d]", i)
		line := lineOfValue(src, b.Name)
		switch {
		case strings.TrimSpace(b.Name) == "":
			l.Error(FileName, line, 0, field+".name", msg.ConfigBranchNameEmpty)
		case names[b.Name]:
			l.Error(FileName, line, 0, field+".name", msg.ConfigBranchNameTwice, b.Name)
		}
		switch {
		case !slugRE.MatchString(b.Slug):
			l.Error(FileName, lineOfValue(src, b.Slug), 0, field+".slug", msg.ConfigBranchSlug, b.Slug)
		case slugs[b.Slug]:
			l.Error(FileName, lineOfValue(src, b.Slug), 0, field+".slug", msg.ConfigBranchSlugTwice, b.Slug)
		}
		names[b.Name], slugs[b.Slug] = true, true
	}
	for i, r := range c.Ledger.Rules {
		field := fmt.Sprintf("ledger.rules[%d]", i)
		if r.Period != "month" && r.Period != "quarter" {
			l.Error(FileName, lineOfValue(src, r.Period), 0, field+".period", msg.ConfigLedgerPeriod, r.Period)
		}
		if r.Min < 0 {
			l.Error(FileName, lineOfValue(src, r.Kind), 0, field+".min", msg.ConfigLedgerMin, r.Min)
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
