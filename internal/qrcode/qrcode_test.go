package qrcode

import (
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	qr "github.com/piglig/go-qr"
)

// raster paints the SVG's path back into pixels, scale pixels a module,
// from the drawing alone: the test reads what the page shows.
func raster(t *testing.T, svg string, scale int) image.Image {
	t.Helper()
	m := regexp.MustCompile(`viewBox="0 0 (\d+) \d+"`).FindStringSubmatch(svg)
	if m == nil {
		t.Fatalf("no viewBox in %s", svg)
	}
	side, _ := strconv.Atoi(m[1])
	img := image.NewGray(image.Rect(0, 0, side*scale, side*scale))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for _, r := range regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-\d+z`).FindAllStringSubmatch(svg, -1) {
		x, _ := strconv.Atoi(r[1])
		y, _ := strconv.Atoi(r[2])
		w, _ := strconv.Atoi(r[3])
		for py := y * scale; py < (y+1)*scale; py++ {
			for px := x * scale; px < (x+w)*scale; px++ {
				img.Set(px, py, color.Gray{0})
			}
		}
	}
	return img
}

// TestSVGReadsBack: the drawing decodes to the address it was made from,
// also one with a sub-path, a query and percent-encoded Chinese.
func TestSVGReadsBack(t *testing.T) {
	for _, u := range []string{
		"https://dangjian.example.com/notices/2026-12-10-jiguan1-dangke/",
		"https://intra.example.com/dangjian/disclosures/%E5%85%AC%E7%A4%BA/index.html?a=1",
	} {
		svg, err := SVG(u, "本页网址二维码")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(svg), `aria-label="本页网址二维码"`) || !strings.HasPrefix(string(svg), "<svg ") {
			t.Errorf("not a labelled SVG: %.120s", svg)
		}
		got, err := qr.Decode(raster(t, string(svg), 4))
		if err != nil || got != u {
			t.Errorf("decoded %q, %v; want %q", got, err, u)
		}
		again, _ := SVG(u, "本页网址二维码")
		if again != svg {
			t.Error("the same address drew a different code")
		}
	}
}
