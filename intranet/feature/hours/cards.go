package hours

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// The approvers' cards of a submitted week are brought up to date when it
// is decided or reopened (feature.Cards), so that an approver who did not
// press sees who did. Where the cards went is kept in the shared state
// (Config.State) under the person and week: the last submission's cards.

// cardsName is the name of the weeks' cards in feature.Cards.
const cardsName = "hours"

// cardsState is the state namespace of the cards' places.
const cardsState = "hours.cards"

// sheetID is the number of a person's week as feature.Cards knows it.
func sheetID(personID int64, w intranet.Week) int64 {
	return personID*1_000_000 + int64(w.Year)*100 + int64(w.Number)
}

// sheetOf reads a sheetID back.
func sheetOf(id int64) (int64, intranet.Week) {
	rest := id % 1_000_000
	return id / 1_000_000, intranet.Week{Year: int(rest / 100), Number: int(rest % 100)}
}

func cardsKey(personID int64, w intranet.Week) string { return fmt.Sprintf("%d:%s", personID, w) }

// keptCard is one approver's card as kept in the state.
type keptCard struct {
	OutboxID int64               `json:"outbox_id"`
	Ref      intranet.MessageRef `json:"ref"`
}

// keepCards remembers where a submission's cards went (their outbox
// entries, by their delivery keys), in the submission's transaction.
func (u *Unit) keepCards(ctx context.Context, s *intranet.Timesheet, keys []string) error {
	if u.cfg.State == nil || u.cfg.Cards == nil {
		return nil
	}
	var cards []keptCard
	for _, key := range keys {
		// The entry exists: sending its key again returns it.
		id, err := u.cfg.Outbox.Send(ctx, intranet.Delivery{To: intranet.Destination{PersonID: s.PersonID}, Key: key})
		if err != nil {
			return err
		}
		cards = append(cards, keptCard{OutboxID: id})
	}
	value, err := json.Marshal(cards)
	if err != nil {
		return err
	}
	return u.cfg.State.SetState(ctx, cardsState, cardsKey(s.PersonID, s.Week), string(value))
}

// refreshCards has the cards of a week brought up to date, in the
// transaction of its change.
func (u *Unit) refreshCards(ctx context.Context, personID int64, w intranet.Week) error {
	if u.cfg.State == nil || u.cfg.Cards == nil {
		return nil
	}
	return u.cards.Enqueue(ctx, sheetID(personID, w))
}

// cardSource is the weeks' cards, for feature.Cards.
type cardSource struct{ u *Unit }

var _ feature.CardSource = cardSource{}

func (c cardSource) kept(ctx context.Context, personID int64, w intranet.Week) ([]keptCard, error) {
	value, err := c.u.cfg.State.State(ctx, cardsState, cardsKey(personID, w))
	if err != nil {
		return nil, err
	}
	var cards []keptCard
	if err := json.Unmarshal([]byte(value), &cards); err != nil {
		return nil, intranet.FailJob(fmt.Errorf("cards of %s: %w", cardsKey(personID, w), err))
	}
	return cards, nil
}

// CardPosts returns the cards of a week and the card as it reads now.
// Returns ENOTFOUND for a week without cards.
func (c cardSource) CardPosts(ctx context.Context, id int64) ([]feature.CardPost, intranet.Reply, error) {
	personID, w := sheetOf(id)
	cards, err := c.kept(ctx, personID, w)
	if err != nil {
		return nil, intranet.Reply{}, err
	}
	s, err := c.u.cfg.Timesheets.Timesheet(ctx, personID, w)
	if err != nil {
		return nil, intranet.Reply{}, err
	}
	posts := make([]feature.CardPost, len(cards))
	for i, k := range cards {
		posts[i] = feature.CardPost{Ref: k.Ref, OutboxID: k.OutboxID}
	}
	return posts, c.u.sheetCard(c.u.cfg.Language, s), nil
}

// CardPosted remembers where a card went once it was delivered.
func (c cardSource) CardPosted(ctx context.Context, id int64, p feature.CardPost) error {
	personID, w := sheetOf(id)
	cards, err := c.kept(ctx, personID, w)
	if err != nil {
		return err
	}
	for i := range cards {
		if cards[i].OutboxID == p.OutboxID {
			cards[i].Ref = p.Ref
		}
	}
	value, err := json.Marshal(cards)
	if err != nil {
		return err
	}
	return c.u.cfg.State.SetState(ctx, cardsState, cardsKey(personID, w), string(value))
}
