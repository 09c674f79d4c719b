package pipeline

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

var assetHash = regexp.MustCompile(`\.[0-9a-f]{8}\.(css|js)\b`)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden from the current output")

// TestGolden renders representative pages of a small site, unminified for
// readable diffs, and compares them with testdata/golden. After a deliberate
// change run `go test ./internal/pipeline -run Golden -update` and review the
// diff of testdata/golden like code.
func TestGolden(t *testing.T) {
	archive, err := os.ReadFile("testdata/golden/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := siteFS(t, string(archive))
	// Photos are made here, not kept in the txtar: a thumbnail needs a
	// real JPEG, and a binary fixture would make the archive unreviewable.
	for _, name := range []string{"cover.jpg", "1.jpg"} {
		fsys["content/showcases/wuxing/"+name] = &fstest.MapFile{Data: smallJPEG(t)}
	}
	out := buildFS(t, fsys, Options{NoMinify: true})
	pages := []string{
		"index.html",
		"notices/index.html",
		"notices/q3-meeting/index.html",
		"disclosures/gongshi/index.html",
		"notices/q3-meeting/meeting.ics",
		"study/dangzhang/index.html",
		"study/dangzhang-2/index.html",
		"showcases/index.html",
		"stats/index.html",
		"showcases/wuxing/index.html",
		"branches/jiguan-1/index.html",
		"404.html",
	}
	for _, p := range pages {
		got, ok := out[p]
		if !ok {
			t.Errorf("%s not built", p)
			continue
		}
		// Asset names carry a hash of the asset; a change of CSS or JS is
		// not a change of the page's structure, which is what goldens hold.
		got = assetHash.ReplaceAllString(got, ".HASH.$1")
		golden := filepath.Join("testdata/golden", strings.ReplaceAll(p, "/", "_"))
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s; run with -update and review the diff\n%s", p, golden, firstDiff(string(want), got))
		}
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n- " + w + "\n+ " + g
		}
	}
	return ""
}
