package config

import (
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
)

// TestCheckStaticFiles: a logo, banner or icon must name a file under
// static/; one that does not is an error at its setting, and an unset one
// is none.
func TestCheckStaticFiles(t *testing.T) {
	c := Default()
	c.Logo, c.Banner = "images/logo.svg", "images/banner.jpg"
	l := c.CheckStaticFiles([]string{"images/logo.svg", "favicon.ico"})
	if len(l) != 1 {
		t.Fatalf("want one problem, got %v", l)
	}
	if got := l[0].In(msg.Printer{Lang: msg.English}); !strings.HasPrefix(got, FileName+": banner: ") || !strings.Contains(got, `"images/banner.jpg" is not a file under static/`) {
		t.Errorf("got %s", got)
	}
}
