package attach

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
)

// makePDF writes a PDF whose objects are objs (object i+1 is objs[i],
// without its "obj … endobj"), with a correct cross-reference table;
// object 1 must be the catalog.
func makePDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// stream is a PDF stream object holding data, Flate-compressed.
func stream(dict string, data []byte) string {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(data)
	w.Close()
	return fmt.Sprintf("<< %s /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", dict, z.Len(), z.String())
}

// onePage is a one-page PDF showing content with font F1, a Type0
// Identity-H font whose ToUnicode CMap is cmap.
func onePage(content, cmap string) []byte {
	return makePDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream("", []byte(content)),
		"<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Test /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Test /DW 1000 >>",
		stream("", []byte(cmap)),
	)
}

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} {
		if s, ok := files[name]; ok {
			f, err := w.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			f.Write([]byte(s))
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// xrefStreamPDF is a PDF whose cross-reference is a stream with dict
// entries extra (/Size, /W) and whose catalog is object 1 inside an
// object stream claiming n objects.
func xrefStreamPDF(n, size, w string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	off3 := b.Len()
	content := "9 0 "
	fmt.Fprintf(&b, "3 0 obj\n<< /Type /ObjStm /N %s /First 4 /Length %d >>\nstream\n%s\nendstream\nendobj\n", n, len(content), content)
	off4 := b.Len()
	var x bytes.Buffer
	ent := func(t byte, f2 uint32, f3 uint16) {
		x.WriteByte(t)
		binary.Write(&x, binary.BigEndian, f2)
		binary.Write(&x, binary.BigEndian, f3)
	}
	ent(0, 0, 0xFFFF)
	ent(2, 3, 0)
	ent(0, 0, 0)
	ent(1, uint32(off3), 0)
	ent(1, uint32(off4), 0)
	fmt.Fprintf(&b, "4 0 obj\n<< /Type /XRef /Size %s /W [%s] /Root 1 0 R /Length %d >>\nstream\n", size, w, x.Len())
	b.Write(x.Bytes())
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", off4)
	return b.Bytes()
}

// english is err as a site with language = "en" reads it: every error
// Extract returns is a *Problem, put into words by the catalogue.
func english(err error) string {
	var p *Problem
	if !errors.As(err, &p) {
		return "not a *Problem: " + err.Error()
	}
	return msg.Printer{Lang: msg.English}.Text(p.Text())
}
