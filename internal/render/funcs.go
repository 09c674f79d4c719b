package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pubgen/pubgen/internal/privacy"
	"github.com/pubgen/pubgen/internal/qrcode"
)

// Funcs returns the template functions that do not depend on the page being
// written. loc is the site's time zone: dates print as the author meant them
// whatever zone the build machine is in.
func Funcs(loc *time.Location) template.FuncMap { return funcs(loc, func() {}) }

// funcs is Funcs whose functions reading the time zone call zone first,
// so that a renderer can record which outputs print a date.
func funcs(loc *time.Location, zone func()) template.FuncMap {
	in := func() *time.Location { zone(); return loc }
	return template.FuncMap{
		"cnDate": func(t time.Time) string { return cnDate(t, in()) },
		// cnDateWeek and cnDateTimeWeek add the weekday, as meeting
		// notices give it (2026年12月12日（星期六）14:30).
		"cnDateWeek":     func(t time.Time) template.HTML { return cnDateWeek(t, in()) },
		"cnDateTimeWeek": func(t time.Time) template.HTML { return cnDateTimeWeek(t, in()) },
		"contactLinks":   contactLinks,
		"nowrapDates":    nowrapDates,
		"nowrapText":     nowrapText,
		// qrSVG draws a page address as a QR code for the printed page.
		"qrSVG":   qrcode.SVG,
		"hhmm":    func(t time.Time) string { return t.In(in()).Format("15:04") },
		"isoDate": func(t time.Time) string { return t.In(in()).Format("2006-01-02") },
		// datetime is the machine-readable form for <time datetime>.
		"datetime": func(t time.Time) string { return t.In(in()).Format(time.RFC3339) },
		"year":     func(t time.Time) int { return t.In(in()).Year() },
		"add":      func(a, b int) int { return a + b },
		"sub":      func(a, b int) int { return a - b },
		"join":     strings.Join,
		// maskName and maskPhone are for lists that must be published with
		// personal data hidden (张*明, 138****5678).
		"maskName":  privacy.MaskName,
		"maskPhone": privacy.MaskPhone,
		// truncate shortens to n characters (not bytes: Chinese is 3 bytes a
		// character in UTF-8).
		"truncate": func(n int, s string) string {
			if utf8.RuneCountInString(s) <= n {
				return s
			}
			r := []rune(s)
			return string(r[:n]) + "…"
		},
		"limit": func(n int, nodes []*PageView) []*PageView { return nodes[:min(n, len(nodes))] },
		// reuse runs a partial as {{ template }} does, reusing its bytes
		// between outputs (reuse.go); only the renderer's workers can run
		// a template from a function, and they replace this one.
		"reuse": func(name string, data any) (template.HTML, error) {
			return "", fmt.Errorf("reuse %q: partials are reused only while rendering a site", name)
		},
	}
}
