package site

import (
	"regexp"
	"strings"
	"unicode"
)

// fileSlug is the address a file or folder name gives a page without a
// slug. Office workers name files as they name documents — "12月 支部党员大会
// 通知（终稿）.md", "通知 - 副本.md", "讲话稿(1).md" — and those spaces,
// brackets and version words would be published in the address (and
// percent-encoded into a long, ugly link). So a draft-state word in
// brackets or at the end is dropped, the remaining brackets go, and runs of
// spaces become one '-'; letters, digits and Chinese stay. A name that
// would be left empty keeps its own form.
func fileSlug(name string) string {
	s := versionRE.ReplaceAllString(name, "")
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune("（）()【】[]《》<>「」『』〔〕", r) {
			return -1
		}
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), "-")
	s = dashesRE.ReplaceAllString(s, "-")
	s = strings.Trim(s, "-.")
	if s == "" {
		return name
	}
	return s
}

// versionWords are the words people add to a file name for its state, not
// its subject: in brackets ((终稿), （1）, the copy number Windows adds) or
// at the end after a space or a dash (通知 - 副本, 报告 v2). A number alone
// counts only in brackets: 通知 2 may be the second notice.
const versionWords = `终稿|定稿|最终稿|最终版|终版|修改稿|修订稿|修订版|修改版|初稿|草稿|送审稿|征求意见稿|副本|拷贝|复件|copy|final|draft|v\d+`

var (
	versionRE = regexp.MustCompile(`(?i)\s*[（(【\[](?:` + versionWords + `|\d+)[）)】\]]|(?:\s+|\s*-\s*)(?:` + versionWords + `)$`)
	dashesRE  = regexp.MustCompile(`-{2,}`)
)
