package thumb

import (
	"image"
	"image/color"
	"sync"
)

// Budget bounds the memory of the photos being decoded at once by all the
// workers that share it. Without it a build on a 32-core server decodes 32
// photos together, and a gallery of largest-allowed photos needs gigabytes;
// with it memory depends on the pixel limit, not on the core count.
type Budget struct {
	mu   sync.Mutex
	cond *sync.Cond
	cap  int64 // bytes
	used int64
}

// NewBudget is a budget for decoding photos of at most maxPixels pixels
// (0: DefaultMaxPixels): room for one such photo at 4 bytes a pixel, so the
// largest photos are decoded one at a time while small ones share the room.
func NewBudget(maxPixels int) *Budget {
	if maxPixels <= 0 {
		maxPixels = DefaultMaxPixels
	}
	b := &Budget{cap: 4 * int64(maxPixels)}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire waits until n bytes are free and takes them. A request above the
// whole budget (a 16-bit PNG at the pixel limit) takes all of it, so it
// runs alone instead of waiting forever. It returns what it took.
func (b *Budget) acquire(n int64) int64 {
	n = min(max(n, 1), b.cap)
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.used+n > b.cap {
		b.cond.Wait()
	}
	b.used += n
	return n
}

func (b *Budget) release(n int64) {
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}

// decodedBytes is the memory a photo of cfg takes once decoded, from the
// color model its header declares.
func decodedBytes(cfg image.Config) int64 {
	px := int64(cfg.Width) * int64(cfg.Height)
	switch cfg.ColorModel {
	case color.GrayModel:
		return px
	case color.Gray16Model:
		return 2 * px
	case color.YCbCrModel:
		return 3 * px // 4:4:4 at worst; subsampled JPEGs take less
	case color.RGBA64Model, color.NRGBA64Model:
		return 8 * px
	}
	return 4 * px // RGBA, NRGBA, CMYK, paletted (generous)
}
