package router

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/when"
)

// Rooms is what room booking needs beyond the phonebook. A router without
// it answers /room with "not set up here".
type Rooms struct {
	Service intranet.RoomService
	// Location is WERKPLEK_TIMEZONE: times are typed and shown in it.
	Location *time.Location
	// PublicURL is WERKPLEK_PUBLIC_URL, the base of calendar feed addresses.
	PublicURL string
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Scheduler, when set, reminds the owner RoomReminderBefore a booking
	// starts (job kind RoomReminderJob; register its handler with
	// RegisterRoomJobs before the runner starts). Tx writes a booking and
	// its reminder in one transaction.
	Scheduler intranet.Scheduler
	Tx        intranet.Transactor
	// Outbox, when set, delivers the reminders and the notes to owners of
	// bookings that a room admin cancelled or a retired room lost.
	Outbox intranet.Outbox
}

// RoomReminderJob is the job kind of a booking's reminder; its key is
// "booking:<id>". A series has one pending reminder: the next occurrence's,
// scheduled by the previous one's run.
const RoomReminderJob = "booking.reminder"

// RoomReminderBefore is how long before its start a booking's owner is reminded.
const RoomReminderBefore = 10 * time.Minute

func (rm *Rooms) now() time.Time {
	if rm.Now != nil {
		return rm.Now()
	}
	return time.Now()
}

func (rm *Rooms) loc() *time.Location {
	if rm.Location != nil {
		return rm.Location
	}
	return time.UTC
}

// The limits of one booking.
const (
	minBooking = 5 * time.Minute
	maxBooking = 12 * time.Hour
	// defaultOpens and defaultCloses are a new room's opening hours when an
	// admin gives none.
	defaultOpens  = 7 * 60
	defaultCloses = 19 * 60
)

func (r *Router) roomCommands() []command {
	return []command{{
		Command: intranet.Command{Name: "room", Aliases: []string{"zaal", "ruimte"},
			Hint: "[free|book|mine|cancel|feed|admin] <date> <from>-<to>", HintNL: "[vrij|boek|mijn|annuleer|feed|beheer] <datum> <van>-<tot>",
			Summary: "Find a free meeting room and book it", SummaryNL: "Zoek een vrije vergaderruimte en boek hem"},
		run: r.room,
		help: func(c *call) intranet.Section {
			return intranet.Section{Title: c.tr("Vergaderruimtes", "Meeting rooms"), Text: c.tr(
				"- `/room [<datum>]`: alle ruimtes van vandaag (of die dag), bezet en vrij\n"+
					"- `/room free <datum> <van>-<tot> [<n> personen] [<voorziening>]`: vrije ruimtes voor dat hele tijdvak\n"+
					"- `/room book <ruimte> <datum> <van>-<tot> [titel]`: boek een ruimte; zonder meer opent een formulier\n"+
					"- `... every week until <datum>` (ook `every day`, `every 2 weeks`, `weekdays`): elke keer, of niets als één keer botst; `skip:<datum>,<datum>` slaat data over\n"+
					"- `/room mine`: je komende boekingen; `/room cancel <nummer>`: annuleer er een\n"+
					"- `/room feed [<ruimte>]`: het adres van je agenda (of die van een ruimte) voor Outlook of Google Agenda\n"+
					"- `/room admin`: ruimtes toevoegen, wijzigen en opheffen (ruimtebeheerders)\n"+
					"Datums: `vandaag`, `morgen`, `ma`..`zo`, `28-11`, `28 nov`, `2026-11-28`; tijden: `14:00-15:30`, `14-15`, `14u-15u`.",
				"- `/room [<date>]`: every room today (or that day), busy and free\n"+
					"- `/room free <date> <from>-<to> [<n> people] [<facility>]`: rooms free for that whole slot\n"+
					"- `/room book <room> <date> <from>-<to> [title]`: book a room; on its own it opens a form\n"+
					"- `... every week until <date>` (also `every day`, `every 2 weeks`, `weekdays`): every time, or nothing when one clashes; `skip:<date>,<date>` leaves dates out\n"+
					"- `/room mine`: your coming bookings; `/room cancel <number>`: cancel one\n"+
					"- `/room feed [<room>]`: the address of your calendar (or a room's) for Outlook or Google Calendar\n"+
					"- `/room admin`: add, change and retire rooms (room admins)\n"+
					"Dates: `today`, `tomorrow`, `mon`..`sun`, `28-11`, `28 nov`, `2026-11-28`; times: `14:00-15:30`, `14-15`, `2pm-3pm`.")}
		},
		dutch: []string{"`/zaal` = `/ruimte` = `/room`", "`vrij` = `free`", "`boek` = `book`", "`mijn` = `mine`", "`annuleer` = `cancel`",
			"`vrijgeven` = `release`", "`beheer` = `admin`", "`elke week tot` = `every week until`", "`dagelijks` = `daily`", "`werkdagen` = `weekdays`",
			"`overslaan:` = `skip:`", "`personen` = `people`", "`vandaag` = `today`", "`morgen` = `tomorrow`", "`ma`..`zo` = `mon`..`sun`"},
	}}
}

// room answers /room and its subcommands.
func (r *Router) room(ctx context.Context, c *call) (intranet.Reply, error) {
	rm := r.Rooms
	if rm == nil || rm.Service == nil {
		return c.reply(c.tr("Ruimtes boeken is hier niet ingesteld.", "Room booking is not set up here.")), nil
	}
	if f := c.req.Form; f != nil && f.FormID == bookFormID {
		return r.roomBookForm(ctx, c, rm, f.Values)
	}
	sub, rest, _ := strings.Cut(c.args, " ")
	rest = strings.TrimSpace(rest)
	switch strings.ToLower(sub) {
	case "free", "vrij":
		return r.roomFree(ctx, c, rm, rest)
	case "book", "boek", "reserveer":
		if rest == "" {
			return r.roomForm(ctx, c, rm)
		}
		reply, _, err := r.roomBook(ctx, c, rm, rest)
		return reply, err
	case "mine", "mijn":
		return r.roomMine(ctx, c, rm)
	case "cancel", "annuleer", "release", "vrijgeven":
		return r.roomCancel(ctx, c, rm, rest, strings.ToLower(sub) == "release" || strings.ToLower(sub) == "vrijgeven")
	case "feed", "agenda":
		return r.roomFeed(ctx, c, rm, rest)
	case "admin", "beheer":
		return r.roomAdmin(ctx, c, rm, rest)
	case "help", "hulp":
		return intranet.Reply{Lang: c.lang, Sections: []intranet.Section{r.byName["room"].help(c)}}, nil
	}
	return r.roomDay(ctx, c, rm, c.args)
}

// today is the current date in the organisation's time zone.
func (rm *Rooms) today() when.Date { return when.DateOf(rm.now(), rm.loc()) }

func (rm *Rooms) clock(t time.Time) when.Clock {
	t = t.In(rm.loc())
	return when.Clock(t.Hour()*60 + t.Minute())
}

// span writes a slot for people: "vr 28 nov 2026 14:00–15:00".
func (rm *Rooms) span(c *call, s intranet.Slot) string {
	d := when.DateOf(s.Start, rm.loc())
	end := rm.clock(s.End)
	if when.DateOf(s.End, rm.loc()) != d && end == 0 {
		end = 24 * 60
	}
	return fmt.Sprintf("%s %s–%s", d.Format(c.lang), rm.clock(s.Start), end)
}

// dateErr phrases a parse error of package when in the caller's language.
func dateErr(c *call, err error) string {
	var e *when.Error
	if errors.As(err, &e) {
		return e.Message(c.lang)
	}
	return err.Error()
}

// quote writes a room's name so that a typed command reads it back.
func quoteRoom(name string) string {
	if strings.ContainsAny(name, " \t") {
		return `"` + name + `"`
	}
	return name
}

func roomKey(name string) string { return strings.Join(phonebook.Words(name), " ") }

// findRoom matches typed words against the rooms: the exact name, else the
// rooms whose name words start with the typed words. It returns the room,
// or a reply that says why not (unknown with did-you-mean, ambiguous), with
// buttons that run again through redo with a room filled in.
func (r *Router) findRoom(ctx context.Context, c *call, rm *Rooms, typed string, redo func(room string) string) (*intranet.Room, *intranet.Reply, error) {
	rooms, err := rm.Service.Rooms(ctx, true)
	if err != nil {
		return nil, nil, err
	}
	key := roomKey(typed)
	var active []intranet.Room
	for i := range rooms {
		if rooms[i].Retired {
			if roomKey(rooms[i].Name) == key {
				reply := c.reply(c.tr("Ruimte %s is opgeheven en neemt geen boekingen meer aan.", "Room %s is retired and takes no bookings.", rooms[i].Name))
				return nil, &reply, nil
			}
			continue
		}
		if roomKey(rooms[i].Name) == key || strings.ReplaceAll(roomKey(rooms[i].Name), " ", "") == strings.ReplaceAll(key, " ", "") {
			return &rooms[i], nil, nil
		}
		active = append(active, rooms[i])
	}
	want := strings.Fields(key)
	var found []intranet.Room
	for _, room := range active {
		words := strings.Fields(roomKey(room.Name))
		all := len(want) > 0
		for _, w := range want {
			hit := false
			for _, x := range words {
				hit = hit || strings.HasPrefix(x, w)
			}
			all = all && hit
		}
		if all {
			found = append(found, room)
		}
	}
	var reply intranet.Reply
	switch {
	case len(found) == 1:
		return &found[0], nil, nil
	case len(found) > 1:
		var names []string
		for _, f := range found {
			names = append(names, f.Name)
		}
		reply = c.reply(c.tr("Welke ruimte bedoel je met %q: %s?", "Which room do you mean by %q: %s?", typed, strings.Join(names, ", ")))
	default:
		keys := make([]string, len(active))
		byKey := map[string]intranet.Room{}
		for i, room := range active {
			keys[i] = strings.ReplaceAll(roomKey(room.Name), " ", "")
			byKey[keys[i]] = room
		}
		var near []string
		for _, k := range phonebook.Suggest(strings.ReplaceAll(key, " ", ""), keys, 3) {
			found = append(found, byKey[k])
			near = append(near, byKey[k].Name)
		}
		reply = c.reply(c.tr("Ik ken geen ruimte %q.", "I know no room %q.", typed))
		switch {
		case len(near) > 0:
			reply.Text += " " + c.tr("Bedoel je: %s?", "Did you mean: %s?", strings.Join(near, ", "))
		case len(active) > 0 && len(active) <= 15:
			var names []string
			for _, a := range active {
				names = append(names, a.Name)
			}
			reply.Text += " " + c.tr("Er zijn: %s.", "There are: %s.", strings.Join(names, ", "))
		case len(active) == 0:
			reply.Text += " " + c.tr("Er zijn nog geen ruimtes; een ruimtebeheerder voegt ze toe met `/room admin add`.", "There are no rooms yet; a room admin adds them with `/room admin add`.")
		}
	}
	if redo != nil {
		for _, f := range found {
			reply.Buttons = append(reply.Buttons, intranet.Button{Label: f.Name, Command: redo(f.Name)})
		}
	}
	return nil, &reply, nil
}

// bookRequest is a parsed /room book.
type bookRequest struct {
	roomWords []string
	date      when.Date
	from, to  when.Clock
	title     string
	repeat    *when.Repeat
	skip      []when.Date
}

// command writes the request back as the typed command, with room filled in.
func (b bookRequest) command(room string) string {
	cmd := fmt.Sprintf("/room book %s %s %s-%s", quoteRoom(room), b.date, b.from, b.to)
	if b.title != "" {
		cmd += " " + b.title
	}
	if b.repeat != nil {
		switch b.repeat.Unit {
		case when.Days:
			cmd += fmt.Sprintf(" every %d days", b.repeat.Every)
		case when.Weeks:
			cmd += fmt.Sprintf(" every %d weeks", b.repeat.Every)
		case when.Weekdays:
			cmd += " weekdays"
		}
		cmd += " until " + b.repeat.Until.String()
	}
	if len(b.skip) > 0 {
		var s []string
		for _, d := range b.skip {
			s = append(s, d.String())
		}
		cmd += " skip:" + strings.Join(s, ",")
	}
	return cmd
}

// bookUsage is the right form of /room book, in the caller's language.
func bookUsage(c *call) string {
	return c.tr("Schrijf `/room book <ruimte> <datum> <van>-<tot> [titel]`, bijvoorbeeld `/room book Grote zaal morgen 14-15 Teamoverleg`.",
		"Write `/room book <room> <date> <from>-<to> [title]`, e.g. `/room book Big room tomorrow 14-15 Team meeting`.")
}

// parseBook reads the words of /room book; field names the form field a
// mistake belongs to.
func parseBook(c *call, rm *Rooms, text string) (b bookRequest, field, problem string) {
	today := rm.today()
	words := when.Words(text)
	f, ok, err := when.FindSlot(words, today)
	if err != nil {
		return b, "date", dateErr(c, err) + " " + bookUsage(c)
	}
	if !ok {
		return b, "from", c.tr("Ik mis het tijdvak.", "The time slot is missing.") + " " + bookUsage(c)
	}
	b.roomWords, b.date, b.from, b.to = words[:f.Start], f.Date, f.From, f.To
	if len(b.roomWords) == 0 {
		return b, "room", c.tr("Welke ruimte?", "Which room?") + " " + bookUsage(c)
	}
	var title []string
	tail := words[f.End:]
	for i := 0; i < len(tail); i++ {
		w := tail[i]
		lw := strings.ToLower(w)
		switch {
		case b.repeat == nil && when.IsRepeatStart(w):
			rep, n, err := when.ParseRepeat(tail[i:], today)
			if err != nil {
				return b, "repeat", dateErr(c, err)
			}
			b.repeat = &rep
			i += n - 1
		case strings.HasPrefix(lw, "skip:") || strings.HasPrefix(lw, "overslaan:"):
			_, list, _ := strings.Cut(w, ":")
			for _, s := range strings.Split(list, ",") {
				if s = strings.TrimSpace(s); s == "" {
					continue
				}
				d, _, err := when.ParseDate([]string{s}, today)
				if err != nil {
					return b, "repeat", dateErr(c, err)
				}
				b.skip = append(b.skip, d)
			}
		default:
			title = append(title, w)
		}
	}
	b.title = strings.Join(title, " ")
	if len([]rune(b.title)) > 200 {
		return b, "title", c.tr("De titel is te lang (hoogstens 200 tekens).", "The title is too long (200 characters at most).")
	}
	if b.from >= b.to {
		return b, "to", c.tr("Het begin (%s) ligt niet vóór het eind (%s). %s", "The start (%s) is not before the end (%s). %s", b.from, b.to, bookUsage(c))
	}
	if b.repeat != nil && b.repeat.Until.Before(b.date) {
		return b, "repeat", c.tr("De herhaling eindigt (%s) vóór de eerste keer (%s).", "The repetition ends (%s) before the first time (%s).",
			b.repeat.Until.Format(c.lang), b.date.Format(c.lang))
	}
	return b, "", ""
}

// slots returns the slots a request asks for, skipped dates left out.
func (b bookRequest) slots(loc *time.Location) []intranet.Slot {
	dates := []when.Date{b.date}
	if b.repeat != nil {
		dates = b.repeat.Dates(b.date)
	}
	var out []intranet.Slot
	for _, d := range dates {
		skipped := false
		for _, s := range b.skip {
			skipped = skipped || s == d
		}
		if !skipped {
			out = append(out, intranet.Slot{Start: d.At(b.from, loc), End: d.At(b.to, loc)})
		}
	}
	return out
}

// checkSlot says why a room cannot be booked for a slot regardless of other
// bookings: in the past, too short or long, outside opening hours.
func checkSlot(c *call, rm *Rooms, room *intranet.Room, from, to when.Clock, s intranet.Slot) string {
	d := s.End.Sub(s.Start)
	switch {
	case s.Start.Before(rm.now().Truncate(time.Minute)):
		return c.tr("%s is al begonnen of voorbij; boek een tijd die nog komt.", "%s has begun or passed; book a time still to come.", rm.span(c, s))
	case d < minBooking:
		return c.tr("Een boeking duurt minstens 5 minuten.", "A booking lasts at least 5 minutes.")
	case d > maxBooking:
		return c.tr("Een boeking duurt hoogstens 12 uur.", "A booking lasts at most 12 hours.")
	case room != nil && (int(from) < room.Opens || int(to) > room.Closes):
		return c.tr("%s is open van %s tot %s; %s–%s valt daarbuiten.", "%s is open from %s to %s; %s–%s is outside those hours.",
			room.Name, when.Clock(room.Opens), when.Clock(room.Closes), from, to)
	}
	return ""
}

// roomBook answers /room book; field names the form field of a mistake.
func (r *Router) roomBook(ctx context.Context, c *call, rm *Rooms, text string) (intranet.Reply, string, error) {
	b, field, problem := parseBook(c, rm, text)
	if problem != "" {
		return c.reply(problem), field, nil
	}
	room, refusal, err := r.findRoom(ctx, c, rm, strings.Join(b.roomWords, " "), b.command)
	if err != nil || refusal != nil {
		if refusal != nil {
			return *refusal, "room", nil
		}
		return intranet.Reply{}, "", err
	}
	slots := b.slots(rm.loc())
	if len(slots) == 0 {
		return c.reply(c.tr("Alle data zijn overgeslagen; er is niets te boeken.", "Every date is skipped; there is nothing to book.")), "repeat", nil
	}
	if msg := checkSlot(c, rm, room, b.from, b.to, slots[0]); msg != "" {
		return c.reply(msg), "from", nil
	}
	var booked []intranet.Booking
	err = roomInTx(ctx, rm, func(ctx context.Context) error {
		var err error
		booked, err = rm.Service.CreateBookings(ctx, intranet.NewBookings{RoomID: room.ID, PersonID: c.person.ID, Title: b.title, Slots: slots})
		if err != nil {
			return err
		}
		return scheduleReminder(ctx, rm, booked)
	})
	var conflict *intranet.BookingConflict
	switch {
	case errors.As(err, &conflict):
		reply, err := r.roomTaken(ctx, c, rm, room, b, slots, conflict)
		return reply, "", err
	case intranet.ErrorCode(err) == intranet.EINVALID:
		return c.reply(c.tr("Dat kan niet: %s", "That is not possible: %s", intranet.ErrorMessage(err))), "", nil
	case err != nil:
		return intranet.Reply{}, "", err
	}
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("Geboekt: %s", "Booked: %s", room.Name)}
	if len(booked) == 1 {
		reply.Text = rm.span(c, booked[0].Slot)
		if b.title != "" {
			reply.Text += " · " + b.title
		}
		reply.Buttons = []intranet.Button{cancelButton(c, rm, booked[0])}
	} else {
		reply.Text = c.tr("%d keer %s–%s, van %s tot en met %s", "%d times %s–%s, from %s to %s", len(booked), b.from, b.to,
			when.DateOf(booked[0].Start, rm.loc()).Format(c.lang), when.DateOf(booked[len(booked)-1].Start, rm.loc()).Format(c.lang))
		if b.title != "" {
			reply.Text += " · " + b.title
		}
		if len(b.skip) > 0 {
			var s []string
			for _, d := range b.skip {
				s = append(s, d.Format(c.lang))
			}
			reply.Context = append(reply.Context, c.tr("Overgeslagen: %s", "Skipped: %s", strings.Join(s, ", ")))
		}
		reply.Context = append(reply.Context, c.tr("Annuleer een keer met `/room cancel <nummer>`; `/room mine` toont ze.", "Cancel one time with `/room cancel <number>`; `/room mine` lists them."))
	}
	if rm.Scheduler != nil {
		reply.Context = append(reply.Context, c.tr("Boeking %d. Je krijgt 10 minuten vooraf een herinnering.", "Booking %d. You get a reminder 10 minutes before.", booked[0].ID))
	} else {
		reply.Context = append(reply.Context, c.tr("Boeking %d.", "Booking %d.", booked[0].ID))
	}
	return reply, "", nil
}

// cancelButton is a booking's Cancel button, with a confirmation.
func cancelButton(c *call, rm *Rooms, b intranet.Booking) intranet.Button {
	return intranet.Button{Label: c.tr("Annuleren", "Cancel"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/room cancel %d", b.ID),
		Confirm: &intranet.Confirm{Title: c.tr("Boeking annuleren?", "Cancel the booking?"), Text: fmt.Sprintf("%s, %s", b.Room, rm.span(c, b.Slot)),
			Confirm: c.tr("Annuleren", "Cancel it"), Deny: c.tr("Houden", "Keep it")}}
}

// roomTaken answers a booking that clashes: who holds the room when, and
// for a single booking the nearest free times of the room and other free
// rooms of its size; for a series the clashing dates and a button that
// books the rest.
func (r *Router) roomTaken(ctx context.Context, c *call, rm *Rooms, room *intranet.Room, b bookRequest, slots []intranet.Slot, conflict *intranet.BookingConflict) (intranet.Reply, error) {
	holder := func(x intranet.Booking) string {
		s := fmt.Sprintf("%s %s", rm.span(c, x.Slot), x.Person)
		if x.Title != "" {
			s += " (" + x.Title + ")"
		}
		return s
	}
	if len(slots) > 1 {
		reply := intranet.Reply{Lang: c.lang, Title: c.tr("Niets geboekt: %s is bezet", "Nothing booked: %s is taken", room.Name)}
		clashing := map[when.Date]bool{}
		var lines []string
		for _, x := range conflict.Clashes {
			clashing[when.DateOf(x.Slot.Start, rm.loc())] = true
			lines = append(lines, "- "+holder(x.Booking))
		}
		reply.Text = c.tr("%d van de %d keer botsen:", "%d of the %d times clash:", len(clashing), len(slots)) + "\n" + strings.Join(lines, "\n")
		if len(clashing) < len(slots) {
			rest := b
			rest.skip = append([]when.Date(nil), b.skip...)
			var dates []when.Date
			for d := range clashing {
				dates = append(dates, d)
			}
			sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
			rest.skip = append(rest.skip, dates...)
			reply.Buttons = []intranet.Button{{Label: c.tr("Boek de andere %d", "Book the other %d", len(slots)-len(clashing)), Style: intranet.StylePrimary, Command: rest.command(room.Name)}}
			reply.Context = []string{c.tr("Of typ hetzelfde commando met `skip:<datum>,<datum>`.", "Or type the same command with `skip:<date>,<date>`.")}
		}
		return reply, nil
	}
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("%s is bezet", "%s is taken", room.Name)}
	var lines []string
	for _, x := range conflict.Clashes {
		lines = append(lines, holder(x.Booking))
	}
	if len(lines) == 0 {
		lines = append(lines, c.tr("zojuist door iemand anders geboekt", "just booked by someone else"))
	}
	reply.Text = c.tr("Bezet: %s.", "Taken: %s.", strings.Join(lines, "; "))
	slot := slots[0]
	// The nearest free times of this room that day, as long as asked.
	d := b.date
	busy, err := rm.Service.Bookings(ctx, intranet.BookingFilter{RoomID: room.ID, From: d.At(0, rm.loc()), To: d.AddDays(1).At(0, rm.loc())})
	if err != nil {
		return intranet.Reply{}, err
	}
	length := b.to - b.from
	type cand struct {
		from, dist when.Clock
	}
	var cands []cand
	for s := when.Clock(room.Opens); s+length <= when.Clock(room.Closes); s += 15 {
		sl := intranet.Slot{Start: d.At(s, rm.loc()), End: d.At(s+length, rm.loc())}
		if sl.Start.Before(rm.now()) {
			continue
		}
		free := true
		for _, x := range busy {
			free = free && !x.Overlaps(sl)
		}
		if free {
			dist := s - b.from
			if dist < 0 {
				dist = -dist
			}
			cands = append(cands, cand{s, dist})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].dist < cands[j].dist })
	for i := 0; i < len(cands) && i < 3; i++ {
		alt := b
		alt.from, alt.to = cands[i].from, cands[i].from+length
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: fmt.Sprintf("%s %s–%s", room.Name, alt.from, alt.to), Command: alt.command(room.Name)})
	}
	// Other rooms of that size, free for the slot asked.
	others, err := rm.Service.FreeRooms(ctx, intranet.FreeQuery{Slot: slot, Capacity: room.Capacity})
	if err != nil {
		return intranet.Reply{}, err
	}
	n := 0
	for _, o := range others {
		if o.ID == room.ID || int(b.from) < o.Opens || int(b.to) > o.Closes || n == 3 {
			continue
		}
		n++
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: fmt.Sprintf("%s %s–%s", o.Name, b.from, b.to), Command: b.command(o.Name)})
	}
	if len(reply.Buttons) > 0 {
		reply.Context = []string{c.tr("Vrij: de dichtstbijzijnde tijden in deze ruimte en andere ruimtes van deze grootte.", "Free: the nearest times in this room, and other rooms of this size.")}
	} else {
		reply.Context = []string{c.tr("Die dag is er niets vrij van deze lengte; probeer `/room free <datum> <van>-<tot>`.", "Nothing of this length is free that day; try `/room free <date> <from>-<to>`.")}
	}
	return reply, nil
}

// bookFormID is the id of the booking form.
const bookFormID = "room.book"

// roomForm asks for a booking with a form; adapters without forms show the
// typed command instead.
func (r *Router) roomForm(ctx context.Context, c *call, rm *Rooms) (intranet.Reply, error) {
	rooms, err := rm.Service.Rooms(ctx, false)
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(rooms) == 0 {
		return c.reply(c.tr("Er zijn nog geen ruimtes; een ruimtebeheerder voegt ze toe met `/room admin add`.", "There are no rooms yet; a room admin adds them with `/room admin add`.")), nil
	}
	return intranet.Reply{Lang: c.lang, Text: bookUsage(c), Form: bookForm(c, rm, rooms, nil)}, nil
}

func bookForm(c *call, rm *Rooms, rooms []intranet.Room, values map[string]string) *intranet.Form {
	var opts []intranet.Option
	for _, room := range rooms {
		label := room.Name
		if room.Capacity > 0 {
			label += c.tr(" (%d pers.)", " (%d people)", room.Capacity)
		}
		opts = append(opts, intranet.Option{Label: label, Value: room.Name})
	}
	f := &intranet.Form{ID: bookFormID, Title: c.tr("Ruimte boeken", "Book a room"), SubmitLabel: c.tr("Boeken", "Book"),
		Command: c.tr("/room book <ruimte> <datum> <van>-<tot> [titel]", "/room book <room> <date> <from>-<to> [title]"),
		Fields: []intranet.FormField{
			{Name: "room", Label: c.tr("Ruimte", "Room"), Kind: intranet.FieldChoice, Required: true, Options: opts},
			{Name: "date", Label: c.tr("Datum", "Date"), Kind: intranet.FieldDate, Required: true, Value: rm.today().String()},
			{Name: "from", Label: c.tr("Van", "From"), Kind: intranet.FieldTime, Required: true, Placeholder: "14:00"},
			{Name: "to", Label: c.tr("Tot", "To"), Kind: intranet.FieldTime, Required: true, Placeholder: "15:00"},
			{Name: "title", Label: c.tr("Titel", "Title"), Kind: intranet.FieldText, MaxLength: 200},
			{Name: "repeat", Label: c.tr("Herhalen (optioneel)", "Repeat (optional)"), Kind: intranet.FieldText, Placeholder: c.tr("elke week tot 19-12", "every week until 19-12")},
		}}
	for i := range f.Fields {
		if v, ok := values[f.Fields[i].Name]; ok {
			f.Fields[i].Value = v
		}
	}
	return f
}

// roomBookForm books from a submitted form, or shows it again with the
// mistake next to its field.
func (r *Router) roomBookForm(ctx context.Context, c *call, rm *Rooms, v map[string]string) (intranet.Reply, error) {
	get := func(k string) string { return strings.TrimSpace(strings.ReplaceAll(v[k], `"`, "")) }
	text := fmt.Sprintf(`"%s" %s %s-%s %s %s`, get("room"), get("date"), get("from"), get("to"), get("title"), get("repeat"))
	for _, k := range []string{"room", "date", "from", "to"} {
		if get(k) == "" {
			rooms, err := rm.Service.Rooms(ctx, false)
			if err != nil {
				return intranet.Reply{}, err
			}
			msg := c.tr("Vul dit in.", "Fill this in.")
			return intranet.Reply{Lang: c.lang, Text: msg, Form: bookForm(c, rm, rooms, v), FieldErrors: map[string]string{k: msg}}, nil
		}
	}
	reply, field, err := r.roomBook(ctx, c, rm, text)
	if err != nil || field == "" {
		return reply, err
	}
	rooms, err := rm.Service.Rooms(ctx, false)
	if err != nil {
		return intranet.Reply{}, err
	}
	reply.Form = bookForm(c, rm, rooms, v)
	reply.FieldErrors = map[string]string{field: reply.Text}
	return reply, nil
}

// roomFree answers /room free <date> <from>-<to> [<n> people] [<facility>].
func (r *Router) roomFree(ctx context.Context, c *call, rm *Rooms, text string) (intranet.Reply, error) {
	usage := c.tr("Schrijf `/room free <datum> <van>-<tot> [<n> personen] [<voorziening>]`, bijvoorbeeld `/room free morgen 14-15 6 personen scherm`.",
		"Write `/room free <date> <from>-<to> [<n> people] [<facility>]`, e.g. `/room free tomorrow 14-15 6 people screen`.")
	words := when.Words(text)
	f, ok, err := when.FindSlot(words, rm.today())
	if err != nil {
		return c.reply(dateErr(c, err) + " " + usage), nil
	}
	if !ok {
		return c.reply(usage), nil
	}
	if f.Start > 0 {
		// Words before the date that are no date: say what is wrong with them.
		if _, _, derr := when.ParseDate(words[:f.Start], rm.today()); derr != nil {
			return c.reply(dateErr(c, derr) + " " + usage), nil
		}
		return c.reply(usage), nil
	}
	q := intranet.FreeQuery{}
	rest := words[f.End:]
	for i := 0; i < len(rest); i++ {
		w := strings.ToLower(rest[i])
		if n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(w, "p"), "pers")); err == nil && n > 0 && n < 10000 {
			q.Capacity = n
			if i+1 < len(rest) && isPeopleWord(rest[i+1]) {
				i++
			}
			continue
		}
		if isPeopleWord(w) {
			continue
		}
		if q.Facility != "" {
			return c.reply(c.tr("Eén voorziening tegelijk graag. ", "One facility at a time, please. ") + usage), nil
		}
		q.Facility = facilityWord(w)
	}
	if f.From >= f.To {
		return c.reply(c.tr("Het begin (%s) ligt niet vóór het eind (%s). %s", "The start (%s) is not before the end (%s). %s", f.From, f.To, usage)), nil
	}
	q.Slot = intranet.Slot{Start: f.Date.At(f.From, rm.loc()), End: f.Date.At(f.To, rm.loc())}
	if msg := checkSlot(c, rm, nil, f.From, f.To, q.Slot); msg != "" {
		return c.reply(msg), nil
	}
	if q.Facility != "" {
		rooms, err := rm.Service.Rooms(ctx, false)
		if err != nil {
			return intranet.Reply{}, err
		}
		known := map[string]bool{}
		for _, room := range rooms {
			for _, x := range room.Facilities {
				known[strings.ToLower(x)] = true
			}
		}
		if !known[q.Facility] {
			var list []string
			for k := range known {
				list = append(list, k)
			}
			sort.Strings(list)
			return c.reply(c.tr("Geen ruimte heeft %q. Voorzieningen: %s.", "No room has %q. Facilities: %s.", q.Facility, strings.Join(list, ", "))), nil
		}
	}
	free, err := rm.Service.FreeRooms(ctx, q)
	if err != nil {
		return intranet.Reply{}, err
	}
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("Vrij op %s", "Free on %s", rm.span(c, q.Slot))}
	b := bookRequest{date: f.Date, from: f.From, to: f.To}
	for _, room := range free {
		if int(f.From) < room.Opens || int(f.To) > room.Closes {
			continue
		}
		reply.Sections = append(reply.Sections, intranet.Section{Text: roomLine(c, room),
			Buttons: []intranet.Button{{Label: c.tr("Boeken", "Book"), Style: intranet.StylePrimary, Command: b.command(room.Name)}}})
	}
	if len(reply.Sections) == 0 {
		reply.Text = c.tr("Geen ruimte is dan vrij (en groot genoeg, met wat je vraagt). Probeer een ander tijdstip, of `/room` voor wat er vandaag vrij is.",
			"No room is free then (and big enough, with what you ask). Try another time, or `/room` for what is free today.")
	}
	return reply, nil
}

func isPeopleWord(w string) bool {
	switch strings.ToLower(w) {
	case "people", "persons", "person", "personen", "persoon", "pers", "pers.", "mensen", "p":
		return true
	}
	return false
}

// facilityWord maps the Dutch names of the usual facilities to the words
// rooms are described with.
func facilityWord(w string) string {
	switch w {
	case "scherm", "beeldscherm", "tv":
		return "screen"
	case "videobellen", "beeld", "camera":
		return "video"
	case "whitebord", "bord":
		return "whiteboard"
	}
	return w
}

// roomLine describes a room in one line.
func roomLine(c *call, room intranet.Room) string {
	parts := []string{"*" + room.Name + "*"}
	if room.Location != "" {
		parts = append(parts, room.Location)
	}
	if room.Capacity > 0 {
		parts = append(parts, c.tr("%d personen", "%d people", room.Capacity))
	}
	if len(room.Facilities) > 0 {
		parts = append(parts, strings.Join(room.Facilities, ", "))
	}
	parts = append(parts, fmt.Sprintf("%s–%s", when.Clock(room.Opens), when.Clock(room.Closes)))
	return strings.Join(parts, " · ")
}

// roomDay answers /room [<date>]: every room's busy and free times that day.
func (r *Router) roomDay(ctx context.Context, c *call, rm *Rooms, text string) (intranet.Reply, error) {
	d := rm.today()
	if words := when.Words(text); len(words) > 0 {
		var n int
		var err error
		d, n, err = when.ParseDate(words, rm.today())
		if err != nil || n != len(words) {
			msg := c.tr("`/room %s` ken ik niet.", "I don't know `/room %s`.", text)
			if err != nil && len(words) == 1 && strings.ContainsAny(words[0], "0123456789") {
				msg = dateErr(c, err)
			}
			return c.reply(msg + " " + c.tr("Typ `/room help` voor alles wat kan.", "Type `/room help` for everything you can do.")), nil
		}
	}
	rooms, err := rm.Service.Rooms(ctx, false)
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(rooms) == 0 {
		return c.reply(c.tr("Er zijn nog geen ruimtes; een ruimtebeheerder voegt ze toe met `/room admin add`.", "There are no rooms yet; a room admin adds them with `/room admin add`.")), nil
	}
	start, end := d.At(0, rm.loc()), d.AddDays(1).At(0, rm.loc())
	bookings, err := rm.Service.Bookings(ctx, intranet.BookingFilter{From: start, To: end})
	if err != nil {
		return intranet.Reply{}, err
	}
	byRoom := map[int64][]intranet.Booking{}
	for _, b := range bookings {
		byRoom[b.RoomID] = append(byRoom[b.RoomID], b)
	}
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("Ruimtes op %s", "Rooms on %s", d.Format(c.lang))}
	for _, room := range rooms {
		var busy, free []string
		at := when.Clock(room.Opens)
		for _, b := range byRoom[room.ID] {
			from, to := rm.clock(b.Start), rm.clock(b.End)
			if b.Start.Before(start) {
				from = 0
			}
			if !b.End.Before(end) {
				to = 24 * 60
			}
			who := b.Person
			if b.Title != "" {
				who += ", " + b.Title
			}
			busy = append(busy, fmt.Sprintf("%s–%s (%s)", from, to, who))
			if from > at {
				free = append(free, fmt.Sprintf("%s–%s", at, min(from, when.Clock(room.Closes))))
			}
			at = max(at, to)
		}
		if at < when.Clock(room.Closes) {
			free = append(free, fmt.Sprintf("%s–%s", at, when.Clock(room.Closes)))
		}
		text := roomLine(c, room)
		if len(busy) > 0 {
			text += "\n" + c.tr("Bezet: ", "Busy: ") + strings.Join(busy, ", ")
		}
		if len(free) > 0 {
			text += "\n" + c.tr("Vrij: ", "Free: ") + strings.Join(free, ", ")
		} else {
			text += "\n" + c.tr("De hele dag bezet.", "Busy all day.")
		}
		reply.Sections = append(reply.Sections, intranet.Section{Text: text})
	}
	reply.Context = []string{c.tr("Boek met `/room book <ruimte> <datum> <van>-<tot>`, of zoek met `/room free <datum> <van>-<tot>`.",
		"Book with `/room book <room> <date> <from>-<to>`, or search with `/room free <date> <from>-<to>`.")}
	return reply, nil
}

// roomMine answers /room mine: my coming bookings, each with Cancel.
func (r *Router) roomMine(ctx context.Context, c *call, rm *Rooms) (intranet.Reply, error) {
	const limit = 25
	mine, err := rm.Service.Bookings(ctx, intranet.BookingFilter{PersonID: c.person.ID, From: rm.now(), Limit: limit + 1})
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(mine) == 0 {
		return c.reply(c.tr("Je hebt geen komende boekingen. Boek met `/room book <ruimte> <datum> <van>-<tot>`.", "You have no coming bookings. Book with `/room book <room> <date> <from>-<to>`.")), nil
	}
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("Je komende boekingen", "Your coming bookings")}
	for i, b := range mine {
		if i == limit {
			reply.Context = []string{c.tr("De eerste %d getoond.", "The first %d shown.", limit)}
			break
		}
		text := fmt.Sprintf("*%s* · %s", b.Room, rm.span(c, b.Slot))
		if b.Title != "" {
			text += " · " + b.Title
		}
		text += " · #" + strconv.FormatInt(b.ID, 10)
		reply.Sections = append(reply.Sections, intranet.Section{Text: text, Buttons: []intranet.Button{cancelButton(c, rm, b)}})
	}
	return reply, nil
}

// isRoomAdmin reports whether the caller may manage rooms and other
// people's bookings.
func isRoomAdmin(c *call) bool {
	return c.person != nil && (c.person.Has(intranet.RoleRoomAdmin) || c.person.Has(intranet.RoleAdmin))
}

// roomCancel answers /room cancel <id> (and release, from a reminder).
func (r *Router) roomCancel(ctx context.Context, c *call, rm *Rooms, text string, release bool) (intranet.Reply, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(text), "#"), 10, 64)
	if err != nil || id <= 0 {
		return c.reply(c.tr("Schrijf `/room cancel <nummer>`; `/room mine` toont de nummers van je boekingen.", "Write `/room cancel <number>`; `/room mine` shows your bookings' numbers.")), nil
	}
	b, err := rm.Service.FindBookingByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.reply(c.tr("Boeking %d bestaat niet.", "There is no booking %d.", id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	if b.PersonID != c.person.ID && !isRoomAdmin(c) {
		return c.reply(c.tr("Boeking %d is van %s; alleen die persoon of een ruimtebeheerder kan hem annuleren.",
			"Booking %d is %s's; only they or a room admin can cancel it.", id, b.Person)), nil
	}
	if !b.Active() {
		return c.reply(c.tr("Boeking %d (%s, %s) is al geannuleerd.", "Booking %d (%s, %s) was cancelled already.", id, b.Room, rm.span(c, b.Slot))), nil
	}
	if !b.End.After(rm.now()) {
		return c.reply(c.tr("Boeking %d (%s, %s) is al voorbij.", "Booking %d (%s, %s) is over already.", id, b.Room, rm.span(c, b.Slot))), nil
	}
	err = roomInTx(ctx, rm, func(ctx context.Context) error {
		var err error
		if b, err = rm.Service.CancelBooking(ctx, id, rm.now()); err != nil {
			return err
		}
		return unscheduleReminder(ctx, rm, b)
	})
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return c.reply(c.tr("Boeking %d is al geannuleerd.", "Booking %d was cancelled already.", id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	reply := c.reply(c.tr("Geannuleerd: %s, %s.", "Cancelled: %s, %s.", b.Room, rm.span(c, b.Slot)))
	if release {
		reply.Text = c.tr("Vrijgegeven: %s, %s. Dank je, nu kan een ander hem boeken.", "Released: %s, %s. Thank you, now someone else can book it.", b.Room, rm.span(c, b.Slot))
	}
	if b.PersonID != c.person.ID {
		reply.Text += " " + c.tr("De boeking was van %s.", "The booking was %s's.", b.Person)
		who, booking := c.person.Name, *b
		if r.roomDM(ctx, rm, b.PersonID, fmt.Sprintf("booking-%d-cancelled", b.ID), func(lang string) intranet.Reply {
			return intranet.Reply{Text: ltrRoom(lang, "%s heeft je boeking van %s geannuleerd: %s.", "%s cancelled your booking of %s: %s.", who, booking.Room, rm.spanIn(lang, booking.Slot))}
		}) {
			reply.Text += " " + c.tr("Die persoon krijgt een bericht.", "They are told by a direct message.")
		}
	}
	reply.ReplaceOriginal = c.req.Pressed() && c.req.Message != nil
	return reply, nil
}

// roomFeed answers /room feed [<room>]: a calendar feed's address.
func (r *Router) roomFeed(ctx context.Context, c *call, rm *Rooms, text string) (intranet.Reply, error) {
	feed, path, title := fmt.Sprintf("person:%d", c.person.ID), fmt.Sprintf("/rooms/person/%d.ics", c.person.ID), c.tr("Je agenda met je boekingen", "Your calendar of your bookings")
	if strings.TrimSpace(text) != "" {
		room, refusal, err := r.findRoom(ctx, c, rm, text, func(room string) string { return "/room feed " + room })
		if err != nil || refusal != nil {
			if refusal != nil {
				return *refusal, nil
			}
			return intranet.Reply{}, err
		}
		feed, path, title = fmt.Sprintf("room:%d", room.ID), fmt.Sprintf("/rooms/%d.ics", room.ID), c.tr("De agenda van %s", "The calendar of %s", room.Name)
	}
	token, err := rm.Service.FeedToken(ctx, feed)
	if err != nil {
		return intranet.Reply{}, err
	}
	addr := strings.TrimRight(rm.PublicURL, "/") + path + "?token=" + token
	reply := intranet.Reply{Lang: c.lang, Title: title, Text: "`" + addr + "`"}
	reply.Context = []string{c.tr("Abonneer je erop in Outlook (Agenda toevoegen → Van internet) of Google Agenda (Andere agenda's → Via URL). Houd het adres voor jezelf: wie het heeft, ziet de boekingen.",
		"Subscribe to it in Outlook (Add calendar → From internet) or Google Calendar (Other calendars → From URL). Keep the address to yourself: whoever has it sees the bookings.")}
	if rm.PublicURL == "" {
		reply.Context = append(reply.Context, c.tr("WERKPLEK_PUBLIC_URL is niet ingesteld, dus dit is alleen het pad; vraag de beheerder het adres van Werkplek.",
			"WERKPLEK_PUBLIC_URL is not set, so this is only the path; ask your admin for Werkplek's address."))
	}
	return reply, nil
}

// roomOptions splits admin arguments into free words and key:value
// options; a value with spaces is quoted (location:"Gebouw A").
func roomOptions(text string) (words []string, opts map[string]string) {
	opts = map[string]string{}
	var cur strings.Builder
	inQuote := false
	flush := func() {
		w := cur.String()
		cur.Reset()
		if w == "" {
			return
		}
		if k, v, ok := strings.Cut(w, ":"); ok && k != "" && !strings.ContainsAny(k, " \"") {
			if key := optionKey(strings.ToLower(k)); key != "" {
				opts[key] = strings.Trim(v, `"`)
				return
			}
		}
		words = append(words, strings.Trim(w, `"`))
	}
	for _, r := range text {
		switch {
		case r == '"':
			inQuote = !inQuote
			cur.WriteRune(r)
		case (r == ' ' || r == '\t') && !inQuote:
			flush()
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return words, opts
}

func optionKey(k string) string {
	switch k {
	case "name", "naam":
		return "name"
	case "capacity", "capaciteit", "cap", "size", "grootte", "people", "personen":
		return "capacity"
	case "location", "locatie", "place", "plaats":
		return "location"
	case "facilities", "facility", "faciliteiten", "voorzieningen", "voorziening":
		return "facilities"
	case "hours", "open", "uren", "openingstijden":
		return "hours"
	}
	return ""
}

// applyRoomOptions fills a room record from admin options.
func applyRoomOptions(c *call, rec *intranet.RoomRecord, opts map[string]string) string {
	if v, ok := opts["name"]; ok {
		rec.Name = v
	}
	if v, ok := opts["location"]; ok {
		rec.Location = v
	}
	if v, ok := opts["capacity"]; ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return c.tr("`capacity:%s` is geen aantal personen.", "`capacity:%s` is not a number of people.", v)
		}
		rec.Capacity = n
	}
	if v, ok := opts["facilities"]; ok {
		rec.Facilities = nil
		for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == ',' }) {
			if f = strings.TrimSpace(f); f != "" {
				rec.Facilities = append(rec.Facilities, facilityWord(strings.ToLower(f)))
			}
		}
	}
	if v, ok := opts["hours"]; ok {
		from, to, err := when.ParseTimeRange(v)
		if err != nil {
			return dateErr(c, err)
		}
		rec.Opens, rec.Closes = int(from), int(to)
	}
	return ""
}

// roomAdmin answers /room admin: list, add, change and retire rooms.
func (r *Router) roomAdmin(ctx context.Context, c *call, rm *Rooms, text string) (intranet.Reply, error) {
	if !isRoomAdmin(c) {
		return c.reply(c.tr("Ruimtes beheren mag alleen een ruimtebeheerder.", "Only a room admin may manage rooms.")), nil
	}
	usage := c.tr("Schrijf `/room admin add <naam> capacity:<n> location:<plaats> facilities:<a;b> hours:07:00-18:00`, `/room admin change <ruimte> <sleutel>:<waarde>` (ook `name:`), of `/room admin retire <ruimte>`. Waarden met spaties tussen aanhalingstekens.",
		"Write `/room admin add <name> capacity:<n> location:<place> facilities:<a;b> hours:07:00-18:00`, `/room admin change <room> <key>:<value>` (also `name:`), or `/room admin retire <room>`. Values with spaces in quotes.")
	sub, rest, _ := strings.Cut(strings.TrimSpace(text), " ")
	words, opts := roomOptions(rest)
	switch strings.ToLower(sub) {
	case "", "list", "lijst":
		rooms, err := rm.Service.Rooms(ctx, true)
		if err != nil {
			return intranet.Reply{}, err
		}
		reply := intranet.Reply{Lang: c.lang, Title: c.tr("Alle ruimtes", "All rooms"), Context: []string{usage}}
		for _, room := range rooms {
			line := roomLine(c, room)
			if room.Retired {
				line += " · _" + c.tr("opgeheven", "retired") + "_"
			}
			reply.Sections = append(reply.Sections, intranet.Section{Text: line})
		}
		return reply, nil
	case "add", "toevoegen", "nieuw":
		if len(words) == 0 {
			return c.reply(usage), nil
		}
		rec := intranet.RoomRecord{Name: strings.Join(words, " "), Opens: defaultOpens, Closes: defaultCloses}
		if msg := applyRoomOptions(c, &rec, opts); msg != "" {
			return c.reply(msg), nil
		}
		rooms, err := rm.Service.Rooms(ctx, true)
		if err != nil {
			return intranet.Reply{}, err
		}
		for _, room := range rooms {
			if roomKey(room.Name) == roomKey(rec.Name) {
				return c.reply(c.tr("Er is al een ruimte %s; wijzig hem met `/room admin change %s ...`.", "There is a room %s already; change it with `/room admin change %s ...`.", room.Name, quoteRoom(room.Name))), nil
			}
		}
		return r.saveRoom(ctx, c, rm, rec, c.tr("Toegevoegd", "Added"))
	case "change", "wijzig", "edit":
		if len(words) == 0 {
			return c.reply(usage), nil
		}
		room, refusal, err := r.findRoom(ctx, c, rm, strings.Join(words, " "), nil)
		if err != nil || refusal != nil {
			if refusal != nil {
				return *refusal, nil
			}
			return intranet.Reply{}, err
		}
		if len(opts) == 0 {
			return c.reply(usage), nil
		}
		rec := intranet.RoomRecord{ID: room.ID, Name: room.Name, Location: room.Location, Capacity: room.Capacity, Facilities: room.Facilities, Opens: room.Opens, Closes: room.Closes}
		if msg := applyRoomOptions(c, &rec, opts); msg != "" {
			return c.reply(msg), nil
		}
		return r.saveRoom(ctx, c, rm, rec, c.tr("Gewijzigd", "Changed"))
	case "retire", "opheffen", "ophef":
		if len(words) == 0 {
			return c.reply(usage), nil
		}
		room, refusal, err := r.findRoom(ctx, c, rm, strings.Join(words, " "), func(room string) string { return "/room admin retire " + quoteRoom(room) })
		if err != nil || refusal != nil {
			if refusal != nil {
				return *refusal, nil
			}
			return intranet.Reply{}, err
		}
		cancelled, err := rm.Service.RetireRoom(ctx, room.ID, rm.now())
		if intranet.ErrorCode(err) == intranet.ECONFLICT {
			return c.reply(c.tr("%s is al opgeheven.", "%s is retired already.", room.Name)), nil
		} else if err != nil {
			return intranet.Reply{}, err
		}
		reply := intranet.Reply{Lang: c.lang, Title: c.tr("Opgeheven: %s", "Retired: %s", room.Name),
			Text: c.tr("De ruimte neemt geen boekingen meer aan; de geschiedenis blijft bewaard.", "The room takes no more bookings; its history is kept.")}
		if len(cancelled) > 0 {
			var lines []string
			for _, b := range cancelled {
				lines = append(lines, fmt.Sprintf("- %s · %s", rm.span(c, b.Slot), b.Person))
			}
			reply.Text += "\n" + c.tr("%d komende boekingen zijn geannuleerd:", "%d coming bookings were cancelled:", len(cancelled)) + "\n" + strings.Join(lines, "\n")
			reply.Context = []string{r.tellOwners(ctx, c, rm, room, cancelled)}
		}
		return reply, nil
	}
	return c.reply(usage), nil
}

// saveRoom saves one room record and answers with the room.
func (r *Router) saveRoom(ctx context.Context, c *call, rm *Rooms, rec intranet.RoomRecord, done string) (intranet.Reply, error) {
	_, err := rm.Service.SaveRooms(ctx, []intranet.RoomRecord{rec}, false)
	var ie *intranet.ImportError
	switch {
	case errors.As(err, &ie):
		var reasons []string
		for _, p := range ie.Problems {
			reasons = append(reasons, p.Reason)
		}
		return c.reply(c.tr("Dat kan niet: %s.", "That is not possible: %s.", strings.Join(reasons, "; "))), nil
	case intranet.ErrorCode(err) == intranet.ECONFLICT:
		return c.reply(c.tr("Er is al een zaal die %s heet.", "There is a room called %s already.", rec.Name)), nil
	case intranet.ErrorCode(err) == intranet.ENOTFOUND:
		return c.reply(c.tr("Die zaal bestaat niet meer.", "That room no longer exists.")), nil
	case err != nil:
		return intranet.Reply{}, err
	}
	room := intranet.Room{Name: rec.Name, Location: rec.Location, Capacity: rec.Capacity, Facilities: rec.Facilities, Opens: rec.Opens, Closes: rec.Closes}
	return intranet.Reply{Lang: c.lang, Title: done + ": " + rec.Name, Text: roomLine(c, room)}, nil
}

// tellOwners tells the owners of a retired room's cancelled bookings by
// direct message; it returns a line for the admin saying what was done.
func (r *Router) tellOwners(ctx context.Context, c *call, rm *Rooms, room *intranet.Room, cancelled []intranet.Booking) string {
	told, missed := 0, map[string]bool{}
	for _, b := range cancelled {
		_ = unscheduleReminder(ctx, rm, &b)
		booking := b
		if r.roomDM(ctx, rm, b.PersonID, fmt.Sprintf("booking-%d-retired", b.ID), func(lang string) intranet.Reply {
			return intranet.Reply{Text: ltrRoom(lang, "Ruimte %s is opgeheven, dus je boeking van %s is geannuleerd. Zoek een andere ruimte met `/room free %s %s-%s`.",
				"Room %s was retired, so your booking of %s is cancelled. Find another room with `/room free %s %s-%s`.",
				room.Name, rm.spanIn(lang, booking.Slot), when.DateOf(booking.Start, rm.loc()), rm.clock(booking.Start), rm.clock(booking.End))}
		}) {
			told++
		} else {
			missed[b.Person] = true
		}
	}
	if len(missed) == 0 {
		return c.tr("De eigenaren krijgen een bericht.", "The owners are told by a direct message.")
	}
	var names []string
	for n := range missed {
		names = append(names, n)
	}
	sort.Strings(names)
	return c.tr("%d berichten verstuurd; laat zelf weten aan %s dat hun boeking vervalt (geen chataccount bekend).",
		"%d messages sent; tell %s yourself that their booking is off (no chat account known).", told, strings.Join(names, ", "))
}

// ltrRoom picks the Dutch or English text for a language and formats it.
func ltrRoom(lang, nl, en string, args ...any) string {
	c := call{lang: lang}
	return c.tr(nl, en, args...)
}

// spanIn writes a slot in lang.
func (rm *Rooms) spanIn(lang string, s intranet.Slot) string {
	return rm.span(&call{lang: lang}, s)
}

// roomInTx runs fn in one transaction when the configuration has a Transactor.
func roomInTx(ctx context.Context, rm *Rooms, fn func(ctx context.Context) error) error {
	if rm.Tx == nil {
		return fn(ctx)
	}
	return rm.Tx.InTx(ctx, fn)
}

func bookingKey(id int64) string { return fmt.Sprintf("booking:%d", id) }

// scheduleReminder schedules the reminder of the first of bookings (a
// single booking or a series) whose reminder time is still to come.
func scheduleReminder(ctx context.Context, rm *Rooms, bookings []intranet.Booking) error {
	if rm.Scheduler == nil {
		return nil
	}
	for _, b := range bookings {
		if due := b.Start.Add(-RoomReminderBefore); b.Active() && due.After(rm.now()) {
			return rm.Scheduler.Schedule(ctx, RoomReminderJob, bookingKey(b.ID), due, nil)
		}
	}
	return nil
}

// unscheduleReminder cancels a cancelled booking's reminder and, for a
// series, makes sure the next occurrence has one.
func unscheduleReminder(ctx context.Context, rm *Rooms, b *intranet.Booking) error {
	if rm.Scheduler == nil {
		return nil
	}
	if err := rm.Scheduler.Cancel(ctx, RoomReminderJob, bookingKey(b.ID)); err != nil {
		return err
	}
	return scheduleNextInSeries(ctx, rm, b)
}

// scheduleNextInSeries schedules the reminder of the series' next active
// occurrence after b.
func scheduleNextInSeries(ctx context.Context, rm *Rooms, b *intranet.Booking) error {
	if b.SeriesID == 0 {
		return nil
	}
	next, err := rm.Service.Bookings(ctx, intranet.BookingFilter{RoomID: b.RoomID, PersonID: b.PersonID, From: b.End})
	if err != nil {
		return err
	}
	var same []intranet.Booking
	for _, x := range next {
		if x.SeriesID == b.SeriesID && x.ID != b.ID && x.Start.After(b.Start) {
			same = append(same, x)
		}
	}
	return scheduleReminder(ctx, rm, same)
}

// RegisterRoomJobs registers the handler of booking reminders.
func (r *Router) RegisterRoomJobs(reg intranet.JobRegistry) error {
	return reg.HandleJobs(RoomReminderJob, r.roomReminderJob)
}

// roomReminderJob DMs a booking's owner before it starts, with a button
// that releases the room; then it schedules the next reminder of the
// series. A cancelled booking, or one that started meanwhile, gets no
// message. Safe to run twice: the delivery key makes it one message.
func (r *Router) roomReminderJob(ctx context.Context, j intranet.Job) error {
	rm := r.Rooms
	if rm == nil || rm.Service == nil {
		return intranet.FailJob(errors.New("room booking is not set up"))
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(j.Key, "booking:"), 10, 64)
	if err != nil || !strings.HasPrefix(j.Key, "booking:") {
		return intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	b, err := rm.Service.FindBookingByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	if !b.Active() {
		return nil
	}
	if rm.now().Before(b.Start) {
		booking := *b
		r.roomDM(ctx, rm, b.PersonID, fmt.Sprintf("booking-%d-reminder-%d", b.ID, b.Start.Unix()), func(lang string) intranet.Reply {
			reply := intranet.Reply{Title: ltrRoom(lang, "Zo meteen: %s", "Coming up: %s", booking.Room),
				Text: ltrRoom(lang, "Je boeking %s begint om %s.", "Your booking %s starts at %s.", rm.spanIn(lang, booking.Slot), rm.clock(booking.Start))}
			if booking.Title != "" {
				reply.Text += " (" + booking.Title + ")"
			}
			reply.Text += " " + ltrRoom(lang, "Heb je de ruimte niet meer nodig? Geef hem vrij, dan kan een ander hem boeken.", "Don't need the room any more? Release it so someone else can book it.")
			reply.Buttons = []intranet.Button{{Label: ltrRoom(lang, "Ruimte vrijgeven", "Release the room"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/room release %d", booking.ID)}}
			return reply
		})
	}
	return scheduleNextInSeries(ctx, rm, b)
}

// roomDM sends a direct message to a person on one of their linked chat
// accounts through the outbox; it reports whether one was accepted.
func (r *Router) roomDM(ctx context.Context, rm *Rooms, personID int64, key string, reply func(lang string) intranet.Reply) bool {
	if rm.Outbox == nil {
		return false
	}
	p, err := r.People.FindPersonByID(ctx, personID)
	if err != nil {
		return false
	}
	msg := r.messageFor(p, reply)
	for _, a := range p.Accounts {
		d := intranet.Delivery{To: intranet.Destination{Platform: a.Platform, Installation: a.Installation, UserID: a.UserID}, Reply: msg, Key: key + "-" + string(a.Platform)}
		if _, err := rm.Outbox.Send(ctx, d); err == nil {
			return true
		}
	}
	return false
}
