package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pubgen/pubgen/internal/diag"
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
			`content/showcases/a/index.md:4: cover: "IMG_0001.HEIC" is a HEIC image, which most browsers cannot show (want a JPEG or PNG: 在手机上选"设置→相机→格式→兼容性最佳"后重拍，或把照片另存为 JPG)`},
		{"tiff in gallery", "cover: c.jpg\ngallery:\n  - file: scan.tif\n", "", map[string]string{"c.jpg": good, "scan.tif": "II*\x00"},
			`content/showcases/a/index.md:6: gallery[0].file: "scan.tif" is a TIFF image, which most browsers cannot show (want a JPEG or PNG: 用画图或看图软件另存为 JPG)`},
		{"heic sent on as .jpg", "cover: 照片.jpg\n", "", map[string]string{"照片.jpg": heicHead + strings.Repeat("\x00", 64)},
			`content/showcases/a/index.md:4: cover: "照片.jpg" is a HEIC image, which most browsers cannot show (want a JPEG or PNG: 在手机上选"设置→相机→格式→兼容性最佳"后重拍`},
		{"bmp shown in the text", "cover: c.jpg\n", "合影如下：\n\n![合影](合影.bmp)\n", map[string]string{"c.jpg": good, "合影.bmp": "BM"},
			`content/showcases/a/index.md:8: image "合影.bmp": is a BMP image, which most browsers cannot show (want a JPEG or PNG: 用画图或看图软件另存为 JPG)`},
		{"cover differs in case", "cover: 封面.jpg\n", "", map[string]string{"封面.JPG": good},
			`content/showcases/a/index.md:4: cover: "封面.jpg" is not in content/showcases/a/ (did you mean 封面.JPG? Upper and lower case must match)`},
		{"attachment differs in case", "cover: c.jpg\nattachments:\n  - file: 材料.PDF\n", "", map[string]string{"c.jpg": good, "材料.pdf": "%PDF-1.4"},
			`content/showcases/a/index.md:6: attachments[0]: "材料.PDF" is not in content/showcases/a/ (did you mean 材料.pdf? Upper and lower case must match)`},
		{"text link differs in case", "cover: c.jpg\n", "见[讲稿](讲稿.DOCX)。\n", map[string]string{"c.jpg": good, "讲稿.docx": "PK"},
			`content/showcases/a/index.md:6: link "讲稿.DOCX": is not in content/showcases/a/ (did you mean 讲稿.docx? Upper and lower case must match)`},
		{"no file of any case", "cover: 封面.jpg\n", "", map[string]string{"c.jpg": good},
			`content/showcases/a/index.md:4: cover: "封面.jpg" is not in content/showcases/a/ (want a file beside index.md)`},
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
