package markup

import (
	"strings"
	"testing"
)

func TestDepth(t *testing.T) {
	for _, c := range []struct {
		src         string
		depth, line int
	}{
		{"", 0, 0},
		{"正文\n", 0, 0},
		{"> 引用\n", 1, 1},
		{"a\n> > > x\n> y\n", 3, 2},
		{"- a\n  - b\n    - c\n", 3, 3},
		{"1. a\n2. b\n   1) c\n", 2, 3},
		{"-a\n", 0, 0},
		{"2024年\n", 0, 0},
		{strings.Repeat(">", 100000) + " x\n", 100000, 1},
		{strings.Repeat("- ", 500) + "x\n", 500, 1},
	} {
		d, l := Depth([]byte(c.src))
		if d != c.depth || l != c.line {
			t.Errorf("Depth(%.20q) = %d, %d; want %d, %d", c.src, d, l, c.depth, c.line)
		}
	}
}
