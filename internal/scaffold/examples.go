package scaffold

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/pubgen/pubgen/internal/config"
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
	// The examples are for the starter's first branch, as
	// `pubgen new --branch` would make them: every field filled in.
	cfg, l := config.Load(starter)
	if cfg == nil {
		return fmt.Errorf("reading the starter's pubgen.toml: %w", l.Err(false))
	}
	branch := ""
	if len(cfg.Branches) > 0 {
		branch = cfg.Branches[0].Name
	}
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
		if err := tmpl.Execute(&out, ArchetypeData{Title: exampleTitles[typ], Date: now.Format("2006-01-02"), Slug: "example", Branch: branch}); err != nil {
			return fmt.Errorf("archetype %s: %w", typ, err)
		}
		text, err := asExample(out.String(), typ)
		if err != nil {
			return err
		}
		files[pagePath(section, "example", typ)] = []byte(text)
	}
	return nil
}

// asExample marks an archetype's output as a draft with the example note,
// keeping the archetype's own draft line (and its explanation) in place.
func asExample(text, typ string) (string, error) {
	text, err := draft(text, typ)
	if err != nil || !strings.HasPrefix(text, "---\n") {
		return text, err
	}
	return "---\n" + fmt.Sprintf(exampleNote, typ) + strings.TrimPrefix(text, "---\n"), nil
}
