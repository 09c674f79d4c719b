// Package scaffold writes new things into a site at an author's request:
// a whole site for `pubgen init` and one content file for `pubgen new`. It is
// the only code that writes into a site's sources, and it never overwrites.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"
	"time"

	"github.com/pubgen/pubgen/internal/page"

	"github.com/pubgen/pubgen/internal/source"
)

// Init writes the starter site into dir, which must not exist or be empty.
func Init(dir string, starter fs.FS) (int, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return 0, fmt.Errorf("init: %s is not empty (want a new or empty folder, so nothing is overwritten)", dir)
	}
	n := 0
	err := fs.WalkDir(starter, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(starter, p)
		if err != nil {
			return err
		}
		n++
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		return n, fmt.Errorf("init: writing %s: %w", dir, err)
	}
	// The output, the search cache and publish's helper folders are made by
	// builds; a site kept in git should not commit them.
	if err := os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(gitignore), 0o644); err != nil {
		return n, fmt.Errorf("init: writing .gitignore: %w", err)
	}
	return n + 1, nil
}

const gitignore = "public/\n.pubgen/\n.*.pubgen-*\n"

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
	Title string
	Date  string // 2006-01-02
	Slug  string
}

// New writes a content file of type typ with title, from the archetype in
// site (the site's archetypes/ first, then the theme's). It returns the path
// written, relative to the site root. Showcases are bundles, since their
// cover must sit beside them.
func New(root string, site fs.FS, theme, typ, title string, now time.Time) (string, error) {
	section, ok := sectionOf(typ)
	if !ok {
		return "", fmt.Errorf("new: %q is not a content type (want notice, disclosure, study or showcase)", typ)
	}
	if strings.TrimSpace(title) == "" {
		return "", errors.New("new: the title is empty (want e.g. pubgen new notice \"关于召开支部党员大会的通知\")")
	}
	var text []byte
	var err error
	for _, p := range []string{source.ArchetypesDir + "/" + typ + ".md", source.ThemeDir(theme) + "/" + source.ArchetypesDir + "/" + typ + ".md", source.ThemeDir(theme) + "/" + source.ArchetypesDir + "/default.md"} {
		if text, err = fs.ReadFile(site, p); err == nil {
			break
		}
	}
	if err != nil {
		return "", fmt.Errorf("new: no archetype for %s (want themes/%s/archetypes/%s.md)", typ, theme, typ)
	}
	tmpl, err := template.New(typ).Parse(string(text))
	if err != nil {
		return "", fmt.Errorf("new: archetype %s: %w", typ, err)
	}
	date := now.Format("2006-01-02")
	base := date + "-" + Slug(title)
	rel := ""
	for i := 1; ; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprintf("%s-%d", base, i)
		}
		rel = "content/" + section + "/" + name + ".md"
		if typ == "showcase" {
			rel = "content/" + section + "/" + name + "/index.md"
		}
		if _, err := fs.Stat(site, rel); errors.Is(err, fs.ErrNotExist) {
			if _, err := fs.Stat(site, strings.TrimSuffix(rel, "/index.md")); typ != "showcase" || errors.Is(err, fs.ErrNotExist) {
				base = name
				break
			}
		}
	}
	var out bytes.Buffer
	if err := tmpl.Execute(&out, ArchetypeData{Title: title, Date: date, Slug: base}); err != nil {
		return "", fmt.Errorf("new: archetype %s: %w", typ, err)
	}
	target := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return "", fmt.Errorf("new: %w", err)
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", fmt.Errorf("new: %w", err)
	}
	if _, err := f.Write(out.Bytes()); err != nil {
		f.Close()
		return "", fmt.Errorf("new: writing %s: %w", rel, err)
	}
	return rel, f.Close()
}

var nonSlug = regexp.MustCompile(`[^\p{L}\p{N}]+`)

// Slug makes a file name from a title: letters and digits (Chinese kept),
// runs of anything else as one '-', at most 40 characters.
func Slug(title string) string {
	s := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(title), "-"), "-")
	if r := []rune(s); len(r) > 40 {
		s = strings.Trim(string(r[:40]), "-")
	}
	if s == "" {
		s = "untitled"
	}
	return s
}
