package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/pubgen/pubgen/internal/search"
)

// TestSearchWhileServing: pubgen search on an index a session holds says
// where to search instead, in the site's language.
func TestSearchWhileServing(t *testing.T) {
	site, _ := publishedSite(t)
	dir := filepath.Join(site, ".pubgen", "search")
	ix, err := search.Open(dir) // what serve or build --watch holds
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var out, errOut bytes.Buffer
	want := "pubgen: " + dir + " 正被 pubgen serve 或 build --watch 使用，这里没法同时打开。请在预览页面的搜索框里搜索，或先停止它再运行 pubgen search。\n"
	if code := run([]string{"search", "--source", site, "通知"}, &out, &errOut); code != 1 || errOut.String() != want {
		t.Errorf("exit %d:\n%s\nwant exit 1:\n%s", code, errOut.String(), want)
	}
}

// TestSecondSessionRefused: a second build --watch (or serve) of a site
// whose index a session holds says to stop the first, in the site's
// language, instead of search's "in use" error.
func TestSecondSessionRefused(t *testing.T) {
	site, _ := publishedSite(t)
	dir := filepath.Join(site, ".pubgen", "search")
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var out, errOut bytes.Buffer
	want := "pubgen: " + dir + " 正被另一个 pubgen serve 或 build --watch 使用。同一个网站一次只能运行一个：请先停止那一个（按 Ctrl+C），再启动这个。\n"
	if code := run([]string{"build", "--watch", "--source", site}, &out, &errOut); code != 1 || errOut.String() != want {
		t.Errorf("exit %d:\n%s\nwant exit 1:\n%s", code, errOut.String(), want)
	}
}
