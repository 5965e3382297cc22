package board

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/werkplek/werkplek/intranet"
)

// BoardRemindJob asks an ad's poster, RemindBefore its expiry, whether to
// extend it (key "board:<id>:remind"; an extension moves it).
const BoardRemindJob = "board.remind"

func remindKey(id int64) string { return fmt.Sprintf("board:%d:remind", id) }

// scheduleReminder (re)schedules an ad's reminder for its expiry; an ad
// that expires sooner than that is not reminded of.
func (u *Unit) scheduleReminder(ctx context.Context, a *intranet.Ad) error {
	due := a.Expires.Add(-RemindBefore)
	if !due.After(u.cfg.Now()) {
		return u.cfg.Jobs.Cancel(ctx, BoardRemindJob, remindKey(a.ID))
	}
	return u.cfg.Jobs.Schedule(ctx, BoardRemindJob, remindKey(a.ID), due, nil)
}

// remindJob DMs the poster of an ad that expires in RemindBefore, with a
// button to extend it. A reminder of an expiry since moved, or of an ad
// removed, sends nothing; the DM's key holds the expiry, so each expiry is
// reminded of once.
func (u *Unit) remindJob(ctx context.Context, j intranet.Job) error {
	parts := strings.Split(j.Key, ":")
	if len(parts) != 3 || parts[0] != "board" {
		return intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	id, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	a, err := u.cfg.Board.FindAdByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	now := u.cfg.Now()
	if !a.Visible(now) || a.Expires.Add(-RemindBefore).After(now) {
		return nil
	}
	poster, err := u.cfg.People.FindPersonByID(ctx, a.PosterID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	return u.notifier.Send(ctx, intranetDM(poster, reminderKey(a.ID, a.Expires.Unix()), u.cfg.Guests, func(lang string) intranet.Reply {
		return u.reminderMessage(lang, a)
	}))
}
