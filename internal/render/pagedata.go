package render

import (
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/pubgen/pubgen/internal/outputs"
	"github.com/pubgen/pubgen/internal/site"
)

// Calendar returns the site path of the .ics file of a notice's meeting,
// or "" when the notice announces none.
func (d *Data) Calendar(n *PageView) string {
	n.note(kCalendar)
	return calendar(d.opts.Files, n.n)
}

func calendar(f *outputs.Files, n *site.Node) string { return f.Calendar(n.URL) }

// Thumb returns the thumbnail of a photo beside a page, or nil when there
// is none (the template then shows the original).
func (d *Data) Thumb(n *PageView, file string) *outputs.Thumb {
	d.rec.read(kThumb, pair(n.n.Path, file))
	return thumb(d.opts.Files, n.n, file)
}

func thumb(f *outputs.Files, n *site.Node, file string) *outputs.Thumb {
	if t, ok := f.Thumb(n.URL, file); ok {
		return &t
	}
	return nil
}

// FileSize returns the size of a file beside a page for people, e.g.
// "1.8 KB", or "" when unknown.
func (d *Data) FileSize(n *PageView, file string) string {
	d.rec.read(kSize, pair(n.n.Path, file))
	return size(d.opts.Files, n.n, file)
}

func size(f *outputs.Files, n *site.Node, file string) string {
	size, ok := f.Size(n.URL, file)
	if !ok {
		return ""
	}
	return HumanSize(size)
}

// HumanSize writes a byte count the way file managers in China show it.
func HumanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// fileTypes name the attachment types readers know by name; others show
// their extension in capitals.
var fileTypes = map[string]string{
	".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".xls": "Excel", ".xlsx": "Excel",
	".ppt": "PPT", ".pptx": "PPT", ".wps": "WPS", ".txt": "文本", ".zip": "ZIP", ".rar": "RAR",
	".jpg": "图片", ".jpeg": "图片", ".png": "图片", ".mp3": "音频", ".mp4": "视频",
}

// FileType names the kind of an attachment from its extension.
func (d *Data) FileType(file string) string {
	ext := strings.ToLower(path.Ext(file))
	if t, ok := fileTypes[ext]; ok {
		return t
	}
	return strings.ToUpper(strings.TrimPrefix(ext, "."))
}

// ReadingMinutes is the reading time of a page's text. It records the
// minutes, not the text: a body edit that keeps the reading time does not
// change a list showing it.
func (d *Data) ReadingMinutes(n *PageView) int {
	n.note(kMinutes)
	return site.ReadingMinutes(n.n.PlainText)
}

// Series returns a study page's place in its series, or nil.
func (d *Data) Series(n *PageView) *SeriesView { return d.Site.series(n.n) }

// Span is a period whose state (upcoming, open, closed) the page shows at
// build time and status.js refreshes in the browser.
type Span struct {
	State      string // site.StatusUpcoming, StatusOpen or StatusClosed at build time
	Start, End time.Time
}

// PublicitySpan is a disclosure's publicity period as instants: its last
// day counts in full.
func (d *Data) PublicitySpan(n *PageView) *Span {
	n.note(kPubSpan)
	return publicitySpan(d.graph(), n.n)
}

func publicitySpan(s *site.Site, n *site.Node) *Span {
	if n.Publicity == nil {
		return nil
	}
	start, end := site.PublicityBounds(n.Publicity, s.Config.Location)
	return &Span{State: status(s, n), Start: start, End: end}
}

// MeetingSpan is a notice's meeting as a period: upcoming before it starts,
// open while it runs, closed after (see site.MeetingBounds).
func (d *Data) MeetingSpan(n *PageView) *Span {
	n.note(kMeetSpan)
	return meetingSpan(d.graph(), n.n)
}

func meetingSpan(s *site.Site, n *site.Node) *Span {
	start, end, ok := site.MeetingBounds(n.Meeting, s.Config.Location)
	if !ok {
		return nil
	}
	return &Span{State: spanState(s.Now, start, end), Start: start, End: end}
}

func spanState(now, start, end time.Time) string {
	switch {
	case now.Before(start):
		return site.StatusUpcoming
	case now.Before(end):
		return site.StatusOpen
	}
	return site.StatusClosed
}
