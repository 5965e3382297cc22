package hours

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// This file writes amounts, days and weeks for people: the Dutch way for
// Dutch readers (7,5 uur, € 1.234,56, 2.162,5 km, ma 23 nov) and the
// English way for English ones (7.5 h, €1,234.56, 2,162.5 km, Mon 23 Nov).
// Every view of the unit writes them through these.

// decimal writes a number with at most decimals digits after the point,
// the Dutch way for Dutch readers ("2.162,5", "7,5") and the English way
// for English ones ("2,162.5", "7.5").
func decimal(lang string, v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return localNumber(lang, s)
}

// localNumber writes a number formatted by strconv ("-1234.5") with the
// reader's thousands separator and decimal mark: "-1.234,5", "-1,234.5".
func localNumber(lang, s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	thousands, point := ",", "."
	if lang == "nl" {
		thousands, point = ".", ","
	}
	var b strings.Builder
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(d)
	}
	if hasFrac {
		b.WriteString(point + frac)
	}
	return sign + b.String()
}

// hoursText writes minutes as hours: "38,5 uur", "38.5 h".
func hoursText(lang string, minutes int) string {
	return feature.T(lang, "%s uur", "%s h", decimal(lang, float64(minutes)/60, 2))
}

// euroText writes an amount of euro: "€ 1.234,56", "€1,234.56".
func euroText(lang string, v float64) string {
	s := localNumber(lang, strconv.FormatFloat(v, 'f', 2, 64))
	if lang == "nl" {
		return "€ " + s
	}
	return "€" + s
}

// kmText writes a distance: "23,5 km", "23.5 km".
func kmText(lang string, km float64) string { return decimal(lang, km, 1) + " km" }

// rateText writes an allowance per km: "€ 0,23 per km".
func rateText(lang string, rate float64) string { return euroText(lang, rate) + " per km" }

// weekText names a week for people: "week 49 (30 nov – 6 dec 2026)".
func weekText(lang string, w intranet.Week) string {
	first, _ := time.Parse(intranet.DateLayout, w.First())
	last, _ := time.Parse(intranet.DateLayout, w.Last())
	f := when.Date{Year: first.Year(), Month: first.Month(), Day: first.Day()}.Format(lang)
	l := when.Date{Year: last.Year(), Month: last.Month(), Day: last.Day()}.Format(lang)
	// Leave out the weekdays, and the first year when the week ends in
	// the same one: "30 nov – 6 dec 2026", "28 dec 2020 – 3 jan 2021".
	if first.Year() == last.Year() {
		f = strings.Join(strings.Fields(f)[1:3], " ")
	} else {
		f = strings.Join(strings.Fields(f)[1:], " ")
	}
	l = strings.Join(strings.Fields(l)[1:], " ")
	return fmt.Sprintf("week %d (%s – %s)", w.Number, f, l)
}

// dayText writes a civil date short: "ma 30 nov", "Mon 30 Nov".
func dayText(lang, date string) string {
	t, err := time.Parse(intranet.DateLayout, date)
	if err != nil {
		return date
	}
	f := strings.Fields(when.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}.Format(lang))
	return strings.Join(f[:3], " ")
}

// momentText writes a moment for people: "ma 7 dec 10:00", "Mon 7 Dec 10:00".
func (u *Unit) momentText(lang string, t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	f := strings.Fields(when.DateOf(t, u.cfg.Location).Format(lang))
	return strings.Join(f[:3], " ") + " " + t.In(u.cfg.Location).Format("15:04")
}
