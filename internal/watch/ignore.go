package watch

import "strings"

// ignored reports whether rel (a slash path relative to the root) is noise
// that must never cause a rebuild. Every segment starting with a dot is
// ignored: dot-folders (.git, .pubgen, the publish staging folders) and the
// dot-files editors and systems write next to the real ones (.#x.md,
// .x.md.swp, .DS_Store, .goutputstream-*). Other names are ignored by what
// editors make of a file name while saving.
func ignored(rel string) bool {
	for _, seg := range strings.Split(rel, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	name := rel[strings.LastIndexByte(rel, '/')+1:]
	return tempName(name)
}

// tempName matches the swap, backup and temporary file names of vim, emacs,
// Kate and JetBrains IDEs.
func tempName(name string) bool {
	switch {
	case name == "4913": // vim's probe for whether it may create files here
		return true
	case strings.HasSuffix(name, "~"), // vim and emacs backups
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"), strings.HasSuffix(name, ".swo"),
		strings.HasSuffix(name, ".kate-swp"),
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"):
		return true
	case len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"): // emacs auto-save
		return true
	}
	return false
}
