package serve

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHostCheck(t *testing.T) {
	loopback := HostPolicy{Bind: "127.0.0.1"}
	listed := HostPolicy{Bind: "127.0.0.1", Allowed: []string{"preview.example", ".dev.example"}}
	cases := []struct {
		policy HostPolicy
		host   string
		status int
	}{
		{loopback, "evil.example", 403},
		{loopback, "evil.example:1313", 403},
		{loopback, "localhost.evil.example:1313", 403},
		{loopback, "127.0.0.1.evil.example", 403},
		{loopback, "", 403},
		{loopback, "localhost:1313", 200},
		{loopback, "localhost", 200},
		{loopback, "LocalHost.:1313", 200},
		{loopback, "127.0.0.1", 200},
		{loopback, "127.0.0.1:1313", 200},
		{loopback, "[::1]", 200},
		{loopback, "[::1]:1313", 200},
		{loopback, "[0:0::1]:1313", 200},
		{loopback, "preview.example", 403},
		{HostPolicy{}, "evil.example", 403},
		{HostPolicy{}, "localhost:1313", 200},
		{HostPolicy{Bind: "127.0.0.2"}, "127.0.0.2:1313", 200},
		{HostPolicy{Bind: "::1"}, "evil.example", 403},
		{HostPolicy{Bind: "pubgen.lan"}, "pubgen.lan:1313", 200},
		{listed, "preview.example:1313", 200},
		{listed, "PREVIEW.example", 200},
		{listed, "a.preview.example", 403},
		{listed, "dev.example", 200},
		{listed, "a.b.dev.example:1313", 200},
		{listed, "evildev.example", 403},
		{listed, "evil.example", 403},
		{HostPolicy{Bind: "0.0.0.0"}, "evil.example", 200},
		{HostPolicy{Bind: "::"}, "evil.example", 200},
		{HostPolicy{Bind: "192.168.1.20"}, "anything.example:8080", 200},
	}
	for _, c := range cases {
		s := New("", nil, c.policy)
		s.Publish(site(), nil)
		if r := getHost(t, s, c.host, "/"); r.StatusCode != c.status {
			t.Errorf("%+v, Host %q: %d, want %d", c.policy, c.host, r.StatusCode, c.status)
		}
	}
}

// TestForeignHostRefusedOnEveryRoute: drafts reach a page through any
// route, so none may answer a host that was not allowed.
func TestForeignHostRefusedOnEveryRoute(t *testing.T) {
	searched := false
	s := New("/dangjian/", func(q string, limit int) (any, error) {
		searched = true
		return []string{q}, nil
	}, HostPolicy{Bind: "127.0.0.1"})
	s.Publish(site(), nil)
	for _, p := range []string{"/", "/dangjian/", "/dangjian/notices/a/", "/dangjian/notices/a", "/dangjian/missing",
		"/dangjian/_pubgen/events", "/dangjian/_pubgen/search?q=通知", "/dangjian/_pubgen/livereload.js", "/other/"} {
		r := getHost(t, s, "evil.example:1313", p)
		b := body(r)
		if r.StatusCode != http.StatusForbidden || !strings.Contains(b, "--allowed-hosts evil.example") || strings.Contains(b, "通知") {
			t.Errorf("GET %s with Host evil.example: %d %q, want 403 naming --allowed-hosts", p, r.StatusCode, b)
		}
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
			t.Errorf("GET %s refused with Content-Type %q, want text/plain", p, ct)
		}
	}
	if searched {
		t.Error("the search ran for a refused host")
	}
}

// TestNoCrossOriginReads: a page on another origin can still reach the
// preview by an allowed name (http://127.0.0.1:1313/), so nothing may
// grant it a read: no CORS header on any route, and nosniff so the search
// JSON cannot be loaded as a script.
func TestNoCrossOriginReads(t *testing.T) {
	s := New("", func(q string, limit int) (any, error) { return []string{q}, nil }, HostPolicy{Bind: "127.0.0.1"})
	s.Publish(site(), nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the events stream returns once its first lines are written
	for _, p := range []string{"/_pubgen/search?q=党费", "/_pubgen/events", "/"} {
		req := httptest.NewRequestWithContext(ctx, "GET", p, nil)
		req.Host = "127.0.0.1:1313"
		req.Header.Set("Origin", "http://evil.example")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		r := rec.Result()
		if r.StatusCode != 200 {
			t.Errorf("GET %s: %d, want 200", p, r.StatusCode)
		}
		for k := range r.Header {
			if strings.HasPrefix(k, "Access-Control-") {
				t.Errorf("GET %s from another origin sends %s", p, k)
			}
		}
		if r.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", p)
		}
	}
}

// TestRefusalInTheSiteLanguage: the refusal a browser shows, word for
// word, in Chinese by default.
func TestRefusalInTheSiteLanguage(t *testing.T) {
	s := New("/", nil, HostPolicy{Bind: "127.0.0.1"})
	s.Publish(site(), nil)
	want := "pubgen serve：没有允许用“evil.example”这个名字访问预览（这样可以防止别的网页通过改写域名读取预览）。\n要用这个名字预览，请加上 --allowed-hosts evil.example 重新启动；或者用 --bind 0.0.0.0 启动，回答局域网里的所有名字。\n"
	if got := body(getHost(t, s, "evil.example", "/")); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
