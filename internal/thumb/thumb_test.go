package thumb

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
)

func photo(t testing.TB, w, h int, enc func(*bytes.Buffer, image.Image) error) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	var b bytes.Buffer
	if err := enc(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func jpg(b *bytes.Buffer, i image.Image) error    { return jpeg.Encode(b, i, nil) }
func pngEnc(b *bytes.Buffer, i image.Image) error { return png.Encode(b, i) }

func TestMake(t *testing.T) {
	cases := []struct {
		name        string
		src         []byte
		max, ww, wh int
	}{
		{"landscape jpeg shrinks", photo(t, 1200, 800, jpg), 480, 480, 320},
		{"png becomes jpeg", photo(t, 900, 600, pngEnc), 300, 300, 200},
		{"narrow photo keeps its size", photo(t, 200, 300, jpg), 480, 200, 300},
		{"rounding", photo(t, 1000, 333, jpg), 480, 480, 160},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := Make(c.src, Options{MaxWidth: c.max})
			if err != nil {
				t.Fatal(err)
			}
			im := p.Thumb
			if im.Width != c.ww || im.Height != c.wh {
				t.Errorf("size %dx%d, want %dx%d", im.Width, im.Height, c.ww, c.wh)
			}
			cfg, format, err := image.DecodeConfig(bytes.NewReader(im.Data))
			if err != nil || format != "jpeg" || cfg.Width != c.ww || cfg.Height != c.wh {
				t.Errorf("data is %s %dx%d (%v), want jpeg %dx%d", format, cfg.Width, cfg.Height, err, c.ww, c.wh)
			}
			again, _ := Make(c.src, Options{MaxWidth: c.max})
			if !bytes.Equal(im.Data, again.Thumb.Data) {
				t.Error("two runs give different bytes")
			}
		})
	}
}

func BenchmarkMake(b *testing.B) {
	src := photo(b, 1200, 800, jpg)
	for b.Loop() {
		if _, err := Make(src, Options{MaxWidth: 480}); err != nil {
			b.Fatal(err)
		}
	}
}
