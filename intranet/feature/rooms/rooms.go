// Package rooms is the room booking unit: /room shows every room's day,
// finds free rooms, books them (also as a series, also with a form),
// lists and cancels bookings, gives calendar feed addresses and writes
// the feeds, lets room admins manage the rooms, and reminds owners before
// a booking starts.
//
// The grammar reads the command (dates on the right side of today, real
// times, known options); this unit checks what only it can know: that the
// room exists and is open, that the slot is long enough and still to come,
// who may cancel what. The wording of every reply and message lives in the
// view_*.go files.
package rooms

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/when"
)

// Config is what the unit needs. Its Env's Jobs run the booking reminders
// (RoomReminderJob); its Outbox delivers them and the notes to owners of
// bookings that a room admin cancelled or a retired room lost; its Tx
// writes a booking, its reminder and its messages in one transaction; its
// Location is the zone times are typed and shown in.
type Config struct {
	feature.Env
	Rooms intranet.RoomService
	// Shifts are the handovers, for the shifts a person's feed shows.
	Shifts Shifts
	// PublicURL is WERKPLEK_PUBLIC_URL, the base of calendar feed addresses.
	PublicURL string
	// Partners finds a partner's contacts, one of whom hosts each booking
	// of theirs; without it a partner can book nothing.
	Partners intranet.PartnerService
}

// The limits of one booking, and a new room's opening hours.
const (
	minBooking    = 5 * time.Minute
	maxBooking    = 12 * time.Hour
	maxTitle      = 200
	mineLimit     = 25
	defaultOpens  = 7 * 60
	defaultCloses = 19 * 60
)

// Unit answers /room.
type Unit struct {
	cfg Config
	// grammar reads the booking form's fields as the typed command.
	grammar *grammar.Grammar
	notify  feature.Notifier
}

var (
	_ feature.Unit     = (*Unit)(nil)
	_ feature.FormUnit = (*Unit)(nil)
)

// New returns the unit and registers its reminder job on cfg.Jobs.
func New(cfg Config) (*Unit, error) {
	if cfg.Rooms == nil {
		return nil, errors.New("rooms: no room service")
	}
	if cfg.Shifts == nil {
		return nil, errors.New("rooms: Config.Shifts is required")
	}
	if err := cfg.Ready("rooms"); err != nil {
		return nil, err
	}
	u := &Unit{cfg: cfg, grammar: grammar.New(Command), notify: cfg.Notifier()}
	if err := cfg.Jobs.HandleJobs(RoomReminderJob, u.remind); err != nil {
		return nil, err
	}
	return u, nil
}

// Commands returns /room.
func (u *Unit) Commands() []*grammar.Command { return []*grammar.Command{Command} }

// Handle answers /room and its subcommands (confirm is the router's).
func (u *Unit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	switch {
	case c.Is("day"):
		return u.dayPlan(ctx, c)
	case c.Is("free"):
		return u.free(ctx, c)
	case c.Is("book") && c.Cmd.Empty:
		return u.form(ctx, c)
	case c.Is("book"):
		reply, _, err := u.book(ctx, c)
		return reply, err
	case c.Is("mine"):
		return u.mine(ctx, c)
	case c.Is("cancel"):
		return u.cancel(ctx, c, false)
	case c.Is("release"):
		return u.cancel(ctx, c, true)
	case c.Is("feed"):
		return u.feed(ctx, c)
	case c.Is("admin"), c.Is("admin list"):
		return u.adminList(ctx, c)
	case c.Is("admin add"):
		return u.adminAdd(ctx, c)
	case c.Is("admin change"):
		return u.adminChange(ctx, c)
	case c.Is("admin retire"):
		return u.adminRetire(ctx, c)
	}
	return u.day(ctx, c)
}

func (u *Unit) now() time.Time { return u.cfg.Now() }

// clock is t's time of day in the organisation's time zone.
func (u *Unit) clock(t time.Time) when.Clock {
	t = t.In(u.cfg.Location)
	return when.Clock(t.Hour()*60 + t.Minute())
}

func isRoomAdmin(c *feature.Call) bool { return c.Has(intranet.RoleRoomAdmin, intranet.RoleAdmin) }

// isPartner reports whether the caller is a partner, who sees and books
// only visitor rooms and never who booked a room.
func isPartner(c *feature.Call) bool { return c.Partner() != 0 }

// rooms returns the rooms the caller may see: every room, or only the
// visitor rooms for a partner (retired ones only when asked).
func (u *Unit) rooms(ctx context.Context, c *feature.Call, retired bool) ([]intranet.Room, error) {
	all, err := u.cfg.Rooms.Rooms(ctx, retired)
	if err != nil || !isPartner(c) {
		return all, err
	}
	return visitorRooms(all), nil
}

// visitorRooms are the rooms marked partners:on.
func visitorRooms(rooms []intranet.Room) []intranet.Room {
	var out []intranet.Room
	for _, room := range rooms {
		if room.Partners {
			out = append(out, room)
		}
	}
	return out
}

// roomKey is how rooms are told apart: "Grote  Zaal" and "grote zaal" are one.
func roomKey(name string) string { return strings.Join(phonebook.Words(name), " ") }

// miss says why typed words name no room: a retired room, several rooms,
// or none (with the near ones, or every active room to choose from).
type miss struct {
	typed     string
	retired   *intranet.Room
	ambiguous []intranet.Room
	near      []intranet.Room
	active    []intranet.Room
}

// choices are the rooms a did-you-mean offers as buttons.
func (m *miss) choices() []intranet.Room {
	if len(m.ambiguous) > 0 {
		return m.ambiguous
	}
	return m.near
}

// findRoom matches typed words against the rooms the caller may see: the
// exact name (spaces aside), else the one room whose name words start
// with the typed words, else a miss with the near names. For a partner
// another room than a visitor room is as unknown as a name never used.
func (u *Unit) findRoom(ctx context.Context, c *feature.Call, typed string) (*intranet.Room, *miss, error) {
	rooms, err := u.rooms(ctx, c, true)
	if err != nil {
		return nil, nil, err
	}
	key := phonebook.Key(typed)
	m := &miss{typed: typed}
	for i := range rooms {
		if rooms[i].Retired {
			if phonebook.Key(rooms[i].Name) == key {
				m.retired = &rooms[i]
				return nil, m, nil
			}
			continue
		}
		if phonebook.Key(rooms[i].Name) == key {
			return &rooms[i], nil, nil
		}
		m.active = append(m.active, rooms[i])
	}
	var found []intranet.Room
	for _, room := range m.active {
		if feature.WordsStartWith(room.Name, typed) {
			found = append(found, room)
		}
	}
	switch {
	case len(found) == 1:
		return &found[0], nil, nil
	case len(found) > 1:
		m.ambiguous = found
		return nil, m, nil
	}
	keys := make([]string, len(m.active))
	byKey := map[string]intranet.Room{}
	for i, room := range m.active {
		keys[i] = phonebook.Key(room.Name)
		byKey[keys[i]] = room
	}
	for _, k := range phonebook.Suggest(key, keys, 3) {
		m.near = append(m.near, byKey[k])
	}
	return nil, m, nil
}

// inTx runs fn in one transaction (straight when no Transactor is set).
func (u *Unit) inTx(ctx context.Context, fn func(ctx context.Context) error) error {
	return feature.InTx(ctx, u.cfg.Tx, fn)
}

// tell DMs a booking's owner through the notifier. asked marks what the
// owner asked for (their reminder: it comes in their quiet hours too);
// admin, when set, is told if the owner turns out to be reachable nowhere,
// so that they can tell them themselves. A person who is gone is no error.
// Every such DM is about the owner's own booking.
func (u *Unit) tell(ctx context.Context, personID int64, key string, asked bool, admin *intranet.Person, write func(lang string) intranet.Reply) error {
	p, err := u.cfg.People.FindPersonByID(ctx, personID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	// A partner hears of their own booking (its reminder, its
	// cancellation) on their guest account too; what they are told names
	// no employee but their host.
	dm := feature.DM{To: p, Key: key, Write: write, Asked: asked, Guests: p.IsPartner()}
	if admin != nil {
		dm.Unreachable = []feature.Notice{{To: admin, Key: key + "-unreachable", Write: func(lang string) intranet.Reply {
			return unreachableOwner(lang, p.Name, write(lang))
		}}}
	}
	return u.notify.Send(ctx, dm)
}
