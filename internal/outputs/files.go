package outputs

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io/fs"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/ical"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/parallel"
	"github.com/pubgen/pubgen/internal/publish"
	"github.com/pubgen/pubgen/internal/site"
	"github.com/pubgen/pubgen/internal/thumb"
)

// ThumbWidth is the width of showcase thumbnails: two columns of a gallery
// on a wide screen, the full width of a 360 px phone at 1.33× density.
const ThumbWidth = 480

// WebSide is the longer side of the copy of a cover or gallery photo a
// page shows: sharp full screen on a 1080p monitor and on any phone,
// where a 4000×3000 phone original (often 4 MB) would take seconds over
// a company's Wi-Fi. WebBytes is the weight above which even a photo
// within that size gets a lighter copy.
const (
	WebSide  = 2000
	WebBytes = 1 << 20
)

// Files holds the outputs made from pages' data instead of a template — a
// calendar file per meeting notice, a thumbnail and web-size copy per
// showcase photo — and what templates need to know about bundle files
// (sizes, photo dimensions), which render reads through Calendar, Thumb and
// Size. It is made once by Prepare and read-only afterwards.
type Files struct {
	Outputs []publish.Entry
	// PhotosMade counts the photos decoded to make their thumbnail and
	// web copy; in a session, unchanged photos are reused, not counted.
	PhotosMade int
	thumbs     map[string]Thumb  // site path of the original → its thumbnail and web copy
	sizes      map[string]int64  // site path of a bundle file → bytes
	cals       map[string]string // page URL → site path of its .ics
}

// Calendar is the site path of the .ics file of the meeting announced by
// the page at url, or "" when it announces none.
func (f *Files) Calendar(url string) string {
	if f == nil {
		return ""
	}
	return f.cals[url]
}

// Thumb is the thumbnail and web copy of the photo file beside the page at
// url, if one was made.
func (f *Files) Thumb(url, file string) (Thumb, bool) {
	if f == nil {
		return Thumb{}, false
	}
	t, ok := f.thumbs[url+file]
	return t, ok
}

// Size is the size in bytes of the attachment file of the page at url, if
// it is known.
func (f *Files) Size(url, file string) (int64, bool) {
	if f == nil {
		return 0, false
	}
	n, ok := f.sizes[url+file]
	return n, ok
}

// Thumb is a photo as a template shows it: its thumbnail for lists and
// galleries, and the copy a page shows, linked to the original.
type Thumb struct {
	URL                   string // site path of the thumbnail
	Width, Height         int
	OrigWidth, OrigHeight int // the original's, upright
	// WebURL is the site path of the copy a page shows: the web-size copy
	// when one was made (Resized), else the original itself.
	WebURL              string
	WebWidth, WebHeight int
	Resized             bool
}

// Prepare makes the calendar files, thumbnails and web-size copies of s
// and records the size of every attachment, reading bundle files from fsys (the site root). A
// photo that is not a readable JPEG or PNG, or has more pixels than
// images.max_megapixels, is an error at its field: publishing it would show
// readers a broken image, and decoding a giant could exhaust the server.
func Prepare(fsys fs.FS, s *site.Site) (*Files, diag.List) { return PrepareWith(fsys, s, nil) }

// PrepareMemo remembers, under the rules of package memo, the thumbnails
// and web copies of each photo file by its bytes, and the calendar file of
// each meeting by its event, so a session of rebuilds scales each photo
// and encodes each meeting once, and forgets those no longer shown. It is
// safe for concurrent use.
type PrepareMemo struct {
	thumbs memo.Table[thumbResult] // by photo file, made from thumbVersion
	byStat memo.Table[photoSeen]   // by photo file
	cals   memo.Table[[]byte]      // by the page's address, made from calVersion
}

// calVersion is an event's version: its fields, with the zone by name,
// since every build loads the configuration, and so the zone, afresh.
// Each time is written as its instant and its zone (name and offset),
// more than the calendar shows of it; the fields are written by hand, not
// encoded by reflection: that encoding was a tenth of the files' stage on
// every rebuild of 10,000 pages. TestCalVersionCoversEveryField fails for
// a field of Event left out.
func calVersion(ev ical.Event) memo.Version {
	b := make([]byte, 0, 256)
	str := func(s string) {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
		b = append(b, s...)
	}
	instant := func(t time.Time) {
		name, offset := t.Zone()
		b = binary.LittleEndian.AppendUint64(b, uint64(t.Unix()))
		b = binary.LittleEndian.AppendUint32(b, uint32(t.Nanosecond()))
		b = binary.LittleEndian.AppendUint32(b, uint32(int32(offset)))
		str(name)
		str(t.Location().String())
	}
	str(ev.UID)
	instant(ev.Stamp)
	instant(ev.Start)
	instant(ev.End)
	if ev.Loc == nil {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		str(ev.Loc.String())
	}
	str(ev.Summary)
	str(ev.Location)
	str(ev.Description)
	str(ev.URL)
	return memo.Sum(b)
}

// calendar returns the calendar file of the page at url, remembered.
func (m *PrepareMemo) calendar(url string, ev ical.Event) []byte {
	if m == nil {
		return ical.Encode(ev)
	}
	v := calVersion(ev)
	if b, ok := m.cals.Get(url, v); ok {
		return b
	}
	b := ical.Encode(ev)
	m.cals.Put(url, v, b)
	return b
}

// thumbVersion is a photo's bytes and the pixel limit it was checked
// against: raising images.max_megapixels in a session must retry refused
// photos.
func thumbVersion(sum [32]byte, maxPixels int) memo.Version {
	return memo.Sum(sum[:], []byte(strconv.Itoa(maxPixels)))
}

type thumbResult struct {
	im  thumb.Photo
	err error
}

// photo returns the thumbnail and web copy of the photo at name. A photo whose stat
// proves it unchanged (memo.Stat) is not even read again.
func (m *PrepareMemo) photo(fsys fs.FS, name string, o thumb.Options, made *atomic.Int64) (thumb.Photo, error) {
	var st memo.Stat
	if m != nil {
		if fi, err := fs.Stat(fsys, name); err == nil {
			st = memo.StatOf(fi)
			if seen, _, ok := m.byStat.Last(name); ok && seen.stat.Proves(st) {
				if r, hit := m.thumbs.Get(name, thumbVersion(seen.sum, o.MaxPixels)); hit {
					return r.im, r.err
				}
			}
		}
	}
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return thumb.Photo{}, msg.Fail(err, msg.PhotoCannotRead, msg.CauseAt(name, err))
	}
	sum := sha256.Sum256(src)
	im, err := m.make(name, sum, src, o, made)
	if m != nil {
		// The stat is the proof here, so the entry's version stays zero.
		m.byStat.Put(name, memo.Version{}, photoSeen{st, sum})
	}
	return im, err
}

// photoSeen is a photo file's stat when it was read, and its bytes' hash.
type photoSeen struct {
	stat memo.Stat
	sum  [32]byte
}

func (m *PrepareMemo) make(name string, sum [32]byte, src []byte, o thumb.Options, made *atomic.Int64) (thumb.Photo, error) {
	if m == nil {
		made.Add(1)
		return thumb.Make(src, o)
	}
	v := thumbVersion(sum, o.MaxPixels)
	r, ok := m.thumbs.Get(name, v)
	if !ok {
		made.Add(1)
		r.im, r.err = thumb.Make(src, o)
		m.thumbs.Put(name, v, r)
	}
	return r.im, r.err
}

// PrepareWith is Prepare with thumbnails remembered in memo (nil: none).
func PrepareWith(fsys fs.FS, s *site.Site, memo *PrepareMemo) (*Files, diag.List) {
	f := &Files{thumbs: map[string]Thumb{}, sizes: map[string]int64{}, cals: map[string]string{}}
	var l diag.List
	for _, n := range s.Pages {
		for _, a := range n.Attachments {
			if fi, err := fs.Stat(fsys, n.BundleDir+"/"+a.File); err == nil {
				f.sizes[n.URL+a.File] = fi.Size()
			}
		}
		if n.Meeting != nil && !n.Meeting.Start.IsZero() {
			p := n.URL + "meeting.ics"
			f.cals[n.URL] = p
			f.Outputs = append(f.Outputs, publish.Entry{Path: p, Data: memo.calendar(n.URL, calendarEvent(s, n))})
		}
	}
	thumbs, tl := f.makeThumbs(fsys, s, memo)
	if memo != nil { // forget photos and meetings no longer shown
		memo.byStat.Sweep()
		memo.thumbs.Sweep()
		memo.cals.Sweep()
	}
	f.Outputs = append(f.Outputs, thumbs...)
	return f, append(l, tl...)
}

// calendarEvent describes a notice's meeting. The UID is the notice's
// address at the site's host, so a rebuilt or corrected notice updates the
// event already in a reader's calendar instead of adding a second one.
func calendarEvent(s *site.Site, n *site.Node) ical.Event {
	m := n.Meeting
	host, abs := "pubgen", ""
	if b := s.Config.BaseURL; b != "" {
		if u, err := url.Parse(b); err == nil && u.Host != "" {
			host = u.Host
		}
		abs = b + n.URL
	}
	var desc []string
	if m.Host != "" {
		desc = append(desc, "主持人："+m.Host)
	}
	if n.Branch != "" {
		desc = append(desc, "支部："+n.Branch)
	}
	if n.Summary != "" {
		desc = append(desc, n.Summary)
	}
	summary := n.Title
	if m.Kind != "" && !strings.Contains(n.Title, m.Kind) {
		summary = m.Kind + "：" + n.Title
	}
	return ical.Event{
		UID: strings.TrimSuffix(n.URL, "/") + "@" + host, Stamp: n.Date,
		Start: m.Start, End: m.End, Loc: s.Config.Location,
		Summary: summary, Location: m.Location, Description: strings.Join(desc, "\n"), URL: abs,
	}
}

// makeThumbs makes the thumbnail and web copy of every showcase photo
// (cover and gallery) on all cores.
func (f *Files) makeThumbs(fsys fs.FS, s *site.Site, memo *PrepareMemo) ([]publish.Entry, diag.List) {
	type job struct {
		n     *site.Node
		file  string
		field string
	}
	var jobs []job
	seen := map[string]bool{}
	for _, n := range s.Pages {
		if !n.Bundle {
			continue
		}
		add := func(file, field string) {
			if file != "" && !seen[n.URL+file] {
				seen[n.URL+file] = true
				jobs = append(jobs, job{n, file, field})
			}
		}
		add(n.Cover, "cover")
		for i, g := range n.Gallery {
			add(g.File, "gallery["+strconv.Itoa(i)+"].file")
		}
	}
	// One budget for all workers: decoding memory follows the pixel
	// limit whatever the number of cores.
	maxPixels := s.Config.Images.MaxPixels()
	o := thumb.Options{MaxWidth: ThumbWidth, WebSide: WebSide, WebBytes: WebBytes, MaxPixels: maxPixels, Budget: thumb.NewBudget(maxPixels)}
	outs := make([][]publish.Entry, len(jobs))
	th := make([]Thumb, len(jobs))
	lists := make([]diag.List, len(jobs))
	var made atomic.Int64
	defer func() { f.PhotosMade = int(made.Load()) }()
	parallel.For(len(jobs), func(i int) {
		j := jobs[i]
		im, err := memo.photo(fsys, j.n.BundleDir+"/"+j.file, o, &made)
		if err != nil {
			lists[i].Error(j.n.Path, j.n.Line(j.field), 0, j.field, msg.FileProblem, j.file, photoText(err))
			return
		}
		p := j.n.URL + photoName("_thumbs/", j.file, im.Thumb.Format)
		outs[i] = []publish.Entry{{Path: p, Data: im.Thumb.Data}}
		th[i] = Thumb{URL: p, Width: im.Thumb.Width, Height: im.Thumb.Height, OrigWidth: im.Width, OrigHeight: im.Height,
			WebURL: j.n.URL + j.file, WebWidth: im.Width, WebHeight: im.Height}
		if w := im.Web; w != nil {
			web := j.n.URL + photoName("_web/", j.file, w.Format)
			outs[i] = append(outs[i], publish.Entry{Path: web, Data: w.Data})
			th[i].WebURL, th[i].WebWidth, th[i].WebHeight, th[i].Resized = web, w.Width, w.Height, true
		}
	})
	var out []publish.Entry
	var l diag.List
	for i, j := range jobs {
		l = append(l, lists[i]...)
		if len(outs[i]) > 0 {
			out = append(out, outs[i]...)
			f.thumbs[j.n.URL+j.file] = th[i]
		}
	}
	return out, l
}

// photoName is where a copy of a photo in format goes, beside the page:
// in a folder of its own (_thumbs/, _web/), so it cannot collide with the
// author's files, under the photo's name, with the format's extension
// added when the name has another.
func photoName(dir, file, format string) string {
	switch e := strings.ToLower(path.Ext(file)); {
	case format == "jpeg" && (e == ".jpg" || e == ".jpeg"), format == "png" && e == ".png":
		return dir + file
	case format == "png":
		return dir + file + ".png"
	}
	return dir + file + ".jpg"
}

// photoText is what is wrong with a photo, in the catalogue's words when
// thumb said it in them.
func photoText(err error) msg.Text {
	if t, ok := msg.TextOf(err); ok {
		return t
	}
	var p *thumb.Problem
	if errors.As(err, &p) {
		return p.Text()
	}
	var big *thumb.TooLargeError
	if errors.As(err, &big) {
		return big.Text()
	}
	return msg.Raw(err.Error())
}
