package thumb

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // the decoders Check and Make accept
	_ "image/png"
	"io"

	"github.com/pubgen/pubgen/internal/msg"
)

// Quality is the JPEG quality of thumbnails: photos of meetings and award
// ceremonies stay clean at it, at a fifth of the original's bytes.
const Quality = 80

// WebQuality is the JPEG quality of web-size copies, which readers look at
// full screen: above it the bytes grow fast for nothing a phone shows.
const WebQuality = 85

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

func (e *TooLargeError) Error() string { return msg.Printer{Lang: msg.English}.Text(e.Text()) }

// Text says so in the catalogue's words.
func (e *TooLargeError) Text() msg.Text {
	return msg.New(msg.PhotoTooLarge, e.Width, e.Height, float64(e.Width)*float64(e.Height)/1e6, megapixels(e.MaxPixels))
}

// Problem is a file that is not a photo pubgen can use, in the catalogue's
// words; Error is the English text.
type Problem struct{ Msg msg.Text }

func (p *Problem) Error() string { return msg.Printer{Lang: msg.English}.Text(p.Msg) }

// Text is the message.
func (p *Problem) Text() msg.Text { return p.Msg }

func problem(k msg.Key, args ...any) error { return &Problem{msg.New(k, args...)} }

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
		return image.Config{}, problem(msg.PhotoFormat, format)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return image.Config{}, problem(msg.PhotoNoPixels, cfg.Width, cfg.Height)
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
			return &Problem{u.Text()}
		}
		if looksLikeHTML(src) {
			return problem(msg.PhotoHTML)
		}
		return problem(msg.PhotoNotImage)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return problem(msg.PhotoCutShort)
	}
	return problem(msg.PhotoDamaged, err.Error())
}

func looksLikeHTML(src []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(src[:min(len(src), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<head")) || bytes.Contains(head, []byte("<body"))
}
