package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// buildVersion is what a pubgen binary knows about its own build, from the
// information the go command stamps into every binary: no ldflags needed,
// so `go install …@v1.2.0`, `go run …@latest` and `go tool pubgen` all
// report the truth.
type buildVersion struct {
	Module   string // the main module's version: v1.2.0, a pseudo-version, or "(devel)"
	Sum      string // the module's h1: checksum; set only when built from the module cache
	Go       string // the toolchain that built it, e.g. go1.26.0
	Revision string // vcs.revision, when built in a checkout
	Time     string // vcs.time (RFC 3339), the commit's time
	Modified bool   // vcs.modified: the checkout had uncommitted changes
}

// readBuildVersion reads the running binary's build information.
func readBuildVersion() buildVersion {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return buildVersion{Module: "(devel)"}
	}
	return versionOf(bi)
}

// versionOf extracts a buildVersion from build information.
func versionOf(bi *debug.BuildInfo) buildVersion {
	v := buildVersion{Module: bi.Main.Version, Sum: bi.Main.Sum, Go: bi.GoVersion}
	if v.Module == "" {
		v.Module = "(devel)"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// released reports whether the module version names a published version
// that the Go proxy can serve: not "(devel)" and not a local "+dirty" build.
func (v buildVersion) released() bool {
	return strings.HasPrefix(v.Module, "v") && !strings.Contains(v.Module, "+")
}

// String is the one-line version: the module version, then the commit
// (with "-dirty" for uncommitted changes) when the binary was built in a
// checkout, then the Go toolchain.
func (v buildVersion) String() string {
	s := v.Module
	if v.Revision != "" {
		rev := v.Revision
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if v.Modified {
			rev += "-dirty"
		}
		s += " (commit " + rev + ")"
	}
	if v.Go != "" {
		s += " " + v.Go
	}
	return s
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: pubgen version")
		return 2
	}
	fmt.Fprintln(stdout, "pubgen", readBuildVersion())
	return 0
}
