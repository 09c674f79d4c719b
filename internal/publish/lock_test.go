//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package publish

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestConcurrentPublishWaitsForTheLock(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	tg, err := checkDest(dest)
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := lockTarget(context.Background(), tg) // another build is publishing
	if err != nil {
		t.Fatal(err)
	}
	entries := []Entry{{Path: "index.html", Data: []byte("second")}}

	impatient := defaultPublisher()
	impatient.lockWait = 100 * time.Millisecond
	_, err = impatient.publish(dest, entries)
	if got := english(t, err); !Busy(err) || !strings.Contains(got, "another pubgen build") || !strings.Contains(got, tg.lockPath()) {
		t.Fatalf("error = %v, want one saying another build holds %s", err, tg.lockPath())
	}

	done := make(chan error, 1)
	go func() {
		_, err := Publish(dest, entries)
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("publish finished while another build held the lock (err %v)", err)
	case <-time.After(300 * time.Millisecond):
	}
	unlock()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("publish still waiting after the lock was released")
	}
	if data, err := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != "second" {
		t.Errorf("index.html = %q, %v; want the waiting build's output", data, err)
	}
}

// TestLockHeldFromReadingToSwitching: a build holding the Lock keeps every
// other publish out until Release, and publishes through it itself; the
// lock file is under .pubgen/ beside dest, and the legacy one is removed.
func TestLockHeldFromReadingToSwitching(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	seed(t, parent, map[string]string{".public.pubgen-lock": ""})
	l, err := Acquire(context.Background(), dest)
	if err != nil {
		t.Fatal(err)
	}
	impatient := defaultPublisher()
	impatient.lockWait = 100 * time.Millisecond
	if _, err := impatient.publish(dest, []Entry{{Path: "index.html", Data: []byte("other")}}); !Busy(err) {
		t.Fatalf("publish while the Lock is held: err = %v, want busy", err)
	}
	if _, err := l.Publish([]Entry{{Path: "index.html", Data: []byte("mine")}}); err != nil {
		t.Fatal(err)
	}
	l.Release()
	l.Release()
	if _, err := impatient.publish(dest, []Entry{{Path: "index.html", Data: []byte("next")}}); err != nil {
		t.Fatalf("publish after Release: %v", err)
	}
	if _, err := os.Stat(filepath.Join(parent, ".pubgen", "public.lock")); err != nil {
		t.Errorf("lock file: %v", err)
	}
	if _, err := os.Stat(filepath.Join(parent, ".public.pubgen-lock")); err == nil {
		t.Error("the legacy lock file beside dest is still there")
	}
}
