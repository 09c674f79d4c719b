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
		{"heic named .jpg", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic\x00\x00"), "is a HEIC image, which most browsers cannot show (want a JPEG or PNG: 在手机上选\"设置→相机→格式→兼容性最佳\""},
		{"tiff", []byte("MM\x00*\x00\x00\x00\x08"), "is a TIFF image"},
		{"bmp", append([]byte("BM\x36\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00"), make([]byte, 40)...), "is a BMP image"},
		{"text starting BM", []byte("BM is not a bitmap"), "not a JPEG or PNG"},
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

func TestUnviewableName(t *testing.T) {
	for name, want := range map[string]string{
		"IMG_0001.HEIC": "HEIC", "a.heif": "HEIC", "扫描件.TIFF": "TIFF", "a.tif": "TIFF", "图.bmp": "BMP",
		"DSC_1.NEF": "camera RAW", "海报.psd": "Photoshop", "a.jpg": "", "a.PNG": "", "a.webp": "", "heic": "",
	} {
		u, ok := UnviewableName(name)
		if u.Name != want || ok != (want != "") {
			t.Errorf("%s: %q %v, want %q", name, u.Name, ok, want)
		}
	}
}
