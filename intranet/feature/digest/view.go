package digest

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// This file holds how schedules and the answers about subscriptions read,
// in Dutch and English, for every feed.

// ReadSchedule reads the typed schedule (the options schedule, day and
// time) and checks its combination of day and time, which the grammar
// reads as optional: a weekly digest needs a day, every digest a time, and
// each item at once takes neither. problem says what is wrong.
func (d *Digests) ReadSchedule(c *feature.Call) (s intranet.Schedule, problem string) {
	p := c.Cmd
	s = intranet.Schedule{Kind: intranet.ScheduleKind(p.Text("schedule"))}
	day, hasDay := p.Weekday("day")
	clock, hasTime := p.Clock("time")
	switch s.Kind {
	case intranet.ScheduleImmediate:
		if hasDay || hasTime {
			return s, c.T("`immediate` stuurt %s en heeft geen dag of tijd; laat die weg.", "`immediate` sends %s and takes no day or time; leave them out.", c.T(d.cfg.EachNL, d.cfg.EachEN))
		}
		return s, ""
	case intranet.ScheduleWeekly:
		switch {
		case !hasDay && !hasTime:
			return s, c.T("Welke dag en hoe laat? Een wekelijks overzicht heeft een dag en een tijd nodig, bijvoorbeeld `weekly mon 09:00`.",
				"Which day, and at what time? A weekly digest needs a day and a time, e.g. `weekly mon 09:00`.")
		case !hasDay:
			return s, c.T("Welke dag? Een wekelijks overzicht heeft een dag nodig, bijvoorbeeld `weekly mon %s`.",
				"Which day? A weekly digest needs a day, e.g. `weekly mon %s`.", typed(c, "time"))
		}
		s.Weekday = day
	default:
		if hasDay {
			return s, c.T("`%s` komt niet op één dag (`%s`); een dag hoort bij `weekly`, bijvoorbeeld `weekly %s 09:00`.",
				"`%s` does not come on one day (`%s`); a day goes with `weekly`, e.g. `weekly %s 09:00`.", s.Kind, typed(c, "day"), typed(c, "day"))
		}
	}
	if !hasTime {
		example := string(s.Kind) + " 08:30"
		if s.Kind == intranet.ScheduleWeekly {
			example = "weekly " + typed(c, "day") + " 09:00"
		}
		return s, c.T("Hoe laat? Een overzicht (`%s`) heeft een tijd nodig, bijvoorbeeld `%s`.", "At what time? A digest (`%s`) needs a time, e.g. `%s`.", s.Kind, example)
	}
	if clock >= 24*60 {
		return s, c.T("`%s` is geen tijd van de dag (00:00 tot 23:59).", "`%s` is not a time of day (00:00 to 23:59).", typed(c, "time"))
	}
	s.Minute = int(clock)
	return s, ""
}

// typed is a value of the command as it was typed.
func typed(c *feature.Call, name string) string {
	v, _ := c.Cmd.Value(name)
	return v.Typed
}

// ScheduleText says when a subscription delivers, in lang ("a digest every
// Mon at 09:00"; for an immediate one what Config.EachNL/EachEN say).
func (d *Digests) ScheduleText(lang string, s intranet.Schedule) string {
	t := func(nl, en string, args ...any) string { return feature.T(lang, nl, en, args...) }
	clock := when.Clock(s.Minute).String()
	switch s.Kind {
	case intranet.ScheduleDaily:
		return t("elke dag om %s een overzicht", "a digest every day at %s", clock)
	case intranet.ScheduleWeekdays:
		return t("elke werkdag om %s een overzicht", "a digest every weekday at %s", clock)
	case intranet.ScheduleWeekly:
		return t("elke %s om %s een overzicht", "a digest every %s at %s", weekdayText(lang, s), clock)
	}
	return t(d.cfg.EachNL, d.cfg.EachEN)
}

// weekdayText is a weekly schedule's day as dates write it ("ma", "Mon").
func weekdayText(lang string, s intranet.Schedule) string {
	day := when.Date{Year: 2026, Month: 11, Day: 22 + int(s.Weekday)}.Format(lang) // 22 Nov 2026 is a Sunday
	return strings.Fields(day)[0]
}

// UnsubscribeButton ends subscription id.
func (d *Digests) UnsubscribeButton(lang string, id int64) intranet.Button {
	return intranet.Button{Label: feature.T(lang, "Opzeggen", "Unsubscribe"), Style: intranet.StyleDanger, Command: fmt.Sprintf("%s unsubscribe %d", d.cfg.Command, id)}
}

// Exists answers a subscription made twice.
func (d *Digests) Exists(c *feature.Call) string {
	return c.T("Dat abonnement bestaat hier al. Zie `%s subscriptions`.", "That subscription exists here already. See `%s subscriptions`.", d.cfg.Command)
}

func noSubscription(c *feature.Call, id int64) string {
	return c.T("Er is geen abonnement %d (meer).", "There is no subscription %d (any more).", id)
}

func notYours(c *feature.Call, id int64) string {
	return c.T("Abonnement %d is niet van jou of van dit kanaal.", "Subscription %d is not yours or this channel's.", id)
}

func unsubscribedAlready(c *feature.Call, id int64) string {
	return c.T("Abonnement %d was al opgezegd.", "Subscription %d was cancelled already.", id)
}

func unsubscribed(c *feature.Call, id int64) string {
	return c.T("Abonnement %d is opgezegd.", "Subscription %d is cancelled.", id)
}
