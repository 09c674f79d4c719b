package serve

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func site() map[string][]byte {
	return map[string][]byte{
		"index.html":           []byte("<!doctype html><title>首页</title>"),
		"notices/a/index.html": []byte("<!doctype html><title>通知</title>"),
		"assets/style.css":     []byte("body{}"),
		"404.html":             []byte("<!doctype html><title>页面不存在</title>"),
	}
}

func get(t *testing.T, h http.Handler, path string) *http.Response {
	t.Helper()
	return getHost(t, h, "localhost:1313", path)
}

// getHost requests path with a Host header of the test's choosing, as a
// DNS-rebinding page would make the browser send.
func getHost(t *testing.T, h http.Handler, host, path string) *http.Response {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.Host = host
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(r *http.Response) string {
	b, _ := io.ReadAll(r.Body)
	return string(b)
}

func TestServesOnlyTheSiteUnderItsBasePath(t *testing.T) {
	s := New("/dangjian/", nil, HostPolicy{})
	s.Publish(site(), nil)
	cases := []struct {
		path   string
		status int
		want   string
	}{
		{"/dangjian/", 200, "首页"},
		{"/dangjian/notices/a/", 200, "通知"},
		{"/dangjian/notices/a/index.html", 200, "通知"},
		{"/dangjian/notices/a", 301, ""},
		{"/dangjian/assets/style.css", 200, "body{}"},
		{"/dangjian/missing/", 404, "页面不存在"},
		{"/dangjian/../../etc/passwd", 404, "页面不存在"},
		{"/dangjian/%2e%2e/%2e%2e/etc/passwd", 404, "页面不存在"},
		{"/dangjian/notices/", 404, "页面不存在"}, // no folder listings
		{"/", 302, ""},
		{"/other/", 404, ""},
	}
	for _, c := range cases {
		r := get(t, s, c.path)
		if r.StatusCode != c.status || !strings.Contains(body(r), c.want) {
			t.Errorf("GET %s: %d, want %d with %q", c.path, r.StatusCode, c.status, c.want)
		}
	}
	if ct := get(t, s, "/dangjian/assets/style.css").Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("css Content-Type = %q", ct)
	}
	if r := get(t, s, "/dangjian/_pubgen/livereload.js"); r.StatusCode != 200 || !strings.Contains(body(r), "EventSource") {
		t.Error("live reload script not served")
	}
}

func TestSearchEndpointLimits(t *testing.T) {
	var gotLimit int
	s := New("", func(q string, limit int) (any, error) {
		gotLimit = limit
		return []string{q}, nil
	}, HostPolicy{})
	if r := get(t, s, "/_pubgen/search?q=党费&limit=1000"); r.StatusCode != 200 || gotLimit != MaxResults || !strings.Contains(body(r), "党费") {
		t.Errorf("search: status %d, limit %d", r.StatusCode, gotLimit)
	}
	long := strings.Repeat("党", MaxQueryRunes+1)
	if r := get(t, s, "/_pubgen/search?q="+long); r.StatusCode != 400 {
		t.Errorf("over-long query: status %d, want 400", r.StatusCode)
	}
}

// TestEvents checks what an open page hears: the current failure on
// connect, then reloads with the changed files, and ok when fixed.
func TestEvents(t *testing.T) {
	s := New("", nil, HostPolicy{})
	s.Publish(site(), nil)
	s.Fail("content/a.md:3:7: date: \"2024-13-01\" is not a date")
	srv := httptest.NewServer(s)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/_pubgen/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	expect := func(want string) {
		t.Helper()
		timeout := time.After(5 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("stream ended before %q", want)
				}
				if strings.Contains(l, want) {
					return
				}
			case <-timeout:
				t.Fatalf("no %q", want)
			}
		}
	}
	expect(`event: failed`)
	expect(`is not a date`)
	s.Publish(site(), []string{"notices/a/index.html"})
	expect("event: ok")
	expect(`{"changed":["notices/a/index.html"]}`)
}
