package pipeline

import (
	"bytes"
	"errors"
	"image/jpeg"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/thumb/thumbtest"
)

// onDisk writes fsys into a temporary folder and returns that folder as
// the site, so photos are read from real files as in a real build.
func onDisk(t *testing.T, fsys fstest.MapFS) fs.FS {
	t.Helper()
	dir := t.TempDir()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return os.DirFS(dir)
}

// heicHead is the start of an iPhone photo: an ISO media "ftyp" box with
// the HEIC brand, enough for a browser (and pubgen) to know the format.
const heicHead = "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"

// TestPhotosBrowsersCannotShow: a HEIC, TIFF or BMP photo — named so, or a
// HEIC sent on under a .jpg name — is an error at its field's line (or the
// body line showing it) that says how to get a JPEG, and a name that
// differs from the file's only in case names the file that is there.
func TestPhotosBrowsersCannotShow(t *testing.T) {
	good := string(smallJPEG(t))
	cases := []struct {
		name  string
		front string            // front matter after date
		body  string            // Markdown
		files map[string]string // beside index.md
		want  string
	}{
		{"heic cover", "cover: IMG_0001.HEIC\n", "", map[string]string{"IMG_0001.HEIC": heicHead},
			`content/showcases/a/index.md:4: cover: “IMG_0001.HEIC”是 HEIC 格式的图片，多数浏览器显示不了。请改成 JPG 或 PNG：在手机上选"设置→相机→格式→兼容性最佳"后重拍，或把照片另存为 JPG。`},
		{"tiff in gallery", "cover: c.jpg\ngallery:\n  - file: scan.tif\n", "", map[string]string{"c.jpg": good, "scan.tif": "II*\x00"},
			`content/showcases/a/index.md:6: gallery[0].file: “scan.tif”是 TIFF 格式的图片，多数浏览器显示不了。请改成 JPG 或 PNG：用画图或看图软件另存为 JPG。`},
		{"heic sent on as .jpg", "cover: 照片.jpg\n", "", map[string]string{"照片.jpg": heicHead + strings.Repeat("\x00", 64)},
			`content/showcases/a/index.md:4: cover: “照片.jpg”是 HEIC 格式的图片，多数浏览器显示不了。请改成 JPG 或 PNG：在手机上选"设置→相机→格式→兼容性最佳"后重拍，或把照片另存为 JPG。`},
		{"bmp shown in the text", "cover: c.jpg\n", "合影如下：\n\n![合影](合影.bmp)\n", map[string]string{"c.jpg": good, "合影.bmp": "BM"},
			`content/showcases/a/index.md:8: 图片“合影.bmp”：是 BMP 格式的图片，多数浏览器显示不了。请改成 JPG 或 PNG：用画图或看图软件另存为 JPG。`},
		{"cover differs in case", "cover: 封面.jpg\n", "", map[string]string{"封面.JPG": good},
			`content/showcases/a/index.md:4: cover: “封面.jpg”不在 content/showcases/a/ 文件夹里。是不是 封面.JPG？大小写要一致。`},
		{"attachment differs in case", "cover: c.jpg\nattachments:\n  - file: 材料.PDF\n", "", map[string]string{"c.jpg": good, "材料.pdf": "%PDF-1.4"},
			`content/showcases/a/index.md:6: attachments[0]: “材料.PDF”不在 content/showcases/a/ 文件夹里。是不是 材料.pdf？大小写要一致。`},
		{"text link differs in case", "cover: c.jpg\n", "见[讲稿](讲稿.DOCX)。\n", map[string]string{"c.jpg": good, "讲稿.docx": "PK"},
			`content/showcases/a/index.md:6: 链接“讲稿.DOCX”：不在 content/showcases/a/ 文件夹里。是不是 讲稿.docx？大小写要一致。`},
		{"no file of any case", "cover: 封面.jpg\n", "", map[string]string{"c.jpg": good},
			`content/showcases/a/index.md:4: cover: “封面.jpg”不在 content/showcases/a/ 文件夹里。请把文件放在 index.md 旁边，文件名要一字不差。`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := siteFS(t, minimal)
			fsys["content/showcases/a/index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 成果\ndate: 2024-07-01\n" + c.front + "---\n" + c.body)}
			for name, data := range c.files {
				fsys["content/showcases/a/"+name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, err := Run(onDisk(t, fsys), Options{Now: demoNow, NoSearch: true})
			var de *diag.Errors
			if !errors.As(err, &de) {
				t.Fatalf("err = %v, want content errors", err)
			}
			if !strings.Contains(de.Error(), c.want) {
				t.Fatalf("want\n%s\nin:\n%s", c.want, de.Error())
			}
		})
	}
}

// TestPhonePhotos builds a showcase whose cover is a 4000×3000 phone
// photo held upright (EXIF orientation 6, the sensor's top on the right)
// and whose gallery holds a small upright photo and a small turned one.
// The page shows a 1500×2000 upright web copy linked to the original; the
// list shows an upright thumbnail; the small upright photo is shown as it
// is; the original is published unchanged; a rebuild decodes nothing.
func TestPhonePhotos(t *testing.T) {
	cover := thumbtest.WithOrientation(thumbtest.Corners(4000, 3000), 6, false)
	turned := thumbtest.WithOrientation(thumbtest.Corners(96, 64), 6, true)
	fsys := siteFS(t, minimal)
	fsys["content/showcases/a/index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 成果\ndate: 2024-07-01\ncover: cover.jpg\ngallery:\n  - file: small.jpg\n    caption: 合影\n  - file: turned.jpg\n    caption: 授牌\n---\n")}
	fsys["content/showcases/a/cover.jpg"] = &fstest.MapFile{Data: cover}
	fsys["content/showcases/a/small.jpg"] = &fstest.MapFile{Data: thumbtest.Corners(64, 48)}
	fsys["content/showcases/a/turned.jpg"] = &fstest.MapFile{Data: turned}
	sess := NewSession(onDisk(t, fsys), Options{Now: demoNow, NoSearch: true})
	res, out, _, err := sess.Build()
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.PhotosMade != 3 {
		t.Errorf("first build decoded %d photos, want 3", res.Report.PhotosMade)
	}

	page := string(out["showcases/a/index.html"])
	for _, want := range []string{
		`<a href="cover.jpg"><img src="_web/cover.jpg" width="1500" height="2000" alt="成果"></a>`,
		// The turned gallery photo: its thumbnail links to its upright copy,
		// and the caption to the original.
		`<a href="_web/turned.jpg"><img src="_thumbs/turned.jpg" width="64" height="96"`,
		`授牌 <a class="original" href="turned.jpg">查看原图</a>`,
		// The small upright one is fit to show as it is.
		`<a href="small.jpg"><img src="_thumbs/small.jpg" width="64" height="48"`,
		`<figcaption>合影</figcaption>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("showcase page lacks %s", want)
		}
	}
	if !strings.Contains(string(out["showcases/index.html"]), `<img src="a/_thumbs/cover.jpg" width="480" height="640"`) {
		t.Error("the showcase list does not show the upright 480×640 thumbnail")
	}
	if _, ok := out["showcases/a/_web/small.jpg"]; ok {
		t.Error("a web copy was made of a small upright photo")
	}
	if !bytes.Equal(out["showcases/a/cover.jpg"], cover) {
		t.Error("the original cover was not published unchanged")
	}
	web := out["showcases/a/_web/cover.jpg"]
	if len(web) == 0 || len(web) >= len(cover) {
		t.Errorf("web copy is %d bytes, the original %d", len(web), len(cover))
	}
	for _, c := range []struct {
		file string
		w, h int
	}{
		{"showcases/a/_web/cover.jpg", 1500, 2000}, {"showcases/a/_thumbs/cover.jpg", 480, 640},
		{"showcases/a/_web/turned.jpg", 64, 96}, {"showcases/a/_thumbs/turned.jpg", 64, 96},
	} {
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(out[c.file]))
		if err != nil || cfg.Width != c.w || cfg.Height != c.h {
			t.Errorf("%s is %d×%d (%v), want %d×%d", c.file, cfg.Width, cfg.Height, err, c.w, c.h)
		}
		// Orientation 6: the stored top-left (red) is the upright
		// top-right, the stored top-right (green) the bottom-right.
		for corner, want := range map[string]string{"TR": "red", "BR": "green", "TL": "blue"} {
			if got, err := thumbtest.ColorAt(out[c.file], corner); got != want {
				t.Errorf("%s is %s at %s (%v), want %s: not upright", c.file, got, corner, err, want)
			}
		}
	}

	res, again, changed, err := sess.Build()
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.PhotosMade != 0 || len(changed) != 0 {
		t.Errorf("rebuild with no edit decoded %d photos and changed %v", res.Report.PhotosMade, changed)
	}
	if !bytes.Equal(again["showcases/a/_web/cover.jpg"], web) {
		t.Error("rebuild changed the web copy")
	}
}
