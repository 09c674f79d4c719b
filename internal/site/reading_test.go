package site

import (
	"strings"
	"testing"
)

func TestReadingMinutes(t *testing.T) {
	cases := []struct {
		name string
		text string
		want int
	}{
		{"empty", "", 0},
		{"punctuation only", "，。！ - ", 0},
		{"short Chinese", "请全体党员准时参加。", 1},
		{"300 characters is a minute", strings.Repeat("学", 300), 1},
		{"301 characters rounds up", strings.Repeat("学", 301), 2},
		{"1500 characters", strings.Repeat("党章学习", 375), 5},
		{"Latin words, not letters", strings.Repeat("party members study ", 200), 3}, // 600 words
		{"contractions are one word", strings.Repeat("don't ", 200), 1},
		{"mixed adds both", strings.Repeat("学", 600) + strings.Repeat(" word", 200), 3},
		{"numbers count as words", strings.Repeat("2026 ", 400), 2},
	}
	for _, c := range cases {
		if got := ReadingMinutes(c.text); got != c.want {
			t.Errorf("%s: ReadingMinutes = %d, want %d", c.name, got, c.want)
		}
	}
}
