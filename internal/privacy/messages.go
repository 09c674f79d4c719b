package privacy

import "fmt"

// The texts of every message the personal-data check gives an author, in
// one place, so that they can move into a message catalogue as a whole.
// They are in Chinese, the language of the people who read them (party
// affairs staff), and each says what was found, where, and what to do.

// kindNames name each kind for an author.
var kindNames = map[Kind]string{IDCard: "身份证号", Mobile: "手机号", BankCard: "银行卡号"}

// Where says where a number was seen, for the message.
type Where struct {
	// Shown: only the rendered page shows the number whole (Markdown
	// marks, character references or a line break split it in the source).
	Shown bool
	// Name is the published name that holds the number: the page's web
	// address, an alias, or a bundle file's name.
	Name string
	// File, Line and Col place the number in the text of a bundle file
	// (Line 0: the file as a whole).
	File      string
	Line, Col int
}

// Message is the message for finding f seen at w. refused says the page
// will not be published because of it (see Refused). Every message also
// says how to publish the number on purpose (privacy.allow). The number
// shows only masked, so that a build log never holds it whole.
func Message(f Finding, w Where, refused bool) string {
	what := kindNames[f.Kind] + " " + f.Masked
	var at, why string
	fix := "删去，或隐去中间几位"
	switch {
	case w.File != "" && w.Line > 0:
		at = fmt.Sprintf("文件 %s 第 %d 行第 %d 列像是有%s", w.File, w.Line, w.Col, what)
		fix = "从文件中删去，或隐去中间几位"
	case w.File != "":
		at = fmt.Sprintf("文件 %s 中像是有%s", w.File, what)
		fix = "从文件中删去，或隐去中间几位"
	case w.Name != "":
		at = fmt.Sprintf("名称 %s 中像是有%s", w.Name, what)
		why = "文件名、文件夹名、slug 和 aliases 都会出现在网址中"
		fix = "改一个不含这个号码的名称"
	case w.Shown:
		at = "页面显示的文字中像是有" + what
		why = "源文件里它被 Markdown 标记、字符引用或换行隔开了，读者看到的仍是完整号码"
	default:
		at = "像是有" + what
		if f.Kind == Mobile {
			fix += "；供群众联系的办公电话写在 contact.phone 中"
		}
	}
	if refused {
		at += "：党务公开页面不得公开个人的" + kindNames[f.Kind] + "，本页不予发布"
	}
	if why != "" {
		why += "；"
	}
	return at + "（" + why + "请" + fix + "；确需公开的，在 privacy.allow 中列出这个号码，并在 privacy.reason 写明理由）"
}

// AllowNotNumber is the message for a privacy.allow entry that is not a
// number the check recognises.
func AllowNotNumber(entry string) string {
	return fmt.Sprintf("%q 不是一个手机号、身份证号或银行卡号（每项写一个完整号码，例如 \"138 1234 5678\"）", entry)
}

// AllowNoReason is the message for an allow list without its reason.
func AllowNoReason() string {
	return "未写明理由（privacy.allow 列出的号码会原样公开：请在 privacy.reason 写明为什么公开、谁同意的，例如 \"本人书面同意公开，见2024年7月1日支委会记录\"）"
}

// AllowUnused is the message for an allowed number the page does not hold:
// a stale entry would allow the number again if it came back by mistake.
func AllowUnused(masked string) string {
	return fmt.Sprintf("本页没有号码 %s（请删去这一项）", masked)
}

// NotChecked is the message for a published text file too large to be
// read for personal data.
func NotChecked(file string, size, limit int64) string {
	return fmt.Sprintf("文件 %s 有 %.1f MB，超过 %.0f MB，未检查其中的个人信息（请拆分文件，或确认其中没有手机号、身份证号）", file, float64(size)/(1<<20), float64(limit)/(1<<20))
}
