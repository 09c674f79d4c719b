package site

import (
	"strings"
	"unicode"

	"github.com/pubgen/pubgen/internal/msg"
)

// MaxNameBytes is the longest file or folder name most file systems accept
// (ext4, XFS, NTFS and APFS all stop at 255); a longer name fails only when
// it is written.
const MaxNameBytes = 255

// NameProblem says why one segment of an output path cannot be published
// as it is, or returns the zero Text. The portal is served from Linux and copied to
// Windows file shares, so a name must be valid on both, and it must stay
// one web address: "#" and "?" end a URL's path, so a link to "a#b/" opens
// "a" instead.
func NameProblem(seg string) msg.Text {
	if seg == "" {
		return msg.Text{}
	}
	if len(seg) > MaxNameBytes {
		return msg.New(msg.NameTooLong, len(seg), MaxNameBytes)
	}
	for _, r := range seg {
		switch {
		case r == '#' || r == '?':
			return msg.New(msg.NameEndsAddress, r)
		case strings.ContainsRune(`<>:"\|*`, r):
			return msg.New(msg.NameWindowsChar, r)
		case unicode.IsControl(r):
			return msg.New(msg.NameControlChar, r)
		}
	}
	if last := seg[len(seg)-1:]; last == "." || last == " " {
		return msg.New(msg.NameWindowsEnd, last)
	}
	if reservedName(seg) {
		return msg.New(msg.NameWindowsDevice)
	}
	return msg.Text{}
}

// reservedName reports the names Windows keeps for devices, whatever their
// case and extension: "con", "NUL.txt", "com1.pdf".
func reservedName(seg string) bool {
	base, _, _ := strings.Cut(seg, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		return base[3] >= '1' && base[3] <= '9'
	}
	return false
}

// PathProblem checks every segment of an output path (slash-separated,
// relative to public/) and returns the first bad segment with what is wrong.
func PathProblem(p string) (seg string, problem msg.Text) {
	for s := range strings.SplitSeq(p, "/") {
		if s == "" {
			continue
		}
		if t := NameProblem(s); !t.IsZero() {
			return s, t
		}
	}
	return "", msg.Text{}
}

// foldName is the form under which a case-insensitive file system (Windows,
// macOS) sees a path: two outputs with the same fold are one file there.
func foldName(p string) string { return strings.ToLower(p) }
