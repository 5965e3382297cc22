package profile

import (
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// profileView is the caller's card as the phonebook shows it, with their
// choices under it; done, when set, says first what just changed.
func profileView(c *feature.Call, p *intranet.Person, card intranet.Reply, choices []intranet.Field, done, today string) intranet.Reply {
	reply := card
	reply.Lang = c.Lang
	reply.Title = c.T("Je profiel: %s", "Your profile: %s", p.Name)
	var text []string
	for _, s := range []string{done, card.Text} {
		if s != "" {
			text = append(text, s)
		}
	}
	reply.Text = strings.Join(text, "\n")
	reply.Sections = append(append([]intranet.Section(nil), card.Sections...), intranet.Section{Title: c.T("Je keuzes", "Your choices"), Fields: choices})
	if p.AwayOn(today) {
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: c.T("Ik ben terug", "I am back"), Command: "/profile back"})
	}
	reply.Context = []string{c.T("Wijzig met `/profile set mobile|skills|location <waarde>` (wat je zelf zet overschrijft een import niet), `/profile away until <dag> [<toelichting>]`, `/werkplek privacy mobile`, `/werkplek language`, `/werkplek quiet`.",
		"Change with `/profile set mobile|skills|location <value>` (what you set yourself an import does not overwrite), `/profile away until <day> [<note>]`, `/werkplek privacy mobile`, `/werkplek language`, `/werkplek quiet`.")}
	return reply
}

// choices are the caller's own settings.
func (u *Unit) choices(c *feature.Call, p *intranet.Person) []intranet.Field {
	today := u.today()
	away := c.T("nee", "no")
	if p.AwayOn(today.String()) {
		d, _ := time.Parse(time.DateOnly, p.AwayUntil)
		away = c.T("t/m %s", "through %s", LongDate(c.Lang, when.DateOf(d, time.UTC), today))
		if p.AwayNote != "" {
			away += " — " + p.AwayNote
		}
	}
	lang := c.T("Nederlands", "English")
	if p.Language == "" {
		lang += c.T(" (standaard)", " (default)")
	}
	quiet := p.QuietHours
	switch {
	case quiet == "off":
		quiet = c.T("geen", "none")
	case quiet == "" && (u.cfg.Quiet == "" || u.cfg.Quiet == "off"):
		quiet = c.T("geen (standaard)", "none (default)")
	case quiet == "":
		quiet = u.cfg.Quiet + c.T(" (standaard)", " (default)")
	}
	return []intranet.Field{
		{Label: c.T("Afwezig", "Away"), Value: away},
		{Label: c.T("Wie je mobiel ziet", "Who sees your mobile"), Value: visibilityText(c, p.MobileVisibility, u.cfg.MobileDefault)},
		{Label: c.T("Taal", "Language"), Value: lang},
		{Label: c.T("Rusturen", "Quiet hours"), Value: quiet},
	}
}

// visibilityText says who sees a mobile number: "iedereen (standaard)".
func visibilityText(c *feature.Call, own, def intranet.FieldVisibility) string {
	v, suffix := own, ""
	if v == "" {
		v, suffix = def, c.T(" (standaard)", " (default)")
	}
	switch v {
	case intranet.VisibleTeam:
		return c.T("je team(s) en je manager", "your team(s) and your manager") + suffix
	case intranet.VisibleHidden:
		return c.T("alleen jij", "only you") + suffix
	}
	return c.T("iedereen in het telefoonboek", "everyone in the phonebook") + suffix
}

// mobileNow says who sees the caller's mobile number now.
func mobileNow(c *feature.Call, own, def intranet.FieldVisibility) string {
	return c.T("Wie je mobiele nummer ziet: %s. Gasten nooit.", "Who sees your mobile number: %s. Guests never do.", visibilityText(c, own, def))
}

func privacyHow(c *feature.Call) string {
	return c.T("Kies met `/werkplek privacy mobile everyone`, `team` of `hidden` (`default`: de standaard).",
		"Choose with `/werkplek privacy mobile everyone`, `team` or `hidden` (`default`: the default).")
}

func badMobile(c *feature.Call, v string) string {
	return c.T("`%s` is geen mobiel nummer. Schrijf het zoals je het belt, bijvoorbeeld `/profile set mobile 06-12345678` of `+31 6 1234 5678`; `-` maakt het leeg.",
		"`%s` is not a mobile number. Write it as you dial it, e.g. `/profile set mobile 06-12345678` or `+31 6 1234 5678`; `-` clears it.", v)
}

func tooLong(c *feature.Call, v string) string {
	return c.T("`%s` is te lang: hoogstens %d tekens.", "`%s` is too long: at most %d characters.", v, MaxText)
}

func mobileSet(c *feature.Call, v string) string {
	if v == "" {
		return c.T("Je mobiele nummer is leeg gemaakt.", "Your mobile number is cleared.")
	}
	return c.T("Je mobiele nummer is nu %s.", "Your mobile number is now %s.", v)
}

func skillsSet(c *feature.Call, skills []string) string {
	if len(skills) == 0 {
		return c.T("Je vaardigheden zijn leeg gemaakt.", "Your skills are cleared.")
	}
	return c.T("Je vaardigheden zijn nu: %s.", "Your skills are now: %s.", strings.Join(skills, ", "))
}

func locationSet(c *feature.Call, v string) string {
	if v == "" {
		return c.T("Je locatie is leeg gemaakt.", "Your location is cleared.")
	}
	return c.T("Je locatie is nu %s.", "Your location is now %s.", v)
}

// awaySet says through which day the caller is away, with the weekday so
// there is no doubt: "Je staat afwezig t/m vr 24 december".
func awaySet(c *feature.Call, d, today when.Date, note string) string {
	text := c.T("Je staat afwezig t/m %s", "You are marked away through %s", LongDate(c.Lang, d, today))
	if note != "" {
		text += " (" + note + ")"
	}
	return text + c.T(". Tot en met die dag krijg je geen vragen, overdrachten of uren om goed te keuren; daarna vanzelf weer. Eerder terug: `/profile back`.",
		". Through that day you get no questions, handovers or hours to approve; from the day after, they come again. Back sooner: `/profile back`.")
}

var (
	weekdaysNL = [...]string{"zo", "ma", "di", "wo", "do", "vr", "za"}
	monthsNL   = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}
)

// LongDate writes a day with its weekday and month in full, the year only
// when it is not today's: "vr 24 december", "Fri 24 December 2027".
func LongDate(lang string, d, today when.Date) string {
	var s string
	if lang == "nl" {
		s = fmt.Sprintf("%s %d %s", weekdaysNL[d.Weekday()], d.Day, monthsNL[d.Month-1])
	} else {
		s = fmt.Sprintf("%s %d %s", d.Weekday().String()[:3], d.Day, d.Month)
	}
	if d.Year != today.Year {
		s += fmt.Sprintf(" %d", d.Year)
	}
	return s
}
