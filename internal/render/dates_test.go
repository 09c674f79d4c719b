package render

import (
	"html/template"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/corpus"
)

func TestDatesWithWeekday(t *testing.T) {
	sh, _ := time.LoadLocation("Asia/Shanghai")
	at := time.Date(2026, 12, 12, 6, 30, 0, 0, time.UTC) // 14:30 in Shanghai, a Saturday
	for _, c := range []struct{ got, want string }{
		{string(cnDateTimeWeek(at, sh)), `<span class="nw">2026年12月12日</span><span class="nw">（星期六）14:30</span>`},
		{string(cnDateWeek(at, sh)), `<span class="nw">2026年12月12日</span><span class="nw">（星期六）</span>`},
		{string(cnDateWeek(time.Date(2026, 12, 6, 23, 0, 0, 0, time.UTC), sh)), `<span class="nw">2026年12月7日</span><span class="nw">（星期一）</span>`}, // the site's day, not UTC's
		{string(cnDateTimeWeek(time.Time{}, sh)), ``},
	} {
		if c.got != c.want {
			t.Errorf("got  %s\nwant %s", c.got, c.want)
		}
	}
}

func TestContactLinks(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"0571-8765 2310", `<a class="nw" href="tel:057187652310">0571-8765 2310</a>`},
		{"支部书记 王立群（电话 0571-8765 2101）", `支部书记 王立群（电话 <a class="nw" href="tel:057187652101">0571-8765 2101</a>）`},
		{"(0571)87652100 或 138 1234 5678", `<a class="nw" href="tel:057187652100">(0571)87652100</a> 或 <a class="nw" href="tel:13812345678">138 1234 5678</a>`},
		{"+86 138-1234-5678", `<a class="nw" href="tel:+8613812345678">+86 138-1234-5678</a>`},
		{"400-820-8820", `<a class="nw" href="tel:4008208820">400-820-8820</a>`},
		{"邮箱 dw@example.com。", `邮箱 <a class="nw" href="mailto:dw@example.com">dw@example.com</a>。`},
		{"主持人 王立群", `主持人 王立群`},
		{"12楼1206室，分机 6688，2026年", `12楼1206室，分机 6688，2026年`},
		{"账号 6222021001116666888", `账号 6222021001116666888`},
		{"<b>&", `&lt;b&gt;&amp;`},
	} {
		if got := string(contactLinks(c.in)); got != c.want {
			t.Errorf("%q:\ngot  %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestNowrapDates(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<td>2026年12月10日（星期四）14:30—16:00</td>`, `<td><span class="nw">2026年12月10日</span>（星期四）<span class="nw">14:30</span>—<span class="nw">16:00</span></td>`},
		{`<p>公示期为12月1日至7日，2025-03起</p>`, `<p>公示期为<span class="nw">12月1日</span>至7日，<span class="nw">2025-03</span>起</p>`},
		{`<a href="/2026-12-03/" title="2026年12月">2026年12月</a>`, `<a href="/2026-12-03/" title="2026年12月"><span class="nw">2026年12月</span></a>`},
		{`<pre><code>2026-12-03</code></pre><p>x &amp; 2026-12-03</p>`, `<pre><code>2026-12-03</code></pre><p>x &amp; <span class="nw">2026-12-03</span></p>`},
		{`<p>电话0571-8765 2100，2025-2026年度</p>`, `<p>电话<a class="nw" href="tel:057187652100">0571-8765 2100</a>，2025-2026年度</p>`},
		{`<p>可于2026年12月7日前致电 <a href="tel:0571">0571-8765 2100</a> 或发邮件至 dw@example.com。</p>`, `<p>可于<span class="nw">2026年12月7日</span>前致电 <a href="tel:0571">0571-8765 2100</a> 或发邮件至 <a class="nw" href="mailto:dw@example.com">dw@example.com</a>。</p>`},
		{`<p>138****5678 与 &lt;0571-8765 2100&gt;</p>`, `<p>138****5678 与 &lt;<a class="nw" href="tel:057187652100">0571-8765 2100</a>&gt;</p>`},
		{`<p>第3号 12:30:45 110101199003071234</p>`, `<p>第3号 <span class="nw">12:30</span>:45 110101199003071234</p>`},
	} {
		if got := string(nowrapDates(template.HTML(c.in))); got != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.in, got, c.want)
		}
	}
}

// BenchmarkNowrapDates measures nowrapDates on the text of the generated
// corpus's pages, a paragraph per block of their Markdown.
func BenchmarkNowrapDates(b *testing.B) {
	var pages []template.HTML
	size := 0
	for _, f := range corpus.Generate(300, 1) {
		parts := strings.SplitN(string(f), "---\n", 3)
		if len(parts) < 3 {
			continue
		}
		var h strings.Builder
		for _, para := range strings.Split(parts[2], "\n\n") {
			h.WriteString("<p>" + template.HTMLEscapeString(para) + "</p>\n")
		}
		pages = append(pages, template.HTML(h.String()))
		size += h.Len()
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, p := range pages {
			nowrapDates(p)
		}
	}
}
