package thumb

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"testing"

	"github.com/pubgen/pubgen/internal/thumb/thumbtest"
)

func TestOrientation(t *testing.T) {
	plain := photo(t, 32, 24, jpg)
	for o := uint16(1); o <= 8; o++ {
		for _, be := range []bool{false, true} {
			if got := Orientation(thumbtest.WithOrientation(plain, o, be)); got != int(o) {
				t.Errorf("orientation %d (big-endian %v): read %d", o, be, got)
			}
		}
	}
	six := thumbtest.WithOrientation(plain, 6, false)
	xmp := append([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x0C}, "http://ns\x00"...)
	for _, c := range []struct {
		name string
		src  []byte
		want int
	}{
		{"no exif", plain, 1},
		{"png", photo(t, 8, 8, pngEnc), 1},
		{"xmp segment before the exif one", append(xmp, six[2:]...), 6},
		{"value 9", thumbtest.WithOrientation(plain, 9, false), 1},
		{"value 0", thumbtest.WithOrientation(plain, 0, false), 1},
		{"exif cut short", six[:30], 1},
		{"segment longer than the file", append([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF}, "Exif\x00\x00II*\x00"...), 1},
		{"ifd offset past the end", append([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10}, "Exif\x00\x00II*\x00\xff\xff\xff\xff"...), 1},
		{"empty", nil, 1},
	} {
		if got := Orientation(c.src); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

// colorAt is thumbtest.ColorAt, failing t on an undecodable copy.
func colorAt(t *testing.T, data []byte, corner string) string {
	t.Helper()
	c, err := thumbtest.ColorAt(data, corner)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestMakeTurnsUpright: thumbnail and web copy show every EXIF
// orientation upright. Where the stored top-left (red) and top-right
// (green) quarters must land is read off the EXIF 2.3 table ("0th row
// is the visual right-hand side, 0th column the visual top" for 6, …),
// not from the code under test.
func TestMakeTurnsUpright(t *testing.T) {
	const w, h = 96, 64 // stored landscape
	stored := thumbtest.Corners(w, h)
	for _, c := range []struct {
		o          uint16
		red, green string // upright corners: TL, TR, BL, BR
	}{
		{1, "TL", "TR"}, {2, "TR", "TL"}, {3, "BR", "BL"}, {4, "BL", "BR"},
		{5, "TL", "BL"}, {6, "TR", "BR"}, {7, "BR", "TR"}, {8, "BL", "TL"},
	} {
		src := thumbtest.WithOrientation(stored, c.o, c.o%2 == 0)
		p, err := Make(src, Options{MaxWidth: 40, WebSide: 80})
		if err != nil {
			t.Fatal(err)
		}
		uw, uh := w, h
		if c.o >= 5 {
			uw, uh = h, w
		}
		if p.Width != uw || p.Height != uh || p.Orientation != int(c.o) {
			t.Errorf("orientation %d: photo %d×%d (%d), want %d×%d upright", c.o, p.Width, p.Height, p.Orientation, uw, uh)
		}
		if p.Web == nil {
			t.Fatalf("orientation %d: no web copy for a %d×%d photo with WebSide 80", c.o, w, h)
		}
		if (p.Thumb.Width > p.Thumb.Height) != (uw > uh) || (p.Web.Width > p.Web.Height) != (uw > uh) {
			t.Errorf("orientation %d: thumbnail %d×%d, web %d×%d, want the shape of %d×%d", c.o, p.Thumb.Width, p.Thumb.Height, p.Web.Width, p.Web.Height, uw, uh)
		}
		for what, data := range map[string][]byte{"thumbnail": p.Thumb.Data, "web copy": p.Web.Data} {
			if got := colorAt(t, data, c.red); got != "red" {
				t.Errorf("orientation %d: %s is %s at %s, want red", c.o, what, got, c.red)
			}
			if got := colorAt(t, data, c.green); got != "green" {
				t.Errorf("orientation %d: %s is %s at %s, want green", c.o, what, got, c.green)
			}
		}
	}
}

// TestMakeWebCopy: a phone-size photo gets a web copy whose longer side is
// WebSide, a small light one is shown as it is, a heavy small one gets a
// lighter copy, and transparency stays a PNG.
func TestMakeWebCopy(t *testing.T) {
	o := Options{MaxWidth: 48, WebSide: 200, WebBytes: 4000}
	big, err := Make(photo(t, 400, 300, jpg), o)
	if err != nil {
		t.Fatal(err)
	}
	if w := big.Web; w == nil || w.Width != 200 || w.Height != 150 || w.Format != "jpeg" {
		t.Fatalf("400×300: web copy %+v, want a 200×150 JPEG", w)
	}
	if cfg, f, err := image.DecodeConfig(bytes.NewReader(big.Web.Data)); err != nil || f != "jpeg" || cfg.Width != 200 || cfg.Height != 150 {
		t.Errorf("web copy decodes as %s %d×%d (%v)", f, cfg.Width, cfg.Height, err)
	}
	tall, _ := Make(photo(t, 150, 450, jpg), o)
	if w := tall.Web; w == nil || w.Width != 67 || w.Height != 200 {
		t.Errorf("150×450: web copy %+v, want 67×200 (the longer side fits)", w)
	}
	small, _ := Make(photo(t, 40, 30, pngEnc), o)
	if small.Web != nil {
		t.Errorf("a light 40×30 PNG got a web copy: %d bytes", len(small.Web.Data))
	}
	// A photo's grain: a gradient with noise, which PNG stores badly.
	noisy := image.NewRGBA(image.Rect(0, 0, 150, 100))
	rng := rand.New(rand.NewPCG(1, 2))
	for y := range 100 {
		for x := range 150 {
			n := uint8(rng.IntN(16))
			noisy.Set(x, y, color.RGBA{uint8(x) + n, uint8(2*y) + n, 100 + n, 255})
		}
	}
	var heavy bytes.Buffer
	png.Encode(&heavy, noisy)
	if h, _ := Make(heavy.Bytes(), o); h.Web == nil || h.Web.Format != "jpeg" || len(h.Web.Data) >= heavy.Len() {
		t.Errorf("a heavy opaque %d-byte PNG: web copy %v, want a lighter JPEG", heavy.Len(), h.Web)
	}
	clear := image.NewNRGBA(image.Rect(0, 0, 400, 300))
	clear.Set(10, 10, color.NRGBA{255, 0, 0, 255})
	var logo bytes.Buffer
	png.Encode(&logo, clear)
	lp, err := Make(logo.Bytes(), o)
	if err != nil || lp.Web == nil || lp.Web.Format != "png" {
		t.Fatalf("transparent 400×300 PNG: web copy %+v (%v), want a PNG", lp.Web, err)
	}
	dec, _ := png.Decode(bytes.NewReader(lp.Web.Data))
	if _, _, _, a := dec.At(150, 150).RGBA(); a != 0 {
		t.Errorf("transparent pixel has alpha %d in the web copy", a)
	}
	// Thumbnails are JPEGs: transparency is laid on white, not black.
	th, _ := jpeg.Decode(bytes.NewReader(lp.Thumb.Data))
	if r, g, b, _ := th.At(24, 18).RGBA(); r < 0xE000 || g < 0xE000 || b < 0xE000 {
		t.Errorf("transparent area of the thumbnail is %x %x %x, want white", r, g, b)
	}
}
