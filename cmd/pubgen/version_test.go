package main

import (
	"bytes"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionOf(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.time", Value: "2026-12-01T08:30:00Z"}, {Key: "vcs.modified", Value: modified}}
	}
	for _, c := range []struct {
		name     string
		bi       debug.BuildInfo
		want     string
		released bool
	}{
		{"go install @v1.2.0", debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/pubgen/pubgen", Version: "v1.2.0", Sum: "h1:abc="}}, "v1.2.0 go1.26.0", true},
		{"clean checkout", debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.0.0-20261201083000-3969a9d1e2f3"}, Settings: vcs("3969a9d1e2f3a4b5c6d7e8f90123456789abcdef", "false")}, "v0.0.0-20261201083000-3969a9d1e2f3 (commit 3969a9d1e2f3) go1.26.0", true},
		{"dirty checkout", debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.0.0-20261201083000-3969a9d1e2f3+dirty"}, Settings: vcs("3969a9d1e2f3a4b5c6d7e8f90123456789abcdef", "true")}, "v0.0.0-20261201083000-3969a9d1e2f3+dirty (commit 3969a9d1e2f3-dirty) go1.26.0", false},
		{"go build -buildvcs=false", debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}}, "(devel) go1.26.0", false},
		{"no main module", debug.BuildInfo{}, "(devel)", false},
	} {
		v := versionOf(&c.bi)
		if got := v.String(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
		if v.released() != c.released {
			t.Errorf("%s: released() = %v", c.name, v.released())
		}
	}
}

func TestVersionCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"version"}, &out, &errOut); code != 0 {
		t.Fatalf("version: %d %s", code, errOut.String())
	}
	// A test binary is a development build: no module version, but the
	// toolchain is known; the old fixed "pubgen dev" said neither.
	want := "pubgen " + readBuildVersion().String() + "\n"
	if out.String() != want || !strings.Contains(want, runtime.Version()) {
		t.Errorf("version printed %q, want %q", out.String(), want)
	}
}
