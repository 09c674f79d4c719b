package memo

import "testing"

// TestTableOnDisk: a table written with Encode reads back with Decode,
// entry for entry and version for version, without the entries keep
// refused; a table cut short anywhere reads back as nothing at all, so a
// damaged memory never gives half a table.
func TestTableOnDisk(t *testing.T) {
	var from Table[string]
	from.Put("content/study/b.md", Version{2}, "第二篇")
	from.Put("content/notices/a.md", Version{1}, "通知")
	from.Put("content/study/draft.md", Version{3}, "")
	var e Encoder
	from.Encode(&e, func(v string) bool { return v != "" }, func(e *Encoder, v string) { e.String(v) })
	data := e.Data()

	var to Table[string]
	if err := to.Decode(NewDecoder(data), 1, (*Decoder).String); err != nil {
		t.Fatal(err)
	}
	if to.Len() != 2 {
		t.Fatalf("%d entries read back, want the 2 kept", to.Len())
	}
	for name, want := range map[string]struct {
		v Version
		s string
	}{"content/notices/a.md": {Version{1}, "通知"}, "content/study/b.md": {Version{2}, "第二篇"}} {
		if got, ok := to.Get(name, want.v); !ok || got != want.s {
			t.Errorf("%s read back as %q, %t; want %q", name, got, ok, want.s)
		}
	}
	if _, ok := to.Get("content/study/draft.md", Version{3}); ok {
		t.Error("an entry keep refused was written")
	}

	for cut := range len(data) {
		var short Table[string]
		if err := short.Decode(NewDecoder(data[:cut]), 1, (*Decoder).String); err == nil {
			t.Fatalf("a table cut to %d of %d bytes read without an error", cut, len(data))
		}
		if short.Len() != 0 {
			t.Fatalf("a table cut to %d bytes left %d entries", cut, short.Len())
		}
	}
}
