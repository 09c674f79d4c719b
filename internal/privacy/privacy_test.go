package privacy

import (
	"fmt"
	"strings"
	"testing"
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
	} {
		if c.got != c.want {
			t.Errorf("got %q; want %q", c.got, c.want)
		}
	}
}

// FuzzScan holds Scan's promises on any text: findings are in order, do
// not overlap, are found where they say, and their masked form hides the
// middle without changing the length.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"身份证号510104199001011230。", "电话：138-1234-5678", "卡号 6222 0212 3456 7890 128",
		"11010519491231002X", "一13812345678二13912345678", "138-", "1 2 3 4", "6222 0212 3456 7890 1288 0000",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, fd := range Scan(text) {
			if fd.Offset < prev || fd.Offset+len(fd.Value) > len(text) || text[fd.Offset:fd.Offset+len(fd.Value)] != fd.Value {
				t.Fatalf("finding %+v is not where it says (previous ended at %d)", fd, prev)
			}
			prev = fd.Offset + len(fd.Value)
			digits := strings.Map(func(r rune) rune {
				if r == ' ' || r == '-' {
					return -1
				}
				return r
			}, fd.Value)
			m := []rune(fd.Masked)
			if len(m) != len(digits) || strings.Count(fd.Masked, "*") < 4 {
				t.Fatalf("masked %q does not hide %q", fd.Masked, fd.Value)
			}
			for i, r := range m {
				if r != '*' && r != rune(digits[i]) && !(r == 'X' && digits[i] == 'x') {
					t.Fatalf("masked %q is not %q with stars", fd.Masked, digits)
				}
			}
		}
	})
}
