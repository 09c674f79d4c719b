package thumb

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	_ "image/png" // PNG photos are decoded too; thumbnails are always JPEG
	"io"

	"golang.org/x/image/draw"
)

// Image is a thumbnail and the size of the photo it was made from, for the
// width and height attributes that keep a page from jumping while it loads.
type Image struct {
	Data                  []byte // JPEG
	Width, Height         int
	OrigWidth, OrigHeight int
}

// Quality is the JPEG quality of thumbnails: photos of meetings and award
// ceremonies stay clean at it, at a fifth of the original's bytes.
const Quality = 80

// DefaultMaxPixels is the largest photo decoded when the site does not say
// otherwise: 50 megapixels is above any phone or camera an office owns
// (a 48 MP phone photo is 8000×6000), and its decoded form (about 200 MB)
// still fits a small build server.
const DefaultMaxPixels = 50_000_000

// TooLargeError is a photo whose header declares more pixels than allowed.
// It is found from the header alone, before any pixel is decoded, so a
// small file declaring 60000×60000 costs nothing.
type TooLargeError struct {
	Width, Height int
	MaxPixels     int
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("is %d×%d pixels (%.1f megapixels; want at most %s megapixels — scale it down before adding it)",
		e.Width, e.Height, float64(e.Width)*float64(e.Height)/1e6, megapixels(e.MaxPixels))
}

func megapixels(n int) string { return fmt.Sprintf("%g", float64(n)/1e6) }

// Check reads only the header of src and returns its declared size and
// format, refusing anything but a JPEG or PNG of at most maxPixels pixels
// (0: DefaultMaxPixels).
func Check(src []byte, maxPixels int) (image.Config, error) {
	if maxPixels <= 0 {
		maxPixels = DefaultMaxPixels
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(src))
	if err != nil {
		return image.Config{}, formatError(src, err)
	}
	if format != "jpeg" && format != "png" {
		return image.Config{}, fmt.Errorf("is a %s image (want a JPEG or PNG photo)", format)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return image.Config{}, fmt.Errorf("image has no pixels (%d×%d)", cfg.Width, cfg.Height)
	}
	// Compared in 64 bits: 60000×60000 overflows nothing here, but a
	// declared 2³¹×2³¹ would on a 32-bit build.
	if int64(cfg.Width)*int64(cfg.Height) > int64(maxPixels) {
		return image.Config{}, &TooLargeError{cfg.Width, cfg.Height, maxPixels}
	}
	return cfg, nil
}

// formatError says what a file that is not a readable photo is instead.
func formatError(src []byte, err error) error {
	switch {
	case errors.Is(err, image.ErrFormat):
		if u, ok := sniffUnviewable(src); ok {
			return errors.New(u.Msg())
		}
		if looksLikeHTML(src) {
			return errors.New("is an HTML page, not a photo (want a JPEG or PNG photo; was a web page saved under an image name?)")
		}
		return errors.New("is not a JPEG or PNG image (want a JPEG or PNG photo)")
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errors.New("is cut short (want a complete JPEG or PNG photo; copy it again)")
	}
	return fmt.Errorf("is a damaged image: %v (want a JPEG or PNG photo)", err)
}

func looksLikeHTML(src []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(src[:min(len(src), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<head")) || bytes.Contains(head, []byte("<body"))
}

// Options say how Make scales a photo and what it may cost.
type Options struct {
	MaxWidth  int     // thumbnail width in pixels
	MaxPixels int     // largest photo accepted (0: DefaultMaxPixels)
	Budget    *Budget // shared by concurrent calls (nil: unbounded)
}

// Make scales a JPEG or PNG photo down to at most o.MaxWidth pixels wide,
// keeping its proportions. A photo narrower than that keeps its size but is
// still re-encoded, so every thumbnail is a small JPEG. A photo of more
// than o.MaxPixels pixels is refused before decoding, and decoding waits
// for room in o.Budget.
func Make(src []byte, o Options) (Image, error) {
	cfg, err := Check(src, o.MaxPixels)
	if err != nil {
		return Image{}, err
	}
	if o.Budget != nil {
		defer o.Budget.release(o.Budget.acquire(decodedBytes(cfg)))
	}
	return scale(src, cfg, o.MaxWidth)
}

// scale decodes src, whose header declared cfg, and makes its thumbnail.
func scale(src []byte, cfg image.Config, maxWidth int) (Image, error) {
	img, _, err := image.Decode(bytes.NewReader(src))
	if err != nil {
		return Image{}, formatError(src, err)
	}
	b := img.Bounds()
	if b.Dx() != cfg.Width || b.Dy() != cfg.Height {
		return Image{}, fmt.Errorf("is a damaged image: header says %d×%d, pixels are %d×%d (want a JPEG or PNG photo)", cfg.Width, cfg.Height, b.Dx(), b.Dy())
	}
	out := Image{OrigWidth: b.Dx(), OrigHeight: b.Dy(), Width: b.Dx(), Height: b.Dy()}
	if out.Width > maxWidth {
		out.Width = maxWidth
		out.Height = max(1, (out.OrigHeight*maxWidth+out.OrigWidth/2)/out.OrigWidth)
	}
	dst := image.NewRGBA(image.Rect(0, 0, out.Width, out.Height))
	// CatmullRom keeps text on banners and faces sharp when shrinking by
	// 2–3×, where bilinear visibly blurs; the cost is paid once per build.
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: Quality}); err != nil {
		return Image{}, fmt.Errorf("encoding thumbnail: %w", err)
	}
	out.Data = buf.Bytes()
	return out, nil
}
