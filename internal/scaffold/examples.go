package scaffold

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/pubgen/pubgen/internal/page"
)

// exampleTitles are the empty site's example drafts, one per content type.
var exampleTitles = map[string]string{
	page.Notice:     "（示例）关于召开支部党员大会的通知",
	page.Disclosure: "（示例）关于发展对象的公示",
	page.Study:      "（示例）学习资料",
	page.Showcase:   "（示例）党建成果",
}

// exampleNote opens each example's front matter: it says why the page is
// there and why it does not appear on the site.
const exampleNote = "# 这是一篇示例草稿（draft: true），不会发布。每一项的写法见各行上方的说明。\n" +
	"# 新写一篇时，运行 go tool pubgen new %s \"标题\"，或复制本文件改名后填写；用不到时可删除本文件。\n"

// addExamples adds to files one draft per content type, written from the
// starter theme's archetypes, so an empty site still shows an author every
// field with its explanation.
func addExamples(files map[string][]byte, starter fs.FS, now time.Time) error {
	sections := make([]string, 0, len(page.SectionTypes))
	for section := range page.SectionTypes {
		sections = append(sections, section)
	}
	slices.Sort(sections)
	for _, section := range sections {
		typ := page.SectionTypes[section]
		tmpl, err := archetype(starter, "default", typ)
		if err != nil {
			return err
		}
		var out bytes.Buffer
		if err := tmpl.Execute(&out, ArchetypeData{Title: exampleTitles[typ], Date: now.Format("2006-01-02"), Slug: "example"}); err != nil {
			return fmt.Errorf("archetype %s: %w", typ, err)
		}
		text, err := asDraft(out.String(), typ)
		if err != nil {
			return err
		}
		rel := "content/" + section + "/example.md"
		if typ == page.Showcase {
			rel = "content/" + section + "/example/index.md"
			// The archetype names cover.jpg; with it beside the example,
			// a preview with --drafts builds too.
			if files["content/"+section+"/example/cover.jpg"], err = placeholderCover(); err != nil {
				return err
			}
		}
		files[rel] = []byte(text)
	}
	return nil
}

// asDraft marks an archetype's output as a draft with the example note,
// keeping the archetype's own draft line (and its explanation) in place.
func asDraft(text, typ string) (string, error) {
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return "", fmt.Errorf("archetype %s: does not begin with ---", typ)
	}
	const off, on = "\ndraft: false\n", "\ndraft: true\n"
	if !strings.Contains(rest, off) {
		return "", fmt.Errorf("archetype %s: no line draft: false (want one, so the example can be a draft)", typ)
	}
	return "---\n" + fmt.Sprintf(exampleNote, typ) + strings.Replace(rest, off, on, 1), nil
}

// placeholderCover is a plain 1200×800 JPEG in the theme's light party
// red, a stand-in that says "your photo goes here" without showing anyone.
func placeholderCover() ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, 1200, 800))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{0xf6, 0xe3, 0xe1, 0xff}), image.Point{}, draw.Src)
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 75}); err != nil {
		return nil, fmt.Errorf("example cover: %w", err)
	}
	return b.Bytes(), nil
}
