package publish

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The crash test runs this test binary again as a child that publishes new
// generations of a site in a loop, and kill -9s it at random moments.
const (
	crashDestEnv = "PUBGEN_PUBLISH_CRASH_DEST"
	crashGenEnv  = "PUBGEN_PUBLISH_CRASH_GEN"
	crashModeEnv = "PUBGEN_PUBLISH_CRASH_MODE"
)

// generation is a site whose every file names its generation, with a
// MANIFEST listing all files; the file set differs from one generation to
// the next, so stale or missing files are caught too.
func generation(gen int) []Entry {
	n := 100 + gen%100
	paths := make([]string, n)
	entries := make([]Entry, 0, n+1)
	for i := range n {
		paths[i] = fmt.Sprintf("d%d/p%d-%d.html", i%10, i, gen%3)
		entries = append(entries, Entry{Path: paths[i], Data: genFile(gen, paths[i])})
	}
	slices.Sort(paths)
	manifest := fmt.Sprintf("%d\n%s\n", gen, strings.Join(paths, "\n"))
	return append(entries, Entry{Path: "MANIFEST", Data: []byte(manifest)})
}

func genFile(gen int, p string) []byte {
	return []byte(fmt.Sprintf("generation %d %s %s", gen, p, strings.Repeat("党建", 200)))
}

// readGeneration checks that dest holds one complete generation and
// nothing else, and returns its number.
func readGeneration(dest string) (int, error) {
	manifest, err := os.ReadFile(filepath.Join(dest, "MANIFEST"))
	if err != nil {
		return 0, err
	}
	lines := strings.Split(strings.TrimSuffix(string(manifest), "\n"), "\n")
	gen, err := strconv.Atoi(lines[0])
	if err != nil {
		return 0, fmt.Errorf("MANIFEST: %w", err)
	}
	want := lines[1:]
	var got []string
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := filepath.ToSlash(p[len(dest)+1:])
		if rel == "MANIFEST" {
			return nil
		}
		got = append(got, rel)
		data, err := os.ReadFile(p)
		if err == nil && string(data) != string(genFile(gen, rel)) {
			err = fmt.Errorf("%s: content is not generation %d's", rel, gen)
		}
		return err
	})
	if err != nil {
		return gen, err
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		return gen, fmt.Errorf("generation %d: files %d, manifest lists %d", gen, len(got), len(want))
	}
	return gen, nil
}

// TestCrashChild is the child side of TestKillDuringPublish.
func TestCrashChild(t *testing.T) {
	dest := os.Getenv(crashDestEnv)
	if dest == "" {
		t.Skip("helper process for TestKillDuringPublish")
	}
	gen, _ := strconv.Atoi(os.Getenv(crashGenEnv))
	p := publishers()[os.Getenv(crashModeEnv)]
	p.gap = 5 * time.Millisecond // so that some kills land between the renames
	fmt.Println("ready")
	for ; ; gen++ {
		start := time.Now()
		if _, err := p.publish(dest, generation(gen)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		fmt.Println(time.Since(start).Nanoseconds())
	}
}

func TestKillDuringPublish(t *testing.T) {
	runs := 100 // per way of switching
	if testing.Short() {
		runs = 20
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("random seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	for mode := range publishers() {
		t.Run(mode, func(t *testing.T) { killRepeatedly(t, mode, runs, rng) })
	}
}

func killRepeatedly(t *testing.T, mode string, runs int, rng *rand.Rand) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Publish(dest, generation(0)); err != nil {
		t.Fatal(err)
	}
	// How long the child takes to publish scales the random kill moments,
	// so that kills land in every phase: writing, flushing, switching,
	// removing the old site. The first child runs until it has timed three.
	cycle := killChild(t, dest, mode, 1_000_000, -1)
	last, advanced, missing := 0, 0, 0
	for run := 1; run <= runs; run++ {
		killChild(t, dest, mode, (run+1)*1_000_000, time.Duration(rng.Int64N(int64(cycle*3/2))))
		gen, err := readGeneration(dest)
		switch {
		case errors.Is(err, fs.ErrNotExist) && mode == "renames":
			missing++ // between the fallback's two renames; Cleanup restores it
		case err != nil:
			t.Fatalf("run %d: after kill -9, dest is not a complete site: %v", run, err)
		}
		if _, err := Cleanup(dest); err != nil {
			t.Fatalf("run %d: cleanup: %v", run, err)
		}
		if gen, err = readGeneration(dest); err != nil {
			t.Fatalf("run %d: after cleanup, dest is not a complete site: %v", run, err)
		}
		if gen < last {
			t.Fatalf("run %d: dest went back from generation %d to %d", run, last, gen)
		}
		if gen > last {
			advanced++
		}
		last = gen
		if left := leftovers(t, dest); len(left) > 0 {
			t.Fatalf("run %d: after cleanup, left beside dest: %v", run, left)
		}
	}
	t.Logf("%s: %d kill -9s, all left a complete site; %d after a new generation was switched in, %d with dest missing until cleanup restored it (publish takes ~%v)",
		mode, runs, advanced, missing, cycle.Round(time.Millisecond))
}

// killChild starts a publishing child and kills it with SIGKILL delay after
// it is ready; with a negative delay, once it has published three times. It
// returns the median publish time the child reported, or 0.
func killChild(t *testing.T, dest, mode string, gen int, delay time.Duration) time.Duration {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(), crashDestEnv+"="+dest, crashGenEnv+"="+strconv.Itoa(gen), crashModeEnv+"="+mode)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	if !lines.Scan() || lines.Text() != "ready" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child did not start: %q %s", lines.Text(), stderr.String())
	}
	var took []time.Duration
	if delay >= 0 {
		time.Sleep(delay)
	} else {
		for len(took) < 3 && lines.Scan() {
			ns, _ := strconv.ParseInt(lines.Text(), 10, 64)
			took = append(took, time.Duration(ns))
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	var exit *exec.ExitError
	if err := cmd.Wait(); !errors.As(err, &exit) || exit.ExitCode() != -1 {
		t.Fatalf("child ended by itself, not by the kill: %v\n%s", err, stderr.String())
	}
	if len(took) < 3 {
		return 0
	}
	slices.Sort(took)
	return took[1]
}
