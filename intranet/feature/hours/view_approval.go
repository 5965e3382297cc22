package hours

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// The views of submitting, approving, rejecting and reopening a week: the
// approver's card, the messages to the person and the replies, in Dutch
// and English.

// maxCardLines is how many entries (and how many trips) a card lists.
const maxCardLines = 20

// totalsText is a sheet's totals on one line: "38,5 uur · 46 km · € 10,58".
func totalsText(lang string, s *intranet.Timesheet, rate float64) string {
	parts := []string{hoursText(lang, s.Minutes())}
	if len(s.Trips) > 0 {
		parts = append(parts, kmText(lang, s.Km()), euroText(lang, s.Allowance(rate)))
	}
	return strings.Join(parts, " · ")
}

// entryLines lists a sheet's entries, one line each.
func (u *Unit) entryLines(lang string, s *intranet.Timesheet) []string {
	var out []string
	for i, e := range s.Entries {
		if i == maxCardLines {
			out = append(out, feature.T(lang, "… en nog %d", "… and %d more", len(s.Entries)-i))
			break
		}
		line := "- " + dayText(lang, e.Date) + " " + u.workedText(lang, e)
		if e.Project != "" {
			line += " · " + intranet.Plain(e.Project)
		}
		out = append(out, line)
	}
	return out
}

// tripLines lists a sheet's trips, one line each.
func (u *Unit) tripLines(lang string, s *intranet.Timesheet) []string {
	var out []string
	for i, t := range s.Trips {
		if i == maxCardLines {
			out = append(out, feature.T(lang, "… en nog %d", "… and %d more", len(s.Trips)-i))
			break
		}
		line := fmt.Sprintf("- %s %s %s", dayText(lang, t.Date), kmText(lang, t.Km), wayText(lang, t))
		if t.Purpose != "" {
			line += " · " + intranet.Plain(t.Purpose)
		}
		out = append(out, line)
	}
	return out
}

// approveCommand and rejectCommand are the card's buttons, typed.
func approveCommand(email string, w intranet.Week) string {
	return fmt.Sprintf("/hours approve %s %s", email, w)
}
func rejectCommand(email string, w intranet.Week) string {
	return fmt.Sprintf("/hours reject %s %s", email, w)
}

// decisionButtons are Approve and Reject of a person's week.
func decisionButtons(lang, email string, w intranet.Week) []intranet.Button {
	return []intranet.Button{
		{Label: feature.T(lang, "Goedkeuren", "Approve"), Style: intranet.StylePrimary, Command: approveCommand(email, w)},
		{Label: feature.T(lang, "Afwijzen", "Reject"), Style: intranet.StyleDanger, Command: rejectCommand(email, w)},
	}
}

// approvalCard is the submitted week as its approvers get it.
func (u *Unit) approvalCard(lang string, s *intranet.Timesheet) intranet.Reply {
	r := intranet.Reply{
		Title:   feature.T(lang, "Uren ter goedkeuring: %s", "Hours to approve: %s", s.Person),
		Text:    feature.T(lang, "%s diende %s in: %s.", "%s submitted %s: %s.", s.Person, weekText(lang, s.Week), totalsText(lang, s, u.cfg.Rate)),
		Buttons: decisionButtons(lang, s.Email, s.Week),
	}
	if lines := u.entryLines(lang, s); len(lines) > 0 {
		r.Sections = append(r.Sections, intranet.Section{Title: feature.T(lang, "Uren", "Hours"), Text: strings.Join(lines, "\n")})
	}
	if lines := u.tripLines(lang, s); len(lines) > 0 {
		r.Sections = append(r.Sections, intranet.Section{Title: feature.T(lang, "Ritten", "Trips"), Text: strings.Join(lines, "\n")})
	}
	r.Context = []string{feature.T(lang, "Afwijzen vraagt om een reden, die %s te zien krijgt.", "Reject asks for a reason, which %s is told.", s.Person)}
	return r
}

// sheetCard is an approver's card of a week as it reads now: to approve
// while it is submitted, else who decided (or that it was reopened).
func (u *Unit) sheetCard(lang string, s *intranet.Timesheet) intranet.Reply {
	if s.State == intranet.WeekSubmitted {
		return u.approvalCard(lang, s)
	}
	week := capital(weekText(lang, s.Week)) // a sentence starts with it
	r := intranet.Reply{Title: feature.T(lang, "Uren van %s", "Hours of %s", s.Person)}
	switch s.State {
	case intranet.WeekApproved:
		r.Text = feature.T(lang, "✅ %s is goedgekeurd door %s (%s): %s.", "✅ %s was approved by %s (%s): %s.", week, s.DecidedBy, u.momentText(lang, s.DecidedAt), totalsText(lang, s, u.cfg.Rate))
	case intranet.WeekRejected:
		r.Text = feature.T(lang, "❌ %s is afgewezen door %s (%s): %s", "❌ %s was rejected by %s (%s): %s", week, s.DecidedBy, u.momentText(lang, s.DecidedAt), intranet.Plain(s.Reason))
	default:
		r.Text = feature.T(lang, "%s is heropend en wacht tot %s hem opnieuw indient.", "%s was reopened and waits for %s to submit it again.", week, s.Person)
	}
	return r
}

// names writes people's names: "Anouk" / "Anouk en Pieter" / "A, B en C".
func names(lang string, people []*intranet.Person) string {
	var n []string
	for _, p := range people {
		n = append(n, p.Name)
	}
	if len(n) <= 1 {
		return strings.Join(n, "")
	}
	return strings.Join(n[:len(n)-1], ", ") + feature.T(lang, " en ", " and ") + n[len(n)-1]
}

// submittedReply tells the person where their week went.
func (u *Unit) submittedReply(c *feature.Call, s *intranet.Timesheet, approvers []*intranet.Person, lastWeek bool) intranet.Reply {
	r := c.Reply(c.T("Je %s is ingediend bij %s: %s. Je hoort het als er over beslist is.", "Your %s went to %s for approval: %s. You will hear when it is decided.",
		weekText(c.Lang, s.Week), names(c.Lang, approvers), totalsText(c.Lang, s, u.cfg.Rate)))
	if lastWeek {
		cur := s.Week.Next()
		r.Context = append(r.Context, c.T("Op maandagochtend is dat vorige week. Deze week dien je later in met `/uren indienen %s`.",
			"On Monday morning that is last week. Submit this week later with `/hours submit %s`.", cur))
	}
	return r
}

// approverUnreachable tells the person that an approver is on no platform.
func approverUnreachable(lang string, s *intranet.Timesheet, ap *intranet.Person) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "%s is via geen enkel chatplatform te bereiken en zag je %s niet. Laat het %s zelf weten (%s).",
		"%s is on no chat platform and did not get your %s. Tell them yourself (%s).", ap.Name, weekText(lang, s.Week), ap.Name, ap.Email)}
}

func nobodyApproves(c *feature.Call) string {
	return c.T("Ik weet niet wie jouw uren goedkeurt: je afdeling heeft geen teamleider, je hebt geen manager en Werkplek heeft nog geen beheerder. Vraag wie Werkplek installeerde om een teamleider, manager of beheerder in te stellen.",
		"I do not know who approves your hours: your department has no team lead, you have no manager and Werkplek has no admin yet. Ask whoever installed Werkplek to set up a team lead, a manager or an admin.")
}

// alreadySubmitted answers a second submit: the week waits or is
// approved, and whom to ask for a change.
func alreadySubmitted(c *feature.Call, w intranet.Week, state intranet.WeekState, approvers []*intranet.Person) string {
	ask := names(c.Lang, approvers)
	if state == intranet.WeekApproved {
		return c.T("Je %s is al goedgekeurd. Moet er iets anders? Vraag %s hem te heropenen.", "Your %s is approved already. Need a change? Ask %s to reopen it.", weekText(c.Lang, w), ask)
	}
	return c.T("Je %s is al ingediend en wacht op goedkeuring. Moet er iets anders? Vraag %s hem af te wijzen, dan kun je hem verbeteren.",
		"Your %s is submitted already and waits for approval. Need a change? Ask %s to reject it, then you can correct it.", weekText(c.Lang, w), ask)
}

func nothingToSubmit(c *feature.Call, w intranet.Week) string {
	return c.T("In %s staan geen uren of ritten om in te dienen. Schrijf ze met `/uren <datum> <van>-<tot>` of `/km`.",
		"There are no hours or trips in %s to submit. Write them with `/hours <date> <from>-<to>` or `/km`.", weekText(c.Lang, w))
}

// whichWeek answers an approve without a week when not one week of the
// person's waits.
func whichWeek(c *feature.Call, p *intranet.Person, waiting []*intranet.Timesheet) string {
	if len(waiting) == 0 {
		return c.T("%s heeft geen week die op goedkeuring wacht. `/uren team` laat zien wie wat indiende.",
			"%s has no week waiting for approval. `/hours team` shows who submitted what.", p.Name)
	}
	var weeks []string
	for _, s := range waiting {
		weeks = append(weeks, fmt.Sprint(s.Week.Number))
	}
	list := strings.Join(weeks[:len(weeks)-1], ", ") + c.T(" en ", " and ") + weeks[len(weeks)-1]
	return c.T("Welke week? Van %s wachten week %s. Schrijf bijvoorbeeld `/uren goedkeuren %s %s`.",
		"Which week? Weeks %[2]s of %[1]s wait. Write e.g. `/hours approve %[3]s %[4]s`.", p.Name, list, p.Email, waiting[0].Week)
}

func notAWeek(c *feature.Call, typed string) string {
	return c.T("%q is geen week. Schrijf bijvoorbeeld `49`, `week 49`, `2026-W49` of een datum in die week.",
		"%q is not a week. Write for example `49`, `week 49`, `2026-W49` or a date in that week.", typed)
}

func notYourApproval(c *feature.Call, p *intranet.Person, approvers []*intranet.Person) string {
	if c.Person.ID == p.ID {
		return c.T("Je eigen uren keurt iemand anders goed.", "Someone else approves your own hours.")
	}
	if len(approvers) == 0 {
		return c.T("Alleen de goedkeurders van %s beslissen over diens uren.", "Only the approvers of %s decide on their hours.", p.Name)
	}
	return c.T("Alleen %s (en de beheerders) beslissen over de uren van %s.", "Only %s (and the admins) decide on the hours of %s.", names(c.Lang, approvers), p.Name)
}

// notSubmitted says where a week is that waits for no decision: decided
// already, and by whom, or not submitted.
func (u *Unit) notSubmitted(c *feature.Call, s *intranet.Timesheet) string {
	week := weekText(c.Lang, s.Week)
	at := u.momentText(c.Lang, s.DecidedAt)
	switch s.State {
	case intranet.WeekApproved:
		return c.T("De %s van %s is al goedgekeurd door %s (%s).", "%[2]s's %[1]s was already approved by %[3]s (%[4]s).", week, s.Person, s.DecidedBy, at)
	case intranet.WeekRejected:
		return c.T("De %s van %s is al afgewezen door %s (%s): %s", "%[2]s's %[1]s was already rejected by %[3]s (%[4]s): %[5]s", week, s.Person, s.DecidedBy, at, intranet.Plain(s.Reason))
	}
	return c.T("De %s van %s is niet ingediend; er is niets om over te beslissen.", "%[2]s's %[1]s is not submitted; there is nothing to decide.", week, s.Person)
}

// rejectForm asks the reason of a rejection; where there are no forms its
// text says how to type it.
func rejectForm(c *feature.Call, email string, w intranet.Week) intranet.Reply {
	typed := rejectCommand(email, w) + c.T(" <reden>", " <reason>")
	r := c.Reply(c.T("Waarom wijs je het af? Typ `/uren afwijzen %s %s <reden>`.", "Why do you reject it? Type `%[3]s`.", email, w, typed))
	r.Form = &intranet.Form{ID: rejectFormID + ":" + email + ":" + w.String(),
		Title: c.T("Week %d afwijzen", "Reject week %d", w.Number), SubmitLabel: c.T("Afwijzen", "Reject"),
		Fields: []intranet.FormField{{Name: "reason", Label: c.T("Reden (krijgt de medewerker te zien)", "Reason (the employee is told)"),
			Kind: intranet.FieldLongText, Required: true, MaxLength: intranet.MaxNote}},
		Command: typed}
	return r
}

// decidedReply tells the approver what they decided; on a card it
// replaces it.
func (u *Unit) decidedReply(c *feature.Call, s *intranet.Timesheet, p *intranet.Person) intranet.Reply {
	week := weekText(c.Lang, s.Week)
	if s.State == intranet.WeekApproved {
		return c.Reply(c.T("✅ Je keurde de %s van %s goed: %s. %s krijgt bericht.", "✅ You approved %[2]s's %[1]s: %[3]s. %[4]s is told.",
			week, p.Name, totalsText(c.Lang, s, u.cfg.Rate), p.Name))
	}
	return c.Reply(c.T("❌ Je wees de %s van %s af. %s krijgt bericht met je reden: %s", "❌ You rejected %[2]s's %[1]s. %[3]s is told, with your reason: %[4]s",
		week, p.Name, p.Name, intranet.Plain(s.Reason)))
}

// decidedDM tells the person of the decision on their week.
func (u *Unit) decidedDM(lang string, s *intranet.Timesheet, by *intranet.Person) intranet.Reply {
	week := weekText(lang, s.Week)
	view := intranet.Button{Label: feature.T(lang, "Bekijk de week", "View the week"), Command: fmt.Sprintf("/hours week %s", s.Week)}
	if s.State == intranet.WeekApproved {
		return intranet.Reply{Text: feature.T(lang, "✅ %s keurde je %s goed: %s.", "✅ %s approved your %s: %s.", by.Name, week, totalsText(lang, s, u.cfg.Rate))}
	}
	return intranet.Reply{
		Text: feature.T(lang, "❌ %s wees je %s af: %s\nVerbeter wat nodig is en dien opnieuw in met `/uren indienen %s`.",
			"❌ %s rejected your %s: %s\nCorrect what is needed and submit again with `/hours submit %s`.", by.Name, week, intranet.Plain(s.Reason), s.Week),
		Buttons: []intranet.Button{view},
	}
}

// reopenedDM tells the person their week is open again.
func reopenedDM(lang string, s *intranet.Timesheet, by *intranet.Person, reason string) intranet.Reply {
	return intranet.Reply{
		Text: feature.T(lang, "%s heeft je %s heropend: %s\nPas aan wat nodig is en dien opnieuw in met `/uren indienen %s`.",
			"%s reopened your %s: %s\nCorrect what is needed and submit again with `/hours submit %s`.", by.Name, weekText(lang, s.Week), intranet.Plain(reason), s.Week),
		Buttons: []intranet.Button{{Label: feature.T(lang, "Bekijk de week", "View the week"), Command: fmt.Sprintf("/hours week %s", s.Week)}},
	}
}

func reopenedReply(c *feature.Call, p *intranet.Person, w intranet.Week) intranet.Reply {
	return c.Reply(c.T("De %s van %s is weer open. %s krijgt bericht en moet hem opnieuw indienen.", "%[2]s's %[1]s is open again. %[3]s is told and must submit it again.",
		weekText(c.Lang, w), p.Name, p.Name))
}

func nothingToReopen(c *feature.Call, p *intranet.Person, w intranet.Week) string {
	return c.T("De %s van %s is al open (niet ingediend of afgewezen); er is niets te heropenen.", "%[2]s's %[1]s is open already (not submitted, or rejected); there is nothing to reopen.",
		weekText(c.Lang, w), p.Name)
}
