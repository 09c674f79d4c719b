package chart

import (
	"encoding/xml"
	"fmt"
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
	// The label column fits the longest label (7 CJK characters at 12
	// units, and 6 of space), the number column "20" (2×0.6×12 + 6); the
	// longest bar spans the rest, half the value half the length.
	if !strings.Contains(svg, `<rect x="90.0" y="8" width="229.6"`) || !strings.Contains(svg, `width="114.8"`) {
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
	// 24 months do not fit every second label in 340 units: the step
	// grows until the labels (7 characters, 50.4 units) are apart.
	var months []string
	for i := range 24 {
		months = append(months, fmt.Sprintf("%d-%02d", 2025+i/12, i%12+1))
	}
	long := string(Stacked("每月发布", months, []Series{{Name: "通知", Color: "#b71c1c", Values: make([]int, 24)}}, 2))
	if got := strings.Count(long, ">202"); got != 5 {
		t.Errorf("%d month labels of 24, want 5 (every fifth, the last one left out as it would run out of the drawing):\n%s", got, long)
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

func TestFontSizeAgrees(t *testing.T) {
	if fontSize != fmt.Sprint(FontSize) {
		t.Errorf("fontSize %q, FontSize %d", fontSize, FontSize)
	}
}
