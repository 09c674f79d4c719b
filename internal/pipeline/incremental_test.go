package pipeline

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/corpus"
	"github.com/pubgen/pubgen/internal/search"
	"github.com/pubgen/pubgen/internal/source"
	"github.com/pubgen/pubgen/internal/watch"
)

var (
	soak     = flag.Int("soak", 0, "run the convergence test for this many edits instead of the short default (also $PUBGEN_SOAK)")
	soakSeed = flag.Uint64("soak-seed", 7, "seed of the convergence test's editor (also $PUBGEN_SOAK_SEED)")
)

// convergenceRun says how many edits the convergence test makes and from
// which seed: a short run by default (CI), a soak when asked for.
func convergenceRun(t *testing.T) (steps int, seed uint64) {
	steps, seed = 16, *soakSeed
	if *soak > 0 {
		steps = *soak
	}
	if v := os.Getenv("PUBGEN_SOAK"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			t.Fatalf("PUBGEN_SOAK=%q: want a number of edits", v)
		}
		steps = n
	}
	if v := os.Getenv("PUBGEN_SOAK_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("PUBGEN_SOAK_SEED=%q: want a number", v)
		}
		seed = n
	}
	return steps, seed
}

// TestConvergence is the guarantee of incremental rebuilds: after any
// sequence of edits of every input kind source lists, seen through the
// real watcher on a real folder, the session's output equals a clean full
// build of the same input byte for byte — search shards included. The
// session is told what the watcher reported (Session.Changed), as serve
// and build --watch tell theirs, so it trusts what it knew of every other
// path. Every build also audits what render keeps unchanged (caches.audit).
// `go test ./internal/pipeline -run Convergence -soak 1000 -soak-seed 3`
// runs a long version.
func TestConvergence(t *testing.T) {
	steps, seed := convergenceRun(t)
	dir := t.TempDir()
	e := newEditor(t, dir, seed)
	e.setUp()
	ix, err := search.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w, err := watch.New(dir, source.InputFolders(), watch.Options{Debounce: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	opts := Options{Now: e.now}
	sess := NewSession(os.DirFS(dir), Options{Now: e.now, Index: ix})
	// Every version render keeps on a page's owner version is also
	// checked against one worked out from scratch: a part of a page
	// missing from the owner version fails the build at once, whether or
	// not this edit shows it in an output.
	sess.caches.audit = true
	if _, _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	t.Logf("seed %d, %d steps", seed, steps)
	for step := 0; step < steps || len(e.sweep) > 0; step++ {
		what := e.random()
		// The clock is an input as the files are: both builds see the
		// editor's.
		opts.Now, sess.opts.Now = e.now, e.now
		e.freshen()
		if !tellBatch(sess, w, 10*time.Second) {
			t.Fatalf("step %d (%s): the watcher reported nothing", step, what)
		}
		if len(e.broken) > 0 {
			// A failed build must fail as a clean one does and leave the
			// session able to build the repaired site.
			sameFailure(t, sess, dir, opts, fmt.Sprintf("step %d (%s; seed %d)", step, what, seed))
			what += ", repaired"
			e.repair()
			if !tellBatch(sess, w, 10*time.Second) {
				t.Fatalf("step %d (%s): the watcher reported nothing", step, what)
			}
		}
		res, got, changed, err := sess.Build()
		if err != nil {
			t.Fatalf("step %d (%s): incremental build: %v", step, what, err)
		}
		full, err := Run(os.DirFS(dir), opts)
		if err != nil {
			t.Fatalf("step %d (%s): full build: %v", step, what, err)
		}
		want, err := full.Files()
		if err != nil {
			t.Fatal(err)
		}
		if diff := compareFiles(want, got); diff != "" {
			t.Fatalf("step %d (%s; seed %d): incremental output differs from a full build: %s", step, what, seed, diff)
		}
		t.Logf("step %3d %-44s %4d templates run, %4d files changed", step, what, res.Report.Rendered, len(changed))
	}
	t.Logf("edits by input: %v", e.counts)
}

// sameFailure builds sess and a clean build of dir, and fails the test
// unless both fail with the same message.
func sameFailure(t *testing.T, sess *Session, dir string, opts Options, what string) {
	t.Helper()
	_, _, _, err := sess.Build()
	_, ferr := Run(os.DirFS(dir), opts)
	switch {
	case ferr == nil:
		t.Fatalf("%s: a clean build of a site broken on purpose succeeded", what)
	case err == nil:
		t.Fatalf("%s: the session built a site a clean build refuses: %v", what, ferr)
	case err.Error() != ferr.Error():
		t.Fatalf("%s: the session and a clean build fail differently:\n%v\n---\n%v", what, err, ferr)
	}
}

// TestConvergenceEditsEveryInput: the editor has edits for every input
// of source's one list, so an input added there is edited here too.
func TestConvergenceEditsEveryInput(t *testing.T) {
	e := newEditor(t, t.TempDir(), 1)
	for _, in := range source.Inputs() {
		if len(e.edits[in.Path]) == 0 {
			t.Errorf("the convergence test's editor never edits %s", in.Path)
		}
	}
	for k := range e.edits {
		if !slices.Contains(source.InputPaths(), k) {
			t.Errorf("the editor edits %s, which is not an input in source.Inputs", k)
		}
	}
}

// tellBatch waits for the watcher's batch and tells the session its
// paths, with those of any batch that follows within a moment: on a
// loaded machine the watcher may hand one edit's changes over in two
// batches, and serve would build after each; here the step's one build
// must know them all.
func tellBatch(sess *Session, w *watch.Watcher, timeout time.Duration) bool {
	select {
	case b := <-w.Batches():
		sess.Changed(b.Paths)
	case <-time.After(timeout):
		return false
	}
	for {
		select {
		case b := <-w.Batches():
			sess.Changed(b.Paths)
		case <-time.After(200 * time.Millisecond):
			return true
		}
	}
}

func compareFiles(want, got map[string][]byte) string {
	var diffs []string
	for p, data := range want {
		g, ok := got[p]
		switch {
		case !ok:
			diffs = append(diffs, "missing "+p)
		case !bytes.Equal(g, data):
			diffs = append(diffs, "differs "+p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diffs = append(diffs, "extra "+p)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 8 {
		diffs = append(diffs[:8], fmt.Sprintf("… %d in all", len(diffs)))
	}
	return strings.Join(diffs, ", ")
}

// editor makes the edits an author or an operator makes, at random but
// reproducibly, to every input of the site. Every file it writes gets an
// explicit modification time: either one well in the past (distinct for
// every write), which the session's stat checks trust, or the present,
// which they must not trust and read again.
type editor struct {
	t      *testing.T
	dir    string
	rnd    *rand.Rand
	n      int
	edits  map[string][]func() string // by input path (source.Inputs)
	bags   map[string][]func() string // the edits of each input still to make this round (next)
	counts map[string]int
	sweep  []string  // inputs still to edit once before edits at random
	past   time.Time // the last trusted modification time given
	stamps int       // files stamped so far, to alternate their times
	// broken are files the last edit made wrong on purpose, with the
	// text that repairs them: both builds must fail alike, then the
	// repair is the next edit.
	broken map[string]string
	// now is the clock the builds are given. Time is an input: statuses,
	// pins and publish_date follow it, and the clock's edits (moveClock)
	// move it about demoNow, where editSchedule and editPin put meetings,
	// publicity periods and pins' ends.
	now time.Time
	// quiet says whether this stretch of edits keeps out the overrides
	// that read .Site.Pages (siteWide), and stretch how many edits it
	// has left. While such an override is in place, every reordering
	// renders every page again, which hides a page kept with a stale
	// neighbour, related list, series, pin or status: a quiet stretch
	// renders pages from their own reads alone.
	quiet   bool
	stretch int
}

// clock is the name under which the editor counts its clock's edits:
// an input, though not a file of source's list.
const clock = "clock"

func newEditor(t *testing.T, dir string, seed uint64) *editor {
	e := &editor{t: t, dir: dir, rnd: rand.New(rand.NewPCG(seed, 11)), counts: map[string]int{}, bags: map[string][]func() string{}, past: time.Now().Add(-48 * time.Hour), now: demoNow}
	e.edits = map[string][]func() string{
		source.ConfigFile:    {e.editPageSize, e.toggleUnsafe, e.editTimezone, e.editCopyright, e.editDescription},
		source.ContentDir:    {e.editBody, e.editBody, e.editBody, e.editTitle, e.editDate, e.editDate, e.editTags, e.editBranch, e.addPage, e.deletePage, e.renamePage, e.addAttachment, e.moveSection, e.editRawHTML, e.addStray, e.toggleBundleLink, e.editIndex, e.editPhoto, e.toggleField, e.editSlug, e.addAlias, e.editPublishDate, e.editSeries, e.editSchedule, e.editSchedule, e.editPin, e.editPin},
		source.LayoutsDir:    {e.overrideSingle, e.overrideFooter, e.overrideSiblings, e.overrideList, e.overrideTitleBlock, e.overrideSectionList, e.removeOverride},
		source.ThemesDir:     {e.editThemePartial, e.editThemeCSS, e.editThemeJS, e.editThemeI18n, e.switchTheme},
		source.StaticDir:     {e.addStatic, e.editStatic, e.deleteStatic},
		source.DataDir:       {e.editData, e.editDataJSON, e.editDataYAML, e.deleteData, e.breakData},
		source.AssetsDir:     {e.addSiteAsset, e.deleteSiteAsset},
		source.I18nDir:       {e.editI18n, e.deleteI18n},
		source.ArchetypesDir: {e.editArchetype},
	}
	return e
}

// setUp writes the starting site: a small corpus, the default theme and a
// second theme to switch to, a page with raw HTML for [markdown] unsafe.
func (e *editor) setUp() {
	if err := corpus.Write(e.dir, corpus.Generate(30, 7)); err != nil {
		e.t.Fatal(err)
	}
	themes := filepath.Join(e.dir, source.ThemesDir)
	if err := os.CopyFS(themes, os.DirFS("../../themes")); err != nil {
		e.t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(themes, "alt"), os.DirFS("../../themes/default")); err != nil {
		e.t.Fatal(err)
	}
	e.rewrite(filepath.Join(themes, "alt/layouts/partials/footer.html"), func(s string) string {
		return strings.Replace(s, "</footer>", "<p>备用主题</p></footer>", 1)
	})
	e.write(filepath.Join(e.dir, "content/notices/raw-html.md"), "---\ntitle: 含有HTML的通知\ndate: 2026-03-03\n---\n正文<span onclick=\"alert(1)\">点我</span>。\n\n<div class=\"note\">说明</div>\n")
	e.rewrite(filepath.Join(e.dir, source.ConfigFile), func(s string) string { return s + "\n[markdown]\nunsafe = true\n" })
	e.editData()
	e.overrideSingle()
	e.stretch = e.stretchLength()
	e.ageAll()
}

// random makes one edit: first an input of source's list, then one of
// its edits, and returns what it did. The first edits (the sweep) go to
// every input once, in a random order, so that even a short run edits
// each kind; the clock is one of them. The sweep also makes each edit of
// a page's place (placeEdits) and then moves the clock once more, past
// the pins and periods they set, so that a short run changes every part
// of a page's owner version that a page's own file does not hold.
// Stretches of edits with overrides reading .Site.Pages alternate with
// quiet ones: the edit that starts a stretch puts them in or takes them
// out (toggleSiteWide).
func (e *editor) random() string {
	e.n++
	if len(e.sweep) == 0 && e.n == 1 {
		place := e.placeEdits()
		e.rnd.Shuffle(len(place), func(i, j int) { place[i], place[j] = place[j], place[i] })
		e.bags[source.ContentDir] = place
		e.sweep = append(source.InputPaths(), clock)
		for range len(place) - 1 {
			e.sweep = append(e.sweep, source.ContentDir)
		}
		e.rnd.Shuffle(len(e.sweep), func(i, j int) { e.sweep[i], e.sweep[j] = e.sweep[j], e.sweep[i] })
		e.sweep = append(e.sweep, clock)
	}
	if e.stretch--; e.stretch <= 0 {
		e.counts[source.LayoutsDir]++
		return e.toggleSiteWide()
	}
	var in string
	switch inputs := source.InputPaths(); {
	case len(e.sweep) > 0:
		in, e.sweep = e.sweep[0], e.sweep[1:]
	case e.rnd.IntN(3) == 0: // authors mostly edit content
		in = source.ContentDir
	case e.rnd.IntN(8) == 0:
		in = clock
	default:
		in = inputs[e.rnd.IntN(len(inputs))]
	}
	e.counts[in]++
	if in == clock {
		return e.moveClock()
	}
	return e.next(in)()
}

// placeEdits are the content edits that move a page in the site or in
// time — its neighbours, related pages, series, status and pin — which an
// unedited page's owner version must follow.
func (e *editor) placeEdits() []func() string {
	return []func() string{e.editDate, e.editTags, e.editSeries, e.editSchedule, e.editPin}
}

// next is the next edit of the input in: its edits in a random order,
// each once, then again in another, so that a rare edit (a series, a pin)
// comes up in every few dozen edits of its input instead of maybe never.
func (e *editor) next(in string) func() string {
	if len(e.bags[in]) == 0 {
		bag := slices.Clone(e.edits[in])
		e.rnd.Shuffle(len(bag), func(i, j int) { bag[i], bag[j] = bag[j], bag[i] })
		e.bags[in] = bag
	}
	edit := e.bags[in][0]
	e.bags[in] = e.bags[in][1:]
	return edit
}

// stretchLength is how many edits the stretch that starts now has: loud
// ones short, since an override reading .Site.Pages renders every page
// again on most edits, quiet ones long.
func (e *editor) stretchLength() int {
	if e.quiet {
		return 8 + e.rnd.IntN(16)
	}
	return 3 + e.rnd.IntN(8)
}

// moveClock sets the builds' clock to an hour within five days of
// demoNow, across the meetings, publicity periods and pins editSchedule
// and editPin put there.
func (e *editor) moveClock() string {
	e.now = demoNow.Add(time.Duration(e.rnd.IntN(241)-120) * time.Hour)
	return "clock: " + e.now.Format("2006-01-02 15:04")
}

// write writes a file and gives it a modification time (see editor).
func (e *editor) write(p, data string) {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		e.t.Fatal(err)
	}
	e.stamp(p)
}

// stamp sets p's modification time, alternating from one write to the
// next: a distinct one in the past, which the session's stat checks trust
// from the next build on, and the present, which they must not trust and
// read again.
func (e *editor) stamp(p string) {
	e.stamps++
	when := time.Now()
	if e.stamps%2 == 1 {
		when = e.nextPast()
	}
	if err := os.Chtimes(p, when, when); err != nil {
		e.t.Fatal(err)
	}
}

func (e *editor) nextPast() time.Time {
	e.past = e.past.Add(time.Second)
	return e.past
}

// ageAll gives every file of the site a distinct time in the past, so the
// first builds already trust unchanged files on their stat.
func (e *editor) ageAll() {
	err := filepath.WalkDir(e.dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		when := e.nextPast()
		return os.Chtimes(p, when, when)
	})
	if err != nil {
		e.t.Fatal(err)
	}
}

// freshen gives one unchanged page the present time, so that every build,
// whatever the edit, also reads again a file its stat cannot vouch for
// and finds it unchanged, while the rest are trusted on their stat.
func (e *editor) freshen() string {
	p := e.pick()
	now := time.Now()
	if err := os.Chtimes(p, now, now); err != nil {
		e.t.Fatal(err)
	}
	return p
}

func (e *editor) rewrite(p string, f func(string) string) {
	b, err := os.ReadFile(p)
	if err != nil {
		e.t.Fatal(err)
	}
	e.write(p, f(string(b)))
}

func (e *editor) remove(p string) {
	if err := os.RemoveAll(p); err != nil {
		e.t.Fatal(err)
	}
}

func (e *editor) path(rel string) string { return filepath.Join(e.dir, filepath.FromSlash(rel)) }

func (e *editor) exists(rel string) bool {
	_, err := os.Stat(e.path(rel))
	return err == nil
}

func (e *editor) pages() []string {
	var out []string
	filepath.WalkDir(e.path(source.ContentDir), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func (e *editor) pick() string {
	ps := e.pages()
	return ps[e.rnd.IntN(len(ps))]
}

func replaceField(src, field, value string) string {
	re := regexp.MustCompile(`(?m)^` + field + `:.*$`)
	if re.MatchString(src) {
		return re.ReplaceAllLiteralString(src, field+": "+value)
	}
	return strings.Replace(src, "\n---\n", "\n"+field+": "+value+"\n---\n", 1)
}

// setTop sets a top-level key of pubgen.toml, which must come before the
// first table.
func (e *editor) setTop(key, value string) {
	e.rewrite(e.path(source.ConfigFile), func(s string) string {
		return key + " = " + value + "\n" + regexp.MustCompile(`(?m)^`+key+` = .*\n`).ReplaceAllString(s, "")
	})
}

// pubgen.toml

func (e *editor) editPageSize() string {
	e.setTop("page_size", strconv.Itoa(2+e.rnd.IntN(6)))
	return "config: page_size"
}

func (e *editor) toggleUnsafe() string {
	var now string
	e.rewrite(e.path(source.ConfigFile), func(s string) string {
		now = "false"
		if strings.Contains(s, "unsafe = false") {
			now = "true"
		}
		return regexp.MustCompile(`(?m)^unsafe = .*$`).ReplaceAllString(s, "unsafe = "+now)
	})
	return "config: markdown.unsafe = " + now
}

// editCopyright changes a setting the footer prints; editDescription one
// no template of the theme prints.
func (e *editor) editCopyright() string {
	e.setTop("copyright", strconv.Quote(fmt.Sprintf("党建工作部·%d", e.n)))
	return "config: copyright"
}

func (e *editor) editDescription() string {
	e.setTop("description", strconv.Quote(fmt.Sprintf("党建门户%d", e.n)))
	return "config: description"
}

func (e *editor) editTimezone() string {
	zones := []string{"Asia/Shanghai", "Asia/Urumqi", "UTC", "Asia/Tokyo"}
	z := zones[e.rnd.IntN(len(zones))]
	e.setTop("timezone", strconv.Quote(z))
	return "config: timezone " + z
}

// content/

func (e *editor) editBody() string {
	e.rewrite(e.pick(), func(s string) string { return s + fmt.Sprintf("\n第%d次修改：补充说明一段文字。\n", e.n) })
	return "content: edit body"
}

func (e *editor) editTitle() string {
	e.rewrite(e.pick(), func(s string) string {
		return replaceField(s, "title", fmt.Sprintf("%q", fmt.Sprintf("修改后的标题%d", e.n)))
	})
	return "content: edit title"
}

func (e *editor) editDate() string {
	e.rewrite(e.pick(), func(s string) string {
		return replaceField(s, "date", fmt.Sprintf("2025-%02d-%02d", 1+e.rnd.IntN(12), 1+e.rnd.IntN(28)))
	})
	return "content: edit date"
}

func (e *editor) editTags() string {
	e.rewrite(e.pick(), func(s string) string {
		return replaceField(s, "tags", fmt.Sprintf("[标签%d, 三会一课]", e.rnd.IntN(4)))
	})
	return "content: edit tags"
}

func (e *editor) editBranch() string {
	branches := corpus.Branches()
	e.rewrite(e.pick(), func(s string) string { return replaceField(s, "branch", branches[e.rnd.IntN(len(branches))].Name) })
	return "content: edit branch"
}

func (e *editor) addPage() string {
	e.write(e.path(fmt.Sprintf("content/study/new-%d.md", e.n)), fmt.Sprintf("---\ntitle: 新增学习资料%d\ndate: 2026-0%d-10\ntags: [新增]\n---\n## 要点\n\n新增的正文。\n", e.n, 1+e.rnd.IntN(9)))
	return "content: add page"
}

func (e *editor) deletePage() string {
	ps := e.pages()
	if len(ps) < 10 {
		return e.addPage()
	}
	p := ps[e.rnd.IntN(len(ps))]
	if strings.HasSuffix(p, "index.md") {
		p = filepath.Dir(p)
	}
	e.remove(p)
	return "content: delete page"
}

func (e *editor) renamePage() string {
	p := e.pick()
	if strings.HasSuffix(p, "index.md") {
		return e.editBody()
	}
	if err := os.Rename(p, strings.TrimSuffix(p, ".md")+fmt.Sprintf("-renamed%d.md", e.n)); err != nil {
		e.t.Fatal(err)
	}
	return "content: rename page"
}

func (e *editor) addAttachment() string {
	bundles, _ := filepath.Glob(e.path("content/showcases/*/index.md"))
	if len(bundles) == 0 {
		return e.editBody()
	}
	p := bundles[e.rnd.IntN(len(bundles))]
	name := fmt.Sprintf("att-%d.pdf", e.n)
	e.write(filepath.Join(filepath.Dir(p), name), fmt.Sprintf("%%PDF-1.4 %d", e.n))
	e.rewrite(p, func(s string) string { return replaceField(s, "attachments", "[{file: "+name+", title: 附件}]") })
	return "content: add attachment"
}

// addStray leaves a file that nothing refers to in a bundle, as authors
// do with drafts: it must stay out of public/ until a page links it.
func (e *editor) addStray() string {
	bundles, _ := filepath.Glob(e.path("content/showcases/*/index.md"))
	if len(bundles) == 0 {
		return e.editBody()
	}
	p := bundles[e.rnd.IntN(len(bundles))]
	e.write(filepath.Join(filepath.Dir(p), fmt.Sprintf("草稿 %d.docx", e.n)), fmt.Sprintf("草稿%d", e.n))
	return "content: add unlinked bundle file"
}

// toggleBundleLink links a stray file from its page's text, or removes
// that link again, which publishes the file and takes it out again.
func (e *editor) toggleBundleLink() string {
	strays, _ := filepath.Glob(e.path("content/showcases/*/草稿 *.docx"))
	if len(strays) == 0 {
		return e.addStray()
	}
	f := strays[e.rnd.IntN(len(strays))]
	link := "\n[草稿](<./" + filepath.Base(f) + "#第一页>)\n"
	linked := false
	e.rewrite(filepath.Join(filepath.Dir(f), "index.md"), func(s string) string {
		if linked = !strings.Contains(s, link); linked {
			return s + link
		}
		return strings.Replace(s, link, "", 1)
	})
	if linked {
		return "content: link a bundle file"
	}
	return "content: unlink a bundle file"
}

func (e *editor) moveSection() string {
	added, _ := filepath.Glob(e.path("content/study/new-*.md"))
	if len(added) == 0 {
		return e.addPage()
	}
	p := added[e.rnd.IntN(len(added))]
	if err := os.Rename(p, e.path("content/notices/"+filepath.Base(p))); err != nil {
		e.t.Fatal(err)
	}
	return "content: move to another section"
}

// toggleField sets or clears a flag an author flips: a draft leaves the
// site and comes back, a pin moves a page to the top of its lists.
func (e *editor) toggleField() string {
	field := []string{"draft", "pinned"}[e.rnd.IntN(2)]
	p := e.pick()
	on := false
	e.rewrite(p, func(s string) string {
		line := "\n" + field + ": true\n"
		if on = !strings.Contains(s, line); on {
			return strings.Replace(s, "\n---\n", line+"---\n", 1)
		}
		// An end without a pin is refused (editPin sets both).
		s = regexp.MustCompile(`(?m)^`+field+`_until:.*\n`).ReplaceAllString(s, "")
		return strings.Replace(s, line, "\n", 1)
	})
	return fmt.Sprintf("content: %s %v", field, on)
}

// editSlug gives a page another address: every list, neighbour and
// related list linking it follows.
func (e *editor) editSlug() string {
	e.rewrite(e.pick(), func(s string) string { return replaceField(s, "slug", fmt.Sprintf("page-%d", e.n)) })
	return "content: edit slug"
}

func (e *editor) addAlias() string {
	e.rewrite(e.pick(), func(s string) string { return replaceField(s, "aliases", fmt.Sprintf("[/old/page-%d/]", e.n)) })
	return "content: set aliases"
}

// editPublishDate schedules a page after the build's day, which hides it,
// or before, which shows it.
func (e *editor) editPublishDate() string {
	when := e.now.AddDate(0, 0, -3-e.rnd.IntN(30))
	if e.rnd.IntN(2) == 0 {
		when = e.now.AddDate(0, 0, 1+e.rnd.IntN(30))
	}
	e.rewrite(e.pick(), func(s string) string { return replaceField(s, "publish_date", when.Format("2006-01-02")) })
	return "content: publish_date " + when.Format("2006-01-02")
}

// editSeries puts a study page into a series, at a random place, or
// moves it within one: the other pages of the series get a new series
// navigation though nothing of theirs changed.
func (e *editor) editSeries() string {
	// Not a page addPage made: moveSection moves those to the notices,
	// where a series is refused.
	ps, _ := filepath.Glob(e.path("content/study/s-*.md"))
	if len(ps) == 0 {
		return e.addPage()
	}
	p := ps[e.rnd.IntN(len(ps))]
	// Always another series than the page's, so that both series' other
	// pages get a new navigation.
	series := "青年员工入党辅导"
	if b, _ := os.ReadFile(p); strings.Contains(string(b), "\nseries: "+series+"\n") {
		series = "廉洁从业警示教育"
	}
	e.rewrite(p, func(s string) string {
		return replaceField(replaceField(s, "series", series), "order", strconv.Itoa(1+e.rnd.IntN(8)))
	})
	return "content: series " + series
}

// editSchedule moves a meeting or a publicity period to within a few
// days of demoNow, where the clock's edits move about: the page's status
// then changes with the clock alone.
func (e *editor) editSchedule() string {
	start := demoNow.Add(time.Duration(e.rnd.IntN(145)-96) * time.Hour).Truncate(time.Hour)
	if e.rnd.IntN(2) == 0 {
		ps, _ := filepath.Glob(e.path("content/disclosures/*.md"))
		re := regexp.MustCompile(`(?m)^publicity:\n  start: .*\n  end: .*$`)
		if p := e.pickMatching(ps, re); p != "" {
			end := start.AddDate(0, 0, e.rnd.IntN(4))
			e.rewrite(p, func(s string) string {
				return re.ReplaceAllLiteralString(s, "publicity:\n  start: "+start.Format("2006-01-02")+"\n  end: "+end.Format("2006-01-02"))
			})
			return "content: publicity " + start.Format("01-02") + "–" + end.Format("01-02")
		}
	}
	ps, _ := filepath.Glob(e.path("content/notices/*.md"))
	re := regexp.MustCompile(`(?m)^(meeting:\n  kind: .*\n)  start: .*\n  end: .*$`)
	p := e.pickMatching(ps, re)
	if p == "" {
		return e.editBody()
	}
	end := start.Add(time.Duration(1+e.rnd.IntN(30)) * time.Hour)
	e.rewrite(p, func(s string) string {
		return re.ReplaceAllString(s, "${1}  start: "+start.Format("2006-01-02 15:04")+"\n  end: "+end.Format("2006-01-02 15:04"))
	})
	return "content: meeting " + start.Format("01-02 15:04")
}

// pickMatching is one of the files ps whose text re matches, or "".
func (e *editor) pickMatching(ps []string, re *regexp.Regexp) string {
	var match []string
	for _, p := range ps {
		if b, err := os.ReadFile(p); err == nil && re.Match(b) {
			match = append(match, p)
		}
	}
	if len(match) == 0 {
		return ""
	}
	return match[e.rnd.IntN(len(match))]
}

// editPin pins a page until a day near demoNow and makes it the newest
// page, so that lists show it first pinned or not: when the clock passes
// the pin's end, only its badge and its place on no list change.
func (e *editor) editPin() string {
	until := demoNow.AddDate(0, 0, e.rnd.IntN(9)-4).Format("2006-01-02")
	// A study page or a showcase: a notice's pin ends with its meeting,
	// a disclosure's with its publicity, mostly long before demoNow.
	ps, _ := filepath.Glob(e.path("content/study/*.md"))
	bundles, _ := filepath.Glob(e.path("content/showcases/*/index.md"))
	ps = slices.DeleteFunc(append(ps, bundles...), func(p string) bool { return strings.HasSuffix(p, "_index.md") })
	if len(ps) == 0 {
		return e.addPage()
	}
	e.rewrite(ps[e.rnd.IntN(len(ps))], func(s string) string {
		s = replaceField(s, "date", fmt.Sprintf("2027-01-%02d", 1+e.rnd.IntN(28)))
		return replaceField(replaceField(s, "pinned", "true"), "pinned_until", until)
	})
	return "content: pinned until " + until
}

// editPhoto paints a showcase's cover again, sometimes at another size:
// its thumbnail, and the width and height the page gives it, follow.
func (e *editor) editPhoto() string {
	covers, _ := filepath.Glob(e.path("content/showcases/*/cover.png"))
	if len(covers) == 0 {
		return e.editBody()
	}
	p := covers[e.rnd.IntN(len(covers))]
	w, h := 4, 4
	if e.rnd.IntN(2) == 0 {
		w, h = 6+e.rnd.IntN(40), 3+e.rnd.IntN(30)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	c := color.RGBA{uint8(e.n), uint8(e.rnd.IntN(256)), 0x1c, 0xff}
	for y := range h {
		for x := range w {
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		e.t.Fatal(err)
	}
	e.write(p, b.String())
	return fmt.Sprintf("content: repaint a cover %dx%d", w, h)
}

// editIndex edits the home page's or a section's _index.md: the title a
// navigation shows, the summary every page's base prints for the home.
func (e *editor) editIndex() string {
	idx := []string{"content/_index.md", "content/study/_index.md", "content/notices/_index.md"}
	rel := idx[e.rnd.IntN(len(idx))]
	if !e.exists(rel) {
		e.write(e.path(rel), "---\ntitle: 栏目\n---\n")
	}
	e.rewrite(e.path(rel), func(s string) string {
		if e.rnd.IntN(2) == 0 {
			s = replaceField(s, "summary", fmt.Sprintf("简介%d", e.n))
		} else {
			s = replaceField(s, "title", fmt.Sprintf("栏目标题%d", e.n))
		}
		return s + fmt.Sprintf("\n第%d次修改。\n", e.n)
	})
	return "content: edit " + rel
}

func (e *editor) editRawHTML() string {
	e.write(e.path("content/notices/raw-html.md"), fmt.Sprintf("---\ntitle: 含有HTML的通知\ndate: 2026-03-03\n---\n正文<span onclick=\"alert(%d)\">点我</span>。\n", e.n))
	return "content: edit raw HTML"
}

// layouts/: the site's own overrides, reading what the theme never reads.

func (e *editor) overrideSingle() string {
	if e.quiet {
		return e.overrideTitleBlock()
	}
	e.write(e.path("layouts/_default/single.html"), fmt.Sprintf(`{{ define "main" }}<article><h1>{{ .Page.Title }}</h1>{{ .Page.Content }}<ol class="all-%d">{{ range .Site.Pages }}<li><a href="{{ $.Link . }}">{{ .Title }}</a> {{ cnDate .Date }} {{ truncate 40 .PlainText }}</li>{{ end }}</ol><ul class="branches">{{ range .Site.Data.branches.branch }}<li>{{ .name }}：{{ .members }}人</li>{{ end }}</ul></article>{{ end }}`, e.n))
	return "layouts: single.html ranging .Site.Pages and .Site.Data"
}

func (e *editor) overrideFooter() string {
	if e.quiet {
		return e.overrideTitleBlock()
	}
	e.write(e.path("layouts/partials/footer.html"), fmt.Sprintf(`<footer class="site-footer"><p>共{{ len .Site.Pages }}篇·{{ with .Site.Section "study" }}{{ range .Pages }}{{ .Title }}、{{ end }}{{ end }}·%d</p><p>{{ with .Site.Data.org }}{{ .contacts.office }} {{ .contacts.phone }} {{ range .contacts.rooms }}{{ . }} {{ end }}{{ end }}{{ range .Site.Data.rules.meetings }}{{ .kind }}{{ range .who }}{{ . }}{{ end }}{{ end }}</p></footer>`, e.n))
	return "layouts: footer.html listing study titles and .Site.Data"
}

// overrideSiblings reads past what the fingerprints hash for a study
// page (render's reach): its section's other pages, a neighbour's text.
func (e *editor) overrideSiblings() string {
	e.write(e.path("layouts/study/single.html"), fmt.Sprintf(`{{ define "main" }}<article><h1>{{ .Page.Title }}</h1>{{ .Page.Content }}<ul class="siblings-%d">{{ range .Page.Parent.Pages }}<li>{{ .Title }} {{ .Page.Summary }}</li>{{ end }}</ul>{{ with .Page.Next }}<aside>{{ truncate 30 .PlainText }}</aside>{{ end }}{{ template "partials/series-nav.html" . }}</article>{{ end }}`, e.n))
	return "layouts: study/single.html listing siblings"
}

// overrideList shows the text of every listed page and the whole list of
// a term, where the theme shows titles and a count.
func (e *editor) overrideList() string {
	e.write(e.path("layouts/_default/term.html"), fmt.Sprintf(`{{ define "main" }}<h1>{{ .Term.Name }}·%d</h1>{{ range .Term.Pages }}<p>{{ .Title }}</p>{{ end }}{{ range .Pager.Pages }}<div>{{ .Content }}</div>{{ end }}{{ end }}`, e.n))
	return "layouts: _default/term.html with bodies"
}

// overrideTitleBlock redefines the base's "title" block from a partial
// file of the site's own: every layout that does not define its own title
// takes it, though neither the base nor those layouts changed.
func (e *editor) overrideTitleBlock() string {
	e.write(e.path("layouts/partials/zz-title.html"), fmt.Sprintf(`{{ define "title" }}{{ .Title }}·%d·{{ .Site.Config.Description }}{{ end }}`, e.n))
	return "layouts: partial redefining the title block"
}

// overrideSectionList reads, on a section's list pages, what the theme
// never shows there: each listed page's summary, text and neighbour,
// settings and strings.
func (e *editor) overrideSectionList() string {
	e.write(e.path("layouts/_default/list.html"), fmt.Sprintf(`{{ define "main" }}<h1>{{ .Title }}·%d</h1><p>{{ .Site.Config.Copyright }} {{ T "more" }}</p>{{ range .Pager.Pages }}<div>{{ .Summary }}{{ truncate 20 .PlainText }}{{ with .Next }}→{{ .Title }}{{ end }}{{ with .Parent }}{{ .Index.Title }}{{ len .Pages }}{{ end }}</div>{{ end }}{{ end }}`, e.n))
	return "layouts: _default/list.html with summaries and neighbours"
}

// siteWide are the overrides that read .Site.Pages: with one in place,
// every page shows every other, so a reordering or a title edit renders
// them all again.
var siteWide = []string{"layouts/_default/single.html", "layouts/partials/footer.html"}

// toggleSiteWide starts the next stretch of edits: a quiet one without
// the overrides reading .Site.Pages, or one with them again.
func (e *editor) toggleSiteWide() string {
	e.quiet = !e.quiet
	e.stretch = e.stretchLength()
	if !e.quiet {
		return e.overrideSingle() + " (stretch with .Site.Pages)"
	}
	removed := false
	for _, rel := range siteWide {
		if e.exists(rel) {
			e.remove(e.path(rel))
			removed = true
		}
	}
	if !removed {
		// Nothing to take out: the stretch still starts with an edit.
		return e.overrideTitleBlock() + " (quiet stretch)"
	}
	return "layouts: quiet stretch: remove overrides reading .Site.Pages"
}

func (e *editor) removeOverride() string {
	for _, rel := range []string{"layouts/_default/single.html", "layouts/partials/footer.html", "layouts/study/single.html", "layouts/_default/term.html", "layouts/partials/zz-title.html", "layouts/_default/list.html"} {
		if e.exists(rel) {
			e.remove(e.path(rel))
			return "layouts: remove " + rel
		}
	}
	return e.overrideSingle()
}

// themes/

func (e *editor) editThemePartial() string {
	e.rewrite(e.path("themes/default/layouts/partials/footer.html"), func(s string) string {
		return regexp.MustCompile(`(<p>[^<]*)(</p>)`).ReplaceAllString(s, fmt.Sprintf("${1}·%d${2}", e.n))
	})
	return "themes: edit partial"
}

func (e *editor) editThemeCSS() string {
	e.rewrite(e.path("themes/default/assets/style.css"), func(s string) string { return s + fmt.Sprintf("\n.step-%d{color:#b71c1c}\n", e.n) })
	return "themes: edit style.css"
}

func (e *editor) editThemeJS() string {
	e.rewrite(e.path("themes/default/assets/status.js"), func(s string) string { return s + fmt.Sprintf("\nwindow.pubgenStep = %d;\n", e.n) })
	return "themes: edit status.js"
}

func (e *editor) editThemeI18n() string {
	e.rewrite(e.path("themes/default/i18n/zh-CN.toml"), func(s string) string {
		return regexp.MustCompile(`(?m)^search = .*$`).ReplaceAllString(s, fmt.Sprintf("search = \"搜索%d\"", e.n))
	})
	return "themes: edit i18n/zh-CN.toml"
}

func (e *editor) switchTheme() string {
	theme := "alt"
	if b, _ := os.ReadFile(e.path(source.ConfigFile)); strings.Contains(string(b), `theme = "alt"`) {
		theme = "default"
	}
	e.setTop("theme", strconv.Quote(theme))
	return "themes: switch to " + theme
}

// static/

func (e *editor) staticFiles() []string {
	ps, _ := filepath.Glob(e.path("static/files/*.txt"))
	return ps
}

func (e *editor) addStatic() string {
	e.write(e.path(fmt.Sprintf("static/files/f-%d.txt", e.n)), fmt.Sprintf("静态文件%d\n", e.n))
	return "static: add"
}

// editStatic keeps the size, so that only the modification time tells.
func (e *editor) editStatic() string {
	fs := e.staticFiles()
	if len(fs) == 0 {
		return e.addStatic()
	}
	p := fs[e.rnd.IntN(len(fs))]
	e.write(p, fmt.Sprintf("静态文件%0*d\n", len(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(p), "f-"), ".txt")), e.n%10))
	return "static: edit (same size)"
}

func (e *editor) deleteStatic() string {
	fs := e.staticFiles()
	if len(fs) == 0 {
		return e.addStatic()
	}
	e.remove(fs[e.rnd.IntN(len(fs))])
	return "static: delete"
}

// data/: the layout overrides read .Site.Data, so data edits show.

func (e *editor) editData() string {
	e.write(e.path("data/branches.toml"), fmt.Sprintf("# 第%d次修改\n[[branch]]\nname = \"机关第一党支部\"\nmembers = %d\n\n[[branch]]\nname = \"生产党支部\"\nmembers = %d\n", e.n, 10+e.rnd.IntN(30), 5+e.rnd.IntN(9)))
	return "data: edit branches.toml"
}

func (e *editor) editDataJSON() string {
	e.write(e.path("data/org/contacts.json"), fmt.Sprintf(`{"office": "党委办公室%d", "phone": "0571-8765 %04d", "rooms": [101, %d]}`, e.n, e.rnd.IntN(10000), 200+e.n))
	return "data: edit org/contacts.json"
}

// editDataYAML writes a file with an anchor and aliases, as authors
// repeat a group of people.
func (e *editor) editDataYAML() string {
	e.write(e.path("data/rules.yaml"), fmt.Sprintf("committee: &c [书记, 副书记, 委员%d]\nmeetings:\n  - {kind: 支委会, who: *c}\n  - {kind: 党小组会, who: *c, each: %d}\n", e.n, 1+e.rnd.IntN(3)))
	return "data: edit rules.yaml (aliases)"
}

func (e *editor) dataFiles() []string {
	var out []string
	filepath.WalkDir(e.path(source.DataDir), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func (e *editor) deleteData() string {
	fs := e.dataFiles()
	if len(fs) == 0 {
		return e.editDataYAML()
	}
	p := fs[e.rnd.IntN(len(fs))]
	e.remove(p)
	rel, _ := filepath.Rel(e.dir, p)
	return "data: delete " + filepath.ToSlash(rel)
}

// breakData makes a data file wrong, in one of the ways each format can
// be: both builds must refuse it alike, and the repair must build.
func (e *editor) breakData() string {
	bad := []struct{ file, text string }{
		{"data/branches.toml", "[[branch]]\nname = \n"},
		{"data/org/contacts.json", `{"office": "党委办公室",}`},
		{"data/rules.yaml", "committee: &c [书记, *c]\n"},
		{"data/branches/extra.toml", "x = 1\n"}, // beside branches.toml: one name, two files
	}
	b := bad[e.rnd.IntN(len(bad))]
	p := e.path(b.file)
	old, err := os.ReadFile(p)
	e.broken = map[string]string{p: string(old)}
	if err != nil {
		e.broken[p] = "" // the repair removes it
	}
	if b.file == "data/branches/extra.toml" && !e.exists("data/branches.toml") {
		e.editData()
	}
	e.write(p, b.text)
	return "data: break " + b.file
}

// repair undoes breakData.
func (e *editor) repair() {
	for p, text := range e.broken {
		if text == "" {
			e.remove(p)
			os.Remove(filepath.Dir(p)) // data/branches/, when it was made for the break
			continue
		}
		e.write(p, text)
	}
	e.broken = nil
}

// assets/, i18n/, archetypes/

func (e *editor) addSiteAsset() string {
	e.write(e.path("assets/site.css"), fmt.Sprintf(".site-%d{margin:0}\n", e.n))
	return "assets: write site.css"
}

func (e *editor) deleteSiteAsset() string {
	if !e.exists("assets/site.css") {
		return e.addSiteAsset()
	}
	e.remove(e.path("assets/site.css"))
	return "assets: delete site.css"
}

func (e *editor) editI18n() string {
	e.write(e.path("i18n/zh-CN.toml"), fmt.Sprintf("home = \"首页%d\"\narchive = \"归档%d\"\n", e.n, e.n))
	return "i18n: override strings"
}

func (e *editor) deleteI18n() string {
	if !e.exists("i18n/zh-CN.toml") {
		return e.editI18n()
	}
	e.remove(e.path("i18n/zh-CN.toml"))
	return "i18n: delete override"
}

func (e *editor) editArchetype() string {
	e.write(e.path("archetypes/notice.md"), fmt.Sprintf("---\ntitle: \"{{ .Title }}\"\ndate: {{ .Date }}\n---\n第%d版模板。\n", e.n))
	return "archetypes: edit notice.md"
}

// TestRenderCount counts the work of a rebuild in a 1,000-page site: a body
// edit runs the page's own template and nothing else; a title edit also
// runs the templates of the lists and pages that show the title, and no
// more than a small share of the site; a partial's edit runs the templates
// of the pages that call it.
func TestRenderCount(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Generate(1000, 3)); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "themes"), os.DirFS("../../themes")); err != nil {
		t.Fatal(err)
	}
	sess := NewSession(os.DirFS(dir), Options{Now: demoNow, NoSearch: true})
	first, _, _, err := sess.Build()
	if err != nil {
		t.Fatal(err)
	}
	total := first.Report.Rendered
	target := filepath.Join(dir, "content", "study", "s-00001.md")
	if _, err := os.Stat(target); err != nil {
		t.Fatal(err)
	}
	edit := func(f func(string) string) (*Result, []string) {
		b, err := os.ReadFile(target)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, []byte(f(string(b))), 0o644); err != nil {
			t.Fatal(err)
		}
		res, _, changed, err := sess.Build()
		if err != nil {
			t.Fatal(err)
		}
		return res, changed
	}
	// Same length of text, so the reading time shown in lists stays put.
	res, changed := edit(func(s string) string { return strings.Replace(s, "。", "！", 1) })
	if res.Report.Rendered != 1 {
		t.Errorf("body edit: %d templates run, want 1 (the page itself)", res.Report.Rendered)
	}
	if len(changed) != 1 || changed[0] != "study/s-00001/index.html" {
		t.Errorf("body edit changed %v, want only the page", changed)
	}
	// The minify stage runs on the one page that changed; every other
	// output, rendered again or not, holds the bytes it held.
	if n := sess.caches.mem().Minified().Ran(); n != 1 {
		t.Errorf("body edit: %d files minified, want 1 (the page itself)", n)
	}

	res, changed = edit(func(s string) string { return replaceField(s, "title", `"改过的标题"`) })
	html := 0
	for _, c := range changed {
		if strings.HasSuffix(c, ".html") {
			html++
		}
	}
	if res.Report.Rendered < html {
		t.Errorf("title edit: %d templates run but %d pages changed", res.Report.Rendered, html)
	}
	if res.Report.Rendered > total/20 {
		t.Errorf("title edit: %d of %d templates run; want only the pages that show the title", res.Report.Rendered, total)
	}
	titleRan := res.Report.Rendered

	// A partial only study pages call: its edit runs their templates and
	// no other, and changes each of them.
	partial := filepath.Join(dir, "themes/default/layouts/partials/study.html")
	b, err := os.ReadFile(partial)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(partial, append(b, "<p class=\"study-note\">改</p>"...), 0o644); err != nil {
		t.Fatal(err)
	}
	res, _, changed, err = sess.Build()
	if err != nil {
		t.Fatal(err)
	}
	study := 0
	for _, n := range res.Site.Pages {
		if n.Type == "study" {
			study++
		}
	}
	if res.Report.Rendered != study || len(changed) != study {
		t.Errorf("edit of partials/study.html: %d templates run, %d files changed; want the %d study pages", res.Report.Rendered, len(changed), study)
	}
	t.Logf("of %d templates: body edit ran 1, title edit ran %d (%d pages changed), study partial edit ran %d", total, titleRan, html, res.Report.Rendered)
}

// TestRebuildTermCount is the case the long convergence run found: a date
// edit moves a page into a year beyond the first list page, so page 1
// lists the same pages but shows a new count.
func TestRebuildTermCount(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"pubgen.toml":          "title = \"t\"\npage_size = 2\n",
		"content/notices/a.md": "---\ntitle: 甲\ndate: 2026-05-01\n---\n",
		"content/notices/b.md": "---\ntitle: 乙\ndate: 2026-04-01\n---\n",
		"content/notices/c.md": "---\ntitle: 丙\ndate: 2026-03-01\n---\n",
		"content/notices/d.md": "---\ntitle: 丁\ndate: 2025-03-01\n---\n",
		"content/notices/e.md": "---\ntitle: 戊\ndate: 2025-02-01\n---\n", // 2025 stays a year
	}
	for p, data := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte(data), 0o644)
	}
	if err := os.CopyFS(filepath.Join(dir, "themes"), os.DirFS("../../themes")); err != nil {
		t.Fatal(err)
	}
	opts := Options{Now: demoNow, NoSearch: true}
	sess := NewSession(os.DirFS(dir), opts)
	if _, _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "content/notices/d.md"), []byte("---\ntitle: 丁\ndate: 2026-01-01\n---\n"), 0o644)
	_, got, _, err := sess.Build()
	if err != nil {
		t.Fatal(err)
	}
	full, err := Run(os.DirFS(dir), opts)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := full.Files()
	if diff := compareFiles(want, got); diff != "" {
		t.Errorf("after moving a page into 2026: %s", diff)
	}
}

// TestRebuildFollowsTheClock: the dev server builds with the wall clock, so
// a rebuild with nothing edited must still follow statuses that changed
// with time — a meeting that started, a publicity period that ended.
func TestRebuildFollowsTheClock(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"pubgen.toml":              "title = \"t\"\n",
		"content/notices/m.md":     "---\ntitle: 支委会\ndate: 2026-11-20\nmeeting: {kind: 支委会, start: 2026-11-26 10:00, end: 2026-11-26 11:00}\n---\n",
		"content/disclosures/d.md": "---\ntitle: 公示\ndate: 2026-11-20\npublicity: {start: 2026-11-20, end: 2026-11-26}\ncontact: {phone: 0571-8765 0000}\nreview: {proposed_by: 支部委员会, reviewed_by: 党委办公室, approved_by: 集团党委, approved_on: 2026-11-19}\n---\n",
		"content/notices/other.md": "---\ntitle: 其他通知\ndate: 2026-11-01\n---\n",
	}
	for p, data := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte(data), 0o644)
	}
	if err := os.CopyFS(filepath.Join(dir, "themes"), os.DirFS("../../themes")); err != nil {
		t.Fatal(err)
	}
	shanghai, _ := time.LoadLocation("Asia/Shanghai")
	sess := NewSession(os.DirFS(dir), Options{NoSearch: true})
	for _, now := range []time.Time{
		time.Date(2026, 11, 26, 9, 30, 0, 0, shanghai),  // the meeting is ahead
		time.Date(2026, 11, 26, 10, 30, 0, 0, shanghai), // the same day: it is on
		time.Date(2026, 11, 26, 11, 30, 0, 0, shanghai), // over
		time.Date(2026, 11, 27, 9, 0, 0, 0, shanghai),   // the publicity has ended too
	} {
		sess.opts.Now = now
		_, got, _, err := sess.Build()
		if err != nil {
			t.Fatal(err)
		}
		full, err := Run(os.DirFS(dir), Options{NoSearch: true, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := full.Files()
		if diff := compareFiles(want, got); diff != "" {
			t.Errorf("at %v: %s", now, diff)
		}
	}
}
