package slack

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// The adapter keeps two namespaces in the shared state store: "slack.events"
// (event ids already handled, value the time of the claim) and
// "slack.deliveries" (delivery keys, "pending UNIX" or "sent CHANNEL TS").
// Both would grow without end, so each process sweeps them now and then.
const (
	pruneEvery = time.Hour
	// eventKeep outlasts Slack's redeliveries, which come within minutes.
	eventKeep = 6 * time.Hour
	// deliveryKeep outlasts any job runner's retries of a delivery.
	deliveryKeep = 7 * 24 * time.Hour
)

// maybePrune starts a sweep when the last one of this process is an hour old.
func (a *Adapter) maybePrune() {
	now := a.cfg.Now()
	a.pruneMu.Lock()
	due := now.Sub(a.lastPrune) >= pruneEvery
	if due {
		a.lastPrune = now
	}
	a.pruneMu.Unlock()
	if due {
		a.goBackground(func(ctx context.Context) { a.prune(ctx, now) })
	}
}

// prune deletes event ids and delivery keys past their keeping time.
// Entries it cannot read are left alone.
func (a *Adapter) prune(ctx context.Context, now time.Time) {
	deleted := 0
	events, err := a.state.StateList(ctx, "slack.events")
	if err != nil {
		a.log.Warn("slack: prune events", "err", err)
	}
	for id, v := range events {
		if t, err := time.Parse(time.RFC3339, v); err == nil && now.Sub(t) > eventKeep {
			if a.state.DeleteState(ctx, "slack.events", id) == nil {
				deleted++
			}
		}
	}
	keys, err := a.state.StateList(ctx, "slack.deliveries")
	if err != nil {
		a.log.Warn("slack: prune deliveries", "err", err)
	}
	for key, v := range keys {
		f := strings.Fields(v)
		var stamp string
		switch {
		case len(f) == 3 && f[0] == "sent":
			stamp, _, _ = strings.Cut(f[2], ".")
		case len(f) == 2 && f[0] == "pending":
			stamp = f[1]
		default:
			continue
		}
		if sec, err := strconv.ParseInt(stamp, 10, 64); err == nil && now.Sub(time.Unix(sec, 0)) > deliveryKeep {
			if a.state.DeleteState(ctx, "slack.deliveries", key) == nil {
				deleted++
			}
		}
	}
	if deleted > 0 {
		a.log.Info("slack: pruned state", "deleted", deleted)
	}
}
