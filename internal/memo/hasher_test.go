package memo

import "testing"

// TestHasher: parts are told apart by their lengths, so lists that join to
// the same text have different versions, and the same list has the same.
func TestHasher(t *testing.T) {
	sum := func(add func(h *Hasher)) Version {
		h := NewHasher()
		add(h)
		return h.Sum()
	}
	ab := sum(func(h *Hasher) { h.String("ab"); h.String("c") })
	if ab != sum(func(h *Hasher) { h.String("ab"); h.String("c") }) {
		t.Error("the same parts gave two versions")
	}
	if ab == sum(func(h *Hasher) { h.String("a"); h.String("bc") }) {
		t.Error(`("ab", "c") and ("a", "bc") gave one version`)
	}
	// A count before a list keeps ([a b], [c]) apart from ([a], [b c]).
	list := func(ls ...[]string) func(h *Hasher) {
		return func(h *Hasher) {
			for _, l := range ls {
				h.Int(len(l))
				for _, s := range l {
					h.String(s)
				}
			}
		}
	}
	if sum(list([]string{"a", "b"}, []string{"c"})) == sum(list([]string{"a"}, []string{"b", "c"})) {
		t.Error("two lists split differently gave one version")
	}
	// Past the buffer's size the parts still all count.
	long := func(last string) func(h *Hasher) {
		return func(h *Hasher) {
			for i := 0; i < 2000; i++ {
				h.String("page")
			}
			h.String(last)
		}
	}
	if sum(long("x")) == sum(long("y")) {
		t.Error("a part after the buffer was flushed did not count")
	}
}
