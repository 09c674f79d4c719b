package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
)

// TestFullDestination builds into a small tmpfs that holds the published
// site but not a second copy beside it: the build must fail with "no space
// left", remove its staging folder and leave public/ as it was. Mounting
// needs root (or CAP_SYS_ADMIN); elsewhere the test says so and skips.
func TestFullDestination(t *testing.T) {
	mnt := t.TempDir()
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=2m"); err != nil {
		t.Skipf("cannot mount a small tmpfs to fill (%v); run as root to test a full destination", err)
	}
	t.Cleanup(func() { syscall.Unmount(mnt, 0) })
	site := writeSite(t, map[string]string{
		"pubgen.toml":              "title = \"测试门户\"\n",
		"content/notices/first.md": goodNotice,
	})
	dest := filepath.Join(mnt, "public")
	var out, errOut bytes.Buffer
	if code := run([]string{"build", "--source", site, "--dest", dest}, &out, &errOut); code != 0 {
		t.Fatalf("first build failed (%d): %s", code, errOut.String())
	}
	before := snapshot(t, dest)
	// Fill what is left, then let the next build need more than that.
	fill(t, filepath.Join(mnt, "filler"))
	write(t, site, "content/notices/second.md", goodNotice+strings.Repeat("第二次通知的正文。", 2000)+"\n")
	errOut.Reset()
	code := run([]string{"build", "--source", site, "--dest", dest}, &out, &errOut)
	if code == 0 {
		t.Fatal("build into a full destination exited 0")
	}
	if !regexp.MustCompile(`(?m)^pubgen: .*` + regexp.QuoteMeta(msg.Printer{}.Text(msg.Cause(syscall.ENOSPC)))).MatchString(errOut.String()) {
		t.Errorf("stderr does not say the disk is full:\n%s", errOut.String())
	}
	after := snapshot(t, dest)
	if len(after) != len(before) {
		t.Errorf("public/ has %d files after the failed build, %d before", len(after), len(before))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed after a failed build", k)
		}
	}
	entries, _ := os.ReadDir(mnt)
	for _, e := range entries {
		if e.Name() != "public" && e.Name() != "filler" && e.Name() != ".pubgen" {
			t.Errorf("left behind in the destination's folder: %s", e.Name())
		}
	}
}

// fill writes to p until the file system is full.
func fill(t *testing.T, p string) {
	t.Helper()
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			return
		}
	}
}
