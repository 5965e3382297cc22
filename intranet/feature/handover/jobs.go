package handover

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

func jobKey(id int64) string { return fmt.Sprintf("handover:%d", id) }

// jobHandover reads the request id of a job's key "handover:<id>".
func jobHandover(j intranet.Job) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(j.Key, "handover:"), 10, 64)
	if err != nil || !strings.HasPrefix(j.Key, "handover:") {
		return 0, intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	return id, nil
}

// schedule schedules a new request's expiry at its start and the leads'
// reminder before it (none when that moment has passed already).
func (u *Unit) schedule(ctx context.Context, h *intranet.Handover, now time.Time) error {
	if err := u.cfg.Jobs.Schedule(ctx, HandoverExpireJob, jobKey(h.ID), h.Start, nil); err != nil {
		return err
	}
	if due := h.Start.Add(-u.cfg.ReminderBefore); u.cfg.ReminderBefore > 0 && due.After(now) {
		return u.cfg.Jobs.Schedule(ctx, HandoverRemindJob, jobKey(h.ID), due, nil)
	}
	return nil
}

// expireJob expires a request still open (or waiting for approval) when
// its shift starts: the cards say so and the requester is told. A request
// that was taken or cancelled meanwhile is left alone. Safe to run twice.
func (u *Unit) expireJob(ctx context.Context, j intranet.Job) error {
	id, err := jobHandover(j)
	if err != nil {
		return err
	}
	now := j.At(u.cfg.Now())
	return feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		h, err := u.cfg.Handovers.ExpireHandover(ctx, id, now)
		switch intranet.ErrorCode(err) {
		case "":
		case intranet.ECONFLICT:
			if h.State != intranet.HandoverExpired {
				return nil
			}
			// Expired by an earlier run that did not finish: tell again
			// (the delivery keys keep it one message).
		case intranet.ENOTFOUND:
			return nil
		default:
			return err
		}
		if err := u.cards.Enqueue(ctx, h.ID); err != nil {
			return err
		}
		if err := u.message(ctx, h.RequesterID, fmt.Sprintf("handover-%d-expired", h.ID), true, nil, func(lang string) intranet.Reply {
			return expiredDM(h, lang, u.cfg.Location)
		}); err != nil {
			return err
		}
		err = u.message(ctx, h.TakerID, fmt.Sprintf("handover-%d-expired-taker", h.ID), true, nil, func(lang string) intranet.Reply {
			return expiredTakerDM(h, lang)
		})
		return err
	})
}

// remindJob tells the team's leads that a request is still open (or still
// waits for their approval).
func (u *Unit) remindJob(ctx context.Context, j intranet.Job) error {
	id, err := jobHandover(j)
	if err != nil {
		return err
	}
	h, err := u.cfg.Handovers.FindHandoverByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	now := u.cfg.Now()
	if h.State != intranet.HandoverOpen && h.State != intranet.HandoverPending || startedOrOver(h, now) {
		return nil
	}
	team, err := u.cfg.Teams.FindTeamByID(ctx, h.TeamID)
	if err != nil {
		return err
	}
	leads, err := u.presentLeads(ctx, team)
	if err != nil {
		return err
	}
	return feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		for _, lead := range leads {
			if err := u.message(ctx, lead.PersonID, fmt.Sprintf("handover-%d-remind-%d", h.ID, lead.PersonID), false, nil, func(lang string) intranet.Reply {
				return reminderDM(h, lang, u.cfg.Location, now)
			}); err != nil {
				return err
			}
		}
		return u.cfg.Handovers.RecordHandoverEvent(ctx, h.ID, 0, intranet.ActionReminded, now)
	})
}

// cardSource is the requests' posted cards, for feature.Cards.
type cardSource struct{ u *Unit }

var _ feature.CardSource = cardSource{}

// CardPosts returns a request's cards and its card now. Returns ENOTFOUND.
func (c cardSource) CardPosts(ctx context.Context, id int64) ([]feature.CardPost, intranet.Reply, error) {
	h, err := c.u.cfg.Handovers.FindHandoverByID(ctx, id)
	if err != nil {
		return nil, intranet.Reply{}, err
	}
	posts, err := c.u.cfg.Handovers.HandoverPosts(ctx, h.ID)
	if err != nil {
		return nil, intranet.Reply{}, err
	}
	cards := make([]feature.CardPost, len(posts))
	for i, p := range posts {
		cards[i] = feature.CardPost{Ref: p.Ref, OutboxID: p.OutboxID}
	}
	return cards, card(h, h.Lang, c.u.cfg.Location, c.u.cfg.Now()), nil
}

// CardPosted remembers where a card of the request went.
func (c cardSource) CardPosted(ctx context.Context, id int64, p feature.CardPost) error {
	return c.u.cfg.Handovers.AddHandoverPost(ctx, intranet.HandoverPost{HandoverID: id, Ref: p.Ref, OutboxID: p.OutboxID})
}
