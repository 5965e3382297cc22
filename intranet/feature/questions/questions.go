// Package questions is the questions unit: /ask puts a question to the
// colleagues who know (earlier answers first), /answer answers it (also in
// the thread under its card, or in a form) and /kb searches the knowledge
// base of accepted answers. Unanswered questions escalate by working hours
// to the next experts and then to the topic's owner.
package questions

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
)

// QuestionEscalateJob is the job kind of an escalation step; its key is
// "question:<id>:<step>", so every step of a question runs once.
const QuestionEscalateJob = "question.escalate"

// QuestionCardsJob is the former kind of feature.CardsJob for questions
// (payload {"id": <id>}); no longer enqueued, it is still handled for the
// jobs of it an upgraded database may hold.
const QuestionCardsJob = "question.cards"

// cardsName is the name of the questions' cards in feature.Cards.
const cardsName = "question"

// DefaultEscalateHours is the escalation time when none is configured.
const DefaultEscalateHours = 4

// MaxExpertsPerStep is how many experts one step asks.
const MaxExpertsPerStep = 5

// Config is what the unit needs. Its Env's Accounts (required) find an
// expert named by a platform mention; its Platforms post the question cards
// and update them; its Jobs run the escalation steps (New registers
// QuestionEscalateJob), its Cards (required) the card updates; its Outbox
// delivers cards and DMs, and a card's message is learnt from its outbox
// entry; its Tx writes a question, its cards, DMs and jobs in one
// transaction; its Location is where working hours are counted.
type Config struct {
	feature.Env
	Topics    intranet.TopicService
	Questions intranet.QuestionService
	// EscalateHours is WERKPLEK_QUESTION_ESCALATE_HOURS, the working hours
	// after which an unanswered question goes to the next experts and then
	// to the topic's owner (a topic may set its own); default
	// DefaultEscalateHours.
	EscalateHours int
	// Partners, when set, names a partner's contacts when no topic is
	// open to partners yet.
	Partners intranet.PartnerService
}

// Unit answers /ask, /answer and /kb, the answer form and answers written
// in a question card's thread.
type Unit struct {
	cfg      Config
	notifier feature.Notifier
	cards    feature.CardRefresh
	// ask reads a question's text back as a typed /ask, for buttons that
	// ask it again with a topic.
	ask *grammar.Grammar
}

var (
	_ feature.Unit       = (*Unit)(nil)
	_ feature.FormUnit   = (*Unit)(nil)
	_ feature.ThreadUnit = (*Unit)(nil)
)

// New returns the unit and registers its job handlers on cfg.Jobs.
func New(cfg Config) (*Unit, error) {
	switch {
	case cfg.Topics == nil:
		return nil, errors.New("questions: no topic service")
	case cfg.Questions == nil:
		return nil, errors.New("questions: no question service")
	}
	if err := cfg.Ready("questions", feature.NeedAccounts, feature.NeedCards); err != nil {
		return nil, err
	}
	if cfg.EscalateHours <= 0 {
		cfg.EscalateHours = DefaultEscalateHours
	}
	u := &Unit{cfg: cfg, notifier: cfg.Notifier(), ask: grammar.New(Ask)}
	var err error
	if u.cards, err = cfg.HandleCards(cardsName, cardSource{u}); err != nil {
		return nil, err
	}
	if err := cfg.Jobs.HandleJobs(QuestionCardsJob, u.cards.FormerJob); err != nil {
		return nil, err
	}
	if err := cfg.Jobs.HandleJobs(QuestionEscalateJob, u.escalateJob); err != nil {
		return nil, err
	}
	return u, nil
}

// Commands returns /ask, /answer and /kb.
func (u *Unit) Commands() []*grammar.Command { return []*grammar.Command{Ask, Answer, KB} }

// Handle answers the unit's commands.
func (u *Unit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	switch c.Cmd.Command {
	case Answer:
		return u.answer(ctx, c)
	case KB:
		return u.kbSearch(ctx, c, c.Cmd.Text("words"))
	}
	switch {
	case c.Is("search"):
		return u.kbSearch(ctx, c, c.Cmd.Text("words"))
	case c.Is("mine"):
		return u.askMine(ctx, c)
	case c.Is("show"), c.Is("send"), c.Is("solved"), c.Is("close"):
		return u.askByID(ctx, c)
	case c.Is("topic"), c.Is("topic list"):
		return u.topicList(ctx, c)
	case c.Is("topic show"):
		return u.topicShow(ctx, c)
	case c.Is("topic add"):
		return u.topicAdd(ctx, c)
	case c.Is("topic channel"):
		return u.topicChannel(ctx, c)
	case c.Is("topic set"):
		return u.topicSet(ctx, c)
	case c.Is("expert add"), c.Is("expert remove"):
		return u.expert(ctx, c)
	}
	return u.askNew(ctx, c)
}

// answerFormID is the prefix of the answer form's id: "answer.<question id>".
const answerFormID = "answer."

// FormIDs returns the answer form's prefix.
func (u *Unit) FormIDs() []string { return []string{answerFormID} }

// HandleForm answers a submitted answer form.
func (u *Unit) HandleForm(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(c.Req.Form.FormID, answerFormID), 10, 64)
	if err != nil || id <= 0 {
		return unknownForm(c), nil
	}
	return u.answerQuestion(ctx, c, id, c.Req.Form.Values["text"], true)
}

// HandleThread answers a plain message written in a channel thread: a reply
// under a posted question card is an answer by its writer (ok true, and
// nothing is said). Anything else under a card (the asker's own replies, a
// settled question, a guest) is let be; a thread that is no card's is not
// the unit's.
func (u *Unit) HandleThread(ctx context.Context, c *feature.Call) (intranet.Reply, bool, error) {
	ref := *c.Req.Thread
	if ref.Platform == "" {
		ref.Platform = c.Req.Platform
	}
	if ref.ChannelID == "" {
		ref.ChannelID = c.Req.Channel.ID
	}
	q, err := u.cfg.Questions.FindQuestionByPost(ctx, ref)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return intranet.Reply{}, false, nil
	} else if err != nil {
		return intranet.Reply{}, false, err
	}
	text := strings.TrimSpace(c.Req.Text)
	if c.Person == nil || c.Guest || text == "" || q.AskerID == c.Person.ID || q.Settled() {
		return intranet.Reply{}, true, nil
	}
	if _, err := u.addAnswer(ctx, q, c.Person, text); err != nil && intranet.ErrorCode(err) != intranet.ECONFLICT {
		return intranet.Reply{}, true, err
	}
	return intranet.Reply{}, true, nil
}

// findQuestion finds a question by id; problem is the reply for one that
// does not exist, or that the caller, a partner, may not see.
func (u *Unit) findQuestion(ctx context.Context, c *feature.Call, id int64) (*intranet.Question, *intranet.Reply, error) {
	q, err := u.cfg.Questions.FindQuestionByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND || err == nil && !sees(c, q) {
		// A partner is not told that another's question exists.
		r := noQuestion(c, id)
		return nil, &r, nil
	} else if err != nil {
		return nil, nil, err
	}
	return q, nil, nil
}

// findTopicByID returns a question's topic, nil when it has none (or it
// is gone).
func (u *Unit) findTopicByID(ctx context.Context, id int64) (*intranet.Topic, error) {
	if id == 0 {
		return nil, nil
	}
	t, err := u.cfg.Topics.FindTopicByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil, nil
	}
	return t, err
}
