package hours

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// This file writes amounts, days and weeks for people: the Dutch way for
// Dutch readers (7,5 uur, € 10,58, 23,5 km, ma 23 nov) and the English way
// for English ones (7.5 hours, €10.58, 23.5 km, Mon 23 Nov). Every view of
// the unit writes them through these.

// decimal writes v with at most places decimals, none when they are zero,
// with a decimal comma in Dutch.
func decimal(lang string, v float64, places int) string {
	s := strconv.FormatFloat(v, 'f', places, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if lang == "nl" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// hoursText writes minutes as hours: "7,5 uur", "7.5 hours", "1 hour".
func hoursText(lang string, minutes int) string {
	h := decimal(lang, float64(minutes)/60, 2)
	switch {
	case lang == "nl":
		return h + " uur"
	case minutes == 60:
		return "1 hour"
	}
	return h + " hours"
}

// kmText writes a distance: "23,5 km", "23.5 km".
func kmText(lang string, km float64) string { return decimal(lang, km, 1) + " km" }

// euroText writes an amount in euro: "€ 10,58", "€10.58".
func euroText(lang string, v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if lang == "nl" {
		return "€ " + strings.Replace(s, ".", ",", 1)
	}
	return "€" + s
}

// rateText writes a rate per km: "€ 0,23 per km".
func rateText(lang string, rate float64) string {
	return euroText(lang, rate) + feature.T(lang, " per km", " per km")
}

var (
	daysNL   = [...]string{"zo", "ma", "di", "wo", "do", "vr", "za"}
	monthsNL = [...]string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}
)

// dayText writes a day without its year: "ma 23 nov", "Mon 23 Nov".
func dayText(lang string, d when.Date) string {
	if lang == "nl" {
		return fmt.Sprintf("%s %d %s", daysNL[d.Weekday()], d.Day, monthsNL[d.Month-1])
	}
	return fmt.Sprintf("%s %d %s", d.Weekday().String()[:3], d.Day, d.Month.String()[:3])
}

// weekLabel names a week with its days: "week 48 (23-29 nov 2026)".
func weekLabel(lang string, w intranet.Week) string {
	first, last := dateOf(w.First()), dateOf(w.Last())
	month := func(d when.Date) string {
		if lang == "nl" {
			return monthsNL[d.Month-1]
		}
		return d.Month.String()[:3]
	}
	days := fmt.Sprintf("%d-%d %s %d", first.Day, last.Day, month(last), last.Year)
	if first.Month != last.Month {
		days = fmt.Sprintf("%d %s-%d %s %d", first.Day, month(first), last.Day, month(last), last.Year)
	}
	return fmt.Sprintf("week %d (%s)", w.Number, days)
}
