package thumb

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/thumb/thumbtest"
)

func TestMakeRefusesDeclaredGiant(t *testing.T) {
	src := thumbtest.BombPNG(60000, 60000)
	if len(src) > 80 {
		t.Fatalf("bomb is %d bytes, want a tiny file", len(src))
	}
	start := time.Now()
	_, err := Make(src, Options{MaxWidth: 480})
	var tl *TooLargeError
	if !errors.As(err, &tl) || !strings.Contains(err.Error(), "60000×60000") {
		t.Fatalf("err = %v, want a TooLargeError naming 60000×60000", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("refusing took %v, want it from the header alone", d)
	}
}

func TestMakeLimitIsConfigurable(t *testing.T) {
	src := photo(t, 200, 100, jpg) // 20,000 pixels
	if _, err := Make(src, Options{MaxWidth: 480, MaxPixels: 19_999}); err == nil || !strings.Contains(err.Error(), "200×100") {
		t.Errorf("limit below the photo: err = %v, want it refused naming 200×100", err)
	}
	if _, err := Make(src, Options{MaxWidth: 480, MaxPixels: 20_000}); err != nil {
		t.Errorf("limit at the photo: %v", err)
	}
}

func TestMakeRefusesBrokenFiles(t *testing.T) {
	full := photo(t, 64, 64, jpg)
	var gif bytes.Buffer
	gif.WriteString("GIF89a\x01\x00\x01\x00\x00\x00\x00;")
	cases := []struct {
		name string
		src  []byte
		want string
	}{
		{"truncated jpeg", full[:len(full)/2], "cut short"},
		{"jpeg header only", full[:20], "cut short"},
		{"html named .jpg", []byte("<!DOCTYPE html>\n<html><head><title>登录</title></head><body>请先登录</body></html>"), "HTML page"},
		{"text", []byte("not really a jpeg"), "not a JPEG or PNG"},
		{"gif", gif.Bytes(), "not a JPEG or PNG"},
		{"empty", nil, "not a JPEG or PNG"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Make(c.src, Options{MaxWidth: 480})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want it to say %q", err, c.want)
			}
		})
	}
}

func TestCheckReadsOnlyTheHeader(t *testing.T) {
	src := photo(t, 300, 200, jpg)
	cfg, err := Check(src, 0)
	if err != nil || cfg.Width != 300 || cfg.Height != 200 {
		t.Fatalf("Check = %+v, %v; want 300×200", cfg, err)
	}
}
