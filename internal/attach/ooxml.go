package attach

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Word and Excel files are zip archives of XML parts (Office Open XML);
// archive/zip and encoding/xml read the few parts that hold text, so no
// office library is needed.

// maxZipFiles bounds the parts an archive may list: a real document has
// dozens, and each one listed costs memory before any is read.
const maxZipFiles = 10000

func openZip(data []byte, what Why) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, problem(what, err.Error())
	}
	if len(zr.File) > maxZipFiles {
		return nil, problem(what, fmt.Sprintf("it holds %d parts", len(zr.File)))
	}
	return zr, nil
}

// part reads the named part of the archive, charging the budget; nil when
// it is absent. A part's stated size is not trusted: a zip bomb states a
// small one.
func part(zr *zip.Reader, name string, b *budget) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, problem(WhyCannotRead, fmt.Sprintf("%s: %v", name, err))
		}
		defer rc.Close()
		return b.readAll(rc, b.lim.MaxRead), nil
	}
	return nil, nil
}

// xmlWalk calls fn for every element start, end and character data of
// doc, by local name (namespaces do not matter for the parts read here).
func xmlWalk(doc []byte, b *budget, fn func(tok xml.Token)) error {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = false
	for {
		b.step()
		tok, err := d.RawToken()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		fn(tok)
	}
}

// readDOCX reads a Word document's body: paragraphs, tables and text
// boxes, in document order.
func readDOCX(data []byte, b *budget) ([]Part, error) {
	zr, err := openZip(data, WhyNotWord)
	if err != nil {
		return nil, err
	}
	doc, err := part(zr, "word/document.xml", b)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, problem(WhyNotWord, "it has no word/document.xml")
	}
	var sb strings.Builder
	inText := false
	err = xmlWalk(doc, b, func(tok xml.Token) {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab", "br", "cr":
				sb.WriteByte(' ')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				sb.WriteByte('\n')
			case "tc":
				sb.WriteByte(' ')
			}
		case xml.CharData:
			if inText {
				sb.Write(t)
			}
		}
	})
	if err != nil {
		return nil, problem(WhyNotWord, err.Error())
	}
	return keep(b, []Part{{Text: tidy(sb.String())}})
}

// readXLSX reads every sheet of a workbook, in the workbook's order: its
// cells row by row, shared strings resolved.
func readXLSX(data []byte, b *budget) ([]Part, error) {
	zr, err := openZip(data, WhyNotExcel)
	if err != nil {
		return nil, err
	}
	shared, err := sharedStrings(zr, b)
	if err != nil {
		return nil, err
	}
	sheets, err := sheetList(zr, b)
	if err != nil {
		return nil, err
	}
	var parts []Part
	for _, s := range sheets {
		doc, err := part(zr, s.file, b)
		if err != nil {
			return nil, err
		}
		if doc == nil {
			continue
		}
		text, err := sheetText(doc, shared, b)
		if err != nil {
			return nil, problem(WhyNotExcel, fmt.Sprintf("%s: %v", s.name, err))
		}
		if text != "" {
			parts = append(parts, Part{Sheet: s.name, Text: text})
		}
	}
	return keep(b, parts)
}

func sharedStrings(zr *zip.Reader, b *budget) ([]string, error) {
	doc, err := part(zr, "xl/sharedStrings.xml", b)
	if err != nil || doc == nil {
		return nil, err
	}
	var out []string
	var cur strings.Builder
	inT, inPhonetic := false, false
	err = xmlWalk(doc, b, func(tok xml.Token) {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				cur.Reset()
			case "t":
				inT = true
			case "rPh": // a reading guide (furigana), not the cell's text
				inPhonetic = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, cur.String())
			case "t":
				inT = false
			case "rPh":
				inPhonetic = false
			}
		case xml.CharData:
			if inT && !inPhonetic {
				cur.Write(t)
			}
		}
	})
	if err != nil {
		return nil, problem(WhyNotExcel, fmt.Sprintf("shared strings: %v", err))
	}
	return out, nil
}

type sheet struct{ name, file string }

// sheetList names the sheets in workbook order with their part's path,
// through the workbook's relationships.
func sheetList(zr *zip.Reader, b *budget) ([]sheet, error) {
	wb, err := part(zr, "xl/workbook.xml", b)
	if err != nil {
		return nil, err
	}
	if wb == nil {
		return nil, problem(WhyNotExcel, "it has no xl/workbook.xml")
	}
	rels, err := part(zr, "xl/_rels/workbook.xml.rels", b)
	if err != nil {
		return nil, err
	}
	targets := map[string]string{}
	_ = xmlWalk(rels, b, func(tok xml.Token) {
		if t, ok := tok.(xml.StartElement); ok && t.Name.Local == "Relationship" {
			targets[attr(t, "Id")] = attr(t, "Target")
		}
	})
	var out []sheet
	_ = xmlWalk(wb, b, func(tok xml.Token) {
		if t, ok := tok.(xml.StartElement); ok && t.Name.Local == "sheet" {
			target := targets[attr(t, "id")]
			if target == "" {
				return
			}
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join("xl", target)
			}
			out = append(out, sheet{attr(t, "name"), target})
		}
	})
	return out, nil
}

// attr returns the attribute of local name n (r:id and id alike).
func attr(t xml.StartElement, n string) string {
	for _, a := range t.Attr {
		if a.Name.Local == n {
			return a.Value
		}
	}
	return ""
}

func sheetText(doc []byte, shared []string, b *budget) (string, error) {
	var sb strings.Builder
	var val strings.Builder
	cellType, inV, inT := "", false, false
	err := xmlWalk(doc, b, func(tok xml.Token) {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "c":
				cellType = attr(t, "t")
				val.Reset()
			case "v":
				inV = true
			case "t":
				inT = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "t":
				inT = false
			case "c":
				s := val.String()
				switch cellType {
				case "s":
					var i int
					if _, err := fmt.Sscan(s, &i); err == nil && i >= 0 && i < len(shared) {
						s = shared[i]
					} else {
						s = ""
					}
				case "b", "e": // booleans and errors are not text
					s = ""
				}
				if s = strings.TrimSpace(s); s != "" {
					sb.WriteString(s)
					sb.WriteByte(' ')
				}
			case "row":
				sb.WriteByte('\n')
			}
		case xml.CharData:
			if inV || inT && cellType == "inlineStr" {
				val.Write(t)
			}
		}
	})
	return tidy(sb.String()), err
}
