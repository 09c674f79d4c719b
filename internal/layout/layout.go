package layout

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/pelletier/go-toml/v2"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/source"
)

// Layouts is the parsed template set of a site. It is read-only after Load
// and safe for concurrent Execute calls.
type Layouts struct {
	sets    map[string]*template.Template // layout name (relative to layouts/) → its template set
	entry   map[string]string             // layout name → template to execute
	sources map[string]string             // layout name → file it came from
	Strings map[string]string             // i18n strings of the site language
	Theme   string
	// AssetDirs are the folders holding the theme's assets, site first.
	AssetDirs []string
	// Hash identifies the template sources and strings: two Layouts with
	// the same Hash render the same data to the same bytes.
	Hash [32]byte

	// defs are, for each layout, the version of each template its set
	// holds: the file it was read from and its text (TemplateVersion).
	defs map[string]map[string][32]byte
	// base is the instance Execute uses, made on first use.
	base     *Instance
	baseOnce sync.Once
	baseErr  error
}

// UsedFunc is the function each template calls first, with its own name:
// an Instance given a function of that name learns every template an
// execution enters, so a renderer can record which templates an output
// used (see TemplateVersion). Load's own is a no-op.
const UsedFunc = "_pubgen_used"

// Load reads the templates of theme from fsys (the site root). funcs are
// added to every template, next to the i18n function T.
func Load(fsys fs.FS, theme, lang string, funcs template.FuncMap) (*Layouts, error) {
	themeDir := source.ThemeDir(theme)
	if fi, err := fs.Stat(fsys, themeDir+"/layouts"); err != nil || !fi.IsDir() {
		return nil, problem(source.ConfigFile, 0, 0, "theme", msg.ThemeMissing, theme, themeDir)
	}
	files, err := layoutFiles(fsys, themeDir)
	if err != nil {
		return nil, err
	}
	l := &Layouts{sets: map[string]*template.Template{}, entry: map[string]string{}, sources: files, Theme: theme,
		AssetDirs: []string{source.AssetsDir, themeDir + "/" + source.AssetsDir}}
	if l.Strings, err = loadStrings(fsys, themeDir, lang); err != nil {
		return nil, err
	}
	h := sha256.New()
	for _, k := range sortedKeys(l.Strings) {
		fmt.Fprintf(h, "T %q=%q\n", k, l.Strings[k])
	}
	all := template.FuncMap{"T": l.T, UsedFunc: func(string) string { return "" }}
	for k, v := range funcs {
		all[k] = v
	}
	read := func(name string) (string, error) {
		b, err := fs.ReadFile(fsys, files[name])
		if err != nil {
			return "", readProblem(files[name], err)
		}
		fmt.Fprintf(h, "F %q %d\n", files[name], len(b))
		h.Write(b)
		return string(b), nil
	}
	if err := l.parse(template.New("").Funcs(all), read); err != nil {
		return nil, err
	}

	h.Sum(l.Hash[:0])
	return l, nil
}

// layoutFiles maps each layout name (its path under layouts/) to the file
// it is read from: the theme's, unless the site's layouts/ has its own.
func layoutFiles(fsys fs.FS, themeDir string) (map[string]string, error) {
	files := map[string]string{}
	for _, dir := range []string{themeDir + "/" + source.LayoutsDir, source.LayoutsDir} {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == dir && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return problem(p, 0, 0, "", msg.FolderCannotRead, msg.CauseAt(p, err))
			}
			if !d.IsDir() && (strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".xml") || strings.HasSuffix(p, ".ics") || strings.HasSuffix(p, ".txt")) {
				files[strings.TrimPrefix(p, dir+"/")] = p
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// parse parses the base and the partials into root, then every other
// layout into its own clone of root, in name order.
func (l *Layouts) parse(root *template.Template, read func(name string) (string, error)) error {
	var names []string
	for name := range l.sources {
		names = append(names, name)
	}
	sort.Strings(names)
	shared := func(name string) bool { return name == "_default/baseof.html" || strings.HasPrefix(name, "partials/") }
	rootFiles := map[string]string{} // template name → the file defining it
	l.defs = map[string]map[string][32]byte{}
	for _, name := range names {
		if !shared(name) {
			continue
		}
		text, err := read(name)
		if err != nil {
			return err
		}
		// Partials are called by their layout name: {{ template "partials/x.html" . }}.
		before := trees(root)
		if _, err := root.New(name).Parse(text); err != nil {
			return parseProblem(err, l.sources)
		}
		if err := announce(root, before, l.sources[name], rootFiles); err != nil {
			return err
		}
	}
	for _, name := range names {
		if shared(name) {
			continue
		}
		text, err := read(name)
		if err != nil {
			return err
		}
		set, err := root.Clone()
		if err != nil {
			return internal(l.sources[name], err)
		}
		before := trees(set)
		t, err := set.New(l.sources[name]).Parse(text)
		if err != nil {
			return parseProblem(err, l.sources)
		}
		l.sets[name] = set
		// A layout made only of {{ define }}s fills blocks of the base and runs
		// through it; a layout with content of its own (feeds, redirects)
		// stands alone.
		if set.Lookup("_default/baseof.html") != nil && strings.TrimSpace(t.Tree.Root.String()) == "" {
			l.entry[name] = "_default/baseof.html"
		} else {
			l.entry[name] = t.Name()
		}
		files := maps.Clone(rootFiles)
		if err := announce(set, before, l.sources[name], files); err != nil {
			return err
		}
		l.defs[name] = versions(set, files)
	}
	return nil
}

// trees maps each template of set to its parse tree.
func trees(set *template.Template) map[string]*parse.Tree {
	out := map[string]*parse.Tree{}
	for _, t := range set.Templates() {
		out[t.Name()] = t.Tree
	}
	return out
}

// announce makes every template that parsing file added to set (or
// replaced in it) call UsedFunc with its name first, and notes in files
// that file defined it. The call is a variable declaration, which
// html/template leaves unescaped and which prints nothing in any context.
func announce(set *template.Template, before map[string]*parse.Tree, file string, files map[string]string) error {
	for _, t := range set.Templates() {
		if t.Tree == nil || t.Tree.Root == nil || before[t.Name()] == t.Tree {
			continue
		}
		call, err := parse.Parse("call", fmt.Sprintf("{{ $_pubgen := %s %s }}", UsedFunc, strconv.Quote(t.Name())), "{{", "}}", map[string]any{UsedFunc: true})
		if err != nil {
			return internal(file, err)
		}
		node := call["call"].Root.Nodes[0]
		t.Tree.Root.Nodes = append([]parse.Node{node}, t.Tree.Root.Nodes...)
		files[t.Name()] = file
	}
	return nil
}

// versions is the version of each template of set: the file it was read
// from and its text as parsed.
func versions(set *template.Template, files map[string]string) map[string][32]byte {
	out := map[string][32]byte{}
	for _, t := range set.Templates() {
		if t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		h := sha256.New()
		fmt.Fprintf(h, "%q\n", files[t.Name()])
		h.Write([]byte(t.Tree.Root.String()))
		var v [32]byte
		h.Sum(v[:0])
		out[t.Name()] = v
	}
	return out
}

// TemplateVersion is the version of the template called name as the set
// of layout holds it — the file that defined it and its text — and false
// when the set has no such template. An output that entered the template
// (UsedFunc) is the same while the version is.
func (l *Layouts) TemplateVersion(layout, name string) ([32]byte, bool) {
	v, ok := l.defs[layout][name]
	return v, ok
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Lookup returns the first of the candidate layout names that exists.
func (l *Layouts) Lookup(candidates ...string) (string, bool) {
	for _, c := range candidates {
		if _, ok := l.sets[c]; ok {
			return c, true
		}
	}
	return "", false
}

// Entry is the template a file of layout runs first: the layout itself,
// or the base it fills.
func (l *Layouts) Entry(layout string) string { return l.entry[layout] }

// Tree returns the parse tree of the template called name in the set of
// layout, or nil. Read it before the set is first executed: html/template
// rewrites the trees then.
func (l *Layouts) Tree(layout, name string) *parse.Tree {
	set, ok := l.sets[layout]
	if !ok {
		return nil
	}
	t := set.Lookup(name)
	if t == nil {
		return nil
	}
	return t.Tree
}

// Source returns the file a layout was read from.
func (l *Layouts) Source(name string) string { return l.sources[name] }

// SiteFiles lists, sorted, the files of the site's own layouts/ in use:
// each replaces the theme's file of the same name (or adds one), for
// every output that executes it — a partial for every page calling it.
func (l *Layouts) SiteFiles() []string {
	out := []string{}
	for _, f := range l.sources {
		if strings.HasPrefix(f, source.LayoutsDir+"/") {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// Execute runs the layout name with data into w, with the functions
// given to Load. A template's own mistake comes back as a *TemplateError
// at its file and line.
func (l *Layouts) Execute(w io.Writer, name string, data any) error {
	l.baseOnce.Do(func() { l.base = l.Instance(nil) })
	return l.base.Execute(w, name, data)
}

// Instance is a copy of the template sets whose functions may be
// replaced, so that each goroutine of a renderer can bind functions to
// the output it is rendering (a T that records which strings it used).
// The sets of Layouts itself are never executed, which is what lets them
// be copied at any time: html/template refuses to copy a set once run.
// An Instance is used by one goroutine at a time.
type Instance struct {
	l     *Layouts
	funcs template.FuncMap
	sets  map[string]*template.Template // copied on first use
}

// Instance returns a copy of the sets whose functions named in funcs are
// replaced by those (nil: none).
func (l *Layouts) Instance(funcs template.FuncMap) *Instance {
	return &Instance{l: l, funcs: funcs, sets: map[string]*template.Template{}}
}

// Execute runs the layout name with data into w.
func (in *Instance) Execute(w io.Writer, name string, data any) error {
	return in.ExecuteTemplate(w, name, in.l.entry[name], data)
}

// ExecuteTemplate runs one template of the layout's set (a partial, by
// its name) with data into w: what {{ template "partials/x.html" . }}
// in that layout would write. A template function may call it while the
// layout runs, on the same goroutine.
func (in *Instance) ExecuteTemplate(w io.Writer, layout, name string, data any) error {
	set, ok := in.sets[layout]
	if !ok {
		orig, found := in.l.sets[layout]
		if !found {
			// The renderer looks a layout up before it runs one.
			return internal("", fmt.Errorf("no layout %q", layout))
		}
		var err error
		if set, err = orig.Clone(); err != nil {
			return internal(in.l.sources[layout], err)
		}
		if in.funcs != nil {
			set.Funcs(in.funcs)
		}
		in.sets[layout] = set
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, name, data); err != nil {
		// A mistake inside a template run by a function of the outer
		// one is placed at its own line, as if {{ template }} had run it.
		var te *TemplateError
		if errors.As(err, &te) {
			return te
		}
		return templateError(err, in.l.sources)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// T returns the i18n string for key, or the key itself so a missing string
// shows up on the page instead of vanishing.
func (l *Layouts) T(key string) string {
	if s, ok := l.Strings[key]; ok {
		return s
	}
	return key
}

func loadStrings(fsys fs.FS, themeDir, lang string) (map[string]string, error) {
	strs := map[string]string{}
	for _, p := range []string{path.Join(themeDir, source.I18nDir, lang+".toml"), path.Join(source.I18nDir, lang+".toml")} {
		b, err := fs.ReadFile(fsys, p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, readProblem(p, err)
		}
		m, err := decodeStrings(p, b)
		if err != nil {
			return nil, err
		}
		for k, v := range m {
			strs[k] = v
		}
	}
	return strs, nil
}

// maxStringsSize bounds an i18n file before it is decoded: a theme's
// strings are a few kilobytes, and a huge file would slow every build.
const maxStringsSize = 1 << 20

// decodeStrings reads one i18n file, naming the line of a problem.
func decodeStrings(file string, b []byte) (map[string]string, error) {
	if len(b) > maxStringsSize {
		return nil, problem(file, 0, 0, "", msg.StringsTooBig, len(b)>>10, maxStringsSize>>10)
	}
	var m map[string]string
	if err := toml.Unmarshal(b, &m); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			text := strings.TrimPrefix(de.Error(), "toml: ")
			if strings.Contains(text, "nested more than") {
				return nil, problem(file, row, col, "", msg.DataTooDeep, text)
			}
			return nil, problem(file, row, col, "", msg.StringsSyntax, text)
		}
		return nil, problem(file, 0, 0, "", msg.StringsSyntax, strings.TrimPrefix(err.Error(), "toml: "))
	}
	return m, nil
}
