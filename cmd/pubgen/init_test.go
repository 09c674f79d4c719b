package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"io/fs"
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

// TestInitFromAReleasedVersion is the README's two commands with a
// released pubgen: `go run …/cmd/pubgen@VERSION init mysite`, then
// `go tool pubgen build` in the site. The checkout is served as that
// version from a file proxy (every other module from this machine's
// module cache), and the build runs with the checksum database
// unreachable, so it passes only if the go.mod and go.sum init wrote are
// complete: pubgen's own checksums come from the build information of the
// binary that ran init.
func TestInitFromAReleasedVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles pubgen twice; skipped with -short")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	const version = "v1.0.0-inittest"
	root, _ := filepath.Abs("../..")
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy")
	cache, err := exec.Command(goCmd, "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	writeModuleVersion(t, root, proxy, version)
	env := append(os.Environ(), "GOFLAGS=-modcacherw", "GOWORK=off",
		"GOMODCACHE="+filepath.Join(tmp, "modcache"),
		"GOPROXY="+fileURL(proxy)+","+fileURL(filepath.Join(strings.TrimSpace(string(cache)), "cache", "download")))
	sh := func(dir string, env []string, name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, b)
		}
		return string(b)
	}
	// The fake version is in no checksum database: go run may not ask one.
	sh(tmp, append(env, "GOSUMDB=off"), goCmd, "run", "github.com/pubgen/pubgen/cmd/pubgen@"+version, "init", "mysite")
	site := filepath.Join(tmp, "mysite")
	gomod, _ := os.ReadFile(filepath.Join(site, "go.mod"))
	if !strings.Contains(string(gomod), "require github.com/pubgen/pubgen "+version+" // indirect\n") || strings.Contains(string(gomod), "replace") {
		t.Fatalf("go.mod does not pin %s alone:\n%s", version, gomod)
	}
	// An unreachable checksum database: any module go.sum lacks fails.
	sh(site, append(env, "GOSUMDB=sum.golang.org https://127.0.0.1:9/"), "sh", "-c", "go tool pubgen build")
	if _, err := os.Stat(filepath.Join(site, "public", "index.html")); err != nil {
		t.Error(err)
	}
	if v := sh(site, env, goCmd, "tool", "pubgen", "version"); !strings.HasPrefix(v, "pubgen "+version+" ") {
		t.Errorf("go tool pubgen version = %q, want %s", v, version)
	}
}

// writeModuleVersion serves the checkout's tracked files (as they are on
// disk) as version of github.com/pubgen/pubgen from a GOPROXY folder.
func writeModuleVersion(t *testing.T, root, proxy, version string) {
	t.Helper()
	files, err := exec.Command("git", "-C", root, "ls-files", "-z").Output()
	if err != nil {
		t.Skipf("git ls-files: %v (the checkout's files are needed to make a module zip)", err)
	}
	dir := filepath.Join(proxy, "github.com", "pubgen", "pubgen", "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	for _, name := range strings.Split(strings.TrimRight(string(files), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if errors.Is(err, fs.ErrNotExist) {
			continue // deleted in the working tree
		}
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create("github.com/pubgen/pubgen@" + version + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"list":            []byte(version + "\n"),
		version + ".info": []byte(`{"Version":"` + version + `","Time":"2026-12-01T00:00:00Z"}`),
		version + ".mod":  gomod,
		version + ".zip":  zb.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func fileURL(p string) string { return "file://" + filepath.ToSlash(p) }
