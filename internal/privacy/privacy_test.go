package privacy

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
)

func TestScan(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // findings as kind:masked@offset, space separated
	}{
		{"", ""},
		{"身份证号510104199001011230。", "id-card:5101**********1230@12"},
		{"身份证11010519491231002X", "id-card:1101**********002X@9"},
		{"11010519491231002x", "id-card:1101**********002X@0"},
		{"闰日出生440304200002290014", "id-card:4403**********0014@12"},
		{"校验位错误510104199001011234", ""},
		{"日期不存在510104199002301238", ""},
		{"省份不存在990104199001011232", ""},
		{"更长的数字5101041990010112301", ""},
		{"联系电话13812345678，", "mobile:138****5678@12"},
		{"电话：138-1234-5678", "mobile:138****5678@9"},
		{"电话 138 1234 5678 转", "mobile:138****5678@7"},
		{"分组不对1381-234-5678", ""},
		{"12345678901不是手机号", ""},
		{"订单号138123456789", ""},
		{"订单号A13812345678", ""},
		{"13812345678B", ""},
		{"座机0571-88880000", ""},
		{"卡号6222021234567890128", "bank-card:6222***********0128@6"},
		{"卡号 6222 0212 3456 7890 128", "bank-card:6222***********0128@7"},
		{"6217000000000006", "bank-card:6217********0006@0"},
		{"Luhn不对6222021234567890127", ""},
		{"首位不是银行卡1234567890123452", ""},
		{"2024年7月1日、20240701、2024-07-01", ""},
		{"一13812345678二13912345678", "mobile:138****5678@3 mobile:139****5678@17"},
		// Folded as a reader sees them: full-width digits, country codes,
		// NBSP, U+3000 and zero-width characters between the groups.
		{"电话１３８１２３４５６７８", "mobile:138****5678@6"},
		{"电话１３８－１２３４－５６７８。", "mobile:138****5678@6"},
		{"电话 +86 138 1234 5678。", "mobile:138****5678@7"},
		{"电话+8613812345678", "mobile:138****5678@6"},
		{"电话86-13812345678", "mobile:138****5678@6"},
		{"电话(+86)138-1234-5678", "mobile:138****5678@6"},
		{"电话：0086 13812345678", "mobile:138****5678@9"},
		{"电话＋８６　１３８１２３４５６７８", "mobile:138****5678@6"},
		{"电话138\u00a01234\u00a05678", "mobile:138****5678@6"},
		{"电话138\u200b1234\u200b5678", "mobile:138****5678@6"},
		{"电话1\u200b3\u200b8\u200b1234\u20605678", "mobile:138****5678@6"},
		{"身份证110105 19491231 002X", "id-card:1101**********002X@9"},
		{"身份证110105\u300019491231\u3000002X", "id-card:1101**********002X@9"},
		{"身份证110105\u00a019491231\u00a0002x", "id-card:1101**********002X@9"},
		{"身份证110105\u200b19491231\u200b002X", "id-card:1101**********002X@9"},
		{"身份证１１０１０５１９４９１２３１００２Ｘ", "id-card:1101**********002X@9"},
		{"2024-07-01 13812345678", "mobile:138****5678@11"},
		{"1 13812345678 2", "mobile:138****5678@2"},
		// Not personal data: the wrong grouping or check digit, a
		// landline, an extension, dates, addresses and order numbers.
		{"身份证110101 19900307 123X", ""},
		{"身份证1101 0519 4912 3100 2X", ""},
		{"电话8613812345678", ""},
		{"电话+86 1381234567", ""},
		{"电话+86 23812345678", ""},
		{"电话86 138 1234 5678a", ""},
		{"座机0571-88880000转8012", ""},
		{"座机0571-88880000-8012", ""},
		{"座机(0571)88880000", ""},
		{"座机010-12345678，热线400-820-8820、95588", ""},
		{"２０２４－０７－０１至２０２４－０７－０５", ""},
		{"20240701-20240705", ""},
		{"见https://example.com/order/13812345678。", ""},
		{"见 http://x.cn/?id=110105194912310 02X 与 www.example.com/13812345678，", ""},
		{"见HTTPS://EXAMPLE.COM/13812345678", ""},
		{"a.https://x/13812345678", ""},
		// Postcodes, landlines with a country code or an extension,
		// dates and times, amounts, and numbers with a letter: none is a
		// person's number.
		{"邮编310000，邮政编码：100871", ""},
		{"地址：杭州市西湖区文三路 310012", ""},
		{"电话+86 571 8888 0000", ""},
		{"电话86-571-88880000", ""},
		{"电话0571-8888 0000 转 801", ""},
		{"电话(0571)8888-0000 ext. 8012", ""},
		{"热线400-820-8820转1", ""},
		{"2024年07月01日14:30，2024/07/01，2024.07.01", ""},
		{"党费共计13812345.67元", ""},
		// Set off by punctuation, a mobile-shaped part of a code is
		// reported: a missed number costs more than a warning that
		// privacy.allow silences.
		{"文号〔2024〕13812345678号", "mobile:138****5678@16"},
		{"合同编号HT-2024-13812345678-A", "mobile:138****5678@20"},
		{"工单号GD20240701138123456", ""},
		{"学号201913812345678", ""},
	} {
		var got []string
		for _, f := range Scan(c.text) {
			got = append(got, fmt.Sprintf("%s:%s@%d", f.Kind, f.Masked, f.Offset))
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("Scan(%q) = %q; want %q", c.text, g, c.want)
		}
	}
}

func TestNumber(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"13812345678", "13812345678"},
		{" +86 138-1234-5678 ", "13812345678"},
		{"１３８１２３４５６７８", "13812345678"},
		{"110105 19491231 002x", "11010519491231002X"},
		{"6222021234567890128", "6222021234567890128"},
		{"电话13812345678", ""},
		{"13812345678 13912345678", ""},
		{"0571-88880000", ""},
		{"", ""},
	} {
		got, _, ok := Number(c.in)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("Number(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func TestRefused(t *testing.T) {
	for _, k := range []Kind{Mobile, IDCard, BankCard} {
		if !Refused(k, true) || Refused(k, false) {
			t.Errorf("Refused(%s): want true in a disclosure only", k)
		}
	}
}

func TestMaskTextAllow(t *testing.T) {
	text := "电话138 1234 5678，139-1234-5678"
	if got, want := MaskText(text, "13812345678"), "电话138 1234 5678，139****5678"; got != want {
		t.Errorf("MaskText(%q, allowed) = %q; want %q", text, got, want)
	}
}

func TestMask(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{MaskID("510104199001011234"), "5101**********1234"},
		{MaskPhone("13812345678"), "138****5678"},
		{MaskPhone("88880000"), "******00"},
		{MaskPhone("110"), "*10"},
		{MaskCard("6222021234567890128"), "6222***********0128"},
		{MaskName("张三明"), "张*明"},
		{MaskName("张三"), "张*"},
		{MaskName("欧阳娜娜"), "欧**娜"},
		{MaskName("张"), "*"},
		{MaskName(" 李四 "), "李*"},
		{MaskName(""), ""},
		{MaskText("电话＋８６ １３８１２３４５６７８，身份证110105 19491231 002X。"), "电话138****5678，身份证1101**********002X。"},
		{MaskText("座机0571-88880000"), "座机0571-88880000"},
	} {
		if c.got != c.want {
			t.Errorf("got %q; want %q", c.got, c.want)
		}
	}
}

// FuzzScan holds Scan's promises on any text: findings are in order, do
// not overlap, are found where they say, and their masked form hides the
// middle. And a mobile or ID number planted in the text is found however
// it is typed — full-width, grouped by any space or dash, split by
// invisible characters, behind a country code — as the reference (the
// number itself, read after folding) says it should be.
func FuzzScan(f *testing.F) {
	for i, s := range []string{
		"身份证号510104199001011230。", "电话：138-1234-5678", "卡号 6222 0212 3456 7890 128",
		"11010519491231002X", "一13812345678二13912345678", "138-", "1 2 3 4", "6222 0212 3456 7890 1288 0000",
		"１３８", "+86", "(+86", "https://x/", "⑴", "\u200b", "86-",
	} {
		f.Add(s, uint64(i)*7919, byte(i))
	}
	f.Fuzz(func(t *testing.T, text string, n uint64, style byte) {
		checkFindings(t, text)
		want, written := plant(n, style)
		planted := text + "，号码：" + written + "。" + text
		checkFindings(t, planted)
		for _, fd := range Scan(planted) {
			if fd.Offset >= len(text) && fd.Masked == want {
				return
			}
		}
		t.Fatalf("Scan(%q) does not find %s; found %+v", planted, want, Scan(planted))
	})
}

// checkFindings checks that Scan's findings in text are where they say,
// in order, and masked.
func checkFindings(t *testing.T, text string) {
	prev := 0
	for _, fd := range Scan(text) {
		if fd.Offset < prev || fd.Offset+len(fd.Value) > len(text) || text[fd.Offset:fd.Offset+len(fd.Value)] != fd.Value {
			t.Fatalf("finding %+v is not where it says (previous ended at %d)", fd, prev)
		}
		prev = fd.Offset + len(fd.Value)
		m := fd.Masked
		if strings.Count(m, "*") < 4 || strings.Trim(m, "0123456789X*") != "" || len(m) < 11 || len(m) > 19 {
			t.Fatalf("masked %q of %q does not hide the middle", m, fd.Value)
		}
		// No message shows the number whole, wherever it was seen (a
		// name or file name comes to Message masked by MaskText).
		for _, w := range []Where{{}, {Shown: true}, {Name: MaskText(fd.Value)}, {File: MaskText(fd.Value), Line: 2, Col: 3}} {
			for _, refused := range []bool{false, true} {
				for _, lang := range msg.Langs() {
					if s := (msg.Printer{Lang: lang}).Text(Message(fd, w, refused)); strings.Contains(s, fd.Number) {
						t.Fatalf("Message(%+v, %+v, %v) = %q shows the number", fd, w, refused, s)
					}
				}
			}
		}
	}
}

// plant makes a mobile or ID number from n and writes it in one of the
// ways style picks; it returns the masked form Scan must report.
func plant(n uint64, style byte) (masked, written string) {
	var digits string
	var sizes []int
	if style&1 == 0 {
		digits = fmt.Sprintf("1%d%09d", 3+n%7, n/7%1e9)
		sizes = []int{3, 4, 4}
	} else {
		birth := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n%36500))
		digits = fmt.Sprintf("110105%s%03d", birth.Format("20060102"), n/36500%1000)
		sum := 0
		for i, w := range []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2} {
			sum += int(digits[i]-'0') * w
		}
		digits += string("10X98765432"[sum%11])
		sizes = []int{6, 8, 4}
	}
	masked = MaskPhone(digits)
	if len(digits) == 18 {
		masked = MaskID(digits)
	}
	seps := []string{"", " ", "-", "\u00a0", "\u3000", "－", "\u2014", "\u200b"}
	sep := seps[style>>1%8]
	var b strings.Builder
	if style&16 != 0 && len(digits) == 11 {
		b.WriteString([]string{"+86 ", "86-", "(+86)", "＋８６"}[style>>5%4])
	}
	at := 0
	for _, size := range sizes {
		if at > 0 {
			b.WriteString(sep)
		}
		for _, c := range digits[at : at+size] {
			if style&128 != 0 && c != 'X' {
				c += '０' - '0' // full width
			}
			b.WriteRune(c)
		}
		at += size
	}
	return masked, b.String()
}
