package attach

import (
	"bytes"
	"compress/zlib"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const testCMap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0001> <515A> <0002> <5EFA> endbfchar
2 beginbfrange <00FF> <0101> <4E00> <0010> <0011> [<5B66> <4E60>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`

func TestCMap(t *testing.T) {
	m := parseCMap([]byte(testCMap), newBudget(Defaults()))
	for _, c := range []struct {
		code uint32
		want string
	}{
		{0x0001, "党"}, {0x0002, "建"},
		{0x00FF, "一"}, {0x0100, "丁"}, {0x0101, "丂"}, // a range across xxFF counts on
		{0x0010, "学"}, {0x0011, "习"},
		{0x0003, ""}, {0x0102, ""},
	} {
		if got, _ := m.lookup(c.code, 2); got != c.want {
			t.Errorf("lookup(%04X) = %q, want %q", c.code, got, c.want)
		}
	}
}

func TestPDFText(t *testing.T) {
	for _, c := range []struct{ name, content, want string }{
		{"one string", "BT /F1 12 Tf 10 700 Td <00010002> Tj ET", "党建"},
		{"glyph by glyph", "BT /F1 12 Tf 10 700 Td <0001> Tj 12 0 Td <0002> Tj ET", "党建"},
		{"next line joins Chinese", "BT /F1 12 Tf 10 700 Td <0010> Tj 0 -15 Td <0011> Tj ET", "学习"},
		{"new paragraph", "BT /F1 12 Tf 10 700 Td <0010> Tj 0 -40 Td <0011> Tj ET", "学 习"},
		{"table cells", "BT /F1 12 Tf 10 700 Td <0010> Tj 100 0 Td <0011> Tj ET", "学 习"},
		{"TJ kerning", "BT /F1 12 Tf 10 700 Td [<0001> -30 <0002>] TJ ET", "党建"},
		{"unknown font", "BT /F9 12 Tf 10 700 Td <0001> Tj ET", ""},
		{"inline image skipped", "BI /W 1 /H 1 ID \x00\xff) Tj EI\nBT /F1 12 Tf <0001> Tj ET", "党"},
		{"garbage operators", "] >> ) } 1 2 3 4 5 6 7 Tj Tf BT /F1 12 Tf <0001> Tj", "党"},
	} {
		parts, err := Extract("t.pdf", onePage(c.content, testCMap), Limits{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		got := ""
		if len(parts) > 0 {
			got = parts[0].Text
		}
		if got != c.want {
			t.Errorf("%s: text %q, want %q", c.name, got, c.want)
		}
	}
}

func TestUnreadable(t *testing.T) {
	real := onePage("BT /F1 12 Tf <0001> Tj ET", testCMap)
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"not a pdf", []byte("hello"), "is not a PDF that can be read"},
		{"truncated", real[:len(real)/2], "is not a PDF that can be read"},
		{"empty", nil, "is not a PDF that can be read"},
	} {
		parts, err := Extract("x.pdf", c.data, Limits{})
		if err == nil || !strings.Contains(english(err), c.want) || parts != nil {
			t.Errorf("%s: %v, %v; want an error containing %q", c.name, parts, err, c.want)
		}
	}
}

// Structures the PDF library would allocate or loop on without reading
// (so without charging the budget) are refused before it sees them; the
// first three would end the process by running out of memory.
func TestStructureBombs(t *testing.T) {
	table := makePDF("<< /Type /Catalog >>")
	table = bytes.Replace(table, []byte("xref\n0 2\n"), []byte("xref\n999999999 2\n"), 1)
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"xref table", table, "claims objects up to 999999999"},
		{"xref stream size", xrefStreamPDF("1", "999999999", "1 4 2"), "claims 999999999 objects"},
		{"xref stream index", bytes.Replace(xrefStreamPDF("1", "5", "1 4 2"), []byte("/Size 5"), []byte("/Size 5 /Index [900000000 5]"), 1), "claims objects up to 900000000"},
		{"zero-width entries", xrefStreamPDF("1", "5", "0 0 0"), "empty entries"},
		{"object stream", xrefStreamPDF("100000000000", "5", "1 4 2"), "an object stream claims 100000000000 objects"},
	} {
		_, err := Extract("x.pdf", c.data, Limits{Timeout: time.Second})
		if err == nil || !strings.Contains(english(err), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	// The same structures within bounds are read as usual.
	if _, err := Extract("x.pdf", xrefStreamPDF("1", "5", "1 4 2"), Limits{}); err == nil || strings.Contains(english(err), "claims") {
		t.Errorf("a sound xref stream: %v, want the library's own complaint", err)
	}
}

// A content stream that inflates to 64 MB stops at MaxRead (the error
// says which limit stopped it; no wall-clock assertion on a shared
// machine).
func TestDeflateBomb(t *testing.T) {
	content := bytes.Repeat([]byte("q Q "), 16<<20)
	_, err := Extract("bomb.pdf", onePage(string(content), testCMap), Limits{MaxRead: 4 << 20, Timeout: time.Hour})
	if err == nil || !strings.Contains(english(err), "MB of reading") {
		t.Fatalf("err = %v, want the read limit", err)
	}
}

// Work that reads little but loops long stops at the time limit.
func TestTimeout(t *testing.T) {
	content := bytes.Repeat([]byte("q Q "), 4<<20)
	_, err := Extract("slow.pdf", onePage(string(content), testCMap), Limits{Timeout: 20 * time.Millisecond})
	if err == nil || !strings.Contains(english(err), "took longer than 20ms") {
		t.Fatalf("err = %v, want a timeout", err)
	}
}

// A page tree whose Kids point back at itself ends.
func TestCyclicPageTree(t *testing.T) {
	data := makePDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 1 >>",
	)
	done := make(chan error, 1)
	go func() { _, err := Extract("cycle.pdf", data, Limits{}); done <- err }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("did not end")
	}
}

func TestPageLimit(t *testing.T) {
	kids := strings.Repeat("3 0 R ", 5)
	data := makePDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids ["+kids+"] /Count 5 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream("", []byte("BT /F1 12 Tf <0001> Tj ET")),
		"<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 >>",
		stream("", []byte(testCMap)),
	)
	parts, err := Extract("many.pdf", data, Limits{MaxPages: 3})
	var p *Problem
	if !errors.As(err, &p) || !p.Partial() || p.Why != WhyPartPageCount || len(parts) != 3 || parts[2].Page != 3 {
		t.Fatalf("parts %+v, err %v; want pages 1–3 and a partial Problem", parts, err)
	}
}

func TestTextLimit(t *testing.T) {
	parts, err := Extract("long.txt", []byte(strings.Repeat("党建", 1000)), Limits{MaxText: 100})
	var p *Problem
	if !errors.As(err, &p) || p.Why != WhyPartText || len(parts) != 1 || len(parts[0].Text) > 100 || len(parts[0].Text) < 96 {
		t.Fatalf("parts %+v, err %v", parts, err)
	}
}

func TestPlain(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("支部名称,人数\n机关第一党支部,28\n"))
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"a.txt", []byte("学习笔记\n\n  第二行  \n"), "学习笔记 第二行"},
		{"bom.txt", []byte("\xEF\xBB\xBF学习"), "学习"},
		{"utf16.txt", []byte{0xFF, 0xFE, 0x66, 0x5B, 0x60, 0x4E}, "学习"},
		{"gbk.csv", gbk, "支部名称,人数 机关第一党支部,28"},
	} {
		parts, err := Extract(c.name, c.data, Limits{})
		if err != nil || len(parts) != 1 || parts[0].Text != c.want {
			t.Errorf("%s: %+v, %v; want %q", c.name, parts, err, c.want)
		}
	}
}

func TestDOCX(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>学习</w:t></w:r><w:r><w:t xml:space="preserve">笔记 </w:t></w:r><w:r><w:tab/><w:t>第一</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>支部</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>人数</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:delText>删掉的</w:delText><w:t>&lt;完&gt;</w:t></w:r></w:p>
</w:body></w:document>`
	parts, err := Extract("a.docx", zipOf(t, map[string]string{"word/document.xml": doc}), Limits{})
	want := "学习笔记 第一 支部 人数 <完>"
	if err != nil || len(parts) != 1 || parts[0].Text != want {
		t.Fatalf("%+v, %v; want %q", parts, err, want)
	}
	if _, err := Extract("b.docx", []byte("PK not a zip"), Limits{}); err == nil || !strings.Contains(english(err), "is not a Word (.docx) file") {
		t.Errorf("not a zip: %v", err)
	}
}

func TestXLSX(t *testing.T) {
	files := map[string]string{
		"xl/workbook.xml": `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
<sheet name="党费" sheetId="1" r:id="rId1"/><sheet name="名单" sheetId="2" r:id="rId2"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>`,
		"xl/sharedStrings.xml":       `<sst><si><t>支部</t></si><si><r><t>党费</t></r><r><t>金额</t></r><rPh><t>とう</t></rPh></si></sst>`,
		"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
<row><c r="A2" t="inlineStr"><is><t>机关一支部</t></is></c><c r="B2"><v>1200.5</v></c><c r="C2" t="b"><v>1</v></c></row></sheetData></worksheet>`,
		"xl/worksheets/sheet2.xml": `<worksheet><sheetData><row><c t="str"><f>A1</f><v>张三</v></c></row></sheetData></worksheet>`,
	}
	parts, err := Extract("a.xlsx", zipOf(t, files), Limits{})
	if err != nil || len(parts) != 2 {
		t.Fatalf("%+v, %v", parts, err)
	}
	if p := parts[0]; p.Sheet != "党费" || p.Text != "支部 党费金额 机关一支部 1200.5" {
		t.Errorf("sheet 1: %+v", p)
	}
	if p := parts[1]; p.Sheet != "名单" || p.Text != "张三" {
		t.Errorf("sheet 2: %+v", p)
	}
}

func TestNotSearchable(t *testing.T) {
	if Searchable("a.jpg") || !Searchable("A.PDF") || !Searchable("x/y.docx") {
		t.Error("Searchable")
	}
	if _, err := Extract("a.jpg", nil, Limits{}); !errors.Is(err, ErrNotSearchable) {
		t.Error(err)
	}
}

// zlibOf is used by the fuzz seeds.
func zlibOf(b []byte) []byte {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(b)
	w.Close()
	return z.Bytes()
}
