package publish

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pubgen/pubgen/internal/msg"
)

func TestPublishReplacesSiteExactly(t *testing.T) {
	for name, p := range publishers() {
		t.Run(name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			seed(t, dest, map[string]string{
				"index.html":          "old home",
				"stale.html":          "gone after publish",
				"notices/old/a.html":  "old notice",
				"notices/index.html":  "old list",
				"static/removed.css":  "x",
				"deep/er/still/x.txt": "y",
			})
			bundle := fstest.MapFS{"study/s1/guide.pdf": {Data: []byte("%PDF-1.7 guide")}}
			entries := []Entry{
				{Path: "index.html", Data: []byte("new home")},
				{Path: "notices/index.html", Data: []byte("new list")},
				{Path: "notices/a/index.html", Data: []byte("通知 a")},
				{Path: "study/s1/guide.pdf", Src: bundle, SrcPath: "study/s1/guide.pdf"},
				{Path: ".nojekyll"},
			}
			rep, err := p.publish(dest, entries)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{
				"index.html":           "-rw-r--r-- new home",
				"notices/":             "drwxr-xr-x",
				"notices/index.html":   "-rw-r--r-- new list",
				"notices/a/":           "drwxr-xr-x",
				"notices/a/index.html": "-rw-r--r-- 通知 a",
				"study/":               "drwxr-xr-x",
				"study/s1/":            "drwxr-xr-x",
				"study/s1/guide.pdf":   "-rw-r--r-- %PDF-1.7 guide",
				".nojekyll":            "-rw-r--r-- ",
			}
			if got := tree(t, dest); !maps.Equal(got, want) {
				t.Errorf("dest after publish:\n got %v\nwant %v", got, want)
			}
			if want := (Report{Files: 5, Bytes: int64(8 + 8 + len("通知 a") + 14)}); rep.Files != want.Files || rep.Bytes != want.Bytes || rep.Warnings != nil {
				t.Errorf("report = %+v, want %+v", rep, want)
			}
			if fi, err := os.Lstat(dest); err != nil || !fi.IsDir() || fi.Mode().Perm() != dirMode {
				t.Errorf("dest is not a plain 0755 folder: %v %v", fi.Mode(), err)
			}
			if left := leftovers(t, dest); len(left) > 0 {
				t.Errorf("left beside dest: %v", left)
			}
		})
	}
}

func TestPublishCreatesMissingDest(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Publish(dest, []Entry{{Path: "a/index.html", Data: []byte("a")}}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a/": "drwxr-xr-x", "a/index.html": "-rw-r--r-- a"}
	if got := tree(t, dest); !maps.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestFailedPublishLeavesDestUntouched(t *testing.T) {
	bundle := fstest.MapFS{"a.pdf": {Data: []byte("pdf")}}
	tests := []struct {
		name    string
		entries []Entry
		wantErr string
	}{
		{"dot-dot", []Entry{{Path: "ok.html"}, {Path: "../evil.html"}}, `"../evil.html"`},
		{"inner dot-dot", []Entry{{Path: "a/../../evil"}}, `"a/../../evil"`},
		{"absolute", []Entry{{Path: "/etc/passwd"}}, `"/etc/passwd"`},
		{"backslash", []Entry{{Path: `a\b.html`}}, `"a\\b.html"`},
		{"empty segment", []Entry{{Path: "a//b.html"}}, `"a//b.html"`},
		{"trailing slash", []Entry{{Path: "a/"}}, `"a/"`},
		{"dot segment", []Entry{{Path: "./a.html"}}, `"./a.html"`},
		{"NUL", []Entry{{Path: "a\x00.html"}}, `"a\x00.html"`},
		{"empty", []Entry{{Path: ""}}, `""`},
		{"duplicate", []Entry{{Path: "x.html"}, {Path: "y.html"}, {Path: "x.html"}}, `"x.html": listed twice`},
		{"file and folder", []Entry{{Path: "a"}, {Path: "a/b.html"}}, `"a": is a file, but entry "a/b.html"`},
		{"data and src", []Entry{{Path: "a.pdf", Data: []byte("x"), Src: bundle, SrcPath: "a.pdf"}}, "both Data and Src"},
		{"bad src path", []Entry{{Path: "a.pdf", Src: bundle, SrcPath: "../a.pdf"}}, `SrcPath "../a.pdf"`},
		{"missing src file", []Entry{{Path: "x/a.html", Data: []byte("a")}, {Path: "s/missing.pdf", Src: bundle, SrcPath: "missing.pdf"}}, "copying missing.pdf to s/missing.pdf"},
	}
	for _, tt := range tests {
		for name, p := range publishers() {
			t.Run(tt.name+"/"+name, func(t *testing.T) {
				dest := filepath.Join(t.TempDir(), "public")
				seed(t, dest, map[string]string{"index.html": "old", "notices/a.html": "old a"})
				before := tree(t, dest)
				_, err := p.publish(dest, tt.entries)
				if err == nil || !strings.Contains(english(t, err), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %s", err, tt.wantErr)
				}
				if after := tree(t, dest); !maps.Equal(before, after) {
					t.Errorf("dest changed by a failed publish:\nbefore %v\n after %v", before, after)
				}
				if left := leftovers(t, dest); len(left) > 0 {
					t.Errorf("left beside dest: %v", left)
				}
			})
		}
	}
}

func TestRefusesDangerousDest(t *testing.T) {
	tmp := t.TempDir()
	seed(t, tmp, map[string]string{"file": "x"})
	if err := os.Symlink(filepath.Join(tmp, "real"), filepath.Join(tmp, "link")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	wd, _ := os.Getwd()
	home, err := os.UserHomeDir()
	if err != nil {
		home = "/nonexistent-home"
	}
	tests := []struct{ dest, wantErr string }{
		{"", "no destination"},
		{"   ", "no destination"},
		{"/", "filesystem root"},
		{".", "contains the current folder"},
		{"..", "contains the current folder"},
		{wd, "contains the current folder"},
		{home, "home folder"},
		{filepath.Join(tmp, "missing", "public"), "parent folder"},
		{filepath.Join(tmp, "file"), "not a folder"},
		{filepath.Join(tmp, "file", "public"), "parent"},
		{filepath.Join(tmp, "link"), "symbolic link"},
	}
	for _, tt := range tests {
		t.Run(tt.dest, func(t *testing.T) {
			_, err := Publish(tt.dest, []Entry{{Path: "index.html"}})
			if err == nil || !strings.Contains(english(t, err), tt.wantErr) {
				t.Errorf("Publish(%q) error = %v, want one containing %q", tt.dest, err, tt.wantErr)
			}
		})
	}
	if _, err := os.Lstat(filepath.Join(tmp, "real")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("publishing to a symlink created its target: %v", err)
	}
}

func TestReadOnlyParentGivesClearError(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	seed(t, dest, map[string]string{"index.html": "old"})
	if _, err := Publish(dest, []Entry{{Path: "index.html", Data: []byte("v1")}}); err != nil {
		t.Fatal(err) // also leaves the lock file, so the error must come from staging
	}
	before := tree(t, dest)
	makeReadOnly(t, parent)
	_, err := Publish(dest, []Entry{{Path: "index.html", Data: []byte("v2")}})
	if pe := (*Error)(nil); !errors.As(err, &pe) || pe.Step != msg.PublishStaging || pe.Path != parent {
		t.Fatalf("error = %v, want one about creating the staging folder in %s", err, parent)
	}
	t.Log(err)
	if after := tree(t, dest); !maps.Equal(before, after) {
		t.Errorf("dest changed: %v → %v", before, after)
	}
}

func TestCleanupRestoresSiteLeftAsideByDeadBuild(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	// The state of a build killed between the fallback's two renames.
	old := map[string]string{"index.html": "old", "a/b.html": "b"}
	seed(t, filepath.Join(parent, ".public.pubgen-retired-X"), old)
	seed(t, filepath.Join(parent, ".public.pubgen-staging-Y"), map[string]string{"index.html": "new"})
	seed(t, filepath.Join(parent, ".public.pubgen-trash-Z"), map[string]string{"half": "removed"})
	seed(t, filepath.Join(parent, ".other.pubgen-staging-Q"), map[string]string{"keep": "another dest's"})
	if _, err := Cleanup(dest); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "-rw-r--r-- old", "a/": "drwxr-xr-x", "a/b.html": "-rw-r--r-- b"}
	if got := tree(t, dest); !maps.Equal(got, want) {
		t.Errorf("restored dest = %v, want %v", got, want)
	}
	if left := leftovers(t, dest); len(left) > 0 {
		t.Errorf("left beside dest: %v", left)
	}
	if _, err := os.Stat(filepath.Join(parent, ".other.pubgen-staging-Q", "keep")); err != nil {
		t.Errorf("cleanup touched another destination's folder: %v", err)
	}
}

func TestCleanupDiscardsRetiredSiteWhenDestExists(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	seed(t, dest, map[string]string{"index.html": "new"})
	seed(t, filepath.Join(parent, ".public.pubgen-retired-X"), map[string]string{"index.html": "old"})
	if _, err := Cleanup(dest); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest); got["index.html"] != "-rw-r--r-- new" {
		t.Errorf("dest = %v, want the new site kept", got)
	}
	if left := leftovers(t, dest); len(left) > 0 {
		t.Errorf("left beside dest: %v", left)
	}
}

func TestCleanupRefusesToGuessBetweenRetiredSites(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	seed(t, filepath.Join(parent, ".public.pubgen-retired-X"), map[string]string{"index.html": "x"})
	seed(t, filepath.Join(parent, ".public.pubgen-retired-Y"), map[string]string{"index.html": "y"})
	_, err := Cleanup(dest)
	if err == nil || !strings.Contains(english(t, err), "2 previous sites") {
		t.Fatalf("error = %v, want one naming the 2 candidates", err)
	}
	if len(leftovers(t, dest)) != 2 {
		t.Errorf("cleanup removed a candidate site")
	}
}
