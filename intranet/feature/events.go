package feature

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// Events is the intranet.Publisher: it hands an event to every webhook
// endpoint that asked for its type as one outbox delivery per endpoint
// (intranet.PlatformWebhook, the endpoint's id as the channel), keyed by
// the event and the endpoint, so that an event reaches an endpoint once
// however often it is published, with the outbox's retries.
type Events struct {
	Webhooks intranet.WebhookService
	Outbox   intranet.Outbox
	// Tx makes one event's deliveries one transaction when ctx carries
	// none (nil: each delivery on its own).
	Tx intranet.Transactor
	// Now stamps an event published without a time (default time.Now).
	Now func() time.Time
}

var _ intranet.Publisher = (*Events)(nil)

// NewEvents returns the publisher over the webhook endpoints and the
// outbox; tx may be nil.
func NewEvents(webhooks intranet.WebhookService, outbox intranet.Outbox, tx intranet.Transactor) (*Events, error) {
	if webhooks == nil || outbox == nil {
		return nil, errors.New("events: webhooks and outbox are required")
	}
	return &Events{Webhooks: webhooks, Outbox: outbox, Tx: tx, Now: time.Now}, nil
}

// EventKey is the outbox key of event id's delivery to endpoint webhookID.
func EventKey(id string, webhookID int64) string {
	return "event:" + id + ":webhook:" + strconv.FormatInt(webhookID, 10)
}

// Publish sends e to every endpoint that asked for its type, in the
// transaction of ctx when it has one. e.ID must be unique per event (the
// same when the same event is published again: it is sent once); e.Data
// is a JSON object (nil: {}). Returns EINVALID for an event without id,
// of an unknown type, or with data that is not a JSON object.
func (p *Events) Publish(ctx context.Context, e intranet.Event) error {
	if e.ID == "" {
		return intranet.Errorf(intranet.EINVALID, "An event needs an id.")
	}
	if !slices.Contains(intranet.Events, e.Type) {
		return intranet.Errorf(intranet.EINVALID, "%q is not an event type.", e.Type)
	}
	if len(e.Data) == 0 {
		e.Data = []byte("{}")
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(e.Data, &obj); err != nil || obj == nil {
		return intranet.Errorf(intranet.EINVALID, "An event's data is a JSON object.")
	}
	if e.Time.IsZero() {
		now := time.Now
		if p.Now != nil {
			now = p.Now
		}
		e.Time = now()
	}
	e.Time = e.Time.UTC().Truncate(time.Second)
	publish := func(ctx context.Context) error {
		hooks, err := p.Webhooks.Webhooks(ctx)
		if err != nil {
			return err
		}
		for _, h := range hooks {
			if !slices.Contains(h.Events, e.Type) {
				continue
			}
			ev := e
			d := intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformWebhook, ChannelID: strconv.FormatInt(h.ID, 10)},
				Key: EventKey(e.ID, h.ID), Event: &ev}
			if _, err := p.Outbox.Send(ctx, d); err != nil {
				return err
			}
		}
		return nil
	}
	var err error
	if p.Tx != nil {
		err = p.Tx.InTx(ctx, publish)
	} else {
		err = publish(ctx)
	}
	if err != nil {
		return fmt.Errorf("publish %s %s: %w", e.Type, e.ID, err)
	}
	return nil
}
