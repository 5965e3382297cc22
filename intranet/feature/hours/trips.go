package hours

import (
	"context"
	"errors"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// This file holds the trips: /km <date> <km> <from> to <to>, /km <date>
// route:<name>, /km week, /km month, /km edit, /km remove and the saved
// routes. A person sees and changes only their own trips and routes.

// typedTrip is what a command gave of a trip's distance and places; set
// is false when it gave none of them.
type typedTrip struct {
	km           float64
	from, to     string
	set          bool
	hasKm, hasTo bool
}

// readTrip takes "<km> <from> to <to>" from the call: all of it or none,
// or for an edit (partial) the distance alone too; msg says what is
// missing from a part.
func readTrip(c *feature.Call, partial bool) (t typedTrip, msg string) {
	t.km, t.hasKm = c.Cmd.Km("km")
	t.from, t.to = strings.TrimSpace(c.Cmd.Text("from")), strings.TrimSpace(c.Cmd.Text("to"))
	t.hasTo = t.from != "" || t.to != ""
	t.set = t.hasKm || t.hasTo
	switch {
	case !t.set:
		return t, ""
	case !t.hasKm && !partial:
		return t, c.T("Hoeveel kilometer? Zet de afstand vóór de plaatsen.", "How many kilometres? Put the distance before the places.")
	case (t.from == "" || t.to == "") && (t.hasTo || !partial):
		return t, c.T("Ik mis waar je vandaan kwam of heen ging: schrijf `<van> naar <naar>`.", "Where from or where to is missing: write `<from> to <to>`.")
	}
	return t, ""
}

// placesProblem checks a trip's places and purpose before the store does.
func placesProblem(c *feature.Call, from, to, purpose string) string {
	switch {
	case utf8.RuneCountInString(from) > intranet.MaxPlace || utf8.RuneCountInString(to) > intranet.MaxPlace:
		return c.T("Een plaats is hoogstens %d tekens.", "A place is at most %d characters.", intranet.MaxPlace)
	case utf8.RuneCountInString(purpose) > intranet.MaxNote:
		return c.T("Een doel is hoogstens %d tekens.", "A purpose is at most %d characters.", intranet.MaxNote)
	}
	return ""
}

// distance is a trip's distance driven: one way, doubled for a return.
func distance(oneWay float64, back bool) float64 {
	if back {
		oneWay *= 2
	}
	return math.Round(oneWay*10) / 10
}

// tooFar refuses a distance above MaxTripKm.
func tooFar(c *feature.Call, km float64) string {
	if km > intranet.MaxTripKm {
		return c.T("%s is meer dan de %s die één rit mag zijn.", "%s is more than the %s one trip may be.", kmText(c.Lang, km), kmText(c.Lang, intranet.MaxTripKm))
	}
	return ""
}

// addTrip is /km <date> <km> <from> to <to> [return] [purpose:], or /km
// <date> route:<name> [return] [purpose:].
func (u *Unit) addTrip(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	date, _ := c.Cmd.Date("date")
	back, _ := c.Cmd.Flag("return")
	t, msg := readTrip(c, false)
	nt := intranet.NewTrip{PersonID: c.Person.ID, Date: date.String(), Return: back, Purpose: strings.TrimSpace(c.Cmd.Text("purpose"))}
	switch {
	case msg != "":
		return c.Reply(msg + " " + c.Usage()), nil
	case c.Cmd.Has("route") && t.set:
		return c.Reply(c.T("Geef een route of een rit, niet allebei. ", "Give a route or a trip, not both. ") + c.Usage()), nil
	case c.Cmd.Has("route"):
		r, err := u.cfg.Timesheets.FindRoute(ctx, c.Person.ID, c.Cmd.Text("route"))
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return u.noRoute(ctx, c, c.Cmd.Text("route"))
		} else if err != nil {
			return intranet.Reply{}, err
		}
		nt.Km, nt.From, nt.To, nt.Route = distance(r.Km, back), r.From, r.To, r.Name
	case !t.set:
		return c.Reply(c.T("Ik mis de rit: de afstand en de plaatsen, of een van je routes met `route:`. ", "The trip is missing: the distance and the places, or one of your routes with `route:`. ") + c.Usage()), nil
	default:
		nt.Km, nt.From, nt.To = distance(t.km, back), t.from, t.to
	}
	if msg := tooFar(c, nt.Km) + placesProblem(c, nt.From, nt.To, nt.Purpose); msg != "" {
		return c.Reply(msg), nil
	}
	trip, err := u.cfg.Timesheets.AddTrip(ctx, nt, u.cfg.Now())
	if err != nil {
		return u.tripRefused(ctx, c, err)
	}
	return u.savedTrip(ctx, c, trip, c.T("Rit genoteerd als nummer %d", "Trip written down as number %d", trip.ID))
}

// savedTrip confirms an added or changed trip with the week's totals.
func (u *Unit) savedTrip(ctx context.Context, c *feature.Call, t *intranet.Trip, head string) (intranet.Reply, error) {
	sheet, err := u.cfg.Timesheets.Timesheet(ctx, c.Person.ID, weekOf(t.Date))
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.savedTripView(c, t, head, sheet), nil
}

// tripRefused explains why the store refused a trip.
func (u *Unit) tripRefused(ctx context.Context, c *feature.Call, err error) (intranet.Reply, error) {
	var locked *intranet.WeekLocked
	switch {
	case errors.As(err, &locked):
		return u.lockedReply(ctx, c, locked)
	case intranet.ErrorCode(err) == intranet.EINVALID:
		return c.Reply(c.T("Dat kan zo niet: %s", "That cannot be: %s", intranet.ErrorMessage(err))), nil
	}
	return intranet.Reply{}, err
}

// kmWeek is /km week [<week>].
func (u *Unit) kmWeek(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	sheet, err := u.cfg.Timesheets.Timesheet(ctx, c.Person.ID, u.calledWeek(c))
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.kmWeekView(c, sheet), nil
}

// kmMonth is /km month [<month>]: the month's trips with their totals,
// each at its own rate once its week was submitted.
func (u *Unit) kmMonth(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	m := when.MonthOf(u.cfg.Today())
	if typed, ok := c.Cmd.Month("month"); ok {
		m = typed
	}
	sheets, err := u.cfg.Timesheets.Timesheets(ctx, intranet.TimesheetFilter{PersonIDs: []int64{c.Person.ID}, From: m.First().String(), To: m.Last().String()})
	if err != nil {
		return intranet.Reply{}, err
	}
	var trips []*intranet.Trip
	for _, s := range sheets {
		trips = append(trips, s.Trips...)
	}
	return u.kmMonthView(c, m, trips), nil
}

// ownTrip finds one of the caller's trips; someone else's is not found.
func (u *Unit) ownTrip(ctx context.Context, c *feature.Call) (*intranet.Trip, *intranet.Reply, error) {
	id := c.Cmd.Number("id")
	t, err := u.cfg.Timesheets.FindTrip(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND || err == nil && t.PersonID != c.Person.ID {
		r := c.Reply(c.T("Je hebt geen rit %d. Je ritten staan in `/km week` (het nummer vooraan).", "You have no trip %d. Your trips are in `/km week` (the number in front).", id))
		return nil, &r, nil
	}
	return t, nil, err
}

// editTrip is /km edit <id> [<date>] [<km> <from> to <to>] [return]
// [purpose:]: what is given changes, the rest stays.
func (u *Unit) editTrip(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	old, refused, err := u.ownTrip(ctx, c)
	if refused != nil || err != nil {
		return deref(refused), err
	}
	t, msg := readTrip(c, true)
	if msg != "" {
		return c.Reply(msg + " " + c.Usage()), nil
	}
	oneWay := old.Km
	if old.Return {
		oneWay = old.Km / 2
	}
	nt := intranet.NewTrip{PersonID: c.Person.ID, Date: old.Date, From: old.From, To: old.To, Return: old.Return, Purpose: old.Purpose, Route: old.Route}
	changed := false
	if d, ok := c.Cmd.Date("date"); ok {
		nt.Date, changed = d.String(), true
	}
	if t.hasKm {
		oneWay, nt.Route, changed = t.km, "", true
	}
	if t.hasTo {
		nt.From, nt.To, nt.Route, changed = t.from, t.to, "", true
	}
	if back, ok := c.Cmd.Flag("return"); ok {
		nt.Return, changed = back, true
	}
	if c.Cmd.Has("purpose") {
		nt.Purpose, changed = cleared(c.Cmd.Text("purpose")), true
	}
	if !changed {
		return c.Reply(c.T("Wat moet er anders aan rit %d? ", "What should change in trip %d? ", old.ID) + c.Usage()), nil
	}
	nt.Km = distance(oneWay, nt.Return)
	if msg := tooFar(c, nt.Km) + placesProblem(c, nt.From, nt.To, nt.Purpose); msg != "" {
		return c.Reply(msg), nil
	}
	trip, err := u.cfg.Timesheets.UpdateTrip(ctx, old.ID, nt, u.cfg.Now())
	if err != nil {
		return u.tripRefused(ctx, c, err)
	}
	return u.savedTrip(ctx, c, trip, c.T("Rit %d is gewijzigd", "Trip %d was changed", trip.ID))
}

// removeTrip is /km remove <id>.
func (u *Unit) removeTrip(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	t, refused, err := u.ownTrip(ctx, c)
	if refused != nil || err != nil {
		return deref(refused), err
	}
	if _, err := u.cfg.Timesheets.RemoveTrip(ctx, t.ID); err != nil {
		return u.tripRefused(ctx, c, err)
	}
	sheet, err := u.cfg.Timesheets.Timesheet(ctx, c.Person.ID, weekOf(t.Date))
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.removedTripView(c, t, sheet), nil
}

// addRoute is /km route add <name> <km> <from> to <to>.
func (u *Unit) addRoute(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	name := strings.Join(strings.Fields(c.Cmd.Text("name")), " ")
	t, msg := readTrip(c, false)
	switch {
	case msg != "":
		return c.Reply(msg + " " + c.Usage()), nil
	case utf8.RuneCountInString(name) > intranet.MaxRouteName:
		return c.Reply(c.T("Een routenaam is hoogstens %d tekens.", "A route's name is at most %d characters.", intranet.MaxRouteName)), nil
	}
	if msg := tooFar(c, t.km) + placesProblem(c, t.from, t.to, ""); msg != "" {
		return c.Reply(msg), nil
	}
	r, err := u.cfg.Timesheets.SaveRoute(ctx, intranet.Route{PersonID: c.Person.ID, Name: name, Km: t.km, From: t.from, To: t.to})
	switch intranet.ErrorCode(err) {
	case "":
		return routeSavedView(c, r), nil
	case intranet.ECONFLICT:
		return c.Reply(c.T("Je hebt al een route “%s”. Kies een andere naam, of haal de oude weg met `/km route verwijder %s`.",
			"You have a route “%s” already. Choose another name, or remove the old one with `/km route remove %s`.", intranet.Plain(name), routeArg(name))), nil
	case intranet.EINVALID:
		return c.Reply(c.T("Dat kan zo niet: %s", "That cannot be: %s", intranet.ErrorMessage(err))), nil
	}
	return intranet.Reply{}, err
}

// routes is /km route list.
func (u *Unit) routes(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	rs, err := u.cfg.Timesheets.Routes(ctx, c.Person.ID)
	if err != nil {
		return intranet.Reply{}, err
	}
	return routesView(c, rs), nil
}

// removeRoute is /km route remove <name>.
func (u *Unit) removeRoute(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	r, err := u.cfg.Timesheets.RemoveRoute(ctx, c.Person.ID, c.Cmd.Text("name"))
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return u.noRoute(ctx, c, c.Cmd.Text("name"))
	} else if err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(c.T("Route “%s” is verwijderd. Ritten die je ermee schreef blijven staan.", "Route “%s” was removed. Trips you wrote with it stay.", intranet.Plain(r.Name))), nil
}

// noRoute says the caller has no route of that name, and lists theirs.
func (u *Unit) noRoute(ctx context.Context, c *feature.Call, name string) (intranet.Reply, error) {
	rs, err := u.cfg.Timesheets.Routes(ctx, c.Person.ID)
	if err != nil {
		return intranet.Reply{}, err
	}
	return noRouteView(c, name, rs), nil
}
