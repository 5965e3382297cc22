package feature

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/when"
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

// TimesheetData is the data of the timesheet events (timesheet.approved,
// timesheet.reopened): whose week, its state after the change, who made it
// and when, and its totals, as the API writes them (times RFC 3339 in
// WERKPLEK_TIMEZONE). A receiver that wants the entries reads the week
// from /api/v1/timesheets.
type TimesheetData struct {
	Person   EventPerson    `json:"person"`
	Week     string         `json:"week"`
	FirstDay string         `json:"first_day"`
	LastDay  string         `json:"last_day"`
	State    string         `json:"state"`
	By       string         `json:"by"`
	At       string         `json:"at"`
	Reason   string         `json:"reason"`
	Totals   TimesheetTotal `json:"totals"`
}

// EventPerson is whose week an event is about.
type EventPerson struct {
	ID             int64  `json:"id"`
	Email          string `json:"email"`
	Name           string `json:"name"`
	EmployeeNumber string `json:"employee_number"`
}

// TimesheetTotal sums a week's entries and trips.
type TimesheetTotal struct {
	Minutes   int     `json:"minutes"`
	Hours     float64 `json:"hours"`
	Km        float64 `json:"km"`
	Allowance float64 `json:"allowance"`
}

// TimesheetEvent is the event of a change of s (its state after it) made
// by the person named by at at: eventType is EventTimesheetApproved or
// EventTimesheetReopened; rate is WERKPLEK_MILEAGE_RATE for trips without
// a rate of their own. Its id is the same for the same change, so that
// publishing it again sends nothing.
func TimesheetEvent(eventType string, s *intranet.Timesheet, by string, at time.Time, loc *time.Location, rate float64) intranet.Event {
	at = at.UTC().Truncate(time.Second)
	d := TimesheetData{
		Person:   EventPerson{ID: s.PersonID, Email: s.Email, Name: s.Person, EmployeeNumber: s.EmployeeNumber},
		Week:     s.Week.String(),
		FirstDay: s.Week.First(),
		LastDay:  s.Week.Last(),
		State:    string(s.State),
		By:       by,
		At:       when.Stamp(at, loc),
		Reason:   s.Reason,
		Totals: TimesheetTotal{Minutes: s.Minutes(), Hours: math.Round(float64(s.Minutes())/60*100) / 100, Km: s.Km(),
			Allowance: s.Allowance(rate)},
	}
	data, _ := json.Marshal(d) // plain fields: cannot fail
	return intranet.Event{ID: fmt.Sprintf("%s.%d.%s.%d", eventType, s.PersonID, s.Week, at.Unix()), Type: eventType, Time: at, Data: data}
}
