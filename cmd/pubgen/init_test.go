package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
)

// TestInitSiteBuildsLikeNetlify does what Netlify does with a new site:
// it runs the [build] command of the netlify.toml that init wrote, in the
// site's folder, with the go command's defaults (-mod=readonly, so go.mod
// and go.sum must be right as written). The only change is a replace that
// points the site's go.mod at this checkout instead of a published version.
func TestInitSiteBuildsLikeNetlify(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles pubgen as the site's tool; skipped with -short")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "mysite")
	var out, errOut bytes.Buffer
	if code := run([]string{"init", dir}, &out, &errOut); code != 0 {
		t.Fatalf("init: %s", errOut.String())
	}
	gomod, _ := os.ReadFile(filepath.Join(dir, "go.mod"))
	if !strings.Contains(string(gomod), "\ntool github.com/pubgen/pubgen/cmd/pubgen\n") {
		t.Fatalf("go.mod has no tool directive for pubgen:\n%s", gomod)
	}
	env := append(os.Environ(), "GOFLAGS=", "GOWORK=off")
	sh := func(name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, b)
		}
		return string(b)
	}
	sh(goCmd, "mod", "edit", "-replace", "github.com/pubgen/pubgen="+root)

	var netlify struct {
		Build struct{ Command, Publish string }
	}
	data, err := os.ReadFile(filepath.Join(dir, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := toml.Unmarshal(data, &netlify); err != nil {
		t.Fatalf("netlify.toml: %v", err)
	}
	if netlify.Build.Command == "" || netlify.Build.Publish == "" {
		t.Fatalf("netlify.toml [build] = %+v", netlify.Build)
	}
	t.Logf("netlify build command: %s", netlify.Build.Command)
	sh("sh", "-c", netlify.Build.Command)

	index, err := os.ReadFile(filepath.Join(dir, netlify.Build.Publish, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct{ Title string }
	data, _ = os.ReadFile(filepath.Join(dir, "pubgen.toml"))
	if err := toml.Unmarshal(data, &cfg); err != nil || cfg.Title == "" {
		t.Fatalf("pubgen.toml title: %q, %v", cfg.Title, err)
	}
	if !strings.Contains(string(index), cfg.Title) {
		t.Errorf("%s/index.html lacks the site title %q", netlify.Build.Publish, cfg.Title)
	}
	// The build ran the site's own pinned tool, not a pubgen on PATH.
	if v := sh(goCmd, "tool", "pubgen", "version"); !strings.HasPrefix(v, "pubgen ") {
		t.Errorf("go tool pubgen version: %q", v)
	}
}
