package rooms

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/when"
)

// The views of booking and cancelling, and the booking form.

func titleTooLong(c *feature.Call) string {
	return c.T("De titel is te lang (hoogstens %d tekens).", "The title is too long (%d characters at most).", maxTitle)
}

func repeatBackwards(c *feature.Call, r when.Repeat, first when.Date) string {
	return c.T("De herhaling eindigt (%s) vóór de eerste keer (%s).", "The repetition ends (%s) before the first time (%s).",
		r.Until.Format(c.Lang), first.Format(c.Lang)) + " " + c.Usage()
}

// repeatTooLong refuses a series of more than when.MaxOccurrences times;
// last is the date the limit reaches.
func repeatTooLong(c *feature.Call, r when.Repeat, last when.Date) string {
	return c.T("Niets geboekt: een reeks is hoogstens %d keer, en %s is meer. De %de keer valt op %s: kies een einddatum op of vóór die dag (bijvoorbeeld `tot %s`) en boek daarna een nieuwe reeks.",
		"Nothing booked: a series is at most %d times, and %s is more. Time %d falls on %s: choose an end on or before that day (e.g. `until %s`) and book a new series after it.",
		when.MaxOccurrences, r.Format(c.Lang), when.MaxOccurrences, last.Format(c.Lang), last)
}

func partnerNoSeries(c *feature.Call) string {
	return c.T("Als partner boek je één keer tegelijk; laat de herhaling weg en boek elke keer apart, of vraag je contactpersoon om een vaste reeks.",
		"As a partner you book one time at a time; leave out the repetition and book each time, or ask your contact for a standing series.")
}

func hostForPartners(c *feature.Call) string {
	return c.T("`host:` is voor boekingen van partners: hun contactpersoon ontvangt hen. Laat het weg om zelf te boeken.",
		"`host:` is for partners' bookings: their contact hosts them. Leave it out to book for yourself.")
}

// noContact refuses a partner's booking while their organisation has no
// contact to host it.
func noContact(c *feature.Call) string {
	return c.T("Je organisatie heeft nog geen contactpersoon bij ons, en een boeking heeft er een nodig die je ontvangt. Vraag de collega met wie je hier werkt om een beheerder hem of haar als contactpersoon van je organisatie te laten noemen.",
		"Your organisation has no contact here yet, and a booking needs one to host you. Ask the colleague you work with here to have an admin name them as your organisation's contact.")
}

// notAContact refuses a host who is none of the partner's contacts.
func notAContact(c *feature.Call, typed string, contacts []*intranet.Person) string {
	names := make([]string, len(contacts))
	for i, p := range contacts {
		names[i] = p.Name
	}
	return c.T("%q is geen contactpersoon van je organisatie. Je contactpersonen: %s. Schrijf bijvoorbeeld `host:%s`, of laat `host:` weg voor %s.",
		"%q is not one of your organisation's contacts. Your contacts: %s. Write e.g. `host:%s`, or leave out `host:` for %s.",
		typed, strings.Join(names, ", "), quote(contacts[0].Name), contacts[0].Name)
}

func allSkipped(c *feature.Call) string {
	return c.T("Alle data zijn overgeslagen; er is niets te boeken.", "Every date is skipped; there is nothing to book.")
}

func notPossible(c *feature.Call, why string) string {
	return c.T("Dat kan niet: %s", "That is not possible: %s", why)
}

// slotRefusal says why a slot cannot be booked, whatever the other bookings.
func (u *Unit) slotRefusal(c *feature.Call, p slotProblem, room *intranet.Room, s when.Slot, first intranet.Slot) string {
	switch p {
	case slotPast:
		return c.T("%s is al begonnen of voorbij; boek een tijd die nog komt.", "%s has begun or passed; book a time still to come.", u.span(c.Lang, first))
	case slotShort:
		return c.T("Een boeking duurt minstens 5 minuten; `%s-%s` is korter.", "A booking lasts at least 5 minutes; `%s-%s` is shorter.", s.From, s.To)
	case slotLong:
		return c.T("Een boeking duurt hoogstens 12 uur; `%s-%s` is langer.", "A booking lasts at most 12 hours; `%s-%s` is longer.", s.From, s.To)
	case slotClosed:
		return c.T("%s is open van %s tot %s; %s–%s valt daarbuiten.", "%s is open from %s to %s; %s–%s is outside those hours.",
			room.Name, when.Clock(room.Opens), when.Clock(room.Closes), s.From, s.To)
	}
	return ""
}

// booked is the reply to a booking made: one booking with its Cancel
// button, or a series read back as people say it.
func (u *Unit) booked(c *feature.Call, room *intranet.Room, s when.Slot, repeat *when.Repeat, skip []when.Date, title string, booked []intranet.Booking) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Geboekt: %s", "Booked: %s", room.Name)}
	if len(booked) == 1 || repeat == nil {
		reply.Text = u.span(c.Lang, booked[0].Slot)
		if title != "" {
			reply.Text += " · " + title
		}
		reply.Buttons = []intranet.Button{u.cancelButton(c, booked[0])}
		if h := booked[0].Host; h != "" {
			reply.Text += "\n" + c.T("Je contactpersoon %s ontvangt je en krijgt een bericht.", "Your host %s is told and will welcome you.", h)
		}
	} else {
		first := when.DateOf(booked[0].Start, u.cfg.Location)
		reply.Text = c.N(len(booked), "keer %s–%s vanaf %s, %s", "keer %s–%s vanaf %s, %s", "time %s–%s from %s, %s", "times %s–%s from %s, %s", s.From, s.To, first.Format(c.Lang), repeat.Format(c.Lang))
		if title != "" {
			reply.Text += " · " + title
		}
		if len(skip) > 0 {
			var dates []string
			for _, d := range skip {
				dates = append(dates, d.Format(c.Lang))
			}
			reply.Context = append(reply.Context, c.T("Overgeslagen: %s", "Skipped: %s", strings.Join(dates, ", ")))
		}
		reply.Context = append(reply.Context, c.T("Annuleer een keer met `/room cancel <nummer>`, de hele reeks met `/room cancel %d series`; `/room mine` toont ze.",
			"Cancel one time with `/room cancel <number>`, the whole series with `/room cancel %d series`; `/room mine` lists them.", booked[0].ID))
	}
	reply.Context = append(reply.Context, c.T("Boeking %d. Je krijgt %s vooraf een herinnering.", "Booking %d. You get a reminder %s before.",
		booked[0].ID, c.N(int(RoomReminderBefore.Minutes()), "minuut", "minuten", "minute", "minutes")))
	return reply
}

// cancelButton is a booking's Cancel button, with a confirmation.
func (u *Unit) cancelButton(c *feature.Call, b intranet.Booking) intranet.Button {
	return intranet.Button{Label: c.T("Annuleren", "Cancel"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/room cancel %d", b.ID),
		Confirm: &intranet.Confirm{Title: c.T("Boeking annuleren?", "Cancel the booking?"), Text: fmt.Sprintf("%s, %s", b.Room, u.span(c.Lang, b.Slot)),
			Confirm: c.T("Annuleren", "Cancel it"), Deny: c.T("Houden", "Keep it")}}
}

// holder names who holds a room when: "za 28 nov 2026 14:00–15:00 Jan de
// Vries (Overleg)"; for a partner only when, unless it is their own.
func (u *Unit) holder(c *feature.Call, b intranet.Booking) string {
	s := u.span(c.Lang, b.Slot)
	if who := u.busyWith(c, b); who != "" {
		s += " " + who
		if b.Title != "" {
			s += " (" + b.Title + ")"
		}
	}
	return s
}

// owner names a booking's owner as employees see it: a partner labelled
// with their organisation, and their host: "Anna Smit · Thuiszorg Midden
// (partner), host: Anouk van den Berg".
func (u *Unit) owner(lang string, b intranet.Booking) string {
	s := b.Owner()
	if b.Host != "" {
		s += feature.T(lang, ", contactpersoon: %s", ", host: %s", b.Host)
	}
	return s
}

// busyWith says who holds a room, as the caller may see it: its owner
// (labelled); a partner sees only their own bookings ("jij"), never who
// booked another (""), nor its title.
func (u *Unit) busyWith(c *feature.Call, b intranet.Booking) string {
	switch {
	case isPartner(c) && b.PersonID != c.Person.ID:
		return ""
	case isPartner(c):
		return c.T("jij", "you")
	}
	return u.owner(c.Lang, b)
}

// seriesTaken answers a series that clashes: nothing is booked; the
// clashing times and, when some are free, a button that books the others
// (rest, the same command with the clashing dates skipped).
func (u *Unit) seriesTaken(c *feature.Call, room *intranet.Room, clashes []intranet.Clash, clashing, times int, rest string) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Niets geboekt: %s is bezet", "Nothing booked: %s is taken", room.Name)}
	var lines []string
	for _, x := range clashes {
		lines = append(lines, "- "+u.holder(c, x.Booking))
	}
	reply.Text = c.N(clashing, "van de %d keer botst:", "van de %d keer botsen:", "of the %d times clashes:", "of the %d times clash:", times) + "\n" + strings.Join(lines, "\n")
	if rest != "" {
		reply.Buttons = []intranet.Button{{Label: c.T("Boek de andere %d", "Book the other %d", times-clashing), Style: intranet.StylePrimary, Command: rest}}
		reply.Context = []string{c.T("Of typ hetzelfde commando met `skip:<datum>,<datum>`.", "Or type the same command with `skip:<date>,<date>`.")}
	}
	return reply
}

// slotTaken answers one booking that clashes: who holds the room, and
// buttons for the nearest free times and other free rooms of its size.
func (u *Unit) slotTaken(c *feature.Call, room *intranet.Room, clashes []intranet.Clash, alts []alternative) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("%s is bezet", "%s is taken", room.Name)}
	var lines []string
	for _, x := range clashes {
		lines = append(lines, u.holder(c, x.Booking))
	}
	if len(lines) == 0 {
		lines = append(lines, c.T("zojuist door iemand anders geboekt", "just booked by someone else"))
	}
	reply.Text = c.T("Bezet: %s.", "Taken: %s.", strings.Join(lines, "; "))
	for _, a := range alts {
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: fmt.Sprintf("%s %s–%s", a.room, a.from, a.to), Command: a.command})
	}
	if len(alts) > 0 {
		reply.Context = []string{c.T("Vrij: de dichtstbijzijnde tijden in deze ruimte en andere ruimtes van deze grootte.", "Free: the nearest times in this room, and other rooms of this size.")}
	} else {
		reply.Context = []string{c.T("Die dag is er niets vrij van deze lengte; probeer `/room free <datum> <van>-<tot>`.", "Nothing of this length is free that day; try `/room free <date> <from>-<to>`.")}
	}
	return reply
}

func noBooking(c *feature.Call, id int64) string {
	return c.T("Boeking %d bestaat niet; `/room mine` toont de nummers van je boekingen.", "There is no booking %d; `/room mine` shows your bookings' numbers.", id)
}

func notYours(c *feature.Call, b *intranet.Booking) string {
	return c.T("Boeking %d is van %s; alleen die persoon of een ruimtebeheerder kan hem annuleren.",
		"Booking %d is %s's; only they or a room admin can cancel it.", b.ID, b.Owner())
}

func (u *Unit) alreadyCancelled(c *feature.Call, b *intranet.Booking) string {
	return c.T("Boeking %d (%s, %s) is al geannuleerd.", "Booking %d (%s, %s) was cancelled already.", b.ID, b.Room, u.span(c.Lang, b.Slot))
}

func (u *Unit) alreadyOver(c *feature.Call, b *intranet.Booking) string {
	return c.T("Boeking %d (%s, %s) is al voorbij.", "Booking %d (%s, %s) is over already.", b.ID, b.Room, u.span(c.Lang, b.Slot))
}

func cancelledMeanwhile(c *feature.Call, id int64) string {
	return c.T("Boeking %d is al geannuleerd.", "Booking %d was cancelled already.", id)
}

// cancelled is the reply to a cancelled or released booking; byOther when
// it was someone else's, told when they got a message.
func (u *Unit) cancelled(c *feature.Call, b *intranet.Booking, release, byOther bool) intranet.Reply {
	reply := c.Reply(c.T("Geannuleerd: %s, %s.", "Cancelled: %s, %s.", b.Room, u.span(c.Lang, b.Slot)))
	if release {
		reply.Text = c.T("Vrijgegeven: %s, %s. Dank je, nu kan een ander hem boeken.", "Released: %s, %s. Thank you, now someone else can book it.", b.Room, u.span(c.Lang, b.Slot))
	}
	if byOther {
		reply.Text += " " + c.T("De boeking was van %s.", "The booking was %s's.", b.Owner())
		reply.Text += " " + c.T("Die persoon krijgt een bericht; kan ik hem of haar nergens bereiken, dan hoor je het van me.",
			"They are told by a direct message; if I cannot reach them anywhere, I tell you.")
	}
	return reply
}

// bookUsage is the right form of /room book, in the caller's language.
func bookUsage(c *feature.Call) string { return c.Usage() }

func fillIn(c *feature.Call) string { return c.T("Vul dit in.", "Fill this in.") }

func notARepeat(c *feature.Call, typed string) string {
	return c.T("`%s` is geen herhaling. Schrijf bijvoorbeeld `elke week tot 19-12`, `elke 2 weken tot 1-2`, `elke dag tot vr` of `werkdagen tot 19-12`.",
		"`%s` is not a repetition. Write e.g. `every week until 19-12`, `every 2 weeks until 1-2`, `every day until fri` or `weekdays until 19-12`.", typed)
}

// bookForm is the booking form, filled with values when it is shown again.
func (u *Unit) bookForm(c *feature.Call, rooms []intranet.Room, values map[string]string) *intranet.Form {
	var opts []intranet.Option
	for _, room := range rooms {
		label := room.Name
		if room.Capacity > 0 {
			label += " (" + c.N(room.Capacity, "pers.", "pers.", "person", "people") + ")"
		}
		opts = append(opts, intranet.Option{Label: label, Value: room.Name})
	}
	f := &intranet.Form{ID: bookFormID, Title: c.T("Ruimte boeken", "Book a room"), SubmitLabel: c.T("Boeken", "Book"),
		Command: grammar.Usage(Command, bookSub(), c.Lang),
		Fields: []intranet.FormField{
			{Name: "room", Label: c.T("Ruimte", "Room"), Kind: intranet.FieldChoice, Required: true, Options: opts},
			{Name: "date", Label: c.T("Datum", "Date"), Kind: intranet.FieldDate, Required: true, Value: u.cfg.Today().String()},
			{Name: "from", Label: c.T("Van", "From"), Kind: intranet.FieldTime, Required: true, Placeholder: "14:00"},
			{Name: "to", Label: c.T("Tot", "To"), Kind: intranet.FieldTime, Required: true, Placeholder: "15:00"},
			{Name: "title", Label: c.T("Titel", "Title"), Kind: intranet.FieldText, MaxLength: maxTitle},
			{Name: "repeat", Label: c.T("Herhalen (optioneel)", "Repeat (optional)"), Kind: intranet.FieldText, Placeholder: c.T("elke week tot 19-12", "every week until 19-12")},
		}}
	for i := range f.Fields {
		if v, ok := values[f.Fields[i].Name]; ok {
			f.Fields[i].Value = v
		}
	}
	return f
}

// times writes a number of times: "12 keer", "1 time", "12 times".
func times(lang string, n int) string {
	if n == 1 {
		return feature.T(lang, "1 keer", "1 time")
	}
	return feature.T(lang, "%d keer", "%d times", n)
}

// seriesSpan writes the times of a series from its first to its last:
// "Stilte, ma 30 nov 2026 10:00–11:00 tot en met ma 28 dec 2026".
func (u *Unit) seriesSpan(lang string, bs []intranet.Booking) string {
	first, last := bs[0], bs[len(bs)-1]
	s := fmt.Sprintf("%s, %s", first.Room, u.span(lang, first.Slot))
	if len(bs) > 1 {
		s += feature.T(lang, " tot en met %s", " until %s", when.DateOf(last.Start, u.cfg.Location).Format(lang))
	}
	return s
}

// seriesQuestion asks once before a series is cancelled from b on: how
// many times, from when to when, and a button that does it.
func (u *Unit) seriesQuestion(c *feature.Call, b *intranet.Booking, bs []intranet.Booking) intranet.Reply {
	if len(bs) == 0 {
		bs = []intranet.Booking{*b}
	}
	cmd := fmt.Sprintf("/%s cancel %d series sure", Command.Word.EN, b.ID)
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Reeks annuleren?", "Cancel the series?"),
		Text: c.T("Dit annuleert %s: %s.", "This cancels %s: %s.", times(c.Lang, len(bs)), u.seriesSpan(c.Lang, bs))}
	if b.PersonID != c.Person.ID {
		reply.Text += " " + c.T("De reeks is van %s.", "The series is %s's.", b.Owner())
	}
	reply.Buttons = []intranet.Button{{Label: c.T("Annuleer %s", "Cancel %s", times(c.Lang, len(bs))), Style: intranet.StyleDanger, Command: cmd}}
	reply.Context = []string{c.T("Er verandert niets tot je drukt, of `%s` typt. Eén keer annuleren: `/room cancel %d`.",
		"Nothing changes until you press it, or type `%s`. To cancel one time: `/room cancel %d`.", cmd, b.ID)}
	return reply
}

// seriesCancelled is the reply to a cancelled series: the count, and whose
// it was when it was someone else's.
func (u *Unit) seriesCancelled(c *feature.Call, bs []intranet.Booking, byOther bool) intranet.Reply {
	reply := c.Reply(c.T("Geannuleerd: %s, %s.", "Cancelled: %s, %s.", times(c.Lang, len(bs)), u.seriesSpan(c.Lang, bs)))
	if byOther {
		reply.Text += " " + c.T("De reeks was van %s.", "The series was %s's.", bs[0].Owner())
		reply.Text += " " + c.T("Die persoon krijgt een bericht; kan ik hem of haar nergens bereiken, dan hoor je het van me.",
			"They are told by a direct message; if I cannot reach them anywhere, I tell you.")
	}
	return reply
}
