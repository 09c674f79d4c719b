package thumb

import (
	"image"
	"image/color"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestBudgetBoundsConcurrentDecoding: however many workers ask, the bytes
// held at once never exceed the budget, and a request above the whole
// budget runs alone instead of waiting forever.
func TestBudgetBoundsConcurrentDecoding(t *testing.T) {
	b := NewBudget(1000) // 4000 bytes
	var held, peak atomic.Int64
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			want := int64(1000 + 500*(i%7)) // 1000..4000 bytes, and 6000 > the budget
			if i%9 == 0 {
				want = 6000
			}
			got := b.acquire(want)
			now := held.Add(got)
			for p := peak.Load(); now > p && !peak.CompareAndSwap(p, now); p = peak.Load() {
			}
			time.Sleep(time.Millisecond)
			held.Add(-got)
			b.release(got)
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("workers still waiting: an oversized request never ran")
	}
	if p := peak.Load(); p > 4000 || p == 0 {
		t.Errorf("peak held %d bytes, want 1 to 4000", p)
	}
	if b.used != 0 {
		t.Errorf("%d bytes still held after every worker finished", b.used)
	}
}

func TestMakeReturnsItsBudget(t *testing.T) {
	b := NewBudget(100 * 100)
	src := photo(t, 100, 100, pngEnc)
	for range 3 {
		if _, err := Make(src, Options{MaxWidth: 48, Budget: b}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Make(src[:40], Options{MaxWidth: 48, Budget: b}); err == nil {
		t.Fatal("truncated photo accepted")
	}
	if b.used != 0 {
		t.Errorf("%d bytes still held after Make returned", b.used)
	}
}

func TestDecodedBytes(t *testing.T) {
	for _, c := range []struct {
		m    color.Model
		want int64
	}{
		{color.GrayModel, 100}, {color.YCbCrModel, 300}, {color.NRGBAModel, 400}, {color.NRGBA64Model, 800},
	} {
		if got := decodedBytes(image.Config{ColorModel: c.m, Width: 10, Height: 10}); got != c.want {
			t.Errorf("%T: %d bytes, want %d", c.m, got, c.want)
		}
	}
}
