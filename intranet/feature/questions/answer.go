package questions

import (
	"context"
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// answer answers /answer (and /antwoord).
func (u *Unit) answer(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Is("") {
		return u.answerQuestion(ctx, c, c.Cmd.Number("question"), c.Cmd.Text("text"), false)
	}
	id := c.Cmd.Number("id")
	a, err := u.cfg.Questions.FindAnswerByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return noAnswer(c, id), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	switch {
	case c.Is("edit"):
		return u.answerEdit(ctx, c, a, strings.TrimSpace(c.Cmd.Text("text")))
	case c.Is("remove"):
		return u.answerRemove(ctx, c, a)
	}
	return u.answerAccept(ctx, c, a)
}

// answerQuestion stores an answer and sends it to the asker; without a
// text it opens the answer form.
func (u *Unit) answerQuestion(ctx context.Context, c *feature.Call, id int64, text string, fromForm bool) (intranet.Reply, error) {
	q, problem, err := u.findQuestion(ctx, c, id)
	if q == nil {
		return reply(problem), err
	}
	if q.AskerID == c.Person.ID {
		return ownQuestion(c, q), nil
	}
	if q.Settled() {
		return c.Reply(settledText(c, q)), nil
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return answerForm(c, q, fromForm), nil
	}
	a, err := u.addAnswer(ctx, q, c.Person, text)
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		if q, err = u.cfg.Questions.FindQuestionByID(ctx, id); err != nil {
			return intranet.Reply{}, err
		}
		return c.Reply(settledText(c, q)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	return answered(c, q, a), nil
}

// addAnswer stores an answer, stops the escalation, DMs the asker on the
// platform they asked from and has the cards updated, in one transaction.
func (u *Unit) addAnswer(ctx context.Context, q *intranet.Question, author *intranet.Person, text string) (*intranet.Answer, error) {
	var a *intranet.Answer
	err := feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		var err error
		if a, err = u.cfg.Questions.AddAnswer(ctx, q.ID, author.ID, text, u.cfg.Now()); err != nil {
			return err
		}
		if err := u.unscheduleEscalation(ctx, q.ID); err != nil {
			return err
		}
		asker, err := u.cfg.People.FindPersonByID(ctx, q.AskerID)
		if err != nil {
			return err
		}
		// The asker asked for it: an answer comes in their quiet hours too,
		// and to a partner's guest account (it shows the expert's name
		// only).
		if err := u.notifier.Send(ctx, feature.DM{To: asker, Key: fmt.Sprintf("question-%d-answer-%d", q.ID, a.ID), Asked: true, Guests: asker.IsPartner(), Write: func(lang string) intranet.Reply {
			return answerDM(lang, q, a, author)
		}}); err != nil {
			return err
		}
		return u.cards.Enqueue(ctx, q.ID)
	})
	return a, err
}

func (u *Unit) answerEdit(ctx context.Context, c *feature.Call, a *intranet.Answer, text string) (intranet.Reply, error) {
	if a.AuthorID != c.Person.ID {
		return onlyAuthor(c, a), nil
	}
	if a.Removed {
		return answerRemoved(c, a), nil
	}
	err := feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		if _, err := u.cfg.Questions.EditAnswer(ctx, a.ID, c.Person.ID, text, u.cfg.Now()); err != nil {
			return err
		}
		return u.cards.Enqueue(ctx, a.QuestionID)
	})
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT:
		return answerRemoved(c, a), nil
	default:
		return intranet.Reply{}, err
	}
	// Only the accepted answer of an accepted question is in the
	// knowledge base.
	q, err := u.cfg.Questions.FindQuestionByID(ctx, a.QuestionID)
	if err != nil {
		return intranet.Reply{}, err
	}
	return answerEdited(c, a, isAccepted(q, a)), nil
}

// isAccepted reports whether a is q's accepted answer, the one the
// knowledge base shows.
func isAccepted(q *intranet.Question, a *intranet.Answer) bool {
	return q.State == intranet.QuestionAccepted && q.AcceptedAnswerID == a.ID
}

func (u *Unit) answerRemove(ctx context.Context, c *feature.Call, a *intranet.Answer) (intranet.Reply, error) {
	if !c.Has(intranet.RoleAdmin) {
		return onlyAdminRemoves(c, a), nil
	}
	if a.Removed {
		return removedAlready(c, a), nil
	}
	err := feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		if _, err := u.cfg.Questions.RemoveAnswer(ctx, a.ID, u.cfg.Now()); err != nil {
			return err
		}
		if err := u.escalateReopened(ctx, a.QuestionID); err != nil {
			return err
		}
		return u.cards.Enqueue(ctx, a.QuestionID)
	})
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return removedAlready(c, a), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	return answerRemovedNow(c, a), nil
}

func (u *Unit) answerAccept(ctx context.Context, c *feature.Call, a *intranet.Answer) (intranet.Reply, error) {
	q, err := u.cfg.Questions.FindQuestionByID(ctx, a.QuestionID)
	if err != nil {
		return intranet.Reply{}, err
	}
	if !sees(c, q) {
		// A partner is not told that an answer to another's question exists.
		return noAnswer(c, a.ID), nil
	}
	if q.AskerID != c.Person.ID {
		return onlyAsker(c, q, "accept"), nil
	}
	if a.Removed {
		return answerRemoved(c, a), nil
	}
	if isAccepted(q, a) {
		return acceptedAlready(c, q, a), nil
	}
	author, err := u.cfg.People.FindPersonByID(ctx, a.AuthorID)
	if err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
		return intranet.Reply{}, err
	}
	var now *intranet.Question
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		var err error
		if now, err = u.cfg.Questions.AcceptAnswer(ctx, q.ID, a.ID, c.Person.ID, u.cfg.Now()); err != nil {
			return err
		}
		if err := u.unscheduleEscalation(ctx, q.ID); err != nil {
			return err
		}
		if err := u.cards.Enqueue(ctx, q.ID); err != nil {
			return err
		}
		// An author who left the phonebook is not told.
		return u.notifier.Send(ctx, feature.DM{To: author, Key: fmt.Sprintf("question-%d-accepted-%d", q.ID, a.ID), Write: func(lang string) intranet.Reply {
			return acceptedDM(lang, q, a)
		}})
	})
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT, intranet.EUNAUTHORIZED, intranet.EINVALID:
		if now == nil {
			return cannotAccept(c, a), nil
		}
		if isAccepted(now, a) {
			return acceptedAlready(c, now, a), nil
		}
		return c.Reply(stateText(c, now)), nil
	default:
		return intranet.Reply{}, err
	}
	r := acceptedReply(c, q, a)
	r.ReplaceOriginal = c.ReplacesOriginal()
	return r, nil
}
