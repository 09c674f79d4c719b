package markup

import (
	"testing"
)

// expectHTML converts in with the default options and compares the HTML.
func expectHTML(t *testing.T, in, want string) {
	t.Helper()
	expectHTMLWith(t, Options{}, in, want)
}

func expectHTMLWith(t *testing.T, opts Options, in, want string) {
	t.Helper()
	res, err := New(opts).Convert([]byte(in), nil)
	if err != nil {
		t.Fatalf("Convert(%q): %v", in, err)
	}
	if got := string(res.HTML); got != want {
		t.Errorf("Convert(%q)\n got: %q\nwant: %q", in, got, want)
	}
}

func TestGFM(t *testing.T) {
	expectHTML(t, "| 支部 | 人数 |\n|:--|--:|\n| 一支部 | 12 |", "<table>\n<thead>\n<tr>\n<th class=\"align-left\">支部</th>\n<th class=\"align-right\">人数</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td class=\"align-left\">一支部</td>\n<td class=\"align-right\">12</td>\n</tr>\n</tbody>\n</table>\n")
	expectHTML(t, "~~草稿~~定稿", "<p><del>草稿</del>定稿</p>\n")
	expectHTML(t, "不是 ~~~三个~~~ 删除线", "<p>不是 ~~~三个~~~ 删除线</p>\n")
	expectHTML(t, "见 https://www.12371.cn/ 网站", "<p>见 <a href=\"https://www.12371.cn/\">https://www.12371.cn/</a> 网站</p>\n")
	expectHTML(t, "访问 www.12371.cn。", "<p>访问 <a href=\"http://www.12371.cn\">www.12371.cn</a>。</p>\n")
	expectHTML(t, "- [x] 学习\n- [ ] 讨论", "<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> 学习</li>\n<li><input disabled=\"\" type=\"checkbox\"> 讨论</li>\n</ul>\n")
	expectHTML(t, "正文[^1]\n\n[^1]: 出处", "<p>正文<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>出处&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n")
}

func TestNoTypographer(t *testing.T) {
	expectHTML(t, "他说\"好\"", "<p>他说&quot;好&quot;</p>\n")
	expectHTML(t, "“三会一课”", "<p>“三会一课”</p>\n")
	expectHTML(t, "'单引号' -- ...", "<p>'单引号' -- ...</p>\n")
}

func TestCJK(t *testing.T) {
	// Soft line breaks between Chinese characters leave no space.
	expectHTML(t, "第一行\n第二行", "<p>第一行第二行</p>\n")
	expectHTML(t, "English\nwords", "<p>English\nwords</p>\n")
	expectHTML(t, "中文\nEnglish\n中文", "<p>中文\nEnglish\n中文</p>\n")
	expectHTML(t, "见[附件](a.pdf)\n和说明", "<p>见<a href=\"a.pdf\">附件</a>和说明</p>\n")
	expectHTML(t, "学习\n**党章**\n全文", "<p>学习<strong>党章</strong>全文</p>\n")
	expectHTML(t, "见[a](a.pdf)\n和说明", "<p>见<a href=\"a.pdf\">a</a>\n和说明</p>\n")
	expectHTML(t, "经研究，\n定于", "<p>经研究，定于</p>\n")
	expectHTML(t, "第一条；\n（二）", "<p>第一条；（二）</p>\n")
	expectHTML(t, "“三会一课”\n制度", "<p>“三会一课”制度</p>\n")
	expectHTML(t, "制度\n“三会一课”", "<p>制度“三会一课”</p>\n")
	expectHTML(t, "“quoted”\n“English”", "<p>“quoted”\n“English”</p>\n")
	expectHTML(t, "第一行  \n第二行", "<p>第一行<br>\n第二行</p>\n")
	// Emphasis next to full-width punctuation.
	expectHTML(t, "**“三会一课”**制度", "<p><strong>“三会一课”</strong>制度</p>\n")
	expectHTML(t, "落实**“三会一课”**制度", "<p>落实<strong>“三会一课”</strong>制度</p>\n")
	expectHTML(t, "**重要通知。**请按时参加", "<p><strong>重要通知。</strong>请按时参加</p>\n")
	expectHTML(t, "会议**（必须参加）**地点", "<p>会议<strong>（必须参加）</strong>地点</p>\n")
	expectHTML(t, "*《党章》*全文", "<p><em>《党章》</em>全文</p>\n")
	expectHTML(t, "~~“旧规定”~~废止", "<p><del>“旧规定”</del>废止</p>\n")
	// Text without CJK characters keeps CommonMark's rules.
	expectHTML(t, "a**\"b\"**c", "<p>a**&quot;b&quot;**c</p>\n")
	expectHTML(t, "snake_case_name", "<p>snake_case_name</p>\n")
	expectHTML(t, "**bold** and *em*", "<p><strong>bold</strong> and <em>em</em></p>\n")
	expectHTML(t, "* list", "<ul>\n<li>list</li>\n</ul>\n")
	// An escaped space between Chinese words is not printed.
	expectHTML(t, "党建\\ 工作", "<p>党建工作</p>\n")
}

func TestRawHTML(t *testing.T) {
	expectHTML(t, "<div onclick=\"x()\">内容</div>", "<!-- raw HTML omitted -->\n")
	expectHTML(t, "文字<script>alert(1)</script>", "<p>文字<!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --></p>\n")
	expectHTMLWith(t, Options{Unsafe: true}, "<div class=\"box\">内容</div>\n", "<div class=\"box\">内容</div>\n")
	expectHTMLWith(t, Options{Unsafe: true}, "文字<span>红</span>", "<p>文字<span>红</span></p>\n")
}

func TestDangerousDestinations(t *testing.T) {
	expectHTML(t, "[x](javascript:alert(1))", "<p><a href=\"\">x</a></p>\n")
	expectHTML(t, "[x](JavaScript:alert(1))", "<p><a href=\"\">x</a></p>\n")
	expectHTML(t, "[x](jav&#x61;script:alert(1))", "<p><a href=\"\">x</a></p>\n")
	expectHTML(t, "[x](<java\tscript:alert(1)>)", "<p><a href=\"\">x</a></p>\n")
	expectHTML(t, "[x](vbscript:msgbox)", "<p><a href=\"\">x</a></p>\n")
	expectHTML(t, "[x](data:text/html,<b>)", "<p><a href=\"\">x</a></p>\n")
	expectHTML(t, "![x](data:image/png;base64,AAAA)", "<p><img src=\"\" alt=\"x\" loading=\"lazy\"></p>\n")
	expectHTML(t, "<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n") // text, not a dead link
	expectHTML(t, "[x](https://example.com/a?b=1)", "<p><a href=\"https://example.com/a?b=1\">x</a></p>\n")
	expectHTML(t, "[x](mailto:dangwei@example.com)", "<p><a href=\"mailto:dangwei@example.com\">x</a></p>\n")
	expectHTML(t, "# 标题 {onclick=\"alert(1)\"}", "<h1 id=\"标题\">标题</h1>\n")
	expectHTMLWith(t, Options{Unsafe: true}, "![x](data:image/png;base64,AAAA)", "<p><img src=\"data:image/png;base64,AAAA\" alt=\"x\" loading=\"lazy\"></p>\n")
}

func TestImages(t *testing.T) {
	expectHTML(t, "![合影](photo.jpg \"2024年\")", "<p><img src=\"photo.jpg\" alt=\"合影\" title=\"2024年\" loading=\"lazy\"></p>\n")
	expectHTML(t, "[![图](a.png)](b.html)", "<p><a href=\"b.html\"><img src=\"a.png\" alt=\"图\" loading=\"lazy\"></a></p>\n")
}

func TestInvalidUTF8(t *testing.T) {
	// A GBK file read as UTF-8 used to panic inside goldmark.
	expectHTML(t, "0*\x9a\n0", "<p>0*\uFFFD\n0</p>\n")
	expectHTML(t, "\xb5\xb3\xbd\xa8\n工作", "<p>\uFFFD\n工作</p>\n")
}

func TestScriptURLs(t *testing.T) {
	for u, want := range map[string]bool{
		"javascript:alert(1)": true, " JaVa\tScript:x": true, "vbscript:x": true, "data:text/html,x": true,
		"data:image/png;base64,AA": false, "https://example.com/": false, "mailto:a@example.com": false,
		"../study/a.md": false, "file:///etc/passwd": false,
	} {
		if got := ScriptURL(u); got != want {
			t.Errorf("ScriptURL(%q) = %v, want %v", u, got, want)
		}
	}
	// With raw HTML allowed, a Markdown script link is still dropped.
	expectHTMLWith(t, Options{Unsafe: true}, "[x](javascript:alert(1))", "<p><a href=\"\">x</a></p>\n")
	expectHTMLWith(t, Options{Unsafe: true}, "见<javascript:alert(1)>和<https://example.com/>", "<p>见javascript:alert(1)和<a href=\"https://example.com/\">https://example.com/</a></p>\n")
}

// TestHashCoversOptions: converters whose settings give different HTML
// have different hashes, and equal settings the same one.
func TestHashCoversOptions(t *testing.T) {
	safe, unsafe := New(Options{}), New(Options{Unsafe: true})
	if safe.Hash() == unsafe.Hash() {
		t.Error("unsafe and safe converters share a hash")
	}
	if New(Options{Unsafe: true}).Hash() != unsafe.Hash() {
		t.Error("two converters with the same options differ")
	}
}
