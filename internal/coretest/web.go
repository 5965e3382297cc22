package coretest

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// Web keeps sign-in links in memory, for the units that make them; the
// sessions and identities of the web adapter it does not keep.
type Web struct {
	mu      sync.Mutex
	signIns []intranet.SignIn
}

var _ intranet.WebService = (*Web)(nil)

// SignIns returns every link stored, in order.
func (w *Web) SignIns() []intranet.SignIn {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]intranet.SignIn(nil), w.signIns...)
}

// CreateSignIn stores a link.
func (w *Web) CreateSignIn(ctx context.Context, s intranet.SignIn) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.signIns = append(w.signIns, s)
	return nil
}

// UseSignIn returns the link of that hash once, before it expires.
// Returns ENOTFOUND.
func (w *Web) UseSignIn(ctx context.Context, hash string, now time.Time) (*intranet.SignIn, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for i, s := range w.signIns {
		if s.Hash == hash && now.Before(s.Expires) {
			w.signIns = append(w.signIns[:i], w.signIns[i+1:]...)
			return &s, nil
		}
	}
	return nil, intranet.Errorf(intranet.ENOTFOUND, "This sign-in link is unknown, used or expired.")
}

// CreateWebSession returns ENOTIMPLEMENTED.
func (w *Web) CreateWebSession(ctx context.Context, s intranet.WebSession) error {
	return intranet.Errorf(intranet.ENOTIMPLEMENTED, "no sessions in this fake")
}

// FindWebSession returns ENOTIMPLEMENTED.
func (w *Web) FindWebSession(ctx context.Context, hash string, now time.Time) (*intranet.WebSession, error) {
	return nil, intranet.Errorf(intranet.ENOTIMPLEMENTED, "no sessions in this fake")
}

// DeleteWebSession does nothing.
func (w *Web) DeleteWebSession(ctx context.Context, hash string) error { return nil }

// FindWebIdentity returns ENOTFOUND.
func (w *Web) FindWebIdentity(ctx context.Context, issuer, subject string) (*intranet.WebIdentity, error) {
	return nil, intranet.Errorf(intranet.ENOTFOUND, "no identities in this fake")
}

// LinkWebIdentity returns ENOTIMPLEMENTED.
func (w *Web) LinkWebIdentity(ctx context.Context, id intranet.WebIdentity) error {
	return intranet.Errorf(intranet.ENOTIMPLEMENTED, "no identities in this fake")
}

// Usage keeps counts of use in memory. Fail, when set, is returned by
// AddUsage instead of adding.
type Usage struct {
	mu     sync.Mutex
	counts map[intranet.UsageCount]int
	Fail   error
	// Adds counts the calls of AddUsage that added.
	Adds int
}

var _ intranet.UsageService = (*Usage)(nil)

// AddUsage adds counts to what is kept.
func (u *Usage) AddUsage(ctx context.Context, counts []intranet.UsageCount) error {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.Fail != nil {
		return u.Fail
	}
	if u.counts == nil {
		u.counts = map[intranet.UsageCount]int{}
	}
	for _, c := range counts {
		n := c.Count
		c.Count = 0
		c.Day = c.Day.UTC()
		u.counts[c] += n
	}
	u.Adds++
	return nil
}

// Usage returns the counts of the days from since on, by day, then
// feature, then platform.
func (u *Usage) Usage(ctx context.Context, since time.Time) ([]intranet.UsageCount, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	var out []intranet.UsageCount
	for k, n := range u.counts {
		if !k.Day.Before(since) {
			k.Count = n
			out = append(out, k)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case !a.Day.Equal(b.Day):
			return a.Day.Before(b.Day)
		case a.Feature != b.Feature:
			return a.Feature < b.Feature
		}
		return a.Platform < b.Platform
	})
	return out, nil
}

// Count returns what is kept of one day, feature and platform.
func (u *Usage) Count(day time.Time, feature string, p intranet.Platform) int {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.counts[intranet.UsageCount{Day: day.UTC(), Feature: feature, Platform: p}]
}
