package store

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm"
)

// A person's data: what Werkplek holds about them (their export), what
// erasing them removes or keeps, and the retention of delivered messages
// and finished jobs. README's "Export, erasure and retention" says the same
// for the organisation.

// personColumns are the columns that name a person, as table.column: every
// foreign key to people (TestPersonColumnsCoverSchema reads the schema and
// fails on one missing here) and the columns that hold a person's id
// without one. The export reads every row of each; erasure handles each.
var personColumns = []string{
	"accounts.person_id",
	"answers.author_id",
	"audit_log.actor_id",
	"audit_log.subject_id",
	"board_ads.poster_id",
	"board_replies.person_id",
	"bookings.host_id",
	"bookings.person_id",
	"decisions.person_id",
	"downloads.person_id",
	"former_accounts.person_id",
	"handover_events.actor_id",
	"handovers.requester_id",
	"handovers.taker_id",
	"news_acks.person_id",
	"news_comment_summaries.author_id",
	"news_comments.author_id",
	"news_comments.removed_by",
	"news_follows.person_id",
	"news_items.author_id",
	"news_subscriptions.author_id",
	"news_subscriptions.person_id",
	"outbox.person_id",
	"partner_contacts.person_id",
	"question_experts.person_id",
	"question_topics.owner_id",
	"questions.asker_id",
	"routes.person_id",
	"team_members.person_id",
	"time_entries.person_id",
	"timesheets.decided_by",
	"timesheets.person_id",
	"trips.person_id",
	"web_identities.person_id",
	"web_sessions.person_id",
	"web_sign_ins.person_id",
}

// PersonColumns returns the columns that name a person (table.column),
// which the export and erasure cover.
func PersonColumns() []string { return append([]string(nil), personColumns...) }

// secretColumns are never exported: hashes of secrets a person holds.
var secretColumns = map[string]bool{"hash": true, "csrf": true, "secret": true, "token": true}

// othersRows are the person columns of rows that are someone else's: of
// those the export holds only what is about the person (that they removed
// a comment, and why; that someone follows their news), not the other's
// words or who they are.
var othersRows = map[string][]string{
	"news_comments.removed_by":     {"id", "item_id", "removed_at", "removed_by", "removed_reason"},
	"news_subscriptions.author_id": {"id", "author_id"},
}

// PersonData is everything Werkplek holds about a person.
type PersonData struct {
	Exported time.Time        `json:"exported"`
	Person   *intranet.Person `json:"person"`
	// Records are the rows that name the person, by table.column, each
	// row its columns by name (secret hashes left out).
	Records map[string][]map[string]any `json:"records"`
	// Messages are the messages and mail kept for their chat accounts.
	Messages map[string][]map[string]any `json:"messages"`
}

// PersonData reads everything held about a person. Returns ENOTFOUND for
// an unknown id.
func (s *Store) PersonData(ctx context.Context, id int64) (*PersonData, error) {
	p, err := s.FindPersonByID(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("person data %d: %w", id, err)
	}
	out := &PersonData{Exported: s.Now().UTC(), Person: p, Records: map[string][]map[string]any{}, Messages: map[string][]map[string]any{}}
	for _, tc := range personColumns {
		table, column, _ := strings.Cut(tc, ".")
		cols := "*"
		if only, ok := othersRows[tc]; ok {
			cols = strings.Join(only, ", ")
		}
		rows, err := s.rows(ctx, fmt.Sprintf("SELECT %s FROM %s WHERE %s = ?", cols, table, column), id)
		if err != nil {
			return nil, fmt.Errorf("person data %s: %w", tc, err)
		}
		out.Records[tc] = rows
	}
	accounts, err := chatAccountsEver(s.conn(ctx), id)
	if err != nil {
		return nil, fmt.Errorf("person data accounts: %w", translate(err))
	}
	for _, a := range accounts {
		for _, table := range []string{"outbox", "mail"} {
			rows, err := s.rows(ctx, fmt.Sprintf("SELECT * FROM %s WHERE platform = ? AND installation = ? AND user_id = ?", table), a.Platform, a.Installation, a.UserID)
			if err != nil {
				return nil, fmt.Errorf("person data %s: %w", table, err)
			}
			out.Messages[table] = append(out.Messages[table], rows...)
		}
	}
	where, args := personStates(id, accounts)
	rows, err := s.rows(ctx, "SELECT * FROM states WHERE "+where, args...)
	if err != nil {
		return nil, fmt.Errorf("person data states: %w", err)
	}
	out.Records["states"] = rows
	return out, nil
}

// personStates selects the rows of the states table that are about a
// person: the Teams adapter's reference to their Teams user (their name,
// their Microsoft Entra object id) and the hours unit's record of where
// their week's cards went.
func personStates(id int64, accounts []chatAccount) (string, []any) {
	where, args := "(namespace = 'hours.cards' AND key LIKE ?)", []any{fmt.Sprintf("%d:%%", id)}
	for _, a := range accounts {
		if a.Platform == string(intranet.PlatformTeams) {
			where += " OR (namespace = 'teams.users' AND key = ?)"
			args = append(args, a.UserID)
		}
	}
	return where, args
}

// rows reads a query's rows as maps of column to value.
func (s *Store) rows(ctx context.Context, query string, args ...any) ([]map[string]any, error) {
	rows, err := s.conn(ctx).Raw(query, args...).Rows()
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, translate(err)
		}
		row := map[string]any{}
		for i, c := range cols {
			if secretColumns[c] {
				continue
			}
			if b, ok := vals[i].([]byte); ok {
				vals[i] = string(b)
			}
			row[c] = vals[i]
		}
		out = append(out, row)
	}
	return out, translate(rows.Err())
}

// Erasure says what erasing a person did.
type Erasure struct {
	// Kept counts the rows kept, anonymised, by table: approved payroll
	// records, answers, and the like (see README).
	Kept map[string]int
	// Removed counts the rows deleted by table.
	Removed map[string]int
}

// ErasedName is the name an erased person's row keeps; the views show
// "a former colleague" in the reader's language (intranet.Erased).
const ErasedName = "Former colleague"

// ErasePerson removes or anonymises everything held about a person, in
// one transaction, keeping what README's "Export, erasure and retention"
// lists: the person row, anonymised (name, email, phone numbers, title,
// location, skills, roles, choices cleared; inactive; the employee number
// kept for the approved payroll records); approved weeks with their
// entries and trips; answers, questions, news items and handovers,
// attributed to a former colleague; news acknowledgements as counts; the
// audit log, naming them "erased person <id>"; bookings without their
// titles, future ones cancelled (the room is free again). Everything else
// is deleted: accounts, sessions, sign-ins, identities, subscriptions,
// follows, comments, board ads and replies, expertises, team memberships,
// routes, unapproved hours, decisions, downloads, messages to them (also
// to the accounts unlinked when they left), what states keeps about them
// and their search words; messages to others name a former colleague. Returns ENOTFOUND for an unknown
// id, ECONFLICT for the last active admin (make another admin first).
func (s *Store) ErasePerson(ctx context.Context, id int64) (Erasure, error) {
	out := Erasure{Kept: map[string]int{}, Removed: map[string]int{}}
	err := s.InTx(ctx, func(ctx context.Context) error {
		p, err := s.FindPersonByID(ctx, id)
		if err != nil {
			return err
		}
		now := s.Now().UTC()
		db := s.conn(ctx)
		// The organisation keeps an admin: make another one first.
		if err := s.keepAnAdmin(db, id); err != nil {
			return err
		}
		exec := func(counts map[string]int, table, query string, args ...any) error {
			res := db.Exec(query, args...)
			if res.Error != nil {
				return fmt.Errorf("%s: %w", table, translate(res.Error))
			}
			counts[table] += int(res.RowsAffected)
			return nil
		}
		del := func(table, where string, args ...any) error {
			return exec(out.Removed, table, "DELETE FROM "+table+" WHERE "+where, args...)
		}
		keep := func(table, query string, args ...any) error { return exec(out.Kept, table, query, args...) }

		// Messages and mail to their chat accounts (linked, or unlinked
		// when they left), what the adapters and units keep about them in
		// states, then the accounts.
		accounts, err := chatAccountsEver(db, id)
		if err != nil {
			return translate(err)
		}
		for _, a := range accounts {
			for _, table := range []string{"outbox", "mail"} {
				if err := del(table, "platform = ? AND installation = ? AND user_id = ?", a.Platform, a.Installation, a.UserID); err != nil {
					return err
				}
			}
			if err := del("mail_seen", "viewer = ?", a.UserID); err != nil {
				return err
			}
		}
		where, args := personStates(id, accounts)
		if err := del("states", where, args...); err != nil {
			return err
		}
		// Their search words, and the search's dictionary of them (the
		// "did you mean" of a rare surname).
		if err := dropTerms(db, id); err != nil {
			return translate(err)
		}
		// Future bookings are cancelled, so the room is free again; every
		// booking loses its title and stays as the room's history, of a
		// former colleague.
		if err := exec(out.Removed, "bookings cancelled", "UPDATE bookings SET active = false, cancelled_at = ? WHERE person_id = ? AND active AND ends_at > ?", now, id, now); err != nil {
			return err
		}
		if err := exec(map[string]int{}, "bookings", "UPDATE bookings SET title = '' WHERE person_id = ?", id); err != nil {
			return err
		}
		for _, d := range []struct{ table, where string }{
			{"outbox", "person_id = ?"},
			{"accounts", "person_id = ?"},
			{"former_accounts", "person_id = ?"},
			{"web_sessions", "person_id = ?"},
			{"web_sign_ins", "person_id = ?"},
			{"web_identities", "person_id = ?"},
			{"decisions", "person_id = ?"},
			{"downloads", "person_id = ?"},
			{"news_follows", "person_id = ?"},
			{"news_subscriptions", "person_id = ? OR author_id = ?"},
			{"news_comment_summaries", "author_id = ?"},
			{"news_comments", "author_id = ?"},
			{"board_replies", "person_id = ?"},
			{"board_ads", "poster_id = ?"},
			{"question_experts", "person_id = ?"},
			{"partner_contacts", "person_id = ?"},
			{"team_members", "person_id = ?"},
			{"routes", "person_id = ?"},
			// Hours of weeks that were never approved are no payroll record.
			{"time_entries", "person_id = ? AND NOT EXISTS (SELECT 1 FROM timesheets w WHERE w.person_id = time_entries.person_id AND w.week = time_entries.week AND w.state = 'approved')"},
			{"trips", "person_id = ? AND NOT EXISTS (SELECT 1 FROM timesheets w WHERE w.person_id = trips.person_id AND w.week = trips.week AND w.state = 'approved')"},
			{"timesheets", "person_id = ? AND state <> 'approved'"},
		} {
			args := []any{id}
			if strings.Count(d.where, "?") == 2 {
				args = append(args, id)
			}
			if err := del(d.table, d.where, args...); err != nil {
				return err
			}
		}
		// What they did for others stays, without them where it can.
		for _, u := range []struct{ table, query string }{
			{"news_comments", "UPDATE news_comments SET removed_by = NULL WHERE removed_by = ?"},
			{"question_topics", "UPDATE question_topics SET owner_id = NULL WHERE owner_id = ?"},
			{"bookings", "UPDATE bookings SET host_id = NULL WHERE host_id = ?"},
		} {
			if err := keep(u.table, u.query, id); err != nil {
				return err
			}
		}
		for _, table := range []struct{ table, column string }{
			{"timesheets", "person_id"}, {"time_entries", "person_id"}, {"trips", "person_id"}, {"timesheets", "decided_by"},
			{"answers", "author_id"}, {"questions", "asker_id"}, {"news_items", "author_id"}, {"news_acks", "person_id"},
			{"handovers", "requester_id"}, {"handovers", "taker_id"}, {"handover_events", "actor_id"}, {"bookings", "person_id"},
		} {
			var n int64
			if err := db.Raw(fmt.Sprintf("SELECT count(*) FROM %s WHERE %s = ?", table.table, table.column), id).Scan(&n).Error; err != nil {
				return translate(err)
			}
			out.Kept[table.table] += int(n)
		}
		// The audit log keeps what was done, naming them by number only.
		erased := fmt.Sprintf("erased person %d", id)
		if err := keep("audit_log", "UPDATE audit_log SET actor = ? WHERE actor_id = ?", erased, id); err != nil {
			return err
		}
		if err := keep("audit_log", "UPDATE audit_log SET subject = ? WHERE subject_id = ?", erased, id); err != nil {
			return err
		}
		if err := eraseFromAudit(db, id, erased, p.Email, p.Name); err != nil {
			return err
		}
		// Messages to others that name them (an expert's question card:
		// "asked by …") keep their use but name a former colleague.
		for _, table := range []string{"outbox", "mail"} {
			for _, r := range []struct{ from, to string }{{p.Email, intranet.ErasedEmail(id)}, {p.Name, ErasedName}} {
				if strings.TrimSpace(r.from) == "" {
					continue
				}
				if err := keep(table, "UPDATE "+table+" SET reply = REPLACE(reply, ?, ?) WHERE reply LIKE ?", r.from, r.to, "%"+r.from+"%"); err != nil {
					return err
				}
			}
		}
		if err := exec(map[string]int{}, "people", "UPDATE people SET manager_email = '' WHERE lower(manager_email) = lower(?)", p.Email); err != nil {
			return err
		}
		// The row itself, anonymised: answers, approved weeks and the log
		// point at it.
		if err := keep("people", `UPDATE people SET name = ?, email = ?, phone = '', mobile = '', phone_key = '', mobile_key = '', phone_rev = '', mobile_rev = '',
department_id = NULL, title = '', location = '', manager_email = '', skills = '', roles = '', language = '', quiet_hours = '', sort_key = ?,
active = false, deactivated_at = COALESCE(deactivated_at, ?), away_until = '', away_note = '', mobile_visibility = '', own_fields = '',
scim_user_name = '', scim_external_id = '', updated_at = ? WHERE id = ?`,
			ErasedName, intranet.ErasedEmail(id), strings.ToLower(ErasedName), now, now, id); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("erase person %d: %w", id, err)
	}
	for table, n := range out.Kept {
		if n == 0 {
			delete(out.Kept, table)
		}
	}
	for table, n := range out.Removed {
		if n == 0 {
			delete(out.Removed, table)
		}
	}
	return out, nil
}

// PurgeRetention deletes what is kept only for delivery once it is older
// than before: delivered (or given up) outbox messages, and finished job
// runs' records and done schedules' payloads. Undelivered messages and
// pending jobs are never touched. It returns the number of rows removed.
func (s *Store) PurgeRetention(ctx context.Context, before time.Time) (int, error) {
	before = before.UTC()
	n := 0
	for _, q := range []struct {
		what, query string
	}{
		// A channel post's outbox row is still read for the message it
		// became (news_posts, handover_posts, question_posts point at it),
		// so those keep their row but lose its body.
		{"outbox bodies", `UPDATE outbox SET reply = '{}' WHERE state IN ('sent', 'failed') AND COALESCE(sent_at, created_at) < ? AND reply <> '{}'
AND (id IN (SELECT outbox_id FROM news_posts) OR id IN (SELECT outbox_id FROM handover_posts WHERE outbox_id IS NOT NULL) OR id IN (SELECT outbox_id FROM question_posts WHERE outbox_id IS NOT NULL))`},
		{"outbox", `DELETE FROM outbox WHERE state IN ('sent', 'failed') AND COALESCE(sent_at, created_at) < ?
AND id NOT IN (SELECT outbox_id FROM news_posts) AND id NOT IN (SELECT outbox_id FROM handover_posts WHERE outbox_id IS NOT NULL) AND id NOT IN (SELECT outbox_id FROM question_posts WHERE outbox_id IS NOT NULL)`},
	} {
		res := s.conn(ctx).Exec(q.query, before)
		if res.Error != nil {
			return n, fmt.Errorf("purge %s: %w", q.what, translate(res.Error))
		}
		n += int(res.RowsAffected)
	}
	// Finished jobs' arguments may name people: the queues forget them
	// within a week already (jobs.FailedKept); this holds for a shorter
	// retention too. Pending and running jobs stay.
	finished := []any{QueueCompleted, QueueCancelled, QueueDiscarded}
	var res *gorm.DB
	if s.engine == SQLite {
		res = s.conn(ctx).Exec("DELETE FROM jobs WHERE state IN (?, ?, ?) AND finalized_at < ?", append(finished, before.UnixMicro())...)
	} else {
		var river *string
		if err := s.conn(ctx).Raw("SELECT to_regclass('river_job')::text").Scan(&river).Error; err != nil {
			return n, fmt.Errorf("purge jobs: %w", translate(err))
		}
		if river == nil {
			return n, nil
		}
		res = s.conn(ctx).Exec("DELETE FROM river_job WHERE state::text IN (?, ?, ?) AND finalized_at < ?", append(finished, before)...)
	}
	if res.Error != nil {
		return n, fmt.Errorf("purge jobs: %w", translate(res.Error))
	}
	return n + int(res.RowsAffected), nil
}

// sortedKeys lists a count map's tables in order, for messages.
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// eraseFromAudit writes "erased person <id>" for a person's email and
// name in the audit log's texts, whatever their letter case: an admin
// types an address as it comes (Kees.Janssen@Example.nl), and the log
// must not keep it after the person is erased.
func eraseFromAudit(db *gorm.DB, id int64, erased string, words ...string) error {
	var patterns []*regexp.Regexp
	where, args := "actor_id = ? OR subject_id = ?", []any{id, id}
	for _, w := range words {
		if w = strings.TrimSpace(w); w == "" {
			continue
		}
		patterns = append(patterns, regexp.MustCompile("(?i)"+regexp.QuoteMeta(w)))
		// SQLite's LOWER knows only ASCII letters: the word as it is too.
		for _, like := range []string{"%" + strings.ToLower(w) + "%", "%" + w + "%"} {
			where += " OR LOWER(detail) LIKE ? OR LOWER(subject) LIKE ? OR LOWER(actor) LIKE ? OR detail LIKE ? OR subject LIKE ?"
			args = append(args, like, like, like, like, like)
		}
	}
	var rows []auditRow
	if err := db.Raw("SELECT * FROM audit_log WHERE "+where, args...).Scan(&rows).Error; err != nil {
		return translate(err)
	}
	for _, r := range rows {
		actor, subject, detail := r.Actor, r.Subject, r.Detail
		for _, re := range patterns {
			actor, subject, detail = re.ReplaceAllLiteralString(actor, erased), re.ReplaceAllLiteralString(subject, erased), re.ReplaceAllLiteralString(detail, erased)
		}
		if actor == r.Actor && subject == r.Subject && detail == r.Detail {
			continue
		}
		if err := db.Exec("UPDATE audit_log SET actor = ?, subject = ?, detail = ? WHERE id = ?", actor, subject, detail, r.ID).Error; err != nil {
			return translate(err)
		}
	}
	return nil
}
