package outputs

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/site"
)

func testPNG(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.RGBA{200, 0, 0, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPrepare checks what Prepare makes from page data: a calendar per
// meeting notice, a thumbnail per decodable photo (an error otherwise),
// and the size of each attachment.
func TestPrepare(t *testing.T) {
	cfg := config.Default()
	loc := cfg.Location
	day := time.Date(2026, 7, 1, 0, 0, 0, 0, loc)
	pages := []*page.Page{
		{Path: "content/notices/m.md", Kind: page.KindPage, Section: "notices", Type: page.Notice, Title: "党员大会", Date: day,
			Meeting: &page.Meeting{Kind: "支部党员大会", Start: day.Add(14 * time.Hour), Location: "三楼"}},
		{Path: "content/notices/plain.md", Kind: page.KindPage, Section: "notices", Type: page.Notice, Title: "无会议", Date: day},
		{Path: "content/study/s/index.md", Kind: page.KindPage, Section: "study", Type: page.Study, Title: "资料", Date: day,
			Bundle: true, BundleDir: "content/study/s", Attachments: []page.File{{File: "a.pdf"}}},
		{Path: "content/showcases/p/index.md", Kind: page.KindPage, Section: "showcases", Type: page.Showcase, Title: "成果", Date: day,
			Bundle: true, BundleDir: "content/showcases/p", Cover: "cover.png", Gallery: []page.File{{File: "bad.jpg"}}},
	}
	bundles := map[string][]string{"content/study/s": {"a.pdf"}, "content/showcases/p": {"bad.jpg", "cover.png"}}
	s, l := site.Build(cfg, pages, bundles, site.Options{Now: day})
	if len(l) != 0 {
		t.Fatal(l)
	}
	fsys := fstest.MapFS{
		"content/study/s/a.pdf":         {Data: bytes.Repeat([]byte("x"), 2048)},
		"content/showcases/p/cover.png": {Data: testPNG(t, 960, 640)},
		"content/showcases/p/bad.jpg":   {Data: []byte("not really a jpeg")},
	}
	f, warns := Prepare(fsys, s)
	paths := map[string][]byte{}
	for _, o := range f.Outputs {
		paths[o.Path] = o.Data
	}
	if ics := string(paths["notices/m/meeting.ics"]); !strings.Contains(ics, "UID:notices/m@pubgen\r\n") || !strings.Contains(ics, "DTSTART;TZID=Asia/Shanghai:20260701T140000") {
		t.Errorf("calendar of the meeting notice:\n%s", ics)
	}
	if _, ok := paths["notices/plain/meeting.ics"]; ok {
		t.Error("a notice without a meeting got a calendar")
	}
	if got := f.Calendar("notices/m/"); got != "notices/m/meeting.ics" {
		t.Errorf("Calendar = %q, want notices/m/meeting.ics", got)
	}
	if got, ok := f.Size(s.BySource("content/study/s/index.md").URL, "a.pdf"); !ok || got != 2048 {
		t.Errorf("Size = %d, %v, want 2048", got, ok)
	}
	show := s.BySource("content/showcases/p/index.md")
	th, ok := f.Thumb(show.URL, "cover.png")
	if !ok || th.URL != "showcases/p/_thumbs/cover.png.jpg" || th.Width != ThumbWidth || th.Height != 320 || th.OrigWidth != 960 {
		t.Errorf("cover thumbnail = %+v", th)
	}
	if _, ok := paths["showcases/p/_thumbs/cover.png.jpg"]; !ok {
		t.Error("thumbnail file not among the outputs")
	}
	if _, ok := f.Thumb(show.URL, "bad.jpg"); ok || len(warns) != 1 || !warns.HasErrors(false) || !strings.Contains(warns[0].String(), "gallery[0].file") {
		t.Errorf("undecodable photo: want no thumbnail and one error naming its field, got %v", warns)
	}
}
