package pipeline

import (
	"context"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/pubgen/pubgen/internal/browsertest"
	"github.com/pubgen/pubgen/internal/site"
)

// pdfPages counts the pages of a PDF made by Chromium: its page tree's
// root says how many leaves it has.
func pdfPages(pdf []byte) int {
	n := 0
	for _, m := range regexp.MustCompile(`/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b`).FindAllSubmatch(pdf, -1) {
		for _, g := range m[1:] {
			if c, err := strconv.Atoi(string(g)); err == nil {
				n = max(n, c)
			}
		}
	}
	return n
}

// printPDF prints the open page as the reader's browser would, on the
// paper the style sheet asks for (A4).
func printPDF(p themePage) []byte {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
	defer cancel()
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		p.t.Fatal(err)
	}
	return pdf
}

// TestPrint prints the demo portal built with base_url, so each notice
// and disclosure carries its QR code, on one build and one browser.
func TestPrint(t *testing.T) {
	ctx := browsertest.New(t)
	out := filepath.Join(t.TempDir(), "public")
	res := buildTo(t, demoSite(t, func(c string) string {
		return strings.Replace(c, `# base_url = "https://dangjian.example.com/"`, `base_url = "https://dangjian.example.com/"`, 1)
	}), out)
	t.Run("pages", func(t *testing.T) { printPages(t, ctx, out, res) })
	t.Run("notice", func(t *testing.T) { printNotice(t, ctx, out, res) })
}

// printPages prints every notice and disclosure to PDF: a disclosure of
// ordinary length, its feedback contacts and 落款 included, fits one A4
// page, and so does every notice.
func printPages(t *testing.T, ctx context.Context, out string, res *Result) {
	p := themePage{t, ctx}
	counts := map[string]map[int]int{}
	for _, n := range res.Site.Pages {
		if n.Type != "notice" && n.Type != "disclosure" {
			continue
		}
		p.do(chromedp.Navigate("file://" + filepath.ToSlash(out) + "/" + n.File()))
		pages := pdfPages(printPDF(p))
		if counts[n.Type] == nil {
			counts[n.Type] = map[int]int{}
		}
		counts[n.Type][pages]++
		if pages != 1 {
			t.Errorf("%s prints on %d pages, want 1", n.File(), pages)
		}
	}
	t.Logf("pages printed, by type (pages: how many): %v", counts)
	if counts["notice"][1] < 50 || counts["disclosure"][1] < 10 {
		t.Errorf("printed %v; the demo has about 60 notices and 12 disclosures", counts)
	}
}

// printNotice opens a notice in print media: it is a 红头 notice (the
// issuing body in a red band, printed whatever the browser's background
// setting), the site's header and navigation are gone, the 落款 sits at
// the right with the date two characters in, the QR code is there, and
// the meeting's status is computed as the page is printed.
func printNotice(t *testing.T, ctx context.Context, out string, res *Result) {
	var n *site.Node
	for _, x := range res.Site.Section("notices").Pages {
		if x.Meeting != nil && x.Signoff != nil && x.Meeting.Start.After(demoNow) {
			n = x
			break
		}
	}
	if n == nil {
		t.Fatal("the demo has no notice of a meeting to come with a 落款")
	}
	p := themePage{t, ctx}
	// The clock of the printing browser: after the meeting began.
	p.do(chromedp.Navigate("file://" + filepath.ToSlash(out) + "/" + n.File()))
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	defer chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
	got := eval[string](p, `(function(){
	  var q = s => document.querySelector(s), cs = s => getComputedStyle(q(s));
	  var band = q(".redhead"), art = q(".article").getBoundingClientRect();
	  var so = q(".signoff"), body = q(".signoff-body").getBoundingClientRect(), date = q(".signoff-date").getBoundingClientRect();
	  var em = parseFloat(getComputedStyle(so).fontSize);
	  return [
	    "band " + cs(".redhead").display + " " + cs(".redhead").backgroundColor + " " + cs(".redhead").color + " " + cs(".redhead").printColorAdjust + " " + band.textContent,
	    "header " + cs(".site-header").display + " nav " + cs(".site-nav").display,
	    "signoff right " + Math.round((art.right - Math.max(body.right, date.right)) / em) + "em, date in " + Math.round((date.left + parseFloat(getComputedStyle(q(".signoff-date")).paddingLeft) - body.left) / em) + "em",
	    "qr " + cs(".print-qr").display + " " + (q(".print-qr svg") ? "svg" : "none"),
	  ].join("; ");
	})()`)
	want := "band block rgb(183, 28, 28) rgb(255, 255, 255) exact " + n.Signoff.Body + "; header none nav none; signoff right 2em, date in 2em; qr block svg"
	if got != want {
		t.Errorf("printed notice:\n got %s\nwant %s", got, want)
	}
	// beforeprint refreshes the status with the printing browser's clock.
	after := n.Meeting.Start.Add(time.Minute).UnixMilli()
	status := eval[string](p, `(function(){ var real = Date; window.Date = function(a){ return a === undefined ? new real(`+strconv.FormatInt(after, 10)+`) : new real(a); }; window.Date.parse = real.parse; window.dispatchEvent(new Event("beforeprint")); window.Date = real; return document.querySelector(".meeting .status").textContent; })()`)
	if status != "正在进行" {
		t.Errorf("status printed during the meeting: %q, want 正在进行", status)
	}
}
