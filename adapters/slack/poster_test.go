package slack

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/werkplek/werkplek/intranet"
)

func channelDelivery(key string) intranet.Delivery {
	return intranet.Delivery{
		To:    intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T0WRKPLK01", ChannelID: "C0ZORGOOST1"},
		Reply: intranet.Reply{Visibility: intranet.InChannel, Title: "Nieuws", Text: "Dagelijks overzicht"},
		Key:   key,
	}
}

func TestDeliverChannel(t *testing.T) {
	e := newEnv(t, nil)
	ref, err := e.a.Deliver(context.Background(), channelDelivery("digest:2026-12-01:C0ZORGOOST1"))
	if err != nil {
		t.Fatal(err)
	}
	msgs := e.slack.posted("C0ZORGOOST1")
	if len(msgs) != 1 {
		t.Fatalf("%d messages posted", len(msgs))
	}
	want := intranet.MessageRef{Platform: intranet.PlatformSlack, Installation: "T0WRKPLK01", ChannelID: "C0ZORGOOST1", ID: msgs[0].TS}
	if d := cmp.Diff(want, ref); d != "" {
		t.Errorf("ref (-want +got):\n%s", d)
	}
	var md map[string]any
	if err := json.Unmarshal(msgs[0].Metadata, &md); err != nil {
		t.Fatal(err)
	}
	wantMD := map[string]any{"event_type": "werkplek_delivery", "event_payload": map[string]any{"key": "digest:2026-12-01:C0ZORGOOST1"}}
	if d := cmp.Diff(wantMD, md); d != "" {
		t.Errorf("metadata (-want +got):\n%s", d)
	}
	if msgs[0].Text != "*Nieuws*\nDagelijks overzicht" || len(msgs[0].Blocks) == 0 {
		t.Errorf("message %+v", msgs[0])
	}
}

func TestDeliverDM(t *testing.T) {
	e := newEnv(t, nil)
	ref, err := e.a.Deliver(context.Background(), intranet.Delivery{
		To:    intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T0WRKPLK01", UserID: "U0JANDVRIES"},
		Reply: intranet.Reply{Text: "Herinnering: overdracht morgen"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if c := e.slack.callsTo("conversations.open"); len(c) != 1 || c[0].Form.Get("users") != "U0JANDVRIES" {
		t.Errorf("conversations.open calls %+v", c)
	}
	if ref.ChannelID != "D0JANDVRIES" || len(e.slack.posted("D0JANDVRIES")) != 1 {
		t.Errorf("ref %+v, posts %+v", ref, e.slack.posted("D0JANDVRIES"))
	}
}

func TestDeliverRetries(t *testing.T) {
	now := time.Now().Truncate(time.Second)
	date := func(d time.Duration) string { return now.Add(d).UTC().Format(http.TimeFormat) }
	for _, tc := range []struct {
		name      string
		failures  []failure
		wantSleep []time.Duration
		wantPosts int // chat.postMessage calls
	}{
		{"RateLimited", []failure{{status: http.StatusTooManyRequests, retryAfter: "2"}}, []time.Duration{2 * time.Second}, 2},
		// slack-go reads only seconds; the policy's transport turns the date into them.
		{"RateLimitedUntilDate", []failure{{status: http.StatusTooManyRequests, retryAfter: date(7 * time.Second)}}, []time.Duration{7 * time.Second}, 2},
		{"RateLimitedDatePast", []failure{{status: http.StatusTooManyRequests, retryAfter: date(-time.Minute)}}, []time.Duration{time.Second}, 2},
		{"RateLimitedGarbage", []failure{{status: http.StatusTooManyRequests, retryAfter: "soon"}}, []time.Duration{time.Second}, 2},
		{"ServerErrorNotStored", []failure{{status: http.StatusInternalServerError}}, []time.Duration{time.Second}, 2},
		// Slack stored the message, then answered 500: the history check
		// finds it and nothing is posted again.
		{"ServerErrorStored", []failure{{status: http.StatusInternalServerError, store: true}}, nil, 1},
		{"BadGatewayThenRateLimited", []failure{{status: http.StatusBadGateway}, {status: http.StatusTooManyRequests, retryAfter: "1"}}, []time.Duration{time.Second, time.Second}, 3},
		{"SlackInternalError", []failure{{slackErr: "internal_error"}}, []time.Duration{time.Second}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, nil, func(c *Config) { c.Now = func() time.Time { return now } })
			e.slack.fail("chat.postMessage", tc.failures...)
			ref, err := e.a.Deliver(context.Background(), channelDelivery("k1"))
			if err != nil {
				t.Fatal(err)
			}
			msgs := e.slack.posted("C0ZORGOOST1")
			if len(msgs) != 1 {
				t.Fatalf("%d messages in the channel, want exactly 1", len(msgs))
			}
			if ref.ID != msgs[0].TS {
				t.Errorf("ref %s, message %s", ref.ID, msgs[0].TS)
			}
			if n := len(e.slack.callsTo("chat.postMessage")); n != tc.wantPosts {
				t.Errorf("%d chat.postMessage calls, want %d", n, tc.wantPosts)
			}
			if d := cmp.Diff(tc.wantSleep, e.sleeps()); d != "" {
				t.Errorf("waits (-want +got):\n%s", d)
			}
		})
	}
}

func TestDeliverGivesUp(t *testing.T) {
	t.Run("ServerErrors", func(t *testing.T) {
		e := newEnv(t, nil)
		e.slack.fail("chat.postMessage", failure{status: 500}, failure{status: 503}, failure{status: 500})
		_, err := e.a.Deliver(context.Background(), channelDelivery("k2"))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || !de.Temporary {
			t.Fatalf("err = %v, want a temporary DeliveryError", err)
		}
		if n := len(e.slack.callsTo("chat.postMessage")); n != 3 {
			t.Errorf("%d attempts, want 3", n)
		}
		// The job runner tries again later: the history is checked first,
		// then the post goes out once.
		if _, err := e.a.Deliver(context.Background(), channelDelivery("k2")); err != nil {
			t.Fatal(err)
		}
		if n := len(e.slack.posted("C0ZORGOOST1")); n != 1 {
			t.Errorf("%d messages, want 1", n)
		}
	})
	t.Run("RateLimitBeyondBudget", func(t *testing.T) {
		e := newEnv(t, nil)
		e.slack.fail("chat.postMessage", failure{status: 429, retryAfter: "60"})
		_, err := e.a.Deliver(context.Background(), channelDelivery("k3"))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || !de.Temporary || de.RetryAfter != time.Minute {
			t.Fatalf("err = %#v, want temporary with RetryAfter 1m", err)
		}
		if len(e.sleeps()) != 0 {
			t.Errorf("waited %v beyond the budget", e.sleeps())
		}
	})
	t.Run("ServerErrorWithoutKey", func(t *testing.T) {
		// Without a key there is nothing to look for: a second post could
		// show the message twice, so it is left to the caller.
		e := newEnv(t, nil)
		e.slack.fail("chat.postMessage", failure{status: 500})
		_, err := e.a.Deliver(context.Background(), channelDelivery(""))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || !de.Temporary {
			t.Fatalf("err = %v, want a temporary DeliveryError", err)
		}
		if n := len(e.slack.callsTo("chat.postMessage")); n != 1 || len(e.sleeps()) != 0 {
			t.Errorf("%d attempts and waits %v, want 1 attempt and no wait", n, e.sleeps())
		}
	})
	t.Run("Definite", func(t *testing.T) {
		e := newEnv(t, nil)
		e.slack.fail("chat.postMessage", failure{slackErr: "not_in_channel"})
		_, err := e.a.Deliver(context.Background(), channelDelivery("k4"))
		var de *intranet.DeliveryError
		if err == nil || errors.As(err, &de) {
			t.Fatalf("err = %v, want a final (non-DeliveryError) error", err)
		}
		if n := len(e.slack.callsTo("chat.postMessage")); n != 1 {
			t.Errorf("%d attempts, want 1", n)
		}
	})
	t.Run("HistoryUnreadable", func(t *testing.T) {
		e := newEnv(t, nil)
		e.slack.fail("chat.postMessage", failure{status: 500})
		e.slack.fail("conversations.history", failure{slackErr: "missing_scope"})
		_, err := e.a.Deliver(context.Background(), channelDelivery("k5"))
		var de *intranet.DeliveryError
		if err == nil || errors.As(err, &de) {
			t.Fatalf("err = %v, want a final error rather than a risky retry", err)
		}
		if n := len(e.slack.callsTo("chat.postMessage")); n != 1 {
			t.Errorf("%d attempts, want 1", n)
		}
	})
}

func TestDeliverSameKeyTwice(t *testing.T) {
	e := newEnv(t, nil)
	ref1, err := e.a.Deliver(context.Background(), channelDelivery("once"))
	if err != nil {
		t.Fatal(err)
	}
	ref2, err := e.a.Deliver(context.Background(), channelDelivery("once"))
	if err != nil {
		t.Fatal(err)
	}
	if ref1 != ref2 || len(e.slack.posted("C0ZORGOOST1")) != 1 {
		t.Errorf("refs %+v %+v, %d posts; want one post", ref1, ref2, len(e.slack.posted("C0ZORGOOST1")))
	}
}

func TestUpdate(t *testing.T) {
	e := newEnv(t, nil)
	ref, err := e.a.Deliver(context.Background(), channelDelivery("u1"))
	if err != nil {
		t.Fatal(err)
	}
	e.slack.fail("chat.update", failure{status: 503})
	if err := e.a.Update(context.Background(), ref, intranet.Reply{Text: "Overgenomen door Jan"}); err != nil {
		t.Fatal(err)
	}
	if got := e.slack.posted("C0ZORGOOST1")[0].Text; got != "Overgenomen door Jan" {
		t.Errorf("text after update %q", got)
	}
	ref.ID = "1.000"
	if err := e.a.Update(context.Background(), ref, intranet.Reply{Text: "x"}); intranet.ErrorCode(err) != intranet.ENOTFOUND {
		t.Errorf("update of a missing message: %v, want ENOTFOUND", err)
	}
}

func TestPostEphemeral(t *testing.T) {
	e := newEnv(t, nil)
	if err := e.a.PostEphemeral(context.Background(), "C0ALGEMEEN1", "U0JANDVRIES", intranet.Reply{Text: "alleen jij"}); err != nil {
		t.Fatal(err)
	}
	c := e.slack.callsTo("chat.postEphemeral")
	if len(c) != 1 || c[0].Form.Get("user") != "U0JANDVRIES" {
		t.Errorf("calls %+v", c)
	}
}

func TestLookupUser(t *testing.T) {
	e := newEnv(t, nil)
	u, err := e.a.LookupUser(context.Background(), "T0WRKPLK01", "U0JANDVRIES")
	if err != nil {
		t.Fatal(err)
	}
	want := intranet.User{ID: "U0JANDVRIES", Name: "Jan", Email: "jan.devries@example.nl", Locale: "nl-NL"}
	if d := cmp.Diff(want, u); d != "" {
		t.Errorf("user (-want +got):\n%s", d)
	}
	if c := e.slack.callsTo("users.info"); c[0].Form.Get("include_locale") != "true" {
		t.Errorf("users.info without include_locale: %v", c[0].Form)
	}
	if g, _ := e.a.LookupUser(context.Background(), "T0WRKPLK01", "U0GUEST0001"); !g.Guest {
		t.Errorf("restricted user not a guest: %+v", g)
	}
	if _, err := e.a.LookupUser(context.Background(), "T0WRKPLK01", "U0NOBODY"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
		t.Errorf("unknown user: %v, want ENOTFOUND", err)
	}
}

func TestPruneState(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	now := time.Unix(1796200000, 0)
	set := func(ns, k, v string) {
		if err := e.state.SetState(ctx, ns, k, v); err != nil {
			t.Fatal(err)
		}
	}
	set("slack.events", "Ev-old", now.Add(-7*time.Hour).Format(time.RFC3339))
	set("slack.events", "Ev-new", now.Add(-time.Minute).Format(time.RFC3339))
	set("slack.events", "Ev-odd", "not a time")
	set("slack.deliveries", "sent-old", "sent C1 "+strconv.FormatInt(now.Add(-8*24*time.Hour).Unix(), 10)+".000100")
	set("slack.deliveries", "sent-new", "sent C1 "+strconv.FormatInt(now.Add(-time.Hour).Unix(), 10)+".000100")
	set("slack.deliveries", "pending-old", "pending "+strconv.FormatInt(now.Add(-8*24*time.Hour).Unix(), 10))
	e.a.prune(ctx, now)
	events, _ := e.state.StateList(ctx, "slack.events")
	deliveries, _ := e.state.StateList(ctx, "slack.deliveries")
	var left []string
	for k := range events {
		left = append(left, k)
	}
	for k := range deliveries {
		left = append(left, k)
	}
	sort.Strings(left)
	if d := cmp.Diff([]string{"Ev-new", "Ev-odd", "sent-new"}, left); d != "" {
		t.Errorf("left (-want +got):\n%s", d)
	}
}
