package pipeline

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pubgen/pubgen/internal/browsertest"
	"github.com/pubgen/pubgen/internal/site"
)

// TestPinClock moves the page's clock to the end of a pin on the notices
// list: status.js must show the item unpinned (no 置顶 badge) from that
// instant on, pinned before it, from the page alone, as it does statuses.
func TestPinClock(t *testing.T) {
	ctx := browsertest.New(t)
	out := filepath.Join(t.TempDir(), "public")
	res := buildTo(t, demoSite(t, nil), out)
	var pinned *site.Node
	for _, n := range res.Site.Section("notices").Pages {
		if n.Pinned && !site.PinEnd(n.Page, res.Site.Config.Location).IsZero() {
			pinned = n
			break
		}
	}
	if pinned == nil {
		t.Fatal("the demo site has no notice pinned until its meeting at its build date")
	}
	end := site.PinEnd(pinned.Page, res.Site.Config.Location)
	p := themePage{t, ctx}
	p.do(chromedp.Navigate("file://" + filepath.ToSlash(out) + "/notices/index.html"))
	item := fmt.Sprintf(`document.querySelector('.item a[href="%s"]').closest('.item')`, filepath.Base(pinned.URL)+"/index.html")
	state := func() string {
		return eval[string](p, `(function(){var i=`+item+`;var b=i.querySelector('.badge-pin');return i.classList.contains('pinned')+"|"+(b?getComputedStyle(b).display:"no badge")})()`)
	}
	refresh := func(at time.Time) int {
		return eval[int](p, fmt.Sprintf(`pubgenStatus.refresh(new Date(%d))`, at.UnixMilli()))
	}
	cases := []struct {
		at   time.Time
		want string
	}{
		{end.Add(-time.Second), "true|inline-block"},
		{end, "false|none"},
		{end.Add(24 * time.Hour), "false|none"},
		{end.Add(-time.Hour), "true|inline-block"},
	}
	for _, c := range cases {
		refresh(c.at)
		if got := state(); got != c.want {
			t.Errorf("clock at %s: pinned|badge %q, want %q", c.at.In(res.Site.Config.Location), got, c.want)
		}
	}
}
