package store_test

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// peopleReferences reads from the schema every column with a foreign key to
// people, as table.column, so that a migration that adds one is seen.
func peopleReferences(t *testing.T, s *store.Store) []string {
	t.Helper()
	db, err := s.DB()
	if err != nil {
		t.Fatal(err)
	}
	query := `SELECT kcu.table_name || '.' || kcu.column_name FROM information_schema.referential_constraints rc
JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name AND kcu.constraint_schema = rc.constraint_schema
JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.unique_constraint_name AND ccu.constraint_schema = rc.unique_constraint_schema
WHERE ccu.table_name = 'people' AND kcu.table_schema = current_schema()`
	if s.Engine() == store.SQLite {
		query = `SELECT m.name || '.' || f."from" FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f."table" = 'people'`
	}
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var tc string
		if err := rows.Scan(&tc); err != nil {
			t.Fatal(err)
		}
		out = append(out, tc)
	}
	sort.Strings(out)
	return out
}

// TestPersonColumnsCoverSchema: every column that references people is
// one the export reads and erasure handles. A new table with a person
// in it fails here until store.PersonColumns (and ErasePerson) know it.
func TestPersonColumnsCoverSchema(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		refs := peopleReferences(t, s)
		if len(refs) < 20 {
			t.Fatalf("read only %d references from the schema: %v", len(refs), refs)
		}
		covered := map[string]bool{}
		for _, tc := range store.PersonColumns() {
			covered[tc] = true
		}
		for _, tc := range refs {
			if !covered[tc] {
				t.Errorf("%s references people, but the export and erasure do not cover it (store.personColumns)", tc)
			}
		}
	})
}

func TestPersonDataAndErase(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { return now }
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{
			{Line: 2, Name: "Anouk Admin", Email: "anouk@example.nl", Roles: []intranet.Role{intranet.RoleAdmin}},
			{Line: 3, Name: "Pieter Jansen", Email: "pieter@example.nl", Mobile: "0612345678", Department: "Zorg", EmployeeNumber: "E42", ManagerEmail: "anouk@example.nl"},
			{Line: 4, Name: "Kees Chef", Email: "kees@example.nl", ManagerEmail: "pieter@example.nl"},
		}, false); err != nil {
			t.Fatal(err)
		}
		anouk, _ := s.FindPersonByEmail(ctx, "anouk@example.nl")
		pieter, _ := s.FindPersonByEmail(ctx, "pieter@example.nl")
		if err := s.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U9", PersonID: pieter.ID}); err != nil {
			t.Fatal(err)
		}
		for _, e := range []intranet.AuditEntry{
			{ActorID: anouk.ID, Actor: anouk.Email, Action: "team member add", SubjectID: pieter.ID, Subject: pieter.Email, Detail: "/team member add Zorg pieter@example.nl → Added Pieter Jansen."},
			{ActorID: anouk.ID, Actor: anouk.Email, Action: "room add", Subject: "Zaal 1"},
		} {
			if err := s.Audit(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		if _, _, err := s.PutOutbox(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U9"},
			Reply: intranet.Reply{Text: "Your booking"}, Key: "dm:1"}); err != nil {
			t.Fatal(err)
		}

		if _, err := s.SaveRooms(ctx, []intranet.RoomRecord{{Line: 2, Name: "Stilte", Capacity: 2, Opens: 7 * 60, Closes: 19 * 60}}, false); err != nil {
			t.Fatal(err)
		}
		rooms, _ := s.Rooms(ctx, false)
		past := intranet.Slot{Start: now.Add(-48 * time.Hour), End: now.Add(-47 * time.Hour)}
		future := intranet.Slot{Start: now.Add(48 * time.Hour), End: now.Add(49 * time.Hour)}
		if _, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: rooms[0].ID, PersonID: pieter.ID, Title: "Gesprek met Pieter", Slots: []intranet.Slot{past, future}}); err != nil {
			t.Fatal(err)
		}

		data, err := s.PersonData(ctx, pieter.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := data.Records["bookings.person_id"]; len(got) != 2 {
			t.Errorf("bookings: %v", got)
		}
		if data.Person.Email != pieter.Email || data.Person.Mobile != "0612345678" || len(data.Person.Accounts) != 1 {
			t.Errorf("profile: %+v", data.Person)
		}
		if got := data.Records["accounts.person_id"]; len(got) != 1 || got[0]["user_id"] != "U9" {
			t.Errorf("accounts: %v", got)
		}
		if got := data.Records["audit_log.subject_id"]; len(got) != 1 || got[0]["action"] != "team member add" {
			t.Errorf("audit about them: %v", got)
		}
		if got := data.Messages["outbox"]; len(got) != 1 {
			t.Errorf("messages: %v", got)
		}
		for _, tc := range store.PersonColumns() {
			if _, ok := data.Records[tc]; !ok {
				t.Errorf("export lacks %s", tc)
			}
		}

		if _, err := s.ErasePerson(ctx, pieter.ID); err != nil {
			t.Fatal(err)
		}
		gone, err := s.FindPersonByID(ctx, pieter.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := intranet.Person{ID: pieter.ID, Name: store.ErasedName, Email: intranet.ErasedEmail(pieter.ID), EmployeeNumber: "E42", Inactive: true}
		got := intranet.Person{ID: gone.ID, Name: gone.Name, Email: gone.Email, Phone: gone.Phone, Mobile: gone.Mobile, Department: gone.Department,
			Title: gone.Title, Location: gone.Location, Manager: gone.Manager, Skills: gone.Skills, Roles: gone.Roles, EmployeeNumber: gone.EmployeeNumber,
			Inactive: gone.Inactive, Accounts: gone.Accounts}
		if len(got.Roles) == 0 {
			got.Roles = nil
		}
		if len(got.Skills) == 0 {
			got.Skills = nil
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("erased person (-want +got):\n%s", diff)
		}
		log, _ := s.AuditLog(ctx, intranet.AuditQuery{PersonID: pieter.ID})
		if len(log) != 1 || log[0].Subject != "erased person "+itoa(pieter.ID) || log[0].Detail != "/team member add Zorg erased person "+itoa(pieter.ID)+" → Added erased person "+itoa(pieter.ID)+"." {
			t.Errorf("audit log about them: %+v", log)
		}
		if _, err := s.FindPersonByEmail(ctx, "pieter@example.nl"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("found by the old email: %v", err)
		}
		kees, _ := s.FindPersonByEmail(ctx, "kees@example.nl")
		if kees.ManagerID != 0 || kees.Manager != "" {
			t.Errorf("still their manager: %+v", kees)
		}
		data, err = s.PersonData(ctx, pieter.ID)
		if err != nil {
			t.Fatal(err)
		}
		// The past booking stays as the room's history, the future one is
		// cancelled: the room is free; neither has its title.
		if _, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: rooms[0].ID, PersonID: anouk.ID, Slots: []intranet.Slot{future}}); err != nil {
			t.Errorf("the room is not free: %v", err)
		}
		kept, _ := s.Bookings(ctx, intranet.BookingFilter{PersonID: pieter.ID, Cancelled: true})
		if len(kept) != 2 || kept[0].Title != "" || kept[1].Title != "" || kept[0].Cancelled.IsZero() == kept[1].Cancelled.IsZero() {
			t.Errorf("bookings kept: %+v", kept)
		}
		for tc, rows := range data.Records {
			if len(rows) > 0 && tc != "audit_log.subject_id" && tc != "bookings.person_id" {
				t.Errorf("%s kept %v", tc, rows)
			}
		}
		if res, err := s.SearchPeople(ctx, intranet.PersonSearch{Query: "pieter"}); err != nil || len(res.Matches) != 0 {
			t.Errorf("still found: %+v %v", res, err)
		}
		if _, err := s.ErasePerson(ctx, 9999); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown person: %v", err)
		}
	})
}

// TestPurgeRetention: delivered messages older than the limit go, pending
// and held ones stay whatever their age; a channel post keeps its row for
// the message it became, without its body.
func TestPurgeRetention(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 8, 1, 9, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { return now }
		put := func(key string, sent bool) int64 {
			t.Helper()
			id, _, err := s.PutOutbox(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U" + key},
				Reply: intranet.Reply{Text: "Private " + key}, Key: key})
			if err != nil {
				t.Fatal(err)
			}
			if sent {
				if err := s.MarkOutboxSent(ctx, id, intranet.MessageRef{ID: "m" + key}); err != nil {
					t.Fatal(err)
				}
			}
			return id
		}
		oldSent, oldPending := put("old-sent", true), put("old-pending", false)
		var doneJob, pendingJob int64
		if s.Engine() == store.SQLite {
			// SQLite's own job queue: a finished job's arguments go, a
			// pending one stays whatever its age.
			var err error
			if doneJob, err = s.InsertQueuedJob(ctx, "dm", []byte(`{"email":"pieter@example.nl"}`), now, 3, false); err != nil {
				t.Fatal(err)
			}
			if j, err := s.ClaimQueuedJob(ctx); err != nil || j.ID != doneJob {
				t.Fatalf("claim: %+v %v", j, err)
			}
			if err := s.FinishQueuedJob(ctx, doneJob, store.QueueDiscarded, now, "gone"); err != nil {
				t.Fatal(err)
			}
			if pendingJob, err = s.InsertQueuedJob(ctx, "dm", []byte(`{"email":"kees@example.nl"}`), now.AddDate(1, 0, 0), 3, false); err != nil {
				t.Fatal(err)
			}
		}
		now = now.AddDate(0, 3, 0)
		newSent := put("new-sent", true)
		n, err := s.PurgeRetention(ctx, now.AddDate(0, 0, -30))
		want := 1
		if s.Engine() == store.SQLite {
			want = 2
			if _, err := s.QueuedJob(ctx, doneJob); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("finished job kept: %v", err)
			}
			if _, err := s.QueuedJob(ctx, pendingJob); err != nil {
				t.Errorf("pending job: %v", err)
			}
		}
		if err != nil || n != want {
			t.Fatalf("purged %d, %v", n, err)
		}
		if _, err := s.OutboxEntry(ctx, oldSent); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("old delivered kept: %v", err)
		}
		for _, id := range []int64{oldPending, newSent} {
			if _, err := s.OutboxEntry(ctx, id); err != nil {
				t.Errorf("entry %d: %v", id, err)
			}
		}
	})
}

func itoa(n int64) string { return fmtInt(n) }

func fmtInt(n int64) string { return strconv.FormatInt(n, 10) }

// TestEraseAfterDeparture: a person usually leaves first and is erased
// later; their chat accounts were unlinked when they left, yet the export
// still finds the messages to those accounts and what states keeps about
// them, and erasure removes all of it.
func TestEraseAfterDeparture(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{
			{Line: 2, Name: "Anouk Admin", Email: "anouk@example.nl", Roles: []intranet.Role{intranet.RoleAdmin}},
			{Line: 3, Name: "Pieter Jansen", Email: "pieter@example.nl"},
		}, false); err != nil {
			t.Fatal(err)
		}
		pieter, _ := s.FindPersonByEmail(ctx, "pieter@example.nl")
		for _, a := range []intranet.Account{
			{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U9", PersonID: pieter.ID},
			{Platform: intranet.PlatformTeams, Installation: "tenant", UserID: "29:pieter", PersonID: pieter.ID},
		} {
			if err := s.LinkAccount(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		if _, _, err := s.PutOutbox(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U9"},
			Reply: intranet.Reply{Text: "Pieter, your booking of Stilte"}, Key: "dm:pieter"}); err != nil {
			t.Fatal(err)
		}
		for _, st := range [][3]string{
			{"teams.users", "29:pieter", `{"name":"Pieter Jansen","aadObjectId":"abc"}`},
			{"hours.cards", itoa(pieter.ID) + ":2026-W48", `[{"outbox_id":1}]`},
			{"teams.users", "29:someone-else", `{"name":"Someone Else"}`},
		} {
			if err := s.SetState(ctx, st[0], st[1], st[2]); err != nil {
				t.Fatal(err)
			}
		}
		if _, _, err := s.DeactivatePerson(ctx, pieter.ID, 0); err != nil {
			t.Fatal(err)
		}

		data, err := s.PersonData(ctx, pieter.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := data.Messages["outbox"]; len(got) != 1 {
			t.Errorf("export: messages to the unlinked account %v", got)
		}
		if got := data.Records["states"]; len(got) != 2 {
			t.Errorf("export: states %v", got)
		}
		if _, err := s.ErasePerson(ctx, pieter.ID); err != nil {
			t.Fatal(err)
		}
		db, err := s.DB()
		if err != nil {
			t.Fatal(err)
		}
		for query, want := range map[string]int{
			"SELECT COUNT(*) FROM outbox WHERE user_id = 'U9'":                                            0,
			"SELECT COUNT(*) FROM states WHERE key = '29:pieter' OR key LIKE '" + itoa(pieter.ID) + ":%'": 0,
			"SELECT COUNT(*) FROM states WHERE key = '29:someone-else'":                                   1,
			"SELECT COUNT(*) FROM former_accounts":                                                        0,
		} {
			var n int
			if err := db.QueryRow(query).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != want {
				t.Errorf("%s: %d, want %d", query, n, want)
			}
		}
	})
}

// TestEraseAuditWhateverTheCase: the audit log keeps no email address or
// name of an erased person, however the admin typed it.
func TestEraseAuditWhateverTheCase(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{
			{Line: 2, Name: "Anouk Admin", Email: "anouk@example.nl", Roles: []intranet.Role{intranet.RoleAdmin}},
			{Line: 3, Name: "Pieter Jansen", Email: "pieter.jansen@example.nl"},
		}, false); err != nil {
			t.Fatal(err)
		}
		anouk, _ := s.FindPersonByEmail(ctx, "anouk@example.nl")
		pieter, _ := s.FindPersonByEmail(ctx, "pieter.jansen@example.nl")
		for _, e := range []intranet.AuditEntry{
			{ActorID: anouk.ID, Actor: anouk.Email, Action: "role add", Subject: "Pieter.Jansen@Example.NL content manager",
				Detail: "/werkplek role add Pieter.Jansen@Example.NL content manager → Pieter Jansen is now a content manager."},
			{ActorID: anouk.ID, Actor: anouk.Email, Action: "team member add", Subject: "Zorg", Detail: "/team member add Zorg PIETER JANSEN → Added."},
		} {
			if err := s.Audit(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.ErasePerson(ctx, pieter.ID); err != nil {
			t.Fatal(err)
		}
		log, err := s.AuditLog(ctx, intranet.AuditQuery{})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range log {
			text := strings.ToLower(e.Actor + " " + e.Subject + " " + e.Detail)
			if strings.Contains(text, "pieter") {
				t.Errorf("the audit log keeps them: %+v", e)
			}
		}
	})
}

// TestPersonDataLeavesOthersOut: a person's export holds the rows that
// are someone else's only as far as they are about the person: a comment
// they removed without its author's words, a subscription to their news
// without who made it.
func TestPersonDataLeavesOthersOut(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		lotte := personID(t, s, "lotte.berg@example.nl")
		jan := personID(t, s, "jan.devries@example.nl")
		now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
		n, err := s.CreateNews(ctx, intranet.NewNewsItem{Title: "Borrel", Body: "Vrijdag", AuthorID: lotte}, now)
		if err != nil {
			t.Fatal(err)
		}
		c, err := s.AddComment(ctx, n.ID, jan, "Jan's own words", now)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.RemoveComment(ctx, c.ID, lotte, "off topic", now); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateSubscription(ctx, intranet.Subscription{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "UJAN"},
			PersonID: jan, Personal: true, AuthorID: lotte, Schedule: intranet.Schedule{Kind: intranet.ScheduleImmediate}}, now); err != nil {
			t.Fatal(err)
		}
		data, err := s.PersonData(ctx, lotte)
		if err != nil {
			t.Fatal(err)
		}
		removed, subs := data.Records["news_comments.removed_by"], data.Records["news_subscriptions.author_id"]
		if len(removed) != 1 || removed[0]["removed_reason"] != "off topic" || len(subs) != 1 {
			t.Fatalf("removed %v, subscriptions %v", removed, subs)
		}
		for _, row := range append(removed, subs...) {
			for col, v := range row {
				if col == "body" || col == "author_id" && row["removed_by"] != nil || col == "person_id" || col == "user_id" || v == "Jan's own words" || v == "UJAN" {
					t.Errorf("someone else's %s in the export: %v", col, row)
				}
			}
		}
	})
}

// TestEraseLeavesNoSearchWord: an erased person's name is no word the
// search knows any more, not even as a "did you mean".
func TestEraseLeavesNoSearchWord(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{
			{Line: 2, Name: "Anouk Admin", Email: "anouk@example.nl", Roles: []intranet.Role{intranet.RoleAdmin}},
			{Line: 3, Name: "Pieter Wolterbeek", Email: "pieter@example.nl", Skills: []string{"Gebarentaal"}},
		}, false); err != nil {
			t.Fatal(err)
		}
		pieter, _ := s.FindPersonByEmail(ctx, "pieter@example.nl")
		if _, err := s.ErasePerson(ctx, pieter.ID); err != nil {
			t.Fatal(err)
		}
		db, err := s.DB()
		if err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"search_terms", "skills"} {
			var n int
			if err := db.QueryRow("SELECT COUNT(*) FROM " + table + " WHERE term LIKE '%wolterbeek%' OR term LIKE '%pieter%' OR term LIKE '%gebaren%'").Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("%s keeps %d of their words", table, n)
			}
		}
		if res, err := s.SearchPeople(ctx, intranet.PersonSearch{Query: "wolterbek"}); err != nil || len(res.Matches) != 0 || len(res.Suggestions) != 0 {
			t.Errorf("search: %+v %v", res, err)
		}
	})
}
