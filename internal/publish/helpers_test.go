package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
)

// english is err as an operator reads it with language = "en"; every
// error publish returns is an *Error, whose words come from the catalogue.
func english(t *testing.T, err error) string {
	t.Helper()
	var pe *Error
	if !errors.As(err, &pe) {
		t.Errorf("error %v is a %T, want a *publish.Error", err, err)
		return ""
	}
	return msg.Printer{Lang: msg.English}.Text(pe.Text())
}

// tree reads dir into path → "mode content" (folders end in "/"), so two
// trees compare byte for byte with one ==.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel := filepath.ToSlash(p[len(dir)+1:])
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			got[rel+"/"] = info.Mode().String()
			return nil
		}
		data, err := os.ReadFile(p)
		got[rel] = info.Mode().String() + " " + string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// leftovers lists the helper folders publish left beside dest (the lock
// file is meant to stay).
func leftovers(t *testing.T, dest string) []string {
	t.Helper()
	names, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	prefix := "." + filepath.Base(dest) + ".pubgen-"
	for _, n := range names {
		if strings.HasPrefix(n.Name(), prefix) && n.Name() != prefix+"lock" {
			left = append(left, n.Name())
		}
	}
	return left
}

func seed(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// publishers runs a test over both ways of switching: the atomic exchange
// and the two-rename fallback other systems use.
func publishers() map[string]publisher {
	fallback := defaultPublisher()
	fallback.exchange = func(a, b string) error { return errNoExchange }
	return map[string]publisher{"exchange": defaultPublisher(), "renames": fallback}
}
