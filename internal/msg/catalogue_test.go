package msg

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/catalogue.golden")

// TestCatalogue checks the table's shape: every key has its own entry, a
// unique name and both texts, and every example renders without a fmt
// complaint in either language.
func TestCatalogue(t *testing.T) {
	names := map[string]bool{}
	seen := map[Key]bool{}
	for _, e := range entries {
		if seen[e.key] {
			t.Errorf("key %d (%s) has two entries", e.key, e.name)
		}
		seen[e.key] = true
	}
	for k := Key(1); k < numKeys; k++ {
		e := catalogue[k]
		if e.key != k {
			t.Fatalf("key %d has no entry", k)
		}
		if e.name == "" || e.zh == "" || e.en == "" || names[e.name] {
			t.Errorf("key %d: name %q zh %q en %q (want a unique name and both texts)", k, e.name, e.zh, e.en)
		}
		names[e.name] = true
		for _, l := range Langs() {
			if s := (Printer{Lang: l}).Text(New(k, e.ex...)); strings.Contains(s, "%!") || strings.Contains(s, "{date") {
				t.Errorf("%s (%s): %s", e.name, l, s)
			}
		}
	}
}

// TestChineseIsPlain holds the Chinese texts to the words authors use:
// none of a programmer's terms, and no English "want" hints.
func TestChineseIsPlain(t *testing.T) {
	for _, e := range entries {
		for _, w := range []string{"YAML", "TOML", "front matter", "bundle", "RFC", "README", "want", "field"} {
			if strings.Contains(e.zh, w) {
				t.Errorf("%s: the Chinese text says %q: %s", e.name, w, e.zh)
			}
		}
	}
}

// TestGolden writes the whole catalogue, each message with its example
// arguments in both languages, to one file to be read as an author reads
// it: go test ./internal/msg -run Golden -update, then review the diff.
func TestGolden(t *testing.T) {
	var b strings.Builder
	zh, en := Printer{Lang: Chinese}, Printer{Lang: English}
	for _, e := range entries {
		fmt.Fprintf(&b, "%s\n  zh: %s\n  en: %s\n", e.name, zh.Text(New(e.key, e.ex...)), en.Text(New(e.key, e.ex...)))
	}
	path := filepath.Join("testdata", "catalogue.golden")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if string(want) != b.String() {
		t.Errorf("the catalogue differs from %s; run go test ./internal/msg -update and review the diff", path)
	}
}

func TestPrinterDates(t *testing.T) {
	if got := (Printer{}).Sprint(DateMissing); got != "缺少日期。请写一行，例如：date: 2026-12-04" {
		t.Errorf("zero printer: %s", got)
	}
	p := Printer{Lang: English, Today: sampleDay.AddDate(1, 0, 27)}
	if got := p.Sprint(DateInvalid, "{date}", New(DateExample, "date")); got != `"{date}" is not a date (want e.g. date: 2027-12-31, 2027年12月31日 or 2027/12/31)` {
		t.Errorf("english, today 2027-12-31: %s", got)
	}
}

func TestParseLang(t *testing.T) {
	for s, want := range map[string]Lang{"": Chinese, "zh-CN": Chinese, "zh-cn": Chinese, "zh": Chinese, "en": English, "en-US": English} {
		if l, ok := ParseLang(s); !ok || l != want {
			t.Errorf("ParseLang(%q) = %v, %v", s, l, ok)
		}
	}
	if _, ok := ParseLang("fr"); ok {
		t.Error("fr accepted")
	}
}

// TestCauseAt: a message placed at a file does not name that file again in
// Chinese, names another file's path, and keeps the system's whole text
// in English either way.
func TestCauseAt(t *testing.T) {
	err := &fs.PathError{Op: "open", Path: "data/a.toml", Err: fs.ErrPermission}
	zh, en := Printer{}, Printer{Lang: English}
	if got := zh.Text(CauseAt("data/a.toml", err)); got != "没有权限" {
		t.Errorf("at its own file: %q, want the word alone", got)
	}
	if got := zh.Text(CauseAt("data/b.toml", err)); !strings.HasPrefix(got, "data/a.toml：") {
		t.Errorf("at another file: %q, want the error's path first", got)
	}
	if got := en.Text(CauseAt("data/a.toml", err)); got != "open data/a.toml: permission denied" {
		t.Errorf("in English: %q", got)
	}
}
