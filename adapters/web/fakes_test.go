package web

import (
	"context"
	"sync"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// memWeb keeps sign-in links and sessions in memory, with the store's
// rules (a link once and within its time; a session idle at most
// SessionIdle).
type memWeb struct {
	mu       sync.Mutex
	links    map[string]intranet.SignIn
	used     map[string]bool
	sessions map[string]intranet.WebSession
	ids      map[[2]string]intranet.WebIdentity
}

func newMemWeb() *memWeb {
	return &memWeb{links: map[string]intranet.SignIn{}, used: map[string]bool{}, sessions: map[string]intranet.WebSession{}, ids: map[[2]string]intranet.WebIdentity{}}
}

func (m *memWeb) CreateSignIn(ctx context.Context, s intranet.SignIn) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.links[s.Hash] = s
	return nil
}

func (m *memWeb) UseSignIn(ctx context.Context, hash string, now time.Time) (*intranet.SignIn, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.links[hash]
	if !ok || m.used[hash] || !now.Before(s.Expires) {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "no such sign-in link")
	}
	m.used[hash] = true
	return &s, nil
}

func (m *memWeb) CreateWebSession(ctx context.Context, s intranet.WebSession) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sessions[s.Hash] = s
	return nil
}

func (m *memWeb) FindWebSession(ctx context.Context, hash string, now time.Time) (*intranet.WebSession, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.sessions[hash]
	if !ok || now.Sub(s.LastSeen) > intranet.SessionIdle {
		delete(m.sessions, hash)
		return nil, intranet.Errorf(intranet.ENOTFOUND, "no such session")
	}
	s.LastSeen = now
	m.sessions[hash] = s
	return &s, nil
}

func (m *memWeb) DeleteWebSession(ctx context.Context, hash string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.sessions, hash)
	return nil
}

func (m *memWeb) FindWebIdentity(ctx context.Context, issuer, subject string) (*intranet.WebIdentity, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	id, ok := m.ids[[2]string{issuer, subject}]
	if !ok {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "no such identity")
	}
	return &id, nil
}

func (m *memWeb) LinkWebIdentity(ctx context.Context, id intranet.WebIdentity) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, x := range m.ids {
		if x.Issuer == id.Issuer && (x.PersonID == id.PersonID) != (x.Subject == id.Subject) {
			return intranet.Errorf(intranet.ECONFLICT, "linked to another account")
		}
	}
	m.ids[[2]string{id.Issuer, id.Subject}] = id
	return nil
}

// memPeople is a phonebook of a few people; only the lookups by id and
// email are used by the front door.
type memPeople struct {
	intranet.PersonService
	people []*intranet.Person
}

func (m *memPeople) FindPersonByID(ctx context.Context, id int64) (*intranet.Person, error) {
	for _, p := range m.people {
		if p.ID == id {
			c := *p
			return &c, nil
		}
	}
	return nil, intranet.Errorf(intranet.ENOTFOUND, "no person %d", id)
}

func (m *memPeople) FindPersonByEmail(ctx context.Context, email string) (*intranet.Person, error) {
	for _, p := range m.people {
		if p.Email == email {
			c := *p
			return &c, nil
		}
	}
	return nil, intranet.Errorf(intranet.ENOTFOUND, "no person %s", email)
}

// fakeCore answers with handle and records what it was asked.
type fakeCore struct {
	mu     sync.Mutex
	asked  []intranet.Request
	handle func(intranet.Request) intranet.Reply
}

func (f *fakeCore) Handle(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
	f.mu.Lock()
	f.asked = append(f.asked, r)
	f.mu.Unlock()
	if f.handle == nil {
		return intranet.Reply{Text: "ok: " + r.CommandText()}, nil
	}
	return f.handle(r), nil
}

func (f *fakeCore) Commands() []intranet.Command { return nil }

func (f *fakeCore) last() intranet.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.asked[len(f.asked)-1]
}

// lastWith is the last request that matches: an action's result page asks
// the core for the page under it too.
func (f *fakeCore) lastWith(match func(intranet.Request) bool) intranet.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := len(f.asked) - 1; i >= 0; i-- {
		if match(f.asked[i]) {
			return f.asked[i]
		}
	}
	return intranet.Request{}
}

func isAction(r intranet.Request) bool { return r.Action != nil }
func isForm(r intranet.Request) bool   { return r.Form != nil }
