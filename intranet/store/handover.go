package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

var _ intranet.HandoverService = (*Store)(nil)

// handoverTime is how handover times are stored and compared: UTC to the
// second, so that SQLite's text timestamps compare in time order.
func handoverTime(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }

type handoverRow struct {
	ID             int64
	TeamID         int64
	RequesterID    int64
	TakerID        *int64
	StartsAt       time.Time
	EndsAt         time.Time
	What           string
	Skill          string
	State          string
	Lang           string
	CreatedAt      time.Time
	ChangedAt      time.Time
	Team           string
	Requester      string
	RequesterEmail string
	Taker          string
	TakerEmail     string
}

func (r handoverRow) handover() *intranet.Handover {
	h := &intranet.Handover{ID: r.ID, TeamID: r.TeamID, Team: r.Team, RequesterID: r.RequesterID, Requester: r.Requester, RequesterEmail: r.RequesterEmail,
		Taker: r.Taker, TakerEmail: r.TakerEmail, Start: r.StartsAt.UTC(), End: r.EndsAt.UTC(), What: r.What, Skill: r.Skill,
		State: intranet.HandoverState(r.State), Lang: r.Lang, Created: r.CreatedAt.UTC(), Changed: r.ChangedAt.UTC()}
	if r.TakerID != nil {
		h.TakerID = *r.TakerID
	}
	return h
}

const handoverSelect = `SELECT h.id, h.team_id, h.requester_id, h.taker_id, h.starts_at, h.ends_at, h.what, h.skill, h.state, h.lang, h.created_at, h.changed_at,
t.name AS team, r.name AS requester, r.email AS requester_email, COALESCE(k.name, '') AS taker, COALESCE(k.email, '') AS taker_email
FROM handovers h JOIN teams t ON t.id = h.team_id JOIN people r ON r.id = h.requester_id LEFT JOIN people k ON k.id = h.taker_id`

// CreateHandover stores an open request and records "created".
func (s *Store) CreateHandover(ctx context.Context, n intranet.NewHandover, now time.Time) (*intranet.Handover, error) {
	now = handoverTime(now)
	start, end := handoverTime(n.Start), handoverTime(n.End)
	n.What = strings.TrimSpace(n.What)
	switch {
	case n.What == "":
		return nil, intranet.Errorf(intranet.EINVALID, "A handover needs a description.")
	case !end.After(start):
		return nil, intranet.Errorf(intranet.EINVALID, "A shift must last longer than zero minutes.")
	case end.Sub(start) > intranet.MaxShift:
		return nil, intranet.Errorf(intranet.EINVALID, "A shift may last at most %s.", intranet.MaxShift)
	case !start.After(now):
		return nil, intranet.Errorf(intranet.EINVALID, "That shift has started already.")
	}
	if n.Lang == "" {
		n.Lang = "nl"
	}
	var id int64
	err := s.htx(ctx, func(ctx context.Context) error {
		db := s.hdb(ctx)
		var teams int64
		if err := db.Raw("SELECT COUNT(*) FROM teams WHERE id = ?", n.TeamID).Scan(&teams).Error; err != nil {
			return err
		} else if teams == 0 {
			return intranet.Errorf(intranet.ENOTFOUND, "No team %d.", n.TeamID)
		}
		if err := db.Raw(`INSERT INTO handovers (team_id, requester_id, starts_at, ends_at, what, skill, state, lang, created_at, changed_at)
VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id`, n.TeamID, n.RequesterID, start, end, n.What, n.Skill, n.Lang, now, now).Scan(&id).Error; err != nil {
			return err
		}
		return s.event(ctx, id, n.RequesterID, intranet.ActionCreated, intranet.HandoverOpen, now)
	})
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil, err
	} else if err != nil {
		return nil, fmt.Errorf("create handover: %w", translate(err))
	}
	return s.FindHandoverByID(ctx, id)
}

func (s *Store) event(ctx context.Context, id, actorID int64, action intranet.HandoverAction, state intranet.HandoverState, now time.Time) error {
	var actor *int64
	if actorID != 0 {
		actor = &actorID
	}
	return s.hdb(ctx).Exec("INSERT INTO handover_events (handover_id, at, actor_id, action, state) VALUES (?, ?, ?, ?, ?)", id, now, actor, string(action), string(state)).Error
}

// FindHandoverByID returns ENOTFOUND for an unknown id.
func (s *Store) FindHandoverByID(ctx context.Context, id int64) (*intranet.Handover, error) {
	var rows []handoverRow
	if err := s.hdb(ctx).Raw(handoverSelect+" WHERE h.id = ?", id).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("find handover %d: %w", id, translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No handover %d.", id)
	}
	return rows[0].handover(), nil
}

// Handovers returns requests by shift start.
func (s *Store) Handovers(ctx context.Context, f intranet.HandoverFilter) ([]*intranet.Handover, error) {
	var where []string
	var args []any
	if f.TeamIDs != nil {
		if len(f.TeamIDs) == 0 {
			return nil, nil
		}
		where, args = append(where, "h.team_id IN ?"), append(args, f.TeamIDs)
	}
	if len(f.States) > 0 {
		states := make([]string, len(f.States))
		for i, st := range f.States {
			states[i] = string(st)
		}
		where, args = append(where, "h.state IN ?"), append(args, states)
	}
	if f.RequesterID != nil && f.TakerID != nil {
		where, args = append(where, "(h.requester_id = ? OR h.taker_id = ?)"), append(args, *f.RequesterID, *f.TakerID)
	} else if f.RequesterID != nil {
		where, args = append(where, "h.requester_id = ?"), append(args, *f.RequesterID)
	} else if f.TakerID != nil {
		where, args = append(where, "h.taker_id = ?"), append(args, *f.TakerID)
	}
	if f.StartFrom != nil {
		where, args = append(where, "h.starts_at >= ?"), append(args, handoverTime(*f.StartFrom))
	}
	if f.StartTo != nil {
		where, args = append(where, "h.starts_at < ?"), append(args, handoverTime(*f.StartTo))
	}
	q := handoverSelect
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY h.starts_at, h.id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	var rows []handoverRow
	if err := s.hdb(ctx).Raw(q, args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list handovers: %w", translate(err))
	}
	out := make([]*intranet.Handover, len(rows))
	for i, r := range rows {
		out[i] = r.handover()
	}
	return out, nil
}

// errLost is a conditional update that changed nothing: someone else was first.
var errLost = errors.New("lost")

// change runs one conditional state change with its event, atomically: on
// PostgreSQL one statement (an UPDATE feeding the event's INSERT), on
// SQLite a write transaction. The UPDATE's WHERE names the states it may
// start from: on PostgreSQL a concurrent change waits for the row lock and
// then finds the condition false (READ COMMITTED re-checks the updated
// row); on SQLite the write transaction (BEGIN IMMEDIATE) runs changes one
// at a time. Either way
// exactly one of racing changes matches. When none matched it returns the
// request as it is with ECONFLICT.
func (s *Store) change(ctx context.Context, id, actorID int64, action intranet.HandoverAction, state intranet.HandoverState, now time.Time, set string, where string, args ...any) (*intranet.Handover, error) {
	update := "UPDATE handovers SET state = ?, changed_at = ?" + set + " WHERE " + where
	all := append([]any{string(state), now}, args...)
	var err error
	if s.engine == Postgres {
		// One statement, one round trip: the event is written only when
		// the update matched, and the request comes back as it now is.
		var actor *int64
		if actorID != 0 {
			actor = &actorID
		}
		var rows []handoverRow
		q := "WITH u AS (" + update + " RETURNING *), e AS (INSERT INTO handover_events (handover_id, at, actor_id, action, state) SELECT id, ?, ?, ?, ? FROM u) " +
			strings.Replace(handoverSelect, "FROM handovers h", "FROM u h", 1)
		err = s.hdb(ctx).Raw(q, append(all, now, actor, string(action), string(state))...).Scan(&rows).Error
		if err == nil && len(rows) == 1 {
			return rows[0].handover(), nil
		} else if err == nil {
			err = errLost
		}
	} else {
		err = s.htx(ctx, func(ctx context.Context) error {
			res := s.hdb(ctx).Exec(update, all...)
			if res.Error != nil {
				return res.Error
			} else if res.RowsAffected == 0 {
				return errLost
			}
			return s.event(ctx, id, actorID, action, state, now)
		})
	}
	if errors.Is(err, errLost) {
		h, err := s.FindHandoverByID(ctx, id)
		if err != nil {
			return nil, err
		}
		return h, intranet.Errorf(intranet.ECONFLICT, "Handover %d is %s.", id, h.State)
	} else if err != nil {
		return nil, fmt.Errorf("%s handover %d: %w", action, id, translate(err))
	}
	return s.FindHandoverByID(ctx, id)
}

// TakeHandover gives an open request to takerID.
func (s *Store) TakeHandover(ctx context.Context, id, takerID int64, approval bool, now time.Time) (*intranet.Handover, error) {
	now = handoverTime(now)
	state := intranet.HandoverTaken
	if approval {
		state = intranet.HandoverPending
	}
	h, err := s.change(ctx, id, takerID, intranet.ActionTaken, state, now, ", taker_id = ?",
		"id = ? AND state = 'open' AND starts_at > ? AND requester_id <> ?", takerID, id, now, takerID)
	if intranet.ErrorCode(err) == intranet.ECONFLICT && h.RequesterID == takerID {
		return h, intranet.Errorf(intranet.EINVALID, "You cannot take over your own request.")
	}
	return h, err
}

// DecideHandover approves or rejects a pending request.
func (s *Store) DecideHandover(ctx context.Context, id, leadID, takerID int64, approve bool, now time.Time) (*intranet.Handover, error) {
	now = handoverTime(now)
	where, args := "id = ? AND state = 'pending'", []any{id}
	if takerID != 0 {
		where, args = where+" AND taker_id = ?", append(args, takerID)
	}
	if approve {
		return s.change(ctx, id, leadID, intranet.ActionApproved, intranet.HandoverTaken, now, "", where, args...)
	}
	return s.change(ctx, id, leadID, intranet.ActionRejected, intranet.HandoverOpen, now, ", taker_id = NULL", where, args...)
}

// CancelHandover cancels a request of requesterID.
func (s *Store) CancelHandover(ctx context.Context, id, requesterID int64, now time.Time) (*intranet.Handover, error) {
	now = handoverTime(now)
	h, err := s.change(ctx, id, requesterID, intranet.ActionCancelled, intranet.HandoverCancelled, now, "",
		"id = ? AND requester_id = ? AND state IN ('open', 'pending', 'taken')", id, requesterID)
	if intranet.ErrorCode(err) == intranet.ECONFLICT && h.RequesterID != requesterID {
		return h, intranet.Errorf(intranet.EUNAUTHORIZED, "Only %s may cancel handover %d.", h.Requester, id)
	}
	return h, err
}

// ExpireHandover expires a request nobody took (or nobody approved) by its start.
func (s *Store) ExpireHandover(ctx context.Context, id int64, now time.Time) (*intranet.Handover, error) {
	now = handoverTime(now)
	return s.change(ctx, id, 0, intranet.ActionExpired, intranet.HandoverExpired, now, "",
		"id = ? AND state IN ('open', 'pending') AND starts_at <= ?", id, now)
}

// RecordHandoverEvent records an action that does not change the state.
func (s *Store) RecordHandoverEvent(ctx context.Context, id, actorID int64, action intranet.HandoverAction, now time.Time) error {
	h, err := s.FindHandoverByID(ctx, id)
	if err != nil {
		return err
	}
	if err := s.event(ctx, id, actorID, action, h.State, handoverTime(now)); err != nil {
		return fmt.Errorf("record handover %d %s: %w", id, action, translate(err))
	}
	return nil
}

// HandoverEvents returns the changes of requests whose shift starts in [from, to).
func (s *Store) HandoverEvents(ctx context.Context, from, to time.Time) ([]intranet.HandoverEvent, error) {
	var rows []struct {
		ID         int64
		HandoverID int64
		At         time.Time
		ActorID    *int64
		Actor      string
		ActorEmail string
		Action     string
		State      string
	}
	err := s.hdb(ctx).Raw(`SELECT e.id, e.handover_id, e.at, e.actor_id, COALESCE(p.name, '') AS actor, COALESCE(p.email, '') AS actor_email, e.action, e.state
FROM handover_events e JOIN handovers h ON h.id = e.handover_id LEFT JOIN people p ON p.id = e.actor_id
WHERE h.starts_at >= ? AND h.starts_at < ? ORDER BY h.starts_at, e.handover_id, e.id`, handoverTime(from), handoverTime(to)).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("handover events: %w", translate(err))
	}
	out := make([]intranet.HandoverEvent, len(rows))
	for i, r := range rows {
		out[i] = intranet.HandoverEvent{ID: r.ID, HandoverID: r.HandoverID, At: r.At.UTC(), Actor: r.Actor, ActorEmail: r.ActorEmail,
			Action: intranet.HandoverAction(r.Action), State: intranet.HandoverState(r.State)}
		if r.ActorID != nil {
			out[i].ActorID = *r.ActorID
		}
	}
	return out, nil
}

// AddHandoverPost remembers a posted card.
func (s *Store) AddHandoverPost(ctx context.Context, p intranet.HandoverPost) error {
	var outbox *int64
	if p.OutboxID != 0 {
		outbox = &p.OutboxID
	}
	err := s.hdb(ctx).Exec(`INSERT INTO handover_posts (handover_id, platform, channel_id, installation, message_id, outbox_id) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (handover_id, platform, channel_id) DO UPDATE SET message_id = excluded.message_id, installation = excluded.installation, outbox_id = excluded.outbox_id`,
		p.HandoverID, string(p.Ref.Platform), p.Ref.ChannelID, p.Ref.Installation, p.Ref.ID, outbox).Error
	if err != nil {
		return fmt.Errorf("add handover post: %w", translate(err))
	}
	return nil
}

// HandoverPosts returns the posted cards of a request.
func (s *Store) HandoverPosts(ctx context.Context, id int64) ([]intranet.HandoverPost, error) {
	var rows []struct {
		Platform     string
		ChannelID    string
		Installation string
		MessageID    string
		OutboxID     *int64
	}
	if err := s.hdb(ctx).Raw("SELECT platform, channel_id, installation, message_id, outbox_id FROM handover_posts WHERE handover_id = ? ORDER BY platform, channel_id", id).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("handover posts: %w", translate(err))
	}
	out := make([]intranet.HandoverPost, len(rows))
	for i, r := range rows {
		out[i] = intranet.HandoverPost{HandoverID: id, Ref: intranet.MessageRef{Platform: intranet.Platform(r.Platform), Installation: r.Installation, ChannelID: r.ChannelID, ID: r.MessageID}}
		if r.OutboxID != nil {
			out[i].OutboxID = *r.OutboxID
		}
	}
	return out, nil
}
