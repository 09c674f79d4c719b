package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"

	"github.com/pubgen/pubgen/internal/scaffold"

	"github.com/pubgen/pubgen/internal/msg"
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
		p := argsPrinter(nil)
		if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
			printUsage(stderr, newFlags("version"), p)
		} else {
			say(stderr, "pubgen: %s", p.Sprint(msg.ArgsVersion))
		}
		return 2
	}
	fmt.Fprintln(stdout, "pubgen", readBuildVersion())
	return 0
}

// pin is the pubgen version a site made by this binary requires. Only a
// binary built from the module cache (go run …@v1.2.0 or @latest) knows
// its module checksum; other builds give a pin with a note saying what
// the operator must do before the site's first build.
func (v buildVersion) pin() scaffold.Pin {
	const replaceHint = "或者去掉下面 replace 一行开头的 //，把路径改为 pubgen 源代码文件夹。"
	switch {
	case v.released() && v.Sum != "":
		return scaffold.Pin{Version: v.Module, Sum: v.Sum}
	case v.released():
		return scaffold.Pin{Version: v.Module, Note: "运行 init 的 pubgen " + v.Module + " 是从源代码构建的，go.sum 中没有它的校验和。\n" +
			"第一次构建前运行一次 go mod tidy（该版本须已发布到 GitHub）；\n" + replaceHint}
	}
	if pseudo, ok := v.pseudoVersion(); ok {
		dirty := ""
		if v.Modified {
			dirty = "，有未提交的修改，与该提交不完全相同"
		}
		return scaffold.Pin{Version: pseudo, Note: "运行 init 的 pubgen 是开发版本（提交 " + v.Revision[:12] + dirty + "）。\n" +
			"第一次构建前运行一次 go mod tidy（该提交须已推送到 GitHub）；\n" + replaceHint}
	}
	return scaffold.Pin{Version: scaffold.DevelVersion, Note: "运行 init 的 pubgen 是开发版本，没有版本信息。第一次构建前运行\n" +
		"  go get -tool " + scaffold.ToolPackage + "@latest\n" +
		"改用已发布的版本；" + replaceHint}
}

// pseudoVersion is the Go pseudo-version of the commit the binary was built
// from, which the Go proxy resolves once that commit is public.
func (v buildVersion) pseudoVersion() (string, bool) {
	t, err := time.Parse(time.RFC3339, v.Time)
	if len(v.Revision) < 12 || err != nil {
		return "", false
	}
	return "v0.0.0-" + t.UTC().Format("20060102150405") + "-" + v.Revision[:12], true
}
