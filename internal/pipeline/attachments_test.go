package pipeline

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/attach"
	"github.com/pubgen/pubgen/internal/search"
)

// pdfOnly is a phrase printed in the demo's PDF attachment
// (tools/pdf/fazhan-dangyuan-liucheng.html, page 2) and nowhere in the
// site's own text.
const (
	pdfOnly     = "本流程图打印后张贴"
	pdfBundle   = "content/study/zhibu-shiwu-2-fazhan-dangyuan"
	pdfFile     = "fazhan-dangyuan-liucheng.pdf"
	pdfPage2URL = "study/zhibu-shiwu-2-fazhan-dangyuan/" + pdfFile + "#page=2"
)

// TestSearchFindsTextOnlyInAPDF builds the demo portal and asks the index
// for a phrase that only the PDF holds: the oracle is the source tree,
// which must not hold it, so the hit can only come from the PDF's text.
// The rebuild reads no attachment again: not in a session, not in a new
// process on the same cache folder.
func TestSearchFindsTextOnlyInAPDF(t *testing.T) {
	site := demoSite(t, nil)
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".pdf") {
			return err
		}
		if b, _ := os.ReadFile(p); strings.Contains(string(b), pdfOnly) {
			t.Errorf("%s holds %q: the test needs a phrase only the PDF has", p, pdfOnly)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cache, attCache := t.TempDir(), t.TempDir()
	opts := Options{Now: demoNow, SearchCache: cache, AttachCache: attCache}
	res, err := Run(os.DirFS(site), opts)
	if err != nil {
		t.Fatal(err)
	}
	if a := res.Report.Attachments; a.Files != 1 || a.Parts != 2 || a.Extracted != 1 {
		t.Errorf("report: %+v, want 1 file, 2 parts (its pages), 1 extracted", a)
	}
	ix, err := search.Open(cache)
	if err != nil {
		t.Fatal(err)
	}
	hits, err := ix.Search(pdfOnly, search.Query{})
	ix.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 {
		t.Fatalf("%q: %d hits %v, want the PDF's page 2 alone", pdfOnly, len(hits), titles(hits))
	}
	h := hits[0]
	if h.URL != pdfPage2URL || h.Title != "附件：发展党员工作流程图（打印版）（第 2 页）" || h.Type != "study" || h.Branch != "机关第一党支部" ||
		h.PageURL != path.Dir(pdfPage2URL)+"/index.html" || h.PageTitle != "党支部工作实务（二）：发展党员的五个阶段" {
		t.Errorf("hit %+v", h)
	}
	if !strings.Contains(h.Excerpt, "<mark>") {
		t.Errorf("excerpt %q has no highlight", h.Excerpt)
	}
	if _, ok := entryMap(res)[strings.TrimSuffix(pdfPage2URL, "#page=2")]; !ok {
		t.Errorf("the PDF the hit links to is not published")
	}

	// A new process on the same cache folders.
	res, err = Run(os.DirFS(site), opts)
	if err != nil {
		t.Fatal(err)
	}
	if n := res.Report.Attachments.Extracted; n != 0 {
		t.Errorf("clean rebuild extracted %d attachments, want 0", n)
	}

	// A session: an edit to the page, then to the PDF.
	s := NewSession(os.DirFS(site), Options{Now: demoNow})
	build := func() Report {
		t.Helper()
		res, _, _, err := s.Build()
		if err != nil {
			t.Fatal(err)
		}
		return res.Report
	}
	build()
	md := filepath.Join(site, pdfBundle, "index.md")
	appendFile(t, md, "\n又一段。\n")
	if n := build().Attachments.Extracted; n != 0 {
		t.Errorf("page edit: %d attachments extracted, want 0", n)
	}
	// Another creation date, same length: the PDF stays readable.
	pdf := filepath.Join(site, pdfBundle, pdfFile)
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pdf, []byte(strings.Replace(string(b), "(D:20", "(D:19", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := build()
	if n := rep.Attachments.Extracted; n != 1 || len(rep.Warnings) != 0 {
		t.Errorf("PDF edit: %d attachments extracted (want 1), warnings %q", n, rep.Warnings)
	}
}

// TestUnreadableAttachmentWarns: a broken PDF is published and named in a
// warning at its attachments line; the build succeeds.
func TestUnreadableAttachmentWarns(t *testing.T) {
	fsys := siteFS(t, `
-- pubgen.toml --
title = "测试"
-- content/study/a/index.md --
---
title: 学习资料
date: 2025-03-01
attachments:
  - file: broken.pdf
    title: 坏文件
  - file: notes.txt
---

见附件。
-- content/study/a/broken.pdf --
%PDF-1.4 this is not really a PDF
-- content/study/a/notes.txt --
学习心得：只在附件里的句子。
`)
	res, err := Run(fsys, Options{Now: demoNow})
	if err != nil {
		t.Fatalf("build failed: %v", err)
	}
	var warned string
	for _, w := range res.Report.Warnings {
		if strings.Contains(w, "broken.pdf") {
			warned = w
		}
	}
	// Word for word as the author reads it; the part in brackets is the
	// PDF reader's own.
	if warned != "content/study/a/index.md:5: warning: attachments[0].file: 附件“broken.pdf”不是能读取的 PDF 文件（not a PDF file: invalid header），可以用 PDF 软件或 WPS 重新导出一份。文件照常发布，但其中的文字搜索不到。" {
		t.Errorf("warnings %q, want one naming broken.pdf at its line", res.Report.Warnings)
	}
	if _, ok := entryMap(res)["study/a/broken.pdf"]; !ok {
		t.Error("the unreadable PDF should still be published")
	}
	if a := res.Report.Attachments; a.Files != 2 || a.Parts != 1 {
		t.Errorf("report %+v, want 2 files, 1 part (the .txt)", a)
	}
}

// demoAttachmentParts is the text of the demo's PDF, read as the build
// reads it, for queries the browser and bleve must agree on.
func demoAttachmentParts(t testing.TB) []attach.Part {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../..", pdfBundle, pdfFile))
	if err != nil {
		t.Fatal(err)
	}
	parts, err := attach.Extract(pdfFile, data, attach.Limits{})
	if err != nil || len(parts) == 0 {
		t.Fatalf("the demo PDF: %v, %d parts", err, len(parts))
	}
	return parts
}

func entryMap(res *Result) map[string]bool {
	m := map[string]bool{}
	for _, e := range res.Entries {
		m[e.Path] = true
	}
	return m
}

func appendFile(t *testing.T, name, s string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(s); err != nil {
		t.Fatal(err)
	}
}

// TestAttachmentTextIsMasked: an attachment's text enters the index
// through its page's privacy mask, as the page's own text does.
func TestAttachmentTextIsMasked(t *testing.T) {
	fsys := siteFS(t, `
-- pubgen.toml --
title = "测试"
-- content/study/a/index.md --
---
title: 学习资料
date: 2025-03-01
attachments:
  - file: notes.txt
---

见附件。
-- content/study/a/notes.txt --
学习心得联络人手机13812345678。
`)
	cache := t.TempDir()
	res, err := Run(fsys, Options{Now: demoNow, SearchCache: cache})
	if err != nil {
		t.Fatalf("build failed: %v", err)
	}
	ix, err := search.Open(cache)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	hits, err := ix.Search("学习心得联络人", search.Query{})
	if err != nil || len(hits) != 1 || hits[0].Title != "附件：notes.txt" {
		t.Fatalf("hits %+v, %v; want the attachment (warnings %q)", hits, err, res.Report.Warnings)
	}
	if strings.Contains(hits[0].Excerpt, "12345678") {
		t.Errorf("excerpt %q holds the whole number", hits[0].Excerpt)
	}
	if hits, _ := ix.Search("13812345678", search.Query{}); len(hits) != 0 {
		t.Errorf("the whole number finds %v", titles(hits))
	}
}
