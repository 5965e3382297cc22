package feature

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/when"
)

// Gone installations are kept in the shared database, in two StateStore
// namespaces keyed "platform:installation": the ones gone now (with the
// reason and the time of the departure), and the ones that came back (with
// the time they did), so that one that goes again soon after is the same
// departure to the admins.
const (
	GoneNamespace = "installations.gone"
	BackNamespace = "installations.back"
)

// SameDeparture is how soon after coming back an installation may go again
// and still count as the departure the admins were told of: a Mattermost
// whose bot token is dead still sends slash commands, and each brings it
// back for a moment.
const SameDeparture = 24 * time.Hour

// goneRefresh is how long a process trusts its copy of the gone list; a
// departure recorded by another replica counts here that much later.
const goneRefresh = 10 * time.Second

// departure is the value kept under a gone (or back) installation's key.
type departure struct {
	Reason string    `json:"reason"`
	Since  time.Time `json:"since"`
	Back   time.Time `json:"back,omitzero"`
}

// Installations is the registry of gone installations: what the outbox,
// its Recipients and the card refresh ask before they send (intranet.Installations), and what
// Departures writes to. It reads the database at most every goneRefresh.
type Installations struct {
	state intranet.StateStore
	now   func() time.Time

	mu   sync.Mutex
	gone map[string]bool // nil: read again
	read time.Time
}

var _ intranet.Installations = (*Installations)(nil)

// NewInstallations returns the registry over the shared state (now is the
// clock; nil is time.Now).
func NewInstallations(state intranet.StateStore, now func() time.Time) *Installations {
	if now == nil {
		now = time.Now
	}
	return &Installations{state: state, now: now}
}

func installationKey(p intranet.Platform, installation string) string {
	return string(p) + ":" + installation
}

// Gone reports whether the installation is gone.
func (i *Installations) Gone(ctx context.Context, p intranet.Platform, installation string) (bool, error) {
	i.mu.Lock()
	defer i.mu.Unlock()
	if now := i.now(); i.gone == nil || now.Sub(i.read) >= goneRefresh || now.Before(i.read) {
		list, err := i.state.StateList(ctx, GoneNamespace)
		if err != nil {
			return false, fmt.Errorf("gone installations: %w", err)
		}
		i.gone = make(map[string]bool, len(list))
		for k := range list {
			i.gone[k] = true
		}
		i.read = now
	}
	return i.gone[installationKey(p, installation)], nil
}

// forget makes the next Gone read the database: after this process
// changed it, whether or not its transaction committed.
func (i *Installations) forget() {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.gone = nil
}

// AdminFinder finds the people to tell of a departure.
type AdminFinder interface {
	// FindPeopleWithRole returns the people who hold a role, with their
	// platform accounts.
	FindPeopleWithRole(ctx context.Context, role intranet.Role) ([]*intranet.Person, error)
}

// DeparturesConfig is what Departures needs: its Env's Outbox, Platforms
// and Tx (the record and the admins' DMs are written in one transaction),
// Location (the time in the DM), Now and Language.
type DeparturesConfig struct {
	Env
	// Installations is the registry the departures are written to; the
	// outbox's Recipients must skip what it says is gone (New sets
	// Env.Installations to it when unset).
	Installations *Installations
	// State is the shared database the registry lives in.
	State intranet.StateStore
	// Admins finds the people with the admin role.
	Admins AdminFinder
}

// Departures records that installations are gone or back
// (intranet.Departures) and tells the admins of each departure once, by DM
// on an installation that is not gone.
type Departures struct {
	cfg DeparturesConfig
	dm  Notifier
}

var _ intranet.Departures = (*Departures)(nil)

// NewDepartures checks the config and returns Departures.
func NewDepartures(cfg DeparturesConfig) (*Departures, error) {
	if cfg.Installations == nil || cfg.State == nil || cfg.Admins == nil {
		return nil, errors.New("departures: Config.Installations, State and Admins are required")
	}
	if cfg.Env.Installations == nil {
		cfg.Env.Installations = cfg.Installations
	}
	if err := cfg.Ready("departures", NeedTx); err != nil {
		return nil, err
	}
	return &Departures{cfg: cfg, dm: cfg.Notifier()}, nil
}

// InstallationGone records the departure and tells the admins; see
// intranet.Departures. Of several replicas saying it at once, one records
// it. Returns EINVALID without a platform or installation.
func (d *Departures) InstallationGone(ctx context.Context, p intranet.Platform, installation, reason string) error {
	if p == "" || installation == "" {
		return intranet.Errorf(intranet.EINVALID, "A departure needs a platform and an installation.")
	}
	key := installationKey(p, installation)
	// Read before the transaction: on SQLite it holds the write lock, and
	// the phonebook is read on another connection.
	admins, err := d.cfg.Admins.FindPeopleWithRole(ctx, intranet.RoleAdmin)
	if err != nil {
		return fmt.Errorf("installation %s gone: %w", key, err)
	}
	defer d.cfg.Installations.forget()
	err = InTx(ctx, d.cfg.Tx, func(ctx context.Context) error {
		now := d.cfg.Now().UTC()
		dep := departure{Reason: strings.TrimSpace(reason), Since: now}
		if back, err := d.read(ctx, BackNamespace, key); err == nil && now.Sub(back.Back) < SameDeparture {
			dep.Since = back.Since
		} else if err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
			return err
		}
		val, err := json.Marshal(dep)
		if err != nil {
			return err
		}
		won, err := d.cfg.State.ClaimState(ctx, GoneNamespace, key, string(val))
		if err != nil || !won {
			return err // gone already: nothing changes
		}
		// The admins' DMs must see it gone, so that none goes there.
		d.cfg.Installations.forget()
		return d.tellAdmins(ctx, admins, p, installation, dep)
	})
	if err != nil {
		return fmt.Errorf("installation %s gone: %w", key, err)
	}
	return nil
}

// InstallationBack records that a gone installation works again; one that
// is not gone is left alone.
func (d *Departures) InstallationBack(ctx context.Context, p intranet.Platform, installation string) error {
	key := installationKey(p, installation)
	defer d.cfg.Installations.forget()
	err := InTx(ctx, d.cfg.Tx, func(ctx context.Context) error {
		dep, err := d.read(ctx, GoneNamespace, key)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return nil
		} else if err != nil {
			return err
		}
		dep.Back = d.cfg.Now().UTC()
		val, err := json.Marshal(dep)
		if err != nil {
			return err
		}
		if err := d.cfg.State.SetState(ctx, BackNamespace, key, string(val)); err != nil {
			return err
		}
		return d.cfg.State.DeleteState(ctx, GoneNamespace, key)
	})
	if err != nil {
		return fmt.Errorf("installation %s back: %w", key, err)
	}
	return nil
}

// Arrived is told of every request: one from a gone installation brings it
// back (someone wrote from it, so it works).
func (d *Departures) Arrived(ctx context.Context, p intranet.Platform, installation string) error {
	gone, err := d.cfg.Installations.Gone(ctx, p, installation)
	if err != nil || !gone {
		return err
	}
	return d.InstallationBack(ctx, p, installation)
}

func (d *Departures) read(ctx context.Context, namespace, key string) (departure, error) {
	raw, err := d.cfg.State.State(ctx, namespace, key)
	if err != nil {
		return departure{}, err
	}
	var dep departure
	if err := json.Unmarshal([]byte(raw), &dep); err != nil {
		return departure{}, fmt.Errorf("read %s %s: %w", namespace, key, err)
	}
	return dep, nil
}

// tellAdmins DMs every admin, once per departure: the delivery key holds
// the installation and the departure's time.
func (d *Departures) tellAdmins(ctx context.Context, admins []*intranet.Person, p intranet.Platform, installation string, dep departure) error {
	for _, a := range admins {
		if a.IsGuest() {
			continue
		}
		key := fmt.Sprintf("installation.gone:%s:%s:%d:%d", p, installation, dep.Since.Unix(), a.ID)
		if err := d.dm.Send(ctx, DM{To: a, Key: key, Write: func(lang string) intranet.Reply {
			return goneNotice(lang, p, installation, dep, d.cfg.Location)
		}}); err != nil {
			return err
		}
	}
	return nil
}

// goneNotice is the admins' DM: what is gone since when and why, what
// Werkplek does about it and how to bring it back.
func goneNotice(lang string, p intranet.Platform, installation string, dep departure, loc *time.Location) intranet.Reply {
	since := when.DateOf(dep.Since, loc).Format(lang) + " " + dep.Since.In(loc).Format("15:04")
	reason := ""
	if dep.Reason != "" {
		reason = T(lang, " (reden: `%s`)", " (reason: `%s`)", dep.Reason)
	}
	return intranet.Reply{
		Title: T(lang, "Werkplek bereikt %s `%s` niet meer", "Werkplek can no longer reach %s `%s`", platformName(p), installation),
		Text: T(lang, "Sinds %s%s stuurt Werkplek daar niets meer heen. Collega's krijgen hun berichten op een ander platform waar ze Werkplek gebruiken; berichten voor kanalen daar worden niet verstuurd.\n"+
			"Installeer de app opnieuw of geef Werkplek een werkend token. Zodra iemand daar Werkplek weer gebruikt, stuurt Werkplek er ook weer heen.",
			"Since %s%s Werkplek sends nothing there. Colleagues get their messages on another platform where they use Werkplek; posts to channels there are not sent.\n"+
				"Install the app again or give Werkplek a working token. As soon as someone uses Werkplek there again, Werkplek sends there again.",
			since, reason),
	}
}

// platformName is a platform as people write it.
func platformName(p intranet.Platform) string {
	switch p {
	case intranet.PlatformSlack:
		return "Slack"
	case intranet.PlatformMattermost:
		return "Mattermost"
	case intranet.PlatformTeams:
		return "Teams"
	}
	return string(p)
}
