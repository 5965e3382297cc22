package hours

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

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
