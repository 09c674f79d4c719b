package render

import "testing"

func TestFileType(t *testing.T) {
	d := &Data{}
	for file, want := range map[string]string{"a.PDF": "PDF", "b.docx": "Word", "c.xlsx": "Excel", "d.ofd": "OFD", "e": ""} {
		if got := d.FileType(file); got != want {
			t.Errorf("FileType(%q) = %q, want %q", file, got, want)
		}
	}
}
