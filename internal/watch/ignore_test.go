package watch

import "testing"

func TestIgnored(t *testing.T) {
	tests := []struct {
		rel  string
		want bool
	}{
		{"content/a.md", false},
		{"pubgen.toml", false},
		{"static/img/logo.png", false},
		{"content/notices/2024-07-meeting/index.md", false},
		{"content/a#b.md", false},
		{"content/#", false},
		{"content/a.md~", true},
		{"content/.a.md.swp", true},
		{"content/a.md.swp", true},
		{"content/.a.md.swx", true},
		{"content/.a.md.swo", true},
		{"content/4913", true},
		{"content/.#a.md", true},
		{"content/#a.md#", true},
		{"content/.DS_Store", true},
		{"content/a.md___jb_tmp___", true},
		{"content/a.md___jb_old___", true},
		{"content/a.md.kate-swp", true},
		{"content/Thumbs.db", true}, // the build never reads it, so an edit of it rebuilds nothing
		{"content/old~/a.md", true}, // a folder the build skips whole
		{"static/desktop.ini", true},
		{".git", true},
		{".git/index", true},
		{".pubgen/index/store", true},
		{"content/.hidden/a.md", true},
		{".public.pubgen-staging-ABC/index.html", true},
	}
	for _, tt := range tests {
		if got := ignored(tt.rel); got != tt.want {
			t.Errorf("ignored(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}
