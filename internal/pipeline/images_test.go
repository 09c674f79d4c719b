package pipeline

import (
	"bytes"
	"image"
	"image/jpeg"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pubgen/pubgen/internal/thumb/thumbtest"
)

const showcase = "-- content/showcases/a/index.md --\n---\ntitle: 成果\ndate: 2024-07-01\ncover: cover.png\ngallery:\n  - file: g.jpg\n---\n"

func smallJPEG(t *testing.T) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 64, 48)), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestHostileImages: a photo that is a bomb, cut short or not a photo at
// all stops the build with an error at the page's field, quickly.
func TestHostileImages(t *testing.T) {
	good := smallJPEG(t)
	cases := []struct {
		name       string
		cover, gal []byte
		toml       string
		want       string
	}{
		{"60000×60000 png header as cover", thumbtest.BombPNG(60000, 60000), good, "",
			`content/showcases/a/index.md:4: cover: “cover.png”有 60000×60000 像素（3600.0 百万像素），太大了（最多 50 百万像素）。`},
		{"limit from pubgen.toml", thumbtest.BombPNG(3000, 2000), good, "[images]\nmax_megapixels = 5\n",
			`content/showcases/a/index.md:4: cover: “cover.png”有 3000×2000 像素（6.0 百万像素），太大了（最多 5 百万像素）。`},
		{"truncated jpeg in gallery", good, good[:len(good)/2], "",
			`content/showcases/a/index.md:6: gallery[0].file: “g.jpg”文件不完整，像是没有复制完。`},
		{"html named .jpg", good, []byte("<!DOCTYPE html><html><body>404</body></html>"), "",
			`content/showcases/a/index.md:6: gallery[0].file: “g.jpg”是一个网页，不是照片`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := siteFS(t, minimal+showcase)
			fsys["content/showcases/a/cover.png"] = &fstest.MapFile{Data: c.cover}
			fsys["content/showcases/a/g.jpg"] = &fstest.MapFile{Data: c.gal}
			if c.toml != "" {
				fsys["pubgen.toml"] = &fstest.MapFile{Data: append(fsys["pubgen.toml"].Data, "\n"+c.toml...)}
			}
			start := time.Now()
			_, err := Run(fsys, Options{Now: demoNow, NoSearch: true})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("want %q in:\n%v", c.want, err)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("build took %v", d)
			}
		})
	}
}
