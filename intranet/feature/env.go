package feature

import (
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/when"
)

// Env is what the units that send messages and schedule work share: the
// phonebook, the platforms, the job runner, the outbox, the clock and the
// installation's settings. bot builds one and gives it to every such unit,
// so that each checks, defaults and uses it the same way.
type Env struct {
	People intranet.PersonService
	// Accounts finds the person behind a platform mention; nil where a
	// unit needs none.
	Accounts intranet.AccountService
	// Platforms says which platforms are on: cards are posted, and DMs
	// sent, only there.
	Platforms Platforms
	// Installations says which installations are gone: their posted cards
	// are not updated (nil: none is gone). DMs skip them in the outbox's
	// Recipients.
	Installations intranet.Installations
	// Jobs runs the unit's jobs; New registers their handlers on it.
	Jobs Jobs
	// Outbox delivers every card and DM, retried and sent once per key.
	Outbox intranet.Outbox
	// Cards refreshes posted cards with one job for every unit (nil where
	// a unit posts none).
	Cards *Cards
	// Tx writes a change together with its jobs and messages in one
	// transaction (nil: no transactions, where a unit allows that).
	Tx intranet.Transactor
	// Location is WERKPLEK_TIMEZONE, the zone dates and times are typed and
	// shown in (default UTC).
	Location *time.Location
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Language is WERKPLEK_LANGUAGE, for messages to people who chose none
	// ("en", else "nl").
	Language string
	// Quiet is WERKPLEK_QUIET_HOURS, when no DM goes out to who set no
	// hours of their own ("22:00-07:00"; "off" or "" for none).
	Quiet string
}

// Need is a part of an Env that only some units require (People,
// Platforms, Jobs and Outbox every unit requires).
type Need int

// The parts of an Env a unit may require besides the common ones.
const (
	// NeedAccounts: the unit finds people by mention.
	NeedAccounts Need = iota + 1
	// NeedTx: the unit's changes must be written in one transaction.
	NeedTx
	// NeedCards: the unit updates the cards it posted.
	NeedCards
)

// Ready checks that e has what unit needs (People, Platforms, Jobs,
// Outbox, and the parts in also) and fills the defaults, so that a unit's
// New does both in one place. A missing part is a programming error; the
// error names the unit and the Config field.
func (e *Env) Ready(unit string, also ...Need) error {
	if part := e.missing(also); part != "" {
		return fmt.Errorf("%s: Config.%s is required", unit, part)
	}
	if e.Location == nil {
		e.Location = time.UTC
	}
	if e.Now == nil {
		e.Now = time.Now
	}
	if e.Language != "en" {
		e.Language = "nl"
	}
	return nil
}

// missing names the first part a unit needs that e lacks, "" when none.
func (e *Env) missing(also []Need) string {
	switch {
	case e.People == nil:
		return "People"
	case e.Platforms == nil:
		return "Platforms"
	case e.Jobs == nil:
		return "Jobs"
	case e.Outbox == nil:
		return "Outbox"
	}
	for _, n := range also {
		switch {
		case n == NeedAccounts && e.Accounts == nil:
			return "Accounts"
		case n == NeedTx && e.Tx == nil:
			return "Tx"
		case n == NeedCards && e.Cards == nil:
			return "Cards"
		}
	}
	return ""
}

// Notifier is the unit's one way to DM people: through e's outbox, in
// their language, held through their quiet hours.
func (e Env) Notifier() Notifier {
	return Notifier{Outbox: e.Outbox, Language: e.Language, Quiet: e.Quiet, Location: e.Location, Now: e.Now}
}

// Today is the current date in the organisation's time zone, the day typed
// dates are read from. It needs the defaults Ready fills.
func (e Env) Today() when.Date { return when.DateOf(e.Now(), e.Location) }
