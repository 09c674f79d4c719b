package scaffold

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
)

// ModulePath is pubgen's module; ToolPackage is the command a site's go.mod
// names in its tool directive, so `go tool pubgen` runs the pinned version.
const (
	ModulePath  = "github.com/pubgen/pubgen"
	ToolPackage = ModulePath + "/cmd/pubgen"
)

// Pin is the pubgen version a new site's go.mod requires.
type Pin struct {
	Version string // a module version: v1.2.0 or a pseudo-version
	// Sum is the h1: checksum of that version's module zip, known when the
	// running pubgen was built from the module cache (go run …@latest);
	// with it, go.sum is complete and the first build needs no `go mod tidy`.
	Sum string
	// Note says, in Chinese, what an operator must do before the first
	// build when the pin is incomplete (a development build); "" otherwise.
	Note string
}

// DevelVersion is the version a site requires when the running pubgen has
// none; it only resolves through a replace directive.
const DevelVersion = "v0.0.0-00010101000000-000000000000"

// moduleFiles returns a new site's go.mod and go.sum. The site requires
// exactly what pubgen's own go.mod requires (marked indirect, as go mod tidy
// writes a tool's dependencies), so the go command selects the versions
// pubgen was tested with, and go.sum is pubgen's own plus pubgen's lines:
// `go tool pubgen build` then works as written, with -mod=readonly.
func moduleFiles(name string, module fs.FS, pin Pin) (gomod, gosum []byte, err error) {
	ownMod, err := fs.ReadFile(module, "go.mod")
	if err != nil {
		return nil, nil, fmt.Errorf("pubgen's go.mod: %w", err)
	}
	ownSum, err := fs.ReadFile(module, "go.sum")
	if err != nil {
		return nil, nil, fmt.Errorf("pubgen's go.sum: %w", err)
	}
	goVersion, reqs := parseGoMod(ownMod)
	if goVersion == "" {
		return nil, nil, fmt.Errorf("pubgen's go.mod has no go line")
	}
	var b bytes.Buffer
	b.WriteString("// 本站点是一个 Go 模块：这里固定了构建本站所用的 pubgen 版本，本机、Netlify 和 GitLab\n")
	b.WriteString("// 都用 `go tool pubgen …` 运行同一个版本。升级 pubgen：\n")
	b.WriteString("//   go get -tool " + ToolPackage + "@latest\n")
	if pin.Note != "" {
		b.WriteString("//\n")
		for _, line := range strings.Split(strings.TrimSpace(pin.Note), "\n") {
			b.WriteString("// " + line + "\n")
		}
	}
	fmt.Fprintf(&b, "module %s\n\ngo %s\n\ntool %s\n\nrequire %s %s // indirect\n", name, goVersion, ToolPackage, ModulePath, pin.Version)
	if pin.Note != "" {
		fmt.Fprintf(&b, "\n// replace %s => ../pubgen\n", ModulePath)
	}
	if len(reqs) > 0 {
		b.WriteString("\nrequire (\n")
		for _, r := range reqs {
			fmt.Fprintf(&b, "\t%s // indirect\n", r)
		}
		b.WriteString(")\n")
	}
	sum := string(ownSum)
	if pin.Sum != "" {
		sum = addSumLines(sum,
			fmt.Sprintf("%s %s %s", ModulePath, pin.Version, pin.Sum),
			fmt.Sprintf("%s %s/go.mod %s", ModulePath, pin.Version, GoModHash(ownMod)))
	}
	return b.Bytes(), []byte(sum), nil
}

// parseGoMod returns the go version and the "path version" requirements of
// pubgen's own go.mod, which this package's tests hold to the real file.
func parseGoMod(data []byte) (goVersion string, reqs []string) {
	inBlock := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		f := strings.Fields(line)
		switch {
		case inBlock && line == ")":
			inBlock = false
		case inBlock && len(f) == 2:
			reqs = append(reqs, f[0]+" "+f[1])
		case line == "require (":
			inBlock = true
		case len(f) == 3 && f[0] == "require":
			reqs = append(reqs, f[1]+" "+f[2])
		case len(f) == 2 && f[0] == "go":
			goVersion = f[1]
		}
	}
	slices.Sort(reqs)
	return goVersion, reqs
}

// addSumLines adds lines to a go.sum, kept sorted as the go command keeps it.
func addSumLines(sum string, lines ...string) string {
	all := strings.Split(strings.TrimRight(sum, "\n"), "\n")
	all = append(all, lines...)
	slices.Sort(all)
	all = slices.Compact(all)
	return strings.Join(all, "\n") + "\n"
}

// GoModHash is the go.sum checksum of a go.mod file (the "h1:" directory
// hash of a tree holding only that file), so init can vouch for pubgen's
// go.mod without asking the network: it is the file this binary was built
// from.
func GoModHash(gomod []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%x  go.mod\n", sha256.Sum256(gomod))
	return "h1:" + base64.StdEncoding.EncodeToString(h.Sum(nil))
}

var modName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// moduleName is a new site's module path: its folder's name when that is a
// plain lower-case name, else "site" (a site module is never imported, so
// any valid path does).
func moduleName(dir string) string {
	if n := strings.ToLower(dir); modName.MatchString(n) {
		return n
	}
	return "site"
}
