package privacy

import "github.com/pubgen/pubgen/internal/msg"

// The messages of the personal-data check are entries of the catalogue
// (package msg, keys Privacy…); this file chooses among them, so that each
// says what was found, where, and what to do. The number always shows
// masked, so that a build log never holds it whole.

// kindWords name each kind for an author.
var kindWords = map[Kind]msg.Key{IDCard: msg.PrivacyKindID, Mobile: msg.PrivacyKindMobile, BankCard: msg.PrivacyKindCard}

// Where says where a number was seen, for the message.
type Where struct {
	// Shown: only the rendered page shows the number whole (Markdown
	// marks, character references or a line break split it in the source).
	Shown bool
	// Name is the published name that holds the number, masked: the
	// page's web address, an alias, or a bundle file's name.
	Name string
	// File, Line and Col place the number in the text of a bundle file
	// (its name masked; Line 0: the file as a whole).
	File      string
	Line, Col int
}

// Message is the message for finding f seen at w. refused says the page
// will not be published because of it (see Refused). Every message also
// says how to publish the number on purpose (privacy.allow).
func Message(f Finding, w Where, refused bool) msg.Text {
	kind := msg.New(kindWords[f.Kind])
	verdict := msg.Raw("")
	if refused {
		verdict = msg.New(msg.PrivacyRefused, kind)
	}
	switch {
	case w.File != "" && w.Line > 0:
		return msg.New(msg.PrivacyInFileAt, kind, f.Masked, verdict, w.File, w.Line, w.Col)
	case w.File != "":
		return msg.New(msg.PrivacyInFile, kind, f.Masked, verdict, w.File)
	case w.Name != "":
		return msg.New(msg.PrivacyInName, kind, f.Masked, verdict, w.Name)
	case w.Shown:
		return msg.New(msg.PrivacyShown, kind, f.Masked, verdict)
	}
	hint := msg.Raw("")
	if f.Kind == Mobile {
		hint = msg.New(msg.PrivacyMobileHint)
	}
	return msg.New(msg.PrivacyInText, kind, f.Masked, verdict, hint)
}
