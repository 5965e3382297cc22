package handover

import (
	"context"
	"encoding/json"
	"errors"
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

type cardsPayload struct {
	ID int64 `json:"id"`
}

// updateCards enqueues the job that brings every posted card of the
// request to its state now, in the transaction of the change.
func (u *Unit) updateCards(ctx context.Context, h *intranet.Handover) error {
	payload, err := json.Marshal(cardsPayload{ID: h.ID})
	if err != nil {
		return err
	}
	if _, err := u.cfg.Jobs.Enqueue(ctx, HandoverCardsJob, payload); err != nil {
		return fmt.Errorf("update the cards of handover %d: %w", h.ID, err)
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
	now := u.cfg.Now()
	if now.Before(j.Due) {
		now = j.Due
	}
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
		if err := u.updateCards(ctx, h); err != nil {
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
	return feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		for _, lead := range team.Leads() {
			if err := u.message(ctx, lead.PersonID, fmt.Sprintf("handover-%d-remind-%d", h.ID, lead.PersonID), false, nil, func(lang string) intranet.Reply {
				return reminderDM(h, lang, u.cfg.Location, now)
			}); err != nil {
				return err
			}
		}
		return u.cfg.Handovers.RecordHandoverEvent(ctx, h.ID, 0, intranet.ActionReminded, now)
	})
}

// cardsJob updates every posted card of a request to its state now. Where
// a card went is learnt from its outbox entry; a card the outbox has not
// delivered yet is waited for (the job runs again), so a card first posted
// with an old state is corrected too. Safe to repeat.
func (u *Unit) cardsJob(ctx context.Context, j intranet.Job) error {
	var p cardsPayload
	if err := json.Unmarshal(j.Payload, &p); err != nil {
		return intranet.FailJob(fmt.Errorf("handover cards payload: %w", err))
	}
	h, err := u.cfg.Handovers.FindHandoverByID(ctx, p.ID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	posts, err := u.cfg.Handovers.HandoverPosts(ctx, h.ID)
	if err != nil {
		return err
	}
	msg := card(h, h.Lang, u.cfg.Location, u.cfg.Now())
	var again error
	var failed []error
	for _, post := range posts {
		ref, wait, err := u.cardRef(ctx, h, post)
		switch {
		case err != nil:
			return err
		case wait != nil:
			again = wait
			continue
		case ref.ID == "":
			continue // never delivered: nothing to update
		}
		poster := u.cfg.Platforms.Poster(ref.Platform)
		if poster == nil {
			continue // the platform is off now
		}
		err = poster.Update(ctx, ref, msg)
		var de *intranet.DeliveryError
		switch {
		case err == nil:
		case errors.As(err, &de) && de.Temporary:
			again = intranet.RetryLater(de.RetryAfter, err)
		case intranet.ErrorCode(err) == intranet.ENOTFOUND:
			// The message is gone: its buttons are checked again when pressed.
		default:
			failed = append(failed, fmt.Errorf("update the card of handover %d in %s:%s: %w", h.ID, ref.Platform, ref.ChannelID, err))
		}
	}
	if again != nil {
		return again
	}
	if len(failed) > 0 {
		// The other cards are up to date; a card that cannot be updated
		// stays as it was (its buttons are checked when pressed) and the
		// job shows as failed, for an admin to see.
		return intranet.FailJob(errors.Join(failed...))
	}
	return nil
}

// cardRef returns where a card was posted. A card still in the outbox
// makes wait a request to run again; a card whose delivery failed has no
// ID.
func (u *Unit) cardRef(ctx context.Context, h *intranet.Handover, post intranet.HandoverPost) (ref intranet.MessageRef, wait, err error) {
	ref = post.Ref
	if ref.ID != "" || post.OutboxID == 0 {
		return ref, nil, nil
	}
	e, err := u.cfg.Outbox.OutboxEntry(ctx, post.OutboxID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return ref, nil, nil
	} else if err != nil {
		return ref, nil, err
	}
	switch e.State {
	case intranet.OutboxSent:
	case intranet.OutboxFailed:
		return ref, nil, nil
	default:
		return ref, intranet.RetryLater(5*time.Second, fmt.Errorf("card of handover %d in %s:%s not delivered yet", h.ID, ref.Platform, ref.ChannelID)), nil
	}
	ref.ID = e.Ref.ID
	if e.Ref.Platform != "" {
		ref.Platform = e.Ref.Platform
	}
	if e.Ref.ChannelID != "" {
		ref.ChannelID = e.Ref.ChannelID
	}
	if e.Ref.Installation != "" {
		ref.Installation = e.Ref.Installation
	}
	// Remember it, so the next update need not ask the outbox.
	if err := u.cfg.Handovers.AddHandoverPost(ctx, intranet.HandoverPost{HandoverID: h.ID, Ref: ref, OutboxID: post.OutboxID}); err != nil {
		return ref, nil, err
	}
	return ref, nil, nil
}
