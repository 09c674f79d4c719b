package scaffold

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

func TestGoModHash(t *testing.T) {
	// The line go.sum holds for github.com/golang/snappy v1.0.0/go.mod,
	// whose go.mod is this one line.
	if got, want := GoModHash([]byte("module github.com/golang/snappy\n")), "h1:/XxbfmMg8lxefKM7IXC3fBNl/7bRcc72aCRzEWrmP2Q="; got != want {
		t.Errorf("GoModHash = %s, want %s", got, want)
	}
}

// TestParseGoModReadsPubgensOwn holds the small parser to the real file:
// every requirement of pubgen's go.mod, direct or indirect, is found.
func TestParseGoModReadsPubgensOwn(t *testing.T) {
	data, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goVersion, reqs := parseGoMod(data)
	if !strings.HasPrefix(goVersion, "1.") {
		t.Errorf("go version %q", goVersion)
	}
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && strings.Contains(f[0], ".") && strings.HasPrefix(f[1], "v") {
			n++
			if !strings.Contains("\n"+strings.Join(reqs, "\n")+"\n", "\n"+f[0]+" "+f[1]+"\n") {
				t.Errorf("requirement %s %s not parsed", f[0], f[1])
			}
		}
	}
	if n == 0 || len(reqs) != n {
		t.Errorf("parsed %d requirements, go.mod has %d", len(reqs), n)
	}
}

func TestModuleFiles(t *testing.T) {
	ownMod := "module github.com/pubgen/pubgen\n\ngo 1.26.0\n\nrequire (\n\tgithub.com/yuin/goldmark v1.8.7\n\tgo.yaml.in/yaml/v3 v3.0.6 // indirect\n)\n\nrequire github.com/golang/snappy v1.0.0 // indirect\n"
	ownSum := "github.com/yuin/goldmark v1.8.7 h1:x=\ngithub.com/yuin/goldmark v1.8.7/go.mod h1:y=\n"
	module := fstest.MapFS{"go.mod": {Data: []byte(ownMod)}, "go.sum": {Data: []byte(ownSum)}}

	gomod, gosum, err := moduleFiles("mysite", module, Pin{Version: "v1.2.0", Sum: "h1:zip="})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\nmodule mysite\n\ngo 1.26.0\n\ntool github.com/pubgen/pubgen/cmd/pubgen\n\nrequire github.com/pubgen/pubgen v1.2.0 // indirect\n",
		"\tgithub.com/golang/snappy v1.0.0 // indirect\n\tgithub.com/yuin/goldmark v1.8.7 // indirect\n\tgo.yaml.in/yaml/v3 v3.0.6 // indirect\n)\n",
	} {
		if !strings.Contains(string(gomod), want) {
			t.Errorf("go.mod lacks %q:\n%s", want, gomod)
		}
	}
	if strings.Contains(string(gomod), "replace") {
		t.Errorf("a complete pin needs no replace hint:\n%s", gomod)
	}
	wantSum := "github.com/pubgen/pubgen v1.2.0 h1:zip=\n" +
		"github.com/pubgen/pubgen v1.2.0/go.mod " + GoModHash([]byte(ownMod)) + "\n" +
		ownSum
	if string(gosum) != wantSum {
		t.Errorf("go.sum =\n%s\nwant\n%s", gosum, wantSum)
	}

	gomod, gosum, err = moduleFiles("mysite", module, Pin{Version: DevelVersion, Note: "第一行\n第二行"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(gomod), "//\n// 第一行\n// 第二行\nmodule mysite\n") || !strings.Contains(string(gomod), "\n// replace github.com/pubgen/pubgen => ../pubgen\n") {
		t.Errorf("an incomplete pin's go.mod lacks its note or the replace hint:\n%s", gomod)
	}
	if string(gosum) != ownSum {
		t.Errorf("without a checksum go.sum must be pubgen's own:\n%s", gosum)
	}
}

func TestModuleName(t *testing.T) {
	for dir, want := range map[string]string{"mysite": "mysite", "Dangjian-2026": "dangjian-2026", "党建门户": "site", "my site": "site", ".": "site"} {
		if got := moduleName(dir); got != want {
			t.Errorf("moduleName(%q) = %q, want %q", dir, got, want)
		}
	}
}

func TestNetlifyForSiteNeedsTheRepositoryCommand(t *testing.T) {
	if _, err := netlifyForSite([]byte("[build]\n  command = \"make\"\n")); err == nil {
		t.Error("a netlify.toml without the repository's build command was accepted")
	}
}
