package corpus

import (
	"bytes"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/page"
)

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(300, 7), Generate(300, 7)
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Fatal("Generate(300, 7) gave different files on two calls")
	}
	c := Generate(300, 8)
	if maps.EqualFunc(a, c, bytes.Equal) {
		t.Fatal("seeds 7 and 8 gave the same site")
	}
}

func TestTypeShares(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		count := map[string]int{}
		for name := range Generate(n, 1) {
			if strings.HasSuffix(name, ".md") && !strings.HasSuffix(name, "_index.md") {
				count[strings.Split(name, "/")[1]]++
			}
		}
		want := map[string]int{
			"disclosures": n * 25 / 100, "study": n * 25 / 100, "showcases": n * 15 / 100,
		}
		want["notices"] = n - want["disclosures"] - want["study"] - want["showcases"]
		for sec, w := range want {
			if count[sec] != w {
				t.Errorf("n=%d: %s has %d pages, want %d", n, sec, count[sec], w)
			}
		}
	}
}

// readBack is what the test reads back with a plain YAML decoder, so the
// check does not depend on pubgen's own parser alone.
type readBack struct {
	Title   string
	Date    string
	Branch  string
	Tags    []string
	Meeting *struct{ Kind, Start, End, Location, Host string }
	// disclosure
	Category  string
	Publicity *struct{ Start, End string }
	Contact   *struct{ Phone, Email, Address string }
	// study
	Series string
	Order  int
	// showcase
	Cover   string
	Gallery []struct{ File, Caption string }
}

func TestEveryPageHasItsTypesRequiredFields(t *testing.T) {
	files := Generate(400, 3)
	branchNames := map[string]bool{}
	for _, b := range Branches() {
		branchNames[b.Name] = true
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if !strings.HasSuffix(name, ".md") || strings.HasSuffix(name, "_index.md") {
			continue
		}
		fm, body, ok := strings.Cut(strings.TrimPrefix(string(files[name]), "---\n"), "---\n")
		if !ok {
			t.Fatalf("%s: no front matter", name)
		}
		var f readBack
		if err := yaml.Unmarshal([]byte(fm), &f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if f.Title == "" || f.Date == "" || !branchNames[f.Branch] || len(f.Tags) == 0 {
			t.Errorf("%s: common fields missing or branch unknown: %+v", name, f)
		}
		if n := utf8.RuneCountInString(body); n < 300 || n > 3000 {
			t.Errorf("%s: body has %d characters, want 300 to 3000", name, n)
		}
		switch strings.Split(name, "/")[1] {
		case "notices":
			if m := f.Meeting; m == nil || !slices.Contains(meetingKinds, m.Kind) || m.Start == "" || m.End <= m.Start || m.Location == "" || m.Host == "" {
				t.Errorf("%s: meeting incomplete: %+v", name, f.Meeting)
			}
		case "disclosures":
			if f.Category == "" || f.Publicity == nil || f.Publicity.End < f.Publicity.Start || f.Contact == nil ||
				f.Contact.Phone == "" || !strings.HasSuffix(f.Contact.Email, "@example.com") || f.Contact.Address == "" {
				t.Errorf("%s: category, publicity or contact incomplete: %+v", name, f)
			}
		case "study":
			if f.Series != "" && f.Order < 1 {
				t.Errorf("%s: series %q without an order", name, f.Series)
			}
		case "showcases":
			dir := strings.TrimSuffix(name, "index.md")
			for _, img := range append([]string{f.Cover}, galleryFiles(f)...) {
				if _, err := png.DecodeConfig(bytes.NewReader(files[dir+img])); err != nil {
					t.Errorf("%s: image %q is not a PNG in the bundle: %v", name, img, err)
				}
			}
		}
	}
}

func galleryFiles(f readBack) []string {
	var out []string
	for _, g := range f.Gallery {
		out = append(out, g.File)
	}
	return out
}

// TestPubgenAcceptsTheSite runs the real config and page parsers over a
// generated site: a benchmark on input pubgen rejects would measure nothing.
func TestPubgenAcceptsTheSite(t *testing.T) {
	files := Generate(300, 11)
	cfg, l := config.Parse(files["pubgen.toml"])
	if l.HasErrors(true) {
		t.Fatalf("pubgen.toml: %v", l)
	}
	if len(cfg.Branches) != len(Branches()) {
		t.Errorf("pubgen.toml has %d branches, want %d", len(cfg.Branches), len(Branches()))
	}
	loc := time.FixedZone("CST", 8*3600)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if !strings.HasSuffix(name, ".md") {
			continue
		}
		if p, l := page.Parse(name, files[name], loc); p == nil || len(l) > 0 {
			t.Errorf("%s: %v", name, l)
		}
	}
}

func TestWriteRejectsPathsOutsideTheFolder(t *testing.T) {
	for _, bad := range []string{"../x.md", "/etc/x", "a/../../x"} {
		if err := Write(t.TempDir(), map[string][]byte{bad: nil}); err == nil {
			t.Errorf("Write accepted %q", bad)
		}
	}
}

func TestWriteWritesEveryFile(t *testing.T) {
	dir := t.TempDir()
	files := Generate(20, 1)
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: read back %d bytes, err %v; want %d bytes", name, len(got), err, len(want))
		}
	}
}

func BenchmarkGenerate10000(b *testing.B) {
	for b.Loop() {
		Generate(10000, 1)
	}
}
