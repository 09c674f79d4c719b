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
	TypeName

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
	BodyTooDeep
	BodyTooManyOpenLinks
	FileNotRegular
	FileKindPipe
	FileKindSocket
	FileKindCharDevice
	FileKindDevice
	FileKindIrregular

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
	FileCannotRead
	FileIsFolder
	FileTooBig
	FileGrew
	Placeholder

	// Links and files a page names.
	WordLink
	WordImage
	LinkProblem
	LinkScript
	LinkBadAddress
	LinkNoSuchPage
	LinkNothingAt
	LinkScriptFile
	LinkNotBundle
	LinkNoAnchor
	FileProblem
	FileNotInFolder
	FileNotInFolderCase
	FileNotBundle
	FileScript
	PhotoSVG
	FileUnlinked
	FilesScriptsLeftOut
	SlugTaken
	AliasIsAPage
	AliasTwice
	PhotoUnviewable
	PhotoCannotRead
	PhotoHTML
	PhotoNotImage
	PhotoCutShort
	PhotoDamaged
	PhotoFormat
	PhotoNoPixels
	PhotoSizeMismatch
	PhotoTooLarge
	BranchUnknown
	BranchUnknownDidYouMean

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

	// Markdown conversion.
	BodyCannotConvert

	// The site's data/ folder.
	FolderCannotRead
	DataNotRead
	DataTooBig
	DataSyntaxYAML
	DataTooDeep
	DataSyntaxTOML
	DataQuoteUnclosedTOML
	DataDuplicateTOML
	DataSyntaxJSON
	DataJSONEndsInside
	DataJSONMore
	DataTooManyValues
	DataAliasTooBig
	DataNameTaken

	// Symbolic links among the site's files.
	SymlinkLoop
	SymlinkMissing
	SymlinkUnreadable
	SymlinkOutside
	SymlinkToFolder

	// Output files: names Windows or a web address cannot hold, and two
	// sources making one file.
	OutputBadName
	OutputSameFile
	OutputCaseOnly
	OutputFileAndFolder
	OutputKeptFolder
	NameTooLong
	NameEndsAddress
	NameWindowsChar
	NameControlChar
	NameWindowsEnd
	NameWindowsDevice
	SubjectValue
	SubjectField
	SubjectFolder
	SubjectFile
	HintOwnFiles
	HintSlug
	HintAlias
	HintTerm
	HintDate
	HintRenameFile
	HintRenameFolder
	HintStaticFile
	HintPageFile
	OriginHome
	OriginSearchIndex
	OriginThemeFile
	OriginGenerated
	OriginTermPage
	OriginListTags
	OriginListBranches
	OriginListYears
	OriginList
	OriginSearchPage
	OriginStatsPage
	OriginCatalogue
	Origin404
	OriginSitemap
	OriginRobots
	OriginFeed

	// Themes and templates.
	ThemeMissing
	TemplateParse
	TemplateExec
	TemplateMissing
	StringsTooBig
	StringsSyntax

	// The build's summary table.
	SumType
	SumPages
	SumTotal
	SumFiles
	SumSearch
	SumLayouts
	SumScheduled
	SumScheduledMore
	SumAwaiting
	SumWarnings
	AwaitingMissing
	AwaitingStep
	AwaitingFrom
	SchedPublish
	SchedPublicityFrom
	SchedPublicityTo
	SchedMeetingFrom
	SchedMeetingTo
	SchedApproved
	SchedPinEnd

	// What the commands tell the operator.
	OpBuildFailed
	OpWatchBuildFailed
	OpPublishFailed
	OpHintPermission
	OpHintReadOnly
	OpHintSpace
	OpCheckOK
	OpNoteDraft
	OpNoteAwaiting
	OpNowInvalid
	OpServing
	OpWatching
	OpChanged
	OpScheduledDue
	OpBuilt
	OpBuiltUnchanged
	OpPublished
	OpWatchPublishFailed

	// pubgen.toml.
	ConfigCannotRead
	ConfigTooBig
	ConfigUnknownKeyDidYouMean
	ConfigUnknownKey
	ConfigWrongType
	ConfigSyntax
	ConfigQuoteUnclosed
	ConfigKindText
	ConfigKindNumber
	ConfigKindBool
	ConfigKindList
	ConfigKindTable
	ConfigKindWhole
	ConfigKindQuoted
	ConfigURLStyle
	ConfigPageSize
	ConfigMegapixels
	ConfigTimezoneLocal
	ConfigTimezoneUnknown
	ConfigTheme
	ConfigBaseURL
	BaseURLChar
	BaseURLNotAbsolute
	BaseURLUser
	BaseURLQuery
	BaseURLFragment
	ConfigStaticFile
	StaticNotRelative
	StaticNotImage
	ConfigStaticMissing
	ConfigPattern
	ConfigBranchNameEmpty
	ConfigBranchNameTwice
	ConfigBranchSlug
	ConfigBranchSlugTwice
	ConfigLedgerPeriod
	ConfigLedgerMin

	// The search index, as build, serve and search find it.
	IndexDamaged
	IndexRebuilt
	IndexRunBuild
	IndexCannotOpen
	IndexInUseSession
	IndexCannotWrite
	IndexNoTemp

	// Why the system refused (msg.Cause chooses among them).
	CausePermission
	CauseNotExist
	CauseExist
	CauseNoSpace
	CauseQuota
	CauseReadOnly
	CauseNotDir
	CauseIsDir
	CauseNameTooLong
	CauseBusy
	CauseCrossDevice
	CauseNotEmpty
	CauseTooManyFiles

	// Publishing into the destination folder (publish.Error).
	PublishNoDest
	PublishDest
	PublishDestRoot
	PublishDestHome
	PublishDestHoldsCwd
	PublishDestParent
	PublishDestParentNotDir
	PublishDestSymlink
	PublishDestNotDir
	PublishLockFolder
	PublishBusy
	PublishLock
	PublishStaging
	PublishMoveIn
	PublishSwitch
	PublishMoveAside
	PublishRestoreFailed
	PublishFlushParent
	PublishMkdir
	PublishFlush
	PublishWrite
	PublishCopy
	PublishBadEntry
	PublishReadParent
	PublishManyRetired
	PublishRestore
	PublishLeftover

	// More of what the commands tell the operator.
	OpWaitingLock
	OpWatchError
	OpPortBusy
	OpCannotListen
	OpNextScheduled
	OpNoIndex
	OpSearchNone
	OpInitWrote
	OpInitNote
	OpInitNext
	OpNewNext
	OpNewNextShowcase
	OpNewNextStudy
	OpNewBranchUnknown

	// The commands' usage: what to type.
	UsageIntro
	UsageCommands
	UsageMore
	UsageLine
	UsageFlags
	UsageDefault
	UsageUnknownCommand
	UsageUnknownFlag
	UsageFlagNeedsValue
	UsageFlagBadValue
	UsageSeeHelp
	UsageExtraArgs
	OpNoSite
	CmdBuild
	CmdBuildArgs
	CmdServe
	CmdServeArgs
	CmdCheck
	CmdCheckArgs
	CmdSearch
	CmdSearchArgs
	CmdInit
	CmdInitArgs
	CmdNew
	CmdNewArgs
	CmdVersion
	CmdVersionArgs
	ArgsInit
	ArgsNew
	ArgsSearch
	ArgsVersion
	FlagSource
	FlagDrafts
	FlagFuture
	FlagStrict
	FlagNow
	FlagDest
	FlagJSON
	FlagNoMinify
	FlagWatch
	FlagBind
	FlagPort
	FlagBasePath
	FlagAllowedHosts
	FlagSearchJSON
	FlagLimit
	FlagType
	FlagBranch
	FlagYear
	FlagStatus
	FlagByDate
	FlagEmpty
	FlagNewBranch

	// Attachments whose text is read for search (attach.Problem).
	AttachNotSearchable
	AttachPartlySearchable
	AttachCannotRead
	AttachTooBig
	AttachTooMuchReading
	AttachTimeout
	AttachNotPDF
	AttachNotWord
	AttachNotExcel
	AttachEncrypted
	AttachNoPages
	AttachBinary
	AttachPartStopped
	AttachPartTextPages
	AttachPartPageCount
	AttachPartText

	// pubgen init and pubgen new (package scaffold).
	ScaffoldNotEmpty
	ScaffoldInitFailed
	ScaffoldNewBadType
	ScaffoldNewNoTitle
	ScaffoldNewFailed
	ScaffoldNoArchetype
	ScaffoldArchetypeBroken
	ScaffoldArchetypeNoStart
	CausePath

	// What the dev server answers a browser it refuses.
	ServeNoHost
	ServeHostRefused
	IndexInUse
	ServeOverlayHeading
	ServeMethod
	ServeNotFound
	ServeQueryTooLong
	ServeSearchFailed

	// Watching the site's folders for changes (package watch).
	WatchCannotStart
	WatchFolder
	WatchLimit
	WatchOverflow
	WatchNoRoot
	WatchDirOutside

	// pubgen's own mistakes, which no author or operator can fix.
	Internal

	// Files the minifier cannot parse (package minify).
	MinifyOutput
	MinifyAsset

	numKeys
)

var entries = []entry{
	{KindScalar, "word.kind.scalar", "一个值", "a single value", nil},
	{KindList, "word.kind.list", "一个列表", "a list", nil},
	{KindMap, "word.kind.map", "一组字段", "a set of fields", nil},
	{KindEmpty, "word.kind.empty", "空的", "empty", nil},
	{WordStart, "word.start", "开始", "start", nil},
	{WordEnd, "word.end", "结束", "end", nil},
	{TypeName, "word.type", "%[1]s（%[2]s）", "%[2]s", []any{"支部通知", "notice"}},

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
	{BodyTooDeep, "page.body.too-deep",
		"正文里的引用（>）或列表套了 %d 层，太多了（最多 %d 层）。请减少嵌套，或把内容分成几段。",
		"quotes or lists nest %d levels deep (want at most %d)", []any{120, 100}},
	{BodyTooManyOpenLinks, "page.body.open-links",
		"正文里有 %d 处链接写了“[…](”却没有用“)”结束（所在段落最长 %d 字节），无法在合理时间内转换。请给每个链接补上“)”，或把页面拆开。",
		"the text has %d unclosed links '[…](' in paragraphs of up to %d bytes, too many to convert in reasonable time (want each '](' closed by ')'); close them or split the page", []any{25000, 100000}},
	{FileNotRegular, "file.not-regular",
		"这是%s，不是普通文件，无法读取。请删除它或移出网站文件夹。",
		"is %s, not a regular file (expected an ordinary file; delete or move it)", []any{FileKindPipe}},
	{FileKindPipe, "word.file.pipe", "一个命名管道（FIFO）", "a named pipe (FIFO)", nil},
	{FileKindSocket, "word.file.socket", "一个套接字", "a socket", nil},
	{FileKindCharDevice, "word.file.char-device", "一个字符设备", "a character device", nil},
	{FileKindDevice, "word.file.device", "一个设备", "a device", nil},
	{FileKindIrregular, "word.file.irregular", "一个特殊文件", "an irregular file", nil},
	{SyntaxYAML, "page.syntax.yaml",
		"前言区这一行的写法不对。每行写成“字段: 值”，用英文冒号，冒号后空一格，例如：title: 关于召开支部党员大会的通知%.0[1]s",
		"front matter is not valid YAML: %s (want key: value lines)", []any{"mapping values are not allowed in this context"}},
	{SyntaxTOML, "page.syntax.toml",
		"前言区（两行 +++ 之间）这一行的写法不对。每行写成 字段 = 值，文字加英文引号，例如：title = \"关于召开支部党员大会的通知\"%.0[1]s",
		"front matter is not valid TOML: %s (want key = value lines)", []any{"expected character ="}},
	{SyntaxTab, "page.syntax.tab",
		"这一行用 Tab 键缩进了。只能用空格缩进，请把 Tab 换成两个空格。",
		"is indented with a tab (want spaces: YAML does not allow tabs)", nil},
	{SyntaxFullWidthIndent, "page.syntax.full-width-indent",
		"这一行开头有全角空格。请用普通（半角）空格缩进，例如：  kind: 支部党员大会",
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
		"unknown field (%[1]s belongs to %[2]s pages; check the folder or the type)", []any{"meeting", New(TypeName, "支部通知", "notice")}},
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
	{FileCannotRead, "page.file.cannot-read",
		"读不出这个文件（%s）。请确认它能用编辑器打开，再保存一次。",
		"cannot read: %s", []any{"permission denied"}},
	{FileIsFolder, "file.is-folder",
		"这是一个文件夹，不是文件。这里要放的是同名的文件：请把这个文件夹改名或移走。",
		"is a folder (want a file of this name: rename or move the folder)", nil},
	{FileTooBig, "page.file.too-big",
		"文件有 %[1]s，太大了，不像是页面文字（最多 %[2]s）。大的文档请放在 index.md 旁边作为附件。",
		"file is %[1]s (want a content file under %[2]s; large documents go beside index.md as attachments)", []any{"38.0 MB", "10.0 MB"}},
	{FileGrew, "page.file.grew",
		"读文件时它变得超过了 %[1]s。请等文件保存完再构建，页面文件最多 %[1]s。",
		"file grew past %[1]s while being read (want a content file under %[1]s)", []any{"10.0 MB"}},
	{Placeholder, "page.placeholder",
		"还是模板的提示文字“%s”（请替换为实际内容或删除；要暂不发布，写 draft: true）",
		"still holds the archetype's hint %q (want your own text in its place, or the line removed; to keep the page unpublished, write draft: true)", []any{"（会议地点）"}},
	{CoverMissing, "page.cover.missing",
		"成果展示要有封面照片。请把照片放在 index.md 旁边，再写一行，例如：cover: 封面.jpg",
		"is missing (want a cover image beside index.md, e.g. cover: cover.jpg)", nil},

	{WordLink, "word.link", "链接", "link", nil},
	{WordImage, "word.image", "图片", "image", nil},
	{LinkProblem, "link.problem",
		"%[1]s“%[2]s”：%[3]s",
		"%[1]s %[2]q: %[3]s", []any{New(WordLink), "../../notices/nothere.md", New(LinkNoSuchPage, "content/notices/nothere.md")}},
	{LinkScript, "link.script",
		"是一段脚本，不能使用。请链接网址（http:// 或 https://）、邮箱（mailto:）或本站的页面。",
		"is a script address (want an http(s), mailto: or site link)", nil},
	{LinkBadAddress, "link.bad-address",
		"不是有效的地址。请写成这样的路径：../study/a.md",
		"is not a valid address (want a path such as ../study/a.md)", nil},
	{LinkNoSuchPage, "link.no-such-page",
		"指向的页面 %s 不存在。请写 content/ 里某个 .md 文件相对于本文件的路径，例如：[学习资料](../study/a.md)",
		"no such page %s (want a path to a .md file under content/, relative to this file)", []any{"content/notices/nothere.md"}},
	{LinkNothingAt, "link.nothing-at",
		"网站上没有 %s。请链接 static/ 里的文件，或某个页面的地址。",
		"nothing is published at %s (want a file under static/ or a page's address)", []any{"/files/rules.pdf"}},
	{LinkScriptFile, "link.script-file",
		"不会发布：content/ 里的 HTML、JavaScript、SVG 和 XML 文件可能在网页里运行脚本。请改用 PDF、Office 文档或图片。",
		"is not published: HTML, JavaScript, SVG and XML files from content/ can run script in the portal (want a PDF, office or image file, or markdown.unsafe = true in pubgen.toml)", nil},
	{LinkNotBundle, "link.not-bundle",
		"找不到：只有页面文件夹里才能放文件。请把本页改成 %[1]s/index.md，文件放在它旁边。",
		"files only go with a page bundle (want the page moved to %[1]s/index.md with the file beside it)", []any{"content/notices/a"}},
	{LinkNoAnchor, "link.no-anchor",
		"%[2]s 里没有标题或锚点 #%[3]s。请检查 # 后面的部分，它应是该页某个标题的 id。",
		"%[2]s has no heading or anchor #%[3]s (want one of its headings' ids)", []any{"../study/a.md#part-2", "content/study/a.md", "part-2"}},
	{FileProblem, "file.problem",
		"“%[1]s”%[2]s",
		"%[1]q %[2]s", []any{"会议议程.pdf", New(FileNotInFolder, "content/notices/a")}},
	{FileNotInFolder, "file.not-in-folder",
		"不在 %s/ 文件夹里。请把文件放在 index.md 旁边，文件名要一字不差。",
		"is not in %s/ (want a file beside index.md)", []any{"content/notices/a"}},
	{FileNotInFolderCase, "file.not-in-folder-case",
		"不在 %s/ 文件夹里。是不是 %s？大小写要一致。",
		"is not in %s/ (did you mean %s? Upper and lower case must match)", []any{"content/showcases/a", "封面.JPG"}},
	{FileNotBundle, "file.not-bundle",
		"找不到：只有页面文件夹里才能放文件。请把本页改成 %[1]s/index.md，把 %[2]s 放在它旁边。",
		"cannot be found: files only go with a page bundle (want the page moved to %[1]s/index.md with %[2]s beside it)", []any{"content/study/a", "讲稿.pdf"}},
	{FileScript, "file.script",
		"不会发布：content/ 里的 HTML、JavaScript 和 XML 文件可能在网页里运行脚本。请改用 PDF、Office 文档或文本文件。",
		"is not published: HTML, JavaScript and XML files from content/ can run script in the portal (want a PDF, office or text file, or markdown.unsafe = true in pubgen.toml)", nil},
	{FileUnlinked, "file.unlinked",
		"%[1]s 没有用到这个文件，所以不会发布。要发布它，请在正文里链接它，或写进 attachments；不发布就不用管。",
		"not linked from %[1]s, so not published (link it from the text, list it under attachments, or add a pattern for it to publish_unreferenced under [content] in pubgen.toml)", []any{"index.md"}},
	{FilesScriptsLeftOut, "file.scripts-left-out",
		"%[1]s/ 里的 %[2]s 不会发布：HTML、JavaScript、SVG 和 XML 文件可能在网页里运行脚本。请改用 PDF、Office 文档或图片。",
		"not published from %[1]s/: %[2]s (HTML, JavaScript, SVG and XML files can run script; set markdown.unsafe = true in pubgen.toml to publish them)", []any{"content/study/a", "demo.html, p.js"}},
	{SlugTaken, "page.slug.taken",
		"网址 %[1]s 和 %[2]s 的重复了。请给其中一个写别的 slug，或改文件名，例如：slug: {date}-meeting-2",
		"writes %[1]s, which %[2]s also writes (want a unique slug or file name)", []any{"notices/a/index.html", "content/notices/a.md"}},
	{AliasIsAPage, "page.alias.is-a-page",
		"“%[1]s”是 %[2]s 现在的网址，不能当旧网址。请只写已经不用的旧网址。",
		"%[1]q is the address of %[2]s (want an old address that no page uses)", []any{"notices/a/", "content/notices/a.md"}},
	{AliasTwice, "page.alias.twice",
		"“%[1]s”也是 %[2]s 的旧网址。每个旧网址只能写在一个页面里。",
		"%[1]q is also an alias of %[2]s (want each old address once)", []any{"old/notice-1", "content/notices/b.md"}},
	{PhotoSVG, "file.photo-svg",
		"不能用 SVG 图片（它可以带脚本）。请改用 JPG 或 PNG 照片。",
		"SVG images are not allowed (they can contain script); use a JPEG or PNG", nil},
	{PhotoUnviewable, "photo.unviewable",
		"是 %[1]s 格式的图片，多数浏览器显示不了。请改成 JPG 或 PNG：%[2]s。",
		"is a %[1]s image, which most browsers cannot show (want a JPEG or PNG: %[2]s)", []any{"HEIC", "把照片另存为 JPG"}},
	{PhotoCannotRead, "photo.cannot-read",
		"读不出来（%[1]s）。请确认这张照片能打开，再把它复制一次。",
		"cannot be read: %[1]s", []any{New(CausePermission, "open content/showcases/a/封面.jpg: permission denied")}},
	{PhotoHTML, "photo.html",
		"是一个网页，不是照片（是不是把网页存成了图片的名字？）。请换成 JPG 或 PNG 照片。",
		"is an HTML page, not a photo (want a JPEG or PNG photo; was a web page saved under an image name?)", nil},
	{PhotoNotImage, "photo.not-image",
		"不是 JPG 或 PNG 图片。请换成 JPG 或 PNG 照片。",
		"is not a JPEG or PNG image (want a JPEG or PNG photo)", nil},
	{PhotoCutShort, "photo.cut-short",
		"文件不完整，像是没有复制完。请把这张照片重新复制一次。",
		"is cut short (want a complete JPEG or PNG photo; copy it again)", nil},
	{PhotoDamaged, "photo.damaged",
		"图片已损坏，打不开。请换一张 JPG 或 PNG 照片。%.0[1]s",
		"is a damaged image: %s (want a JPEG or PNG photo)", []any{"invalid JPEG format: bad RST marker"}},
	{PhotoFormat, "photo.format",
		"是 %s 格式的图片。请换成 JPG 或 PNG 照片。",
		"is a %s image (want a JPEG or PNG photo)", []any{"gif"}},
	{PhotoNoPixels, "photo.no-pixels",
		"图片是空的（%d×%d）。请换一张照片。",
		"image has no pixels (%d×%d)", []any{0, 0}},
	{PhotoSizeMismatch, "photo.size-mismatch",
		"图片已损坏：文件里写的尺寸是 %d×%d，实际是 %d×%d。请换一张 JPG 或 PNG 照片。",
		"is a damaged image: header says %d×%d, pixels are %d×%d (want a JPEG or PNG photo)", []any{4000, 3000, 400, 300}},
	{PhotoTooLarge, "photo.too-large",
		"有 %[1]d×%[2]d 像素（%.1[3]f 百万像素），太大了（最多 %[4]s 百万像素）。请先把照片缩小再放进来。",
		"is %[1]d×%[2]d pixels (%.1[3]f megapixels; want at most %[4]s megapixels — scale it down before adding it)", []any{60000, 60000, 3600.0, "50"}},
	{BranchUnknown, "page.branch.unknown",
		"“%[1]s”不是本站的支部。请写 pubgen.toml 里的支部名称之一：%[2]s",
		"%[1]q is not a branch of this site (want one of the branches in pubgen.toml: %[2]s)", []any{"第九支部", "机关第一党支部、生产运营党支部"}},
	{BranchUnknownDidYouMean, "page.branch.did-you-mean",
		"“%[1]s”不是本站的支部，是不是想写 %[2]s？",
		"%[1]q is not a branch of this site (did you mean %[2]s?)", []any{"机关一支部", "机关第一党支部"}},

	{BodyCannotConvert, "page.body.cannot-convert",
		"正文没能转换成网页（%s）。请检查正文开头附近的写法；看不出问题的，请把这个文件发给网站的维护人员。",
		"cannot convert Markdown: %s", []any{"markup: rendering HTML: short write"}},

	{FolderCannotRead, "folder.cannot-read",
		"读不出这个文件夹（%s）。请确认它存在，并且能打开。",
		"cannot read: %s", []any{"permission denied"}},
	{DataNotRead, "data.not-read",
		"不会读取这个文件：data/ 里只读取文件名以 %[1]s 结尾的数据文件。请改文件名，或把它移出 %[2]s/ 文件夹。",
		"is not read: templates see only data files ending in %[1]s (rename it, or move it out of %[2]s/)", []any{".json, .toml, .yaml, .yml", "data"}},
	{DataTooBig, "data.too-big",
		"文件有 %d KB，太大了（最多 %d KB）。这里只放网页模板要用的数据，长的文字请写在 content/ 的页面里。",
		"is %d KB (want under %d KB: data for templates; long texts belong in content/)", []any{2048, 1024}},
	{DataSyntaxYAML, "data.syntax.yaml",
		"这一行的写法不对。每行写成“名称: 值”，用英文冒号，冒号后空一格，缩进只用空格，例如：name: 机关第一党支部%.0[1]s",
		"is not valid YAML: %s (want key: value lines, indented with spaces)", []any{"mapping values are not allowed in this context"}},
	{DataTooDeep, "data.too-deep",
		"括号或缩进套了太多层。请每项写一行，子项最多再缩进几层。%.0[1]s",
		"nests too deep: %s (want values a few levels deep)", []any{"exceeded max depth of 10000"}},
	{DataSyntaxTOML, "data.syntax.toml",
		"这一行的写法不对。每行写成 名称 = 值：名称用英文字母、数字或 _（中文名称要加英文双引号），文字加英文双引号，例如：name = \"机关第一党支部\"%.0[1]s",
		"is not valid TOML: %s (want key = value lines)", []any{"expected character ="}},
	{DataQuoteUnclosedTOML, "data.quote-unclosed.toml",
		"引号没有结束。文字要用英文双引号括起来，并写在同一行，例如：name = \"机关第一党支部\"%.0[1]s",
		"is not valid TOML: %s (want key = value lines, text in double quotes on one line)", []any{"basic strings cannot have new lines"}},
	{DataDuplicateTOML, "data.duplicate.toml",
		"“%[1]s”在前面已经写过了。每个名称只写一次，请删掉其中一处。",
		"is not valid TOML: %[2]s (want each key once)", []any{"name", "key name is already defined"}},
	{DataSyntaxJSON, "data.syntax.json",
		"这里的写法不对。名称和文字都要加英文双引号，各项之间用英文逗号，括号要配对，例如：{\"name\": \"机关第一党支部\", \"members\": 12}%.0[1]s",
		"is not valid JSON: %s (want one object or list, e.g. {\"name\": \"…\"})", []any{"invalid character ']' looking for beginning of value"}},
	{DataJSONEndsInside, "data.json.ends-inside",
		"文件在这里就结束了，前面有括号或引号没有配对。请补上缺少的 }、] 或 \"。",
		"is not valid JSON: the file ends inside a value (want one object or list, e.g. {\"name\": \"…\"})", nil},
	{DataJSONMore, "data.json.more",
		"前面的内容已经完整，这里又开始了一组。一个文件只写一组 { } 或 [ ]；要写几组，请把它们放进同一个 [ ] 里，用英文逗号隔开。",
		"is not valid JSON: more after the first value (want one object or list per file)", nil},
	{DataTooManyValues, "data.too-many-values",
		"文件的内容超过 %[1]d 项，太多了。请把它拆成几个文件。",
		"holds more than %[1]d values (want at most %[1]d)", []any{100000}},
	{DataAliasTooBig, "data.alias-too-big",
		"*%[1]s 展开后超过 %[2]d 项，太多了。请直接写出内容，不要层层引用。",
		"the alias *%[1]s makes the file hold more than %[2]d values (want aliases that repeat a few values; write long lists out)", []any{"d", 100000}},
	{DataNameTaken, "data.name-taken",
		"在模板里要叫 .Site.Data.%[1]s，可这个名字 %[2]s 已经在用了。请把其中一个改名。",
		"gives .Site.Data the name %[1]q, which %[2]s already has (want one file per name: rename one of them)", []any{"branches", "data/branches.json"}},

	{SymlinkLoop, "symlink.loop",
		"这是一个符号链接（快捷方式），它绕了一圈又指回自己，打不开。请删除它，换成文件本身。",
		"symlink loop (want a real file or a link inside the site)", nil},
	{SymlinkMissing, "symlink.missing",
		"这是一个符号链接（快捷方式），它指向的 %s 不存在。请把文件本身放在这里，或删除这个链接。",
		"symlink points to %s, which does not exist (want a real file or a link inside the site)", []any{"static/nothing-here"}},
	{SymlinkUnreadable, "symlink.unreadable",
		"这是一个符号链接（快捷方式），读不出它指向哪里（%s）。请换成文件本身。",
		"symlink cannot be read: %s (want a real file or a link inside the site)", []any{"permission denied"}},
	{SymlinkOutside, "symlink.outside",
		"这是一个符号链接（快捷方式），指向网站文件夹以外的地方，不能发布。请把文件本身复制到这里，替换这个链接。",
		"symlink points outside the site (want a real file or a link inside the site)", nil},
	{SymlinkToFolder, "symlink.to-folder",
		"这是指向文件夹的符号链接（快捷方式），里面的文件既不会读取，也不会发布。请把文件本身放进来，或每个文件各建一个链接。",
		"is a link to a folder, which is neither read nor copied (want the files themselves in the folder, or one link per file)", nil},

	{OutputBadName, "output.bad-name",
		"%[1]s会生成 %[2]s，其中的“%[3]s”%[4]s",
		"%[1]s becomes %[2]s: %[3]q %[4]s", []any{New(SubjectFile), "notices/a#b/index.html", "a#b", New(NameEndsAddress, '#')}},
	{OutputSameFile, "output.same-file",
		"%[1]s和 %[2]s 都会生成 %[3]s。%[4]s",
		"%[1]s and %[2]s both become %[3]s (%[4]s)", []any{New(SubjectFile), New(OriginSearchPage), "search/index.html", New(HintPageFile)}},
	{OutputCaseOnly, "output.case-only",
		"%[1]s会生成 %[2]s，%[3]s 会生成 %[4]s：两个名字只差大小写，复制到 Windows 的共享文件夹里就成了同一个文件。%[5]s",
		"%[1]s becomes %[2]s and %[3]s becomes %[4]s: the names differ only in case, so a Windows share keeps one file for both (%[5]s)", []any{New(SubjectFile), "n/A/index.html", "content/n/a.md", "n/a/index.html", New(HintPageFile)}},
	{OutputFileAndFolder, "output.file-and-folder",
		"%[1]s会生成 %[2]s，但 %[3]s 要把 %[4]s 用作一个文件：同一个名字不能既是文件又是文件夹。%[5]s",
		"%[1]s becomes %[2]s, but %[3]s makes %[4]s a file: one name cannot be both a file and a folder (%[5]s)", []any{New(SubjectValue, "index.html"), "n/index.html/index.html", "content/n/", "n/index.html", New(HintSlug)}},
	{OutputKeptFolder, "output.kept-folder",
		"%[1]s会生成 %[2]s，但 %[3]s 这个文件夹归%[4]s使用。%[5]s",
		"%[1]s becomes %[2]s, but %[3]s belongs to %[4]s (%[5]s)", []any{New(SubjectFile), "search/x.txt", "search/", New(OriginSearchIndex), New(HintStaticFile)}},
	{NameTooLong, "name.too-long",
		"太长了：有 %d 字节（最多 %d 字节，一个汉字占 3 字节）。请换一个短一些的名字。",
		"is %d bytes long (want at most %d bytes; a Chinese character takes 3)", []any{300, 255}},
	{NameEndsAddress, "name.ends-address",
		"含有“%c”，在网址里它表示地址到此为止，链接会打不开。请只用汉字、字母、数字、- 或 _。",
		"contains %q, which ends a web address (want letters, digits, '-' or '_')", []any{'#'}},
	{NameWindowsChar, "name.windows-char",
		"含有“%c”，Windows 的文件名里不能有这个字符。请只用汉字、字母、数字、- 或 _。",
		"contains %q, which Windows does not allow in a file name (want letters, digits, '-' or '_')", []any{':'}},
	{NameControlChar, "name.control-char",
		"含有看不见的控制字符 %q。请重新输入这个名字，只用汉字、字母、数字、- 或 _。",
		"contains the control character %q (want letters, digits, '-' or '_')", []any{'\t'}},
	{NameWindowsEnd, "name.windows-end",
		"以“%s”结尾，Windows 会把它从文件名里去掉。请让名字以汉字、字母或数字结尾。",
		"ends in %q, which Windows drops from a file name (want a name ending in a letter or digit)", []any{"."}},
	{NameWindowsDevice, "name.windows-device",
		"是 Windows 留给设备用的名字，那里的文件不能叫这个名字。请换一个名字。",
		"is a device name on Windows, which no file there can have (want another name)", nil},
	{SubjectValue, "word.subject.value", "“%s”", "%q", []any{"C++"}},
	{SubjectField, "word.subject.field", "这个字段", "this field", nil},
	{SubjectFolder, "word.subject.folder", "这个文件夹", "this folder", nil},
	{SubjectFile, "word.subject.file", "这个文件", "this file", nil},
	{HintOwnFiles, "hint.own-files",
		"这是网站自己生成的文件互相冲突，请告诉网站的维护人员。",
		"want a theme or site whose own files do not collide; please report this", nil},
	{HintSlug, "hint.slug",
		"请换一个 slug，例如：slug: {date}-meeting-2",
		"want another slug", nil},
	{HintAlias, "hint.alias",
		"请写一个网站里别处没有用过的旧网址。",
		"want an old address that nothing else in the site uses", nil},
	{HintTerm, "hint.term",
		"网址里不分大小写，也不保留标点，所以这两个名字在网址里是一样的。请让两个名字在文字、字母或数字上有所不同，或统一成一种写法。",
		"want names that differ in their letters or digits, since case and punctuation are left out of addresses, or one spelling for both", nil},
	{HintDate, "hint.date", "请换一个日期。", "want another date", nil},
	{HintRenameFile, "hint.rename-file", "请给这个文件改名。", "want the file renamed", nil},
	{HintRenameFolder, "hint.rename-folder", "请给这个文件夹改名。", "want the folder renamed", nil},
	{HintStaticFile, "hint.static-file",
		"请把 static/ 里的这个文件改名、移走或删除。",
		"want the file in static/ renamed, moved or removed", nil},
	{HintPageFile, "hint.page-file",
		"请给文件改名，或在前言区写一个 slug，例如：slug: {date}-meeting-2",
		"want another file name, or a slug in the front matter", nil},
	{OriginHome, "word.origin.home", "首页", "the home page", nil},
	{OriginSearchIndex, "word.origin.search-index", "搜索索引", "the search index (搜索索引)", nil},
	{OriginThemeFile, "word.origin.theme-file", "主题里的 %s", "the theme's %s", []any{"css/site.css"}},
	{OriginGenerated, "word.origin.generated", "自动生成的文件", "a generated file", nil},
	{OriginTermPage, "word.origin.term-page", "%s 这一页", "the page of %s", []any{"tags/dangjian/"}},
	{OriginListTags, "word.origin.list-tags", "全部标签的列表页", "the list of all tags", nil},
	{OriginListBranches, "word.origin.list-branches", "全部支部的列表页", "the list of all branches", nil},
	{OriginListYears, "word.origin.list-years", "全部年份的列表页", "the list of all years", nil},
	{OriginList, "word.origin.list", "%s 的列表页", "the list of all %s", []any{"topics"}},
	{OriginSearchPage, "word.origin.search-page", "搜索页", "the search page (搜索页)", nil},
	{OriginStatsPage, "word.origin.stats-page", "数据统计页", "the statistics page (数据统计)", nil},
	{OriginCatalogue, "word.origin.catalogue", "党务公开目录", "the disclosure catalogue (党务公开目录)", nil},
	{Origin404, "word.origin.404", "“找不到网页”页面（404.html）", "the 404 page", nil},
	{OriginSitemap, "word.origin.sitemap", "网站地图（sitemap.xml）", "the sitemap", nil},
	{OriginRobots, "word.origin.robots", "robots.txt", "robots.txt", nil},
	{OriginFeed, "word.origin.feed", "%s 的订阅源（Atom）", "the Atom feed of %s", []any{"notices/"}},

	{ThemeMissing, "theme.missing",
		"找不到主题“%[1]s”：没有 %[2]s/layouts 文件夹。请把主题文件夹放进 themes/，或改回默认主题：theme = \"default\"",
		"theme %[1]q not found: %[2]s/layouts is missing (want the theme folder under themes/, or theme = \"default\" in pubgen.toml)", []any{"red", "themes/red"}},
	{TemplateParse, "template.parse",
		"模板这一行写得不对，网站无法生成：%s。请检查 {{ 和 }} 是否成对，里面的名称是否写对。",
		"template: %s", []any{`unexpected "<" in operand`}},
	{TemplateExec, "template.exec",
		"生成 %[1]s（来自 %[2]s）时，模板在这一行出错：%[3]s。请检查这一行模板的写法，或这个页面是否缺少模板要用的内容。",
		"rendering %[1]s (from %[2]s): %[3]s", []any{"notices/a/index.html", "content/notices/a.md", `executing "main" at <index .Page.Tags 3>: error calling index: index out of range: 3`}},
	{TemplateMissing, "template.missing",
		"主题“%[1]s”里没有生成 %[2]s 这类页面的模板。请在网站或主题的 layouts/ 里加上其中一个文件：%[3]s",
		"%[2]s: no layout for it in theme %[1]q (want one of: %[3]s)", []any{"red", "notices/a/index.html", []Text{Raw("layouts/notice/single.html"), Raw("layouts/_default/single.html")}}},
	{StringsTooBig, "strings.too-big",
		"文件有 %d KB，太大了（最多 %d KB）。这里只放界面上的文字，每行写成 名称 = \"文字\"。",
		"is %d KB (want under %d KB of key = \"text\" lines)", []any{1562, 1024}},
	{StringsSyntax, "strings.syntax",
		"这一行的写法不对。界面上的文字每行写成 名称 = \"文字\"，文字加英文双引号，例如：search = \"搜索\"%.0[1]s",
		"%s (want key = \"text\" lines)", []any{"expected character ="}},

	{SumType, "summary.type", "类型", "type", nil},
	{SumPages, "summary.pages", "页数", "pages", nil},
	{SumTotal, "summary.total", "合计", "total", nil},
	{SumFiles, "summary.files",
		"共 %d 个文件，%s，用时 %d 毫秒",
		"%d files, %s, in %d ms", []any{180, "2.4 MB", 950}},
	{SumSearch, "summary.search",
		"搜索索引：新增 %d 页，修改 %d 页，删除 %d 页，%d 页没有变化",
		"search index: %d added, %d changed, %d removed, %d unchanged", []any{3, 1, 0, 120}},
	{SumLayouts, "summary.layouts",
		"本站自己的模板（代替主题里的同名文件）：%s",
		"site layouts (over the theme's): %s", []any{"layouts/partials/footer.html"}},
	{SumScheduled, "summary.scheduled",
		"定时变化（build --watch 和 serve 会到时自动重新构建；否则请到时再构建一次）：",
		"scheduled changes (build --watch and serve rebuild on time; otherwise build again then):", nil},
	{SumScheduledMore, "summary.scheduled-more",
		"  …还有 %d 项（见 --json）",
		"  … %d more scheduled (see --json)", []any{4}},
	{SumAwaiting, "summary.awaiting",
		"%d 项党务公开还在等审批，没有发布（党务公开程序：提出 → 审核 → 审批）：",
		"%d disclosure(s) awaiting approval, not published (党务公开 procedure: 提出 → 审核 → 审批):", []any{1}},
	{SumWarnings, "summary.warnings",
		"%d 处提醒：",
		"%d warning(s):", []any{1}},
	{AwaitingMissing, "summary.awaiting.missing",
		"%s：还没有填写 %s",
		"%s: missing %s", []any{"content/disclosures/a.md", []Text{New(AwaitingStep, "reviewed_by", "审核（含保密审查）")}}},
	{AwaitingStep, "summary.awaiting.step",
		"review.%s（%s）",
		"review.%s (%s)", []any{"approved_by", "审批"}},
	{AwaitingFrom, "summary.awaiting.from",
		"%s：%s 审批通过，到时发布",
		"%s: approved on %s, published then", []any{"content/disclosures/a.md", "2026-12-05T00:00:00+08:00"}},
	{SchedPublish, "summary.change.publish", "上线", "goes live", nil},
	{SchedPublicityFrom, "summary.change.publicity-from", "公示开始", "publicity period opens", nil},
	{SchedPublicityTo, "summary.change.publicity-to", "公示结束", "publicity period closes", nil},
	{SchedMeetingFrom, "summary.change.meeting-from", "会议开始", "meeting starts", nil},
	{SchedMeetingTo, "summary.change.meeting-to", "会议结束", "meeting ends", nil},
	{SchedApproved, "summary.change.approved", "审批通过，上线", "approved: goes live", nil},
	{SchedPinEnd, "summary.change.pin-end", "取消置顶", "pin ends", nil},

	{OpBuildFailed, "op.build-failed",
		"构建失败：这次没有发布任何内容，已发布的网站保持原样。",
		"build failed: nothing was published", nil},
	{OpWatchBuildFailed, "op.watch-build-failed",
		"构建失败：这次没有发布任何内容；改好文件后会自动重新构建。",
		"build failed: nothing was published; waiting for the next change", nil},
	{OpPublishFailed, "op.publish-failed",
		"发布失败：这次没有发布任何内容，%[1]s 保持原样%[2]s。",
		"build failed: nothing was published; %[1]s is as it was%[2]s", []any{"public", New(OpHintSpace)}},
	{OpHintPermission, "op.hint.permission",
		"（需要对 %s 及其中所有内容有写权限）",
		" (want write permission on %s and on everything in it)", []any{"/srv/www"}},
	{OpHintReadOnly, "op.hint.read-only",
		"（%s 所在的磁盘是只读的）",
		" (%s is on a read-only file system)", []any{"/srv/www"}},
	{OpHintSpace, "op.hint.space",
		"（磁盘空间不够：旁边要能再放下一份网站）",
		" (want free space for a second copy of the site beside it)", nil},
	{OpCheckOK, "op.check-ok",
		"检查通过：%d 个页面，%d 个文件，%d 处提醒。",
		"ok: %d pages, %d files, %d warning(s)", []any{42, 180, 0}},
	{OpNoteDraft, "op.note-draft",
		"说明：%s",
		"note: %s", []any{"content/notices/a.md: 草稿"}},
	{OpNoteAwaiting, "op.note-awaiting",
		"说明：还在等审批，没有发布：%s",
		"note: awaiting approval, not published: %s", []any{"content/disclosures/a.md (approved_by)"}},
	{OpNowInvalid, "op.now-invalid",
		"--now 后面的“%s”不是日期。请写成 --now {date} 或 --now \"{date} 14:30\"。",
		"--now %q is not a date (want e.g. --now {date} or --now \"{date} 14:30\")", []any{"明天"}},

	{OpServing, "op.serving",
		"预览地址：%s （按 Ctrl+C 停止）",
		"serving at %s (Ctrl+C to stop)", []any{"http://127.0.0.1:1313/"}},
	{OpWatching, "op.watching",
		"正在留意 %s 里的改动，改了就会重新发布（按 Ctrl+C 停止）",
		"watching %s (Ctrl+C to stop)", []any{"site"}},
	{OpChanged, "op.changed",
		"有改动：%v",
		"changed: %v", []any{[]string{"content/notices/a.md"}}},
	{OpScheduledDue, "op.scheduled-due",
		"有页面到了定时发布或撤下的时间，正在重新构建。",
		"scheduled change due: rebuilding", nil},
	{OpBuilt, "op.built",
		"构建完成，用时 %d 毫秒：共 %d 个文件，%d 个有变化。",
		"built in %d ms: %d files, %d changed", []any{120, 180, 2}},
	{OpBuiltUnchanged, "op.built-unchanged",
		"构建完成，用时 %d 毫秒：没有变化。",
		"built in %d ms: nothing changed", []any{80}},
	{OpPublished, "op.published",
		"已发布 %[1]d 个文件到 %[4]s（%[2]d 个有变化，生成了 %[3]d 个页面），用时 %[5]d 毫秒：构建 %[6]d 毫秒，发布 %[7]d 毫秒。",
		"published %[1]d files (%[2]d changed, %[3]d templates run) to %[4]s in %[5]d ms: build %[6]d ms, publish %[7]d ms", []any{180, 2, 3, "public", 150, 120, 30}},
	{OpWatchPublishFailed, "op.watch-publish-failed",
		"发布失败：%s 保持原样；改好后会自动再试。",
		"publishing failed: %s is as it was; waiting for the next change", []any{"public"}},
	{ConfigCannotRead, "config.cannot-read",
		"无法读取：%s。请检查文件是否存在、能否打开。",
		"cannot read: %s", []any{"permission denied"}},
	{ConfigTooBig, "config.too-big",
		"文件有 %d KB，太大了（最多 %d KB）。这里只放网站的设置，长的列表请放到 content/ 里。",
		"is %d KB (want under %d KB: settings only; long lists belong in content/)", []any{2048, 1024}},
	{ConfigUnknownKeyDidYouMean, "config.unknown-key.did-you-mean",
		"没有这个设置项，是不是想写 %s？",
		"unknown key (did you mean %s?)", []any{"timezone"}},
	{ConfigUnknownKey, "config.unknown-key",
		"没有这个设置项。这里可以写的有：%s。",
		"unknown key (want one of: %s)", []any{"title, description, language"}},
	{ConfigWrongType, "config.wrong-type",
		"这里写的是%[1]s，应写%[2]s。",
		"is %[1]s (want %[2]s)", []any{New(ConfigKindQuoted), New(ConfigKindWhole)}},
	{ConfigSyntax, "config.syntax",
		"这一行的写法不对。每行写成 设置名 = 值，文字加英文双引号并写在一行里，例如：title = \"华东能源集团党建门户\"%.0[1]s",
		"%s (want key = value lines, text in double quotes on one line)", []any{"expected character ="}},
	{ConfigKindText, "config.kind.text", "加了引号的文字", "text", nil},
	{ConfigQuoteUnclosed, "config.quote-unclosed",
		"引号没有结束。文字要用英文双引号括起来，并写在同一行，例如：title = \"华东能源集团党建门户\"%.0[1]s",
		"%s (want key = value lines, text in double quotes on one line)", []any{"basic strings cannot have new lines"}},
	{ConfigKindNumber, "config.kind.number", "数字", "a number", nil},
	{ConfigKindBool, "config.kind.bool", " true 或 false", "true or false", nil},
	{ConfigKindList, "config.kind.list", "一个列表", "a list", nil},
	{ConfigKindTable, "config.kind.table", "一组设置", "a table", nil},
	{ConfigKindWhole, "config.kind.whole", "整数（不加引号）", "a whole number", nil},
	{ConfigKindQuoted, "config.kind.quoted", "加英文双引号的文字", "text in double quotes", nil},
	{ConfigURLStyle, "config.url-style",
		"“%[1]s”不是网址风格。请写 url_style = \"%[2]s\"（从文件夹直接打开也能用）或 url_style = \"%[3]s\"（用于网站服务器）。",
		"%[1]q is not a URL style (want %[2]q or %[3]q)", []any{"clean", "portable", "pretty"}},
	{ConfigPageSize, "config.page-size",
		"%d 超出范围。请写 1 到 1000 之间的数，例如：page_size = 10",
		"%d is out of range (want 1 to 1000)", []any{0}},
	{ConfigMegapixels, "config.max-megapixels",
		"%d 超出范围。请写 1 到 1000 之间的数（不写就是 50）。",
		"%d is out of range (want 1 to 1000; the default is 50)", []any{0}},
	{ConfigTimezoneLocal, "config.timezone-local",
		"“%s”是构建用的这台电脑自己的时区，换一台电脑生成的网站就会不同。请写时区名，例如：timezone = \"Asia/Shanghai\"",
		"%q is the building machine's zone, so output would differ from one machine to another (want an IANA name such as Asia/Shanghai)", []any{"Local"}},
	{ConfigTimezoneUnknown, "config.timezone-unknown",
		"“%s”不是已知的时区。请写时区名，例如：timezone = \"Asia/Shanghai\"",
		"%q is not a known time zone (want an IANA name such as Asia/Shanghai)", []any{"Beijing"}},
	{ConfigTheme, "config.theme",
		"“%s”不是主题名。请写 themes/ 里某个文件夹的名字，例如：theme = \"default\"",
		"%q is not a theme name (want a folder name under themes/)", []any{"../x"}},
	{ConfigBaseURL, "config.base-url",
		"“%[1]s”%[2]s。请写普通的 http(s) 网址和路径，例如：base_url = \"https://dangjian.example.com/\"",
		"%[1]q %[2]s (want a plain http(s) address and path, e.g. https://dangjian.example.com/ or https://www.example.com/dangjian/)", []any{"dangjian.example.com", New(BaseURLNotAbsolute)}},
	{BaseURLChar, "config.base-url.char", "含有字符 %q", "contains %q", []any{" "}},
	{BaseURLNotAbsolute, "config.base-url.not-absolute", "不是完整的 http(s) 网址", "is not an absolute http(s) URL", nil},
	{BaseURLUser, "config.base-url.user", "含有用户名或密码", "contains a user name or password", nil},
	{BaseURLQuery, "config.base-url.query", "带有问号后的查询部分（?…）", "has a query (?…)", nil},
	{BaseURLFragment, "config.base-url.fragment", "带有 # 后的部分", "has a fragment (#…)", nil},
	{ConfigStaticFile, "config.static-file",
		"“%[1]s”%[2]s。请写 static/ 里图片文件的路径，例如：%[3]s = \"images/%[3]s.svg\"",
		"%[1]q %[2]s (want a file under static/ named as inside it, e.g. \"images/%[3]s.svg\")", []any{"/logo.svg", New(StaticNotRelative), "logo"}},
	{StaticNotRelative, "config.static.not-relative", "不是 static/ 里的相对路径", "is not a plain relative path", nil},
	{StaticNotImage, "config.static.not-image", "不是 %s 格式的图片", "is not an image of type %s", []any{".svg, .png"}},
	{ConfigStaticMissing, "config.static-missing",
		"%[2]s/ 里没有“%[1]s”。请把文件放到 %[2]s/%[1]s，或改写成 %[2]s/ 里另一个文件的路径。",
		"%[1]q is not a file under %[2]s/ (want %[2]s/%[1]s to exist, or the path of another file inside %[2]s/)", []any{"images/logo.svg", "static"}},
	{ConfigPattern, "config.pattern",
		"“%s”不是文件名模式。请写成 \"*.pdf\" 或 \"photos/*.jpg\" 这样，相对于页面文件夹。",
		"%q is not a file pattern (want e.g. \"*.pdf\" or \"photos/*.jpg\", relative to the bundle folder)", []any{"/etc/*"}},
	{ConfigBranchNameEmpty, "config.branch-name.empty",
		"支部名称是空的。请写上名称，例如：name = \"机关第一党支部\"",
		"is empty (want the branch's name, e.g. 机关第一党支部)", nil},
	{ConfigBranchNameTwice, "config.branch-name.twice",
		"“%s”写了两次。每个支部只写一次。",
		"%q is listed twice (want each branch once)", []any{"机关第一党支部"}},
	{ConfigBranchSlug, "config.branch-slug",
		"“%s”不能用作支部的网址名。请用小写字母、数字和 -，例如：slug = \"jiguan-1\"",
		"%q is not a slug (want lowercase letters, digits and '-', e.g. jiguan-1)", []any{"机关一支部"}},
	{ConfigBranchSlugTwice, "config.branch-slug.twice",
		"“%s”有两个支部在用。每个支部的 slug 要不同。",
		"%q is used by two branches (want a unique slug)", []any{"jiguan-1"}},
	{ConfigLedgerPeriod, "config.ledger-period",
		"“%s”不是统计周期。请写 period = \"month\"（每月）或 period = \"quarter\"（每季度）。",
		"%q is not a period (want \"month\" or \"quarter\")", []any{"year"}},
	{ConfigLedgerMin, "config.ledger-min",
		"%d 是负数。请写 0 或更大的数。",
		"%d is negative (want 0 or more)", []any{-1}},

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

	{IndexDamaged, "index.damaged",
		"搜索索引已损坏（原因：%[1]s），%[2]s",
		"search index was damaged (%[1]s); %[2]s", []any{"checksum mismatch", New(IndexRebuilt)}},
	{IndexRebuilt, "index.rebuilt",
		"已按页面重新建立，无需处理。",
		"rebuilt from scratch", nil},
	{IndexRunBuild, "index.run-build",
		"请先运行 pubgen build 重新建立，再搜索。",
		"run pubgen build to rebuild it", nil},
	{IndexCannotOpen, "index.cannot-open",
		"打不开搜索索引所在的文件夹 %[1]s（%[2]s）。它只是缓存：请把 %[1]s 整个删掉，再构建一次，它会按页面重新建立。",
		"%[2]s (the search index is a cache: delete %[1]s and build again)", []any{".pubgen/search", New(CauseNotDir, "search: creating .pubgen/search: mkdir .pubgen/search: not a directory")}},
	{IndexCannotWrite, "index.cannot-write",
		"搜索索引重新建立后还是写不进去（%[2]s）。请确认 %[1]s 能写入、磁盘有空间；它只是缓存，可以整个删掉再构建。",
		"%[2]s (the search index failed again after it was rebuilt: want %[1]s writable, with free space; it is a cache and may be deleted)", []any{".pubgen/search", New(CauseNoSpace, "search: writing the index: write .pubgen/search/bleve/store/root.bolt: no space left on device")}},
	{IndexInUseSession, "index.in-use-session",
		"%s 正被另一个 pubgen serve 或 build --watch 使用。同一个网站一次只能运行一个：请先停止那一个（按 Ctrl+C），再启动这个。",
		"%s: the index is in use by another pubgen serve or build --watch (stop that one first: one per site at a time)", []any{".pubgen/search"}},
	{IndexNoTemp, "index.no-temp",
		"无法在临时文件夹 %[1]s 里建立搜索索引（%[2]s）。请确认这个文件夹能写入、磁盘有空间。",
		"search: cannot make a throwaway index in %[1]s: %[2]s", []any{"/tmp", New(CauseNoSpace, "mkdir /tmp/pubgen-search-123: no space left on device")}},

	{CausePermission, "cause.permission", "没有权限%.0[1]s", "%[1]s", []any{"permission denied"}},
	{CauseNotExist, "cause.not-exist", "不存在%.0[1]s", "%[1]s", []any{"no such file or directory"}},
	{CauseExist, "cause.exist", "已经存在%.0[1]s", "%[1]s", []any{"file exists"}},
	{CauseNoSpace, "cause.no-space", "磁盘空间不够%.0[1]s", "%[1]s", []any{"no space left on device"}},
	{CauseQuota, "cause.quota", "超出了磁盘配额%.0[1]s", "%[1]s", []any{"disk quota exceeded"}},
	{CauseReadOnly, "cause.read-only", "磁盘是只读的%.0[1]s", "%[1]s", []any{"read-only file system"}},
	{CauseNotDir, "cause.not-dir", "路径中有一项是文件，不是文件夹%.0[1]s", "%[1]s", []any{"not a directory"}},
	{CauseIsDir, "cause.is-dir", "这是一个文件夹%.0[1]s", "%[1]s", []any{"is a directory"}},
	{CauseNameTooLong, "cause.name-too-long", "文件名太长%.0[1]s", "%[1]s", []any{"file name too long"}},
	{CauseBusy, "cause.busy", "正被别的程序占用%.0[1]s", "%[1]s", []any{"device or resource busy"}},
	{CauseCrossDevice, "cause.cross-device", "不在同一个磁盘上%.0[1]s", "%[1]s", []any{"invalid cross-device link"}},
	{CauseNotEmpty, "cause.not-empty", "文件夹不是空的%.0[1]s", "%[1]s", []any{"directory not empty"}},
	{CauseTooManyFiles, "cause.too-many-files", "同时打开的文件太多%.0[1]s", "%[1]s", []any{"too many open files"}},

	{PublishNoDest, "publish.no-dest",
		"没有指定发布文件夹。请写 --dest public，或去掉 --dest（默认发布到网站里的 public/）。%.0[1]s",
		"publish: no destination folder given%.0[1]s", []any{"", Raw("")}},
	{PublishDest, "publish.dest",
		"发布文件夹“%[1]s”无法使用：%[2]s。",
		"publish: destination %[1]q: %[2]s", []any{"public", New(CausePermission, "permission denied")}},
	{PublishDestRoot, "publish.dest.root",
		"不能发布到“%[1]s”：这是磁盘的根目录，发布会替换掉它的全部内容。请写一个专用的文件夹，例如 --dest public",
		"publish: refusing destination %[1]q: it is a filesystem root", []any{"/", Raw("")}},
	{PublishDestHome, "publish.dest.home",
		"不能发布到“%[1]s”：这是你的主文件夹，发布会替换掉它的全部内容。请写一个专用的文件夹，例如 --dest public",
		"publish: refusing destination %[1]q: it is your home folder", []any{"/home/dangwei", Raw("")}},
	{PublishDestHoldsCwd, "publish.dest.holds-cwd",
		"不能发布到“%[1]s”：当前文件夹 %[3]s 在它里面，发布会替换掉网站本身。请写网站里的一个文件夹，例如 --dest public",
		"publish: refusing destination %[1]q: it contains the current folder %[3]s (want a folder such as public/ inside the site)", []any{".", Raw(""), "/srv/site"}},
	{PublishDestParent, "publish.dest.parent",
		"发布文件夹“%[1]s”的上一级文件夹无法使用：%[2]s。请先建好上一级文件夹，或换一个发布文件夹。",
		"publish: destination %[1]q: parent folder: %[2]s", []any{"/srv/www/dangjian", New(CauseNotExist, "no such file or directory")}},
	{PublishDestParentNotDir, "publish.dest.parent-not-dir",
		"发布文件夹“%[1]s”的上一级 %[3]s 是一个文件，不是文件夹。请换一个发布文件夹。",
		"publish: destination %[1]q: parent %[3]s is not a folder", []any{"/srv/www/dangjian", Raw(""), "/srv/www"}},
	{PublishDestSymlink, "publish.dest.symlink",
		"不能发布到“%[1]s”：它是一个符号链接，发布会替换掉链接本身。请直接写它指向的文件夹。",
		"publish: refusing destination %[1]q: it is a symbolic link (want a real folder; point the build at the link's target)", []any{"public", Raw("")}},
	{PublishDestNotDir, "publish.dest.not-dir",
		"不能发布到“%[1]s”：它是一个文件，不是文件夹。请换一个发布文件夹，或先把这个文件移走。",
		"publish: refusing destination %[1]q: it exists and is not a folder", []any{"public", Raw("")}},
	{PublishLockFolder, "publish.lock-folder",
		"无法建立锁文件 %[1]s 所在的文件夹：%[2]s。",
		"publish: cannot make the folder of the lock %[1]s: %[2]s", []any{".pubgen/public.lock", New(CausePermission, "permission denied")}},
	{PublishBusy, "publish.busy",
		"另一个 pubgen 正在发布到 %[1]s，已经等了 %[3]d 秒（锁文件 %[4]s）。请等它发布完再运行。%.0[2]s",
		"publish: %[1]s: another pubgen build is publishing to the same folder (waited %[3]ds for the lock on %[4]s)%.0[2]s", []any{"/srv/site/public", Raw(""), 120, "/srv/site/.pubgen/public.lock"}},
	{PublishLock, "publish.lock",
		"无法锁定 %[1]s：%[2]s。",
		"publish: cannot take the lock %[1]s: %[2]s", []any{".pubgen/public.lock", New(CausePermission, "permission denied")}},
	{PublishStaging, "publish.staging",
		"无法在 %[1]s 里建立放新网站的临时文件夹：%[2]s。",
		"publish: creating a staging folder in %[1]s: %[2]s", []any{"/srv/www", New(CauseReadOnly, "read-only file system")}},
	{PublishMoveIn, "publish.move-in",
		"无法把新网站移到 %[1]s：%[2]s。",
		"publish: moving the new site to %[1]s: %[2]s", []any{"/srv/www/public", New(CausePermission, "permission denied")}},
	{PublishSwitch, "publish.switch",
		"无法把 %[1]s 换成新网站：%[2]s。",
		"publish: switching %[1]s to the new site: %[2]s", []any{"/srv/www/public", New(CauseBusy, "device or resource busy")}},
	{PublishMoveAside, "publish.move-aside",
		"无法把旧网站 %[1]s 移开：%[2]s。",
		"publish: moving the previous site %[1]s aside: %[2]s", []any{"/srv/www/public", New(CausePermission, "permission denied")}},
	{PublishRestoreFailed, "publish.restore-failed",
		"无法把新网站移到 %[1]s：%[2]s；旧网站也没能移回原处（%[3]s），它完整地保存在 %[4]s，下次运行 pubgen build 时会自动放回。",
		"publish: moving the new site to %[1]s: %[2]s; restoring the previous site also failed (%[3]s): it is kept in %[4]s and the next run restores it", []any{"/srv/www/public", New(CausePermission, "permission denied"), New(CausePermission, "permission denied"), "/srv/www/.public.pubgen-retired-X"}},
	{PublishFlushParent, "publish.flush-parent",
		"%[1]s 已经换成新网站，但 %[3]s 没能写入磁盘：%[2]s。突然断电可能丢失这次发布，请检查磁盘后再发布一次。",
		"publish: %[1]s was switched, but flushing %[3]s to disk failed: %[2]s", []any{"/srv/www/public", Raw("input/output error"), "/srv/www"}},
	{PublishMkdir, "publish.mkdir",
		"无法建立文件夹 %[1]s：%[2]s。",
		"publish: creating folder %[1]s: %[2]s", []any{"notices/a", New(CauseNoSpace, "no space left on device")}},
	{PublishFlush, "publish.flush",
		"无法把新网站写入磁盘：%[2]s。%.0[1]s",
		"publish: flushing the new site to disk: %[2]s%.0[1]s", []any{"", New(CauseNoSpace, "no space left on device")}},
	{PublishWrite, "publish.write",
		"无法写入 %[1]s：%[2]s。",
		"publish: writing %[1]s: %[2]s", []any{"notices/a/index.html", New(CauseNoSpace, "no space left on device")}},
	{PublishCopy, "publish.copy",
		"无法把 %[3]s 复制为 %[1]s：%[2]s。",
		"publish: copying %[3]s to %[1]s: %[2]s", []any{"study/a/讲义.pdf", New(CausePermission, "permission denied"), "content/study/a/讲义.pdf"}},
	{PublishBadEntry, "publish.bad-entry",
		"pubgen 内部错误：要发布的文件“%[1]s”不合规（%[3]s）。这不是网站内容的问题，请把这一行报告给 pubgen 的维护者。%.0[2]s",
		"publish: entry %[1]q: %[3]s%.0[2]s", []any{"../evil.html", Raw(""), Raw(`path has a ".." segment (want a clean path inside the destination)`)}},
	{PublishReadParent, "publish.read-parent",
		"无法读取 %[1]s 里有哪些文件：%[2]s。",
		"publish: cleanup: reading %[1]s: %[2]s", []any{"/srv/www", New(CausePermission, "permission denied")}},
	{PublishManyRetired, "publish.many-retired",
		"%[1]s 不见了，而旁边有 %[3]d 份以前的网站（%[4]s），无法判断该放回哪一份。请手动把正确的那一份改名为 %[1]s。%.0[2]s",
		"publish: cleanup: %[1]s is missing and there are %[3]d previous sites to restore it from (%[4]s); move the right one to %[1]s by hand%.0[2]s", []any{"/srv/www/public", Raw(""), 2, "/srv/www/.public.pubgen-retired-X, /srv/www/.public.pubgen-retired-Y"}},
	{PublishRestore, "publish.restore",
		"无法把以前的网站 %[3]s 放回 %[1]s：%[2]s。",
		"publish: cleanup: restoring the previous site %[3]s to %[1]s: %[2]s", []any{"/srv/www/public", New(CausePermission, "permission denied"), "/srv/www/.public.pubgen-retired-X"}},
	{PublishLeftover, "publish.leftover",
		"无法删除 %[1]s（%[2]s）。它是以前发布时留下的，不会被发布；请手动删除（每次构建都会再试）。",
		"cannot remove %[1]s, left over from an earlier publish (%[2]s); it is not published: remove it by hand (each build tries again)", []any{"/srv/www/.public.pubgen-trash-X/.well-known/acme-challenge/token", New(CausePermission, "permission denied")}},

	{OpWaitingLock, "op.waiting-lock",
		"请稍候：另一个 pubgen 正在发布到 %s，等它发布完，这次构建再读取网站。",
		"waiting: another pubgen build is publishing to %s; this one reads the site once it has finished", []any{"public"}},
	{OpWatchError, "op.watch-error",
		"留意文件改动时出错：%s",
		"watching: %s", []any{Raw("too many open files")}},
	{OpPortBusy, "op.port-busy",
		"端口 %d 已被占用，改用 %d。",
		"port %d is busy; using %d", []any{1313, 1314}},
	{OpCannotListen, "op.cannot-listen",
		"无法在 %[1]s 上提供预览：%[2]s。请用 --port 换一个端口，例如 --port 8080",
		"cannot listen on %[1]s: %[2]s", []any{"127.0.0.1:1313", Raw("bind: address already in use")}},
	{OpNextScheduled, "op.next-scheduled",
		"下一次定时变化：%[1]s %[2]s（%[3]s）",
		"next scheduled change: %[1]s %[2]s (%[3]s)", []any{"2026-12-05 09:00:00", "content/notices/a.md", New(SchedPublish)}},
	{OpNoIndex, "op.no-index",
		"%s 里还没有搜索索引。请先运行 pubgen build。",
		"no search index in %s (run pubgen build first)", []any{".pubgen/search"}},
	{OpSearchNone, "op.search-none",
		"没有找到与“%s”相关的内容",
		"nothing found for %q", []any{"党费"}},
	{OpInitWrote, "op.init-wrote",
		"已在 %[2]s 里写好 %[1]d 个文件（一个 Go 模块，固定使用 pubgen %[3]s）。",
		"wrote %[1]d files into %[2]s (a Go module pinned to pubgen %[3]s)", []any{120, "dangjian", "v1.4.0"}},
	{OpInitNote, "op.init-note",
		"说明（%s）：",
		"note (%s):", []any{"dangjian/go.mod"}},
	{OpInitNext, "op.init-next",
		"下一步：cd %s && go tool pubgen serve，然后在浏览器里打开它显示的预览地址。",
		"next: cd %s && go tool pubgen serve", []any{"dangjian"}},
	{OpNewNext, "op.new-next",
		"下一步：这是一份草稿（draft: true），还没有发布。请把每一处（…）提示换成实际内容或删掉，写好后把 draft: true 改成 draft: false。%s",
		"next: it is a draft (draft: true), not published; replace or delete every （…） hint, then change draft: true to draft: false%s", []any{New(OpNewNextStudy, "content/study/2026-12-04-study-1")}},
	{OpNewNextShowcase, "op.new-next.showcase",
		"先把封面照片放进 %s/，再在 cover: 后面写上它的文件名。",
		"; first put the cover photo in %s/ and write its name in cover:", []any{"content/showcases/2026-12-04-showcase-1"}},
	{OpNewNextStudy, "op.new-next.study",
		"附件（PDF、Word）放在 %s/ 里，和 index.md 放在一起。",
		"; attachments (PDF, Word) go in %s/, beside index.md", []any{"content/study/2026-12-04-study-1"}},
	{OpNewBranchUnknown, "op.new-branch-unknown",
		"--branch 后面的“%[1]s”不是 pubgen.toml 里的支部。请写其中之一（名称或括号里的 slug）：%[2]s",
		"new: --branch %[1]q is not a branch of pubgen.toml (want one of: %[2]s)", []any{"第九支部", "机关第一党支部 (jiguan-1), 生产运营党支部 (shengchan)"}},

	{UsageIntro, "usage.intro",
		"pubgen 用 Markdown 文件生成党建门户网站。\n\n用法：pubgen 命令 [选项]\n\n命令：",
		"pubgen builds a party-building portal from Markdown.\n\nusage: pubgen COMMAND [flags]\n\ncommands:", nil},
	{UsageCommands, "usage.command", "  %-8s %s", "  %-8s %s", []any{"build", New(CmdBuild)}},
	{UsageMore, "usage.more",
		"\n运行 pubgen help 命令名（例如 pubgen help build）查看一个命令的选项。",
		"\nRun \"pubgen help COMMAND\" for a command's flags.", nil},
	{UsageLine, "usage.line", "用法：%s\n\n%s", "usage: %s\n\n%s", []any{New(CmdCheckArgs), New(CmdCheck)}},
	{UsageFlags, "usage.flags", "\n选项：", "\nflags:", nil},
	{UsageDefault, "usage.default", "（默认：%s）", " (default %s)", []any{"1313"}},
	{UsageUnknownCommand, "usage.unknown-command",
		"没有“%s”这个命令。可用的命令如下：",
		"unknown command %q", []any{"biuld"}},
	{UsageUnknownFlag, "usage.unknown-flag",
		"pubgen %[1]s 没有 --%[2]s 这个选项。",
		"pubgen %[1]s: flag provided but not defined: -%[2]s", []any{"build", "fast"}},
	{UsageFlagNeedsValue, "usage.flag-needs-value",
		"pubgen %[1]s 的 --%[2]s 后面要写一个值，例如 --%[2]s %[3]s",
		"pubgen %[1]s: flag needs an argument: -%[2]s (e.g. --%[2]s %[3]s)", []any{"serve", "port", "8080"}},
	{UsageFlagBadValue, "usage.flag-bad-value",
		"pubgen %[1]s 的 --%[2]s 后面写的“%[3]s”不能用，例如可以写 --%[2]s %[4]s",
		"pubgen %[1]s: invalid value %[3]q for flag -%[2]s (e.g. --%[2]s %[4]s)", []any{"serve", "port", "八〇八〇", "8080"}},
	{UsageSeeHelp, "usage.see-help",
		"可以用的选项见 pubgen help %s。",
		"see pubgen help %s for its flags", []any{"build"}},

	{UsageExtraArgs, "usage.extra-args",
		"pubgen %[1]s 后面不用写“%[2]s”。要指定网站所在的文件夹，请写：pubgen %[1]s --source %[2]s",
		"pubgen %[1]s: unexpected argument %[2]q (for a site in another folder: pubgen %[1]s --source %[2]s)", []any{"build", "dangjian"}},
	{OpNoSite, "op.no-site",
		"找不到网站文件夹 %[1]s（%[2]s）。请用 --source 写网站所在的文件夹，例如 --source dangjian，或者先进入网站文件夹再运行。",
		"no site folder %[1]s: %[2]s (want --source naming the site's folder)", []any{"dangjain", New(CauseNotExist, "stat dangjain: no such file or directory")}},
	{CmdBuild, "cmd.build", "把网站构建到 public/：全部成功才一步换上，失败时已发布的网站保持原样", "build the site into public/, atomically", nil},
	{CmdBuildArgs, "cmd.build.args", "pubgen build [--source 文件夹] [--dest 文件夹] [--drafts] [--future] [--no-minify] [--strict] [--json] [--now 日期] [--watch]", "pubgen build [--source DIR] [--dest DIR] [--drafts] [--future] [--no-minify] [--strict] [--json] [--now DATE] [--watch]", nil},
	{CmdServe, "cmd.serve", "预览网站：文件一改就重新构建、更新搜索并刷新浏览器", "preview the site: rebuild, re-index and reload the browser on every change", nil},
	{CmdServeArgs, "cmd.serve.args", "pubgen serve [--source 文件夹] [--bind 地址] [--port 端口] [--base-path /子路径/] [--allowed-hosts 域名,域名] [--drafts] [--future]", "pubgen serve [--source DIR] [--bind ADDR] [--port N] [--base-path /sub/] [--allowed-hosts a.example,b.example] [--drafts] [--future]", nil},
	{CmdCheck, "cmd.check", "检查全部内容，不生成网站", "validate everything without writing output", nil},
	{CmdCheckArgs, "cmd.check.args", "pubgen check [--source 文件夹] [--drafts] [--future] [--strict]", "pubgen check [--source DIR] [--drafts] [--future] [--strict]", nil},
	{CmdSearch, "cmd.search", "在终端里搜索网站（用 pubgen build 建立的索引），排序和浏览器里一样", "query the site's search index (built by pubgen build), ranked as in the browser", nil},
	{CmdSearchArgs, "cmd.search.args", "pubgen search [--json] [--limit 条数] [--type 类型] [--branch 支部] [--year 年份] [--status 状态] [--by-date] 搜索词", "pubgen search [--json] [--limit N] [--type T] [--branch B] [--year Y] [--status S] [--by-date] QUERY", nil},
	{CmdInit, "cmd.init", "新建一个网站（固定使用这个版本 pubgen 的 Go 模块），带默认主题和示例内容；加 --empty 则不带示例", "write a new site (a Go module pinned to this pubgen) with the default theme and example content, or none with --empty", nil},
	{CmdInitArgs, "cmd.init.args", "pubgen init [--empty] 文件夹", "pubgen init [--empty] DIR", nil},
	{CmdNew, "cmd.new", "按模板新建一篇内容（草稿）", "write a new content file from its archetype", nil},
	{CmdNewArgs, "cmd.new.args", "pubgen new [--branch 支部] notice|disclosure|study|showcase 标题 [--source 文件夹]", "pubgen new [--branch B] notice|disclosure|study|showcase TITLE [--source DIR]", nil},
	{CmdVersion, "cmd.version", "显示版本：模块版本、提交（-dirty 表示有未提交的改动）、Go 工具链", "print the version: module version, commit (-dirty for uncommitted changes), Go toolchain", nil},
	{CmdVersionArgs, "cmd.version.args", "pubgen version", "pubgen version", nil},
	{ArgsInit, "args.init",
		"请写上新网站的文件夹名，例如：pubgen init dangjian",
		"usage: pubgen init [--empty] DIR", nil},
	{ArgsNew, "args.new",
		"请写上类型和标题，例如：pubgen new notice 关于召开支部党员大会的通知（类型：notice 支部通知、disclosure 党务公开、study 学习资料、showcase 成果展示）",
		"usage: pubgen new [--branch B] notice|disclosure|study|showcase TITLE", nil},
	{ArgsSearch, "args.search",
		"请写上要搜索的词，例如：pubgen search 党费",
		"usage: pubgen search [flags] QUERY", nil},
	{ArgsVersion, "args.version",
		"version 后面不用写别的，只写：pubgen version",
		"usage: pubgen version", nil},

	{FlagSource, "flag.source", "网站所在的`文件夹`", "the site's root `folder`", nil},
	{FlagDrafts, "flag.drafts", "也构建草稿（draft: true 的页面）", "include pages with draft: true", nil},
	{FlagFuture, "flag.future", "也构建发布日期（publish_date）还没到的页面", "include pages whose publish_date is still ahead", nil},
	{FlagStrict, "flag.strict", "提醒也算错误", "treat warnings as errors", nil},
	{FlagNow, "flag.now", "假定今天是这个`日期`（例如 {date} 或 \"{date} 14:30\"），用来重现某一天的状态", "build as if today were `DATE` (e.g. {date} or \"{date} 14:30\"), for reproducible statuses", nil},
	{FlagDest, "flag.dest", "发布到这个`文件夹`（默认是网站里的 public/）", "output `folder` (default: public/ in the site root)", nil},
	{FlagJSON, "flag.json", "把构建报告以 JSON 格式写到标准输出", "write the build report as JSON to stdout", nil},
	{FlagNoMinify, "flag.no-minify", "不压缩输出，便于调试主题", "write unminified output, to debug a theme", nil},
	{FlagWatch, "flag.watch", "一直运行：每次改动后重新构建并整体发布", "keep running: rebuild and publish atomically after every change", nil},
	{FlagBind, "flag.bind", "预览用的网络`地址`（写 0.0.0.0 会让局域网里的电脑都能访问）", "`address` to listen on (0.0.0.0 exposes the preview to the network and answers any Host)", nil},
	{FlagPort, "flag.port", "`端口`；被占用时自动改用下一个空闲端口", "`port`; when busy, the next free one is used", nil},
	{FlagBasePath, "flag.base-path", "在这个`子路径`下预览，例如 /dangjian/，和正式部署时一样", "serve the site under this `sub-path`, e.g. /dangjian/, as it will be deployed", nil},
	{FlagAllowedHosts, "flag.allowed-hosts", "除本机和所绑定的地址外，预览还接受的`域名`，用英文逗号分隔（.example.com 也包括它的子域名）", "`NAMES`, comma-separated, the preview also answers besides localhost and the bound address (.example.com allows its subdomains too)", nil},
	{FlagSearchJSON, "flag.search-json", "以 JSON 格式输出结果", "print the results as JSON", nil},
	{FlagLimit, "flag.limit", "最多显示这么多`条`结果", "at most this many results (`N`)", nil},
	{FlagType, "flag.type", "只找这种`类型`：notice、disclosure、study、showcase 或 page", "only this `type`: notice, disclosure, study, showcase or page", nil},
	{FlagBranch, "flag.branch", "只找这个`支部`的内容", "only this `branch` (支部)", nil},
	{FlagYear, "flag.year", "只找这一`年`的内容，例如 2026", "only this `year`, e.g. 2026", nil},
	{FlagStatus, "flag.status", "只找这种`状态`的党务公开：upcoming（即将公示）、open（公示中）或 closed（已结束）", "only disclosures with this `status`: upcoming, open or closed", nil},
	{FlagByDate, "flag.by-date", "按日期从新到旧排，而不是按相关程度", "newest first instead of most relevant first", nil},
	{FlagEmpty, "flag.empty", "不带示例内容：只有设置、主题、栏目页和每种类型一篇草稿示例", "no demo content: configuration, theme, section pages and one draft example per type", nil},
	{FlagNewBranch, "flag.new-branch", "这篇内容所属的`支部`（名称或 slug），会填进 branch 和落款（默认：网站只有一个支部时就是它）", "the `branch` (支部) the page is for, by name or slug; fills branch and the 落款 (default: the site's only branch)", nil},

	{AttachNotSearchable, "attach.not-searchable",
		"附件“%[1]s”%[2]s。文件照常发布，但其中的文字搜索不到。",
		"attachment %[1]q %[2]s; its text is not searchable (the file is published all the same)", []any{"讲义.pdf", New(AttachEncrypted, Raw(""))}},
	{AttachPartlySearchable, "attach.partly-searchable",
		"附件“%[1]s”%[2]s（文件照常发布）。",
		"attachment %[1]q %[2]s", []any{"讲义.pdf", New(AttachPartPageCount, Raw(""), 2000)}},
	{AttachCannotRead, "attach.cannot-read", "读不出来（%[1]s）", "cannot be read: %[1]s", []any{Raw("permission denied")}},
	{AttachTooBig, "attach.too-big",
		"有 %[2]d MB，超过了读取附件文字的上限 %[3]d MB%.0[1]s",
		"is %[2]d MB, over the %[3]d MB limit for reading attachments%.0[1]s", []any{Raw(""), 120, 100}},
	{AttachTooMuchReading, "attach.too-much-reading",
		"解压后超过 %[2]d MB，超过了读取的上限%.0[1]s",
		"needs more than %[2]d MB of reading (decompressed), over the limit%.0[1]s", []any{Raw(""), 256}},
	{AttachTimeout, "attach.timeout",
		"读取用时超过了 %[2]s%.0[1]s",
		"took longer than %[2]s to read%.0[1]s", []any{Raw(""), "10s"}},
	{AttachNotPDF, "attach.not-pdf",
		"不是能读取的 PDF 文件（%[1]s），可以用 PDF 软件或 WPS 重新导出一份",
		"is not a PDF that can be read (%[1]s)", []any{Raw("malformed PDF: missing startxref")}},
	{AttachNotWord, "attach.not-docx",
		"不是能读取的 Word（.docx）文件（%[1]s），可以用 Word 或 WPS 打开后另存为 .docx",
		"is not a Word (.docx) file that can be read (%[1]s)", []any{Raw("zip: not a valid zip file")}},
	{AttachNotExcel, "attach.not-xlsx",
		"不是能读取的 Excel（.xlsx）文件（%[1]s），可以用 Excel 或 WPS 打开后另存为 .xlsx",
		"is not an Excel (.xlsx) file that can be read (%[1]s)", []any{Raw("it has no xl/workbook.xml")}},
	{AttachEncrypted, "attach.encrypted",
		"设有打开密码，读不出文字；请另存一份不加密码的%.0[1]s",
		"is protected by a password, so its text cannot be read%.0[1]s", []any{Raw("")}},
	{AttachNoPages, "attach.no-pages",
		"没有一页能读出文字（可能是扫描件）%.0[1]s",
		"cannot be read (no page of it could be read)%.0[1]s", []any{Raw("")}},
	{AttachBinary, "attach.binary",
		"不是文字文件（里面是二进制数据）%.0[1]s",
		"is not a text file (it holds binary data)%.0[1]s", []any{Raw("")}},
	{AttachPartStopped, "attach.part-stopped",
		"%[3]s，只有第 1–%[2]d 页的文字能被搜索到%.0[1]s",
		"%[3]s; only pages 1–%[2]d are searchable%.0[1]s", []any{Raw(""), 40, New(AttachTimeout, Raw(""), "10s")}},
	{AttachPartTextPages, "attach.part-text-pages",
		"文字超过 %[2]d MB，只有第 1–%[3]d 页能被搜索到%.0[1]s",
		"has more than %[2]d MB of text; only pages 1–%[3]d are searchable%.0[1]s", []any{Raw(""), 8, 300}},
	{AttachPartPageCount, "attach.part-pages",
		"超过 %[2]d 页，只有前 %[2]d 页能被搜索到%.0[1]s",
		"has more than %[2]d pages; only the first %[2]d are searchable%.0[1]s", []any{Raw(""), 2000}},
	{AttachPartText, "attach.part-text",
		"文字超过 %[2]d MB，只有前 %[2]d MB 能被搜索到%.0[1]s",
		"has more than %[2]d MB of text; only the first %[2]d MB are searchable%.0[1]s", []any{Raw(""), 8}},

	{ScaffoldNotEmpty, "scaffold.not-empty",
		"%[1]s 里已经有文件了。为了不覆盖任何东西，请换一个新的或空的文件夹，例如：pubgen init dangjian",
		"init: %[1]s is not empty (want a new or empty folder, so nothing is overwritten)", []any{"mysite"}},
	{ScaffoldInitFailed, "scaffold.init-failed",
		"无法写出新网站：%s",
		"init: %s", []any{New(CausePath, "mysite/pubgen.toml", New(CausePermission, "permission denied"), "open mysite/pubgen.toml: permission denied")}},
	{ScaffoldNewBadType, "scaffold.new.bad-type",
		"“%s”不是可以新建的类型。请写 notice（支部通知）、disclosure（党务公开）、study（学习资料）或 showcase（成果展示），例如：pubgen new notice 关于召开支部党员大会的通知",
		"new: %q is not a content type (want notice, disclosure, study or showcase)", []any{"通知"}},
	{ScaffoldNewNoTitle, "scaffold.new.no-title",
		"标题是空的。请在类型后面写上标题，例如：pubgen new notice 关于召开支部党员大会的通知",
		"new: the title is empty (want e.g. pubgen new notice \"关于召开支部党员大会的通知\")", nil},
	{ScaffoldNewFailed, "scaffold.new-failed",
		"无法新建这篇内容：%s",
		"new: %s", []any{New(ScaffoldNoArchetype, "notice", "default")}},
	{ScaffoldNoArchetype, "scaffold.no-archetype",
		"找不到 %[1]s 的模板。请在网站的 archetypes/ 或 themes/%[2]s/archetypes/ 里放一个 %[1]s.md",
		"no archetype for %[1]s (want themes/%[2]s/archetypes/%[1]s.md)", []any{"notice", "default"}},
	{ScaffoldArchetypeBroken, "scaffold.archetype-broken",
		"模板 %[1]s 写得不对（%[2]s）。请对照主题里的同名模板改正",
		"archetype %[1]s: %[2]s", []any{"notice", Raw(`template: notice:3: unexpected "}" in operand`)}},
	{ScaffoldArchetypeNoStart, "scaffold.archetype-no-start",
		"模板 %s 的第一行不是 ---。请让模板以一行 --- 开头，接着写前言区",
		"archetype %s: does not begin with ---", []any{"notice"}},
	{CausePath, "cause.path", "%[1]s：%[2]s%.0[3]s", "%[3]s", []any{"public/index.html", New(CausePermission, "permission denied"), "open public/index.html: permission denied"}},

	{ServeNoHost, "serve.no-host",
		"pubgen serve：请求里没有 Host（主机名），不予回答。",
		"pubgen serve: a request without a Host header is not answered.", nil},
	{ServeHostRefused, "serve.host-refused",
		"pubgen serve：没有允许用“%[1]s”这个名字访问预览（这样可以防止别的网页通过改写域名读取预览）。\n要用这个名字预览，请加上 --allowed-hosts %[1]s 重新启动；或者用 --bind 0.0.0.0 启动，回答局域网里的所有名字。",
		"pubgen serve: host %[1]q is not allowed (this stops DNS-rebinding pages from reading the preview).\nTo preview under this name, restart with --allowed-hosts %[1]s, or with --bind 0.0.0.0 to answer every host on the network.", []any{"evil.example"}},
	{IndexInUse, "index.in-use",
		"%s 正被 pubgen serve 或 build --watch 使用，这里没法同时打开。请在预览页面的搜索框里搜索，或先停止它再运行 pubgen search。",
		"%s: the index is in use by another pubgen (serve or build --watch)", []any{".pubgen/search"}},

	{WatchCannotStart, "watch.cannot-start",
		"无法开始留意文件改动（%[1]s）。请关掉不用的 pubgen serve 或 build --watch 后再试。",
		"watch: cannot start: %[1]s (close a pubgen serve or build --watch you no longer need and try again)", []any{New(CauseTooManyFiles, "couldn't initialize inotify: too many open files")}},
	{WatchFolder, "watch.folder",
		"无法留意文件夹 %[1]s 里的改动（%[2]s）。请确认这个文件夹存在、能打开，然后重新启动。",
		"watch: %[1]s: %[2]s", []any{"content/notices", New(CauseNotExist, "lstat content/notices: no such file or directory")}},
	{WatchLimit, "watch.limit",
		"要留意的文件夹太多（到 %[1]s 时），超过了系统允许的数目。请让电脑的管理员调高上限，例如运行 sudo sysctl fs.inotify.max_user_watches=524288，然后重新启动。%.0[2]s",
		"watch: %[1]s: %[2]s (the system's limit of watched folders is reached; on Linux raise it, e.g. sudo sysctl fs.inotify.max_user_watches=524288)", []any{"content/study", "no space left on device"}},
	{WatchOverflow, "watch.overflow",
		"一下子改动的文件太多，有些改动没来得及记下，所以全部重新构建一次。无需处理。",
		"watch: too many changes at once, some were missed; rebuilding everything", nil},
	{WatchNoRoot, "watch.no-root",
		"找不到当前所在的文件夹（%[2]s），也就找不到网站文件夹“%[1]s”。它可能已被删除或改名：请重新进入网站文件夹再运行。",
		"watch: root %[1]q: %[2]s", []any{".", New(CauseNotExist, "getwd: no such file or directory")}},
	{WatchDirOutside, "watch.dir-outside",
		"“%[1]s”不是网站文件夹里的文件夹，无法留意它的改动。请写网站里的文件夹，例如 content。",
		"watch: dir %[1]q: want a folder inside the root, such as content", []any{"../x"}},

	{Internal, "internal",
		"pubgen 自己出了错（%s）。这不是网站内容的问题：请把这段话发给网站的维护人员。",
		"internal error: %s (please report this)", []any{Raw(`no layout "_default/single.html"`)}},
	{MinifyOutput, "minify.output",
		"生成的 %[1]s 第 %[2]d 行附近，有一段脚本或样式写得不对，无法压缩（%[4]s）。请检查模板或正文里的 <script>、<style> 和 style=\"…\"，看括号、引号是否成对。",
		"minifying %[1]s: %[4]s on line %[2]d and column %[3]d", []any{"notices/a/index.html", 40, 12, Raw("expected Identifier instead of ( in function declaration")}},
	{MinifyAsset, "minify.asset",
		"%[1]s:%[2]d:%[3]d: 这一行的脚本或样式写得不对，无法压缩（%[4]s）。这个文件来自网站或主题的 assets/ 文件夹：请检查这里的括号、引号和分号是否成对。",
		"%[1]s:%[2]d:%[3]d: cannot minify: %[4]s", []any{"assets/js/site.js", 2, 10, Raw("expected Identifier instead of ( in function declaration")}},
	{ServeOverlayHeading, "serve.overlay-heading", "构建失败：预览里还是上一次成功构建的网站", "build failed: the preview shows the last good build", nil},
	{ServeMethod, "serve.method",
		"pubgen serve：预览只回答 GET 和 HEAD 请求，不回答 %s。",
		"pubgen serve: method %s not allowed (GET and HEAD only)", []any{"POST"}},
	{ServeNotFound, "serve.not-found",
		"pubgen serve：这里没有网页（%[1]s）。网站的首页在 %[2]s",
		"pubgen serve: no page at %[1]s (the site is at %[2]s)", []any{"/other/", "/dangjian/"}},
	{ServeQueryTooLong, "serve.query-too-long",
		"搜索词太长了：最多 %d 个字。请换短一些的词再搜。",
		"query too long (at most %d characters)", []any{200}},
	{ServeSearchFailed, "serve.search-failed",
		"搜索出错了（%s）。请保存任意一个页面文件，让预览重新构建一次；还不行就重新启动 pubgen serve。",
		"search failed: %s (save any page to rebuild, or restart pubgen serve)", []any{Raw("search: \"党费\": the index is damaged")}},
}
