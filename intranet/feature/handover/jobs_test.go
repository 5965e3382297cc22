package handover_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/handover"
)

// TestHandoverJobs drives the expiry, the leads' reminder and the card
// updates by the clock.
func TestHandoverJobs(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		setup(t, e, 12*time.Hour, nil)
		for _, who := range []string{anouk, pieter, jan} {
			say(e, who, "", "/werkplek help")
		}
		say(e, anouk, "zorg-oost", `/team channel "Zorg Oost"`)
		coretest.Wants(t, "create", say(e, jan, "", "/handover morgen 14:00-22:00 Pool Noord"), "Overdracht 1 gevraagd")
		coretest.Wants(t, "create 2", say(e, jan, "", "/handover morgen 15:00-22:00 Pool Zuid"), "Overdracht 2 gevraagd")
		for _, j := range []struct {
			kind, key string
			due       time.Time
		}{
			{handover.HandoverExpireJob, "handover:1", time.Date(2026, 11, 28, 14, 0, 0, 0, coretest.Amsterdam)},
			{handover.HandoverRemindJob, "handover:1", time.Date(2026, 11, 28, 2, 0, 0, 0, coretest.Amsterdam)},
			{handover.HandoverExpireJob, "handover:2", time.Date(2026, 11, 28, 15, 0, 0, 0, coretest.Amsterdam)},
		} {
			if due, ok := e.Jobs.Pending(j.kind, j.key); !ok || !due.Equal(j.due) {
				t.Errorf("%s %s: due %v (%v), want %v", j.kind, j.key, due, ok, j.due)
			}
		}
		say(e, pieter, "", "/handover take 2")
		e.RunDue()
		coretest.Wants(t, "cards", e.Posters.Card(intranet.PlatformConsole, "zorg-oost"), "[Ik neem hem: /handover take 1]", "Overgenomen door Pieter Jansen om 10:00.")
		coretest.Wants(t, "taken DM", dms(e, jan), "Pieter Jansen neemt je dienst van za 28 nov 2026 15:00–22:00 over (Pool Zuid).")
		if got := e.Posters.DMs(intranet.PlatformConsole, anouk); len(got) != 0 {
			t.Fatalf("reminded too early: %v", got)
		}

		e.Now = time.Date(2026, 11, 28, 2, 0, 0, 0, coretest.Amsterdam) // 12 hours before 14:00
		e.RunDue()
		reminders := dms(e, anouk)
		coretest.Wants(t, "reminder", reminders, "Nog niet overgenomen: Pool Noord", "Niemand van Zorg Oost nam de dienst van Jan de Vries", "[Ik neem hem: /handover take 1]")
		coretest.Lacks(t, "reminder of a taken request", reminders, "Pool Zuid")

		e.Now = time.Date(2026, 11, 28, 14, 0, 0, 0, coretest.Amsterdam)
		e.RunDue()
		h, err := e.Store.FindHandoverByID(ctx, 1)
		if err != nil || h.State != intranet.HandoverExpired {
			t.Fatalf("after the start: %+v, %v", h, err)
		}
		coretest.Wants(t, "card expired", e.Posters.Card(intranet.PlatformConsole, "zorg-oost"), "Verlopen: niemand nam de dienst voor het begin.")
		coretest.Wants(t, "requester told", dms(e, jan), "Niemand nam je dienst van za 28 nov 2026 14:00–22:00 over (Pool Noord); overdracht 1 is verlopen.")
		coretest.Wants(t, "take expired", press(e, pieter, "/handover take 1"), "Overdracht 1 is verlopen: de dienst is al begonnen.")

		// The taken request's expiry changes nothing.
		e.Now = time.Date(2026, 11, 28, 15, 0, 0, 0, coretest.Amsterdam)
		e.RunDue()
		if h, _ := e.Store.FindHandoverByID(ctx, 2); h.State != intranet.HandoverTaken {
			t.Fatalf("taken request expired: %+v", h)
		}
		coretest.Lacks(t, "taken not expired", dms(e, jan), "overdracht 2 is verlopen")

		events, err := e.Store.HandoverEvents(ctx, e.Now.Add(-48*time.Hour), e.Now.Add(2*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ev := range events {
			got = append(got, fmt.Sprintf("%d %s", ev.HandoverID, ev.Action))
		}
		if want := "[1 created 1 reminded 1 expired 2 created 2 taken]"; fmt.Sprint(got) != want {
			t.Fatalf("events %v, want %s", got, want)
		}
	})
}

// TestHandoverPendingJobs: the reminder of a takeover that waits for
// approval carries the lead's buttons, and a takeover nobody approved by
// the start expires, the taker told.
func TestHandoverPendingJobs(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, 12*time.Hour, nil)
		for _, who := range []string{anouk, pieter, jan} {
			say(e, who, "", "/werkplek language nl")
		}
		say(e, anouk, "", `/team approval "Zorg Oost" on`)
		say(e, jan, "", "/handover morgen 14:00-22:00 Pool Noord")
		coretest.Wants(t, "take", say(e, pieter, "", "/handover take 1"), "keurt het nog goed. Je hoort het van me.")
		e.Now = time.Date(2026, 11, 28, 2, 0, 0, 0, coretest.Amsterdam)
		e.RunDue()
		id := personID(t, e, pieter)
		reminder := e.Posters.DMs(intranet.PlatformConsole, anouk)
		if len(reminder) != 2 {
			t.Fatalf("Anouk got %d DMs, want the approval and the reminder: %v", len(reminder), reminder)
		}
		coretest.Wants(t, "reminder", reminder[1], "Nog niet overgenomen: Pool Noord", fmt.Sprintf("[Goedkeuren: /handover approve 1 for:%d]", id), fmt.Sprintf("[Afwijzen: /handover reject 1 for:%d]", id))
		e.Now = time.Date(2026, 11, 28, 14, 0, 0, 0, coretest.Amsterdam)
		e.RunDue()
		coretest.Wants(t, "taker told", dms(e, pieter), "Overdracht 1 is verlopen voordat een teamleider je overname goedkeurde.")
		coretest.Wants(t, "approve late", press(e, anouk, fmt.Sprintf("/handover approve 1 for:%d", id)), "Overdracht 1 is verlopen")
	})
}

// TestHandoverBadJob: a job whose key names no request fails for good
// rather than being retried forever.
func TestHandoverBadJob(t *testing.T) {
	e := coretest.New(t, "sqlite")
	setup(t, e, 0, nil)
	ctx := context.Background()
	if err := e.Jobs.Schedule(ctx, handover.HandoverExpireJob, "booking:1", e.Now, nil); err != nil {
		t.Fatal(err)
	}
	err := e.Jobs.RunDue(ctx, e.Now)
	if je, ok := intranet.AsJobError(err); !ok || je.Retry {
		t.Fatalf("bad key: %v", err)
	}
	if _, err := e.Jobs.Enqueue(ctx, handover.HandoverCardsJob, []byte("{")); err != nil {
		t.Fatal(err)
	}
	err = e.Jobs.RunDue(ctx, e.Now)
	if je, ok := intranet.AsJobError(err); !ok || je.Retry {
		t.Fatalf("bad payload: %v", err)
	}
}

// slowOutbox is an outbox whose messages wait until Flush delivers them,
// as the real outbox's job does some time after the request.
type slowOutbox struct {
	posters *coretest.Posters
	people  intranet.Recipients
	mu      sync.Mutex
	entries []intranet.OutboxEntry
}

func (o *slowOutbox) Send(ctx context.Context, d intranet.Delivery) (int64, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, e := range o.entries {
		if e.Key == d.Key {
			return e.ID, nil
		}
	}
	o.entries = append(o.entries, intranet.OutboxEntry{ID: int64(len(o.entries) + 1), Key: d.Key, To: d.To, Reply: d.Reply, State: intranet.OutboxPending})
	return int64(len(o.entries)), nil
}

func (o *slowOutbox) OutboxEntry(ctx context.Context, id int64) (intranet.OutboxEntry, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if id < 1 || int(id) > len(o.entries) {
		return intranet.OutboxEntry{}, intranet.Errorf(intranet.ENOTFOUND, "no outbox entry %d", id)
	}
	return o.entries[id-1], nil
}

// Flush delivers every waiting message.
func (o *slowOutbox) Flush(t *testing.T) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for i, e := range o.entries {
		if e.State != intranet.OutboxPending {
			continue
		}
		if e.To.PersonID != 0 && e.To.Platform == "" {
			to, err := o.people.Account(context.Background(), e.To.PersonID, false)
			if err != nil {
				t.Fatal(err)
			}
			e.To = to
		}
		ref, err := o.posters.Poster(e.To.Platform).Deliver(context.Background(), intranet.Delivery{To: e.To, Reply: e.Reply, Key: e.Key})
		if err != nil {
			t.Fatal(err)
		}
		o.entries[i].State, o.entries[i].Ref = intranet.OutboxSent, ref
	}
}

// TestHandoverCardsWaitForOutbox: a change made before the outbox delivered
// the card waits for the card, and then updates it.
func TestHandoverCardsWaitForOutbox(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		outbox := &slowOutbox{posters: e.Posters, people: e.Recipients}
		setup(t, e, 0, outbox)
		for _, who := range []string{anouk, pieter, jan} {
			say(e, who, "", "/werkplek language nl")
		}
		say(e, anouk, "zorg-oost", `/team channel "Zorg Oost"`)
		say(e, jan, "", "/handover morgen 14:00-22:00 Pool Noord")
		say(e, pieter, "", "/handover take 1")
		e.RunDue() // the cards job finds the card not delivered yet
		if posts := e.Posters.Posts(intranet.PlatformConsole, "zorg-oost"); len(posts) != 0 {
			t.Fatalf("card posted before the outbox delivered it: %v", posts)
		}
		outbox.Flush(t)
		coretest.Wants(t, "card as recorded", e.Posters.Card(intranet.PlatformConsole, "zorg-oost"), "[Ik neem hem: /handover take 1]")
		e.RunDue()
		card := e.Posters.Card(intranet.PlatformConsole, "zorg-oost")
		coretest.Wants(t, "card updated", card, "Overgenomen door Pieter Jansen om 10:00.")
		coretest.Lacks(t, "card updated", card, "/handover take 1")
		if n := strings.Count(card, "Dienst over te nemen"); n != 1 {
			t.Fatalf("%d cards, want one:\n%s", n, card)
		}
		coretest.Wants(t, "taken DM", dms(e, jan), "Pieter Jansen neemt je dienst")
	})
}

// TestHandoverFormerCardsJob: a "handover.cards" job queued before the one
// cards job existed still brings the cards up to date.
func TestHandoverFormerCardsJob(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		setup(t, e, 0, nil)
		for _, who := range []string{anouk, pieter, jan} {
			say(e, who, "", "/werkplek language nl")
		}
		say(e, anouk, "zorg-oost", `/team channel "Zorg Oost"`)
		say(e, jan, "", "/handover morgen 14:00-22:00 Pool Noord")
		e.RunDue()
		// Taken as the old code did, with its own cards job.
		if _, err := e.Store.TakeHandover(ctx, 1, personID(t, e, pieter), false, e.Now); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Jobs.Enqueue(ctx, handover.HandoverCardsJob, []byte(`{"id":1}`)); err != nil {
			t.Fatal(err)
		}
		e.RunDue()
		card := e.Posters.Card(intranet.PlatformConsole, "zorg-oost")
		coretest.Wants(t, "card updated", card, "Overgenomen door Pieter Jansen om 10:00.")
		coretest.Lacks(t, "card updated", card, "/handover take 1")
	})
}
