// Package mock holds hand-written fakes of the intranet interfaces for tests:
// function fields where a test wants to decide, small in-memory versions where
// a test only needs something that works.
package mock

import (
	"context"
	"sync"

	"github.com/werkplek/werkplek/intranet"
)

var _ intranet.Core = (*Core)(nil)

// Core is a fake core whose answers the test decides.
type Core struct {
	HandleFn   func(ctx context.Context, r intranet.Request) (intranet.Reply, error)
	CommandsFn func() []intranet.Command

	mu       sync.Mutex
	requests []intranet.Request
}

// Handle records the request and calls HandleFn.
func (c *Core) Handle(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
	c.mu.Lock()
	c.requests = append(c.requests, r)
	c.mu.Unlock()
	return c.HandleFn(ctx, r)
}

// Commands calls CommandsFn, or returns a phonebook command when it is nil.
func (c *Core) Commands() []intranet.Command {
	if c.CommandsFn != nil {
		return c.CommandsFn()
	}
	return []intranet.Command{{Name: "phonebook", Aliases: []string{"telefoon"}, Hint: "<name>", HintNL: "<naam>", Summary: "Find a colleague", SummaryNL: "Zoek een collega"}}
}

// Requests returns the requests Handle received so far.
func (c *Core) Requests() []intranet.Request {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]intranet.Request(nil), c.requests...)
}
