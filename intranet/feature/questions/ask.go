package questions

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// askNew reads a new question: earlier answers first, else it is sent to
// the topic's channels and experts.
func (u *Unit) askNew(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	text := c.Cmd.Text("question")
	if len(phonebook.Words(text)) < 2 {
		return tellMore(c), nil
	}
	var topic *intranet.Topic
	if c.Partner() != 0 {
		t, problem, err := u.partnerTopic(ctx, c, c.Cmd, c.Cmd.Text("topic"), c.Cmd.Quoted("topic"), text)
		if t == nil {
			return reply(problem), err
		}
		topic = t
	} else if name := c.Cmd.Text("topic"); name != "" {
		t, problem, err := u.findTopic(ctx, c, name, c.Cmd.Quoted("topic"))
		if err != nil || t == nil {
			if err == nil && problem != nil {
				withoutTopic(c, problem)
			}
			return reply(problem), err
		}
		topic = t
	} else if !c.Req.Channel.Direct && c.Req.Channel.ID != "" {
		t, err := u.cfg.Topics.FindTopicByChannel(ctx, c.Req.Platform, c.Req.Channel.ID)
		if err == nil {
			topic = t
		} else if intranet.ErrorCode(err) != intranet.ENOTFOUND {
			return intranet.Reply{}, err
		}
	}
	matches, err := u.cfg.Questions.SearchKnowledge(ctx, intranet.KnowledgeSearch{Query: text, Limit: 3, Organisation: c.Partner(),
		States: []intranet.QuestionState{intranet.QuestionAccepted, intranet.QuestionAnswered}})
	if err != nil {
		return intranet.Reply{}, err
	}
	n := intranet.NewQuestion{AskerID: c.Person.ID, Text: text, Lang: c.Lang, Platform: c.Req.Platform, Draft: len(matches) > 0}
	if topic != nil {
		n.TopicID = topic.ID
	}
	if len(matches) > 0 {
		// Earlier answers may do: keep the question as a draft, so that
		// "Ask anyway" sends the very text typed.
		q, err := u.cfg.Questions.CreateQuestion(ctx, n, u.cfg.Now())
		if err != nil {
			return intranet.Reply{}, err
		}
		return earlierAnswers(c, u.cfg.Location, q, matches), nil
	}
	if topic == nil {
		if r, err := u.noTopic(ctx, c, c.Cmd, text); err != nil || r != nil {
			return reply(r), err
		}
	}
	var q *intranet.Question
	var sent sentTo
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		var err error
		if q, err = u.cfg.Questions.CreateQuestion(ctx, n, u.cfg.Now()); err != nil {
			return err
		}
		sent, err = u.sendQuestion(ctx, q, topic)
		return err
	})
	if err != nil {
		return intranet.Reply{}, err
	}
	return asked(c, q, topic, sent), nil
}

// reply returns the reply r points at, an empty one for nil.
func reply(r *intranet.Reply) intranet.Reply {
	if r == nil {
		return intranet.Reply{}
	}
	return *r
}

// noTopic answers a question without a topic that nobody would get (no
// expert's skill is among its words): rather than keep a question nobody
// sees, it asks for a topic, with a button per topic that runs ask (the
// question as typed) with that topic. It returns nil when someone would get
// the question.
func (u *Unit) noTopic(ctx context.Context, c *feature.Call, ask *grammar.Parsed, text string) (*intranet.Reply, error) {
	experts, err := u.routed(ctx, nil, &intranet.Question{AskerID: c.Person.ID, Text: text})
	if err != nil || len(experts) > 0 {
		return nil, err
	}
	topics, err := u.cfg.Topics.Topics(ctx)
	if err != nil {
		return nil, err
	}
	r := whichTopic(c, ask, text, topics)
	return &r, nil
}

// askByID answers /ask show|send|solved|close <id>.
func (u *Unit) askByID(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	q, problem, err := u.findQuestion(ctx, c, c.Cmd.Number("id"))
	if q == nil {
		return reply(problem), err
	}
	switch {
	case c.Is("send"):
		return u.askSend(ctx, c, q)
	case c.Is("solved"):
		return u.askSolved(ctx, c, q)
	case c.Is("close"):
		return u.askClose(ctx, c, q)
	}
	return questionView(c, u.cfg.Location, q), nil
}

// askSend sends a draft ("Ask anyway").
func (u *Unit) askSend(ctx context.Context, c *feature.Call, q *intranet.Question) (intranet.Reply, error) {
	if q.AskerID != c.Person.ID {
		return onlyAsker(c, q, "send"), nil
	}
	if q.State != intranet.QuestionDraft {
		return c.Reply(stateText(c, q)), nil
	}
	topic, err := u.findTopicByID(ctx, q.TopicID)
	if err != nil {
		return intranet.Reply{}, err
	}
	if c.Partner() != 0 && (topic == nil || !topic.Partners) {
		return u.partnerRetopic(ctx, c, q, topic)
	}
	if topic == nil {
		// The buttons ask the draft's text again, with a topic (none when
		// the text does not read back as a question).
		if r, err := u.noTopic(ctx, c, u.askAgain(q), q.Text); err != nil || r != nil {
			return reply(r), err
		}
	}
	var sent sentTo
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		var err error
		q, err = u.cfg.Questions.SetQuestionState(ctx, q.ID, c.Person.ID, []intranet.QuestionState{intranet.QuestionDraft}, intranet.QuestionOpen, u.cfg.Now())
		if err != nil {
			return err
		}
		sent, err = u.sendQuestion(ctx, q, topic)
		return err
	})
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT, intranet.EUNAUTHORIZED:
		return u.stateNow(ctx, c, q.ID)
	default:
		return intranet.Reply{}, err
	}
	r := asked(c, q, topic, sent)
	r.ReplaceOriginal = c.ReplacesOriginal()
	return r, nil
}

// askAgain reads a draft's text back as a typed /ask, for buttons that
// ask it again with a topic; nil when it does not read back as a question.
func (u *Unit) askAgain(q *intranet.Question) *grammar.Parsed {
	ask, err := u.ask.Parse("/ask "+quoteText(q.Text), u.cfg.Today())
	if err != nil || ask.Sub.Name() != "" {
		return nil
	}
	return ask
}

// partnerRetopic answers a partner's "Ask anyway" for a draft whose topic
// closed to partners (or went) since it was asked: they choose a topic
// open to them, which asks it again.
func (u *Unit) partnerRetopic(ctx context.Context, c *feature.Call, q *intranet.Question, topic *intranet.Topic) (intranet.Reply, error) {
	open, err := u.partnerTopics(ctx)
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(open) == 0 {
		return u.nothingOpen(ctx, c)
	}
	if topic != nil {
		return notOpenTopic(c, u.askAgain(q), topic.Name, q.Text, open), nil
	}
	return whichPartnerTopic(c, u.askAgain(q), q.Text, open), nil
}

// stateNow says where a question is now, after a change lost a race.
func (u *Unit) stateNow(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	q, err := u.cfg.Questions.FindQuestionByID(ctx, id)
	if err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(stateText(c, q)), nil
}

// quoteText writes a question's text so that /ask reads it back whole.
func quoteText(text string) string {
	if q, ok := grammar.Quote(text); ok {
		return q
	}
	return text
}

// askSolved closes a draft as self-served ("This answers it").
func (u *Unit) askSolved(ctx context.Context, c *feature.Call, q *intranet.Question) (intranet.Reply, error) {
	if q.AskerID != c.Person.ID {
		return onlyAsker(c, q, "solved"), nil
	}
	if q.State != intranet.QuestionDraft {
		return c.Reply(stateText(c, q)), nil
	}
	_, err := u.cfg.Questions.SetQuestionState(ctx, q.ID, c.Person.ID, []intranet.QuestionState{intranet.QuestionDraft}, intranet.QuestionSelfServed, u.cfg.Now())
	if code := intranet.ErrorCode(err); code == intranet.ECONFLICT || code == intranet.EUNAUTHORIZED {
		return u.stateNow(ctx, c, q.ID)
	} else if err != nil {
		return intranet.Reply{}, err
	}
	r := solved(c)
	r.ReplaceOriginal = c.ReplacesOriginal()
	return r, nil
}

// askClose closes a question of the caller's.
func (u *Unit) askClose(ctx context.Context, c *feature.Call, q *intranet.Question) (intranet.Reply, error) {
	if q.AskerID != c.Person.ID {
		return onlyAsker(c, q, "close"), nil
	}
	err := feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		if _, err := u.cfg.Questions.SetQuestionState(ctx, q.ID, c.Person.ID,
			[]intranet.QuestionState{intranet.QuestionDraft, intranet.QuestionOpen, intranet.QuestionAnswered}, intranet.QuestionClosed, u.cfg.Now()); err != nil {
			return err
		}
		if err := u.unscheduleEscalation(ctx, q.ID); err != nil {
			return err
		}
		return u.cards.Enqueue(ctx, q.ID)
	})
	if code := intranet.ErrorCode(err); code == intranet.ECONFLICT || code == intranet.EUNAUTHORIZED {
		return u.stateNow(ctx, c, q.ID)
	} else if err != nil {
		return intranet.Reply{}, err
	}
	return closed(c, q), nil
}

// askMine lists the caller's questions.
func (u *Unit) askMine(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	me := c.Person.ID
	list, err := u.cfg.Questions.Questions(ctx, intranet.QuestionFilter{AskerID: &me, Limit: 15,
		States: []intranet.QuestionState{intranet.QuestionOpen, intranet.QuestionAnswered, intranet.QuestionAccepted, intranet.QuestionClosed}})
	if err != nil {
		return intranet.Reply{}, err
	}
	return mine(c, list), nil
}

// kbSearch searches the knowledge base (accepted answers only).
func (u *Unit) kbSearch(ctx context.Context, c *feature.Call, words string) (intranet.Reply, error) {
	// A partner finds only their own organisation's questions.
	matches, err := u.cfg.Questions.SearchKnowledge(ctx, intranet.KnowledgeSearch{Query: words, Limit: 5, Organisation: c.Partner()})
	if err != nil {
		return intranet.Reply{}, err
	}
	return knowledge(c, u.cfg.Location, words, matches), nil
}

// CloseQuestionsOf closes the questions of someone who left that still
// wait (drafts, open and answered ones), in the transaction of ctx: their
// escalations stop and their cards say they were asked by a former
// colleague. Returns how many were closed.
func (u *Unit) CloseQuestionsOf(ctx context.Context, personID int64) (int, error) {
	waiting := []intranet.QuestionState{intranet.QuestionDraft, intranet.QuestionOpen, intranet.QuestionAnswered}
	qs, err := u.cfg.Questions.Questions(ctx, intranet.QuestionFilter{AskerID: &personID, States: waiting})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, q := range qs {
		_, err := u.cfg.Questions.SetQuestionState(ctx, q.ID, personID, waiting, intranet.QuestionClosed, u.cfg.Now())
		if intranet.ErrorCode(err) == intranet.ECONFLICT {
			continue
		} else if err != nil {
			return 0, err
		}
		if err := u.unscheduleEscalation(ctx, q.ID); err != nil {
			return 0, err
		}
		if err := u.cards.Enqueue(ctx, q.ID); err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}
