package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// handoverFixture seeds the test organisation, syncs the department teams
// and returns the team "Zorg Oost" and a few people's ids by email prefix.
func handoverFixture(t testing.TB, s *store.Store) (*intranet.Team, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	seed(t, s)
	if err := s.SyncDepartmentTeams(ctx); err != nil {
		t.Fatal(err)
	}
	team, err := s.FindTeamByName(ctx, "zorg oost")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, e := range []string{"anouk.vandenberg", "pieter.jansen", "jan.devries", "eva.bakker", "kees.janssen", "sanne.muller"} {
		p, err := s.FindPersonByEmail(ctx, e+"@example.nl")
		if err != nil {
			t.Fatal(err)
		}
		ids[e] = p.ID
	}
	return team, ids
}

func TestTeams(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		team, ids := handoverFixture(t, s)
		if team.Department != "Zorg Oost" || !team.IsLead(ids["anouk.vandenberg"]) || !team.IsMember(ids["jan.devries"]) || team.IsMember(ids["kees.janssen"]) {
			t.Fatalf("department team = %+v", team)
		}
		teams, err := s.Teams(ctx)
		if err != nil || len(teams) != 6 {
			t.Fatalf("teams = %d, %v", len(teams), err)
		}
		// Removed by hand stays removed after the next sync.
		if changed, err := s.SetTeamMember(ctx, team.ID, ids["jan.devries"], false); err != nil || !changed {
			t.Fatalf("remove jan: changed %v, %v", changed, err)
		}
		if err := s.SetState(ctx, "teams", "department_sync", ""); err != nil {
			t.Fatal(err)
		}
		if err := s.SyncDepartmentTeams(ctx); err != nil {
			t.Fatal(err)
		}
		if team, _ = s.FindTeamByID(ctx, team.ID); team.IsMember(ids["jan.devries"]) {
			t.Fatal("jan was added again")
		}
		if _, err := s.CreateTeam(ctx, "ZORG  oost"); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("duplicate team: %v", err)
		}
		nacht, err := s.CreateTeam(ctx, "Nachtdienst")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetTeamMember(ctx, nacht.ID, 99999, true); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("unknown person: %v", err)
		}
		ch := intranet.TeamChannel{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C1"}
		if err := s.LinkTeamChannel(ctx, team.ID, ch); err != nil {
			t.Fatal(err)
		}
		if err := s.LinkTeamChannel(ctx, nacht.ID, ch); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindTeamByChannel(ctx, intranet.PlatformSlack, "C1")
		if err != nil || got.ID != nacht.ID {
			t.Fatalf("channel moved to %v, %v", got, err)
		}
		yes := true
		recs := []intranet.TeamRecord{
			{Line: 2, Name: "Nachtdienst", Leads: []string{"eva.bakker@example.nl"}, Members: []string{"kees.janssen@example.nl"}, Approval: &yes,
				Channels: []intranet.TeamChannel{{Platform: intranet.PlatformMattermost, ChannelID: "m1"}}},
			{Line: 3, Name: "Weekend", Members: []string{"nobody@example.nl"}},
		}
		if _, err := s.ImportTeams(ctx, recs, false); err == nil {
			t.Fatal("import with an unknown person succeeded")
		}
		sum, err := s.ImportTeams(ctx, recs[:1], false)
		if err != nil || sum.Updated != 1 {
			t.Fatalf("import = %+v, %v", sum, err)
		}
		nacht, _ = s.FindTeamByID(ctx, nacht.ID)
		if !nacht.Approval || !nacht.IsLead(ids["eva.bakker"]) || !nacht.IsMember(ids["kees.janssen"]) || len(nacht.Channels) != 2 {
			t.Fatalf("imported team = %+v", nacht)
		}
		mine, err := s.TeamsOf(ctx, ids["kees.janssen"])
		if err != nil || len(mine) != 2 {
			t.Fatalf("teams of kees = %d, %v", len(mine), err)
		}
	})
}

// TestTeamFlagChanged: adding or removing a member or lead says whether
// it changed anything, so that "already a member" is not "now a member".
func TestTeamFlagChanged(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		_, ids := handoverFixture(t, s)
		nacht, err := s.CreateTeam(ctx, "Nachtdienst")
		if err != nil {
			t.Fatal(err)
		}
		kees := ids["kees.janssen"]
		for _, step := range []struct {
			name    string
			set     func(ctx context.Context, teamID, personID int64, on bool) (bool, error)
			on      bool
			changed bool
		}{
			{"RemoveNonMember", s.SetTeamMember, false, false},
			{"AddMember", s.SetTeamMember, true, true},
			{"AddMemberAgain", s.SetTeamMember, true, false},
			{"AddLead", s.SetTeamLead, true, true},
			{"AddLeadAgain", s.SetTeamLead, true, false},
			{"RemoveMember", s.SetTeamMember, false, true},
			{"RemoveMemberAgain", s.SetTeamMember, false, false},
			{"StillLead", s.SetTeamLead, true, false},
			{"RemoveLead", s.SetTeamLead, false, true},
			{"AddMemberBack", s.SetTeamMember, true, true},
		} {
			changed, err := step.set(ctx, nacht.ID, kees, step.on)
			if err != nil || changed != step.changed {
				t.Fatalf("%s: changed %v, %v; want %v", step.name, changed, err, step.changed)
			}
		}
		team, err := s.FindTeamByID(ctx, nacht.ID)
		if err != nil || !team.IsMember(kees) || team.IsLead(kees) {
			t.Fatalf("team = %+v, %v", team, err)
		}
	})
}

func TestHandoverLifecycle(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		team, ids := handoverFixture(t, s)
		now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
		start := now.Add(28 * time.Hour)
		n := intranet.NewHandover{TeamID: team.ID, RequesterID: ids["jan.devries"], Start: start, End: start.Add(8 * time.Hour), What: "Pool Noord"}
		for name, bad := range map[string]func(n intranet.NewHandover) intranet.NewHandover{
			"no description": func(n intranet.NewHandover) intranet.NewHandover { n.What = " "; return n },
			"zero length":    func(n intranet.NewHandover) intranet.NewHandover { n.End = n.Start; return n },
			"too long":       func(n intranet.NewHandover) intranet.NewHandover { n.End = n.Start.Add(17 * time.Hour); return n },
			"in the past":    func(n intranet.NewHandover) intranet.NewHandover { n.Start = now.Add(-time.Hour); return n },
		} {
			if _, err := s.CreateHandover(ctx, bad(n), now); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Errorf("%s: %v", name, err)
			}
		}
		h, err := s.CreateHandover(ctx, n, now)
		if err != nil || h.State != intranet.HandoverOpen || h.Team != "Zorg Oost" || h.Requester != "Jan de Vries" {
			t.Fatalf("create = %+v, %v", h, err)
		}
		if _, err := s.TakeHandover(ctx, h.ID, ids["jan.devries"], false, now); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Fatalf("own take: %v", err)
		}
		h, err = s.TakeHandover(ctx, h.ID, ids["pieter.jansen"], true, now)
		if err != nil || h.State != intranet.HandoverPending || h.Taker != "Pieter Jansen" {
			t.Fatalf("take = %+v, %v", h, err)
		}
		if _, err := s.DecideHandover(ctx, h.ID, ids["anouk.vandenberg"], ids["eva.bakker"], true, now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("approve for a colleague who did not take it: %v", err)
		}
		if h, err = s.DecideHandover(ctx, h.ID, ids["anouk.vandenberg"], ids["pieter.jansen"], false, now); err != nil || h.State != intranet.HandoverOpen || h.TakerID != 0 {
			t.Fatalf("reject = %+v, %v", h, err)
		}
		if _, err = s.TakeHandover(ctx, h.ID, ids["eva.bakker"], false, now); err != nil {
			t.Fatal(err)
		}
		h, err = s.TakeHandover(ctx, h.ID, ids["pieter.jansen"], false, now)
		if intranet.ErrorCode(err) != intranet.ECONFLICT || h.Taker != "Eva Bakker" {
			t.Fatalf("second take = %+v, %v", h, err)
		}
		if _, err := s.CancelHandover(ctx, h.ID, ids["pieter.jansen"], now); intranet.ErrorCode(err) != intranet.EUNAUTHORIZED {
			t.Fatalf("cancel by another: %v", err)
		}
		if h, err = s.CancelHandover(ctx, h.ID, ids["jan.devries"], now); err != nil || h.State != intranet.HandoverCancelled {
			t.Fatalf("cancel = %+v, %v", h, err)
		}
		if _, err := s.CancelHandover(ctx, h.ID, ids["jan.devries"], now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("cancel twice: %v", err)
		}
		// Expiry only at the start, and only while open.
		h2, err := s.CreateHandover(ctx, n, now)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ExpireHandover(ctx, h2.ID, now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("early expiry: %v", err)
		}
		if h2, err = s.ExpireHandover(ctx, h2.ID, start); err != nil || h2.State != intranet.HandoverExpired {
			t.Fatalf("expire = %+v, %v", h2, err)
		}
		if _, err := s.TakeHandover(ctx, h2.ID, ids["eva.bakker"], false, now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("take expired: %v", err)
		}
		events, err := s.HandoverEvents(ctx, now, start.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range events {
			got = append(got, fmt.Sprintf("%d %s %s %s", e.HandoverID, e.Action, e.State, e.ActorEmail))
		}
		want := []string{
			fmt.Sprintf("%d created open jan.devries@example.nl", h.ID),
			fmt.Sprintf("%d taken pending pieter.jansen@example.nl", h.ID),
			fmt.Sprintf("%d rejected open anouk.vandenberg@example.nl", h.ID),
			fmt.Sprintf("%d taken taken eva.bakker@example.nl", h.ID),
			fmt.Sprintf("%d cancelled cancelled jan.devries@example.nl", h.ID),
			fmt.Sprintf("%d created open jan.devries@example.nl", h2.ID),
			fmt.Sprintf("%d expired expired ", h2.ID),
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("events:\n%v\nwant\n%v", got, want)
		}
		ref := intranet.MessageRef{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C1", ID: "1.2"}
		if err := s.AddHandoverPost(ctx, intranet.HandoverPost{HandoverID: h.ID, Ref: ref}); err != nil {
			t.Fatal(err)
		}
		posts, err := s.HandoverPosts(ctx, h.ID)
		if err != nil || len(posts) != 1 || posts[0].Ref != ref {
			t.Fatalf("posts = %+v, %v", posts, err)
		}
	})
}

// replicas opens n stores on one database, as n replicas would.
func replicas(t *testing.T, engine string, n int) []*store.Store {
	url := "sqlite:" + filepath.Join(t.TempDir(), "werkplek.db")
	if engine == "postgres" {
		url = pgtest.URL(t)
	}
	var out []*store.Store
	for i := 0; i < n; i++ {
		s, err := store.Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		out = append(out, s)
	}
	return out
}

// TestHandoverClaimRace is the guarantee: 60 colleagues press "I'll take
// it" at once, spread over four replicas (stores with their own
// connection pools on one database); exactly one gets it, every other is
// told it is taken, and the record shows one take.
func TestHandoverClaimRace(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			stores := replicas(t, engine, 4)
			team, ids := handoverFixture(t, stores[0])
			// 60 extra members to race.
			var takers []int64
			var recs []intranet.TeamRecord
			rec := intranet.TeamRecord{Line: 2, Name: team.Name}
			var people []intranet.PersonRecord
			for i := 0; i < 60; i++ {
				email := fmt.Sprintf("racer%02d@example.nl", i)
				people = append(people, intranet.PersonRecord{Line: i + 2, Name: fmt.Sprintf("Racer %02d", i), Email: email, Department: "Zorg Oost"})
				rec.Members = append(rec.Members, email)
			}
			if _, err := stores[0].ImportPeople(ctx, people, false); err != nil {
				t.Fatal(err)
			}
			recs = append(recs, rec)
			if _, err := stores[0].ImportTeams(ctx, recs, false); err != nil {
				t.Fatal(err)
			}
			for _, e := range rec.Members {
				p, err := stores[0].FindPersonByEmail(ctx, e)
				if err != nil {
					t.Fatal(err)
				}
				takers = append(takers, p.ID)
			}
			now := time.Now()
			for round := 0; round < 3; round++ {
				h, err := stores[0].CreateHandover(ctx, intranet.NewHandover{TeamID: team.ID, RequesterID: ids["jan.devries"],
					Start: now.Add(24 * time.Hour), End: now.Add(32 * time.Hour), What: "Pool Noord"}, now)
				if err != nil {
					t.Fatal(err)
				}
				var wg sync.WaitGroup
				start := make(chan struct{})
				results := make([]error, len(takers))
				views := make([]*intranet.Handover, len(takers))
				for i, id := range takers {
					wg.Add(1)
					go func() {
						defer wg.Done()
						<-start
						views[i], results[i] = stores[i%len(stores)].TakeHandover(ctx, h.ID, id, false, now)
					}()
				}
				close(start)
				wg.Wait()
				winner := int64(0)
				for i, err := range results {
					switch intranet.ErrorCode(err) {
					case "":
						if winner != 0 {
							t.Fatalf("two winners: %d and %d", winner, takers[i])
						}
						winner = takers[i]
					case intranet.ECONFLICT:
						if views[i] == nil || views[i].State != intranet.HandoverTaken || views[i].TakerID == 0 {
							t.Fatalf("loser sees %+v", views[i])
						}
					default:
						t.Fatalf("claim %d: %v", i, err)
					}
				}
				got, err := stores[1].FindHandoverByID(ctx, h.ID)
				if err != nil || winner == 0 || got.TakerID != winner || got.State != intranet.HandoverTaken {
					t.Fatalf("winner %d, stored %+v, %v", winner, got, err)
				}
				for i := range views {
					if results[i] != nil && views[i].TakerID != winner {
						t.Fatalf("loser %d was told %d took it, winner is %d", i, views[i].TakerID, winner)
					}
				}
				events, err := stores[0].HandoverEvents(ctx, now, now.Add(48*time.Hour))
				if err != nil {
					t.Fatal(err)
				}
				takes := 0
				for _, e := range events {
					if e.HandoverID == h.ID && e.Action == intranet.ActionTaken {
						takes++
					}
				}
				if takes != 1 {
					t.Fatalf("%d takes recorded", takes)
				}
			}
		})
	}
}

// TestHandoverClaimAgainstCancel races a colleague's take against the
// requester's cancel, many times: the cancel always ends it (a requester
// may cancel what was taken), the take either came first (and its taker is
// on the cancelled request, to be told) or was refused, and the record
// agrees with the outcome.
func TestHandoverClaimAgainstCancel(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			stores := replicas(t, engine, 2)
			team, ids := handoverFixture(t, stores[0])
			now := time.Now()
			outcomes := map[string]int{}
			for round := 0; round < 40; round++ {
				h, err := stores[0].CreateHandover(ctx, intranet.NewHandover{TeamID: team.ID, RequesterID: ids["jan.devries"],
					Start: now.Add(24 * time.Hour), End: now.Add(30 * time.Hour), What: "Pool Zuid"}, now)
				if err != nil {
					t.Fatal(err)
				}
				start := make(chan struct{})
				var takeErr, cancelErr error
				var wg sync.WaitGroup
				wg.Add(2)
				go func() {
					defer wg.Done()
					<-start
					_, takeErr = stores[0].TakeHandover(ctx, h.ID, ids["pieter.jansen"], false, now)
				}()
				go func() {
					defer wg.Done()
					<-start
					_, cancelErr = stores[1].CancelHandover(ctx, h.ID, ids["jan.devries"], now)
				}()
				close(start)
				wg.Wait()
				if cancelErr != nil {
					t.Fatalf("cancel: %v", cancelErr)
				}
				got, err := stores[0].FindHandoverByID(ctx, h.ID)
				if err != nil || got.State != intranet.HandoverCancelled {
					t.Fatalf("state %+v, %v", got, err)
				}
				events, _ := stores[0].HandoverEvents(ctx, now, now.Add(48*time.Hour))
				var actions []string
				for _, e := range events {
					if e.HandoverID == h.ID {
						actions = append(actions, string(e.Action))
					}
				}
				switch intranet.ErrorCode(takeErr) {
				case "":
					outcomes["take first"]++
					if got.TakerID != ids["pieter.jansen"] || fmt.Sprint(actions) != "[created taken cancelled]" {
						t.Fatalf("take won, then %+v %v", got, actions)
					}
				case intranet.ECONFLICT:
					outcomes["cancel first"]++
					if got.TakerID != 0 || fmt.Sprint(actions) != "[created cancelled]" {
						t.Fatalf("cancel won, then %+v %v", got, actions)
					}
				default:
					t.Fatalf("take: %v", takeErr)
				}
			}
			t.Logf("%s: %v", engine, outcomes)
		})
	}
}

// BenchmarkHandoverClaim measures the claim path (the conditional UPDATE
// and its event, in one transaction) on PostgreSQL with 32 concurrent
// claimers, each claim on a request of its own, through one store (one
// replica's pool of 20 connections). It reports claims per second and the
// 99th percentile of one claim's time.
//
//	go test ./intranet/store -run '^$' -bench HandoverClaim -benchtime 4000x
func BenchmarkHandoverClaim(b *testing.B) {
	const claimers = 32
	ctx := context.Background()
	s := open(b, "postgres")
	team, ids := handoverFixture(b, s)
	var people []intranet.PersonRecord
	rec := intranet.TeamRecord{Line: 2, Name: team.Name}
	for i := 0; i < claimers; i++ {
		email := fmt.Sprintf("claimer%02d@example.nl", i)
		people = append(people, intranet.PersonRecord{Line: i + 2, Name: fmt.Sprintf("Claimer %02d", i), Email: email, Department: "Zorg Oost"})
		rec.Members = append(rec.Members, email)
	}
	if _, err := s.ImportPeople(ctx, people, false); err != nil {
		b.Fatal(err)
	}
	if _, err := s.ImportTeams(ctx, []intranet.TeamRecord{rec}, false); err != nil {
		b.Fatal(err)
	}
	var takers []int64
	for _, e := range rec.Members {
		p, err := s.FindPersonByEmail(ctx, e)
		if err != nil {
			b.Fatal(err)
		}
		takers = append(takers, p.ID)
	}
	now := time.Now()
	requests := make([]int64, b.N)
	for i := range requests {
		h, err := s.CreateHandover(ctx, intranet.NewHandover{TeamID: team.ID, RequesterID: ids["jan.devries"],
			Start: now.Add(24 * time.Hour), End: now.Add(32 * time.Hour), What: "Pool"}, now)
		if err != nil {
			b.Fatal(err)
		}
		requests[i] = h.ID
	}
	latencies := make([]time.Duration, b.N)
	var next sync.Mutex
	n := 0
	var wg sync.WaitGroup
	b.ResetTimer()
	began := time.Now()
	for w := 0; w < claimers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				next.Lock()
				i := n
				n++
				next.Unlock()
				if i >= b.N {
					return
				}
				t0 := time.Now()
				if _, err := s.TakeHandover(ctx, requests[i], takers[w], false, now); err != nil {
					b.Error(err)
					return
				}
				latencies[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(began)
	b.StopTimer()
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "claims/s")
	b.ReportMetric(float64(latencies[b.N*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(latencies[b.N/2].Microseconds())/1000, "p50-ms")
}
