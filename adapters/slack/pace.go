package slack

import (
	"context"
	"sync"
	"time"

	"github.com/werkplek/werkplek/adapters/internal/background"
)

// Slack's message limits (https://docs.slack.dev/apis/web-api/rate-limits):
// chat.postMessage takes about one message a second in a channel, with
// short bursts, and several hundred a minute in a workspace. A sender that
// posts as fast as it can gets 429s and waits out their Retry-After; the
// pacer instead spaces this process's posts so that they arrive within the
// limits, and a 429 stays the exception.
const (
	// DefaultMessageRate is the messages a second a process posts to one
	// workspace by default (Config.MessageRate).
	DefaultMessageRate = 100
	// channelSpacing is the least time between two posts in one channel.
	channelSpacing = time.Second
)

// pacer hands out the moments at which this process's posts go out: one
// every 1/rate in the workspace, one a second in a channel. A slot is taken
// when asked for, so concurrent posts queue behind each other in order.
// Replicas do not share it: each keeps its own rate (Config.MessageRate).
type pacer struct {
	interval time.Duration // 1/rate
	now      func() time.Time
	sleep    func(ctx context.Context, d time.Duration) error

	mu       sync.Mutex
	next     time.Time            // the workspace's next free slot
	channels map[string]time.Time // channel -> its next free slot
}

func newPacer(rate float64, now func() time.Time, sleep func(ctx context.Context, d time.Duration) error) *pacer {
	if rate <= 0 {
		rate = DefaultMessageRate
	}
	if sleep == nil {
		sleep = background.Sleep
	}
	return &pacer{interval: time.Duration(float64(time.Second) / rate), now: now, sleep: sleep, channels: map[string]time.Time{}}
}

// wait takes the next slot of the channel and the workspace and waits for
// it, or returns ctx's error.
func (p *pacer) wait(ctx context.Context, channel string) error {
	p.mu.Lock()
	now := p.now()
	// The workspace's slot is taken in turn; a message that must wait
	// longer for its channel does not hold back those behind it.
	at := now
	if p.next.After(at) {
		at = p.next
	}
	p.next = at.Add(p.interval)
	if c := p.channels[channel]; c.After(at) {
		at = c
	}
	if len(p.channels) > 10000 {
		for ch, t := range p.channels {
			if !t.After(now) {
				delete(p.channels, ch)
			}
		}
	}
	p.channels[channel] = at.Add(channelSpacing)
	p.mu.Unlock()
	if d := at.Sub(now); d > 0 {
		return p.sleep(ctx, d)
	}
	return nil
}

// refused holds the channel's next post until Slack's Retry-After has
// passed (another process may have posted there, or the workspace's limit
// was reached).
func (p *pacer) refused(channel string, retryAfter time.Duration) {
	if retryAfter <= 0 {
		retryAfter = channelSpacing
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if until := p.now().Add(retryAfter); until.After(p.channels[channel]) {
		p.channels[channel] = until
	}
}
