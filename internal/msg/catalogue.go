package msg

// entry is one message in both languages. Formats take fmt verbs; the
// Chinese text may leave out an argument the English one shows (a
// parser's own words, say) by indexing the ones it uses (%[2]s): fmt
// reports no extra argument once a format indexes. ex are arguments for
// the golden file, so it reads as an author would see each message.
type entry struct {
	key    Key
	name   string // stable and unique: how the golden file names the entry
	zh, en string
	ex     []any
}

// lookup finds k's entry.
func lookup(k Key) (entry, bool) {
	if k <= 0 || k >= numKeys || catalogue[k].key != k {
		return entry{}, false
	}
	return catalogue[k], true
}

// catalogue is entries indexed by key; it is never changed after it is
// made.
var catalogue = byKey(entries)

func byKey(es []entry) (c [numKeys]entry) {
	for _, e := range es {
		c[e.key] = e
	}
	return c
}

// Keys of the catalogue. Their texts are in entries below, grouped the
// same way; TestCatalogue checks that each key has exactly one entry.
const (
	_ Key = iota

	// Words used inside other messages.
	KindScalar
	KindList
	KindMap
	KindEmpty
	WordStart
	WordEnd
	TypeNotice
	TypeDisclosure
	TypeStudy
	TypeShowcase
	TypePage

	// Reports.
	CountErrors
	CountErrorsWarnings
	CountWarningsStrict

	// The text of a page file.
	FileEmpty
	FileNotUTF8
	FileNUL
	FrontMatterMissing
	FrontMatterNotClosed
	FrontMatterTooBig
	FrontMatterNotFields
	FrontMatterTooManyValues
	FrontMatterTooDeep

	// Writing mistakes, caught at their line before the YAML parser.
	SyntaxYAML
	SyntaxTOML
	SyntaxTab
	SyntaxFullWidthIndent
	SyntaxFullWidthColon
	SyntaxColonNoSpace
	SyntaxQuoteMismatch
	SyntaxQuoteUnclosed
	SyntaxBracketUnclosed
	SyntaxFullWidthComma
	SyntaxCurlyKey
	SyntaxHashInValue
	SyntaxDuplicate
	SyntaxAliasLoop
	SyntaxAliasTooBig

	// Fields of any page.
	FieldUnknownDidYouMean
	FieldUnknownOtherType
	FieldUnknownList
	FieldNotSingle
	FieldNotBool
	FieldNotInt
	FieldNotList
	FieldListIsMap
	FieldNotObject
	TypeUnknown
	TitleMissing
	DateMissing
	SlugInvalid
	PinnedUntilNotPinned
	AliasInvalid

	// Dates.
	DateInvalid
	DateNoSuchMonth
	DateNoSuchDay
	DateBadTime
	DateYearRange
	DateExample
	DateTimeExample

	// Files a page names.
	FilesNotList
	FileNameMissing
	FileOutsideFolder
	CoverMissing

	// Notices and disclosures.
	MeetingKindInvalid
	MeetingKindMissing
	MeetingStartMissing
	MeetingEndBeforeStart
	PublicityMissing
	PublicityBoundMissing
	PublicityEndBeforeStart
	ContactMissing
	ContactEmailInvalid
	ContactEmpty
	SignoffBodyMissing

	// Personal data (package privacy chooses among them).
	PrivacyKindID
	PrivacyKindMobile
	PrivacyKindCard
	PrivacyRefused
	PrivacyMobileHint
	PrivacyInText
	PrivacyShown
	PrivacyInName
	PrivacyInFileAt
	PrivacyInFile
	PrivacyAllowNotNumber
	PrivacyAllowNoReason
	PrivacyAllowUnused
	PrivacyNotChecked

	numKeys
)

var entries = []entry{
	{KindScalar, "word.kind.scalar", "一个值", "a single value", nil},
	{KindList, "word.kind.list", "一个列表", "a list", nil},
	{KindMap, "word.kind.map", "一组字段", "a set of fields", nil},
	{KindEmpty, "word.kind.empty", "空的", "empty", nil},
	{WordStart, "word.start", "开始", "start", nil},
	{WordEnd, "word.end", "结束", "end", nil},
	{TypeNotice, "word.type.notice", "支部通知（notice）", "notice", nil},
	{TypeDisclosure, "word.type.disclosure", "党务公开（disclosure）", "disclosure", nil},
	{TypeStudy, "word.type.study", "学习资料（study）", "study", nil},
	{TypeShowcase, "word.type.showcase", "成果展示（showcase）", "showcase", nil},
	{TypePage, "word.type.page", "普通页面（page）", "page", nil},

	{CountErrors, "report.count.errors", "共 %d 处错误。", "%d error(s)", []any{2}},
	{CountErrorsWarnings, "report.count.errors-warnings", "共 %d 处错误、%d 处提醒。", "%d error(s), %d warning(s)", []any{2, 1}},
	{CountWarningsStrict, "report.count.warnings-strict", "共 %[2]d 处提醒；用了 --strict，提醒也算错误。", "%d error(s), %d warning(s) (--strict: warnings fail the build)", []any{0, 1}},

	{FileEmpty, "page.file.empty",
		"文件是空的。请在开头写前言区：第一行写 ---，接着写 title: 标题 和 date: {date} 各一行，再写一行 ---。",
		"file is empty (want front matter with at least title and date: ---, title: …, date: {date}, ---)", nil},
	{FileNotUTF8, "page.file.not-utf8",
		"文件不是 UTF-8 编码（多半是 GBK）。请用记事本或 WPS 的“另存为”，编码选 UTF-8 后再保存。",
		"is not valid UTF-8 (want the file saved as UTF-8; GBK/GB2312 files must be converted)", nil},
	{FileNUL, "page.file.nul",
		"文件里有空字节，不像是文字文件。请确认它是用文本编辑器写的 .md 文件。",
		"contains a NUL byte (want a text file)", nil},
	{FrontMatterMissing, "page.front-matter.missing",
		"文件开头缺少前言区。第一行请只写 ---，接着写 title: 标题 和 date: {date} 各一行，再用一行 --- 结束，正文写在后面。",
		"has no front matter (want the file to start with a line \"---\", then title and date, then \"---\")", nil},
	{FrontMatterNotClosed, "page.front-matter.not-closed",
		"前言区没有结束：第 1 行的 %[1]s 之后找不到结束的那一行 %[1]s。请在最后一个字段（例如 date: {date}）下面加一行 %[1]s，正文写在它后面。",
		"front matter is not closed (want a line %q after the fields)", []any{"---"}},
	{FrontMatterTooBig, "page.front-matter.too-big",
		"前言区有 %d KB，太长了（最多 %d KB）。长的文字请写在正文里，也就是结束的 --- 之后。",
		"front matter is %d KB (want under %d KB; long text goes in the body, after the closing line)", []any{300, 256}},
	{FrontMatterNotFields, "page.front-matter.not-fields",
		"前言区应一行写一个字段，例如 title: 关于召开支部党员大会的通知；现在写的是%s。",
		"front matter is %s (want fields such as title: …)", []any{New(KindList)}},
	{FrontMatterTooManyValues, "page.front-matter.too-many-values",
		"前言区的内容超过 %[1]d 项，太多了。长的内容请写在正文里。",
		"front matter holds more than %[1]d values (want at most %[1]d)", []any{100000}},

	{FrontMatterTooDeep, "page.front-matter.too-deep",
		"前言区的括号或缩进套了太多层。每个字段写一行，子字段最多再缩进一两层。%.0[1]s",
		"front matter nests too deep: %s (want fields a level or two deep)", []any{"exceeded max depth of 10000"}},
	{SyntaxYAML, "page.syntax.yaml",
		"前言区这一行的写法不对。每行写成“字段: 值”，用英文冒号，冒号后空一格，例如：title: 关于召开支部党员大会的通知%.0[1]s",
		"front matter is not valid YAML: %s (want key: value lines)", []any{"mapping values are not allowed in this context"}},
	{SyntaxTOML, "page.syntax.toml",
		"前言区（两行 +++ 之间）这一行的写法不对。每行写成 字段 = 值，文字加英文引号，例如：title = \"关于召开支部党员大会的通知\"%.0[1]s",
		"front matter is not valid TOML: %s (want key = value lines)", []any{"expected character ="}},
	{SyntaxTab, "page.syntax.tab",
		"这一行用 Tab 键缩进了。前言区只能用空格缩进，请把 Tab 换成两个空格。",
		"front matter is indented with a tab (want spaces: YAML does not allow tabs)", nil},
	{SyntaxFullWidthIndent, "page.syntax.full-width-indent",
		"这一行开头有全角空格。前言区请用普通（半角）空格缩进，例如：  kind: 支部党员大会",
		"is indented with a full-width space U+3000 (want ordinary spaces)", nil},
	{SyntaxFullWidthColon, "page.syntax.full-width-colon",
		"字段名后面用了中文冒号“：”。请改成英文冒号加一个空格：%s: %s",
		"uses a full-width colon \"：\" after the field name (want an ASCII colon and a space: %s: %s)", []any{"title", "关于召开支部党员大会的通知"}},
	{SyntaxColonNoSpace, "page.syntax.colon-no-space",
		"冒号后面少了一个空格。请改成：%s: %s",
		"has no space after the colon (want: %s: %s)", []any{"title", "关于召开支部党员大会的通知"}},
	{SyntaxQuoteMismatch, "page.syntax.quote-mismatch",
		"引号没有配对：开头是英文引号 %[3]s，结尾却是中文引号 %[4]s。两边请都用英文引号：%[1]s: \"%[2]s\"",
		"opens with %[3]s and closes with %[4]s (want the same ASCII quote on both sides: %[1]s: \"%[2]s\")", []any{"title", "关于召开支部党员大会的通知", "\"", "”"}},
	{SyntaxQuoteUnclosed, "page.syntax.quote-unclosed",
		"引号没有结束：开头有 %[3]s，这一行里却找不到另一个 %[3]s。请在末尾补上：%[1]s: \"%[2]s\"",
		"opens a quote %[3]s that is not closed on its line (want: %[1]s: \"%[2]s\")", []any{"title", "关于召开支部党员大会的通知", "\""}},
	{SyntaxBracketUnclosed, "page.syntax.bracket-unclosed",
		"括号没有结束：这里以 %[1]s 开头，这一行里却没有对应的 %[2]s。请在末尾补上，例如：tags: [三会一课, 党员大会]",
		"opens %[1]s without a closing %[2]s on its line (want e.g. tags: [三会一课, 党员大会])", []any{"[", "]"}},
	{SyntaxFullWidthComma, "page.syntax.full-width-comma",
		"括号里的各项之间用了中文逗号“，”。请改成英文逗号加一个空格：%s",
		"separates items with a full-width comma \"，\" (want an ASCII comma and a space: %s)", []any{"{start: 2026-12-04, end: 2026-12-09}"}},
	{SyntaxCurlyKey, "page.syntax.curly-key",
		"字段名不要加引号。请改成：%s: …",
		"has quotes around the field name (want: %s: …)", []any{"title"}},
	{SyntaxHashInValue, "page.syntax.hash-in-value",
		"“ #”后面的文字会被当作注释丢掉，页面上只会显示“%[1]s”。如果 # 是内容的一部分，请给整个值加上英文引号：%[3]s: \"%[1]s #%[2]s\"",
		"\" #\" starts a comment, so only %[1]q would be published (want quotes around the whole value if # belongs to it: %[3]s: \"%[1]s #%[2]s\")", []any{"3号楼", "2会议室", "location"}},
	{SyntaxDuplicate, "page.syntax.duplicate",
		"这个字段写了两次（第一次在第 %d 行）。每个字段只写一次，请删掉其中一处。",
		"is written twice (first on line %d; want each field once)", []any{3}},
	{SyntaxAliasLoop, "page.syntax.alias-loop",
		"*%[1]s 写在它所引用的 &%[1]s 里面，会无限重复。请直接写出内容，不用 * 和 & 引用。",
		"the alias *%[1]s is inside the value &%[1]s it names, so it would repeat forever (want an alias to a value written before it, outside it)", []any{"a"}},
	{SyntaxAliasTooBig, "page.syntax.alias-too-big",
		"*%[1]s 展开后超过 %[2]d 项，太多了。请直接写出内容，不要层层引用。",
		"the alias *%[1]s makes the front matter hold more than %[2]d values (want aliases that repeat a few values; write long lists out)", []any{"a", 100000}},

	{FieldUnknownDidYouMean, "page.field.unknown-did-you-mean",
		"没有这个字段，是不是想写 %s？",
		"unknown field (did you mean %s?)", []any{"meeting"}},
	{FieldUnknownOtherType, "page.field.unknown-other-type",
		"这个字段只用于%[2]s页面。请检查文件所在的文件夹，或 type 字段的写法。",
		"unknown field (%[1]s belongs to %[2]s pages; check the folder or the type)", []any{"meeting", New(TypeNotice)}},
	{FieldUnknownList, "page.field.unknown-list",
		"没有这个字段。可以写的字段有：%s。",
		"unknown field (want one of: %s)", []any{"title, date, slug"}},
	{FieldNotSingle, "page.field.not-single",
		"这里只能写一个值，现在写的是%s。",
		"is %s (want a single value)", []any{New(KindList)}},
	{FieldNotBool, "page.field.not-bool",
		"“%s”不是 true 或 false。请写 true（是）或 false（否），例如：%s: true",
		"%q is not true or false (want true or false, e.g. %s: true)", []any{"是", "pinned"}},
	{FieldNotInt, "page.field.not-int",
		"“%s”不是整数。请写数字，例如：%s: 2",
		"%q is not a whole number (want e.g. %s: 2)", []any{"第二", "order"}},
	{FieldNotList, "page.field.not-list",
		"这里应写一个列表，现在只有一个值。请写成 %[1]s: [党建, 学习]，或每项一行写“- 党建”。",
		"is a single value (want a list, e.g. %[1]s: [党建, 学习] or one \"- item\" per line)", []any{"aliases"}},
	{FieldListIsMap, "page.field.list-is-map",
		"这里应写一个列表，现在写成了一组字段。请写成 %[1]s: [党建, 学习]，或每项一行写“- 党建”。",
		"is a set of fields (want a list, e.g. %[1]s: [党建, 学习])", []any{"tags"}},
	{FieldNotObject, "page.field.not-object",
		"这里应分几行写子字段（%[2]s），每行前面空两个空格；现在写的是%[1]s。",
		"is %s (want fields: %s)", []any{New(KindScalar), "start, end"}},
	{TypeUnknown, "page.type.unknown",
		"“%s”不是内容类型。请写 notice（支部通知）、disclosure（党务公开）、study（学习资料）、showcase（成果展示）或 page（普通页面），例如：type: notice",
		"%q is not a content type (want notice, disclosure, study, showcase or page)", []any{"通知"}},
	{TitleMissing, "page.title.missing",
		"缺少标题。请写一行，例如：title: 关于召开支部党员大会的通知",
		"is missing (want the page's title, e.g. title: 关于召开支部党员大会的通知)", nil},
	{DateMissing, "page.date.missing",
		"缺少日期。请写一行，例如：date: {date}",
		"is missing (want the publication date, e.g. date: {date})", nil},
	{SlugInvalid, "page.slug.invalid",
		"“%s”不能用作网址。网址只能用字母、数字、- 和 _，例如：slug: {date}-meeting",
		"%q cannot be part of a web address (want letters, digits, '-' or '_', e.g. {date}-meeting)", []any{"12月 支部党员大会（终稿）"}},
	{PinnedUntilNotPinned, "page.pinned-until.not-pinned",
		"写了置顶截止日期，但页面没有置顶。请在旁边加一行 pinned: true，或者删掉这一行。",
		"is set but the page is not pinned (want pinned: true beside it, or no pinned_until)", nil},
	{AliasInvalid, "page.alias.invalid",
		"“%s”不是本站里的路径。请写成这样：- /notices/old-name/",
		"%q is not a path inside the site (want e.g. /notices/old-name/)", []any{"../outside"}},

	{DateInvalid, "date.invalid",
		"“%[1]s”不是日期。请写成：%[2]s，也可以写 {cndate} 或 {slashdate}。",
		"%[1]q is not a date (want e.g. %[2]s, {cndate} or {slashdate})", []any{"下周五", New(DateExample, "date")}},
	{DateNoSuchMonth, "date.no-such-month",
		"一年只有 12 个月，这里写的是 %[2]d 月。请检查日期，例如：%[3]s",
		"%[1]d has no month %[2]d (want e.g. %[3]s)", []any{2026, 13, New(DateExample, "date")}},
	{DateNoSuchDay, "date.no-such-day",
		"%[1]d 年 %[2]d 月没有 %[3]d 日（这个月只有 %[4]d 天）。请检查日期，例如：%[5]s",
		"%[1]d-%02[2]d has no day %[3]d (it has %[4]d days; want e.g. %[5]s)", []any{2026, 2, 30, 28, New(DateExample, "date")}},
	{DateBadTime, "date.bad-time",
		"“%[1]s”里的时间不对。时间用 24 小时制，写在日期后面，例如：%[2]s",
		"%[1]q has no such time of day (want 24-hour time after the date, e.g. %[2]s)", []any{"2026-12-04 25:00", New(DateTimeExample, "start")}},
	{DateYearRange, "date.year-range",
		"“%s”的年份不在 %d–%d 之间。请检查年份是否打错。",
		"%q is outside the years %d–%d (want a date in that range; check the year for a typo)", []any{"9999-12-31", 1900, 2100}},
	{DateExample, "date.example",
		"%s: {date}", "%s: {date}", []any{"date"}},
	{DateTimeExample, "date.example-time",
		"%s: {date} 14:30", "%s: {date} 14:30", []any{"publish_date"}},

	{FilesNotList, "page.files.not-list",
		"这里应是文件列表，现在写的是%[1]s。请每个文件写一行，例如：  - file: 会议议程.pdf",
		"is %s (want a list of files: - file: name.pdf)", []any{New(KindScalar)}},
	{FileNameMissing, "page.files.name-missing",
		"缺少文件名。请写放在 index.md 旁边的文件名，例如：file: 会议议程.pdf",
		"is missing (want the file name beside index.md, e.g. report.pdf)", nil},
	{FileOutsideFolder, "page.files.outside-folder",
		"“%s”不在本页的文件夹里。文件请放在 index.md 旁边，这里只写文件名，例如：会议议程.pdf",
		"%q is outside the page's folder (want a file name beside index.md, e.g. report.pdf)", []any{"../../secret.pdf"}},
	{CoverMissing, "page.cover.missing",
		"成果展示要有封面照片。请把照片放在 index.md 旁边，再写一行，例如：cover: 封面.jpg",
		"is missing (want a cover image beside index.md, e.g. cover: cover.jpg)", nil},

	{MeetingKindInvalid, "notice.meeting-kind.invalid",
		"“%s”不是会议类型。请写其中之一：%s。",
		"%q is not a meeting kind (want one of %s)", []any{"党员会", "支部党员大会、支委会、党小组会、党课、主题党日、其他"}},
	{MeetingKindMissing, "notice.meeting-kind.missing",
		"缺少会议类型。请在 meeting 下面写一行，例如：  kind: 支部党员大会（可选：%s）",
		"is missing (want one of %s)", []any{"支部党员大会、支委会、党小组会、党课、主题党日、其他"}},
	{MeetingStartMissing, "notice.meeting-start.missing",
		"缺少会议开始时间。请在 meeting 下面写一行，例如：  start: {date} 14:30",
		"is missing (want the start, e.g. {date} 14:30)", nil},
	{MeetingEndBeforeStart, "notice.meeting-end.before-start",
		"会议结束时间早于开始时间。请检查这两行，例如：start: {date} 14:30，end: {date} 16:00",
		"is before meeting.start (want an end after the start)", nil},
	{PublicityMissing, "disclosure.publicity.missing",
		"党务公开要写公示期。请写一行，例如：publicity: {start: {date}, end: {date+5}}",
		"is missing (want the publicity period: publicity: {start: {date}, end: {date+5}})", nil},
	{PublicityBoundMissing, "disclosure.publicity-bound.missing",
		"缺少公示期的%[1]s日期。请在 publicity 下面写一行，例如：  %[2]s: {date}",
		"is missing (want a date, e.g. %[2]s: {date})", []any{New(WordEnd), "end"}},
	{PublicityEndBeforeStart, "disclosure.publicity-end.before-start",
		"公示期的结束日期早于开始日期。结束日期应在开始日期当天或以后，例如：end: {date+5}",
		"is before publicity.start (want an end on or after the start)", nil},
	{ContactMissing, "disclosure.contact.missing",
		"党务公开要写意见反馈方式。请写一行，例如：contact: {phone: 0571-12345678, address: 党群工作部}",
		"is missing (want where readers send feedback: contact: {phone: …, email: …, address: …})", nil},
	{ContactEmailInvalid, "disclosure.contact-email.invalid",
		"“%s”不是电子邮箱地址。请写成这样：email: dangwei@example.com",
		"%q is not an email address (want e.g. dangwei@example.com)", []any{"dangwei@example"}},
	{SignoffBodyMissing, "signoff.body.missing",
		"落款缺少发文机关。请写一行，例如：signoff: {body: 机关第一党支部, date: {date}}",
		"is missing (want the issuing body, e.g. signoff: {body: 机关第一党支部, date: {date}})", nil},
	{ContactEmpty, "disclosure.contact.empty",
		"意见反馈方式是空的。请至少写电话、邮箱、地址中的一项，例如：  phone: 0571-12345678",
		"is empty (want at least a phone, an email or an address)", nil},

	{PrivacyKindID, "privacy.kind.id-card", "身份证号", "an ID-card number", nil},
	{PrivacyKindMobile, "privacy.kind.mobile", "手机号", "a mobile phone number", nil},
	{PrivacyKindCard, "privacy.kind.bank-card", "银行卡号", "a bank card number", nil},
	{PrivacyRefused, "privacy.refused",
		"：党务公开页面不得公开个人的%s，本页不予发布",
		": a disclosure may not publish a person's number%.0s, so the page is not published", []any{New(PrivacyKindMobile)}},
	{PrivacyMobileHint, "privacy.mobile-hint",
		"；供群众联系的办公电话写在 contact.phone 中",
		"; an office number for readers goes in contact.phone", nil},
	{PrivacyInText, "privacy.in-text",
		"像是有%[1]s %[2]s%[3]s（请删去，或隐去中间几位%[4]s；确需公开的，在 privacy.allow 中列出这个号码，并在 privacy.reason 写明理由）",
		"looks like %[1]s %[2]s%[3]s (want it removed or masked%[4]s; to publish it on purpose, list it under privacy.allow with a privacy.reason)", []any{New(PrivacyKindMobile), "138****5678", Raw(""), New(PrivacyMobileHint)}},
	{PrivacyShown, "privacy.shown",
		"页面显示的文字中像是有%[1]s %[2]s%[3]s（源文件里它被 Markdown 标记、字符引用或换行隔开了，读者看到的仍是完整号码；请删去，或隐去中间几位；确需公开的，在 privacy.allow 中列出这个号码，并在 privacy.reason 写明理由）",
		"the page as shown holds what looks like %[1]s %[2]s%[3]s (Markdown marks, character references or a line break split it in the source, but a reader sees it whole; want it removed or masked; to publish it on purpose, list it under privacy.allow with a privacy.reason)", []any{New(PrivacyKindID), "1101**********002X", New(PrivacyRefused, New(PrivacyKindID))}},
	{PrivacyInName, "privacy.in-name",
		"名称 %[4]s 中像是有%[1]s %[2]s%[3]s（文件名、文件夹名、slug 和 aliases 都会出现在网址中；请改一个不含这个号码的名称；确需公开的，在 privacy.allow 中列出这个号码，并在 privacy.reason 写明理由）",
		"the name %[4]s holds what looks like %[1]s %[2]s%[3]s (file and folder names, slugs and aliases are part of web addresses; want a name without it; to publish it on purpose, list it under privacy.allow with a privacy.reason)", []any{New(PrivacyKindMobile), "138****5678", Raw(""), "notices/张三138****5678/"}},
	{PrivacyInFileAt, "privacy.in-file-at",
		"文件 %[4]s 第 %[5]d 行第 %[6]d 列像是有%[1]s %[2]s%[3]s（请从文件中删去，或隐去中间几位；确需公开的，在 privacy.allow 中列出这个号码，并在 privacy.reason 写明理由）",
		"the file %[4]s holds, at line %[5]d column %[6]d, what looks like %[1]s %[2]s%[3]s (want it removed from the file or masked; to publish it on purpose, list it under privacy.allow with a privacy.reason)", []any{New(PrivacyKindID), "1101**********002X", New(PrivacyRefused, New(PrivacyKindID)), "名单.csv", 2, 7}},
	{PrivacyInFile, "privacy.in-file",
		"文件 %[4]s 中像是有%[1]s %[2]s%[3]s（请从文件中删去，或隐去中间几位；确需公开的，在 privacy.allow 中列出这个号码，并在 privacy.reason 写明理由）",
		"the file %[4]s holds what looks like %[1]s %[2]s%[3]s (want it removed from the file or masked; to publish it on purpose, list it under privacy.allow with a privacy.reason)", []any{New(PrivacyKindMobile), "138****5678", Raw(""), "readme.txt"}},
	{PrivacyAllowNotNumber, "privacy.allow.not-number",
		"“%s”不是一个手机号、身份证号或银行卡号。每项写一个完整号码，例如：\"138 1234 5678\"",
		"%q is not a mobile, ID-card or bank card number (want one whole number per entry, e.g. \"138 1234 5678\")", []any{"张三明"}},
	{PrivacyAllowNoReason, "privacy.allow.no-reason",
		"未写明理由。privacy.allow 列出的号码会原样公开，请在 privacy.reason 写明为什么公开、谁同意的，例如：reason: 本人书面同意公开，见支委会记录",
		"is missing (numbers under privacy.allow are published whole: want why and who agreed, e.g. reason: 本人书面同意公开，见支委会记录)", nil},
	{PrivacyAllowUnused, "privacy.allow.unused",
		"本页没有号码 %s，请删去这一项（留着它，这个号码以后误写进来也不会被发现）。",
		"the page holds no number %s (want the entry removed: left in, it would let the number through unseen if it came back)", []any{"138****5678"}},
	{PrivacyNotChecked, "privacy.not-checked",
		"文件 %s 有 %.1f MB，超过 %.0f MB，未检查其中的个人信息。请拆分文件，或确认其中没有手机号、身份证号。",
		"the file %s is %.1f MB, over %.0f MB, so it was not checked for personal data (want it split, or checked by hand)", []any{"名单.csv", 12.5, 10.0}},
}
