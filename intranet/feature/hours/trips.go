package hours

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// SKELETON: the entries helper writes these.

func (u *Unit) addTrip(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) kmWeek(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) kmMonth(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) editTrip(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) removeTrip(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) addRoute(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) routes(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
func (u *Unit) removeRoute(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply(c.Usage()), nil
}
