//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
)

// TestScheduledPublishGoesLive: a page whose publish_date is a few seconds
// ahead is held back when it is saved, and a running `build --watch` or
// `serve` publishes it when the moment comes, with no edit.
func TestScheduledPublishGoesLive(t *testing.T) {
	for _, kind := range []string{"build --watch", "serve"} {
		t.Run(kind, func(t *testing.T) {
			site := writeSite(t, map[string]string{
				"pubgen.toml":              "title = \"测试门户\"\n",
				"content/notices/first.md": "---\ntitle: 第一次通知\ndate: 2024-07-01\n---\n正文。\n",
			})
			var s liveSession
			if kind == "serve" {
				s = startServeSession(t, site)
			} else {
				s = startWatch(t, site)
			}
			waitFor(t, s, "the first build", func() bool { return strings.Contains(s.page(t, "notices/first/index.html"), "第一次通知") })

			at := time.Now().Add(3 * time.Second).Truncate(time.Second).Add(time.Second)
			page := "---\ntitle: 定时发布的通知\ndate: 2024-07-02\npublish_date: " + at.Format(time.RFC3339) + "\n---\n到点上线。\n"
			if err := os.WriteFile(filepath.Join(site, "content/notices/later.md"), []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
			// The edit's rebuild holds the page back and says when it is
			// due, on the site's clock (the default zone, Asia/Shanghai).
			shanghai, err := time.LoadLocation("Asia/Shanghai")
			if err != nil {
				t.Fatal(err)
			}
			waitFor(t, s, "the rebuild after the edit", func() bool {
				return strings.Contains(s.log(), msg.Printer{}.Sprint(msg.OpNextScheduled, at.In(shanghai).Format("2006-01-02 15:04:05"), "content/notices/later.md", msg.SchedPublish))
			})
			if time.Now().Before(at) && strings.Contains(s.page(t, "notices/later/index.html"), "定时发布的通知") {
				t.Fatalf("the page is published before its publish_date %s", at)
			}
			waitFor(t, s, "the scheduled publish", func() bool { return strings.Contains(s.page(t, "notices/later/index.html"), "定时发布的通知") })
			if now := time.Now(); now.Before(at) {
				t.Errorf("published at %s, before its publish_date %s", now, at)
			}
			if !strings.Contains(s.log(), msg.Printer{}.Sprint(msg.OpScheduledDue)) {
				t.Errorf("the session did not say why it rebuilt:\n%s", s.log())
			}
		})
	}
}

// waitFor polls cond for up to 30 seconds, failing with the session's log.
func waitFor(t *testing.T, s liveSession, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) || !s.running() {
			t.Fatalf("%s did not happen; log:\n%s", what, s.log())
		}
	}
}

// TestReportListsScheduledChanges: the build report names every coming
// change — a held-back page, a publicity period's ends, a meeting's — in
// time order, in the site's time zone.
func TestReportListsScheduledChanges(t *testing.T) {
	site := writeSite(t, map[string]string{
		"pubgen.toml":               "title = \"测试门户\"\n",
		"content/notices/later.md":  "---\ntitle: 定时\ndate: 2024-07-01\npublish_date: 2024-07-10\n---\n正文。\n",
		"content/notices/meet.md":   "---\ntitle: 会议\ndate: 2024-07-01\nmeeting:\n  kind: 支部党员大会\n  start: 2024-07-05 14:30\n  end: 2024-07-05 16:00\n---\n正文。\n",
		"content/disclosures/a.md":  "---\ntitle: 公示\ndate: 2024-07-01\npublicity:\n  start: 2024-07-02\n  end: 2024-07-08\ncontact:\n  phone: 010-12345678\nreview: {proposed_by: 支部委员会, reviewed_by: 党委办公室, approved_by: 集团党委, approved_on: 2024-06-30}\n---\n正文。\n",
		"content/notices/before.md": "---\ntitle: 已发布\ndate: 2024-06-01\npublish_date: 2024-06-02\n---\n正文。\n",
	})
	var out, errOut bytes.Buffer
	if code := run([]string{"build", "--source", site, "--json", "--now", "2024-07-03"}, &out, &errOut); code != 0 {
		t.Fatalf("build (%d): %s", code, errOut.String())
	}
	var r struct {
		Next      string `json:"next_status_change"`
		Scheduled []struct{ At, File, What string }
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("%v in %s", err, out.String())
	}
	want := []string{
		"2024-07-05T14:30:00+08:00 content/notices/meet.md meeting_start",
		"2024-07-05T16:00:00+08:00 content/notices/meet.md meeting_end",
		"2024-07-09T00:00:00+08:00 content/disclosures/a.md publicity_to",
		"2024-07-10T00:00:00+08:00 content/notices/later.md publish",
	}
	var got []string
	for _, c := range r.Scheduled {
		got = append(got, c.At+" "+c.File+" "+c.What)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || r.Next != "2024-07-05T14:30:00+08:00" {
		t.Errorf("scheduled = %q, next = %q; want %q", got, r.Next, want)
	}
}
