package outputs

import (
	"reflect"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/ical"
)

// TestCalVersionCoversEveryField changes each field of an event in turn,
// found by reflection so that a field added to ical.Event is not missed,
// and checks that the calendar's version changes: a field calVersion
// left out would keep a session's old calendar file. A time changes in
// its instant and, separately, in its zone alone.
func TestCalVersionCoversEveryField(t *testing.T) {
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	tokyo := time.FixedZone("JST", 9*3600)
	base := ical.Event{
		UID: "notices/a/", Stamp: time.Date(2026, 5, 1, 9, 0, 0, 0, shanghai),
		Start: time.Date(2026, 5, 2, 9, 0, 0, 0, shanghai), End: time.Date(2026, 5, 2, 11, 0, 0, 0, shanghai),
		Loc: shanghai, Summary: "支部党员大会", Location: "三楼会议室", Description: "议程", URL: "https://example.org/notices/a/",
	}
	want := calVersion(base)
	typ := reflect.TypeOf(base)
	for i := range typ.NumField() {
		f := typ.Field(i)
		var changes []func(v reflect.Value)
		switch f.Type {
		case reflect.TypeOf(""):
			changes = append(changes, func(v reflect.Value) { v.SetString(v.String() + "x") })
		case reflect.TypeOf(time.Time{}):
			changes = append(changes,
				func(v reflect.Value) { v.Set(reflect.ValueOf(v.Interface().(time.Time).Add(time.Nanosecond))) },
				func(v reflect.Value) { v.Set(reflect.ValueOf(v.Interface().(time.Time).In(tokyo))) })
		case reflect.TypeOf((*time.Location)(nil)):
			changes = append(changes, func(v reflect.Value) { v.Set(reflect.ValueOf(tokyo)) })
		default:
			t.Fatalf("ical.Event.%s is a %s: teach calVersion and this test about it", f.Name, f.Type)
		}
		for k, change := range changes {
			ev := base
			change(reflect.ValueOf(&ev).Elem().Field(i))
			if calVersion(ev) == want {
				t.Errorf("changing ical.Event.%s (change %d) keeps the calendar's version", f.Name, k)
			}
		}
	}
	if calVersion(base) != want {
		t.Error("the same event gave two versions")
	}
}
