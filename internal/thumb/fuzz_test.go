package thumb

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/thumb/thumbtest"
)

// fuzzMaxPixels keeps each run cheap: any header declaring more is refused
// before decoding, which is the guard under test.
const fuzzMaxPixels = 1 << 16

// FuzzMake feeds Make arbitrary files named as photos. Whatever the bytes,
// it must return — never panic, never decode more than the limit allows —
// and either a thumbnail and web copy that are real images of the sizes
// they claim, upright (a quarter-turned photo's copies are as tall as its
// width), or an error that reads after a file name ("content/a/封面.jpg:
// is …") on one line.
func FuzzMake(f *testing.F) {
	small := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for i := range small.Pix {
		small.Pix[i] = byte(i * 7)
	}
	var p, j bytes.Buffer
	if err := png.Encode(&p, small); err != nil {
		f.Fatal(err)
	}
	if err := jpeg.Encode(&j, small, nil); err != nil {
		f.Fatal(err)
	}
	gray := image.NewGray(image.Rect(0, 0, 300, 2))
	gray.Set(1, 1, color.Gray{200})
	var wide bytes.Buffer
	if err := png.Encode(&wide, gray); err != nil {
		f.Fatal(err)
	}
	for _, seed := range [][]byte{
		p.Bytes(), j.Bytes(), wide.Bytes(),
		p.Bytes()[:len(p.Bytes())/2], j.Bytes()[:len(j.Bytes())-10],
		thumbtest.BombPNG(60000, 60000), thumbtest.BombPNG(300, 300), thumbtest.BombPNG(1, 1<<30),
		[]byte("<!DOCTYPE html><html><body>not a photo</body></html>"),
		[]byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
		thumbtest.WithOrientation(j.Bytes(), 6, false), thumbtest.WithOrientation(p.Bytes(), 8, true)[:200],
		nil,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const maxWidth, webSide = 64, 100
		o := Options{MaxWidth: maxWidth, WebSide: webSide, WebBytes: 2000, MaxPixels: fuzzMaxPixels, Budget: NewBudget(fuzzMaxPixels)}
		img, err := Make(src, o)
		cfg, cerr := Check(src, fuzzMaxPixels)
		if (cerr == nil) != (err == nil) && cerr != nil {
			t.Fatalf("Check refused what Make accepted: %v", cerr)
		}
		if err != nil {
			msg := err.Error()
			if strings.ContainsAny(msg, "\n\r") || !(strings.HasPrefix(msg, "is ") || strings.HasPrefix(msg, "image has")) {
				t.Fatalf("error does not read after a file name on one line: %q", msg)
			}
			return
		}
		if int64(cfg.Width)*int64(cfg.Height) > fuzzMaxPixels {
			t.Fatalf("decoded %d×%d, over the %d-pixel limit", cfg.Width, cfg.Height, fuzzMaxPixels)
		}
		uw, uh := cfg.Width, cfg.Height
		if img.Orientation >= 5 {
			uw, uh = uh, uw
		}
		if img.Width != uw || img.Height != uh {
			t.Fatalf("photo %d×%d at orientation %d, stored %d×%d", img.Width, img.Height, img.Orientation, cfg.Width, cfg.Height)
		}
		th := img.Thumb
		if th.Width > maxWidth || th.Width < 1 || th.Height < 1 || th.Width < min(uw, maxWidth) {
			t.Fatalf("thumbnail %d×%d of a %d×%d photo, want %d wide", th.Width, th.Height, uw, uh, min(uw, maxWidth))
		}
		claims(t, "thumbnail", th)
		if w := img.Web; w != nil {
			if max(w.Width, w.Height) > webSide || w.Width < 1 || w.Height < 1 || (w.Width > w.Height) != (uw > uh) && w.Width != w.Height {
				t.Fatalf("web copy %d×%d of a %d×%d photo, want the same shape within %d", w.Width, w.Height, uw, uh, webSide)
			}
			claims(t, "web copy", *w)
		} else if max(uw, uh) > webSide || img.Orientation != 1 {
			t.Fatalf("no web copy of a %d×%d photo at orientation %d", uw, uh, img.Orientation)
		}
	})
}

// claims fails t unless im is the image of the format and size it says.
func claims(t *testing.T, what string, im Image) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(im.Data))
	if err != nil || format != im.Format || cfg.Width != im.Width || cfg.Height != im.Height {
		t.Fatalf("%s is not the %s %d×%d it claims: %v %s %+v", what, im.Format, im.Width, im.Height, err, format, cfg)
	}
}

// FuzzOrientation reads arbitrary bytes as a JPEG's EXIF: it must return
// a valid orientation without panicking, and find the one a well-formed
// segment in front of the bytes states.
func FuzzOrientation(f *testing.F) {
	var j bytes.Buffer
	if err := jpeg.Encode(&j, image.NewGray(image.Rect(0, 0, 8, 8)), nil); err != nil {
		f.Fatal(err)
	}
	for o := uint16(0); o <= 9; o++ {
		f.Add(thumbtest.WithOrientation(j.Bytes(), o, o%2 == 1))
	}
	f.Add([]byte("\xff\xd8\xff\xe1\x00\x08Exif\x00\x00"))
	f.Add([]byte("\xff\xd8" + strings.Repeat("\xff\xe0\x00\x02", 100)))
	f.Fuzz(func(t *testing.T, src []byte) {
		if o := Orientation(src); o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
		if len(src) < 2 {
			return
		}
		framed := thumbtest.WithOrientation(append([]byte{0xFF, 0xD8}, src...), 6, len(src)%2 == 0)
		if o := Orientation(framed); o != 6 {
			t.Fatalf("a well-formed EXIF segment saying 6 before the bytes read as %d", o)
		}
	})
}
