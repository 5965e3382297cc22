package hours

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// A week goes from its person to its approvers and back: submitted, it
// arrives as a card in each approver's DM; the first approver to decide
// wins (the store's conditional update), the person is told, and an
// approval is published to the organisation's software in the same
// transaction. Every button is a typed command, authorised again when it
// is pressed.

var _ feature.FormUnit = (*Unit)(nil)

// rejectFormID starts the id of the form that asks an approver why they
// reject a week: "hours.reject:<email>:<week>".
const rejectFormID = "hours.reject"

// Approvers returns who approves p's weeks: the leads of the team of p's
// department; where it has none, or p leads it, p's manager; else the
// admins. Nobody approves their own week.
func (u *Unit) Approvers(ctx context.Context, p *intranet.Person) ([]*intranet.Person, error) {
	a, err := u.approval(ctx)
	if err != nil {
		return nil, err
	}
	return a.of(ctx, p)
}

// approval answers who approves whom for one request: the teams and the
// admins read once.
type approval struct {
	u          *Unit
	teams      []*intranet.Team
	admins     []*intranet.Person
	adminsRead bool
	people     map[int64]*intranet.Person
}

func (u *Unit) approval(ctx context.Context) (*approval, error) {
	if err := u.cfg.Teams.SyncDepartmentTeams(ctx); err != nil {
		return nil, err
	}
	teams, err := u.cfg.Teams.Teams(ctx)
	if err != nil {
		return nil, err
	}
	return &approval{u: u, teams: teams, people: map[int64]*intranet.Person{}}, nil
}

// departmentTeam returns the team of a department, nil when it has none.
func (a *approval) departmentTeam(dept string) *intranet.Team {
	if strings.TrimSpace(dept) == "" {
		return nil
	}
	for _, t := range a.teams {
		if t.Department != "" && strings.EqualFold(t.Department, dept) {
			return t
		}
	}
	return nil
}

// person finds someone by id once per request; nil when they are gone.
func (a *approval) person(ctx context.Context, id int64) (*intranet.Person, error) {
	if p, ok := a.people[id]; ok {
		return p, nil
	}
	p, err := a.u.cfg.People.FindPersonByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		p, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	a.people[id] = p
	return p, nil
}

// of returns p's approvers (see Unit.Approvers).
func (a *approval) of(ctx context.Context, p *intranet.Person) ([]*intranet.Person, error) {
	var out []*intranet.Person
	if t := a.departmentTeam(p.Department); t != nil && !t.IsLead(p.ID) {
		for _, l := range t.Leads() {
			lp, err := a.person(ctx, l.PersonID)
			if err != nil {
				return nil, err
			}
			if lp != nil && lp.ID != p.ID {
				out = append(out, lp)
			}
		}
		if len(out) > 0 {
			return out, nil
		}
	}
	if p.ManagerID != 0 && p.ManagerID != p.ID {
		m, err := a.person(ctx, p.ManagerID)
		if err != nil {
			return nil, err
		}
		if m != nil {
			return []*intranet.Person{m}, nil
		}
	}
	if !a.adminsRead {
		admins, err := a.u.cfg.Admins.FindPeopleWithRole(ctx, intranet.RoleAdmin)
		if err != nil {
			return nil, err
		}
		a.admins, a.adminsRead = admins, true
	}
	for _, ad := range a.admins {
		if ad.ID != p.ID {
			out = append(out, ad)
		}
	}
	return out, nil
}

// mayDecide reports whether caller approves, rejects and reopens p's
// weeks: p's approvers and the admins, never p.
func (a *approval) mayDecide(ctx context.Context, caller, p *intranet.Person) (bool, error) {
	if caller.ID == p.ID {
		return false, nil
	}
	if caller.Has(intranet.RoleAdmin) {
		return true, nil
	}
	approvers, err := a.of(ctx, p)
	if err != nil {
		return false, err
	}
	return containsPerson(approvers, caller.ID), nil
}

// refuseUnlessApprover says why the caller may not decide p's weeks (and
// who may), "" when they may: every decision is authorised again, also
// one pressed on a card.
func (u *Unit) refuseUnlessApprover(ctx context.Context, c *feature.Call, p *intranet.Person) (string, error) {
	a, err := u.approval(ctx)
	if err != nil {
		return "", err
	}
	if ok, err := a.mayDecide(ctx, c.Person, p); err != nil || ok {
		return "", err
	}
	approvers, err := a.of(ctx, p)
	if err != nil {
		return "", err
	}
	return notYourApproval(c, p, approvers), nil
}

func containsPerson(people []*intranet.Person, id int64) bool {
	for _, p := range people {
		if p.ID == id {
			return true
		}
	}
	return false
}

// approvees returns the people whose weeks caller approves: the people of
// the departments whose teams they lead, and of sheets those whose
// approver they are (the people they manage, or, for an admin, those
// without lead and manager). By name.
func (a *approval) approvees(ctx context.Context, caller *intranet.Person, sheets []*intranet.Timesheet) ([]*intranet.Person, error) {
	seen := map[int64]bool{caller.ID: true}
	var out []*intranet.Person
	consider := func(p *intranet.Person) error {
		if p == nil || seen[p.ID] {
			return nil
		}
		seen[p.ID] = true
		approvers, err := a.of(ctx, p)
		if err != nil {
			return err
		}
		if containsPerson(approvers, caller.ID) {
			out = append(out, p)
		}
		return nil
	}
	for _, t := range a.teams {
		if t.Department == "" || !t.IsLead(caller.ID) {
			continue
		}
		people, err := a.departmentPeople(ctx, t.Department)
		if err != nil {
			return nil, err
		}
		for _, p := range people {
			if err := consider(p); err != nil {
				return nil, err
			}
		}
	}
	for _, s := range sheets {
		p, err := a.person(ctx, s.PersonID)
		if err != nil {
			return nil, err
		}
		if err := consider(p); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// maxDepartment is the most people of one department /hours team reads.
const maxDepartment = 1000

// departmentPeople returns the people of a department.
func (a *approval) departmentPeople(ctx context.Context, dept string) ([]*intranet.Person, error) {
	res, err := a.u.cfg.People.SearchPeople(ctx, intranet.PersonSearch{Departments: []string{dept}, Limit: maxDepartment})
	if err != nil {
		return nil, err
	}
	out := make([]*intranet.Person, 0, len(res.Matches))
	for _, m := range res.Matches {
		out = append(out, m.Person)
	}
	return out, nil
}

// submit answers /hours submit [<week>]: the week goes to the caller's
// approvers, each of whom gets it as a card with Approve and Reject.
func (u *Unit) submit(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	w, typed, bad := u.typedWeek(c, "week")
	if bad != "" {
		return c.Reply(bad), nil
	}
	lastWeek := false
	if !typed {
		var err error
		if w, lastWeek, err = u.meantWeek(ctx, c.Person.ID); err != nil {
			return intranet.Reply{}, err
		}
	}
	a, err := u.approval(ctx)
	if err != nil {
		return intranet.Reply{}, err
	}
	approvers, err := a.of(ctx, c.Person)
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(approvers) == 0 {
		return c.Reply(nobodyApproves(c)), nil
	}
	me := c.Person
	var s *intranet.Timesheet
	var submitted error
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		s, submitted = u.cfg.Timesheets.SubmitWeek(ctx, me.ID, w, u.cfg.Rate, u.cfg.Now())
		if submitted != nil {
			return submitted
		}
		var keys []string
		for _, ap := range approvers {
			keys = append(keys, cardKey(s, ap.ID))
			dm := feature.DM{To: ap, Key: cardKey(s, ap.ID),
				Write: func(lang string) intranet.Reply { return u.approvalCard(lang, s) },
				Unreachable: []feature.Notice{{To: me, Key: cardKey(s, ap.ID) + ":unreachable",
					Write: func(lang string) intranet.Reply { return approverUnreachable(lang, s, ap) }}}}
			if err := u.notifier.Send(ctx, dm); err != nil {
				return err
			}
		}
		return u.keepCards(ctx, s, keys)
	})
	var locked *intranet.WeekLocked
	switch {
	case errors.As(submitted, &locked):
		return c.Reply(alreadySubmitted(c, w, locked.State, approvers)), nil
	case intranet.ErrorCode(submitted) == intranet.EINVALID:
		return c.Reply(nothingToSubmit(c, w)), nil
	case err != nil:
		return intranet.Reply{}, err
	}
	return u.submittedReply(c, s, approvers, lastWeek), nil
}

// meantWeek is the week /hours submit means without one: this week, but
// on Monday morning (before noon) last week when it still waits to be
// submitted, since that is the week people then finish.
func (u *Unit) meantWeek(ctx context.Context, personID int64) (w intranet.Week, lastWeek bool, err error) {
	now := u.cfg.Now().In(u.cfg.Location)
	w = weekOfDate(when.DateOf(now, u.cfg.Location))
	if now.Weekday() != time.Monday || now.Hour() >= 12 {
		return w, false, nil
	}
	prev, err := u.cfg.Timesheets.Timesheet(ctx, personID, w.Prev())
	if err != nil {
		return w, false, err
	}
	if !prev.State.Locked() && (len(prev.Entries) > 0 || len(prev.Trips) > 0) {
		return w.Prev(), true, nil
	}
	return w, false, nil
}

// weekOfDate is the ISO week of a date.
func weekOfDate(d when.Date) intranet.Week {
	w, _ := intranet.WeekOf(d.String())
	return w
}

// cardKey is the delivery key of a submission's card to one approver:
// each submission of a week is a card of its own.
func cardKey(s *intranet.Timesheet, approverID int64) string {
	return fmt.Sprintf("hours:%d:%s:submitted:%d:to:%d", s.PersonID, s.Week, s.SubmittedAt.Unix(), approverID)
}

// approve answers /hours approve <person> [<week>]; without a week it
// approves the one week of the person's that waits, if there is one.
func (u *Unit) approve(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	who, w, _, bad, err := u.personAndWeek(ctx, c, false)
	if bad != "" || err != nil {
		return c.Reply(bad), err
	}
	if w == (intranet.Week{}) {
		if refusal, err := u.refuseUnlessApprover(ctx, c, who); refusal != "" || err != nil {
			return c.Reply(refusal), err
		}
		waiting, err := u.cfg.Timesheets.Timesheets(ctx, intranet.TimesheetFilter{PersonIDs: []int64{who.ID}, States: []intranet.WeekState{intranet.WeekSubmitted}})
		if err != nil {
			return intranet.Reply{}, fmt.Errorf("weeks of %d waiting: %w", who.ID, err)
		}
		if len(waiting) != 1 {
			return c.Reply(whichWeek(c, who, waiting)), nil
		}
		w = waiting[0].Week
	}
	return u.decide(ctx, c, who, w, true, "")
}

// reject answers /hours reject <person> <week> <reason>; without a reason
// (the card's button) it asks for one in a form, or, where the platform
// has no forms, says how to type it.
func (u *Unit) reject(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	who, w, reason, bad, err := u.personAndWeek(ctx, c, true)
	if bad != "" || err != nil {
		return c.Reply(bad), err
	}
	return u.decide(ctx, c, who, w, false, reason)
}

// FormIDs returns the prefix of the reject form's ids.
func (u *Unit) FormIDs() []string { return []string{rejectFormID} }

// HandleForm rejects a week with the reason given in the reject form.
func (u *Unit) HandleForm(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Person == nil || c.Guest {
		return c.Reply(c.T("Dit formulier is niet voor jou.", "This form is not for you.")), nil
	}
	parts := strings.Split(c.Req.Form.FormID, ":")
	w, err := intranet.ParseWeek(parts[len(parts)-1])
	if len(parts) != 3 || parts[0] != rejectFormID || err != nil {
		return c.Reply(c.T("Dit formulier ken ik niet.", "I do not know this form.")), nil
	}
	reason := strings.TrimSpace(c.Req.Form.Values["reason"])
	if reason == "" || len([]rune(reason)) > intranet.MaxNote {
		msg := c.T("Schrijf waarom (hoogstens %d tekens).", "Say why (at most %d characters).", intranet.MaxNote)
		r := rejectForm(c, parts[1], w)
		r.Text, r.FieldErrors = msg, map[string]string{"reason": msg}
		return r, nil
	}
	p, bad, err := feature.FindPerson(ctx, u.cfg.People, u.cfg.Accounts, c, parts[1])
	if bad != "" || err != nil {
		return c.Reply(bad), err
	}
	return u.decide(ctx, c, p, w, false, reason)
}

// decide approves or rejects p's week w for the caller. Of approvers
// deciding at once one wins; the others are told who did.
func (u *Unit) decide(ctx context.Context, c *feature.Call, p *intranet.Person, w intranet.Week, approve bool, reason string) (intranet.Reply, error) {
	replace := func(r intranet.Reply) (intranet.Reply, error) {
		r.ReplaceOriginal = c.ReplacesOriginal()
		return r, nil
	}
	if refusal, err := u.refuseUnlessApprover(ctx, c, p); refusal != "" || err != nil {
		return c.Reply(refusal), err
	}
	s, err := u.cfg.Timesheets.Timesheet(ctx, p.ID, w)
	if err != nil {
		return intranet.Reply{}, err
	}
	if s.State != intranet.WeekSubmitted {
		return replace(c.Reply(u.notSubmitted(c, s)))
	}
	if !approve && reason == "" {
		return rejectForm(c, p.Email, w), nil
	}
	if len([]rune(reason)) > intranet.MaxNote {
		return c.Reply(c.T("De reden is te lang: hoogstens %d tekens.", "The reason is too long: at most %d characters.", intranet.MaxNote)), nil
	}
	me := c.Person
	var decided error
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		s, decided = u.cfg.Timesheets.DecideWeek(ctx, p.ID, w, approve, me.ID, reason, u.cfg.Now())
		if decided != nil {
			return decided
		}
		if err := u.refreshCards(ctx, p.ID, w); err != nil {
			return err
		}
		if err := u.notifier.Send(ctx, feature.DM{To: p, Key: fmt.Sprintf("hours:%d:%s:decided:%d", p.ID, w, s.DecidedAt.Unix()),
			Write: func(lang string) intranet.Reply { return u.decidedDM(lang, s, me) }}); err != nil {
			return err
		}
		if !approve {
			return nil
		}
		return u.publish(ctx, intranet.EventTimesheetApproved, fmt.Sprintf("%s:%d:%s:%d", intranet.EventTimesheetApproved, p.ID, w, s.DecidedAt.Unix()), p, s, me, "")
	})
	if intranet.ErrorCode(decided) == intranet.ECONFLICT {
		now, err := u.cfg.Timesheets.Timesheet(ctx, p.ID, w)
		if err != nil {
			return intranet.Reply{}, err
		}
		return replace(c.Reply(u.notSubmitted(c, now)))
	} else if err != nil {
		return intranet.Reply{}, err
	}
	return replace(u.decidedReply(c, s, p))
}

// reopen answers /hours reopen <person> <week> <reason>: an approver opens
// a submitted or approved week again for a correction.
func (u *Unit) reopen(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	p, w, reason, bad, err := u.personAndWeek(ctx, c, true)
	if bad != "" || err != nil {
		return c.Reply(bad), err
	}
	if reason == "" {
		return c.Reply(c.T("Waarom? ", "Why? ") + c.Usage()), nil
	}
	if len([]rune(reason)) > intranet.MaxNote {
		return c.Reply(c.T("De reden is te lang: hoogstens %d tekens.", "The reason is too long: at most %d characters.", intranet.MaxNote)), nil
	}
	if refusal, err := u.refuseUnlessApprover(ctx, c, p); refusal != "" || err != nil {
		return c.Reply(refusal), err
	}
	me := c.Person
	now := u.cfg.Now()
	var s *intranet.Timesheet
	var reopened error
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		s, reopened = u.cfg.Timesheets.ReopenWeek(ctx, p.ID, w, me.ID, reason, now)
		if reopened != nil {
			return reopened
		}
		if err := u.refreshCards(ctx, p.ID, w); err != nil {
			return err
		}
		if err := u.notifier.Send(ctx, feature.DM{To: p, Key: fmt.Sprintf("hours:%d:%s:reopened:%d", p.ID, w, now.Unix()),
			Write: func(lang string) intranet.Reply { return reopenedDM(lang, s, me, reason) }}); err != nil {
			return err
		}
		return u.publish(ctx, intranet.EventTimesheetReopened, fmt.Sprintf("%s:%d:%s:%d", intranet.EventTimesheetReopened, p.ID, w, now.Unix()), p, s, me, reason)
	})
	if intranet.ErrorCode(reopened) == intranet.ECONFLICT {
		return c.Reply(nothingToReopen(c, p, w)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	return reopenedReply(c, p, w), nil
}

// eventData is an event's data: the week's totals as the API shows them
// (names as the API and the CSV give them, times in WERKPLEK_TIMEZONE as
// when.Stamp writes them), and who did what.
type eventData struct {
	Email          string  `json:"email"`
	Name           string  `json:"name"`
	EmployeeNumber string  `json:"employee_number"`
	Week           string  `json:"week"`
	State          string  `json:"state"`
	Hours          float64 `json:"hours"`
	Km             float64 `json:"km"`
	Allowance      float64 `json:"allowance"`
	// ApprovedBy (a name), ApprovedByEmail and ApprovedAt are set on
	// timesheet.approved.
	ApprovedBy      string `json:"approved_by,omitempty"`
	ApprovedByEmail string `json:"approved_by_email,omitempty"`
	ApprovedAt      string `json:"approved_at,omitempty"`
	// ReopenedBy, ReopenedByEmail and Reason are set on timesheet.reopened.
	ReopenedBy      string `json:"reopened_by,omitempty"`
	ReopenedByEmail string `json:"reopened_by_email,omitempty"`
	Reason          string `json:"reason,omitempty"`
}

// publish tells the organisation's software of an approved or reopened
// week, in the transaction of ctx.
func (u *Unit) publish(ctx context.Context, kind, id string, p *intranet.Person, s *intranet.Timesheet, by *intranet.Person, reason string) error {
	d := eventData{Email: p.Email, Name: p.Name, EmployeeNumber: p.EmployeeNumber, Week: s.Week.String(), State: string(s.State),
		Hours: math.Round(float64(s.Minutes())/60*100) / 100, Km: s.Km(), Allowance: s.Allowance(u.cfg.Rate)}
	if kind == intranet.EventTimesheetApproved {
		d.ApprovedBy, d.ApprovedByEmail = by.Name, by.Email
		if !s.DecidedAt.IsZero() {
			d.ApprovedAt = when.Stamp(s.DecidedAt, u.cfg.Location)
		}
	} else {
		d.ReopenedBy, d.ReopenedByEmail, d.Reason = by.Name, by.Email, reason
	}
	data, err := json.Marshal(d)
	if err != nil {
		return err
	}
	if err := u.cfg.Events.Publish(ctx, intranet.Event{ID: id, Type: kind, Time: u.cfg.Now().UTC(), Data: data}); err != nil {
		return fmt.Errorf("publish %s: %w", id, err)
	}
	return nil
}

// personAndWeek reads /hours approve|reject|reopen's person, week and
// reason. The person is found by email, mention or name. A name of several
// words may have been read short, and "week 49" as "week" and a reason
// starting with 49: the words are split again where a week stands.
func (u *Unit) personAndWeek(ctx context.Context, c *feature.Call, withReason bool) (p *intranet.Person, w intranet.Week, reason, bad string, err error) {
	who := strings.TrimSpace(c.Cmd.Text("person"))
	weekText := strings.TrimSpace(typedText(c, "week"))
	reason = strings.TrimSpace(c.Cmd.Text("reason"))
	today := u.cfg.Today()
	w, ok := parseWeekText(weekText, today)
	if !ok || withReason && isWeekWord(weekText) {
		// Split the words again: the person, one or two words of week,
		// then the reason.
		words := strings.Fields(strings.Join([]string{who, weekText, reason}, " "))
		found := false
		for k := 1; k < len(words) && !found; k++ {
			for n := 2; n >= 1 && !found; n-- {
				if k+n > len(words) {
					continue
				}
				if x, ok := parseWeekText(strings.Join(words[k:k+n], " "), today); ok {
					who, w, found = strings.Join(words[:k], " "), x, true
					reason = strings.Join(words[k+n:], " ")
				}
			}
		}
		if !found {
			if withReason {
				if weekText == "" {
					return nil, w, "", c.T("Welke week? ", "Which week? ") + c.Usage(), nil
				}
				return nil, w, "", notAWeek(c, weekText), nil
			}
			// No week: all the words name the person, else the week
			// is what is wrong.
			all := strings.Join(words, " ")
			p, bad, err = feature.FindPerson(ctx, u.cfg.People, u.cfg.Accounts, c, all)
			if bad != "" && weekText != "" {
				return nil, w, "", notAWeek(c, weekText), nil
			}
			return p, intranet.Week{}, "", bad, err
		}
	}
	p, bad, err = feature.FindPerson(ctx, u.cfg.People, u.cfg.Accounts, c, who)
	if bad != "" || err != nil {
		return nil, w, "", bad, err
	}
	if !withReason {
		reason = ""
	}
	return p, w, reason, "", nil
}

// typedText is an argument as it was typed ("" when not given), whatever
// kind the grammar reads it as.
func typedText(c *feature.Call, name string) string {
	v, ok := c.Cmd.Value(name)
	if !ok {
		return ""
	}
	if v.Typed != "" {
		return v.Typed
	}
	return v.Text
}

// typedWeek reads an optional week argument; typed is false when none was
// given, bad says what is wrong with one that is no week.
func (u *Unit) typedWeek(c *feature.Call, name string) (w intranet.Week, typed bool, bad string) {
	if w, ok := c.Cmd.Week(name); ok {
		return sheetWeek(w), true, ""
	}
	text := strings.TrimSpace(typedText(c, name))
	if text == "" {
		return w, false, ""
	}
	w, ok := parseWeekText(text, u.cfg.Today())
	if !ok {
		return w, true, notAWeek(c, text)
	}
	return w, true, ""
}

// isWeekWord reports whether s is the word "week" alone (its number
// follows).
func isWeekWord(s string) bool {
	switch strings.ToLower(s) {
	case "week", "wk", "w":
		return true
	}
	return false
}

// parseWeekText reads a week as people type it, as the grammar's Week kind
// does (when.ReadWeek): 2026-W49, week 49, wk49, 49 (the most recent week
// 49, this one included), vorige week, or any date in it.
func parseWeekText(s string, today when.Date) (intranet.Week, bool) {
	words := strings.Fields(s)
	r, ok, err := when.ReadWeek(words, today, when.Back)
	if !ok || err != nil || r.Words != len(words) {
		return intranet.Week{}, false
	}
	return sheetWeek(r.Week), true
}
