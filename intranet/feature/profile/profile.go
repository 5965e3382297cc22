// Package profile is the profile unit: /profile shows a person their own
// phonebook entry and their choices; they set their mobile number, skills
// and location themselves (which the people import and the identity
// provider then leave as they wrote them), mark themselves away until a
// day, and choose who sees their mobile number (/werkplek privacy mobile,
// which the help unit hands here).
package profile

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/help"
	"github.com/werkplek/werkplek/intranet/feature/phonebook"
	"github.com/werkplek/werkplek/intranet/grammar"
	pb "github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/when"
)

// Config is what the unit needs.
type Config struct {
	People   intranet.PersonService
	Profiles intranet.ProfileService
	// Phonebook draws the person's own card as the phonebook does.
	Phonebook *phonebook.Unit
	// MobileDefault is WERKPLEK_PRIVACY_MOBILE ("" is everyone).
	MobileDefault intranet.FieldVisibility
	// Quiet is WERKPLEK_QUIET_HOURS, the hours of who set none.
	Quiet string
	// Location is WERKPLEK_TIMEZONE, where an away day is read (default
	// UTC); Now the clock (default time.Now).
	Location *time.Location
	Now      func() time.Time
}

// Unit answers /profile and /werkplek privacy.
type Unit struct{ cfg Config }

var (
	_ feature.Unit = (*Unit)(nil)
	_ help.Privacy = (*Unit)(nil)
)

// New returns the unit.
func New(cfg Config) (*Unit, error) {
	switch {
	case cfg.People == nil:
		return nil, errors.New("profile: Config.People is required")
	case cfg.Profiles == nil:
		return nil, errors.New("profile: Config.Profiles is required")
	case cfg.Phonebook == nil:
		return nil, errors.New("profile: Config.Phonebook is required")
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Unit{cfg: cfg}, nil
}

// Commands returns /profile.
func (u *Unit) Commands() []*grammar.Command { return []*grammar.Command{Command} }

func (u *Unit) today() when.Date { return when.DateOf(u.cfg.Now(), u.cfg.Location) }

// MaxAwayDays is how far ahead someone may mark themselves away.
const MaxAwayDays = 366

// MaxText is the longest location, skill or away note.
const MaxText = 100

// Handle answers /profile and its subcommands, for the caller alone.
func (u *Unit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Person == nil {
		return c.Reply(help.NotForGuests(c)), nil
	}
	switch {
	case c.Is("set mobile"):
		return u.setMobile(ctx, c)
	case c.Is("set skills"):
		return u.setSkills(ctx, c)
	case c.Is("set location"):
		return u.setLocation(ctx, c)
	case c.Is("away until"):
		return u.away(ctx, c)
	case c.Is("back"):
		return u.back(ctx, c)
	}
	return u.show(ctx, c, "")
}

// done says what a change did, short for a phone: the whole card is
// one `/profile` away. Someone now away gets the button to come back.
func (u *Unit) done(c *feature.Call, text string, away bool) intranet.Reply {
	r := c.Reply(text)
	if away {
		r.Buttons = []intranet.Button{{Label: c.T("Ik ben terug", "I am back"), Command: "/profile back"}}
	}
	r.Context = []string{c.T("Je profiel zoals collega's het zien: `/profiel`", "Your profile as colleagues see it: `/profile`")}
	return r
}

// show is the caller's own card and choices, with done said first.
func (u *Unit) show(ctx context.Context, c *feature.Call, done string) (intranet.Reply, error) {
	p, err := u.cfg.People.FindPersonByID(ctx, c.Person.ID)
	if err != nil {
		return intranet.Reply{}, err
	}
	card, err := u.cfg.Phonebook.Card(ctx, c, p)
	if err != nil {
		return intranet.Reply{}, err
	}
	return profileView(c, p, card, u.choices(c, p), done, u.today().String()), nil
}

// cleared reports whether a value asks to clear the field: `-`. Nothing
// at all clears nothing (a command sent too soon on a phone): it says
// what the field holds and how to change it.
func cleared(v string) bool { return strings.TrimSpace(v) == "-" }

// unchanged answers a set without a value: the field now, and how.
func unchanged(c *feature.Call, field intranet.Field, how string) intranet.Reply {
	value := field.Value
	if value == "" {
		value = c.T("(leeg)", "(empty)")
	}
	r := c.Reply(c.T("%s: %s. Er verandert niets.", "%s: %s. Nothing changes.", field.Label, value))
	r.Context = []string{c.T("Wijzig met `%s`; `-` maakt het leeg.", "Change it with `%s`; `-` clears it.", how)}
	return r
}

func (u *Unit) setMobile(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	v := strings.Join(strings.Fields(c.Cmd.Text("value")), " ")
	if v == "" {
		return unchanged(c, intranet.Field{Label: c.T("Je mobiele nummer", "Your mobile number"), Value: c.Person.Mobile}, c.T("/profiel zet mobiel 06-12345678", "/profile set mobile 06-12345678")), nil
	}
	if cleared(v) {
		v = ""
	} else if !ValidMobile(v) {
		return c.Reply(badMobile(c, v)), nil
	}
	if err := u.cfg.Profiles.UpdateProfile(ctx, c.Person.ID, intranet.ProfileUpdate{Mobile: &v}); err != nil {
		return intranet.Reply{}, err
	}
	return u.done(c, mobileSet(c, v), false), nil
}

// ValidMobile reports whether s is written as a phone number (digits with
// + - ( ) . / and spaces) whose international form (pb.PhoneKey, as the
// phonebook searches it) has 8 to 15 digits.
func ValidMobile(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || strings.ContainsRune("+-(). /", r)) {
			return false
		}
	}
	k := pb.PhoneKey(s)
	return len(k) >= 8 && len(k) <= 15
}

func (u *Unit) setSkills(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	var skills []string
	if strings.TrimSpace(c.Cmd.Text("value")) == "" {
		return unchanged(c, intranet.Field{Label: c.T("Je vaardigheden", "Your skills"), Value: strings.Join(c.Person.Skills, ", ")}, c.T("/profiel zet vaardigheden wondzorg, EHBO", "/profile set skills wound care, first aid")), nil
	}
	if v := c.Cmd.Text("value"); !cleared(v) {
		for _, s := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' }) {
			if s = strings.Join(strings.Fields(s), " "); s == "" || s == "-" {
				continue
			}
			if len([]rune(s)) > MaxText {
				return c.Reply(tooLong(c, s)), nil
			}
			skills = append(skills, s)
		}
	}
	if len(skills) > 20 {
		return c.Reply(c.T("Dat zijn %d vaardigheden; kies er hoogstens 20.", "That is %d skills; choose at most 20.", len(skills))), nil
	}
	if err := u.cfg.Profiles.UpdateProfile(ctx, c.Person.ID, intranet.ProfileUpdate{Skills: &skills}); err != nil {
		return intranet.Reply{}, err
	}
	return u.done(c, skillsSet(c, skills), false), nil
}

func (u *Unit) setLocation(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	v := strings.Join(strings.Fields(c.Cmd.Text("value")), " ")
	if v == "" {
		return unchanged(c, intranet.Field{Label: c.T("Je locatie", "Your location"), Value: c.Person.Location}, c.T("/profiel zet locatie Utrecht", "/profile set location Utrecht")), nil
	}
	if cleared(v) {
		v = ""
	} else if len([]rune(v)) > MaxText {
		return c.Reply(tooLong(c, v)), nil
	}
	if err := u.cfg.Profiles.UpdateProfile(ctx, c.Person.ID, intranet.ProfileUpdate{Location: &v}); err != nil {
		return intranet.Reply{}, err
	}
	return u.done(c, locationSet(c, v), false), nil
}

// away marks the caller away through the date typed (read ahead: "vr" is
// the coming Friday, a past day of this year next year's).
func (u *Unit) away(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	d, ok := c.Cmd.Date("date")
	if !ok {
		return c.Reply(c.Usage()), nil
	}
	today := u.today()
	if today.DaysUntil(d) > MaxAwayDays {
		return c.Reply(c.T("%s is meer dan een jaar vooruit; geef een dag binnen een jaar.", "%s is more than a year ahead; give a day within a year.", LongDate(c.Lang, d, today))), nil
	}
	note := strings.Join(strings.Fields(c.Cmd.Text("note")), " ")
	if len([]rune(note)) > MaxText {
		return c.Reply(tooLong(c, note)), nil
	}
	if err := u.cfg.Profiles.SetAway(ctx, c.Person.ID, d.String(), note); err != nil {
		return intranet.Reply{}, err
	}
	return u.done(c, awaySet(c, d, today, note), true), nil
}

func (u *Unit) back(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !c.Person.AwayOn(u.today().String()) {
		return u.done(c, c.T("Je stond niet als afwezig; er verandert niets.", "You were not marked away; nothing changes."), false), nil
	}
	if err := u.cfg.Profiles.SetAway(ctx, c.Person.ID, "", ""); err != nil {
		return intranet.Reply{}, err
	}
	return u.done(c, c.T("Welkom terug: je staat niet meer als afwezig.", "Welcome back: you are no longer marked away."), false), nil
}

// Privacy answers /werkplek privacy mobile [everyone|team|hidden|default]
// for the help unit: who sees the caller's mobile number. A guest in the
// phonebook may choose too: it concerns only their own number.
func (u *Unit) Privacy(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Person == nil {
		return c.Reply(help.NotForGuests(c)), nil
	}
	choice := c.Cmd.Text("visibility")
	if choice == "" {
		return c.Reply(mobileNow(c, c.Person.MobileVisibility, u.cfg.MobileDefault) + " " + privacyHow(c)), nil
	}
	var v intranet.FieldVisibility
	if choice != "default" {
		var ok bool
		if v, ok = intranet.ParseVisibility(choice); !ok {
			return c.Reply(c.Usage()), nil
		}
	}
	if err := u.cfg.Profiles.SetMobileVisibility(ctx, c.Person.ID, v); err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(c.T("Goed. ", "Done. ") + mobileNow(c, v, u.cfg.MobileDefault)), nil
}
