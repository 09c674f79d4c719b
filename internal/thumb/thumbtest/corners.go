package thumbtest

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png" // ColorAt reads PNG copies too
)

// Corners is a JPEG photo of w×h stored pixels whose top-left quarter is
// red and top-right quarter green, the rest blue: where the red and green
// land in a copy says how the copy was turned.
func Corners(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{0, 0, 255, 255}
			if y < h/2 && x < w/2 {
				c = color.RGBA{255, 0, 0, 255}
			} else if y < h/2 {
				c = color.RGBA{0, 255, 0, 255}
			}
			o := img.PixOffset(x, y)
			img.Pix[o], img.Pix[o+1], img.Pix[o+2], img.Pix[o+3] = c.R, c.G, c.B, c.A
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 95}); err != nil {
		panic(err) // cannot fail writing to memory
	}
	return b.Bytes()
}

// ColorAt names the colour ("red", "green", "blue" or "mixed") of a
// decoded image an eighth of the way in from a corner: "TL", "TR", "BL"
// or "BR".
func ColorAt(data []byte, corner string) (string, error) {
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	b := img.Bounds()
	x, y := b.Dx()/8, b.Dy()/8
	if corner[1] == 'R' {
		x = b.Dx() - 1 - x
	}
	if corner[0] == 'B' {
		y = b.Dy() - 1 - y
	}
	r, g, bl, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
	switch {
	case r > 0xC000 && g < 0x4000 && bl < 0x4000:
		return "red", nil
	case g > 0xC000 && r < 0x4000 && bl < 0x4000:
		return "green", nil
	case bl > 0xC000 && r < 0x4000 && g < 0x4000:
		return "blue", nil
	}
	return "mixed", nil
}
