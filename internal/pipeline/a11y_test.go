package pipeline

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/pubgen/pubgen/internal/browsertest"
)

// a11yModules is where `npm ci --prefix tools/a11y` puts the pinned
// checkers, seen from this package's directory.
const a11yModules = "../../tools/a11y/node_modules"

// needTool skips the test when a checker is missing on a developer's
// machine, and fails it under CI=true, where .ci/run installs it.
func needTool(t *testing.T, what, install string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing (CI=true, so this must run: %s)", what, install)
	}
	t.Skipf("skipped: %s is missing (%s)", what, install)
}

// a11yFile returns the path of a file inside tools/a11y/node_modules.
func a11yFile(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(a11yModules, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		needTool(t, p, "npm ci --prefix tools/a11y")
	}
	return p
}

// vnuMessage is one message of the Nu HTML checker's JSON output.
type vnuMessage struct {
	Type    string `json:"type"`
	SubType string `json:"subType"`
	URL     string `json:"url"`
	Line    int    `json:"lastLine"`
	Col     int    `json:"firstColumn"`
	Message string `json:"message"`
	Extract string `json:"extract"`
}

// TestNuHTMLChecker runs the Nu HTML checker (vnu.jar) once over every
// HTML file of the built demo portal: none may have an error. A page known
// to be invalid is checked in the same run, so a checker that stopped
// reporting (or reporting where this test reads) cannot pass unnoticed.
func TestNuHTMLChecker(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	buildTo(t, demoSite(t, nil), out)
	if n := validateHTML(t, out); n < 100 {
		t.Fatalf("only %d HTML files in the demo build; expected well over 100", n)
	}
}

// validateHTML runs the Nu HTML checker over every HTML file under out,
// reports each error, and returns how many files it checked.
func validateHTML(t *testing.T, out string) int {
	t.Helper()
	jar := a11yFile(t, "vnu-jar/build/dist/vnu.jar")
	java, err := exec.LookPath("java")
	if err != nil {
		needTool(t, "java", "apt-get install -y default-jre-headless")
	}
	var files []string
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	control := filepath.Join(t.TempDir(), "control.html")
	if err := os.WriteFile(control, []byte("<!DOCTYPE html><html lang=\"en\"><title>x</title><p><div></span>"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(java, append([]string{"-jar", jar, "--errors-only", "--format", "json", control}, files...)...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		t.Fatalf("running vnu: %v", runErr)
	}
	// vnu writes its JSON report to standard error.
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal([]byte(stderr.String()), &report); err != nil {
		t.Fatalf("vnu output is not its JSON report (%v):\n%s%s", err, stdout.String(), stderr.String())
	}
	controlErrors := 0
	for _, m := range report.Messages {
		if m.Type == "info" { // warnings and notes; --errors-only should drop them
			continue
		}
		file := strings.TrimPrefix(m.URL, "file:")
		if file == control {
			controlErrors++
			continue
		}
		rel, _ := filepath.Rel(out, file)
		t.Errorf("%s:%d:%d: %s %s: %s (%q)", rel, m.Line, m.Col, m.Type, m.SubType, m.Message, m.Extract)
	}
	if controlErrors == 0 {
		t.Errorf("vnu reported nothing for a page with a stray end tag: its output was not read\n%s", stderr.String())
	}
	t.Logf("vnu checked %d pages", len(files))
	return len(files)
}

// axeViolation is the part of an axe-core violation a failure names.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// TestAxe loads axe-core into the home page (also with the header's search
// dropdown open), a page of each content type, the search page (with
// results), the statistics page and a branch page of the built demo portal: none may have a serious or critical violation.
// Lesser ones are logged.
func TestAxe(t *testing.T) {
	src, err := os.ReadFile(a11yFile(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	out := filepath.Join(t.TempDir(), "public")
	res := buildTo(t, demoSite(t, nil), out)
	// A page is checked once ready (a JavaScript predicate) holds, after
	// typing typed, if any, into the header's search box.
	type page struct{ name, file, typed, ready string }
	pages := []page{
		{"", "index.html", "", ""},
		{"home page with the dropdown open", "index.html", "党费", `document.querySelectorAll('.search-dropdown:not([hidden]) [role=option]').length > 0`},
		{"", "search/index.html?q=%E5%85%9A%E5%BB%BA", "", `((document.querySelector('.search-summary') || {}).textContent || '').startsWith('找到')`},
		{"", "stats/index.html", "", ""},
		{"", "branches/jiguan-1/index.html", "", ""},
	}
	for _, name := range []string{"notices", "disclosures", "study", "showcases"} {
		sec := res.Site.Section(name)
		if sec == nil || len(sec.Pages) == 0 {
			t.Fatalf("the demo site has no %s page", name)
		}
		pages = append(pages, page{"", sec.Pages[0].File(), "", ""})
	}
	// A headless page has no focus, and the search client wires the header
	// box on focus.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		name := cmp.Or(p.name, p.file)
		t.Run(name, func(t *testing.T) {
			var typing []chromedp.Action[chromedp.Void]
			if p.typed != "" {
				const box = `form.search-form input[name=q]`
				typing = append(typing, chromedp.Focus(box), chromedp.SendKeys(box, p.typed))
			}
			for _, v := range axePage(t, ctx, "file://"+filepath.ToSlash(out)+"/"+p.file, string(src), p.ready, typing...) {
				report := t.Logf
				if v.Impact == "serious" || v.Impact == "critical" {
					report = t.Errorf
				}
				for _, n := range v.Nodes {
					report("%s %s (%s) at %v: %s\n%s", v.Impact, v.ID, v.Help, n.Target, n.HTML, n.Summary)
				}
			}
		})
	}
}

// axePage opens u, does actions, waits for ready (a JavaScript predicate,
// if any), runs axe-core on it and returns its violations.
func axePage(t *testing.T, ctx context.Context, u, axeSrc, ready string, actions ...chromedp.Action[chromedp.Void]) []axeViolation {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, append([]chromedp.Action[chromedp.Void]{chromedp.Navigate(u)}, actions...)...); err != nil {
		t.Fatal(err)
	}
	if ready != "" {
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](ready, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
			t.Fatalf("waiting for %s: %v", ready, err)
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axeSrc)); err != nil {
		t.Fatalf("loading axe-core: %v", err)
	}
	// axe's default rules (WCAG 2.x A and AA, and its best practices);
	// only the violations come back, not the page's many passes.
	const run = `axe.run(document, {resultTypes: ['violations']}).then(r => ({violations: r.violations, rules: r.passes.length + r.violations.length}))`
	res, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Violations []axeViolation `json:"violations"`
		Rules      int            `json:"rules"`
	}](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	if res.Rules < 10 {
		t.Fatalf("axe-core applied only %d rules to %s; it did not check the page", res.Rules, u)
	}
	return res.Violations
}
