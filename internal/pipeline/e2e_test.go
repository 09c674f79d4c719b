package pipeline

import (
	"bytes"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/pubgen/pubgen/internal/publish"
)

// demoNow fixes "today" so the demo's disclosure statuses do not depend on
// the day the test runs.
var demoNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// demoSite copies the repository's own site into a temp folder, so a test
// can change its pubgen.toml without touching the repository.
func demoSite(t testing.TB, tweak func(cfg string) string) string {
	t.Helper()
	dir := t.TempDir()
	root := "../.."
	for _, d := range []string{"content", "themes", "static", "layouts"} {
		if _, err := os.Stat(filepath.Join(root, d)); err != nil {
			continue
		}
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(root, d))); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := os.ReadFile(filepath.Join(root, "pubgen.toml"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(cfg)
	if tweak != nil {
		s = tweak(s)
	}
	if err := os.WriteFile(filepath.Join(dir, "pubgen.toml"), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func buildTo(t testing.TB, site, dest string) *Result {
	t.Helper()
	res, err := Run(os.DirFS(site), Options{Now: demoNow})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if _, err := publish.Publish(dest, res.Entries); err != nil {
		t.Fatalf("publish: %v", err)
	}
	return res
}

// TestDemoSiteLinks builds the demo portal in both URL styles and follows
// every href and src of every page: each must resolve to a file of the
// output (and each #anchor to an id in it), none may leave the site, and
// none may name another host.
func TestDemoSiteLinks(t *testing.T) {
	for _, style := range []string{"portable", "pretty"} {
		t.Run(style, func(t *testing.T) {
			site := demoSite(t, func(c string) string {
				return strings.Replace(c, `url_style = "portable"`, `url_style = "`+style+`"`, 1)
			})
			out := filepath.Join(t.TempDir(), "public")
			buildTo(t, site, out)
			checked := checkLinks(t, out, style == "pretty")
			if checked < 1000 {
				t.Errorf("only %d links checked; the demo site should have thousands", checked)
			}
		})
	}
}

func checkLinks(t *testing.T, out string, pretty bool) int {
	t.Helper()
	n := 0
	ids := map[string]map[string]bool{}
	idsOf := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		m := map[string]bool{}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(file)))
		if err == nil {
			for _, x := range regexp.MustCompile(`\sid="?([^"\s>]+)`).FindAllSubmatch(data, -1) {
				m[string(x[1])] = true
			}
		}
		ids[file] = m
		return m
	}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// The 404 page is the one page a server shows at addresses not its
		// own (/a/b/c/missing), so it alone resolves from the site root;
		// its links, relative to that root, are checked below as usual.
		if bytes.Contains(data, []byte("<base ")) != (rel == "404.html") {
			t.Errorf("%s: <base> present: %v (want it on 404.html only)", rel, bytes.Contains(data, []byte("<base ")))
		}
		for _, ref := range refs(t, data) {
			n++
			if ref == "" || strings.HasPrefix(ref, "mailto:") || strings.HasPrefix(ref, "tel:") {
				continue
			}
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad URL %q", rel, ref)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				t.Errorf("%s: %q names another host (the site must be self-contained)", rel, ref)
				continue
			}
			if strings.HasPrefix(u.Path, "/") {
				t.Errorf("%s: %q is root-absolute (breaks on file:// and under a sub-path)", rel, ref)
				continue
			}
			target := path.Join(path.Dir(rel), u.Path)
			if u.Path == "" {
				target = rel
			}
			if strings.HasPrefix(target, "../") || target == ".." {
				t.Errorf("%s: %q leaves the site", rel, ref)
				continue
			}
			if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == "" && u.Fragment == "" {
				if !pretty {
					t.Errorf("%s: %q links a folder (portable links must name index.html)", rel, ref)
				}
				target = strings.TrimSuffix(target, "/") + "/index.html"
				target = strings.TrimPrefix(target, "./")
				if target == "/index.html" {
					target = "index.html"
				}
			}
			fi, err := os.Stat(filepath.Join(out, filepath.FromSlash(target)))
			if err != nil || fi.IsDir() {
				t.Errorf("%s: %q → %s does not exist", rel, ref, target)
				continue
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !idsOf(target)[u.Fragment] {
				t.Errorf("%s: %q: no id %q in %s", rel, ref, u.Fragment, target)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// refs returns every href, src and form action of an HTML document.
func refs(t *testing.T, data []byte) []string {
	z := html.NewTokenizer(bytes.NewReader(data))
	var out []string
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			switch string(k) {
			case "href", "src", "action":
				// <base> is checked by checkLinks: it is not a link.
				if string(name) == "meta" || string(name) == "base" {
					continue
				}
				out = append(out, string(v))
			}
		}
	}
}

// TestDemoSiteOutput checks what every page must have, and that building
// twice gives the same bytes.
func TestDemoSiteOutput(t *testing.T) {
	site := demoSite(t, nil)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	buildTo(t, site, a)
	buildTo(t, site, b)
	count := 0
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		da, _ := os.ReadFile(p)
		db, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(da, db) {
			t.Errorf("%s differs between two builds of the same input", rel)
		}
		count++
		if !strings.HasSuffix(p, ".html") {
			return nil
		}
		head := string(da[:min(len(da), 200)])
		if !strings.HasPrefix(head, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">`) {
			t.Errorf("%s: want doctype, lang=zh-CN and <meta charset> first in head; starts %q", rel, head)
		}
		if bytes.Contains(da, []byte(">\n<")) || bytes.Contains(da, []byte("\n  <")) {
			t.Errorf("%s is not minified", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if count < 100 {
		t.Errorf("only %d files built", count)
	}
}
