package main

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestServeFlags(t *testing.T) {
	cfg, ok := parseServeFlags(nil, io.Discard)
	if !ok || cfg.bind != "127.0.0.1" || cfg.allowedHosts != nil {
		t.Errorf("defaults: bind %q, allowed %q", cfg.bind, cfg.allowedHosts)
	}
	cfg, ok = parseServeFlags([]string{"--bind", "0.0.0.0", "--allowed-hosts", " a.example, .b.example,", "--allowed-hosts", "c.example"}, io.Discard)
	if want := []string{"a.example", ".b.example", "c.example"}; !ok || cfg.bind != "0.0.0.0" || !slices.Equal(cfg.allowedHosts, want) {
		t.Errorf("bind %q, allowed %q; want 0.0.0.0 and %q", cfg.bind, cfg.allowedHosts, want)
	}
}

// startServe runs pubgen serve on a free port until the test ends and
// returns the port it listens on.
func startServe(t *testing.T, cfg serveConfig) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int)
	go func() { done <- serveSite(ctx, cfg, &out, &errOut) }()
	t.Cleanup(func() { cancel(); <-done })
	re := regexp.MustCompile(`http://\S*:(\d+)/`)
	for i := 0; i < 300; i++ {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("server did not start: %s", errOut.String())
	return ""
}

func getWithHost(t *testing.T, port, host, path string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", "http://127.0.0.1:"+port+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeRefusesForeignHosts: a running preview, drafts on, answers a
// DNS-rebinding name with 403 on pages and on the search API, and answers
// loopback names, the allowed list, and any name once bound to 0.0.0.0.
func TestServeRefusesForeignHosts(t *testing.T) {
	files := map[string]string{
		"pubgen.toml":          "title = \"测试门户\"\n",
		"content/notices/d.md": "---\ntitle: 草稿通知\ndate: 2024-07-01\ndraft: true\n---\n正文\n",
	}
	cfg := serveConfig{source: writeSite(t, files), bind: "127.0.0.1", allowedHosts: []string{"preview.example"}}
	cfg.opts.Drafts = true
	port := startServe(t, cfg)
	for _, p := range []string{"/notices/d/", "/_pubgen/search?q=草稿"} {
		if code, b := getWithHost(t, port, "evil.example:"+port, p); code != 403 || strings.Contains(b, "草稿") || !strings.Contains(b, "--allowed-hosts evil.example") {
			t.Errorf("GET %s as evil.example: %d %q", p, code, b)
		}
		for _, h := range []string{"localhost:" + port, "127.0.0.1", "[::1]:" + port, "preview.example"} {
			if code, b := getWithHost(t, port, h, p); code != 200 || !strings.Contains(b, "草稿") {
				t.Errorf("GET %s as %s: %d %q", p, h, code, b)
			}
		}
	}

	// A second site: the first server holds its search index.
	cfg.source, cfg.bind, cfg.allowedHosts = writeSite(t, files), "0.0.0.0", nil
	port = startServe(t, cfg)
	if code, b := getWithHost(t, port, "evil.example", "/notices/d/"); code != 200 || !strings.Contains(b, "草稿") {
		t.Errorf("--bind 0.0.0.0, GET as evil.example: %d %q", code, b)
	}
}
