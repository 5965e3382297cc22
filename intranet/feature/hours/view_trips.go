package hours

import (
	"fmt"
	"math"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/when"
)

// This file holds how trips and routes read, in Dutch and English. Places,
// purposes and route names are written through intranet.Plain.

// kmCmd is /km with a subcommand's word in the reader's language.
func kmCmd(lang, en, nl string) string {
	if lang == "nl" {
		return strings.TrimSpace("/km " + nl)
	}
	return strings.TrimSpace("/km " + en)
}

// routeArg is a route's name as typed after /km route remove.
func routeArg(name string) string {
	if q, ok := grammar.Quote(name); ok {
		return q
	}
	return name
}

// tripLine is one trip, its number first: "#3 ma 23 nov, Utrecht → Zeist
// en terug: 46 km, € 10,58 · cliëntbezoek".
func (u *Unit) tripLine(lang string, t *intranet.Trip) string {
	return fmt.Sprintf("#%d %s", t.ID, u.tripText(lang, t))
}

// tripText is a trip without its number, for replies that name the number
// already: "ma 23 nov, Utrecht → Zeist en terug: 46 km, € 10,58 ·
// cliëntbezoek".
func (u *Unit) tripText(lang string, t *intranet.Trip) string {
	s := fmt.Sprintf("%s, %s", dayText(lang, t.Date), wayText(lang, t))
	s += fmt.Sprintf(": %s, %s", kmText(lang, t.Km), euroText(lang, t.Allowance(u.cfg.Rate)))
	if t.Rate > 0 && t.Rate != u.cfg.Rate {
		s += feature.T(lang, " (tegen %s)", " (at %s)", rateText(lang, t.Rate))
	}
	if t.Route != "" {
		s += feature.T(lang, " · route %s", " · route %s", intranet.Plain(t.Route))
	}
	if t.Purpose != "" {
		s += " · " + intranet.Plain(t.Purpose)
	}
	return s
}

// wayText is where a trip went, as the week view and the approver's card
// write it: "Utrecht → Zeist en terug", "Utrecht → Zeist and back".
func wayText(lang string, t *intranet.Trip) string {
	s := intranet.Plain(t.From) + " → " + intranet.Plain(t.To)
	if t.Return {
		s += feature.T(lang, " en terug", " and back")
	}
	return s
}

// tripsSection lists trips with their kilometres and allowance.
func (u *Unit) tripsSection(c *feature.Call, trips []*intranet.Trip, km, allowance float64) intranet.Section {
	var lines []string
	for _, t := range trips {
		lines = append(lines, u.tripLine(c.Lang, t))
	}
	return intranet.Section{Title: c.T("Ritten", "Trips"), Text: strings.Join(lines, "\n"), Fields: []intranet.Field{
		{Label: c.T("Kilometers", "Kilometres"), Value: kmText(c.Lang, km)},
		{Label: c.T("Vergoeding", "Allowance"), Value: euroText(c.Lang, allowance)},
	}}
}

// savedTripView confirms an added or changed trip with the week's totals.
func (u *Unit) savedTripView(c *feature.Call, t *intranet.Trip, head string, sheet *intranet.Timesheet) intranet.Reply {
	text := fmt.Sprintf("%s: %s.\n", head, u.tripText(c.Lang, t)) +
		c.T("Week %d: %s, %s.", "Week %d: %s, %s.", sheet.Week.Number, kmText(c.Lang, sheet.Km()), euroText(c.Lang, sheet.Allowance(u.cfg.Rate)))
	return intranet.Reply{Lang: c.Lang, Text: text,
		Buttons: []intranet.Button{
			{Label: c.T("Week bekijken", "See the week"), Command: "/km week " + sheet.Week.String()},
			{Label: c.T("Verwijderen", "Remove"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/km remove %d", t.ID)},
		},
		Context: []string{c.T("Vergoeding %s. Verbeteren: `%s %d …`.", "Allowance %s. To correct it: `%s %d …`.",
			rateText(c.Lang, u.rateOf(t)), kmCmd(c.Lang, "edit", "wijzig"), t.ID)}}
}

// rateOf is the rate a trip's allowance is counted at.
func (u *Unit) rateOf(t *intranet.Trip) float64 {
	if t.Rate > 0 {
		return t.Rate
	}
	return u.cfg.Rate
}

// removedTripView confirms a removed trip.
func (u *Unit) removedTripView(c *feature.Call, t *intranet.Trip, sheet *intranet.Timesheet) intranet.Reply {
	return intranet.Reply{Lang: c.Lang, Text: c.T("Rit %d is verwijderd (%s). Week %d: %s, %s.", "Trip %d was removed (%s). Week %d: %s, %s.",
		t.ID, u.tripText(c.Lang, t), sheet.Week.Number, kmText(c.Lang, sheet.Km()), euroText(c.Lang, sheet.Allowance(u.cfg.Rate))),
		Buttons: []intranet.Button{{Label: c.T("Week bekijken", "See the week"), Command: "/km week " + sheet.Week.String()}}}
}

// kmWeekView is /km week: the week's trips, kilometres and allowance.
func (u *Unit) kmWeekView(c *feature.Call, t *intranet.Timesheet) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Ritten %s", "Trips %s", weekText(c.Lang, t.Week))}
	state := c.T("Stand: %s.", "State: %s.", u.stateText(c.Lang, t))
	prev := intranet.Button{Label: c.T("Week ervoor", "Week before"), Command: "/km week " + t.Week.Prev().String()}
	if len(t.Trips) == 0 {
		reply.Text = c.T("Nog geen ritten in deze week. Schrijf er een met `/km vandaag 23 Utrecht naar Zeist`.",
			"No trips in this week yet. Write one with `/km today 23 Utrecht to Zeist`.") + "\n" + state
		reply.Buttons = []intranet.Button{prev}
		return reply
	}
	reply.Text = c.T("Totaal: %s, %s.", "Total: %s, %s.", kmText(c.Lang, t.Km()), euroText(c.Lang, t.Allowance(u.cfg.Rate))) + "\n" + state
	reply.Sections = []intranet.Section{u.tripsSection(c, t.Trips, t.Km(), t.Allowance(u.cfg.Rate))}
	if !t.State.Locked() {
		// Trips go with the week's hours: submitting here saves a step.
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: c.T("Week indienen", "Submit the week"), Style: intranet.StylePrimary, Command: "/hours submit " + t.Week.String()})
	}
	reply.Buttons = append(reply.Buttons, intranet.Button{Label: c.T("Uren en ritten", "Hours and trips"), Command: "/hours week " + t.Week.String()}, prev)
	reply.Context = []string{c.T("Vergoeding %s; een ingediende week houdt het tarief van toen.", "Allowance %s; a submitted week keeps the rate of then.", rateText(c.Lang, u.cfg.Rate))}
	if !t.State.Locked() {
		reply.Context = append(reply.Context, tripsContext(c))
	}
	return reply
}

// tripsContext says how to correct or remove a trip of a list.
func tripsContext(c *feature.Call) string {
	return c.T("Een rit verbeteren: `%s <nummer> …`; weghalen: `%s <nummer>`.", "To correct a trip: `%s <number> …`; remove: `%s <number>`.",
		kmCmd(c.Lang, "edit", "wijzig"), kmCmd(c.Lang, "remove", "verwijder"))
}

// kmMonthView is /km month: the month's trips and totals.
func (u *Unit) kmMonthView(c *feature.Call, m when.Month, trips []*intranet.Trip) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Ritten %s", "Trips %s", m.Format(c.Lang))}
	prev := when.MonthOf(m.First().AddDays(-1))
	prevButton := intranet.Button{Label: c.T("Maand ervoor", "Month before"), Command: "/km month " + prev.String()}
	if len(trips) == 0 {
		reply.Text = c.T("Geen ritten in %s. Schrijf er een met `/km <datum> 23 Utrecht naar Zeist`.", "No trips in %s. Write one with `/km <date> 23 Utrecht to Zeist`.", m.Format(c.Lang))
		reply.Buttons = []intranet.Button{prevButton}
		return reply
	}
	km, allowance := 0.0, 0.0
	for _, t := range trips {
		km += t.Km
		allowance += t.Allowance(u.cfg.Rate)
	}
	km, allowance = math.Round(km*10)/10, math.Round(allowance*100)/100
	reply.Text = c.T("Totaal: %s in %s, %s.", "Total: %s in %s, %s.", kmText(c.Lang, km), c.N(len(trips), "rit", "ritten", "trip", "trips"), euroText(c.Lang, allowance))
	reply.Sections = []intranet.Section{u.tripsSection(c, trips, km, allowance)}
	reply.Buttons = []intranet.Button{prevButton}
	reply.Context = []string{c.T("Vergoeding %s; ritten van een ingediende week tellen tegen het tarief van toen.", "Allowance %s; trips of a submitted week count at the rate of then.", rateText(c.Lang, u.cfg.Rate))}
	return reply
}

// routeText is a route: "kantoor: Utrecht → Zeist, 23 km".
func routeText(lang string, r *intranet.Route) string {
	return fmt.Sprintf("%s: %s → %s, %s", intranet.Plain(r.Name), intranet.Plain(r.From), intranet.Plain(r.To), kmText(lang, r.Km))
}

// useRoute is the command that writes a trip of the route today.
func useRoute(r *intranet.Route) string {
	name := r.Name
	if q, ok := grammar.QuoteValue(r.Name); ok {
		name = q
	}
	return "/km today route:" + name
}

// routeSavedView confirms a saved route and tells how to use it.
func routeSavedView(c *feature.Call, r *intranet.Route) intranet.Reply {
	name := r.Name
	if q, ok := grammar.QuoteValue(r.Name); ok {
		name = q
	}
	return intranet.Reply{Lang: c.Lang, Text: c.T("Route bewaard: %s. Schrijf een rit ermee met `/km vandaag route:%s` (met `retour` heen en terug).",
		"Route saved: %s. Use it with `/km today route:%s` (add `return` for both ways).", routeText(c.Lang, r), name),
		Buttons: []intranet.Button{{Label: c.T("Vandaag gereden", "Driven today"), Command: useRoute(r)}}}
}

// routesView is /km route list.
func routesView(c *feature.Call, rs []*intranet.Route) intranet.Reply {
	if len(rs) == 0 {
		return c.Reply(c.T("Je hebt nog geen routes. Bewaar er een met `/km route nieuw kantoor 23 Utrecht naar Zeist`.",
			"You have no routes yet. Save one with `/km route add office 23 Utrecht to Zeist`."))
	}
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Je routes", "Your routes")}
	for _, r := range rs {
		reply.Sections = append(reply.Sections, intranet.Section{Text: routeText(c.Lang, r), Buttons: []intranet.Button{
			{Label: c.T("Vandaag gereden", "Driven today"), Command: useRoute(r)},
			{Label: c.T("Verwijderen", "Remove"), Style: intranet.StyleDanger, Command: "/km route remove " + routeArg(r.Name)},
		}})
	}
	reply.Context = []string{c.T("Een rit met een route: `/km <datum> route:<naam> [retour]`.", "A trip with a route: `/km <date> route:<name> [return]`.")}
	return reply
}

// noRouteView says the caller has no route of that name, and names theirs.
func noRouteView(c *feature.Call, name string, rs []*intranet.Route) intranet.Reply {
	text := c.T("Je hebt geen route “%s”.", "You have no route “%s”.", intranet.Plain(name))
	if len(rs) == 0 {
		text += " " + c.T("Bewaar er een met `/km route nieuw <naam> <km> <van> naar <naar>`.", "Save one with `/km route add <name> <km> <from> to <to>`.")
		return c.Reply(text)
	}
	var names []string
	for _, r := range rs {
		names = append(names, intranet.Plain(r.Name))
	}
	return c.Reply(text + " " + c.T("Je routes: %s.", "Your routes: %s.", strings.Join(names, ", ")))
}
