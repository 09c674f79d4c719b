package pipeline

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/source"
)

// memoBuild is a `pubgen build` in a fresh process: nothing kept in
// memory, only what the last build left in memo (and the search index in
// its folder), at the clock now.
func memoBuild(t *testing.T, dir, memo string, now time.Time) *Result {
	t.Helper()
	res, err := Run(os.DirFS(dir), Options{Now: now, MemoCache: memo, SearchCache: filepath.Join(memo, "search")})
	if err != nil {
		t.Fatalf("build with the memory on disk: %v", err)
	}
	return res
}

// memoSameAsClean fails the test unless res's files are a clean build's
// at the clock now.
func memoSameAsClean(t *testing.T, dir string, res *Result, now time.Time, what string) {
	t.Helper()
	full, err := Run(os.DirFS(dir), Options{Now: now})
	if err != nil {
		t.Fatalf("%s: clean build: %v", what, err)
	}
	want, err := full.Files()
	if err != nil {
		t.Fatal(err)
	}
	got, err := res.Files()
	if err != nil {
		t.Fatal(err)
	}
	if diff := compareFiles(want, got); diff != "" {
		t.Fatalf("%s: a build from the memory on disk differs from a clean build: %s", what, diff)
	}
}

// TestFreshProcessFromMemoryOnDisk: builds that each start from only what
// the build before left on disk (pubgen build run again and again), after
// edits of every input kind of source's list made by the convergence
// test's editor, give exactly a clean build's files; and one with nothing
// changed renders no template at all.
func TestFreshProcessFromMemoryOnDisk(t *testing.T) {
	steps, seed := convergenceRun(t)
	dir, memo := t.TempDir(), t.TempDir()
	e := newEditor(t, dir, seed)
	e.setUp()
	first := memoBuild(t, dir, memo, e.now)
	memoSameAsClean(t, dir, first, e.now, "first build")
	if again := memoBuild(t, dir, memo, e.now); again.Report.Rendered != 0 {
		t.Errorf("nothing changed, yet the next process ran %d templates (the first ran %d)", again.Report.Rendered, first.Report.Rendered)
	}
	for step := 0; step < steps || len(e.sweep) > 0; step++ {
		what := e.random()
		if len(e.broken) > 0 {
			// A failed build leaves the memory as it was.
			if _, err := Run(os.DirFS(dir), Options{Now: e.now, MemoCache: memo}); err == nil {
				t.Fatalf("step %d (%s): a site broken on purpose built", step, what)
			}
			what += ", repaired"
			e.repair()
		}
		res := memoBuild(t, dir, memo, e.now)
		memoSameAsClean(t, dir, res, e.now, fmt.Sprintf("step %d (%s; seed %d)", step, what, seed))
		t.Logf("step %3d %-44s %4d templates run", step, what, res.Report.Rendered)
	}
	t.Logf("edits by input: %v (of %d)", e.counts, len(source.Inputs()))
}

// TestUntrustedMemoryOnDiskIsIgnored: a memory file that is damaged,
// truncated, of another format or written by another program or for
// other options is not used — the build renders everything, as a clean
// one does, and its files are a clean build's — and is replaced by this
// build's.
func TestUntrustedMemoryOnDiskIsIgnored(t *testing.T) {
	dir := t.TempDir()
	e := newEditor(t, dir, 1)
	e.setUp()
	file := func(memo string) string { return filepath.Join(memo, "memo.bin") }
	// resum gives data a right checksum again, so that only the check
	// under test can find what is wrong.
	resum := func(data []byte) []byte {
		body := data[:len(data)-4]
		return binary.LittleEndian.AppendUint32(body, crc32.Checksum(body, crc32.MakeTable(crc32.Castagnoli)))
	}
	magic := len("pubgen-memo\n")
	for name, spoil := range map[string]func([]byte) []byte{
		"flipped byte": func(b []byte) []byte { b[len(b)/2] ^= 0x40; return b },
		"truncated":    func(b []byte) []byte { return b[:len(b)*2/3] },
		"empty":        func(b []byte) []byte { return nil },
		"garbage, right checksum": func(b []byte) []byte {
			for i := magic + 1; i < len(b); i += 7 {
				b[i] ^= byte(i)
			}
			return resum(b)
		},
		"another format": func(b []byte) []byte { b[magic] = 99; return resum(b) },
		"another program": func(b []byte) []byte {
			b[magic+2] ^= 1 // in the key's program hash
			return resum(b)
		},
	} {
		t.Run(name, func(t *testing.T) {
			memo := t.TempDir()
			clean := memoBuild(t, dir, memo, demoNow)
			data, err := os.ReadFile(file(memo))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file(memo), spoil(data), 0o644); err != nil {
				t.Fatal(err)
			}
			res := memoBuild(t, dir, memo, demoNow)
			if res.Report.Rendered != clean.Report.Rendered {
				t.Errorf("ran %d templates from the spoilt memory, want all %d", res.Report.Rendered, clean.Report.Rendered)
			}
			memoSameAsClean(t, dir, res, demoNow, name)
			if again := memoBuild(t, dir, memo, demoNow); again.Report.Rendered != 0 {
				t.Errorf("the spoilt memory was not replaced: the next build ran %d templates", again.Report.Rendered)
			}
		})
	}
	t.Run("other options", func(t *testing.T) {
		memo := t.TempDir()
		memoBuild(t, dir, memo, demoNow)
		res, err := Run(os.DirFS(dir), Options{Now: demoNow, MemoCache: memo, NoMinify: true})
		if err != nil {
			t.Fatal(err)
		}
		full, err := Run(os.DirFS(dir), Options{Now: demoNow, NoMinify: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Report.Rendered != full.Report.Rendered {
			t.Errorf("--no-minify ran %d templates from a minifying build's memory, want all %d", res.Report.Rendered, full.Report.Rendered)
		}
	})
}
