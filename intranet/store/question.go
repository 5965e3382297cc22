package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/werkplek/werkplek/intranet"
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
	AskerActive      bool
	AskerOrgID       *int64
	AskerOrg         string
	Topic            string
	TopicPartners    bool
}

func (r questionRow) question() *intranet.Question {
	q := &intranet.Question{ID: r.ID, AskerID: r.AskerID, Asker: r.Asker, AskerEmail: r.AskerEmail, Topic: r.Topic, TopicPartners: r.TopicPartners, Text: r.Text, AskerLeft: !r.AskerActive,
		State: intranet.QuestionState(r.State), Lang: r.Lang, Platform: intranet.Platform(r.Platform), Step: r.Step,
		Created: r.CreatedAt.UTC(), Changed: r.ChangedAt.UTC()}
	if r.TopicID != nil {
		q.TopicID = *r.TopicID
	}
	if r.AcceptedAnswerID != nil {
		q.AcceptedAnswerID = *r.AcceptedAnswerID
	}
	if r.AskerOrgID != nil {
		q.AskerOrganisationID, q.AskerOrganisation = *r.AskerOrgID, r.AskerOrg
	}
	return q
}

const questionSelect = `SELECT q.id, q.asker_id, q.topic_id, q.text, q.state, q.lang, q.platform, q.accepted_answer_id, q.step, q.created_at, q.changed_at,
p.name AS asker, p.email AS asker_email, p.active AS asker_active, o.id AS asker_org_id, COALESCE(o.name, '') AS asker_org, COALESCE(t.name, '') AS topic, COALESCE(t.partners, false) AS topic_partners
FROM questions q JOIN people p ON p.id = q.asker_id LEFT JOIN partner_orgs o ON o.id = p.organisation_id LEFT JOIN question_topics t ON t.id = q.topic_id`

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

// changedOne is the outcome of a conditional update: its error, or
// errQuestionLost when its condition matched no row.
func changedOne(res *gorm.DB) error {
	if res.Error != nil {
		return res.Error
	} else if res.RowsAffected == 0 {
		return errQuestionLost
	}
	return nil
}

// askerRefusal says why the asker's change of question id matched no row:
// someone else asked it (EUNAUTHORIZED; what names the change), or its
// state no longer allows it (ECONFLICT).
func (s *Store) askerRefusal(ctx context.Context, id, askerID int64, what string) (*intranet.Question, error) {
	q, err := s.FindQuestionByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if q.AskerID != askerID {
		return q, intranet.Errorf(intranet.EUNAUTHORIZED, "Only %s, who asked, may %s question %d.", q.Asker, what, id)
	}
	return q, intranet.Errorf(intranet.ECONFLICT, "Question %d is %s.", id, q.State)
}

// SetQuestionState moves a question of askerID from one of from to state.
func (s *Store) SetQuestionState(ctx context.Context, id, askerID int64, from []intranet.QuestionState, state intranet.QuestionState, now time.Time) (*intranet.Question, error) {
	err := s.InTx(ctx, func(ctx context.Context) error {
		res := s.conn(ctx).Exec("UPDATE questions SET state = ?, changed_at = ? WHERE id = ? AND asker_id = ? AND state IN ?",
			string(state), questionTime(now), id, askerID, questionStates(from))
		if err := changedOne(res); err != nil {
			return err
		}
		return s.reindexQuestion(ctx, id)
	})
	if errors.Is(err, errQuestionLost) {
		return s.askerRefusal(ctx, id, askerID, "do that with")
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
