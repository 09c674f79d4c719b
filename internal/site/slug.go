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
	if s, ok := plainSlug(name); ok {
		return s
	}
	return slugByRules(name)
}

// slugByRules is fileSlug by its rules as written: the specification
// plainSlug is held to (TestPlainSlugFollowsTheRules).
func slugByRules(name string) string {
	s := versionRE.ReplaceAllString(name, "")
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(brackets, r) {
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

// plainSlug is fileSlug of a name with no space, no bracket and no run of
// dashes — most names, such as 2024-07-meeting or 关于召开支部党员大会的通知 —
// and false for any other. Of the rules only a version word after the
// last dash and the trimming apply to such a name: the regexps cost a
// tenth of a site graph's build, made again on every rebuild.
func plainSlug(name string) (string, bool) {
	if strings.Contains(name, "--") {
		return "", false
	}
	for _, r := range name {
		if unicode.IsSpace(r) || strings.ContainsRune(brackets, r) {
			return "", false
		}
	}
	s := name
	if i := strings.LastIndexByte(s, '-'); i >= 0 && versionWord(s[i+1:]) {
		s = s[:i]
	}
	s = strings.Trim(s, "-.")
	if s == "" {
		return name, true
	}
	return s, true
}

// brackets are the characters fileSlug drops.
const brackets = "（）()【】[]《》<>「」『』〔〕"

// versionWord reports whether w is one of versionWords, as versionRE
// matches them (ASCII letters in any case).
func versionWord(w string) bool {
	if len(w) > 1 && (w[0] == 'v' || w[0] == 'V') && strings.Trim(w[1:], "0123456789") == "" {
		return true
	}
	for rest := versionWordList; rest != ""; {
		var v string
		v, rest, _ = strings.Cut(rest, "|")
		if strings.EqualFold(w, v) {
			return true
		}
	}
	return false
}

// versionWords are the words people add to a file name for its state, not
// its subject: in brackets ((终稿), （1）, the copy number Windows adds) or
// at the end after a space or a dash (通知 - 副本, 报告 v2). A number alone
// counts only in brackets: 通知 2 may be the second notice.
const versionWords = versionWordList + `|v\d+`

// versionWordList is versionWords but the numbered versions (v2, v10).
const versionWordList = `终稿|定稿|最终稿|最终版|终版|修改稿|修订稿|修订版|修改版|初稿|草稿|送审稿|征求意见稿|副本|拷贝|复件|copy|final|draft`

var (
	versionRE = regexp.MustCompile(`(?i)\s*[（(【\[](?:` + versionWords + `|\d+)[）)】\]]|(?:\s+|\s*-\s*)(?:` + versionWords + `)$`)
	dashesRE  = regexp.MustCompile(`-{2,}`)
)
