package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/pipeline"
)

// TestWatchProgressInSiteLanguage checks that build --watch tells the
// operator what it published and what it watches in pubgen.toml's
// language: Chinese by default, English with language = "en".
func TestWatchProgressInSiteLanguage(t *testing.T) {
	for _, tc := range []struct {
		toml string
		lang msg.Lang
	}{
		{"title = \"测试门户\"\n", msg.Chinese},
		{"title = \"测试门户\"\nlanguage = \"en\"\n", msg.English},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			site := writeSite(t, map[string]string{
				"pubgen.toml":             tc.toml,
				"content/notices/live.md": goodNotice,
			})
			ctx, cancel := context.WithCancel(context.Background())
			var errOut syncBuffer
			done := make(chan int)
			go func() {
				done <- watchAndPublish(ctx, site, pipeline.Options{SearchCache: filepath.Join(t.TempDir(), "idx")}, filepath.Join(site, "public"), &errOut)
			}()
			p := msg.Printer{Lang: tc.lang}
			watching := p.Sprint(msg.OpWatching, site)
			for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && !strings.Contains(errOut.String(), watching); time.Sleep(50 * time.Millisecond) {
			}
			cancel()
			<-done
			log := errOut.String()
			if !strings.Contains(log, watching) {
				t.Errorf("log lacks %q:\n%s", watching, log)
			}
			if pre := publishedPrefix(p); !strings.Contains(log, pre) {
				t.Errorf("log lacks the published line %q…:\n%s", pre, log)
			}
		})
	}
}

// publishedPrefix is the words msg.OpPublished starts with, before its
// first number, so that a test can find the line whatever the counts.
func publishedPrefix(p msg.Printer) string {
	s := p.Sprint(msg.OpPublished, 0, 0, 0, "", 0, 0, 0)
	return s[:strings.Index(s, "0")]
}
