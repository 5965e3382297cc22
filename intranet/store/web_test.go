package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestSignIns: a link works once and until its Expires (not at it);
// unknown, used and expired links are ENOTFOUND; bad links are refused.
func TestSignIns(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		eva := personID(t, s, "eva.bakker@example.nl")
		now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
		link := intranet.SignIn{Hash: "h-eva", PersonID: eva, Expires: now.Add(intranet.SignInValid), Platform: intranet.PlatformTeams}

		if err := s.CreateSignIn(ctx, intranet.SignIn{PersonID: eva, Expires: link.Expires}); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("no hash: %v, want EINVALID", err)
		}
		if err := s.CreateSignIn(ctx, intranet.SignIn{Hash: "h-nobody", PersonID: 999999, Expires: link.Expires}); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown person: %v, want ENOTFOUND", err)
		}
		if err := s.CreateSignIn(ctx, link); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateSignIn(ctx, link); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("same hash: %v, want ECONFLICT", err)
		}
		if _, err := s.UseSignIn(ctx, "h-unknown", now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown: %v, want ENOTFOUND", err)
		}
		if _, err := s.UseSignIn(ctx, "", now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("empty: %v, want ENOTFOUND", err)
		}
		if _, err := s.UseSignIn(ctx, link.Hash, link.Expires); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("at its expiry: %v, want ENOTFOUND", err)
		}
		got, err := s.UseSignIn(ctx, link.Hash, link.Expires.Add(-time.Microsecond))
		if err != nil {
			t.Fatalf("just before its expiry: %v", err)
		}
		if diff := cmp.Diff(&link, got); diff != "" {
			t.Errorf("used (-want +got):\n%s", diff)
		}
		if _, err := s.UseSignIn(ctx, link.Hash, now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("used twice: %v, want ENOTFOUND", err)
		}

		// An expired link stays unusable, also for a clock that is behind.
		old := intranet.SignIn{Hash: "h-old", PersonID: eva, Expires: now, Platform: intranet.PlatformWeb}
		if err := s.CreateSignIn(ctx, old); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UseSignIn(ctx, old.Hash, now.Add(time.Hour)); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("expired: %v, want ENOTFOUND", err)
		}
		if got, err := s.UseSignIn(ctx, old.Hash, now.Add(-time.Minute)); err != nil || got.Platform != intranet.PlatformWeb {
			t.Errorf("a failed use marks nothing: %+v, %v", got, err)
		}
	})
}

// TestUseSignInRace: twenty requests with the same link at once (a
// double-clicked link, a mail scanner): exactly one signs in.
func TestUseSignInRace(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		eva := personID(t, s, "eva.bakker@example.nl")
		now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
		for round := range 5 {
			hash := fmt.Sprintf("h-race-%d", round)
			if err := s.CreateSignIn(ctx, intranet.SignIn{Hash: hash, PersonID: eva, Expires: now.Add(intranet.SignInValid)}); err != nil {
				t.Fatal(err)
			}
			won := 0
			for i, err := range race(20, func(int) error {
				_, err := s.UseSignIn(ctx, hash, now)
				return err
			}) {
				if err == nil {
					won++
				} else if intranet.ErrorCode(err) != intranet.ENOTFOUND {
					t.Errorf("round %d, caller %d: %v", round, i, err)
				}
			}
			if won != 1 {
				t.Fatalf("round %d: %d callers signed in with one link, want 1", round, won)
			}
		}
	})
}

// TestWebSessions: a session is found while it is used; its last use is
// written only when more than a minute old; one idle longer than
// SessionIdle is not found and deleted; signing out ends it.
func TestWebSessions(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		eva := personID(t, s, "eva.bakker@example.nl")
		t0 := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
		sess := intranet.WebSession{Hash: "s-eva", PersonID: eva, CSRF: "csrf-eva", Created: t0, LastSeen: t0, Framed: true}

		for name, bad := range map[string]intranet.WebSession{
			"no hash": {PersonID: eva, CSRF: "c", Created: t0},
			"no csrf": {Hash: "s-x", PersonID: eva, Created: t0},
		} {
			if err := s.CreateWebSession(ctx, bad); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Errorf("%s: %v, want EINVALID", name, err)
			}
		}
		if err := s.CreateWebSession(ctx, intranet.WebSession{Hash: "s-x", PersonID: 999999, CSRF: "c", Created: t0}); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown person: %v, want ENOTFOUND", err)
		}
		if err := s.CreateWebSession(ctx, sess); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateWebSession(ctx, sess); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("same hash: %v, want ECONFLICT", err)
		}
		if _, err := s.FindWebSession(ctx, "s-unknown", t0); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown: %v, want ENOTFOUND", err)
		}

		find := func(at, wantSeen time.Time) {
			t.Helper()
			got, err := s.FindWebSession(ctx, sess.Hash, at)
			if err != nil {
				t.Fatalf("find at %s: %v", at.Format(time.TimeOnly), err)
			}
			want := sess
			want.LastSeen = wantSeen
			if diff := cmp.Diff(&want, got); diff != "" {
				t.Errorf("find at %s (-want +got):\n%s", at.Format(time.TimeOnly), diff)
			}
		}
		find(t0.Add(30*time.Second), t0)
		// Had the touch at 30s been written, 61s would be within its minute.
		t1 := t0.Add(61 * time.Second)
		find(t1, t1)
		find(t1.Add(time.Minute), t1)
		// Idle exactly SessionIdle still works (and is a touch).
		t2 := t1.Add(intranet.SessionIdle)
		find(t2, t2)
		if _, err := s.FindWebSession(ctx, sess.Hash, t2.Add(intranet.SessionIdle+time.Microsecond)); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("idle too long: %v, want ENOTFOUND", err)
		}
		if _, err := s.FindWebSession(ctx, sess.Hash, t2); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("after idling too long: %v, want ENOTFOUND (deleted)", err)
		}

		// A session without LastSeen was last seen when it was made.
		other := intranet.WebSession{Hash: "s-other", PersonID: eva, CSRF: "csrf-other", Created: t0}
		if err := s.CreateWebSession(ctx, other); err != nil {
			t.Fatal(err)
		}
		if got, err := s.FindWebSession(ctx, other.Hash, t0); err != nil || !got.LastSeen.Equal(t0) || got.Framed {
			t.Errorf("other: %+v, %v", got, err)
		}
		if err := s.DeleteWebSession(ctx, other.Hash); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FindWebSession(ctx, other.Hash, t0); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("signed out: %v, want ENOTFOUND", err)
		}
		if err := s.DeleteWebSession(ctx, other.Hash); err != nil {
			t.Errorf("sign out twice: %v", err)
		}
	})
}

// TestWebIdentities: a subject is linked to one person and a person to one
// subject per issuer; linking the same again is no error, and a conflict
// inside a transaction leaves the transaction usable.
func TestWebIdentities(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		eva, jan := personID(t, s, "eva.bakker@example.nl"), personID(t, s, "jan.devries@example.nl")
		const entra, google = "https://login.microsoftonline.com/t/v2.0", "https://accounts.google.com"

		if _, err := s.FindWebIdentity(ctx, entra, "oid-eva"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("never linked: %v, want ENOTFOUND", err)
		}
		for name, bad := range map[string]intranet.WebIdentity{
			"no issuer":  {Subject: "oid-eva", PersonID: eva},
			"no subject": {Issuer: entra, PersonID: eva},
		} {
			if err := s.LinkWebIdentity(ctx, bad); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Errorf("%s: %v, want EINVALID", name, err)
			}
		}
		if err := s.LinkWebIdentity(ctx, intranet.WebIdentity{Issuer: entra, Subject: "oid-x", PersonID: 999999}); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown person: %v, want ENOTFOUND", err)
		}
		evaEntra := intranet.WebIdentity{Issuer: entra, Subject: "oid-eva", PersonID: eva}
		for i := range 2 {
			if err := s.LinkWebIdentity(ctx, evaEntra); err != nil {
				t.Fatalf("link %d: %v", i, err)
			}
		}
		if got, err := s.FindWebIdentity(ctx, entra, "oid-eva"); err != nil || *got != evaEntra {
			t.Errorf("find: %+v, %v", got, err)
		}
		for name, c := range map[string]intranet.WebIdentity{
			"person has another subject":      {Issuer: entra, Subject: "oid-eva-2", PersonID: eva},
			"subject belongs to someone else": {Issuer: entra, Subject: "oid-eva", PersonID: jan},
		} {
			if err := s.LinkWebIdentity(ctx, c); intranet.ErrorCode(err) != intranet.ECONFLICT {
				t.Errorf("%s: %v, want ECONFLICT", name, err)
			}
		}
		err := s.InTx(ctx, func(ctx context.Context) error {
			if err := s.LinkWebIdentity(ctx, intranet.WebIdentity{Issuer: entra, Subject: "oid-eva", PersonID: jan}); intranet.ErrorCode(err) != intranet.ECONFLICT {
				t.Errorf("in a transaction: %v, want ECONFLICT", err)
			}
			return s.LinkWebIdentity(ctx, intranet.WebIdentity{Issuer: entra, Subject: "oid-jan", PersonID: jan})
		})
		if err != nil {
			t.Fatalf("transaction after a conflict: %v", err)
		}
		if err := s.LinkWebIdentity(ctx, intranet.WebIdentity{Issuer: google, Subject: "oid-eva", PersonID: eva}); err != nil {
			t.Errorf("another issuer: %v", err)
		}
		for _, want := range []intranet.WebIdentity{evaEntra, {Issuer: entra, Subject: "oid-jan", PersonID: jan}, {Issuer: google, Subject: "oid-eva", PersonID: eva}} {
			if got, err := s.FindWebIdentity(ctx, want.Issuer, want.Subject); err != nil || *got != want {
				t.Errorf("find %+v: %+v, %v", want, got, err)
			}
		}
	})
}

// TestWebCascade: a person's links, sessions and identities go with the
// person. The store deletes no people yet, so the test deletes one itself.
func TestWebCascade(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		fatima := personID(t, s, "fatima.elamrani@example.nl")
		now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
		if err := s.CreateSignIn(ctx, intranet.SignIn{Hash: "h-f", PersonID: fatima, Expires: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateWebSession(ctx, intranet.WebSession{Hash: "s-f", PersonID: fatima, CSRF: "c", Created: now}); err != nil {
			t.Fatal(err)
		}
		if err := s.LinkWebIdentity(ctx, intranet.WebIdentity{Issuer: "iss", Subject: "sub-f", PersonID: fatima}); err != nil {
			t.Fatal(err)
		}
		db, err := s.DB()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, fmt.Sprintf("DELETE FROM people WHERE id = %d", fatima)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UseSignIn(ctx, "h-f", now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("link: %v, want ENOTFOUND", err)
		}
		if _, err := s.FindWebSession(ctx, "s-f", now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("session: %v, want ENOTFOUND", err)
		}
		if _, err := s.FindWebIdentity(ctx, "iss", "sub-f"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("identity: %v, want ENOTFOUND", err)
		}
	})
}

// TestPurgeWeb: links used or expired more than a day ago and sessions
// idle longer than SessionIdle are deleted, the rest kept.
func TestPurgeWeb(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		eva := personID(t, s, "eva.bakker@example.nl")
		now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
		day := 24 * time.Hour
		for hash, expires := range map[string]time.Time{
			"expired-2-days": now.Add(-2 * day),
			"expired-1-hour": now.Add(-time.Hour),
			"used-25-hours":  now.Add(time.Hour),
			"used-1-hour":    now.Add(time.Hour),
			"working":        now.Add(time.Minute),
		} {
			if err := s.CreateSignIn(ctx, intranet.SignIn{Hash: hash, PersonID: eva, Expires: expires}); err != nil {
				t.Fatal(err)
			}
		}
		for hash, at := range map[string]time.Time{"used-25-hours": now.Add(-25 * time.Hour), "used-1-hour": now.Add(-time.Hour)} {
			if _, err := s.UseSignIn(ctx, hash, at); err != nil {
				t.Fatal(err)
			}
		}
		for hash, seen := range map[string]time.Time{
			"idle-too-long": now.Add(-intranet.SessionIdle - time.Microsecond),
			"idle-just-ok":  now.Add(-intranet.SessionIdle),
		} {
			if err := s.CreateWebSession(ctx, intranet.WebSession{Hash: hash, PersonID: eva, CSRF: "c", Created: seen.Add(-time.Hour), LastSeen: seen}); err != nil {
				t.Fatal(err)
			}
		}
		if n, err := s.PurgeWeb(ctx, now); err != nil || n != 3 {
			t.Errorf("purge = %d, %v, want 3 (expired-2-days, used-25-hours, idle-too-long)", n, err)
		}
		if n, err := s.PurgeWeb(ctx, now); err != nil || n != 0 {
			t.Errorf("purge again = %d, %v, want 0", n, err)
		}
		if _, err := s.UseSignIn(ctx, "expired-1-hour", now.Add(-2*time.Hour)); err != nil {
			t.Errorf("expired-1-hour was purged: %v", err)
		}
		if _, err := s.FindWebSession(ctx, "idle-just-ok", now); err != nil {
			t.Errorf("idle-just-ok was purged: %v", err)
		}
		if _, err := s.UseSignIn(ctx, "working", now); err != nil {
			t.Errorf("working was purged: %v", err)
		}
		// A day on, the rest goes: 3 links and the session.
		if n, err := s.PurgeWeb(ctx, now.Add(day+2*time.Hour)); err != nil || n != 4 {
			t.Errorf("purge a day on = %d, %v, want 4", n, err)
		}
	})
}
