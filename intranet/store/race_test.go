package store_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/store"
)

// race starts n copies of fn at once and returns their errors by index.
func race(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	startGun := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-startGun
			errs[i] = fn(i)
		}()
	}
	close(startGun)
	wg.Wait()
	return errs
}

// TestRacingAnswers: an answer edited over and over while a colleague
// answers the same question: every change succeeds (each rebuilds the
// question's search terms) and the knowledge base finds the final words.
func TestRacingAnswers(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ids := questionPeople(t, s)
		now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
		jan, eva, pieter := ids["jan.devries"], ids["eva.bakker"], ids["pieter.jansen"]
		q, err := s.CreateQuestion(ctx, intranet.NewQuestion{AskerID: jan, Text: "Hoe declareer ik mijn reiskosten?", Lang: "nl"}, now)
		if err != nil {
			t.Fatal(err)
		}
		a1, err := s.AddAnswer(ctx, q.ID, eva, "Via het portaal.", now)
		if err != nil {
			t.Fatal(err)
		}
		errs := race(30, func(i int) error {
			if i%2 == 0 {
				_, err := s.EditAnswer(ctx, a1.ID, eva, fmt.Sprintf("Via het declaratieportaal, versie %d.", i), now)
				return err
			}
			_, err := s.AddAnswer(ctx, q.ID, pieter, fmt.Sprintf("Vraag het aan salarisadministratie, kamer %d.", i), now)
			return err
		})
		for i, err := range errs {
			if err != nil {
				t.Errorf("change %d: %v", i, err)
			}
		}
		if _, err := s.AcceptAnswer(ctx, q.ID, a1.ID, jan, now); err != nil {
			t.Fatal(err)
		}
		for _, query := range []string{"declaratieportaal", "salarisadministratie"} {
			if m, err := s.SearchKnowledge(ctx, intranet.KnowledgeSearch{Query: query}); err != nil || len(m) != 1 || m[0].Question.ID != q.ID {
				t.Errorf("search %q = %v, %v", query, m, err)
			}
		}
	})
}

// TestAcceptWhileRemoving races the asker's accept of an answer with a
// moderator's removal of it, twenty times: either may come first, but a
// question is never left accepted with a removed answer.
func TestAcceptWhileRemoving(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ids := questionPeople(t, s)
		now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
		jan, eva, pieter := ids["jan.devries"], ids["eva.bakker"], ids["pieter.jansen"]
		for round := range 20 {
			q, err := s.CreateQuestion(ctx, intranet.NewQuestion{AskerID: jan, Text: fmt.Sprintf("Waar vind ik formulier %d?", round), Lang: "nl"}, now)
			if err != nil {
				t.Fatal(err)
			}
			a1, err := s.AddAnswer(ctx, q.ID, eva, "In de map Formulieren.", now)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddAnswer(ctx, q.ID, pieter, "Vraag het secretariaat.", now); err != nil {
				t.Fatal(err)
			}
			errs := race(2, func(i int) error {
				if i == 0 {
					_, err := s.AcceptAnswer(ctx, q.ID, a1.ID, jan, now)
					return err
				}
				_, err := s.RemoveAnswer(ctx, a1.ID, now)
				return err
			})
			if errs[1] != nil {
				t.Fatalf("round %d: remove: %v", round, errs[1])
			}
			if code := intranet.ErrorCode(errs[0]); errs[0] != nil && code != intranet.ECONFLICT && code != intranet.EINVALID {
				t.Fatalf("round %d: accept: %v", round, errs[0])
			}
			got, err := s.FindQuestionByID(ctx, q.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.State == intranet.QuestionAccepted || got.AcceptedAnswerID != 0 {
				t.Fatalf("round %d: question %s with accepted answer %d, which was removed", round, got.State, got.AcceptedAnswerID)
			}
		}
	})
}

// TestRacingAccepts: the asker accepts one answer ten times at once (a
// double tap on a slow network): one accept changes the question, the
// others hear it is accepted already.
func TestRacingAccepts(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ids := questionPeople(t, s)
		now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
		jan, eva := ids["jan.devries"], ids["eva.bakker"]
		q, err := s.CreateQuestion(ctx, intranet.NewQuestion{AskerID: jan, Text: "Waar vind ik het verlofformulier?", Lang: "nl"}, now)
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.AddAnswer(ctx, q.ID, eva, "In de map Formulieren.", now)
		if err != nil {
			t.Fatal(err)
		}
		errs := race(10, func(int) error {
			_, err := s.AcceptAnswer(ctx, q.ID, a.ID, jan, now)
			return err
		})
		won := 0
		for i, err := range errs {
			switch intranet.ErrorCode(err) {
			case "":
				won++
			case intranet.ECONFLICT:
			default:
				t.Errorf("accept %d: %v", i, err)
			}
		}
		if won != 1 {
			t.Fatalf("%d accepts changed the question, want 1", won)
		}
	})
}

// TestRacingSubscribes: the same subscription asked for ten times at once
// (a double tap, a slow network) is made once; the others are told it
// exists.
func TestRacingSubscribes(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		jan := personID(t, s, "jan.devries@example.nl")
		now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
		sub := intranet.Subscription{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C1"}, PersonID: jan,
			Schedule: intranet.Schedule{Kind: intranet.ScheduleDaily, Minute: 8*60 + 30}, Next: now.Add(23 * time.Hour)}
		made := 0
		for i, err := range race(10, func(int) error { _, err := s.CreateSubscription(ctx, sub, now); return err }) {
			switch intranet.ErrorCode(err) {
			case "":
				made++
			case intranet.ECONFLICT:
			default:
				t.Errorf("subscribe %d: %v", i, err)
			}
		}
		if l, err := s.Subscriptions(ctx, intranet.SubscriptionFilter{Platform: intranet.PlatformSlack, ChannelID: "C1"}); made != 1 || err != nil || len(l) != 1 {
			t.Errorf("%d subscribes succeeded, %d stored (%v)", made, len(l), err)
		}
	})
}

// TestRacingTeamChanges: adding one person to a team and linking one
// channel, each ten times at once, all succeed with one row each; exactly
// one add says it changed something.
func TestRacingTeamChanges(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		jan := personID(t, s, "jan.devries@example.nl")
		nacht, err := s.CreateTeam(ctx, "Nachtdienst")
		if err != nil {
			t.Fatal(err)
		}
		ch := intranet.TeamChannel{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "CNACHT"}
		var added atomic.Int32
		errs := race(20, func(i int) error {
			if i%2 == 0 {
				changed, err := s.SetTeamMember(ctx, nacht.ID, jan, true)
				if changed {
					added.Add(1)
				}
				return err
			}
			return s.LinkTeamChannel(ctx, nacht.ID, ch)
		})
		for i, err := range errs {
			if err != nil {
				t.Errorf("change %d: %v", i, err)
			}
		}
		if n := added.Load(); n != 1 {
			t.Errorf("%d adds changed the team, want 1", n)
		}
		team, err := s.FindTeamByID(ctx, nacht.ID)
		if err != nil || !team.IsMember(jan) || len(team.Members) != 1 || len(team.Channels) != 1 {
			t.Fatalf("team = %+v, %v", team, err)
		}
	})
}

// TestRacingImports: the same people, rooms and teams files imported three
// times at once (a scheduled sync on every replica) all succeed, and the
// result is the file's, once.
func TestRacingImports(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		people := demo.People()
		rooms := demo.Rooms()
		errs := race(6, func(i int) error {
			if i%2 == 0 {
				_, err := s.ImportPeople(ctx, people, false)
				return err
			}
			_, err := s.SaveRooms(ctx, rooms, false)
			return err
		})
		for i, err := range errs {
			if err != nil {
				t.Errorf("import %d: %v", i, err)
			}
		}
		teams := []intranet.TeamRecord{{Line: 2, Name: "Nachtdienst", Leads: []string{people[0].Email}, Members: []string{people[1].Email, people[2].Email}}}
		for i, err := range race(3, func(int) error { _, err := s.ImportTeams(ctx, teams, false); return err }) {
			if err != nil {
				t.Errorf("teams import %d: %v", i, err)
			}
		}
		if got, err := s.Rooms(ctx, false); err != nil || len(got) != len(rooms) {
			t.Errorf("%d rooms of %d (%v)", len(got), len(rooms), err)
		}
		if team, err := s.FindTeamByName(ctx, "Nachtdienst"); err != nil || len(team.Members) != 3 {
			t.Errorf("team = %+v, %v", team, err)
		}
	})
}
