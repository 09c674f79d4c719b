package incremental

import (
	"errors"
	"github.com/pubgen/pubgen/internal/deniedfs"
	"testing"
	"testing/fstest"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
)

// TestCopiedUnreadable: a static file a session cannot read is said at
// the file, with why, in the site's words.
func TestCopiedUnreadable(t *testing.T) {
	const name = "static/files/章程.pdf"
	_, err := (&Copied{}).Read(deniedfs.FS{MapFS: fstest.MapFS{name: {Data: []byte("%PDF")}}, Denied: name}, name)
	if got, want := err.Error(), name+": 读不出这个文件（没有权限）。请确认它能用编辑器打开，再保存一次。\n共 1 处错误。"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	var de *diag.Errors
	if !errors.As(err, &de) || len(de.List) != 1 {
		t.Fatalf("got %v, want one problem", err)
	}
	if got, want := de.List[0].In(msg.Printer{Lang: msg.English}), name+": cannot read: open "+name+": permission denied"; got != want {
		t.Errorf("in English:\n got %s\nwant %s", got, want)
	}
}
