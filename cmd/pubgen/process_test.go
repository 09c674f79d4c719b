package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
)

// asMain is the variable that makes the test binary run as pubgen itself.
const asMain = "PUBGEN_TEST_AS_MAIN"

// TestMain lets a test start this binary as the real pubgen process —
// through main, not run — for what only main sets up.
func TestMain(m *testing.M) {
	if os.Getenv(asMain) == "1" {
		main()
	}
	os.Exit(m.Run())
}

// pubgenProcess runs pubgen with args in its own process and returns its
// exit code and standard error.
func pubgenProcess(t *testing.T, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), asMain+"=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), stderr.String()
}

// TestDamageIsReportedOnce: a segment damaged at its end makes bleve skip
// the snapshot and log about it on the standard logger; the operator reads
// pubgen's one line, not bleve's timestamped ones besides it.
func TestDamageIsReportedOnce(t *testing.T) {
	site := writeSite(t, map[string]string{
		"pubgen.toml":          "title = \"测试门户\"\n",
		"content/notices/a.md": "---\ntitle: 党费收缴情况\ndate: 2024-07-01\n---\n本支部按时足额收缴党费。\n",
	})
	if code, errOut := pubgenProcess(t, "build", "--source", site); code != 0 {
		t.Fatalf("clean build (%d): %s", code, errOut)
	}
	ixDir := filepath.Join(site, ".pubgen", "search")
	pristine := snapshot(t, ixDir)
	for _, f := range indexFiles(t, ixDir) {
		if !strings.HasSuffix(f, ".zap") {
			continue
		}
		for _, cmd := range [][]string{{"search", "--source", site, "党费"}, {"build", "--source", site}} {
			restoreDir(t, ixDir, pristine)
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for i := len(data) - 20; i < len(data)-12; i++ {
				data[i] = 0
			}
			if err := os.WriteFile(f, data, 0o644); err != nil {
				t.Fatal(err)
			}
			code, errOut := pubgenProcess(t, cmd...)
			lines := strings.Split(strings.TrimSpace(errOut), "\n")
			damage := 0
			for _, l := range lines {
				ours := damageRe("", msg.IndexRebuilt).MatchString(l+"\n") || damageRe("", msg.IndexRunBuild).MatchString(l+"\n")
				if strings.Contains(l, "snapshot") && !ours {
					t.Errorf("pubgen %s: a dependency's log line reached the operator: %q", cmd[0], l)
				}
				if ours {
					damage++
				}
			}
			if damage != 1 {
				t.Errorf("pubgen %s (%d): the damage is reported %d times, want once:\n%s", cmd[0], code, damage, errOut)
			}
		}
	}
}
