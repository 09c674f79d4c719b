package main

import (
	"io"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/pipeline"
	"github.com/pubgen/pubgen/internal/site"
)

// alarmRecheck is the longest the alarm sleeps before looking at the wall
// clock again: a timer counts elapsed time, so after the machine was
// suspended or its clock was set, a long sleep would wake late.
const alarmRecheck = 10 * time.Minute

// alarm wakes a long-running session (serve, build --watch) at the site's
// next scheduled change — a publish_date, a publicity period or a meeting
// starting or ending — so that it rebuilds then with no file edited.
type alarm struct {
	at    time.Time   // the change it waits for; zero when none
	timer *time.Timer // nil when at is zero
	fixed bool        // --now pins the build's clock: nothing is ever due
}

// newAlarm makes an alarm for a session whose builds run at now (zero: the
// clock).
func newAlarm(now time.Time) *alarm { return &alarm{fixed: !now.IsZero()} }

// set arms the alarm for the first change res's site has scheduled; after
// a failed build (res nil) it keeps waiting for what it waited for.
func (a *alarm) set(res *pipeline.Result, stderr io.Writer) {
	if res == nil || a.fixed {
		return
	}
	var at time.Time
	if cs := res.Site.Schedule(); len(cs) > 0 {
		at = cs[0].At
		if !at.Equal(a.at) {
			say(stderr, "%s", res.Site.Config.Printer(time.Time{}).Sprint(msg.OpNextScheduled, at.In(res.Site.Config.Location).Format("2006-01-02 15:04:05"), cs[0].File, site.ChangeWord(cs[0].What)))
		}
	}
	a.at = at
	a.arm()
}

func (a *alarm) arm() {
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
	if !a.at.IsZero() {
		a.timer = time.NewTimer(min(max(time.Until(a.at), 0), alarmRecheck))
	}
}

// C is the channel the alarm rings on; nil (never ready) when unarmed.
func (a *alarm) C() <-chan time.Time {
	if a.timer == nil {
		return nil
	}
	return a.timer.C
}

// due is called when C rang: it reports whether the change has come, and
// otherwise sleeps again.
func (a *alarm) due() bool {
	if !a.at.IsZero() && !time.Now().Before(a.at) {
		a.timer = nil
		return true
	}
	a.arm()
	return false
}

// stop releases the timer.
func (a *alarm) stop() {
	if a.timer != nil {
		a.timer.Stop()
	}
}
