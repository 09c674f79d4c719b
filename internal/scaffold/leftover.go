package scaffold

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/page"
)

// CheckPlaceholders refuses to publish a page that still holds a hint of
// the archetype it was made from (（会议地点）, （写明召开会议的依据和目的。）),
// at the hint's line. Drafts are not refused, so a half-written page never
// stops the build: they come back as notes for pubgen check instead. Pages
// with a later publish_date are checked too, since nobody looks at them
// again before they go live.
//
// A session remembers each page's findings in hints, by its path, made
// from the page's Sum and its type's placeholders: looking through every
// page's text on every build was a tenth of a one-page edit's rebuild.
func CheckPlaceholders(site fs.FS, theme string, pages []*page.Page, hints *HintsMemo) (diag.List, []string) {
	type typeHints struct {
		ph  []string
		sum []byte
	}
	byType := map[string]typeHints{}
	var l diag.List
	var drafts []string
	for _, p := range pages {
		if p.Kind != page.KindPage {
			continue
		}
		th, ok := byType[p.Type]
		if !ok {
			th.ph = Placeholders(site, theme, p.Type)
			th.sum = []byte(strings.Join(th.ph, "\x00"))
			byType[p.Type] = th
		}
		v := memo.Sum(p.Sum[:], th.sum)
		found, ok := hints.t().Get(p.Path, v)
		if !ok {
			found = placeholdersLeft(p, th.ph)
			hints.t().Put(p.Path, v, found)
		}
		if p.Draft {
			if len(found) > 0 {
				drafts = append(drafts, fmt.Sprintf("%s: 草稿（draft: true），未发布；还有 %d 处提示文字待替换，第一处在第 %d 行：%s", p.Path, len(found), found[0].Line, found[0].Msg))
			}
			continue
		}
		l = append(l, found...)
	}
	hints.t().Sweep()
	return l, drafts
}

// HintsMemo is a session's table of the archetype hints left in each page,
// by its source path, made from the page's Sum and its type's
// placeholders. A nil *HintsMemo remembers nothing.
type HintsMemo struct{ table memo.Table[diag.List] }

func (h *HintsMemo) t() *memo.Table[diag.List] {
	if h == nil {
		return nil
	}
	return &h.table
}

// placeholdersLeft finds the placeholders ph in p's front-matter text and
// body, one error per place.
func placeholdersLeft(p *page.Page, ph []string) diag.List {
	var l diag.List
	if len(ph) == 0 {
		return nil
	}
	fields := append(p.TextFields(), p.FileFields()...)
	// The privacy scan leaves contact out on purpose; a hint there is
	// still unfinished.
	if c := p.Contact; c != nil {
		fields = append(fields, page.Field{Name: "contact.phone", Pos: "contact.phone", Value: c.Phone},
			page.Field{Name: "contact.email", Pos: "contact.email", Value: c.Email},
			page.Field{Name: "contact.address", Pos: "contact.address", Value: c.Address})
	}
	for _, f := range fields {
		if h, ok := firstPlaceholder(f.Value, ph); ok {
			l.Error(p.Path, p.Line(f.Pos), 0, f.Name, msg.Placeholder, h)
		}
	}
	body := string(p.Body)
	for i, line := range strings.Split(body, "\n") {
		if h, ok := firstPlaceholder(line, ph); ok {
			col := utf8.RuneCountInString(line[:strings.Index(line, h)]) + 1
			l.Error(p.Path, p.BodyLine+i, col, "正文", msg.Placeholder, h)
		}
	}
	return l
}

func firstPlaceholder(text string, ph []string) (string, bool) {
	for _, h := range ph {
		if strings.Contains(text, h) {
			return h, true
		}
	}
	return "", false
}
