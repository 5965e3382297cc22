package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

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
		if err := changedOne(res); err != nil {
			return err
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
		if err := changedOne(res); err != nil {
			return err
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
		if err := changedOne(res); err != nil {
			return err
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
		// An answer accepted already is not accepted again: of two accepts
		// at once (a double tap), one changes the question.
		res := s.conn(ctx).Exec(`UPDATE questions SET state = 'accepted', accepted_answer_id = ?, changed_at = ? WHERE id = ? AND asker_id = ? AND state IN ('answered', 'accepted')
AND (accepted_answer_id IS NULL OR accepted_answer_id <> ?)
AND EXISTS (SELECT 1 FROM answers WHERE id = ? AND removed_at IS NULL)`, answerID, questionTime(now), questionID, askerID, answerID, answerID)
		if err := changedOne(res); err != nil {
			return err
		}
		return s.reindexQuestion(ctx, questionID)
	})
	if errors.Is(err, errQuestionLost) {
		return s.askerRefusal(ctx, questionID, askerID, "accept an answer to")
	} else if err != nil {
		return nil, fmt.Errorf("accept answer %d: %w", answerID, translate(err))
	}
	return s.FindQuestionByID(ctx, questionID)
}
