package intranet

import (
	"context"
	"time"
)

// Topic is a subject people ask questions about ("Declaraties", "Wondzorg").
// Its experts get the questions; its owner hears about questions nobody
// answered in time. People whose phonebook skills match the topic's name
// count as experts too (the router adds them).
type Topic struct {
	ID      int64
	Name    string
	OwnerID int64
	Owner   string
	// EscalateHours is the topic's own escalation time in working hours;
	// 0 means the installation's default.
	EscalateHours int
	Experts       []TopicExpert
	// Channels holds at most one channel per platform, where the topic's
	// questions are posted.
	Channels []TopicChannel
	// Partners opens the topic to partners (partners:on): they may ask its
	// experts, and see the answers to their own organisation's questions.
	Partners bool
}

// TopicExpert is a person named as expert of a topic.
type TopicExpert struct {
	PersonID int64
	Name     string
	Email    string
}

// TopicChannel is a topic's channel on one platform.
type TopicChannel struct {
	Platform     Platform
	Installation string
	ChannelID    string
}

// IsExpert reports whether the person was named as expert of the topic.
func (t *Topic) IsExpert(personID int64) bool {
	for _, e := range t.Experts {
		if e.PersonID == personID {
			return true
		}
	}
	return false
}

// QuestionState is where a question is.
type QuestionState string

// The states of a question. A draft waits for its asker to choose between
// earlier answers and asking anyway; an open question waits for an answer;
// an answered one for the asker's accept. Accepted questions form the
// knowledge base. Closed (by the asker) and self-served (an earlier answer
// helped) questions are settled.
const (
	QuestionDraft      QuestionState = "draft"
	QuestionOpen       QuestionState = "open"
	QuestionAnswered   QuestionState = "answered"
	QuestionAccepted   QuestionState = "accepted"
	QuestionClosed     QuestionState = "closed"
	QuestionSelfServed QuestionState = "self_served"
)

// Question is something a person asked their colleagues.
type Question struct {
	ID         int64
	AskerID    int64
	Asker      string
	AskerEmail string
	// AskerOrganisation is the partner organisation of the asker ("" for
	// an employee), for the label employees see; AskerOrganisationID is
	// its id (0 for an employee), which decides what a partner may see.
	AskerOrganisation   string
	AskerOrganisationID int64
	// AskerLeft is set when the asker no longer works here (inactive):
	// their open questions were closed when they left.
	AskerLeft bool
	// TopicID is 0 for a question without a topic.
	TopicID int64
	Topic   string
	// TopicPartners is set when the question's topic is open to partners
	// now: a partner sees another's question of their organisation only
	// then.
	TopicPartners bool
	Text          string
	State         QuestionState
	// Lang is the language the question's cards are written in.
	Lang string
	// Platform is where the asker asked from: their answers are DMed there.
	Platform Platform
	// AcceptedAnswerID is the answer the asker accepted (0: none).
	AcceptedAnswerID int64
	// Step is the escalation step reached: 0 for the first experts.
	Step    int
	Created time.Time
	Changed time.Time
	// Answers are the answers not removed, oldest first (filled by
	// FindQuestionByID and SearchKnowledge).
	Answers []Answer
}

// Settled reports whether the question takes no more answers.
func (q *Question) Settled() bool {
	return q.State == QuestionClosed || q.State == QuestionSelfServed || q.State == QuestionAccepted || q.State == QuestionDraft
}

// Accepted returns the accepted answer, nil when there is none.
func (q *Question) Accepted() *Answer {
	for i := range q.Answers {
		if q.Answers[i].ID == q.AcceptedAnswerID {
			return &q.Answers[i]
		}
	}
	return nil
}

// Answer is one answer to a question.
type Answer struct {
	ID          int64
	QuestionID  int64
	AuthorID    int64
	Author      string
	AuthorEmail string
	Text        string
	Created     time.Time
	// Edited is zero when the author never changed the answer.
	Edited  time.Time
	Removed bool
}

// NewQuestion is a question as its asker typed it.
type NewQuestion struct {
	AskerID  int64
	TopicID  int64
	Text     string
	Lang     string
	Platform Platform
	// Draft keeps it as a draft (earlier answers were shown first).
	Draft bool
}

// QuestionFilter selects questions; nil fields are not filtered on.
type QuestionFilter struct {
	AskerID *int64
	States  []QuestionState
	Limit   int
}

// KnowledgeSearch is a query of the knowledge base.
type KnowledgeSearch struct {
	// Query is the free text, in Dutch or English.
	Query string
	// States are the questions searched: accepted only (the default), or
	// answered and accepted ones when it holds QuestionAnswered. No other
	// question is ever found.
	States []QuestionState
	// Limit is the most matches to return (default 5).
	Limit int
	// Organisation, when set, keeps only the questions asked by people of
	// that partner organisation: a partner never sees the internal
	// knowledge base.
	Organisation int64
}

// KnowledgeMatch is a question found, with how well it matched.
type KnowledgeMatch struct {
	Question *Question
	Score    float64
}

// QuestionPost is a question's card as posted in one channel. A card sent
// through the Outbox has its OutboxID and gets its Ref.ID once delivered.
type QuestionPost struct {
	QuestionID int64
	Ref        MessageRef
	OutboxID   int64
}

// TopicService keeps topics, their experts and channels.
type TopicService interface {
	// CreateTopic returns EINVALID for an empty name, ECONFLICT when a topic
	// of that name (case and accents ignored) exists.
	CreateTopic(ctx context.Context, name string, ownerID int64) (*Topic, error)
	// Topics returns every topic with its experts and channels, by name.
	Topics(ctx context.Context) ([]*Topic, error)
	// FindTopicByID returns ENOTFOUND for an unknown id.
	FindTopicByID(ctx context.Context, id int64) (*Topic, error)
	// FindTopicByName matches case- and accent-insensitively; ENOTFOUND.
	FindTopicByName(ctx context.Context, name string) (*Topic, error)
	// FindTopicByChannel returns the topic a channel is linked to; ENOTFOUND.
	FindTopicByChannel(ctx context.Context, platform Platform, channelID string) (*Topic, error)
	// SetTopicExpert adds (on) or removes a named expert. Returns ENOTFOUND
	// for an unknown topic or person.
	SetTopicExpert(ctx context.Context, topicID, personID int64, on bool) error
	// LinkTopicChannel makes ch the topic's channel on its platform,
	// replacing the one it had there. Returns ENOTFOUND.
	LinkTopicChannel(ctx context.Context, topicID int64, ch TopicChannel) error
	// SetTopicEscalation sets the topic's escalation time in working hours
	// (0: the default). Returns EINVALID below 0 or above 80, ENOTFOUND.
	SetTopicEscalation(ctx context.Context, topicID int64, hours int) error
	// SetTopicPartners opens the topic to partners (on) or closes it.
	// Returns ENOTFOUND.
	SetTopicPartners(ctx context.Context, topicID int64, on bool) error
}

// QuestionService keeps questions, their answers and the knowledge base
// they form. State changes are conditional updates, so of concurrent changes
// exactly one wins and the others get ECONFLICT with the question as it then
// is. Methods that write join the transaction of ctx (Transactor.InTx).
type QuestionService interface {
	// CreateQuestion stores an open (or draft) question. Returns EINVALID
	// for an empty text, ENOTFOUND for an unknown topic.
	CreateQuestion(ctx context.Context, n NewQuestion, now time.Time) (*Question, error)
	// FindQuestionByID returns the question with its answers; ENOTFOUND.
	FindQuestionByID(ctx context.Context, id int64) (*Question, error)
	// Questions returns questions, newest first.
	Questions(ctx context.Context, f QuestionFilter) ([]*Question, error)
	// SetQuestionState moves a question of askerID from one of the states
	// in from to state: a draft is sent (open) or self-served, an open or
	// answered one closed. Returns EUNAUTHORIZED for someone else's
	// question, ECONFLICT when it is in none of from, ENOTFOUND.
	SetQuestionState(ctx context.Context, id, askerID int64, from []QuestionState, state QuestionState, now time.Time) (*Question, error)
	// SetQuestionStep records the escalation step reached. Returns
	// ECONFLICT when the question is no longer open, ENOTFOUND.
	SetQuestionStep(ctx context.Context, id int64, step int) error
	// AddAnswer stores an answer to an open or answered question (which is
	// answered then). Returns EINVALID for an empty text, ECONFLICT when the
	// question is settled, ENOTFOUND.
	AddAnswer(ctx context.Context, questionID, authorID int64, text string, now time.Time) (*Answer, error)
	// FindAnswerByID returns an answer, removed ones too; ENOTFOUND.
	FindAnswerByID(ctx context.Context, id int64) (*Answer, error)
	// EditAnswer replaces the text of an answer by authorID. Returns
	// EUNAUTHORIZED for someone else's answer, ECONFLICT for a removed one,
	// EINVALID for an empty text, ENOTFOUND.
	EditAnswer(ctx context.Context, id, authorID int64, text string, now time.Time) (*Answer, error)
	// RemoveAnswer removes an answer from every view and the knowledge base;
	// a question whose accepted answer goes is answered again (or open when
	// no answer is left). Returns ECONFLICT when it was removed already,
	// ENOTFOUND.
	RemoveAnswer(ctx context.Context, id int64, now time.Time) (*Answer, error)
	// AcceptAnswer marks an answer of an answered or accepted question of
	// askerID as the one that helped. Returns EUNAUTHORIZED for someone
	// else's question, EINVALID for an answer of another question or a
	// removed one, ECONFLICT (with the question) when the question is
	// closed or that answer is accepted already, ENOTFOUND.
	AcceptAnswer(ctx context.Context, questionID, answerID, askerID int64, now time.Time) (*Question, error)
	// SearchKnowledge ranks questions for a query, best first (ties: the
	// newest first): full text with Dutch and English stemming and typo
	// tolerance, over the question and its answers not removed. A query of
	// stop words only finds nothing.
	SearchKnowledge(ctx context.Context, s KnowledgeSearch) ([]KnowledgeMatch, error)
	// AddQuestionPost remembers a posted card; the card of the same channel
	// again replaces it.
	AddQuestionPost(ctx context.Context, p QuestionPost) error
	// QuestionPosts returns the posted cards of a question.
	QuestionPosts(ctx context.Context, id int64) ([]QuestionPost, error)
	// FindQuestionByPost returns the question whose card is the message ref
	// points at (platform, channel and message id); ENOTFOUND.
	FindQuestionByPost(ctx context.Context, ref MessageRef) (*Question, error)
}
