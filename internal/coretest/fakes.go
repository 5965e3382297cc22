package coretest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// Posters records what each platform was given; Teams is off (nil), so
// tests see that nothing is sent where a platform is switched off.
type Posters struct {
	mu  sync.Mutex
	all map[intranet.Platform]*Recorder
	// Directories answer who an unlinked user is, by platform.
	Directories map[intranet.Platform]intranet.Directory
}

// Poster returns the platform's recorder, nil for Teams.
func (p *Posters) Poster(pl intranet.Platform) intranet.Poster {
	if r := p.Recorder(pl); r != nil {
		return r
	}
	return nil
}

// Recorder returns the platform's recorder, nil for Teams.
func (p *Posters) Recorder(pl intranet.Platform) *Recorder {
	p.mu.Lock()
	defer p.mu.Unlock()
	if pl == intranet.PlatformTeams {
		return nil
	}
	if p.all == nil {
		p.all = map[intranet.Platform]*Recorder{}
	}
	if p.all[pl] == nil {
		p.all[pl] = &Recorder{platform: pl, updates: map[string]intranet.Reply{}}
	}
	return p.all[pl]
}

// Directory returns the platform's directory, if the test gave one.
func (p *Posters) Directory(pl intranet.Platform) intranet.Directory {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.Directories[pl]
}

// DMs returns every direct message sent to a user id on a platform, in
// order, as All writes them.
func (p *Posters) DMs(pl intranet.Platform, user string) []string {
	rec := p.Recorder(pl)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var out []string
	for _, d := range rec.sent {
		if d.To.UserID == user {
			out = append(out, All(d.Reply))
		}
	}
	return out
}

// DMsNow returns every direct message sent to a user id on a platform, as
// it reads now (after its updates), in order.
func (p *Posters) DMsNow(pl intranet.Platform, user string) []string {
	rec := p.Recorder(pl)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var out []string
	for i, d := range rec.sent {
		if d.To.UserID == user {
			text := All(d.Reply)
			if u, ok := rec.updates[fmt.Sprint(i+1)]; ok {
				text = All(u)
			}
			out = append(out, text)
		}
	}
	return out
}

// Posts returns every message posted in a channel, as it reads now (after
// its updates), in order.
func (p *Posters) Posts(pl intranet.Platform, channel string) []string {
	rec := p.Recorder(pl)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var out []string
	for i, d := range rec.sent {
		if d.To.ChannelID == channel && !d.To.IsDirect() {
			text := All(d.Reply)
			if u, ok := rec.updates[fmt.Sprint(i+1)]; ok {
				text = All(u)
			}
			out = append(out, text)
		}
	}
	return out
}

// Card returns the current content of the cards posted in a channel.
func (p *Posters) Card(pl intranet.Platform, channel string) string {
	return strings.Join(p.Posts(pl, channel), "\n---\n")
}

// Sent returns every delivery made on a platform, in order.
func (p *Posters) Sent(pl intranet.Platform) []intranet.Delivery {
	rec := p.Recorder(pl)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]intranet.Delivery(nil), rec.sent...)
}

// Reach finds a user by email: on the console everyone's identity is their
// email, so everyone is reachable there.
func (r *Recorder) Reach(ctx context.Context, email string) (intranet.Account, error) {
	if r.platform != intranet.PlatformConsole {
		return intranet.Account{}, intranet.Errorf(intranet.ENOTFOUND, "%s knows nobody by email in the tests", r.platform)
	}
	return intranet.Account{Platform: r.platform, Installation: "local", UserID: email, UserName: email}, nil
}

// Recorder is one platform's poster: it remembers every message by
// destination and its latest content, and sends one message per delivery
// key, as the platforms' posters do.
type Recorder struct {
	platform intranet.Platform
	mu       sync.Mutex
	sent     []intranet.Delivery
	updates  map[string]intranet.Reply
}

// Deliver records a message.
func (r *Recorder) Deliver(ctx context.Context, d intranet.Delivery) (intranet.MessageRef, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, earlier := range r.sent {
		if d.Key != "" && earlier.Key == d.Key {
			return intranet.MessageRef{Platform: r.platform, Installation: d.To.Installation, ChannelID: d.To.ChannelID, ID: fmt.Sprint(i + 1)}, nil
		}
	}
	r.sent = append(r.sent, d)
	return intranet.MessageRef{Platform: r.platform, Installation: d.To.Installation, ChannelID: d.To.ChannelID, ID: fmt.Sprint(len(r.sent))}, nil
}

// Update records a message's new content.
func (r *Recorder) Update(ctx context.Context, ref intranet.MessageRef, reply intranet.Reply) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.updates[ref.ID] = reply
	return nil
}

// Outbox delivers at once to its posters, once per key, and keeps each
// entry with its state and message reference, as the real outbox does
// once its job ran. A DM to a person goes to the account People choose,
// or, when they choose none, its IfUnreachable messages go out; a DM held
// through quiet hours stays held until Release. Like the real outbox, it
// fails what goes to a gone installation.
type Outbox struct {
	Posters *Posters
	People  intranet.Recipients
	// Installations says which installations are gone (nil: none).
	Installations intranet.Installations
	mu            sync.Mutex
	entries       []intranet.OutboxEntry
}

var _ intranet.Outbox = (*Outbox)(nil)

// Send delivers d, once per key.
func (o *Outbox) Send(ctx context.Context, d intranet.Delivery) (int64, error) {
	if d.Key == "" || d.To.Platform == "" && d.To.PersonID == 0 {
		return 0, intranet.Errorf(intranet.EINVALID, "a delivery needs a key and a platform or a person")
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, e := range o.entries {
		if e.Key == d.Key {
			return e.ID, nil
		}
	}
	e := intranet.OutboxEntry{ID: int64(len(o.entries) + 1), Key: d.Key, To: d.To, Reply: d.Reply, State: intranet.OutboxFailed, Attempts: 1,
		Asked: d.Asked, Guests: d.Guests, IfUnreachable: d.IfUnreachable, Release: d.Release, Event: d.Event}
	if !d.Release.IsZero() {
		e.State, e.Attempts = intranet.OutboxHeld, 0
		o.entries = append(o.entries, e)
		return e.ID, nil
	}
	if d.To.PersonID != 0 && d.To.Platform == "" {
		to, err := o.People.Account(ctx, d.To.PersonID, d.Guests)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			e.LastError = err.Error()
			o.entries = append(o.entries, e)
			for _, f := range d.IfUnreachable {
				o.mu.Unlock()
				_, err := o.Send(ctx, f)
				o.mu.Lock()
				if err != nil {
					return 0, err
				}
			}
			return e.ID, nil
		} else if err != nil {
			return 0, err
		}
		d.To, e.To = to, to
	}
	gone := false
	if o.Installations != nil {
		var err error
		if gone, err = o.Installations.Gone(ctx, d.To.Platform, d.To.Installation); err != nil {
			return 0, err
		}
	}
	if gone {
		e.LastError = "installation gone"
	} else if p := o.Posters.Poster(d.To.Platform); p != nil {
		// Person mentions are written for the platform delivered to, as
		// the real outbox does.
		d.Reply = intranet.ResolveMentions(d.Reply, func(personID int64) (intranet.Account, bool) {
			if o.People == nil {
				return intranet.Account{}, false
			}
			a, err := o.People.AccountOn(ctx, personID, d.To.Platform, d.To.Installation)
			return a, err == nil
		})
		ref, err := p.Deliver(ctx, d)
		if err == nil {
			e.State, e.Ref = intranet.OutboxSent, ref
		} else {
			e.LastError = err.Error()
		}
	} else {
		e.LastError = "platform " + string(d.To.Platform) + " is off"
	}
	o.entries = append(o.entries, e)
	return e.ID, nil
}

// OutboxEntry returns an entry. Returns ENOTFOUND.
func (o *Outbox) OutboxEntry(ctx context.Context, id int64) (intranet.OutboxEntry, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if id < 1 || int(id) > len(o.entries) {
		return intranet.OutboxEntry{}, intranet.Errorf(intranet.ENOTFOUND, "no outbox entry %d", id)
	}
	return o.entries[id-1], nil
}

// Release delivers a person's held DMs as the real outbox does when their
// quiet hours end: one alone as it was, several as one message.
func (o *Outbox) Release(ctx context.Context, personID int64) error {
	o.mu.Lock()
	var held []int
	for i, e := range o.entries {
		if e.State == intranet.OutboxHeld && e.To.PersonID == personID {
			held = append(held, i)
		}
	}
	o.mu.Unlock()
	if len(held) == 0 {
		return nil
	}
	d := intranet.Delivery{To: intranet.Destination{PersonID: personID}, Asked: true}
	if len(held) == 1 {
		o.mu.Lock()
		e := o.entries[held[0]]
		o.mu.Unlock()
		d.Reply, d.Key, d.Guests, d.IfUnreachable = e.Reply, e.Key+"-released", e.Guests, e.IfUnreachable
	} else {
		var replies []intranet.Reply
		o.mu.Lock()
		for _, i := range held {
			replies = append(replies, o.entries[i].Reply)
		}
		o.mu.Unlock()
		merged, err := o.People.Merge(ctx, personID, replies)
		if err != nil {
			return err
		}
		d.Reply, d.Key = merged, fmt.Sprintf("quiet-%d-%d", personID, held[0])
	}
	o.mu.Lock()
	for _, i := range held {
		o.entries[i].State = intranet.OutboxSent
	}
	o.mu.Unlock()
	_, err := o.Send(ctx, d)
	return err
}

// Entries returns every entry, in order.
func (o *Outbox) Entries() []intranet.OutboxEntry {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]intranet.OutboxEntry(nil), o.entries...)
}

// Jobs is a job registry and scheduler that runs what is due when the test
// says so (RunDue), through the handlers registered on it. Like the real
// runner, a (kind, key, due) that ran does not run again.
type Jobs struct {
	mu       sync.Mutex
	handlers map[string]intranet.JobHandler
	pending  map[string]intranet.Job
	ran      map[string]bool
	queue    []intranet.Job
}

var (
	_ intranet.JobRegistry = (*Jobs)(nil)
	_ intranet.Scheduler   = (*Jobs)(nil)
)

// HandleJobs registers a handler.
func (f *Jobs) HandleJobs(kind string, h intranet.JobHandler) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.handlers == nil {
		f.handlers = map[string]intranet.JobHandler{}
	}
	if f.handlers[kind] != nil {
		return intranet.Errorf(intranet.ECONFLICT, "kind %s has a handler", kind)
	}
	f.handlers[kind] = h
	return nil
}

// Schedule makes the job of (kind, key) run at due.
func (f *Jobs) Schedule(ctx context.Context, kind, key string, due time.Time, payload []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.handlers[kind] == nil || key == "" {
		return intranet.Errorf(intranet.EINVALID, "no handler for %s or no key", kind)
	}
	if f.pending == nil {
		f.pending = map[string]intranet.Job{}
	}
	if f.ran[kind+"|"+key+"|"+due.UTC().String()] {
		return nil
	}
	f.pending[kind+"|"+key] = intranet.Job{Kind: kind, Key: key, Due: due, Payload: payload, Attempt: 1}
	return nil
}

// Reschedule moves the pending job of (kind, key). Returns ENOTFOUND.
func (f *Jobs) Reschedule(ctx context.Context, kind, key string, due time.Time) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	j, ok := f.pending[kind+"|"+key]
	if !ok {
		return intranet.Errorf(intranet.ENOTFOUND, "no pending %s job for %s", kind, key)
	}
	j.Due = due
	f.pending[kind+"|"+key] = j
	return nil
}

// Cancel drops the pending job of (kind, key).
func (f *Jobs) Cancel(ctx context.Context, kind, key string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.pending, kind+"|"+key)
	return nil
}

// Enqueue queues a one-off job for the next RunDue.
func (f *Jobs) Enqueue(ctx context.Context, kind string, payload []byte) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.handlers[kind] == nil {
		return 0, intranet.Errorf(intranet.EINVALID, "no handler for %s", kind)
	}
	f.queue = append(f.queue, intranet.Job{Kind: kind, Payload: payload, Attempt: 1})
	return int64(len(f.queue)), nil
}

// Pending returns the due time of the pending job of (kind, key).
func (f *Jobs) Pending(kind, key string) (time.Time, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	j, ok := f.pending[kind+"|"+key]
	return j.Due, ok
}

// RunDue runs the queued jobs and the scheduled jobs due at now, in order
// of due time. A job asking to be retried stays queued.
func (f *Jobs) RunDue(ctx context.Context, now time.Time) error {
	f.mu.Lock()
	due := f.queue
	f.queue = nil
	var scheduled []intranet.Job
	for k, j := range f.pending {
		if !now.Before(j.Due) {
			scheduled = append(scheduled, j)
			delete(f.pending, k)
			if f.ran == nil {
				f.ran = map[string]bool{}
			}
			f.ran[j.Kind+"|"+j.Key+"|"+j.Due.UTC().String()] = true
		}
	}
	sort.Slice(scheduled, func(i, k int) bool { return scheduled[i].Due.Before(scheduled[k].Due) })
	due = append(due, scheduled...)
	f.mu.Unlock()
	for _, j := range due {
		f.mu.Lock()
		h := f.handlers[j.Kind]
		f.mu.Unlock()
		if err := h(ctx, j); err != nil {
			if je, ok := intranet.AsJobError(err); ok && je.Retry {
				f.mu.Lock()
				j.Attempt++
				if j.Key == "" {
					f.queue = append(f.queue, j)
				} else if _, moved := f.pending[j.Kind+"|"+j.Key]; !moved {
					f.pending[j.Kind+"|"+j.Key] = j
					delete(f.ran, j.Kind+"|"+j.Key+"|"+j.Due.UTC().String())
				}
				f.mu.Unlock()
				continue
			}
			return fmt.Errorf("job %s %s: %w", j.Kind, j.Key, err)
		}
	}
	return nil
}
