package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

var (
	_ intranet.TopicService    = (*Store)(nil)
	_ intranet.QuestionService = (*Store)(nil)
)

// The knowledge base is searched the same way on both engines: words are
// folded and stemmed in Go with the Dutch and the English Snowball stemmer
// (both stems of every word are indexed, so "declaraties" finds
// "declaratie" and "invoices" finds "invoice"), stored in question_terms,
// and every distinct stem in question_words. A query word stands for the
// stems of the dictionary it equals, starts or resembles (trigrams, as the
// phonebook does it): PostgreSQL finds those through a pg_trgm GIN index on
// question_words, SQLite compares the dictionary in Go with the same
// similarity. Ranking is integer arithmetic in SQL, so both engines order
// alike.
func init() {
	register(migration{6, "questions: topics, experts, channels, questions, answers, posted cards, knowledge base terms", `
CREATE TABLE question_topics (
	id bigserial PRIMARY KEY,
	name text NOT NULL,
	key text NOT NULL UNIQUE,
	owner_id bigint REFERENCES people(id) ON DELETE SET NULL,
	escalate_hours integer NOT NULL DEFAULT 0,
	created_at timestamptz NOT NULL
);
CREATE TABLE question_experts (
	topic_id bigint NOT NULL REFERENCES question_topics(id) ON DELETE CASCADE,
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	PRIMARY KEY (topic_id, person_id)
);
CREATE TABLE question_channels (
	topic_id bigint NOT NULL REFERENCES question_topics(id) ON DELETE CASCADE,
	platform text NOT NULL,
	installation text NOT NULL DEFAULT '',
	channel_id text NOT NULL,
	PRIMARY KEY (topic_id, platform),
	UNIQUE (platform, channel_id)
);
CREATE TABLE questions (
	id bigserial PRIMARY KEY,
	asker_id bigint NOT NULL REFERENCES people(id),
	topic_id bigint REFERENCES question_topics(id) ON DELETE SET NULL,
	text text NOT NULL,
	state text NOT NULL,
	lang text NOT NULL DEFAULT 'nl',
	platform text NOT NULL DEFAULT '',
	accepted_answer_id bigint,
	step integer NOT NULL DEFAULT 0,
	created_at timestamptz NOT NULL,
	changed_at timestamptz NOT NULL
);
CREATE INDEX questions_asker ON questions (asker_id, id);
CREATE INDEX questions_state ON questions (state, id);
CREATE TABLE answers (
	id bigserial PRIMARY KEY,
	question_id bigint NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	author_id bigint NOT NULL REFERENCES people(id),
	text text NOT NULL,
	created_at timestamptz NOT NULL,
	edited_at timestamptz,
	removed_at timestamptz
);
CREATE INDEX answers_question ON answers (question_id, id);
CREATE TABLE question_posts (
	question_id bigint NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	platform text NOT NULL,
	channel_id text NOT NULL,
	installation text NOT NULL DEFAULT '',
	message_id text NOT NULL DEFAULT '',
	outbox_id bigint,
	PRIMARY KEY (question_id, platform, channel_id)
);
CREATE INDEX question_posts_message ON question_posts (platform, channel_id, message_id);
CREATE INDEX question_posts_outbox ON question_posts (outbox_id);
-- question_terms is derived from questions and answers (rebuilt on every
-- change); weight is 10 for a word of the question, 6 for one of an answer;
-- accepted mirrors the question's state. The key carries weight and accepted,
-- so a search reads the index only.
CREATE TABLE question_terms (
	term text COLLATE "C" NOT NULL,
	question_id bigint NOT NULL,
	weight integer NOT NULL,
	accepted boolean NOT NULL,
	PRIMARY KEY (term, question_id) INCLUDE (weight, accepted)
);
CREATE INDEX question_terms_question ON question_terms (question_id);
CREATE TABLE question_words (
	term text COLLATE "C" PRIMARY KEY
);
CREATE INDEX question_words_trgm ON question_words USING gin (term gin_trgm_ops);
`, `
CREATE TABLE question_topics (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	name TEXT NOT NULL,
	key TEXT NOT NULL UNIQUE,
	owner_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
	escalate_hours INTEGER NOT NULL DEFAULT 0,
	created_at DATETIME NOT NULL
);
CREATE TABLE question_experts (
	topic_id INTEGER NOT NULL REFERENCES question_topics(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	PRIMARY KEY (topic_id, person_id)
);
CREATE TABLE question_channels (
	topic_id INTEGER NOT NULL REFERENCES question_topics(id) ON DELETE CASCADE,
	platform TEXT NOT NULL,
	installation TEXT NOT NULL DEFAULT '',
	channel_id TEXT NOT NULL,
	PRIMARY KEY (topic_id, platform),
	UNIQUE (platform, channel_id)
);
CREATE TABLE questions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	asker_id INTEGER NOT NULL REFERENCES people(id),
	topic_id INTEGER REFERENCES question_topics(id) ON DELETE SET NULL,
	text TEXT NOT NULL,
	state TEXT NOT NULL,
	lang TEXT NOT NULL DEFAULT 'nl',
	platform TEXT NOT NULL DEFAULT '',
	accepted_answer_id INTEGER,
	step INTEGER NOT NULL DEFAULT 0,
	created_at DATETIME NOT NULL,
	changed_at DATETIME NOT NULL
);
CREATE INDEX questions_asker ON questions (asker_id, id);
CREATE INDEX questions_state ON questions (state, id);
CREATE TABLE answers (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	author_id INTEGER NOT NULL REFERENCES people(id),
	text TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	edited_at DATETIME,
	removed_at DATETIME
);
CREATE INDEX answers_question ON answers (question_id, id);
CREATE TABLE question_posts (
	question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
	platform TEXT NOT NULL,
	channel_id TEXT NOT NULL,
	installation TEXT NOT NULL DEFAULT '',
	message_id TEXT NOT NULL DEFAULT '',
	outbox_id INTEGER,
	PRIMARY KEY (question_id, platform, channel_id)
);
CREATE INDEX question_posts_message ON question_posts (platform, channel_id, message_id);
CREATE INDEX question_posts_outbox ON question_posts (outbox_id);
CREATE TABLE question_terms (
	term TEXT NOT NULL,
	question_id INTEGER NOT NULL,
	weight INTEGER NOT NULL,
	accepted BOOLEAN NOT NULL,
	PRIMARY KEY (term, question_id)
);
CREATE INDEX question_terms_question ON question_terms (question_id);
CREATE TABLE question_words (
	term TEXT PRIMARY KEY
);
`})
}

// questionTime is how question times are stored: UTC to the second, so that
// SQLite's text timestamps compare in time order.
func questionTime(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }

// ---- topics ----

type topicRow struct {
	ID            int64
	Name          string
	OwnerID       *int64
	Owner         string
	EscalateHours int
}

// CreateTopic stores a new topic owned by ownerID.
func (s *Store) CreateTopic(ctx context.Context, name string, ownerID int64) (*intranet.Topic, error) {
	name = strings.Join(strings.Fields(name), " ")
	key := phonebook.Key(name)
	if key == "" {
		return nil, intranet.Errorf(intranet.EINVALID, "A topic needs a name.")
	}
	var owner *int64
	if ownerID != 0 {
		owner = &ownerID
	}
	var id int64
	err := s.conn(ctx).Raw("INSERT INTO question_topics (name, key, owner_id, created_at) VALUES (?, ?, ?, ?) RETURNING id", name, key, owner, questionTime(s.Now())).Scan(&id).Error
	if err = translate(err); intranet.ErrorCode(err) == intranet.ECONFLICT {
		return nil, intranet.Errorf(intranet.ECONFLICT, "There is a topic %q already.", name)
	} else if err != nil {
		return nil, fmt.Errorf("create topic: %w", err)
	}
	return s.FindTopicByID(ctx, id)
}

// Topics returns every topic, by name.
func (s *Store) Topics(ctx context.Context) ([]*intranet.Topic, error) {
	return s.topicsWhere(ctx, "")
}

// FindTopicByID returns ENOTFOUND for an unknown id.
func (s *Store) FindTopicByID(ctx context.Context, id int64) (*intranet.Topic, error) {
	return s.oneTopic(ctx, fmt.Sprintf("No topic %d.", id), "t.id = ?", id)
}

// FindTopicByName matches case- and accent-insensitively.
func (s *Store) FindTopicByName(ctx context.Context, name string) (*intranet.Topic, error) {
	return s.oneTopic(ctx, fmt.Sprintf("No topic %q.", name), "t.key = ?", phonebook.Key(name))
}

// FindTopicByChannel returns the topic a channel is linked to.
func (s *Store) FindTopicByChannel(ctx context.Context, platform intranet.Platform, channelID string) (*intranet.Topic, error) {
	return s.oneTopic(ctx, "This channel belongs to no topic.", "t.id IN (SELECT topic_id FROM question_channels WHERE platform = ? AND channel_id = ?)", string(platform), channelID)
}

func (s *Store) oneTopic(ctx context.Context, missing, where string, args ...any) (*intranet.Topic, error) {
	list, err := s.topicsWhere(ctx, where, args...)
	if err != nil {
		return nil, err
	} else if len(list) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "%s", missing)
	}
	return list[0], nil
}

func (s *Store) topicsWhere(ctx context.Context, where string, args ...any) ([]*intranet.Topic, error) {
	db := s.conn(ctx)
	q := "SELECT t.id, t.name, t.owner_id, COALESCE(p.name, '') AS owner, t.escalate_hours FROM question_topics t LEFT JOIN people p ON p.id = t.owner_id"
	if where != "" {
		q += " WHERE " + where
	}
	var rows []topicRow
	if err := db.Raw(q+" ORDER BY t.key", args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("topics: %w", translate(err))
	}
	if len(rows) == 0 {
		return nil, nil
	}
	out := make([]*intranet.Topic, len(rows))
	byID := map[int64]*intranet.Topic{}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		t := &intranet.Topic{ID: r.ID, Name: r.Name, Owner: r.Owner, EscalateHours: r.EscalateHours}
		if r.OwnerID != nil {
			t.OwnerID = *r.OwnerID
		}
		out[i], byID[r.ID], ids[i] = t, t, r.ID
	}
	var experts []struct {
		TopicID  int64
		PersonID int64
		Name     string
		Email    string
	}
	if err := db.Raw("SELECT e.topic_id, e.person_id, p.name, p.email FROM question_experts e JOIN people p ON p.id = e.person_id WHERE e.topic_id IN ? ORDER BY p.sort_key, p.id", ids).Scan(&experts).Error; err != nil {
		return nil, fmt.Errorf("topic experts: %w", translate(err))
	}
	for _, e := range experts {
		t := byID[e.TopicID]
		t.Experts = append(t.Experts, intranet.TopicExpert{PersonID: e.PersonID, Name: e.Name, Email: e.Email})
	}
	var channels []struct {
		TopicID      int64
		Platform     string
		Installation string
		ChannelID    string
	}
	if err := db.Raw("SELECT topic_id, platform, installation, channel_id FROM question_channels WHERE topic_id IN ? ORDER BY platform", ids).Scan(&channels).Error; err != nil {
		return nil, fmt.Errorf("topic channels: %w", translate(err))
	}
	for _, c := range channels {
		t := byID[c.TopicID]
		t.Channels = append(t.Channels, intranet.TopicChannel{Platform: intranet.Platform(c.Platform), Installation: c.Installation, ChannelID: c.ChannelID})
	}
	return out, nil
}

// SetTopicExpert adds or removes a named expert.
func (s *Store) SetTopicExpert(ctx context.Context, topicID, personID int64, on bool) error {
	return s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		var n int64
		if err := db.Raw("SELECT (SELECT COUNT(*) FROM question_topics WHERE id = ?) + (SELECT COUNT(*) FROM people WHERE id = ?)", topicID, personID).Scan(&n).Error; err != nil {
			return fmt.Errorf("set topic expert: %w", translate(err))
		} else if n != 2 {
			return intranet.Errorf(intranet.ENOTFOUND, "No topic %d or person %d.", topicID, personID)
		}
		var err error
		if on {
			err = db.Exec("INSERT INTO question_experts (topic_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING", topicID, personID).Error
		} else {
			err = db.Exec("DELETE FROM question_experts WHERE topic_id = ? AND person_id = ?", topicID, personID).Error
		}
		if err != nil {
			return fmt.Errorf("set topic expert: %w", translate(err))
		}
		return nil
	})
}

// LinkTopicChannel makes ch the topic's channel on its platform.
func (s *Store) LinkTopicChannel(ctx context.Context, topicID int64, ch intranet.TopicChannel) error {
	return s.InTx(ctx, func(ctx context.Context) error {
		// A channel is unique per platform and a topic has one channel per
		// platform: two links at once take turns rather than collide.
		if err := s.lockName(s.conn(ctx), "question.channels"); err != nil {
			return fmt.Errorf("link topic channel: %w", translate(err))
		}
		db := s.conn(ctx)
		var n int64
		if err := db.Raw("SELECT COUNT(*) FROM question_topics WHERE id = ?", topicID).Scan(&n).Error; err != nil {
			return fmt.Errorf("link topic channel: %w", translate(err))
		} else if n == 0 {
			return intranet.Errorf(intranet.ENOTFOUND, "No topic %d.", topicID)
		}
		if err := db.Exec("DELETE FROM question_channels WHERE (topic_id = ? AND platform = ?) OR (platform = ? AND channel_id = ?)", topicID, string(ch.Platform), string(ch.Platform), ch.ChannelID).Error; err != nil {
			return fmt.Errorf("link topic channel: %w", translate(err))
		}
		if err := db.Exec("INSERT INTO question_channels (topic_id, platform, installation, channel_id) VALUES (?, ?, ?, ?)", topicID, string(ch.Platform), ch.Installation, ch.ChannelID).Error; err != nil {
			return fmt.Errorf("link topic channel: %w", translate(err))
		}
		return nil
	})
}

// SetTopicEscalation sets the topic's escalation time in working hours.
func (s *Store) SetTopicEscalation(ctx context.Context, topicID int64, hours int) error {
	if hours < 0 || hours > 80 {
		return intranet.Errorf(intranet.EINVALID, "An escalation time is 0 (the default) to 80 working hours.")
	}
	res := s.conn(ctx).Exec("UPDATE question_topics SET escalate_hours = ? WHERE id = ?", hours, topicID)
	if res.Error != nil {
		return fmt.Errorf("set topic escalation: %w", translate(res.Error))
	} else if res.RowsAffected == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "No topic %d.", topicID)
	}
	return nil
}

// ---- questions ----

type questionRow struct {
	ID               int64
	AskerID          int64
	TopicID          *int64
	Text             string
	State            string
	Lang             string
	Platform         string
	AcceptedAnswerID *int64
	Step             int
	CreatedAt        time.Time
	ChangedAt        time.Time
	Asker            string
	AskerEmail       string
	Topic            string
}

func (r questionRow) question() *intranet.Question {
	q := &intranet.Question{ID: r.ID, AskerID: r.AskerID, Asker: r.Asker, AskerEmail: r.AskerEmail, Topic: r.Topic, Text: r.Text,
		State: intranet.QuestionState(r.State), Lang: r.Lang, Platform: intranet.Platform(r.Platform), Step: r.Step,
		Created: r.CreatedAt.UTC(), Changed: r.ChangedAt.UTC()}
	if r.TopicID != nil {
		q.TopicID = *r.TopicID
	}
	if r.AcceptedAnswerID != nil {
		q.AcceptedAnswerID = *r.AcceptedAnswerID
	}
	return q
}

const questionSelect = `SELECT q.id, q.asker_id, q.topic_id, q.text, q.state, q.lang, q.platform, q.accepted_answer_id, q.step, q.created_at, q.changed_at,
p.name AS asker, p.email AS asker_email, COALESCE(t.name, '') AS topic
FROM questions q JOIN people p ON p.id = q.asker_id LEFT JOIN question_topics t ON t.id = q.topic_id`

type answerRow struct {
	ID          int64
	QuestionID  int64
	AuthorID    int64
	Text        string
	CreatedAt   time.Time
	EditedAt    *time.Time
	RemovedAt   *time.Time
	Author      string
	AuthorEmail string
}

func (r answerRow) answer() *intranet.Answer {
	a := &intranet.Answer{ID: r.ID, QuestionID: r.QuestionID, AuthorID: r.AuthorID, Author: r.Author, AuthorEmail: r.AuthorEmail, Text: r.Text,
		Created: r.CreatedAt.UTC(), Removed: r.RemovedAt != nil}
	if r.EditedAt != nil {
		a.Edited = r.EditedAt.UTC()
	}
	return a
}

const answerSelect = `SELECT a.id, a.question_id, a.author_id, a.text, a.created_at, a.edited_at, a.removed_at, p.name AS author, p.email AS author_email
FROM answers a JOIN people p ON p.id = a.author_id`

// CreateQuestion stores an open or draft question.
func (s *Store) CreateQuestion(ctx context.Context, n intranet.NewQuestion, now time.Time) (*intranet.Question, error) {
	n.Text = strings.TrimSpace(n.Text)
	if n.Text == "" {
		return nil, intranet.Errorf(intranet.EINVALID, "A question needs a text.")
	}
	if n.Lang == "" {
		n.Lang = "nl"
	}
	state := intranet.QuestionOpen
	if n.Draft {
		state = intranet.QuestionDraft
	}
	var topic *int64
	if n.TopicID != 0 {
		topic = &n.TopicID
	}
	now = questionTime(now)
	var id int64
	err := s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		if topic != nil {
			var c int64
			if err := db.Raw("SELECT COUNT(*) FROM question_topics WHERE id = ?", n.TopicID).Scan(&c).Error; err != nil {
				return err
			} else if c == 0 {
				return intranet.Errorf(intranet.ENOTFOUND, "No topic %d.", n.TopicID)
			}
		}
		return db.Raw(`INSERT INTO questions (asker_id, topic_id, text, state, lang, platform, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			n.AskerID, topic, n.Text, string(state), n.Lang, string(n.Platform), now, now).Scan(&id).Error
	})
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil, err
	} else if err != nil {
		return nil, fmt.Errorf("create question: %w", translate(err))
	}
	return s.FindQuestionByID(ctx, id)
}

// FindQuestionByID returns the question with its answers.
func (s *Store) FindQuestionByID(ctx context.Context, id int64) (*intranet.Question, error) {
	list, err := s.questionsByID(ctx, []int64{id})
	if err != nil {
		return nil, err
	} else if len(list) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No question %d.", id)
	}
	return list[0], nil
}

// questionsByID loads questions with their answers, in the order of ids.
func (s *Store) questionsByID(ctx context.Context, ids []int64) ([]*intranet.Question, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	db := s.conn(ctx)
	var rows []questionRow
	if err := db.Raw(questionSelect+" WHERE q.id IN ?", ids).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("find questions: %w", translate(err))
	}
	byID := map[int64]*intranet.Question{}
	for _, r := range rows {
		byID[r.ID] = r.question()
	}
	var answers []answerRow
	if err := db.Raw(answerSelect+" WHERE a.question_id IN ? AND a.removed_at IS NULL ORDER BY a.id", ids).Scan(&answers).Error; err != nil {
		return nil, fmt.Errorf("find answers: %w", translate(err))
	}
	for _, a := range answers {
		if q := byID[a.QuestionID]; q != nil {
			q.Answers = append(q.Answers, *a.answer())
		}
	}
	out := make([]*intranet.Question, 0, len(ids))
	for _, id := range ids {
		if q := byID[id]; q != nil {
			out = append(out, q)
		}
	}
	return out, nil
}

// Questions returns questions, newest first.
func (s *Store) Questions(ctx context.Context, f intranet.QuestionFilter) ([]*intranet.Question, error) {
	var where []string
	var args []any
	if f.AskerID != nil {
		where, args = append(where, "asker_id = ?"), append(args, *f.AskerID)
	}
	if len(f.States) > 0 {
		where, args = append(where, "state IN ?"), append(args, questionStates(f.States))
	}
	q := "SELECT id FROM questions"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY id DESC"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	var ids []int64
	if err := s.conn(ctx).Raw(q, args...).Scan(&ids).Error; err != nil {
		return nil, fmt.Errorf("list questions: %w", translate(err))
	}
	return s.questionsByID(ctx, ids)
}

func questionStates(states []intranet.QuestionState) []string {
	out := make([]string, len(states))
	for i, st := range states {
		out[i] = string(st)
	}
	return out
}

// errQuestionLost is a conditional update that matched no row.
var errQuestionLost = errors.New("lost")

// SetQuestionState moves a question of askerID from one of from to state.
func (s *Store) SetQuestionState(ctx context.Context, id, askerID int64, from []intranet.QuestionState, state intranet.QuestionState, now time.Time) (*intranet.Question, error) {
	err := s.InTx(ctx, func(ctx context.Context) error {
		res := s.conn(ctx).Exec("UPDATE questions SET state = ?, changed_at = ? WHERE id = ? AND asker_id = ? AND state IN ?",
			string(state), questionTime(now), id, askerID, questionStates(from))
		if res.Error != nil {
			return res.Error
		} else if res.RowsAffected == 0 {
			return errQuestionLost
		}
		return s.reindexQuestion(ctx, id)
	})
	if errors.Is(err, errQuestionLost) {
		q, err := s.FindQuestionByID(ctx, id)
		if err != nil {
			return nil, err
		}
		if q.AskerID != askerID {
			return q, intranet.Errorf(intranet.EUNAUTHORIZED, "Only %s, who asked, may do that with question %d.", q.Asker, id)
		}
		return q, intranet.Errorf(intranet.ECONFLICT, "Question %d is %s.", id, q.State)
	} else if err != nil {
		return nil, fmt.Errorf("set question %d %s: %w", id, state, translate(err))
	}
	return s.FindQuestionByID(ctx, id)
}

// SetQuestionStep records the escalation step reached.
func (s *Store) SetQuestionStep(ctx context.Context, id int64, step int) error {
	res := s.conn(ctx).Exec("UPDATE questions SET step = ? WHERE id = ? AND state = 'open'", step, id)
	if res.Error != nil {
		return fmt.Errorf("set question %d step: %w", id, translate(res.Error))
	} else if res.RowsAffected == 0 {
		if _, err := s.FindQuestionByID(ctx, id); err != nil {
			return err
		}
		return intranet.Errorf(intranet.ECONFLICT, "Question %d is no longer open.", id)
	}
	return nil
}

// AddAnswer stores an answer to an open or answered question.
func (s *Store) AddAnswer(ctx context.Context, questionID, authorID int64, text string, now time.Time) (*intranet.Answer, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, intranet.Errorf(intranet.EINVALID, "An answer needs a text.")
	}
	now = questionTime(now)
	var id int64
	err := s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		res := db.Exec("UPDATE questions SET state = 'answered', changed_at = ? WHERE id = ? AND state IN ('open', 'answered')", now, questionID)
		if res.Error != nil {
			return res.Error
		} else if res.RowsAffected == 0 {
			return errQuestionLost
		}
		if err := db.Raw("INSERT INTO answers (question_id, author_id, text, created_at) VALUES (?, ?, ?, ?) RETURNING id", questionID, authorID, text, now).Scan(&id).Error; err != nil {
			return err
		}
		return s.reindexQuestion(ctx, questionID)
	})
	if errors.Is(err, errQuestionLost) {
		q, err := s.FindQuestionByID(ctx, questionID)
		if err != nil {
			return nil, err
		}
		return nil, intranet.Errorf(intranet.ECONFLICT, "Question %d is %s.", questionID, q.State)
	} else if err != nil {
		return nil, fmt.Errorf("answer question %d: %w", questionID, translate(err))
	}
	return s.FindAnswerByID(ctx, id)
}

// FindAnswerByID returns an answer, removed ones too.
func (s *Store) FindAnswerByID(ctx context.Context, id int64) (*intranet.Answer, error) {
	var rows []answerRow
	if err := s.conn(ctx).Raw(answerSelect+" WHERE a.id = ?", id).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("find answer %d: %w", id, translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No answer %d.", id)
	}
	return rows[0].answer(), nil
}

// EditAnswer replaces the text of an answer by authorID.
func (s *Store) EditAnswer(ctx context.Context, id, authorID int64, text string, now time.Time) (*intranet.Answer, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, intranet.Errorf(intranet.EINVALID, "An answer needs a text.")
	}
	err := s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		res := db.Exec("UPDATE answers SET text = ?, edited_at = ? WHERE id = ? AND author_id = ? AND removed_at IS NULL", text, questionTime(now), id, authorID)
		if res.Error != nil {
			return res.Error
		} else if res.RowsAffected == 0 {
			return errQuestionLost
		}
		var qid int64
		if err := db.Raw("SELECT question_id FROM answers WHERE id = ?", id).Scan(&qid).Error; err != nil {
			return err
		}
		return s.reindexQuestion(ctx, qid)
	})
	if errors.Is(err, errQuestionLost) {
		a, err := s.FindAnswerByID(ctx, id)
		if err != nil {
			return nil, err
		}
		if a.AuthorID != authorID {
			return a, intranet.Errorf(intranet.EUNAUTHORIZED, "Only %s, who wrote it, may edit answer %d.", a.Author, id)
		}
		return a, intranet.Errorf(intranet.ECONFLICT, "Answer %d was removed.", id)
	} else if err != nil {
		return nil, fmt.Errorf("edit answer %d: %w", id, translate(err))
	}
	return s.FindAnswerByID(ctx, id)
}

// RemoveAnswer removes an answer from every view and the knowledge base.
func (s *Store) RemoveAnswer(ctx context.Context, id int64, now time.Time) (*intranet.Answer, error) {
	now = questionTime(now)
	err := s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		res := db.Exec("UPDATE answers SET removed_at = ? WHERE id = ? AND removed_at IS NULL", now, id)
		if res.Error != nil {
			return res.Error
		} else if res.RowsAffected == 0 {
			return errQuestionLost
		}
		var qid int64
		if err := db.Raw("SELECT question_id FROM answers WHERE id = ?", id).Scan(&qid).Error; err != nil {
			return err
		}
		// The question loses its accepted answer, or its last one: it
		// waits for an answer (or an accept) again.
		err := db.Exec(`UPDATE questions SET
	state = CASE WHEN (SELECT COUNT(*) FROM answers WHERE question_id = ? AND removed_at IS NULL) = 0 THEN 'open' ELSE 'answered' END,
	accepted_answer_id = NULL, changed_at = ?
WHERE id = ? AND (accepted_answer_id = ? OR state = 'answered')`, qid, now, qid, id).Error
		if err != nil {
			return err
		}
		return s.reindexQuestion(ctx, qid)
	})
	if errors.Is(err, errQuestionLost) {
		if _, err := s.FindAnswerByID(ctx, id); err != nil {
			return nil, err
		}
		return nil, intranet.Errorf(intranet.ECONFLICT, "Answer %d was removed already.", id)
	} else if err != nil {
		return nil, fmt.Errorf("remove answer %d: %w", id, translate(err))
	}
	return s.FindAnswerByID(ctx, id)
}

// AcceptAnswer marks the answer that helped.
func (s *Store) AcceptAnswer(ctx context.Context, questionID, answerID, askerID int64, now time.Time) (*intranet.Question, error) {
	a, err := s.FindAnswerByID(ctx, answerID)
	if err != nil {
		return nil, err
	}
	if a.QuestionID != questionID || a.Removed {
		return nil, intranet.Errorf(intranet.EINVALID, "Answer %d is not an answer to question %d.", answerID, questionID)
	}
	err = s.InTx(ctx, func(ctx context.Context) error {
		// Held until the end, so that a removal of the answer either
		// comes first (and the check below sees it) or waits.
		if err := s.lockRow(s.conn(ctx), "answers", answerID); err != nil {
			return err
		}
		res := s.conn(ctx).Exec(`UPDATE questions SET state = 'accepted', accepted_answer_id = ?, changed_at = ? WHERE id = ? AND asker_id = ? AND state IN ('answered', 'accepted')
AND EXISTS (SELECT 1 FROM answers WHERE id = ? AND removed_at IS NULL)`, answerID, questionTime(now), questionID, askerID, answerID)
		if res.Error != nil {
			return res.Error
		} else if res.RowsAffected == 0 {
			return errQuestionLost
		}
		return s.reindexQuestion(ctx, questionID)
	})
	if errors.Is(err, errQuestionLost) {
		q, err := s.FindQuestionByID(ctx, questionID)
		if err != nil {
			return nil, err
		}
		if q.AskerID != askerID {
			return q, intranet.Errorf(intranet.EUNAUTHORIZED, "Only %s, who asked, may accept an answer to question %d.", q.Asker, questionID)
		}
		return q, intranet.Errorf(intranet.ECONFLICT, "Question %d is %s.", questionID, q.State)
	} else if err != nil {
		return nil, fmt.Errorf("accept answer %d: %w", answerID, translate(err))
	}
	return s.FindQuestionByID(ctx, questionID)
}

// ---- posted cards ----

// AddQuestionPost remembers a posted card.
func (s *Store) AddQuestionPost(ctx context.Context, p intranet.QuestionPost) error {
	var outbox *int64
	if p.OutboxID != 0 {
		outbox = &p.OutboxID
	}
	err := s.conn(ctx).Exec(`INSERT INTO question_posts (question_id, platform, channel_id, installation, message_id, outbox_id) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (question_id, platform, channel_id) DO UPDATE SET message_id = excluded.message_id, installation = excluded.installation, outbox_id = excluded.outbox_id`,
		p.QuestionID, string(p.Ref.Platform), p.Ref.ChannelID, p.Ref.Installation, p.Ref.ID, outbox).Error
	if err != nil {
		return fmt.Errorf("add question post: %w", translate(err))
	}
	return nil
}

type questionPostRow struct {
	QuestionID   int64
	Platform     string
	ChannelID    string
	Installation string
	MessageID    string
	OutboxID     *int64
}

// questionPostSelect reads a card's message id from the outbox entry that
// delivered it, when the card itself does not know it yet.
const questionPostSelect = `SELECT p.question_id, p.platform, p.channel_id, p.installation,
CASE WHEN p.message_id <> '' THEN p.message_id ELSE COALESCE(o.message_id, '') END AS message_id, p.outbox_id
FROM question_posts p LEFT JOIN outbox o ON o.id = p.outbox_id AND o.state = 'sent'`

func (r questionPostRow) post() intranet.QuestionPost {
	p := intranet.QuestionPost{QuestionID: r.QuestionID, Ref: intranet.MessageRef{Platform: intranet.Platform(r.Platform), Installation: r.Installation, ChannelID: r.ChannelID, ID: r.MessageID}}
	if r.OutboxID != nil {
		p.OutboxID = *r.OutboxID
	}
	return p
}

// QuestionPosts returns the posted cards of a question.
func (s *Store) QuestionPosts(ctx context.Context, id int64) ([]intranet.QuestionPost, error) {
	var rows []questionPostRow
	if err := s.conn(ctx).Raw(questionPostSelect+" WHERE p.question_id = ? ORDER BY p.platform, p.channel_id", id).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("question posts: %w", translate(err))
	}
	out := make([]intranet.QuestionPost, len(rows))
	for i, r := range rows {
		out[i] = r.post()
	}
	return out, nil
}

// FindQuestionByPost returns the question whose card ref points at.
func (s *Store) FindQuestionByPost(ctx context.Context, ref intranet.MessageRef) (*intranet.Question, error) {
	if ref.ID == "" {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No question card without a message id.")
	}
	var ids []int64
	err := s.conn(ctx).Raw(`SELECT p.question_id FROM question_posts p LEFT JOIN outbox o ON o.id = p.outbox_id
WHERE p.platform = ? AND p.channel_id = ? AND (p.message_id = ? OR (p.message_id = '' AND o.message_id = ?)) ORDER BY p.question_id LIMIT 1`,
		string(ref.Platform), ref.ChannelID, ref.ID, ref.ID).Scan(&ids).Error
	if err != nil {
		return nil, fmt.Errorf("find question by post: %w", translate(err))
	} else if len(ids) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "That message is no question card.")
	}
	return s.FindQuestionByID(ctx, ids[0])
}

// ---- the knowledge base ----

// Term weights and qualities are integers, so that scores add up exactly
// and both engines rank alike.
const (
	questionWeight = 10
	answerWeight   = 6
	qualityScale   = 1000
	// termCap is how many of the newest questions with a dictionary word a
	// search considers.
	termCap = 500
)

// reindexQuestion rebuilds the search terms of a question: the words of the
// question and of its answers not removed, for answered and accepted
// questions only (nothing else is ever shown as an earlier answer).
func (s *Store) reindexQuestion(ctx context.Context, id int64) error {
	// Two rebuilds of one question at once would both delete and both
	// insert the same terms; they take turns on the question's row.
	if err := s.lockRow(s.conn(ctx), "questions", id); err != nil {
		return err
	}
	db := s.conn(ctx)
	if err := db.Exec("DELETE FROM question_terms WHERE question_id = ?", id).Error; err != nil {
		return err
	}
	var q struct {
		Text  string
		State string
	}
	if err := db.Raw("SELECT text, state FROM questions WHERE id = ?", id).Scan(&q).Error; err != nil {
		return err
	}
	if q.State != string(intranet.QuestionAnswered) && q.State != string(intranet.QuestionAccepted) {
		return nil
	}
	var answers []string
	if err := db.Raw("SELECT text FROM answers WHERE question_id = ? AND removed_at IS NULL ORDER BY id", id).Scan(&answers).Error; err != nil {
		return err
	}
	weights := map[string]int{}
	for _, a := range answers {
		for t := range KnowledgeTerms(a) {
			weights[t] = answerWeight
		}
	}
	for t := range KnowledgeTerms(q.Text) {
		weights[t] = questionWeight
	}
	if len(weights) == 0 {
		return nil
	}
	terms := make([]string, 0, len(weights))
	for t := range weights {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	accepted := q.State == string(intranet.QuestionAccepted)
	for start := 0; start < len(terms); start += 200 {
		part := terms[start:min(start+200, len(terms))]
		var rows, words []string
		var args, wargs []any
		for _, t := range part {
			rows, args = append(rows, "(?, ?, ?, ?)"), append(args, t, id, weights[t], accepted)
			words, wargs = append(words, "(?)"), append(wargs, t)
		}
		if err := db.Exec("INSERT INTO question_terms (term, question_id, weight, accepted) VALUES "+strings.Join(rows, ", "), args...).Error; err != nil {
			return err
		}
		if err := db.Exec("INSERT INTO question_words (term) VALUES "+strings.Join(words, ", ")+" ON CONFLICT (term) DO NOTHING", wargs...).Error; err != nil {
			return err
		}
	}
	return nil
}

// stopWords are Dutch and English words that say nothing about a question.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`de het een en of van in op te dat die dit deze is zijn was ik je jij u we wij hij zij ze er aan met voor om hoe wat wie waar
wanneer welke waarom kan kun kunt kunnen moet moeten mag mogen niet wel ook als bij naar dan nog al mij me mijn jouw jullie onze ons zo uit over tot door
heb hebt heeft hebben had word wordt worden ben bent iemand iets hier daar nu toch maar dus
the a an and or of in on to for with how what who where when which why can could should would do does did is are was were be been
i you we he she it they my your our me us at by from as this that these those not if then there have has had get any some anyone someone`) {
		stopWords[w] = true
	}
}

// KnowledgeTerms returns the search terms of a text: every folded word
// that is not a stop word, as its Dutch and its English stem. Numbers stay
// as they are.
func KnowledgeTerms(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range phonebook.Words(text) {
		for _, t := range wordStems(w) {
			out[t] = true
		}
	}
	return out
}

// wordStems returns the distinct stems of one folded word, nil for a stop
// word.
func wordStems(w string) []string {
	if stopWords[w] {
		return nil
	}
	if strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		return []string{w}
	}
	env := snowballstem.NewEnv(w)
	dutch.Stem(env)
	nl := env.Current()
	env.SetCurrent(w)
	english.Stem(env)
	en := env.Current()
	if nl == en {
		return []string{nl}
	}
	return []string{nl, en}
}

// queryWord is one word of a knowledge-base query with the dictionary
// stems it stands for.
type queryWord struct {
	stems      []string
	candidates map[string]int // stem -> quality (qualityScale is exact)
}

// SearchKnowledge ranks questions for a query, best first (ties: newest
// first). Only answered and accepted questions are indexed; States with
// QuestionAnswered searches both, else accepted ones only.
func (s *Store) SearchKnowledge(ctx context.Context, ks intranet.KnowledgeSearch) ([]intranet.KnowledgeMatch, error) {
	limit := ks.Limit
	if limit <= 0 {
		limit = 5
	}
	states := ks.States
	if len(states) == 0 {
		states = []intranet.QuestionState{intranet.QuestionAccepted}
	}
	var words []queryWord
	seen := map[string]bool{}
	for _, w := range phonebook.Words(ks.Query) {
		stems := wordStems(w)
		if len(stems) == 0 || seen[w] {
			continue
		}
		seen[w] = true
		words = append(words, queryWord{stems: stems, candidates: map[string]int{}})
		if len(words) == 12 {
			break
		}
	}
	if len(words) == 0 {
		return nil, nil
	}
	db := s.conn(ctx)
	// A word whose stem the dictionary knows stands for that stem; only an
	// unknown word (a typo, a word cut short) is corrected: it stands for
	// the dictionary words it starts or resembles (phonebook.Candidates).
	var all []string
	for _, w := range words {
		all = append(all, w.stems...)
	}
	known := map[string]bool{}
	var dictionary []string
	if s.engine == SQLite {
		if err := db.Raw("SELECT term FROM question_words").Scan(&dictionary).Error; err != nil {
			return nil, fmt.Errorf("search knowledge: %w", translate(err))
		}
		for _, t := range dictionary {
			known[t] = true
		}
	} else {
		var found []string
		if err := db.Raw("SELECT term FROM question_words WHERE term IN ?", all).Scan(&found).Error; err != nil {
			return nil, fmt.Errorf("search knowledge: %w", translate(err))
		}
		for _, t := range found {
			known[t] = true
		}
	}
	var unknown []string
	for i := range words {
		for _, stem := range words[i].stems {
			if known[stem] {
				words[i].candidates[stem] = qualityScale
			}
		}
		if len(words[i].candidates) == 0 {
			unknown = append(unknown, words[i].stems...)
		}
	}
	near := map[string][]string{} // unknown stem -> dictionary words to rank
	if len(unknown) > 0 && s.engine == Postgres {
		// One round trip: the trigram index finds the words similar enough
		// (pg_trgm's threshold 0.3, as phonebook.Quality), the C-collated
		// primary key the words a stem starts.
		var vals []string
		var vargs []any
		for _, stem := range unknown {
			vals, vargs = append(vals, "(CAST(? AS TEXT))"), append(vargs, stem)
		}
		var rows []struct{ Stem, Term string }
		err := db.Raw(`WITH s (stem) AS (VALUES `+strings.Join(vals, ", ")+`)
SELECT s.stem, w.term FROM s CROSS JOIN LATERAL (SELECT term FROM question_words WHERE term % s.stem OR (term >= s.stem AND term < s.stem || chr(1114111))) w`, vargs...).Scan(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("search knowledge: %w", translate(err))
		}
		for _, r := range rows {
			near[r.Stem] = append(near[r.Stem], r.Term)
		}
	}
	var values []string
	var args []any
	for i := range words {
		if len(words[i].candidates) == 0 {
			for _, stem := range words[i].stems {
				dict := dictionary
				if s.engine == Postgres {
					dict = near[stem]
				}
				for _, c := range phonebook.Candidates(stem, "", dict) {
					if q := int(math.Round(c.Quality * qualityScale)); q > words[i].candidates[c.Term] {
						words[i].candidates[c.Term] = q
					}
				}
			}
		}
		for term, q := range words[i].candidates {
			values = append(values, "(CAST(? AS INTEGER), CAST(? AS TEXT), CAST(? AS INTEGER))")
			args = append(args, i, term, q)
		}
	}
	if len(values) == 0 {
		return nil, nil
	}
	// A match must cover at least 35% of the query's words as well as an
	// exact word of the question would. Per dictionary word only the
	// termCap newest questions count: a word in thousands of questions
	// then costs no more than a rare one, and a question older than that
	// is still found through its rarer words.
	threshold := len(words) * qualityScale * questionWeight * 35 / 100
	onlyAccepted := true
	for _, st := range states {
		onlyAccepted = onlyAccepted && st != intranet.QuestionAnswered
	}
	filter := ""
	if onlyAccepted {
		filter = " AND accepted"
	}
	m := fmt.Sprintf(`SELECT t.question_id, c.i, MAX(c.q * t.weight) AS q FROM c CROSS JOIN LATERAL
(SELECT question_id, weight FROM question_terms WHERE term = c.term%s ORDER BY question_id DESC LIMIT %d) t GROUP BY t.question_id, c.i`, filter, termCap)
	if s.engine == SQLite {
		// No LATERAL in SQLite: number each word's questions, newest first.
		m = fmt.Sprintf(`SELECT question_id, i, MAX(q * weight) AS q FROM (SELECT t.question_id, c.i, c.q, t.weight,
ROW_NUMBER() OVER (PARTITION BY c.i, c.term ORDER BY t.question_id DESC) AS n FROM c JOIN question_terms t ON t.term = c.term%s)
WHERE n <= %d GROUP BY question_id, i`, strings.ReplaceAll(filter, "accepted", "t.accepted"), termCap)
	}
	q := `WITH c (i, term, q) AS (VALUES ` + strings.Join(values, ", ") + `), m AS (` + m + `)
SELECT question_id AS id, SUM(q) AS score FROM m GROUP BY question_id HAVING SUM(q) >= ? ORDER BY score DESC, question_id DESC LIMIT ?`
	args = append(args, threshold, limit)
	var hits []struct {
		ID    int64
		Score int64
	}
	if err := db.Raw(q, args...).Scan(&hits).Error; err != nil {
		return nil, fmt.Errorf("search knowledge: %w", translate(err))
	}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	list, err := s.questionsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	score := map[int64]int64{}
	for _, h := range hits {
		score[h.ID] = h.Score
	}
	out := make([]intranet.KnowledgeMatch, 0, len(list))
	best := float64(len(words) * qualityScale * questionWeight)
	for _, qn := range list {
		out = append(out, intranet.KnowledgeMatch{Question: qn, Score: float64(score[qn.ID]) / best})
	}
	return out, nil
}
