package thumb

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"

	"github.com/pubgen/pubgen/internal/msg"
)

// Image is one picture Make writes, with the size for the width and
// height attributes that keep a page from jumping while it loads.
type Image struct {
	Data          []byte
	Format        string // "jpeg" or "png"
	Width, Height int
}

// Photo is what Make makes of one photo, all of it upright.
type Photo struct {
	Width, Height int    // the original's, once turned upright
	Orientation   int    // its EXIF orientation (1–8), applied to Thumb and Web
	Thumb         Image  // a JPEG at most Options.MaxWidth wide
	Web           *Image // the copy a page shows; nil: the original is fit to show
}

// Options say how Make scales a photo and what it may cost.
type Options struct {
	MaxWidth int // thumbnail width in pixels
	// WebSide is the longest side of the web-size copy (0: none is made).
	// A photo longer than that, turned by EXIF, or heavier than WebBytes
	// gets one; any other is shown as it is.
	WebSide   int
	WebBytes  int
	MaxPixels int     // largest photo accepted (0: DefaultMaxPixels)
	Budget    *Budget // shared by concurrent calls (nil: unbounded)
}

// Make makes the thumbnail of a JPEG or PNG photo (at most o.MaxWidth
// pixels wide, proportions kept; a narrower photo keeps its size but is
// still re-encoded, so every thumbnail is a small JPEG) and, where
// o.WebSide asks for one, its web-size copy: a JPEG, or a PNG when the
// photo has transparent pixels. Both are turned upright as the photo's
// EXIF orientation says and carry no EXIF of their own. A photo of more
// than o.MaxPixels pixels is refused before decoding, and decoding waits
// for room in o.Budget.
func Make(src []byte, o Options) (Photo, error) {
	cfg, err := Check(src, o.MaxPixels)
	if err != nil {
		return Photo{}, err
	}
	p := plan(cfg, Orientation(src), len(src), o)
	if o.Budget != nil {
		defer o.Budget.release(o.Budget.acquire(decodedBytes(cfg) + p.bytes()))
	}
	img, _, err := image.Decode(bytes.NewReader(src))
	if err != nil {
		return Photo{}, formatError(src, err)
	}
	if b := img.Bounds(); b.Dx() != cfg.Width || b.Dy() != cfg.Height {
		return Photo{}, problem(msg.PhotoSizeMismatch, cfg.Width, cfg.Height, b.Dx(), b.Dy())
	}
	alpha := !opaque(img)
	out := Photo{Width: p.width, Height: p.height, Orientation: p.orient}
	if out.Thumb, err = encode(scaled(img, p.thumb, p.orient, alpha), "jpeg", Quality); err != nil {
		return Photo{}, err
	}
	if p.web == (image.Point{}) {
		return out, nil
	}
	format := "jpeg"
	if alpha {
		format = "png"
	}
	web, err := encode(scaled(img, p.web, p.orient, false), format, WebQuality)
	if err != nil {
		return Photo{}, err
	}
	// Made only for its weight, a copy no lighter than the original is
	// not worth a second file.
	if !p.mustTurnOrShrink && len(web.Data) >= len(src) {
		return out, nil
	}
	out.Web = &web
	return out, nil
}

// sizes are the outputs Make will make of a photo, known from its header.
type sizes struct {
	orient           int
	width, height    int         // upright
	thumb, web       image.Point // upright; web is zero when none is made
	mustTurnOrShrink bool        // the web copy is needed whatever its weight
}

func plan(cfg image.Config, orient, n int, o Options) sizes {
	s := sizes{orient: orient, width: cfg.Width, height: cfg.Height}
	if swapsSides(orient) {
		s.width, s.height = s.height, s.width
	}
	s.thumb = fit(s.width, s.height, max(1, o.MaxWidth), s.height)
	if o.WebSide <= 0 {
		return s
	}
	s.mustTurnOrShrink = max(s.width, s.height) > o.WebSide || orient != 1
	if s.mustTurnOrShrink || o.WebBytes > 0 && n > o.WebBytes {
		s.web = fit(s.width, s.height, o.WebSide, o.WebSide)
	}
	return s
}

// fit is w×h scaled down, proportions kept, to at most maxW×maxH.
func fit(w, h, maxW, maxH int) image.Point {
	if w > maxW {
		w, h = maxW, max(1, (h*maxW+w/2)/w)
	}
	if h > maxH {
		w, h = max(1, (w*maxH+h/2)/h), maxH
	}
	return image.Pt(w, h)
}

// bytes is the memory of the pixels Make holds besides the decoded photo:
// each output scaled, and once more turned.
func (s sizes) bytes() int64 {
	return 8 * (int64(s.thumb.X)*int64(s.thumb.Y) + int64(s.web.X)*int64(s.web.Y))
}

// scaled is img at the upright size want, turned upright from
// orientation orient. With white set, transparent pixels are laid on
// white, as a JPEG cannot keep them (and black is what they would be).
func scaled(img image.Image, want image.Point, orient int, white bool) *image.RGBA {
	w, h := want.X, want.Y
	if swapsSides(orient) {
		w, h = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	op := draw.Src
	if white {
		draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
		op = draw.Over
	}
	// CatmullRom keeps text on banners and faces sharp when shrinking by
	// 2–3×, where bilinear visibly blurs; the cost is paid once per photo.
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), op, nil)
	return upright(dst, orient)
}

func encode(img *image.RGBA, format string, quality int) (Image, error) {
	var buf bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality})
	}
	if err != nil {
		return Image{}, fmt.Errorf("encoding a %s: %w", format, err)
	}
	b := img.Bounds()
	return Image{Data: buf.Bytes(), Format: format, Width: b.Dx(), Height: b.Dy()}, nil
}

// opaque reports whether every pixel of img is opaque; an image that
// cannot tell is taken as not, which only costs a white background.
func opaque(img image.Image) bool {
	o, ok := img.(interface{ Opaque() bool })
	return ok && o.Opaque()
}
