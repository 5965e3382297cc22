package mock

import (
	"context"
	"sync"

	"github.com/werkplek/werkplek/intranet"
)

var _ intranet.Departures = (*Departures)(nil)

// Departure is one report an adapter made.
type Departure struct {
	Platform     intranet.Platform
	Installation string
	Reason       string
}

// Departures records the adapters' reports of gone and returning
// installations; give an adapter struct{ *Core; *Departures } as its core.
type Departures struct {
	mu   sync.Mutex
	err  error
	gone []Departure
	back []Departure
}

// Fail makes the next reports return err (nil: succeed again); a failed
// report is recorded too.
func (d *Departures) Fail(err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.err = err
}

// InstallationGone records the report.
func (d *Departures) InstallationGone(ctx context.Context, p intranet.Platform, installation, reason string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.gone = append(d.gone, Departure{Platform: p, Installation: installation, Reason: reason})
	return d.err
}

// InstallationBack records the report.
func (d *Departures) InstallationBack(ctx context.Context, p intranet.Platform, installation string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.back = append(d.back, Departure{Platform: p, Installation: installation})
	return d.err
}

// Gone returns the reports of gone installations so far.
func (d *Departures) Gone() []Departure {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]Departure(nil), d.gone...)
}

// Back returns the reports of returning installations so far.
func (d *Departures) Back() []Departure {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]Departure(nil), d.back...)
}
