package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/publish"
)

// TestRootOwnedLeftoverIsAWarning: a folder in public/ that pubgen cannot
// remove (certbot's root-owned .well-known/, here read-only or immutable)
// makes the next build warn, naming the file, and exit 0; the build after
// it is not blocked either.
func TestRootOwnedLeftoverIsAWarning(t *testing.T) {
	site, _ := publishedSite(t)
	challenge := filepath.Join(site, "public", ".well-known", "acme-challenge")
	write(t, site, "public/.well-known/acme-challenge/token", "x")
	freeze(t, site, challenge)
	for i, title := range []string{"第二次通知", "第三次通知"} {
		write(t, site, "content/notices/first.md", strings.Replace(goodNotice, "第一次通知", title, 1))
		var out, errOut bytes.Buffer
		if code := run([]string{"build", "--source", site}, &out, &errOut); code != 0 {
			t.Fatalf("build %d with a leftover exited %d:\n%s", i+2, code, errOut.String())
		}
		leftover := regexp.MustCompile(textRe(msg.Printer{}, msg.PublishLeftover, anything+filepath.Join("acme-challenge", "token"), anything))
		if log := errOut.String(); !leftover.MatchString(log) {
			t.Errorf("build %d does not warn about the leftover by name:\n%s", i+2, log)
		}
		data, _ := os.ReadFile(filepath.Join(site, "public", "notices", "first", "index.html"))
		if !strings.Contains(string(data), title) {
			t.Errorf("build %d did not publish its page", i+2)
		}
	}
}

// freeze makes dir unremovable for this process: 0555 for an ordinary
// user, the immutable attribute for root (which ignores modes); it skips
// when neither works. Everything below site is thawed when the test ends,
// wherever publishing moved dir to.
func freeze(t *testing.T, site, dir string) {
	t.Helper()
	t.Cleanup(func() {
		exec.Command("chattr", "-R", "-i", site).Run()
		filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
	})
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		if err := exec.Command("chattr", "+i", dir).Run(); err != nil {
			t.Skipf("running as root, and chattr +i failed (%v): cannot make a folder unremovable", err)
		}
	}
	probe := filepath.Join(dir, "probe")
	if err := os.WriteFile(probe, nil, 0o644); err == nil {
		os.Remove(probe)
		t.Skip("cannot make a folder read-only for this user")
	}
}

// TestPublishHintFollowsTheCause: a permission error does not send the
// operator looking for free space.
func TestPublishHintFollowsTheCause(t *testing.T) {
	dest := filepath.Join("srv", "public")
	for _, c := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "mkdir", Path: "x", Err: syscall.EACCES}, "want write permission on srv"},
		{&fs.PathError{Op: "unlinkat", Path: "x", Err: syscall.EPERM}, "want write permission on srv"},
		{&publish.Error{Step: msg.PublishWrite, Path: "a.html", Err: syscall.ENOSPC}, "want free space"},
		{&publish.Error{Step: msg.PublishDestNotDir, Path: dest}, ""},
		{errors.New("something else"), ""},
	} {
		if got := (msg.Printer{Lang: msg.English}).Text(publishHint(c.err, dest)); (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("publishHint(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
