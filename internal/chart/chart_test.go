package chart

import (
	"encoding/xml"
	"strings"
	"testing"
)

// wellFormed parses the SVG as XML: a browser shows nothing of an inline
// SVG with a broken tag.
func wellFormed(t *testing.T, svg string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return
			}
			t.Fatalf("not well-formed: %v\n%s", err, svg)
		}
	}
}

func TestHBar(t *testing.T) {
	svg := string(HBar("各支部会议", "#b71c1c", []Bar{{"机关第一党支部", 20}, {"<离退休>", 10}, {"空", 0}}))
	wellFormed(t, svg)
	if !strings.Contains(svg, `aria-label="各支部会议"`) || !strings.Contains(svg, `role="img"`) {
		t.Error("chart is not a labelled image")
	}
	if !strings.Contains(svg, "&lt;离退休&gt;") {
		t.Error("labels are not escaped")
	}
	// The longest bar spans the plot; half the value, half the length.
	if !strings.Contains(svg, `width="440.0"`) || !strings.Contains(svg, `width="220.0"`) {
		t.Errorf("bar lengths not proportional:\n%s", svg)
	}
}

func TestStacked(t *testing.T) {
	svg := string(Stacked("每月发布", []string{"2025-01", "2025-02", "2025-03"}, []Series{
		{Name: "通知", Color: "#b71c1c", Values: []int{3, 0, 1}},
		{Name: "公示", Color: "#1f5fa8", Values: []int{1, 2, 0}},
	}, 2))
	wellFormed(t, svg)
	if got := strings.Count(svg, "<rect"); got != 4 {
		t.Errorf("%d segments, want 4 (zero values drawn as nothing)", got)
	}
	if !strings.Contains(svg, ">2025-01<") || strings.Contains(svg, ">2025-02<") || !strings.Contains(svg, ">2025-03<") {
		t.Error("want every second label")
	}
	if !strings.Contains(svg, "<title>2025-02 公示：2</title>") {
		t.Error("segments lack their value as a tooltip")
	}
}

func TestNiceStep(t *testing.T) {
	for maxV, want := range map[int]int{1: 1, 5: 1, 6: 2, 11: 2, 30: 10, 260: 50} {
		if got := niceStep(maxV); got != want {
			t.Errorf("niceStep(%d) = %d, want %d", maxV, got, want)
		}
	}
}
