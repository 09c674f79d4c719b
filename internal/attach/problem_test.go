package attach

import (
	"testing"
	"testing/fstest"

	"github.com/pubgen/pubgen/internal/msg"
)

// TestProblemSurvivesTheCache: a failure read back from .pubgen/attach by
// a later build says the same, in either language.
func TestProblemSurvivesTheCache(t *testing.T) {
	dir := t.TempDir()
	fsys := fstest.MapFS{"a.txt": {Data: []byte("党建\x00\x01\x02二进制")}}
	_, _, first := NewCache(dir, Limits{}).Text(fsys, "a.txt")
	_, extracted, again := NewCache(dir, Limits{}).Text(fsys, "a.txt")
	if extracted || first == nil || again == nil {
		t.Fatalf("extracted again %v, errors %v, %v", extracted, first, again)
	}
	if got := again.(*Problem).Text(); (msg.Printer{}).Text(got) != "不是文字文件（里面是二进制数据）" || english(again) != english(first) {
		t.Errorf("from disk: %q / %q, first %q", (msg.Printer{}).Text(got), english(again), english(first))
	}
}
