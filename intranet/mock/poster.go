package mock

import (
	"context"
	"fmt"
	"sync"

	"github.com/werkplek/werkplek/intranet"
)

var _ intranet.Poster = (*Poster)(nil)

// Poster records what was delivered and updated. DeliverFn, when set, decides
// the outcome of a delivery instead.
type Poster struct {
	DeliverFn func(ctx context.Context, d intranet.Delivery) (intranet.MessageRef, error)

	mu         sync.Mutex
	Deliveries []intranet.Delivery
	Updates    map[string]intranet.Reply
}

func (p *Poster) Deliver(ctx context.Context, d intranet.Delivery) (intranet.MessageRef, error) {
	if p.DeliverFn != nil {
		return p.DeliverFn(ctx, d)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.Deliveries = append(p.Deliveries, d)
	ch := d.To.ChannelID
	if d.To.IsDirect() {
		ch = "dm:" + d.To.UserID
	}
	return intranet.MessageRef{Platform: d.To.Platform, Installation: d.To.Installation, ChannelID: ch, ID: fmt.Sprint(len(p.Deliveries))}, nil
}

func (p *Poster) Update(ctx context.Context, ref intranet.MessageRef, r intranet.Reply) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.Updates == nil {
		p.Updates = map[string]intranet.Reply{}
	}
	p.Updates[ref.ID] = r
	return nil
}
