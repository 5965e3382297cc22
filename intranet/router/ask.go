package router

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/when"
)

// Questions is what /ask, /answer and /kb need beyond the phonebook.
// Without it (UseQuestions never called) the commands say they are not
// available.
type Questions struct {
	Topics    intranet.TopicService
	Questions intranet.QuestionService
	// Posters post the question cards and DMs; nil posts nothing.
	Posters intranet.PosterSet
	// Outbox, when set, delivers cards and DMs as jobs (retried on 429 and
	// 5xx); the card's message id is then learnt from the outbox entry.
	Outbox intranet.Outbox
	// Scheduler, when set, runs the escalation steps (QuestionEscalateJob;
	// register its handler with RegisterQuestionJobs before the runner
	// starts). Tx writes a question and its jobs in one transaction.
	Scheduler intranet.Scheduler
	Tx        intranet.Transactor
	// Location is WERKPLEK_TIMEZONE: working hours are counted there.
	Location *time.Location
	// EscalateHours is WERKPLEK_QUESTION_ESCALATE_HOURS, the working hours
	// after which an unanswered question goes to the next experts and then
	// to the topic's owner (a topic may set its own).
	EscalateHours int
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// QuestionEscalateJob is the job kind of an escalation step; its key is
// "question:<id>:<step>", so every step of a question runs once.
const QuestionEscalateJob = "question.escalate"

// DefaultEscalateHours is the escalation time when none is configured.
const DefaultEscalateHours = 4

// MaxExpertsPerStep is how many experts one step asks.
const MaxExpertsPerStep = 5

// UseQuestions turns /ask, /answer and /kb on.
func (r *Router) UseQuestions(q *Questions) {
	if q.Location == nil {
		q.Location = time.UTC
	}
	if q.Now == nil {
		q.Now = time.Now
	}
	if q.EscalateHours <= 0 {
		q.EscalateHours = DefaultEscalateHours
	}
	r.questionSettings = q
}

func (r *Router) questions() *Questions { return r.questionSettings }

// QuestionSettings returns the configuration UseQuestions set, nil when the
// feature is off; bot adds the job runner to it once that exists.
func (r *Router) QuestionSettings() *Questions { return r.questions() }

// askCommands is the questions feature: /ask, /answer and /kb.
func (r *Router) askCommands() []command {
	return []command{{
		Command: intranet.Command{Name: "ask", Aliases: []string{"vraag"},
			Hint: "<question> [topic:<t>] | search <words> | mine | close <id> | topic … | expert …", HintNL: "<vraag> [onderwerp:<o>] | zoek <woorden> | mijn | sluit <nr> | onderwerp … | deskundige …",
			Summary: "Ask the colleagues who know; earlier answers first", SummaryNL: "Vraag het de collega's die het weten; eerdere antwoorden eerst"},
		run: r.ask,
		help: func(c *call) intranet.Section {
			return intranet.Section{Title: c.tr("Vragen en kennisbank", "Questions and knowledge base"), Text: c.tr(
				"- `/ask <vraag> [topic:<onderwerp>]`: eerst zoek ik eerdere antwoorden; anders gaat je vraag naar het kanaal en de deskundigen van het onderwerp, bijvoorbeeld `/vraag hoe declareer ik reiskosten? onderwerp:Declaraties`\n"+
					"- `/ask search <woorden>` of `/kb <woorden>`: zoek in de kennisbank, in het Nederlands of Engels, tikfouten mogen; `/ask mine`: mijn vragen; `/ask show <nr>`; `/ask close <nr>`\n"+
					"- `/answer <nr> <antwoord>` (`/answer <nr>` opent een formulier; of antwoord in de draad onder de vraag), `/answer edit <antwoordnr> <tekst>`, `/answer accept <antwoordnr>`; beheerders: `/answer remove <antwoordnr>`\n"+
					"- onderwerpen: `/ask topic list`, `/ask topic add <naam>` (beheerders), `/ask topic channel <onderwerp>` (in het kanaal), `/ask topic set <onderwerp> escalate:<uren>`, `/ask expert add|remove <onderwerp> <persoon>`",
				"- `/ask <question> [topic:<topic>]`: I look for earlier answers first; else your question goes to the topic's channel and experts, e.g. `/ask how do I claim travel expenses? topic:Declaraties`\n"+
					"- `/ask search <words>` or `/kb <words>`: search the knowledge base, in Dutch or English, typos are fine; `/ask mine`: my questions; `/ask show <id>`; `/ask close <id>`\n"+
					"- `/answer <id> <answer>` (`/answer <id>` opens a form; or answer in the question's thread), `/answer edit <answer id> <text>`, `/answer accept <answer id>`; admins: `/answer remove <answer id>`\n"+
					"- topics: `/ask topic list`, `/ask topic add <name>` (admins), `/ask topic channel <topic>` (in the channel), `/ask topic set <topic> escalate:<hours>`, `/ask expert add|remove <topic> <person>`")}
		},
		dutch: []string{"`/vraag` = `/ask`", "`/antwoord` = `/answer`", "`onderwerp` = `topic`", "`deskundige` = `expert`", "`zoek` = `search`", "`sluit` = `close`",
			"`stuur` = `send`", "`opgelost` = `solved`", "`accepteer` = `accept`", "`bewerk` = `edit`", "`escaleer:` = `escalate:`"},
	}, {
		Command: intranet.Command{Name: "answer", Aliases: []string{"antwoord"},
			Hint: "<id> <answer> | edit <answer id> <text> | accept <answer id> | remove <answer id>", HintNL: "<nr> <antwoord> | bewerk <antwoordnr> <tekst> | accepteer <antwoordnr> | verwijder <antwoordnr>",
			Summary: "Answer a colleague's question", SummaryNL: "Beantwoord de vraag van een collega"},
		run: r.answer,
		// help: /ask's section tells.
	}, {
		Command: intranet.Command{Name: "kb", Hint: "<words>", HintNL: "<woorden>",
			Summary: "Search the knowledge base of answered questions", SummaryNL: "Zoek in de kennisbank van beantwoorde vragen"},
		run: r.kb,
		// help: /ask's section tells.
	}}
}

var askWords = map[string]string{"onderwerp": "topic", "onderwerpen": "topic", "deskundige": "expert", "deskundigen": "expert", "expert": "expert",
	"zoek": "search", "zoeken": "search", "sluit": "close", "sluiten": "close", "stuur": "send", "versturen": "send", "opgelost": "solved",
	"mijn": "mine", "toon": "show", "nieuw": "add", "toevoegen": "add", "erbij": "add", "kanaal": "channel", "verwijder": "remove", "eraf": "remove",
	"instellen": "set", "stel": "set", "lijst": "list", "accepteer": "accept", "accepteren": "accept", "bewerk": "edit", "wijzig": "edit",
	"verwijderen": "remove"}

func askKeyword(w string) string {
	w = strings.ToLower(w)
	if en, ok := askWords[w]; ok {
		return en
	}
	return w
}

// parseID reads a question or answer number ("12" or "#12").
func parseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(s), "#"), 10, 64)
	return id, err == nil && id > 0
}

func (c *call) notAvailable() intranet.Reply {
	return c.reply(c.tr("Vragen en de kennisbank zijn in deze installatie niet beschikbaar.", "Questions and the knowledge base are not available in this installation."))
}

// ask answers /ask (and /vraag).
func (r *Router) ask(ctx context.Context, c *call) (intranet.Reply, error) {
	cfg := r.questions()
	if cfg == nil {
		return c.notAvailable(), nil
	}
	sub, rest, _ := strings.Cut(c.args, " ")
	rest = strings.TrimSpace(rest)
	switch kw := askKeyword(sub); kw {
	case "topic":
		return r.askTopic(ctx, c, cfg, rest)
	case "expert":
		return r.askExpert(ctx, c, cfg, rest)
	case "search":
		return r.kbSearch(ctx, c, cfg, rest)
	case "mine":
		if rest == "" {
			return r.askMine(ctx, c, cfg)
		}
	case "send", "solved", "close", "show":
		id, ok := parseID(rest)
		if !ok {
			if rest == "" || len(strings.Fields(rest)) == 1 {
				return c.reply(c.tr("Gebruik `/ask %s <nummer>`, bijvoorbeeld `/ask %s 12`.", "Use `/ask %s <number>`, e.g. `/ask %s 12`.", kw, kw)), nil
			}
			break // a question that starts with the word
		}
		q, err := cfg.Questions.FindQuestionByID(ctx, id)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return c.reply(c.tr("Er is geen vraag %d.", "There is no question %d.", id)), nil
		} else if err != nil {
			return intranet.Reply{}, err
		}
		switch kw {
		case "send":
			return r.askSend(ctx, c, cfg, q)
		case "solved":
			return r.askSolved(ctx, c, cfg, q)
		case "close":
			return r.askClose(ctx, c, cfg, q)
		}
		return r.questionView(c, cfg, q), nil
	}
	return r.askNew(ctx, c, cfg)
}

var topicOptionRE = regexp.MustCompile(`(?i)(?:^|\s)(topic|onderwerp):("[^"]*"|'[^']*'|\S+)`)

func askUsage(c *call) string {
	return c.tr("Typ `/ask <je vraag> [topic:<onderwerp>]`, bijvoorbeeld `/vraag Hoe declareer ik mijn reiskosten? onderwerp:Declaraties`.",
		"Type `/ask <your question> [topic:<topic>]`, e.g. `/ask How do I claim my travel expenses? topic:Declaraties`.")
}

// askNew reads a new question: earlier answers first, else it is sent.
func (r *Router) askNew(ctx context.Context, c *call, cfg *Questions) (intranet.Reply, error) {
	topicName := ""
	text := topicOptionRE.ReplaceAllStringFunc(c.args, func(m string) string {
		topicName = strings.Trim(topicOptionRE.FindStringSubmatch(m)[2], `"'`)
		return " "
	})
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return c.reply(askUsage(c)), nil
	}
	if len(phonebook.Words(text)) < 2 {
		return c.reply(c.tr("Kun je wat meer vertellen? Met één woord weten de deskundigen niet wat je bedoelt. ", "Could you tell a little more? With one word the experts cannot tell what you mean. ") + askUsage(c)), nil
	}
	var topic *intranet.Topic
	if topicName != "" {
		t, reply, err := r.findTopic(ctx, c, cfg, topicName)
		if t == nil {
			if err == nil && reply.Text != "" {
				reply.Text += " " + c.tr("Of vraag het zonder onderwerp.", "Or ask without a topic.")
				reply.Buttons = []intranet.Button{{Label: c.tr("Vraag zonder onderwerp", "Ask without a topic"), Command: "/ask " + text}}
			}
			return reply, err
		}
		topic = t
	} else if !c.req.Channel.Direct && c.req.Channel.ID != "" {
		t, err := cfg.Topics.FindTopicByChannel(ctx, c.req.Platform, c.req.Channel.ID)
		if err == nil {
			topic = t
		} else if intranet.ErrorCode(err) != intranet.ENOTFOUND {
			return intranet.Reply{}, err
		}
	}
	var topicID int64
	if topic != nil {
		topicID = topic.ID
	}
	matches, err := cfg.Questions.SearchKnowledge(ctx, intranet.KnowledgeSearch{Query: text, Limit: 3,
		States: []intranet.QuestionState{intranet.QuestionAccepted, intranet.QuestionAnswered}})
	if err != nil {
		return intranet.Reply{}, err
	}
	now := cfg.Now()
	n := intranet.NewQuestion{AskerID: c.person.ID, TopicID: topicID, Text: text, Lang: c.lang, Platform: c.req.Platform, Draft: len(matches) > 0}
	if len(matches) == 0 && topic == nil {
		if reply, ok, err := r.noTopic(ctx, c, cfg, text); err != nil || ok {
			return reply, err
		}
	}
	if len(matches) == 0 {
		var q *intranet.Question
		var sent sentTo
		err := inTx(ctx, cfg.Tx, func(ctx context.Context) error {
			var err error
			if q, err = cfg.Questions.CreateQuestion(ctx, n, now); err != nil {
				return err
			}
			sent, err = r.sendQuestion(ctx, c, cfg, q, topic)
			return err
		})
		if err != nil {
			return intranet.Reply{}, err
		}
		return r.askedReply(c, q, topic, sent), nil
	}
	// Earlier answers may do: keep the question as a draft, so that "Ask
	// anyway" sends the very text typed.
	q, err := cfg.Questions.CreateQuestion(ctx, n, now)
	if err != nil {
		return intranet.Reply{}, err
	}
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("Misschien is dit al beantwoord", "Maybe this was answered already"),
		Text: c.tr("Ik vond eerdere antwoorden op je vraag: \"%s\". Helpt een ervan?", "I found earlier answers to your question: \"%s\". Does one of them help?", text)}
	for _, m := range matches {
		s := r.kbSection(c, cfg, m.Question)
		s.Buttons = []intranet.Button{{Label: c.tr("Dit beantwoordt het", "This answers it"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/ask solved %d", q.ID)}}
		reply.Sections = append(reply.Sections, s)
	}
	reply.Buttons = []intranet.Button{{Label: c.tr("Toch vragen", "Ask anyway"), Command: fmt.Sprintf("/ask send %d", q.ID)}}
	reply.Context = []string{c.tr("Vraag %d (nog niet verstuurd)", "Question %d (not sent yet)", q.ID)}
	return reply, nil
}

// sentTo says where a question went.
type sentTo struct {
	channels []string
	experts  []string
}

// askedReply tells the asker where the question went and its reference.
func (r *Router) askedReply(c *call, q *intranet.Question, topic *intranet.Topic, sent sentTo) intranet.Reply {
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("Vraag #%d gesteld", "Question #%d asked", q.ID)}
	var where []string
	if len(sent.channels) > 0 {
		where = append(where, c.tr("in %s", "in %s", strings.Join(sent.channels, ", ")))
	}
	if len(sent.experts) > 0 {
		where = append(where, c.tr("aan %s", "to %s", strings.Join(sent.experts, ", ")))
	}
	if len(where) == 0 {
		hint := c.tr("Kies een onderwerp met deskundigen (`/ask topic list`).", "Pick a topic with experts (`/ask topic list`).")
		if topic != nil {
			hint = c.tr("Een beheerder of de eigenaar van %s voegt deskundigen toe met `/ask expert add %s <persoon>`.", "An admin or the owner of %s adds experts with `/ask expert add %s <person>`.", topic.Name, quote(topic.Name))
		}
		reply.Text = c.tr("Je vraag is bewaard als #%d, maar ik kon niemand bereiken: er is geen kanaal of deskundige. %s", "Your question is saved as #%d, but I could not reach anyone: there is no channel or expert. %s", q.ID, hint)
	} else {
		reply.Text = c.tr("Je vraag ging %s. Je krijgt elk antwoord van me; noem #%d als je ernaar verwijst.", "Your question went %s. I'll send you every answer; mention #%d when you refer to it.", strings.Join(where, c.tr(" en ", " and ")), q.ID)
	}
	reply.Buttons = []intranet.Button{{Label: c.tr("Vraag sluiten", "Close question"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/ask close %d", q.ID)}}
	return reply
}

// noTopic answers a question without a topic that nobody would get (no
// expert's skill is among its words): rather than keep a question nobody
// sees, it asks for a topic, with a button per topic (ok true). ok is false
// when someone would get it.
func (r *Router) noTopic(ctx context.Context, c *call, cfg *Questions, text string) (intranet.Reply, bool, error) {
	experts, err := r.experts(ctx, nil, &intranet.Question{AskerID: c.person.ID, Text: text})
	if err != nil || len(experts) > 0 {
		return intranet.Reply{}, false, err
	}
	topics, err := cfg.Topics.Topics(ctx)
	if err != nil {
		return intranet.Reply{}, false, err
	}
	if len(topics) == 0 {
		return c.reply(c.tr("Ik weet niet bij wie ik dit moet vragen: er zijn nog geen onderwerpen met deskundigen. Een beheerder maakt ze met `/ask topic add <naam>`.",
			"I don't know whom to ask: there are no topics with experts yet. An admin creates them with `/ask topic add <name>`.")), true, nil
	}
	reply := c.reply(c.tr("Bij welk onderwerp hoort je vraag? Dan weet ik wie het weet. Typ `/ask %s topic:<onderwerp>` of kies:",
		"Which topic is your question about? Then I know who knows. Type `/ask %s topic:<topic>` or choose:", text))
	for _, t := range topics[:min(len(topics), 8)] {
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: t.Name, Command: fmt.Sprintf("/ask %s topic:%s", text, quote(t.Name))})
	}
	return reply, true, nil
}

// findTopic finds a topic by (the start of) its name; when there is none or
// more than one, reply says so (with a did-you-mean) and the topic is nil.
func (r *Router) findTopic(ctx context.Context, c *call, cfg *Questions, name string) (*intranet.Topic, intranet.Reply, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, c.reply(c.tr("Welk onderwerp? `/ask topic list` toont ze allemaal.", "Which topic? `/ask topic list` shows them all.")), nil
	}
	t, err := cfg.Topics.FindTopicByName(ctx, name)
	if err == nil {
		return t, intranet.Reply{}, nil
	} else if intranet.ErrorCode(err) != intranet.ENOTFOUND {
		return nil, intranet.Reply{}, err
	}
	topics, err := cfg.Topics.Topics(ctx)
	if err != nil {
		return nil, intranet.Reply{}, err
	}
	var names []string
	var match []*intranet.Topic
	for _, t := range topics {
		names = append(names, t.Name)
		if wordsStartWith(t.Name, name) {
			match = append(match, t)
		}
	}
	if len(match) == 1 {
		return match[0], intranet.Reply{}, nil
	}
	if len(match) > 1 {
		var ms []string
		for _, t := range match {
			ms = append(ms, t.Name)
		}
		return nil, c.reply(c.tr("%q past bij meer onderwerpen: %s. Typ de hele naam.", "%q matches several topics: %s. Type the whole name.", name, strings.Join(ms, ", "))), nil
	}
	if len(names) == 0 {
		return nil, c.reply(c.tr("Er zijn nog geen onderwerpen; een beheerder maakt ze met `/ask topic add <naam>`.", "There are no topics yet; an admin creates them with `/ask topic add <name>`.")), nil
	}
	return nil, c.reply(c.tr("Ik ken geen onderwerp %q.%s", "I know no topic %q.%s", name, didYouMean(c, name, names))), nil
}

// experts returns the people a question goes to, in order: the topic's
// named experts, then those whose phonebook skills match the topic's name
// (without a topic: a word of the question), never the asker.
func (r *Router) experts(ctx context.Context, topic *intranet.Topic, q *intranet.Question) ([]int64, error) {
	var out []int64
	seen := map[int64]bool{q.AskerID: true}
	if topic != nil {
		for _, e := range topic.Experts {
			if !seen[e.PersonID] {
				seen[e.PersonID] = true
				out = append(out, e.PersonID)
			}
		}
	}
	skills, err := r.People.Skills(ctx)
	if err != nil {
		return nil, err
	}
	var match []string
	for _, s := range skills {
		if topic != nil && skillMatches(s, phonebook.Words(topic.Name)) || topic == nil && skillInText(s, q.Text) {
			match = append(match, s)
		}
	}
	if len(match) == 0 {
		return out, nil
	}
	res, err := r.People.SearchPeople(ctx, intranet.PersonSearch{Skills: match, Limit: 50})
	if err != nil {
		return nil, err
	}
	for _, m := range res.Matches {
		if !seen[m.Person.ID] && !m.Person.IsGuest() {
			seen[m.Person.ID] = true
			out = append(out, m.Person.ID)
		}
	}
	return out, nil
}

// skillMatches reports whether a skill names the topic: the same words
// (folded), or the topic's words all among the skill's.
func skillMatches(skill string, topicWords []string) bool {
	if len(topicWords) == 0 {
		return false
	}
	have := map[string]bool{}
	for _, w := range phonebook.Words(skill) {
		have[w] = true
	}
	for _, w := range topicWords {
		if !have[w] {
			return false
		}
	}
	return true
}

// skillInText reports whether every word of a skill is a word of the text.
func skillInText(skill, text string) bool {
	words := phonebook.Words(skill)
	return len(words) > 0 && skillMatches(text, words)
}

// questionCard is the card of a question as posted in channels and DMed to
// experts, in lang.
func (r *Router) questionCard(cfg *Questions, q *intranet.Question, lang string, inChannel bool) intranet.Reply {
	title := ltr(lang, "Vraag #%d", "Question #%d", q.ID)
	if q.Topic != "" {
		title += " · " + q.Topic
	}
	reply := intranet.Reply{Lang: lang, Title: title, Text: q.Text,
		Sections: []intranet.Section{{Fields: []intranet.Field{{Label: ltr(lang, "Gevraagd door", "Asked by"), Value: q.Asker}}}},
		Buttons:  []intranet.Button{{Label: ltr(lang, "Beantwoorden", "Answer"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/answer %d", q.ID)}}}
	if inChannel {
		reply.Visibility = intranet.InChannel
		reply.Context = []string{ltr(lang, "Antwoord in de draad onder dit bericht, met de knop of met `/answer %d <antwoord>`.", "Answer in this message's thread, with the button or with `/answer %d <answer>`.", q.ID)}
	} else {
		reply.Context = []string{ltr(lang, "Antwoord met de knop of met `/answer %d <antwoord>`.", "Answer with the button or with `/answer %d <answer>`.", q.ID)}
	}
	switch q.State {
	case intranet.QuestionAnswered:
		reply.Context = append(reply.Context, ltr(lang, "Antwoorden tot nu toe: %d.", "Answers so far: %d.", len(q.Answers)))
	case intranet.QuestionAccepted:
		reply.Buttons, reply.Context = nil, nil
		if a := q.Accepted(); a != nil {
			reply.Sections = append(reply.Sections, intranet.Section{Title: ltr(lang, "Geaccepteerd antwoord van %s", "Accepted answer by %s", a.Author), Text: a.Text})
		}
		reply.Context = []string{ltr(lang, "Beantwoord; staat in de kennisbank (`/kb`).", "Answered; in the knowledge base (`/kb`).")}
	case intranet.QuestionClosed, intranet.QuestionSelfServed:
		reply.Buttons = nil
		reply.Context = []string{ltr(lang, "Gesloten door %s; er kunnen geen antwoorden meer bij.", "Closed by %s; it takes no more answers.", q.Asker)}
	}
	return reply
}

// QuestionCardsJob brings every posted card of a question up to date
// (payload {"id": <id>}), when cards go through the outbox.
const QuestionCardsJob = "question.cards"

// updateQuestionCards shows the question's state on its posted cards:
// through a job when cards go through the outbox (it waits for a card not
// delivered yet), else straight to the posters. A card that cannot be
// updated stays as it was; its button is checked again when pressed.
func (r *Router) updateQuestionCards(ctx context.Context, cfg *Questions, id int64) {
	if cfg.Outbox != nil && cfg.Scheduler != nil {
		payload, _ := json.Marshal(escalatePayload{ID: id})
		_, _ = cfg.Scheduler.Enqueue(ctx, QuestionCardsJob, payload)
		return
	}
	if cfg.Posters == nil {
		return
	}
	q, err := cfg.Questions.FindQuestionByID(ctx, id)
	if err != nil {
		return
	}
	posts, err := cfg.Questions.QuestionPosts(ctx, id)
	if err != nil {
		return
	}
	card := r.questionCard(cfg, q, q.Lang, true)
	for _, p := range posts {
		if poster := cfg.Posters.Poster(p.Ref.Platform); poster != nil && p.Ref.ID != "" {
			_ = poster.Update(ctx, p.Ref, card)
		}
	}
}

// questionCardsJob updates every posted card of a question to its state
// now; a card the outbox has not delivered yet is waited for (the job runs
// again). Safe to repeat.
func (r *Router) questionCardsJob(ctx context.Context, j intranet.Job) error {
	cfg := r.questions()
	if cfg == nil || cfg.Posters == nil || cfg.Outbox == nil {
		return intranet.FailJob(errors.New("question cards need the posters and the outbox"))
	}
	var p escalatePayload
	if err := json.Unmarshal(j.Payload, &p); err != nil || p.ID == 0 {
		return intranet.FailJob(fmt.Errorf("question cards payload %q: %v", j.Payload, err))
	}
	q, err := cfg.Questions.FindQuestionByID(ctx, p.ID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	posts, err := cfg.Questions.QuestionPosts(ctx, q.ID)
	if err != nil {
		return err
	}
	card := r.questionCard(cfg, q, q.Lang, true)
	var again error
	for _, post := range posts {
		if post.Ref.ID == "" && post.OutboxID != 0 {
			e, err := cfg.Outbox.OutboxEntry(ctx, post.OutboxID)
			if err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
				return err
			}
			if err == nil && e.State == intranet.OutboxPending {
				again = intranet.RetryLater(5*time.Second, fmt.Errorf("card of question %d in %s:%s not delivered yet", q.ID, post.Ref.Platform, post.Ref.ChannelID))
			}
			continue
		}
		poster := cfg.Posters.Poster(post.Ref.Platform)
		if post.Ref.ID == "" || poster == nil {
			continue
		}
		var de *intranet.DeliveryError
		if err := poster.Update(ctx, post.Ref, card); err != nil && errors.As(err, &de) && de.Temporary {
			again = intranet.RetryLater(de.RetryAfter, err)
		}
	}
	return again
}

// sendQuestion posts an open question in its topic's channels and DMs the
// first experts; it schedules the first escalation step. It runs in the
// question's transaction when there is one.
func (r *Router) sendQuestion(ctx context.Context, c *call, cfg *Questions, q *intranet.Question, topic *intranet.Topic) (sentTo, error) {
	var sent sentTo
	if topic != nil && cfg.Posters != nil {
		card := r.questionCard(cfg, q, q.Lang, true)
		for _, ch := range topic.Channels {
			p := cfg.Posters.Poster(ch.Platform)
			if p == nil {
				continue
			}
			d := intranet.Delivery{To: intranet.Destination{Platform: ch.Platform, Installation: ch.Installation, ChannelID: ch.ChannelID},
				Reply: card, Key: fmt.Sprintf("question-%d-card-%s-%s", q.ID, ch.Platform, ch.ChannelID)}
			post := intranet.QuestionPost{QuestionID: q.ID, Ref: intranet.MessageRef{Platform: ch.Platform, Installation: ch.Installation, ChannelID: ch.ChannelID}}
			if cfg.Outbox != nil {
				id, err := cfg.Outbox.Send(ctx, d)
				if err != nil {
					return sent, err
				}
				post.OutboxID = id
			} else {
				ref, err := p.Deliver(ctx, d)
				if err != nil {
					continue
				}
				post.Ref.ID = ref.ID
				if ref.ChannelID != "" {
					post.Ref.ChannelID = ref.ChannelID
				}
			}
			if err := cfg.Questions.AddQuestionPost(ctx, post); err != nil {
				return sent, err
			}
			sent.channels = append(sent.channels, fmt.Sprintf("%s:%s", ch.Platform, ch.ChannelID))
		}
	}
	experts, err := r.experts(ctx, topic, q)
	if err != nil {
		return sent, err
	}
	names, err := r.notifyExperts(ctx, cfg, q, experts, 0)
	if err != nil {
		return sent, err
	}
	sent.experts = names
	return sent, r.scheduleEscalation(ctx, cfg, q, topic, 1, cfg.Now())
}

// notifyExperts DMs the experts of one step (step 0: the first five, step
// 1: the next five) and returns their names.
func (r *Router) notifyExperts(ctx context.Context, cfg *Questions, q *intranet.Question, experts []int64, step int) ([]string, error) {
	from := step * MaxExpertsPerStep
	if from >= len(experts) {
		return nil, nil
	}
	var names []string
	for _, id := range experts[from:min(from+MaxExpertsPerStep, len(experts))] {
		p, err := r.People.FindPersonByID(ctx, id)
		if err != nil {
			return nil, err
		}
		if r.questionDM(ctx, cfg, p, q.Platform, fmt.Sprintf("question-%d-expert-%d", q.ID, id), func(lang string) intranet.Reply {
			card := r.questionCard(cfg, q, lang, false)
			if step > 0 {
				card.Text = ltr(lang, "Nog niemand beantwoordde deze vraag van %s; weet jij het?\n\n%s", "Nobody has answered this question of %s yet; do you know?\n\n%s", q.Asker, q.Text)
			}
			return card
		}) {
			names = append(names, p.Name)
		}
	}
	return names, nil
}

// questionDM sends a direct message to a person (see directMessage).
func (r *Router) questionDM(ctx context.Context, cfg *Questions, p *intranet.Person, prefer intranet.Platform, key string, reply func(lang string) intranet.Reply) bool {
	return r.directMessage(ctx, cfg.Posters, cfg.Outbox, p, prefer, key, reply)
}

func escalationKey(id int64, step int) string { return fmt.Sprintf("question:%d:%d", id, step) }

// escalateAfter is the topic's escalation time, else the default.
func escalateAfter(cfg *Questions, topic *intranet.Topic) time.Duration {
	h := cfg.EscalateHours
	if topic != nil && topic.EscalateHours > 0 {
		h = topic.EscalateHours
	}
	return time.Duration(h) * time.Hour
}

// scheduleEscalation schedules escalation step for a question, the topic's
// working hours after from.
func (r *Router) scheduleEscalation(ctx context.Context, cfg *Questions, q *intranet.Question, topic *intranet.Topic, step int, from time.Time) error {
	if cfg.Scheduler == nil {
		return nil
	}
	payload, _ := json.Marshal(escalatePayload{ID: q.ID, Step: step})
	due := when.AddWorkingHours(from, escalateAfter(cfg, topic), cfg.Location)
	return cfg.Scheduler.Schedule(ctx, QuestionEscalateJob, escalationKey(q.ID, step), due, payload)
}

// escalateReopened schedules the next escalation step of a question that
// lost its only answer and is open again (its steps were cancelled when it
// was answered); after the last step, the owner has heard already.
func (r *Router) escalateReopened(ctx context.Context, cfg *Questions, id int64) error {
	q, err := cfg.Questions.FindQuestionByID(ctx, id)
	if err != nil || q.State != intranet.QuestionOpen || q.Step >= 2 {
		return err
	}
	var topic *intranet.Topic
	if q.TopicID != 0 {
		if topic, err = cfg.Topics.FindTopicByID(ctx, q.TopicID); err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
			return err
		}
	}
	return r.scheduleEscalation(ctx, cfg, q, topic, q.Step+1, cfg.Now())
}

// unscheduleEscalation cancels the pending steps of a question that was
// answered or closed (a step that runs anyway sees that and does nothing).
func (r *Router) unscheduleEscalation(ctx context.Context, cfg *Questions, id int64) {
	if cfg.Scheduler == nil {
		return
	}
	for step := 1; step <= 2; step++ {
		_ = cfg.Scheduler.Cancel(ctx, QuestionEscalateJob, escalationKey(id, step))
	}
}

type escalatePayload struct {
	ID   int64 `json:"id"`
	Step int   `json:"step"`
}

// RegisterQuestionJobs registers the handlers of the escalation and the
// card update jobs.
func (r *Router) RegisterQuestionJobs(reg intranet.JobRegistry) error {
	if err := reg.HandleJobs(QuestionCardsJob, r.questionCardsJob); err != nil {
		return err
	}
	return reg.HandleJobs(QuestionEscalateJob, r.escalateJob)
}

// escalateJob runs one escalation step of a question still unanswered:
// step 1 DMs the next experts, step 2 the topic's owner. A step with nobody
// to ask goes on to the next at once. Safe to run twice (the DM keys).
func (r *Router) escalateJob(ctx context.Context, j intranet.Job) error {
	cfg := r.questions()
	if cfg == nil {
		return intranet.FailJob(errors.New("questions are not set up"))
	}
	var p escalatePayload
	if err := json.Unmarshal(j.Payload, &p); err != nil || p.ID == 0 {
		return intranet.FailJob(fmt.Errorf("question escalation payload %q: %v", j.Payload, err))
	}
	q, err := cfg.Questions.FindQuestionByID(ctx, p.ID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	if q.State != intranet.QuestionOpen {
		return nil
	}
	var topic *intranet.Topic
	if q.TopicID != 0 {
		if topic, err = cfg.Topics.FindTopicByID(ctx, q.TopicID); err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
			return err
		}
	}
	step := p.Step
	if step == 1 {
		experts, err := r.experts(ctx, topic, q)
		if err != nil {
			return err
		}
		names, err := r.notifyExperts(ctx, cfg, q, experts, 1)
		if err != nil {
			return err
		}
		if len(names) > 0 {
			if err := cfg.Questions.SetQuestionStep(ctx, q.ID, 1); err != nil && intranet.ErrorCode(err) != intranet.ECONFLICT {
				return err
			}
			return r.scheduleEscalation(ctx, cfg, q, topic, 2, cfg.Now())
		}
		step = 2 // nobody else to ask: the owner hears at once
	}
	if step != 2 || topic == nil || topic.OwnerID == 0 {
		return nil
	}
	owner, err := r.People.FindPersonByID(ctx, topic.OwnerID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	if owner.ID != q.AskerID {
		r.questionDM(ctx, cfg, owner, q.Platform, fmt.Sprintf("question-%d-owner", q.ID), func(lang string) intranet.Reply {
			card := r.questionCard(cfg, q, lang, false)
			card.Title = ltr(lang, "Onbeantwoorde vraag #%d · %s", "Unanswered question #%d · %s", q.ID, topic.Name)
			card.Text = ltr(lang, "Je bent eigenaar van %s. Niemand beantwoordde deze vraag van %s (gesteld %s); kun jij hem beantwoorden of iemand vragen die het weet?\n\n%s",
				"You own %s. Nobody answered this question of %s (asked %s); can you answer it or ask someone who knows?\n\n%s",
				topic.Name, q.Asker, dayTime(q.Created, cfg.Location, lang), q.Text)
			return card
		})
	}
	if err := cfg.Questions.SetQuestionStep(ctx, q.ID, 2); err != nil && intranet.ErrorCode(err) != intranet.ECONFLICT {
		return err
	}
	return nil
}

func dayTime(t time.Time, loc *time.Location, lang string) string {
	return when.DateOf(t, loc).Format(lang) + " " + clockText(t, loc)
}

// askSend sends a draft ("Ask anyway").
func (r *Router) askSend(ctx context.Context, c *call, cfg *Questions, q *intranet.Question) (intranet.Reply, error) {
	if q.AskerID != c.person.ID {
		return c.reply(c.tr("Alleen %s, die vraag %d stelde, kan hem versturen.", "Only %s, who asked question %d, can send it.", q.Asker, q.ID)), nil
	}
	if q.State != intranet.QuestionDraft {
		return c.reply(questionStateText(c, q)), nil
	}
	var topic *intranet.Topic
	if q.TopicID != 0 {
		t, err := cfg.Topics.FindTopicByID(ctx, q.TopicID)
		if err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
			return intranet.Reply{}, err
		}
		topic = t
	}
	if topic == nil {
		if reply, ok, err := r.noTopic(ctx, c, cfg, q.Text); err != nil || ok {
			return reply, err
		}
	}
	var sent sentTo
	err := inTx(ctx, cfg.Tx, func(ctx context.Context) error {
		var err error
		q, err = cfg.Questions.SetQuestionState(ctx, q.ID, c.person.ID, []intranet.QuestionState{intranet.QuestionDraft}, intranet.QuestionOpen, cfg.Now())
		if err != nil {
			return err
		}
		sent, err = r.sendQuestion(ctx, c, cfg, q, topic)
		return err
	})
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT, intranet.EUNAUTHORIZED:
		q, err := cfg.Questions.FindQuestionByID(ctx, q.ID)
		if err != nil {
			return intranet.Reply{}, err
		}
		return c.reply(questionStateText(c, q)), nil
	default:
		return intranet.Reply{}, err
	}
	reply := r.askedReply(c, q, topic, sent)
	reply.ReplaceOriginal = c.req.Pressed()
	return reply, nil
}

// askSolved closes a draft as self-served ("This answers it").
func (r *Router) askSolved(ctx context.Context, c *call, cfg *Questions, q *intranet.Question) (intranet.Reply, error) {
	if q.AskerID != c.person.ID {
		return c.reply(c.tr("Alleen %s, die vraag %d stelde, kan dat zeggen.", "Only %s, who asked question %d, can say that.", q.Asker, q.ID)), nil
	}
	if q.State != intranet.QuestionDraft {
		return c.reply(questionStateText(c, q)), nil
	}
	q, err := cfg.Questions.SetQuestionState(ctx, q.ID, c.person.ID, []intranet.QuestionState{intranet.QuestionDraft}, intranet.QuestionSelfServed, cfg.Now())
	if code := intranet.ErrorCode(err); code == intranet.ECONFLICT || code == intranet.EUNAUTHORIZED {
		return c.reply(questionStateText(c, q)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	reply := c.reply(c.tr("Mooi dat een eerder antwoord hielp; ik heb je vraag niet verstuurd.", "Glad an earlier answer helped; I did not send your question."))
	reply.ReplaceOriginal = c.req.Pressed()
	return reply, nil
}

// askClose closes a question of the caller's.
func (r *Router) askClose(ctx context.Context, c *call, cfg *Questions, q *intranet.Question) (intranet.Reply, error) {
	if q.AskerID != c.person.ID {
		return c.reply(c.tr("Alleen %s, die vraag %d stelde, kan hem sluiten.", "Only %s, who asked question %d, can close it.", q.Asker, q.ID)), nil
	}
	q, err := cfg.Questions.SetQuestionState(ctx, q.ID, c.person.ID,
		[]intranet.QuestionState{intranet.QuestionDraft, intranet.QuestionOpen, intranet.QuestionAnswered}, intranet.QuestionClosed, cfg.Now())
	if code := intranet.ErrorCode(err); code == intranet.ECONFLICT || code == intranet.EUNAUTHORIZED {
		return c.reply(questionStateText(c, q)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	r.unscheduleEscalation(ctx, cfg, q.ID)
	r.updateQuestionCards(ctx, cfg, q.ID)
	return c.reply(c.tr("Vraag %d is gesloten; er komen geen antwoorden meer bij.", "Question %d is closed; it takes no more answers.", q.ID)), nil
}

// questionStateText says where a question is, for a change that cannot be made.
func questionStateText(c *call, q *intranet.Question) string {
	switch q.State {
	case intranet.QuestionDraft:
		return c.tr("Vraag %d is nog niet verstuurd (`/ask send %d`).", "Question %d was not sent yet (`/ask send %d`).", q.ID, q.ID)
	case intranet.QuestionOpen:
		return c.tr("Vraag %d is al verstuurd en wacht op een antwoord.", "Question %d was sent already and waits for an answer.", q.ID)
	case intranet.QuestionAnswered:
		return c.tr("Vraag %d is al verstuurd en heeft antwoorden.", "Question %d was sent already and has answers.", q.ID)
	case intranet.QuestionAccepted:
		return c.tr("Vraag %d is al beantwoord: %s accepteerde een antwoord.", "Question %d is answered already: %s accepted an answer.", q.ID, q.Asker)
	case intranet.QuestionSelfServed:
		return c.tr("Vraag %d is niet verstuurd: een eerder antwoord hielp.", "Question %d was not sent: an earlier answer helped.", q.ID)
	}
	return c.tr("Vraag %d is gesloten.", "Question %d is closed.", q.ID)
}

// questionStateName names a state in the caller's language.
func questionStateName(c *call, s intranet.QuestionState) string {
	switch s {
	case intranet.QuestionDraft:
		return c.tr("niet verstuurd", "not sent")
	case intranet.QuestionOpen:
		return c.tr("wacht op antwoord", "waiting for an answer")
	case intranet.QuestionAnswered:
		return c.tr("beantwoord", "answered")
	case intranet.QuestionAccepted:
		return c.tr("geaccepteerd", "accepted")
	case intranet.QuestionSelfServed:
		return c.tr("eerder antwoord hielp", "an earlier answer helped")
	}
	return c.tr("gesloten", "closed")
}

// questionView shows a question with its answers.
func (r *Router) questionView(c *call, cfg *Questions, q *intranet.Question) intranet.Reply {
	title := c.tr("Vraag #%d", "Question #%d", q.ID)
	if q.Topic != "" {
		title += " · " + q.Topic
	}
	reply := intranet.Reply{Lang: c.lang, Title: title, Text: q.Text,
		Context: []string{c.tr("Gesteld door %s, %s · %s", "Asked by %s, %s · %s", q.Asker, dayTime(q.Created, cfg.Location, c.lang), questionStateName(c, q.State))}}
	for _, a := range q.Answers {
		s := intranet.Section{Title: answerByline(c, cfg, a, a.ID == q.AcceptedAnswerID), Text: a.Text}
		if q.AskerID == c.person.ID && (q.State == intranet.QuestionAnswered || q.State == intranet.QuestionAccepted) && a.ID != q.AcceptedAnswerID {
			s.Buttons = []intranet.Button{{Label: c.tr("Accepteren", "Accept"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/answer accept %d", a.ID)}}
		}
		reply.Sections = append(reply.Sections, s)
	}
	if !q.Settled() && q.AskerID != c.person.ID {
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: c.tr("Beantwoorden", "Answer"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/answer %d", q.ID)})
	}
	if q.AskerID == c.person.ID && (q.State == intranet.QuestionOpen || q.State == intranet.QuestionAnswered || q.State == intranet.QuestionDraft) {
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: c.tr("Vraag sluiten", "Close question"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/ask close %d", q.ID)})
	}
	return reply
}

// answerByline says who answered when.
func answerByline(c *call, cfg *Questions, a intranet.Answer, accepted bool) string {
	s := c.tr("Antwoord %d van %s, %s", "Answer %d by %s, %s", a.ID, a.Author, dayTime(a.Created, cfg.Location, c.lang))
	if !a.Edited.IsZero() {
		s += c.tr(" (bewerkt)", " (edited)")
	}
	if accepted {
		s += " ✓ " + c.tr("geaccepteerd", "accepted")
	}
	return s
}

// kbSection shows a question found in the knowledge base with its best
// answer (the accepted one, else the latest), who answered and when.
func (r *Router) kbSection(c *call, cfg *Questions, q *intranet.Question) intranet.Section {
	a := q.Accepted()
	if a == nil && len(q.Answers) > 0 {
		a = &q.Answers[len(q.Answers)-1]
	}
	s := intranet.Section{Title: fmt.Sprintf("#%d · %s", q.ID, q.Text)}
	if a != nil {
		s.Text = a.Text
		s.Fields = []intranet.Field{{Label: c.tr("Beantwoord door", "Answered by"), Value: fmt.Sprintf("%s, %s", a.Author, when.DateOf(a.Created, cfg.Location).Format(c.lang))}}
		if q.Topic != "" {
			s.Fields = append(s.Fields, intranet.Field{Label: c.tr("Onderwerp", "Topic"), Value: q.Topic})
		}
	}
	return s
}

// kb answers /kb.
func (r *Router) kb(ctx context.Context, c *call) (intranet.Reply, error) {
	cfg := r.questions()
	if cfg == nil {
		return c.notAvailable(), nil
	}
	return r.kbSearch(ctx, c, cfg, c.args)
}

// kbSearch searches the knowledge base (accepted answers only).
func (r *Router) kbSearch(ctx context.Context, c *call, cfg *Questions, words string) (intranet.Reply, error) {
	words = strings.TrimSpace(words)
	if words == "" {
		return c.reply(c.tr("Waar zoek je naar? Typ `/kb <woorden>`, bijvoorbeeld `/kb reiskosten declareren`.", "What are you looking for? Type `/kb <words>`, e.g. `/kb travel expenses`.")), nil
	}
	matches, err := cfg.Questions.SearchKnowledge(ctx, intranet.KnowledgeSearch{Query: words, Limit: 5})
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(matches) == 0 {
		reply := c.reply(c.tr("De kennisbank heeft niets over %q. Vraag het je collega's met `/ask <vraag>`.", "The knowledge base has nothing on %q. Ask your colleagues with `/ask <question>`.", words))
		return reply, nil
	}
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("Kennisbank: %s", "Knowledge base: %s", words)}
	for _, m := range matches {
		s := r.kbSection(c, cfg, m.Question)
		s.Buttons = []intranet.Button{{Label: c.tr("Toon", "Show"), Command: fmt.Sprintf("/ask show %d", m.Question.ID)}}
		reply.Sections = append(reply.Sections, s)
	}
	return reply, nil
}

// askMine lists the caller's questions.
func (r *Router) askMine(ctx context.Context, c *call, cfg *Questions) (intranet.Reply, error) {
	me := c.person.ID
	list, err := cfg.Questions.Questions(ctx, intranet.QuestionFilter{AskerID: &me, Limit: 15,
		States: []intranet.QuestionState{intranet.QuestionOpen, intranet.QuestionAnswered, intranet.QuestionAccepted, intranet.QuestionClosed}})
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(list) == 0 {
		return c.reply(c.tr("Je stelde nog geen vragen. ", "You asked no questions yet. ") + askUsage(c)), nil
	}
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("Mijn vragen", "My questions")}
	for _, q := range list {
		s := intranet.Section{Text: fmt.Sprintf("*#%d* · %s · %s · %s", q.ID, q.Text, questionStateName(c, q.State), c.tr("%d antwoorden", "%d answers", len(q.Answers)))}
		s.Buttons = []intranet.Button{{Label: c.tr("Toon", "Show"), Command: fmt.Sprintf("/ask show %d", q.ID)}}
		reply.Sections = append(reply.Sections, s)
	}
	return reply, nil
}

// ---- topics and experts ----

var escalateRE = regexp.MustCompile(`(?i)(?:^|\s)(escalate|escaleer|escalatie):(\S+)`)

// askTopic answers /ask topic list|add|show|channel|set.
func (r *Router) askTopic(ctx context.Context, c *call, cfg *Questions, args string) (intranet.Reply, error) {
	sub, rest, _ := strings.Cut(args, " ")
	rest = strings.Trim(strings.TrimSpace(rest), `"'`)
	isAdmin := c.person.Has(intranet.RoleAdmin)
	switch askKeyword(sub) {
	case "", "list":
		topics, err := cfg.Topics.Topics(ctx)
		if err != nil {
			return intranet.Reply{}, err
		}
		if len(topics) == 0 {
			return c.reply(c.tr("Er zijn nog geen onderwerpen; een beheerder maakt ze met `/ask topic add <naam>`.", "There are no topics yet; an admin creates them with `/ask topic add <name>`.")), nil
		}
		reply := intranet.Reply{Lang: c.lang, Title: c.tr("Onderwerpen", "Topics")}
		for _, t := range topics {
			reply.Sections = append(reply.Sections, r.topicSection(ctx, c, cfg, t))
		}
		return reply, nil
	case "show":
		t, reply, err := r.findTopic(ctx, c, cfg, rest)
		if t == nil {
			return reply, err
		}
		return intranet.Reply{Lang: c.lang, Title: t.Name, Sections: []intranet.Section{r.topicSection(ctx, c, cfg, t)}}, nil
	case "add":
		if !isAdmin {
			return c.reply(c.tr("Alleen een beheerder kan onderwerpen toevoegen.", "Only an admin can add topics.")), nil
		}
		if phonebook.Key(rest) == "" {
			return c.reply(c.tr("Typ `/ask topic add <naam>`, bijvoorbeeld `/ask topic add Declaraties`.", "Type `/ask topic add <name>`, e.g. `/ask topic add Declaraties`.")), nil
		}
		t, err := cfg.Topics.CreateTopic(ctx, rest, c.person.ID)
		if intranet.ErrorCode(err) == intranet.ECONFLICT {
			return c.reply(c.tr("Er is al een onderwerp %q.", "There is a topic %q already.", rest)), nil
		} else if err != nil {
			return intranet.Reply{}, err
		}
		return c.reply(c.tr("Onderwerp %s gemaakt; jij bent de eigenaar. Voeg deskundigen toe met `/ask expert add %s <persoon>` en koppel een kanaal door daar `/ask topic channel %s` te typen.",
			"Topic %s created; you own it. Add experts with `/ask expert add %s <person>` and link a channel by typing `/ask topic channel %s` there.", t.Name, quote(t.Name), quote(t.Name))), nil
	case "channel":
		t, reply, err := r.findTopic(ctx, c, cfg, rest)
		if t == nil {
			return reply, err
		}
		if !isAdmin && t.OwnerID != c.person.ID {
			return c.reply(c.tr("Alleen een beheerder of de eigenaar van %s (%s) kan er een kanaal aan koppelen.", "Only an admin or the owner of %s (%s) can link a channel to it.", t.Name, t.Owner)), nil
		}
		if c.req.Channel.Direct || c.req.Channel.ID == "" {
			return c.reply(c.tr("Typ dit in het kanaal dat je wilt koppelen, niet in een privébericht.", "Type this in the channel you want to link, not in a direct message.")), nil
		}
		if err := cfg.Topics.LinkTopicChannel(ctx, t.ID, intranet.TopicChannel{Platform: c.req.Platform, Installation: c.req.Installation, ChannelID: c.req.Channel.ID}); err != nil {
			return intranet.Reply{}, err
		}
		return c.reply(c.tr("Vragen over %s komen voortaan in dit kanaal (op %s).", "Questions about %s are posted in this channel from now on (on %s).", t.Name, c.req.Platform)), nil
	case "set":
		var hoursText string
		name := escalateRE.ReplaceAllStringFunc(rest, func(m string) string {
			hoursText = escalateRE.FindStringSubmatch(m)[2]
			return " "
		})
		usage := c.tr("Typ `/ask topic set <onderwerp> escalate:<werkuren>`, bijvoorbeeld `/ask topic set Declaraties escalate:8` (0: de standaard).",
			"Type `/ask topic set <topic> escalate:<working hours>`, e.g. `/ask topic set Declaraties escalate:8` (0: the default).")
		hours, err := strconv.Atoi(hoursText)
		if hoursText == "" || err != nil || hours < 0 || hours > 80 {
			return c.reply(usage), nil
		}
		t, reply, err := r.findTopic(ctx, c, cfg, strings.Trim(strings.TrimSpace(name), `"'`))
		if t == nil {
			return reply, err
		}
		if !isAdmin && t.OwnerID != c.person.ID {
			return c.reply(c.tr("Alleen een beheerder of de eigenaar van %s (%s) kan dat instellen.", "Only an admin or the owner of %s (%s) can set that.", t.Name, t.Owner)), nil
		}
		if err := cfg.Topics.SetTopicEscalation(ctx, t.ID, hours); err != nil {
			return intranet.Reply{}, err
		}
		if hours == 0 {
			hours = cfg.EscalateHours
		}
		return c.reply(c.tr("Onbeantwoorde vragen over %s gaan na %d werkuren naar de volgende deskundigen en daarna naar de eigenaar.",
			"Unanswered questions about %s go to the next experts after %d working hours, then to the owner.", t.Name, hours)), nil
	}
	return c.reply(c.tr("Gebruik `/ask topic list`, `/ask topic show <onderwerp>`, `/ask topic add <naam>`, `/ask topic channel <onderwerp>` of `/ask topic set <onderwerp> escalate:<uren>`.",
		"Use `/ask topic list`, `/ask topic show <topic>`, `/ask topic add <name>`, `/ask topic channel <topic>` or `/ask topic set <topic> escalate:<hours>`.")), nil
}

// topicSection describes a topic: owner, experts (named and by skill),
// channels and escalation time.
func (r *Router) topicSection(ctx context.Context, c *call, cfg *Questions, t *intranet.Topic) intranet.Section {
	var experts []string
	for _, e := range t.Experts {
		experts = append(experts, e.Name)
	}
	if ids, err := r.experts(ctx, t, &intranet.Question{}); err == nil {
		bySkill := ids[len(t.Experts):]
		for _, id := range bySkill[:min(len(bySkill), 8)] {
			if p, err := r.People.FindPersonByID(ctx, id); err == nil {
				experts = append(experts, p.Name+c.tr(" (vaardigheid)", " (skill)"))
			}
		}
		if len(bySkill) > 8 {
			experts = append(experts, c.tr("en %d anderen met die vaardigheid", "and %d others with that skill", len(bySkill)-8))
		}
	}
	var channels []string
	for _, ch := range t.Channels {
		channels = append(channels, fmt.Sprintf("%s:%s", ch.Platform, ch.ChannelID))
	}
	none := c.tr("geen", "none")
	orNone := func(s []string) string {
		if len(s) == 0 {
			return none
		}
		return strings.Join(s, ", ")
	}
	owner := t.Owner
	if owner == "" {
		owner = none
	}
	return intranet.Section{Title: t.Name, Fields: []intranet.Field{
		{Label: c.tr("Eigenaar", "Owner"), Value: owner},
		{Label: c.tr("Deskundigen", "Experts"), Value: orNone(experts)},
		{Label: c.tr("Kanalen", "Channels"), Value: orNone(channels)},
		{Label: c.tr("Escalatie na", "Escalates after"), Value: c.tr("%d werkuren", "%d working hours", int(escalateAfter(cfg, t).Hours()))},
	}}
}

// askExpert answers /ask expert add|remove <topic> <person>.
func (r *Router) askExpert(ctx context.Context, c *call, cfg *Questions, args string) (intranet.Reply, error) {
	usage := c.tr("Typ `/ask expert add <onderwerp> <persoon>` of `/ask expert remove <onderwerp> <persoon>`; een onderwerp van meer woorden tussen aanhalingstekens.",
		"Type `/ask expert add <topic> <person>` or `/ask expert remove <topic> <person>`; a topic of several words in quotes.")
	sub, rest, _ := strings.Cut(args, " ")
	kw := askKeyword(sub)
	if kw != "add" && kw != "remove" {
		return c.reply(usage), nil
	}
	words := when.Words(rest)
	if len(words) < 2 {
		return c.reply(usage), nil
	}
	t, reply, err := r.findTopic(ctx, c, cfg, strings.Trim(words[0], `"'`))
	if t == nil {
		return reply, err
	}
	if !c.person.Has(intranet.RoleAdmin) && t.OwnerID != c.person.ID {
		return c.reply(c.tr("Alleen een beheerder of de eigenaar van %s (%s) kan deskundigen toevoegen of weghalen.", "Only an admin or the owner of %s (%s) can add or remove experts.", t.Name, t.Owner)), nil
	}
	who := strings.Trim(strings.Join(words[1:], " "), `"'`)
	p, reply, err := r.findExpert(ctx, c, who)
	if p == nil {
		return reply, err
	}
	if err := cfg.Topics.SetTopicExpert(ctx, t.ID, p.ID, kw == "add"); err != nil {
		return intranet.Reply{}, err
	}
	if kw == "add" {
		return c.reply(c.tr("%s is deskundige voor %s.", "%s is an expert for %s.", p.Name, t.Name)), nil
	}
	return c.reply(c.tr("%s is geen deskundige meer voor %s.", "%s is no longer an expert for %s.", p.Name, t.Name)), nil
}

// findExpert finds one person; for a name nobody has it suggests the
// phonebook's near words.
func (r *Router) findExpert(ctx context.Context, c *call, who string) (*intranet.Person, intranet.Reply, error) {
	p, reply := r.findPerson(ctx, c, who)
	if p != nil || strings.Contains(who, "@") || strings.HasPrefix(who, "<@") {
		return p, reply, nil
	}
	res, err := r.People.SearchPeople(ctx, intranet.PersonSearch{Query: who, Limit: 5})
	if err != nil {
		return nil, intranet.Reply{}, err
	}
	if len(res.Matches) == 0 && len(res.Suggestions) > 0 {
		reply.Text += " " + c.tr("Bedoel je: %s?", "Did you mean: %s?", strings.Join(res.Suggestions, ", "))
	}
	return nil, reply, nil
}

// ---- answers ----

// answerFormID is the prefix of the answer form's id: "answer.<question id>".
const answerFormID = "answer."

// answer answers /answer (and /antwoord) and the answer form.
func (r *Router) answer(ctx context.Context, c *call) (intranet.Reply, error) {
	cfg := r.questions()
	if cfg == nil {
		return c.notAvailable(), nil
	}
	if f := c.req.Form; f != nil && strings.HasPrefix(f.FormID, answerFormID) {
		id, ok := parseID(strings.TrimPrefix(f.FormID, answerFormID))
		if !ok {
			return c.reply(c.tr("Dat formulier ken ik niet.", "I don't know that form.")), nil
		}
		return r.answerQuestion(ctx, c, cfg, id, f.Values["text"], true)
	}
	sub, rest, _ := strings.Cut(c.args, " ")
	rest = strings.TrimSpace(rest)
	switch kw := askKeyword(sub); kw {
	case "edit", "remove", "accept":
		idText, text, _ := strings.Cut(rest, " ")
		id, ok := parseID(idText)
		if !ok {
			if kw == "edit" {
				return c.reply(c.tr("Gebruik `/answer edit <antwoordnummer> <nieuwe tekst>`.", "Use `/answer edit <answer number> <new text>`.")), nil
			}
			return c.reply(c.tr("Gebruik `/answer %s <antwoordnummer>`, bijvoorbeeld `/answer %s 34`.", "Use `/answer %s <answer number>`, e.g. `/answer %s 34`.", kw, kw)), nil
		}
		a, err := cfg.Questions.FindAnswerByID(ctx, id)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return c.reply(c.tr("Er is geen antwoord %d.", "There is no answer %d.", id)), nil
		} else if err != nil {
			return intranet.Reply{}, err
		}
		switch kw {
		case "edit":
			return r.answerEdit(ctx, c, cfg, a, strings.TrimSpace(text))
		case "remove":
			return r.answerRemove(ctx, c, cfg, a)
		}
		return r.answerAccept(ctx, c, cfg, a)
	}
	id, ok := parseID(sub)
	if !ok {
		return c.reply(c.tr("Typ `/answer <vraagnummer> <je antwoord>`, bijvoorbeeld `/antwoord 12 Via het declaratieportaal.`", "Type `/answer <question number> <your answer>`, e.g. `/answer 12 Through the expenses portal.`")), nil
	}
	return r.answerQuestion(ctx, c, cfg, id, rest, false)
}

func (r *Router) answerForm(c *call, q *intranet.Question, value string) *intranet.Form {
	return &intranet.Form{ID: fmt.Sprintf("%s%d", answerFormID, q.ID), Title: c.tr("Vraag #%d beantwoorden", "Answer question #%d", q.ID), SubmitLabel: c.tr("Versturen", "Send"),
		Command: fmt.Sprintf("/answer %d <%s>", q.ID, c.tr("antwoord", "answer")),
		Fields: []intranet.FormField{{Name: "text", Label: shorten(q.Text, 140), Kind: intranet.FieldLongText, Required: true, MaxLength: 900, Value: value,
			Placeholder: c.tr("Je antwoord", "Your answer")}}}
}

func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// answerQuestion stores an answer and sends it to the asker.
func (r *Router) answerQuestion(ctx context.Context, c *call, cfg *Questions, id int64, text string, fromForm bool) (intranet.Reply, error) {
	q, err := cfg.Questions.FindQuestionByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.reply(c.tr("Er is geen vraag %d.", "There is no question %d.", id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	if q.AskerID == c.person.ID {
		return c.reply(c.tr("Dit is je eigen vraag. Heb je het antwoord zelf gevonden? Sluit hem met `/ask close %d`.", "This is your own question. Found the answer yourself? Close it with `/ask close %d`.", q.ID)), nil
	}
	if q.Settled() {
		return c.reply(questionSettledText(c, q)), nil
	}
	text = strings.TrimSpace(text)
	if text == "" {
		reply := intranet.Reply{Lang: c.lang, Text: c.tr("Typ `/answer %d <je antwoord>`.", "Type `/answer %d <your answer>`.", q.ID), Form: r.answerForm(c, q, "")}
		if fromForm {
			reply.FieldErrors = map[string]string{"text": c.tr("Vul je antwoord in.", "Fill in your answer.")}
		}
		return reply, nil
	}
	a, err := r.addAnswer(ctx, cfg, q, c.person, text)
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		q, err = cfg.Questions.FindQuestionByID(ctx, id)
		if err != nil {
			return intranet.Reply{}, err
		}
		return c.reply(questionSettledText(c, q)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	return c.reply(c.tr("Dank je! Je antwoord (%d) ging naar %s. Aanpassen: `/answer edit %d <tekst>`.", "Thank you! Your answer (%d) went to %s. To change it: `/answer edit %d <text>`.", a.ID, q.Asker, a.ID)), nil
}

// questionSettledText says why a question takes no more answers.
func questionSettledText(c *call, q *intranet.Question) string {
	switch q.State {
	case intranet.QuestionAccepted:
		return c.tr("Vraag %d is al beantwoord: %s accepteerde een antwoord. Dank je toch!", "Question %d is answered already: %s accepted an answer. Thanks all the same!", q.ID, q.Asker)
	case intranet.QuestionDraft:
		return c.tr("Vraag %d is nog niet verstuurd.", "Question %d was not sent.", q.ID)
	case intranet.QuestionSelfServed:
		return c.tr("Vraag %d is niet verstuurd: een eerder antwoord hielp %s al.", "Question %d was not sent: an earlier answer helped %s already.", q.ID, q.Asker)
	}
	return c.tr("Vraag %d is gesloten door %s; er kunnen geen antwoorden meer bij.", "Question %d was closed by %s; it takes no more answers.", q.ID, q.Asker)
}

// addAnswer stores an answer, stops the escalation and DMs the asker on
// the platform they asked from.
func (r *Router) addAnswer(ctx context.Context, cfg *Questions, q *intranet.Question, author *intranet.Person, text string) (*intranet.Answer, error) {
	var a *intranet.Answer
	err := inTx(ctx, cfg.Tx, func(ctx context.Context) error {
		var err error
		if a, err = cfg.Questions.AddAnswer(ctx, q.ID, author.ID, text, cfg.Now()); err != nil {
			return err
		}
		r.unscheduleEscalation(ctx, cfg, q.ID)
		asker, err := r.People.FindPersonByID(ctx, q.AskerID)
		if err != nil {
			return err
		}
		r.questionDM(ctx, cfg, asker, q.Platform, fmt.Sprintf("question-%d-answer-%d", q.ID, a.ID), func(lang string) intranet.Reply {
			return intranet.Reply{Title: ltr(lang, "Antwoord op je vraag #%d", "An answer to your question #%d", q.ID), Text: a.Text,
				Sections: []intranet.Section{{Fields: []intranet.Field{{Label: ltr(lang, "Van", "From"), Value: author.Name}, {Label: ltr(lang, "Je vroeg", "You asked"), Value: shorten(q.Text, 200)}}}},
				Buttons: []intranet.Button{
					{Label: ltr(lang, "Accepteren", "Accept"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/answer accept %d", a.ID)},
					{Label: ltr(lang, "Vraag sluiten", "Close question"), Command: fmt.Sprintf("/ask close %d", q.ID)},
				},
				Context: []string{ltr(lang, "Helpt dit? Accepteer het, dan komt het in de kennisbank.", "Does this help? Accept it and it goes into the knowledge base.")}}
		})
		return nil
	})
	if err == nil {
		r.updateQuestionCards(ctx, cfg, q.ID)
	}
	return a, err
}

func (r *Router) answerEdit(ctx context.Context, c *call, cfg *Questions, a *intranet.Answer, text string) (intranet.Reply, error) {
	if a.AuthorID != c.person.ID {
		return c.reply(c.tr("Alleen %s, die antwoord %d schreef, kan het bewerken.", "Only %s, who wrote answer %d, can edit it.", a.Author, a.ID)), nil
	}
	if a.Removed {
		return c.reply(c.tr("Antwoord %d is verwijderd.", "Answer %d was removed.", a.ID)), nil
	}
	if text == "" {
		return c.reply(c.tr("Gebruik `/answer edit %d <nieuwe tekst>`.", "Use `/answer edit %d <new text>`.", a.ID)), nil
	}
	_, err := cfg.Questions.EditAnswer(ctx, a.ID, c.person.ID, text, cfg.Now())
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT:
		return c.reply(c.tr("Antwoord %d is verwijderd.", "Answer %d was removed.", a.ID)), nil
	default:
		return intranet.Reply{}, err
	}
	r.updateQuestionCards(ctx, cfg, a.QuestionID)
	return c.reply(c.tr("Antwoord %d is bijgewerkt, ook in de kennisbank.", "Answer %d is updated, in the knowledge base too.", a.ID)), nil
}

func (r *Router) answerRemove(ctx context.Context, c *call, cfg *Questions, a *intranet.Answer) (intranet.Reply, error) {
	if !c.person.Has(intranet.RoleAdmin) {
		return c.reply(c.tr("Alleen een beheerder kan antwoorden verwijderen; de schrijver kan het bewerken met `/answer edit %d <tekst>`.", "Only an admin can remove answers; its author can edit it with `/answer edit %d <text>`.", a.ID)), nil
	}
	if a.Removed {
		return c.reply(c.tr("Antwoord %d was al verwijderd.", "Answer %d was removed already.", a.ID)), nil
	}
	err := inTx(ctx, cfg.Tx, func(ctx context.Context) error {
		if _, err := cfg.Questions.RemoveAnswer(ctx, a.ID, cfg.Now()); err != nil {
			return err
		}
		return r.escalateReopened(ctx, cfg, a.QuestionID)
	})
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return c.reply(c.tr("Antwoord %d was al verwijderd.", "Answer %d was removed already.", a.ID)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	r.updateQuestionCards(ctx, cfg, a.QuestionID)
	return c.reply(c.tr("Antwoord %d is verwijderd; de kennisbank toont het niet meer.", "Answer %d is removed; the knowledge base no longer shows it.", a.ID)), nil
}

func (r *Router) answerAccept(ctx context.Context, c *call, cfg *Questions, a *intranet.Answer) (intranet.Reply, error) {
	q, err := cfg.Questions.FindQuestionByID(ctx, a.QuestionID)
	if err != nil {
		return intranet.Reply{}, err
	}
	if q.AskerID != c.person.ID {
		return c.reply(c.tr("Alleen %s, die vraag %d stelde, kan een antwoord accepteren.", "Only %s, who asked question %d, can accept an answer.", q.Asker, q.ID)), nil
	}
	if a.Removed {
		return c.reply(c.tr("Antwoord %d is verwijderd.", "Answer %d was removed.", a.ID)), nil
	}
	q, err = cfg.Questions.AcceptAnswer(ctx, q.ID, a.ID, c.person.ID, cfg.Now())
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT, intranet.EUNAUTHORIZED, intranet.EINVALID:
		if q == nil {
			return c.reply(c.tr("Antwoord %d kan niet geaccepteerd worden.", "Answer %d cannot be accepted.", a.ID)), nil
		}
		return c.reply(questionStateText(c, q)), nil
	default:
		return intranet.Reply{}, err
	}
	r.unscheduleEscalation(ctx, cfg, q.ID)
	r.updateQuestionCards(ctx, cfg, q.ID)
	if author, err := r.People.FindPersonByID(ctx, a.AuthorID); err == nil {
		r.questionDM(ctx, cfg, author, "", fmt.Sprintf("question-%d-accepted-%d", q.ID, a.ID), func(lang string) intranet.Reply {
			return intranet.Reply{Text: ltr(lang, "%s accepteerde je antwoord op vraag #%d (%s); het staat nu in de kennisbank. Dank je!",
				"%s accepted your answer to question #%d (%s); it is in the knowledge base now. Thank you!", q.Asker, q.ID, shorten(q.Text, 120))}
		})
	}
	reply := c.reply(c.tr("Geaccepteerd: het antwoord van %s op vraag %d staat nu in de kennisbank.", "Accepted: %s's answer to question %d is in the knowledge base now.", a.Author, q.ID))
	reply.ReplaceOriginal = c.req.Pressed()
	return reply, nil
}

// threadMessage answers a plain message written in a channel thread: a
// reply under a posted question card is an answer by its writer; anything
// else (other thread chatter, the asker's own replies, a settled question)
// gets an empty reply, so the adapter says nothing.
func (r *Router) threadMessage(ctx context.Context, c *call) (intranet.Reply, error) {
	cfg := r.questions()
	text := strings.TrimSpace(c.req.Text)
	if cfg == nil || c.person == nil || c.guest || text == "" {
		return intranet.Reply{}, nil
	}
	ref := *c.req.Thread
	if ref.Platform == "" {
		ref.Platform = c.req.Platform
	}
	if ref.ChannelID == "" {
		ref.ChannelID = c.req.Channel.ID
	}
	q, err := cfg.Questions.FindQuestionByPost(ctx, ref)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return intranet.Reply{}, nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	if q.AskerID == c.person.ID || q.Settled() {
		return intranet.Reply{}, nil
	}
	if _, err := r.addAnswer(ctx, cfg, q, c.person, text); err != nil && intranet.ErrorCode(err) != intranet.ECONFLICT {
		return intranet.Reply{}, err
	}
	return intranet.Reply{}, nil
}
