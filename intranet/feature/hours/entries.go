package hours

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// SKELETON: the entries helper writes these.

func (u *Unit) addEntry(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) week(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) editEntry(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) removeEntry(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
