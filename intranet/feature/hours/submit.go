package hours

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

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
