//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package publish

import (
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
	unlock, err := lock(tg.lockPath(), 0) // another build is publishing
	if err != nil {
		t.Fatal(err)
	}
	entries := []Entry{{Path: "index.html", Data: []byte("second")}}

	impatient := defaultPublisher()
	impatient.lockWait = 100 * time.Millisecond
	_, err = impatient.publish(dest, entries)
	if err == nil || !strings.Contains(err.Error(), "another pubgen build") || !strings.Contains(err.Error(), tg.lockPath()) {
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
