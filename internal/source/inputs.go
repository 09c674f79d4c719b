package source

// The names of a site's inputs, relative to the site root. Code that reads
// one of them uses these names; code that must treat all of them alike
// (the link and file-kind checks, the watcher, the convergence test) uses
// Inputs, so that a folder added here is checked and watched everywhere.
const (
	ConfigFile    = "pubgen.toml"
	ContentDir    = "content"
	LayoutsDir    = "layouts"
	ThemesDir     = "themes"
	StaticDir     = "static"
	DataDir       = "data"
	AssetsDir     = "assets"
	I18nDir       = "i18n"
	ArchetypesDir = "archetypes"
)

// Input is one part of a site on disk that the build or `pubgen new` reads.
type Input struct {
	Path string // slash path from the site root
	Dir  bool   // a folder, read with everything below it; false: a file
	// InTheme: a theme carries one of its own under themes/NAME/, which
	// the site's own overrides or adds to.
	InTheme bool
	// Copied: its files are listed one by one and copied into the output
	// (content/ bundles, static/), so a link to a folder there would be
	// copied as if it were a file.
	Copied bool
}

// Inputs is the one list of a site's inputs. The output folder and the
// search cache are not among them, so what lies there is never looked at.
func Inputs() []Input {
	return []Input{
		{Path: ConfigFile},
		{Path: ContentDir, Dir: true, Copied: true},
		{Path: LayoutsDir, Dir: true, InTheme: true},
		{Path: ThemesDir, Dir: true},
		{Path: StaticDir, Dir: true, Copied: true},
		{Path: DataDir, Dir: true},
		{Path: AssetsDir, Dir: true, InTheme: true},
		{Path: I18nDir, Dir: true, InTheme: true},
		{Path: ArchetypesDir, Dir: true, InTheme: true},
	}
}

// InputPaths lists the path of every input, files and folders.
func InputPaths() []string {
	var out []string
	for _, in := range Inputs() {
		out = append(out, in.Path)
	}
	return out
}

// InputFolders lists the inputs that are folders, for a watcher that also
// sees the files directly in the site root.
func InputFolders() []string {
	var out []string
	for _, in := range Inputs() {
		if in.Dir {
			out = append(out, in.Path)
		}
	}
	return out
}

// ThemeDir is the folder of the named theme.
func ThemeDir(theme string) string { return ThemesDir + "/" + theme }
