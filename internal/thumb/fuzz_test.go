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
// and either a thumbnail that is a real JPEG of the size it claims, or an
// error that reads after a file name ("content/a/封面.jpg: is …") on one
// line.
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
		nil,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const maxWidth = 64
		img, err := Make(src, Options{MaxWidth: maxWidth, MaxPixels: fuzzMaxPixels, Budget: NewBudget(fuzzMaxPixels)})
		if _, cerr := Check(src, fuzzMaxPixels); (cerr == nil) != (err == nil) && cerr != nil {
			t.Fatalf("Check refused what Make accepted: %v", cerr)
		}
		if err != nil {
			msg := err.Error()
			if strings.ContainsAny(msg, "\n\r") || !(strings.HasPrefix(msg, "is ") || strings.HasPrefix(msg, "image has")) {
				t.Fatalf("error does not read after a file name on one line: %q", msg)
			}
			return
		}
		if int64(img.OrigWidth)*int64(img.OrigHeight) > fuzzMaxPixels {
			t.Fatalf("decoded %d×%d, over the %d-pixel limit", img.OrigWidth, img.OrigHeight, fuzzMaxPixels)
		}
		if img.Width > maxWidth || img.Width < 1 || img.Height < 1 {
			t.Fatalf("thumbnail %d×%d, want 1…%d wide", img.Width, img.Height, maxWidth)
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(img.Data))
		if err != nil || cfg.Width != img.Width || cfg.Height != img.Height {
			t.Fatalf("thumbnail is not the %d×%d JPEG it claims: %v %+v", img.Width, img.Height, err, cfg)
		}
	})
}
