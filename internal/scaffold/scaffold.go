// Package scaffold writes new things into a site at an author's request:
// a whole site for `pubgen init` and one content file for `pubgen new`. It is
// the only code that writes into a site's sources, and it never overwrites.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"text/template"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/source"
)

// Options say what Init writes.
type Options struct {
	Starter fs.FS // the starter site: pubgen.Starter
	Module  fs.FS // pubgen's own go.mod and go.sum: pubgen.Module
	Pin     Pin   // the pubgen the new site's go.mod requires
	// Empty leaves out the demo content: configuration, theme, home and
	// section pages, and one commented draft example per content type.
	Empty bool
	Now   time.Time // the examples' date
}

//go:embed newsite
var newSite embed.FS

// Init writes a new site into dir, which must not exist or be empty: the
// starter, a go.mod that pins the pubgen building it, the Netlify and
// GitLab Pages settings that run that pubgen, and a README for its
// authors. It returns the number of files written.
func Init(dir string, opts Options) (int, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return 0, msg.Fail(nil, msg.ScaffoldNotEmpty, dir)
	}
	files, err := siteFiles(dir, opts)
	if err != nil {
		// Everything siteFiles reads is built into pubgen (the starter, its
		// go.mod, the archetypes): a failure there is pubgen's own.
		return 0, msg.Fail(err, msg.Internal, msg.Raw("init: "+err.Error()))
	}
	names := slices.Sorted(maps.Keys(files))
	for _, name := range names {
		target := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return 0, msg.Fail(err, msg.ScaffoldInitFailed, msg.Cause(err))
		}
		if err := os.WriteFile(target, files[name], 0o644); err != nil {
			return 0, msg.Fail(err, msg.ScaffoldInitFailed, msg.Cause(err))
		}
	}
	return len(names), nil
}

// siteFiles is everything Init writes, by slash path, computed before
// anything is written so that a failure leaves no half site behind.
func siteFiles(dir string, opts Options) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(opts.Starter, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (opts.Empty && !keptWhenEmpty(p)) {
			return err
		}
		files[p], err = fs.ReadFile(opts.Starter, p)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("reading the starter: %w", err)
	}
	if files["netlify.toml"], err = netlifyForSite(files["netlify.toml"]); err != nil {
		return nil, err
	}
	if files["go.mod"], files["go.sum"], err = moduleFiles(moduleName(filepath.Base(dir)), opts.Module, opts.Pin); err != nil {
		return nil, err
	}
	for name, as := range map[string]string{"README.md": "README.md", "gitlab-ci.yml": ".gitlab-ci.yml", "gitignore": ".gitignore"} {
		if files[as], err = newSite.ReadFile("newsite/" + name); err != nil {
			return nil, err
		}
	}
	if opts.Empty {
		if err := addExamples(files, opts.Starter, opts.Now); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// keptWhenEmpty reports whether an empty site keeps a starter file: its
// configuration, its theme, its own layouts/ (which read only the site's
// configuration and pages, so they fit any site), static/ (pubgen.toml's
// logo and banner are there), and the home and section pages, but no page
// of demo content.
func keptWhenEmpty(p string) bool {
	return p == source.ConfigFile || p == "netlify.toml" || strings.HasPrefix(p, source.ThemesDir+"/") || strings.HasPrefix(p, source.LayoutsDir+"/") || strings.HasPrefix(p, source.StaticDir+"/") ||
		(strings.HasPrefix(p, source.ContentDir+"/") && path.Base(p) == "_index.md")
}

// The starter's netlify.toml builds this repository with `go run
// ./cmd/pubgen`; a site runs the pubgen its go.mod pins instead.
const (
	repoBuild = `command = "go run ./cmd/pubgen build"`
	siteBuild = `command = "go tool pubgen build"`
)

func netlifyForSite(data []byte) ([]byte, error) {
	if !bytes.Contains(data, []byte(repoBuild)) {
		return nil, fmt.Errorf("the starter's netlify.toml lacks %s (want it, to replace with %s)", repoBuild, siteBuild)
	}
	return bytes.Replace(data, []byte(repoBuild), []byte(siteBuild), 1), nil
}

// sectionOf returns the folder a content type's files go in: the section
// whose pages have that type.
func sectionOf(typ string) (string, bool) {
	for section, t := range page.SectionTypes {
		if t == typ {
			return section, true
		}
	}
	return "", false
}

// ArchetypeData is what an archetype template sees.
type ArchetypeData struct {
	Title  string
	Date   string // 2006-01-02
	Slug   string
	Branch string // the 支部 the page is for (pubgen new --branch), or ""
}

// archetype returns the template a new page of type typ starts from: the
// site's archetypes/ first, then the theme's.
func archetype(site fs.FS, theme, typ string) (*template.Template, error) {
	text, err := archetypeText(site, theme, typ)
	if err != nil {
		return nil, err
	}
	tmpl, err := template.New(typ).Parse(string(text))
	if err != nil {
		return nil, msg.Fail(err, msg.ScaffoldArchetypeBroken, typ, msg.Raw(err.Error()))
	}
	return tmpl, nil
}

// archetypeText is the archetype of type typ as written.
func archetypeText(site fs.FS, theme, typ string) ([]byte, error) {
	for _, p := range []string{source.ArchetypesDir + "/" + typ + ".md", source.ThemeDir(theme) + "/" + source.ArchetypesDir + "/" + typ + ".md", source.ThemeDir(theme) + "/" + source.ArchetypesDir + "/default.md"} {
		if text, err := fs.ReadFile(site, p); err == nil {
			return text, nil
		}
	}
	return nil, msg.Fail(nil, msg.ScaffoldNoArchetype, typ, theme)
}

// bundled says whether new pages of type typ are page folders (name/index.md)
// rather than single files: study materials carry their PDFs and showcases
// their photos, which must sit beside the page.
func bundled(typ string) bool { return typ == page.Study || typ == page.Showcase }

// pagePath is where a new page named name of type typ goes.
func pagePath(section, name, typ string) string {
	if bundled(typ) {
		return source.ContentDir + "/" + section + "/" + name + "/index.md"
	}
	return source.ContentDir + "/" + section + "/" + name + ".md"
}

// freeName returns the first of date-typ-1, date-typ-2, … that no file or
// folder of the section uses yet. The name is short ASCII, so the page's
// address is readable and safe to copy; the title stays in the page.
func freeName(site fs.FS, section, typ, date string) string {
	for i := 1; ; i++ {
		name := fmt.Sprintf("%s-%s-%d", date, typ, i)
		dir := source.ContentDir + "/" + section + "/" + name
		if !exists(site, dir+".md") && !exists(site, dir) {
			return name
		}
	}
}

func exists(site fs.FS, p string) bool {
	_, err := fs.Stat(site, p)
	return !errors.Is(err, fs.ErrNotExist)
}

// New writes a draft of type typ with title, from the archetype in site
// (the site's archetypes/ first, then the theme's). branch, when not "",
// is the 支部 the page is for: the archetypes fill branch and the 落款's
// issuing body with it. It returns the path written, relative to the site
// root. Study materials and showcases are page folders, so their files go
// beside them.
func New(root string, site fs.FS, theme, typ, title, branch string, now time.Time) (string, error) {
	section, ok := sectionOf(typ)
	if !ok {
		return "", msg.Fail(nil, msg.ScaffoldNewBadType, typ)
	}
	if strings.TrimSpace(title) == "" {
		return "", msg.Fail(nil, msg.ScaffoldNewNoTitle)
	}
	tmpl, err := archetype(site, theme, typ)
	if err != nil {
		return "", newFailed(err)
	}
	date := now.Format("2006-01-02")
	name := freeName(site, section, typ, date)
	rel := pagePath(section, name, typ)
	var out bytes.Buffer
	if err := tmpl.Execute(&out, ArchetypeData{Title: title, Date: date, Slug: name, Branch: branch}); err != nil {
		return "", newFailed(msg.Fail(err, msg.ScaffoldArchetypeBroken, typ, msg.Raw(err.Error())))
	}
	text, err := draft(out.String(), typ)
	if err != nil {
		return "", newFailed(err)
	}
	if err := writeNew(filepath.Join(root, filepath.FromSlash(rel)), []byte(text)); err != nil {
		return "", newFailed(err)
	}
	return rel, nil
}

// newFailed says that pubgen new could not write the page, and why: in the
// catalogue's words when err has them, else the system's (msg.Cause).
func newFailed(err error) error {
	if t, ok := msg.TextOf(err); ok {
		return msg.Fail(err, msg.ScaffoldNewFailed, t)
	}
	return msg.Fail(err, msg.ScaffoldNewFailed, msg.Cause(err))
}

// writeNew creates the file at target with data, never replacing one.
func writeNew(target string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// draft makes sure a new page is a draft whatever its archetype says, so
// that nothing half-written goes live: a site's own archetype may still
// say draft: false, or have no draft line at all.
func draft(text, typ string) (string, error) {
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		if strings.HasPrefix(text, "+++\n") {
			return text, nil // TOML archetypes are the site's own; left as written
		}
		return "", msg.Fail(nil, msg.ScaffoldArchetypeNoStart, typ)
	}
	const off, on = "\ndraft: false\n", "\ndraft: true\n"
	switch {
	case strings.Contains("\n"+rest, on):
		return text, nil
	case strings.Contains("\n"+rest, off):
		return "---\n" + strings.TrimPrefix(strings.Replace("\n"+rest, off, on, 1), "\n"), nil
	}
	return "---\n" + draftNote + "draft: true\n" + rest, nil
}

// draftNote explains the draft line New adds to an archetype that has none.
const draftNote = "# 草稿：true 表示暂不发布，写完后改为 false 才会发布。\n"
