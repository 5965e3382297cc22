package hours

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// SKELETON: the approval helper writes these.

func (u *Unit) submit(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) approve(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) reject(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) reopen(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) team(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) export(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
