package feature

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/when"
)

// Notifier is the one way out for direct messages: a unit says to whom,
// under which delivery key and what (written in the person's language),
// and the Notifier records it in the outbox in the unit's transaction. The
// account is chosen when the message is delivered (Recipients), and a DM
// that falls in the person's quiet hours waits for their end.
type Notifier struct {
	Outbox intranet.Outbox
	// Language is WERKPLEK_LANGUAGE, for people who chose none.
	Language string
	// Quiet is WERKPLEK_QUIET_HOURS, the hours without DMs of everyone
	// who set none ("22:00-07:00"; "off" for none).
	Quiet    string
	Location *time.Location
	Now      func() time.Time
}

// DM is one direct message to a person.
type DM struct {
	To *intranet.Person
	// Key identifies the message: sending the same key again sends nothing.
	Key string
	// Write writes the message in a language ("nl" or "en").
	Write func(lang string) intranet.Reply
	// Asked is set for what the person asked for at this time (their own
	// booking's reminder, an answer to their own question): it is
	// delivered in their quiet hours too.
	Asked bool
	// Guests lets the message go to a guest account, where the feature
	// shares it with guests.
	Guests bool
	// Unreachable are told when To turns out to be reachable nowhere.
	Unreachable []Notice
}

// Notice is a message to someone else about a DM that reached nobody.
type Notice struct {
	To    *intranet.Person
	Key   string
	Write func(lang string) intranet.Reply
	// Guests lets the notice go to a guest account (a partner told about
	// their own question).
	Guests bool
}

// Send records a DM. A message to someone in their quiet hours is held
// until they end; everything else is delivered at once. An error is the
// outbox's: the caller's transaction fails with it.
//
// Nothing goes to someone who left (inactive): their reminders and
// notifications simply stop, and nobody is told they were unreachable.
func (n Notifier) Send(ctx context.Context, dm DM) error {
	if dm.To == nil || dm.To.Inactive {
		return nil
	}
	d := intranet.Delivery{To: intranet.Destination{PersonID: dm.To.ID}, Reply: n.Write(dm.To, dm.Write), Key: dm.Key, Asked: dm.Asked, Guests: dm.Guests}
	for _, u := range dm.Unreachable {
		if u.To != nil && !u.To.Inactive {
			d.IfUnreachable = append(d.IfUnreachable, intranet.Delivery{To: intranet.Destination{PersonID: u.To.ID}, Reply: n.Write(u.To, u.Write), Key: u.Key, Asked: true, Guests: u.Guests})
		}
	}
	if !dm.Asked {
		until, err := n.QuietUntil(dm.To, n.now())
		if err != nil {
			return err
		}
		d.Release = until
	}
	if _, err := n.Outbox.Send(ctx, d); err != nil {
		return fmt.Errorf("dm %s: %w", dm.Key, err)
	}
	return nil
}

// Write writes a message to p in p's language (the installation's when p
// chose none).
func (n Notifier) Write(p *intranet.Person, write func(lang string) intranet.Reply) intranet.Reply {
	lang := p.Language
	if lang == "" {
		lang = n.Language
	}
	if lang != "en" {
		lang = "nl"
	}
	msg := write(lang)
	msg.Lang = lang
	return msg
}

func (n Notifier) now() time.Time {
	if n.Now != nil {
		return n.Now()
	}
	return time.Now()
}

// QuietUntil returns when p's quiet hours end if at falls in them, else the
// zero time. A person's own hours ("08:00-16:00" for a night worker, "off")
// replace the installation's.
func (n Notifier) QuietUntil(p *intranet.Person, at time.Time) (time.Time, error) {
	hours := p.QuietHours
	if hours == "" {
		hours = n.Quiet
	}
	from, to, ok, err := ParseQuiet(hours)
	if err != nil || !ok {
		return time.Time{}, err
	}
	loc := n.Location
	if loc == nil {
		loc = time.UTC
	}
	today := when.DateOf(at, loc)
	local := at.In(loc)
	clock := when.Clock(local.Hour()*60 + local.Minute())
	switch {
	case from < to && clock >= from && clock < to:
		return today.At(to, loc), nil
	case from > to && clock >= from:
		return today.AddDays(1).At(to, loc), nil
	case from > to && clock < to:
		return today.At(to, loc), nil
	}
	return time.Time{}, nil
}

// ParseQuiet reads quiet hours: "22:00-07:00" (across midnight), "off" or
// "" for none.
func ParseQuiet(hours string) (from, to when.Clock, ok bool, err error) {
	switch h := strings.ToLower(strings.TrimSpace(hours)); h {
	case "", "off", "uit":
		return 0, 0, false, nil
	default:
		from, to, err = when.ParseTimeRange(h)
		if err != nil {
			return 0, 0, false, err
		}
		return from, to, from != to, nil
	}
}
