package corpus

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/pubgen/pubgen/internal/page"
)

// Type shares, in percent of n; notices take what rounding leaves over.
const (
	disclosureShare = 25
	studyShare      = 25
	showcaseShare   = 15
)

// Generate returns a site of n content pages as slash paths relative to the
// site root mapped to file contents: pubgen.toml, the home and section
// _index.md files, and the pages themselves. The same n and seed always give
// the same bytes.
func Generate(n int, seed int64) map[string][]byte {
	g := &gen{
		r:    rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)),
		zone: time.FixedZone("CST", 8*3600),
	}
	g.start = time.Date(2024, 1, 1, 0, 0, 0, 0, g.zone)
	files := map[string][]byte{
		"pubgen.toml":       siteConfig(),
		"content/_index.md": []byte("---\ntitle: 华东能源集团党建门户（基准测试）\ndate: 2024-01-01\n---\n\n本站由语料生成器生成，用于构建和搜索的基准测试。\n"),
	}
	for _, s := range page.Types {
		if s.Section == "" {
			continue
		}
		files["content/"+s.Section+"/_index.md"] = []byte(fmt.Sprintf("---\ntitle: %s\ndate: 2024-01-01\n---\n\n%s栏目。\n", s.Title, s.Title))
	}
	cover := tinyPNG()
	for i, typ := range g.types(n) {
		id := fmt.Sprintf("%05d", i+1)
		switch typ {
		case notice:
			files["content/notices/n-"+id+".md"] = g.notice()
		case disclosure:
			files["content/disclosures/d-"+id+".md"] = g.disclosure()
		case study:
			files["content/study/s-"+id+".md"] = g.study()
		case showcase:
			dir := "content/showcases/c-" + id + "/"
			page, gallery := g.showcase()
			files[dir+"index.md"] = page
			files[dir+"cover.png"] = cover
			if gallery {
				files[dir+"photo-1.png"] = cover
			}
		}
	}
	return files
}

type pageType int

const (
	notice pageType = iota
	disclosure
	study
	showcase
)

// types returns the type of each of the n pages: exact shares, in a
// shuffled order, so that numbering says nothing about the type.
func (g *gen) types(n int) []pageType {
	out := make([]pageType, 0, n)
	for _, c := range []struct {
		t     pageType
		share int
	}{{disclosure, disclosureShare}, {study, studyShare}, {showcase, showcaseShare}} {
		for range n * c.share / 100 {
			out = append(out, c.t)
		}
	}
	for len(out) < n {
		out = append(out, notice)
	}
	g.r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// siteConfig is the generated site's pubgen.toml.
func siteConfig() []byte {
	var b strings.Builder
	b.WriteString("title = \"华东能源集团党建门户（基准测试）\"\n")
	for _, br := range branches {
		fmt.Fprintf(&b, "\n[[branches]]\nname = %q\nslug = %q\n", br.Name, br.Slug)
	}
	return []byte(b.String())
}

// tinyPNG is a valid 4×4 party-red PNG: enough for a cover that image
// handling must decode, small enough to reuse for thousands of pages.
func tinyPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for y := range 4 {
		for x := range 4 {
			img.Set(x, y, color.RGBA{0xc8, 0x10, 0x2e, 0xff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(fmt.Sprintf("corpus: encoding a 4x4 PNG in memory cannot fail: %v", err))
	}
	return buf.Bytes()
}
