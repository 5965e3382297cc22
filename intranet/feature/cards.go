package feature

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// CardsJob is the one job kind that brings the posted cards of a thing (a
// handover request, a question) up to date after it changed; payload
// {"source": "handover", "id": 12}.
const CardsJob = "cards.refresh"

// CardWait is how long a refresh waits for the outbox to deliver a card.
const CardWait = 5 * time.Second

// CardPost is one posted card: where it went, and the outbox entry it went
// through (0 for none). Its Ref.ID is empty until the message is known.
type CardPost struct {
	Ref      intranet.MessageRef
	OutboxID int64
}

// CardSource is a unit's posted cards, as the refresh reads them.
type CardSource interface {
	// CardPosts returns the posted cards of the thing id and its card as
	// it reads now. Returns ENOTFOUND when the thing is gone.
	CardPosts(ctx context.Context, id int64) ([]CardPost, intranet.Reply, error)
	// CardPosted remembers a card's message once the outbox delivered it,
	// so that later refreshes (and replies in its thread) find it.
	CardPosted(ctx context.Context, id int64, p CardPost) error
}

// Cards is every unit's posted cards and the one job that refreshes them:
// bot builds one and hands it to every unit in Env, so that CardsJob is
// registered once however many units post cards.
type Cards struct {
	mu      sync.RWMutex
	sources map[string]cardSource
}

// cardSource is a source with the outbox its cards went through and the
// platforms that update them.
type cardSource struct {
	src       CardSource
	outbox    intranet.Outbox
	platforms intranet.PosterSet
	gone      intranet.Installations // nil: none is gone
}

// NewCards returns an empty Cards with CardsJob registered on jobs.
func NewCards(jobs intranet.JobRegistry) (*Cards, error) {
	c := &Cards{sources: map[string]cardSource{}}
	if err := jobs.HandleJobs(CardsJob, c.job); err != nil {
		return nil, fmt.Errorf("cards: %w", err)
	}
	return c, nil
}

// CardRefresh is a unit's way to have its cards refreshed (Env.HandleCards).
type CardRefresh struct {
	cards  *Cards
	jobs   intranet.Scheduler
	source string
}

// HandleCards registers the unit's posted cards under source (its name:
// "handover", "question"). The refresh reads the cards' outbox entries in
// e.Outbox, the outbox they went through, and updates them through
// e.Platforms; a unit calls it in New, after e.Ready(unit, NeedCards).
// Returns EINVALID for an empty name or nil src, ECONFLICT for a name taken.
func (e Env) HandleCards(source string, src CardSource) (CardRefresh, error) {
	if e.Cards == nil {
		return CardRefresh{}, fmt.Errorf("cards of %s: Config.Cards is required", source)
	}
	if source == "" || src == nil {
		return CardRefresh{}, intranet.Errorf(intranet.EINVALID, "a card source needs a name and its cards")
	}
	c := e.Cards
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.sources[source]; ok {
		return CardRefresh{}, intranet.Errorf(intranet.ECONFLICT, "card source %s is registered already", source)
	}
	c.sources[source] = cardSource{src: src, outbox: e.Outbox, platforms: e.Platforms, gone: e.Installations}
	return CardRefresh{cards: c, jobs: e.Jobs, source: source}, nil
}

type cardsPayload struct {
	Source string `json:"source"`
	ID     int64  `json:"id"`
}

// Enqueue has the cards of id refreshed by CardsJob, in the transaction
// of ctx: the change and its cards' refresh are written together.
func (r CardRefresh) Enqueue(ctx context.Context, id int64) error {
	payload, err := json.Marshal(cardsPayload{Source: r.source, ID: id})
	if err != nil {
		return err
	}
	if _, err := r.jobs.Enqueue(ctx, CardsJob, payload); err != nil {
		return fmt.Errorf("refresh the cards of %s %d: %w", r.source, id, err)
	}
	return nil
}

// FormerJob is the handler of a unit's own cards job kind from before
// CardsJob (payload {"id": n}): such jobs may still be queued, or failed
// and retried by an admin, in a database that was upgraded.
func (r CardRefresh) FormerJob(ctx context.Context, j intranet.Job) error {
	var p cardsPayload
	if err := json.Unmarshal(j.Payload, &p); err != nil || p.ID == 0 {
		return intranet.FailJob(fmt.Errorf("%s payload %q: %v", j.Kind, j.Payload, err))
	}
	return r.cards.Refresh(ctx, r.source, p.ID)
}

// job is CardsJob's handler.
func (c *Cards) job(ctx context.Context, j intranet.Job) error {
	var p cardsPayload
	if err := json.Unmarshal(j.Payload, &p); err != nil || p.Source == "" || p.ID == 0 {
		return intranet.FailJob(fmt.Errorf("%s payload %q: %v", CardsJob, j.Payload, err))
	}
	return c.Refresh(ctx, p.Source, p.ID)
}

// Refresh brings every posted card of the thing id of source to its state
// now. A card's message is learnt from its outbox entry (and remembered);
// a card the outbox has not delivered yet is waited for (a retry), so a
// card first posted with an old state is corrected too; one whose delivery
// failed, whose message is gone, or whose installation is gone, is let be (its buttons are checked
// again when pressed). A card that cannot be updated for good fails the
// job, after the others were updated, for an admin to see. Safe to repeat.
func (c *Cards) Refresh(ctx context.Context, source string, id int64) error {
	c.mu.RLock()
	s, ok := c.sources[source]
	c.mu.RUnlock()
	if !ok {
		return intranet.FailJob(fmt.Errorf("no card source %q", source))
	}
	posts, card, err := s.src.CardPosts(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	var again, failed error
	for _, post := range posts {
		ref, wait, err := s.learn(ctx, source, id, post)
		switch {
		case err != nil:
			return err
		case wait != nil:
			again = wait
			continue
		case ref.ID == "":
			continue // never delivered: nothing to update
		}
		poster := s.platforms.Poster(ref.Platform)
		if poster == nil {
			continue // the platform is off now
		}
		if s.gone != nil {
			gone, err := s.gone.Gone(ctx, ref.Platform, ref.Installation)
			if err != nil {
				return err
			} else if gone {
				continue // nothing is sent there (intranet.Departures)
			}
		}
		err = poster.Update(ctx, ref, card)
		var de *intranet.DeliveryError
		switch {
		case err == nil:
		case errors.As(err, &de) && de.Temporary:
			again = intranet.RetryLater(de.RetryAfter, err)
		case intranet.ErrorCode(err) == intranet.ENOTFOUND:
			// The message is gone.
		default:
			failed = errors.Join(failed, fmt.Errorf("update the card of %s %d in %s:%s: %w", source, id, ref.Platform, ref.ChannelID, err))
		}
	}
	if again != nil {
		return again
	}
	if failed != nil {
		return intranet.FailJob(failed)
	}
	return nil
}

// learn returns where a card was posted, asking its outbox entry when the
// message is not known yet. A card still in the outbox makes wait a
// request to run again; one never delivered has no ID.
func (s cardSource) learn(ctx context.Context, source string, id int64, post CardPost) (ref intranet.MessageRef, wait, err error) {
	if post.Ref.ID != "" || post.OutboxID == 0 {
		return post.Ref, nil, nil
	}
	e, err := s.outbox.OutboxEntry(ctx, post.OutboxID)
	switch {
	case intranet.ErrorCode(err) == intranet.ENOTFOUND:
		return post.Ref, nil, nil
	case err != nil:
		return post.Ref, nil, err
	case e.State == intranet.OutboxFailed, e.State == intranet.OutboxSent && e.Ref.ID == "":
		return post.Ref, nil, nil
	case e.State != intranet.OutboxSent:
		return post.Ref, intranet.RetryLater(CardWait, fmt.Errorf("card of %s %d in %s:%s not delivered yet", source, id, post.Ref.Platform, post.Ref.ChannelID)), nil
	}
	post.Ref = SentRef(post.Ref, e.Ref)
	if err := s.src.CardPosted(ctx, id, post); err != nil {
		return post.Ref, nil, err
	}
	return post.Ref, nil, nil
}

// SentRef is a card's place once its message is known: the message's ID,
// and where the platform says it went.
func SentRef(post, msg intranet.MessageRef) intranet.MessageRef {
	post.ID = msg.ID
	if msg.Platform != "" {
		post.Platform = msg.Platform
	}
	if msg.Installation != "" {
		post.Installation = msg.Installation
	}
	if msg.ChannelID != "" {
		post.ChannelID = msg.ChannelID
	}
	return post
}
