package suggest

import "testing"

func TestClosest(t *testing.T) {
	fields := []string{"title", "date", "meeting", "publicity", "contact", "summary", "tags"}
	cases := []struct {
		name, want string
		ok         bool
	}{
		{"meetng", "meeting", true},
		{"meetnig", "meeting", true},
		{"titel", "title", true},
		{"tag", "tags", true},
		{"publicty", "publicity", true},
		{"colour", "", false},
		{"x", "", false},
	}
	for _, c := range cases {
		got, ok := Closest(c.name, fields)
		if got != c.want || ok != c.ok {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}
