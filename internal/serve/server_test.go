package serve

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
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
	s.Fail(msg.Printer{}, "content/a.md:3:7: date: \"2024-13-01\" is not a date")
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
	expect(`{"heading":"构建失败：预览里还是上一次成功构建的网站","message":"content/a.md:3:7: date: \"2024-13-01\" is not a date"}`)
	s.Fail(msg.Printer{Lang: msg.English}, "content/a.md: title: is missing")
	expect(`{"heading":"build failed: the preview shows the last good build","message":"content/a.md: title: is missing"}`)
	s.Publish(site(), []string{"notices/a/index.html"})
	expect("event: ok")
	expect(`{"changed":["notices/a/index.html"]}`)
}

// TestOwnAnswers: what the server itself answers (no page, a wrong method,
// an over-long or failing search) is in the site's language, and English
// for an English site.
func TestOwnAnswers(t *testing.T) {
	failing := func(q string, limit int) (any, error) {
		return nil, errors.New(`search: "党费": the index is damaged`)
	}
	long := "/_pubgen/search?q=" + strings.Repeat("党", MaxQueryRunes+1)
	for _, tt := range []struct {
		lang                 msg.Lang
		method, path, search string
		status               int
		want                 string
	}{
		{msg.Chinese, "GET", "/other/", "", 404, "pubgen serve：这里没有网页（/other/）。网站的首页在 /dangjian/"},
		{msg.Chinese, "GET", "/dangjian/nothing.css", "", 404, "pubgen serve：这里没有网页（/nothing.css）。网站的首页在 /dangjian/"},
		{msg.Chinese, "POST", "/dangjian/", "", 405, "pubgen serve：预览只回答 GET 和 HEAD 请求，不回答 POST。"},
		{msg.Chinese, "GET", "/dangjian" + long, "", 400, "搜索词太长了：最多 200 个字。请换短一些的词再搜。"},
		{msg.Chinese, "GET", "/dangjian/_pubgen/search?q=党费", "fail", 500, `搜索出错了（search: "党费": the index is damaged）。请保存任意一个页面文件，让预览重新构建一次；还不行就重新启动 pubgen serve。`},
		{msg.English, "GET", "/other/", "", 404, "pubgen serve: no page at /other/ (the site is at /dangjian/)"},
		{msg.English, "GET", "/dangjian" + long, "", 400, "query too long (at most 200 characters)"},
	} {
		var search SearchFunc
		if tt.search == "fail" {
			search = failing
		}
		s := New("/dangjian/", search, HostPolicy{Words: msg.Printer{Lang: tt.lang}})
		s.Publish(map[string][]byte{"index.html": []byte("首页")}, nil) // no 404.html
		req := httptest.NewRequest(tt.method, tt.path, nil)
		req.Host = "localhost:1313"
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		r := rec.Result()
		if got := strings.TrimSuffix(body(r), "\n"); r.StatusCode != tt.status || got != tt.want {
			t.Errorf("%s %s %s: %d %q\nwant %d %q", tt.lang, tt.method, tt.path, r.StatusCode, got, tt.status, tt.want)
		}
	}
}
