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

// Handovers is what the team and handover commands need beyond the
// phonebook. Without it (UseHandovers never called) both commands say they
// are not available.
type Handovers struct {
	Teams     intranet.TeamService
	Handovers intranet.HandoverService
	// Posters post the cards in the teams' channels and the DMs; nil posts
	// nothing (the requester's reply then carries the card).
	Posters intranet.PosterSet
	// Location is WERKPLEK_TIMEZONE, the zone shifts are typed and shown in.
	Location *time.Location
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Outbox, when set, delivers the DMs (retried on 429 and 5xx). The
	// cards go through Posters, because a card is updated later and needs
	// its MessageRef at once.
	Outbox intranet.Outbox
	// Scheduler, when set, runs each request's expiry at its shift's start
	// and the leads' reminder ReminderBefore earlier (job kinds
	// HandoverExpireJob and HandoverRemindJob; register their handlers with
	// RegisterHandoverJobs before the runner starts). Tx writes a request
	// and its jobs in one transaction.
	Scheduler      intranet.Scheduler
	Tx             intranet.Transactor
	ReminderBefore time.Duration
}

// The job kinds of the handover feature; the key is "handover:<id>".
const (
	HandoverExpireJob = "handover.expire"
	HandoverRemindJob = "handover.remind"
	// HandoverCardsJob brings every posted card of a request up to date
	// (payload {"id": <id>}), when cards go through the outbox.
	HandoverCardsJob = "handover.cards"
)

// UseHandovers turns the /team and /handover commands on.
func (r *Router) UseHandovers(h *Handovers) {
	if h.Location == nil {
		h.Location = time.UTC
	}
	if h.Now == nil {
		h.Now = time.Now
	}
	r.handoverSettings = h
}

func (r *Router) handovers() *Handovers { return r.handoverSettings }

// handoverCommands is the shift handover feature: /team and /handover.
func (r *Router) handoverCommands() []command {
	return []command{r.teamCommand(), {
		Command: intranet.Command{Name: "handover", Aliases: []string{"dienst", "overdracht"},
			Hint: "<date> <from>-<to> <what> [team:<name>] [needs:<skill>] | list | mine | take|cancel|notify <id>", HintNL: "<datum> <van>-<tot> <wat> [team:<naam>] [nodig:<vaardigheid>] | lijst | mijn | neem|annuleer|meld <nr>",
			Summary: "Ask your team to take over a shift; the first to accept gets it", SummaryNL: "Vraag je team een dienst over te nemen; wie het eerst ja zegt, krijgt hem"},
		run: r.handover,
		help: func(c *call) intranet.Section {
			return intranet.Section{Title: c.tr("Dienst overdragen", "Shift handover"), Text: c.tr(
				"- `/handover <datum> <van>-<tot> <wat> [team:<naam>] [needs:<vaardigheid>]`: vraag je team de dienst over te nemen, bijvoorbeeld `/overdracht morgen 14:00-22:00 Pool Noord`; een einde voor het begin (22:00-07:00) is de volgende dag\n"+
					"- `/handover list`: open verzoeken van mijn teams; `/handover mine`: wat ik vroeg en nam\n"+
					"- `/handover take <nr>`, `/handover cancel <nr>`, `/handover notify <nr>` (stuur de collega's die hem mogen nemen een bericht), `/handover show <nr>`\n"+
					"- teamleiders: `/handover approve <nr>`, `/handover reject <nr>`",
				"- `/handover <date> <from>-<to> <what> [team:<name>] [needs:<skill>]`: ask your team to take over the shift, e.g. `/handover tomorrow 14:00-22:00 Pool Noord`; an end before the start (22:00-07:00) is the next day\n"+
					"- `/handover list`: open requests of my teams; `/handover mine`: what I asked and took\n"+
					"- `/handover take <id>`, `/handover cancel <id>`, `/handover notify <id>` (DM the colleagues who may take it), `/handover show <id>`\n"+
					"- team leads: `/handover approve <id>`, `/handover reject <id>`")}
		},
		dutch: []string{"`/dienst` = `/overdracht` = `/handover`", "`neem` = `take`", "`annuleer` = `cancel`", "`lijst` = `list`", "`mijn` = `mine`",
			"`meld` = `notify`", "`goedkeuren` = `approve`", "`afwijzen` = `reject`", "`nodig:` = `needs:`"},
	}}
}

var handoverWords = map[string]string{"neem": "take", "overnemen": "take", "annuleer": "cancel", "annuleren": "cancel", "lijst": "list", "mijn": "mine",
	"meld": "notify", "goedkeuren": "approve", "keur": "approve", "afwijzen": "reject", "wijs": "reject", "toon": "show"}

// handover answers /handover (and /dienst, /overdracht).
func (r *Router) handover(ctx context.Context, c *call) (intranet.Reply, error) {
	cfg := r.handovers()
	if cfg == nil {
		return c.reply(c.tr("Dienst overdragen is in deze installatie niet beschikbaar.", "Shift handover is not available in this installation.")), nil
	}
	sub, rest, _ := strings.Cut(c.args, " ")
	switch kw := keyword(sub); kw {
	case "list":
		return r.handoverList(ctx, c, cfg)
	case "mine":
		return r.handoverMine(ctx, c, cfg)
	case "take", "cancel", "approve", "reject", "notify", "show":
		// A lead's buttons say whom they approve or reject: "approve 12
		// for:7" decides only while person 7 is the one who took it.
		rest, forTaker, _ := strings.Cut(strings.TrimSpace(rest), " for:")
		id, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(rest), "#"), 10, 64)
		taker, terr := int64(0), error(nil)
		if forTaker != "" {
			taker, terr = strconv.ParseInt(strings.TrimSpace(forTaker), 10, 64)
		}
		if err != nil || id <= 0 || terr != nil {
			return c.reply(c.tr("Gebruik `/handover %s <nummer>`, bijvoorbeeld `/handover %s 12`.", "Use `/handover %s <number>`, e.g. `/handover %s 12`.", kw, kw)), nil
		}
		h, err := cfg.Handovers.FindHandoverByID(ctx, id)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return c.reply(c.tr("Er is geen overdracht %d.", "There is no handover %d.", id)), nil
		} else if err != nil {
			return intranet.Reply{}, err
		}
		switch kw {
		case "take":
			return r.handoverTake(ctx, c, cfg, h)
		case "cancel":
			return r.handoverCancel(ctx, c, cfg, h)
		case "approve", "reject":
			return r.handoverDecide(ctx, c, cfg, h, taker, kw == "approve")
		case "notify":
			return r.handoverNotify(ctx, c, cfg, h)
		}
		reply := r.handoverCard(cfg, h, c.lang)
		reply.Visibility = intranet.Ephemeral
		return reply, nil
	}
	return r.handoverCreate(ctx, c, cfg)
}

var optionRE = regexp.MustCompile(`(?i)(?:^|\s)(team|needs|nodig|skill|vaardigheid):("[^"]*"|'[^']*'|\S+)`)

func (r *Router) handoverUsage(c *call) string {
	return c.tr("Typ `/handover <datum> <van>-<tot> <wat> [team:<naam>] [needs:<vaardigheid>]`, bijvoorbeeld `/overdracht morgen 14:00-22:00 Pool Noord`.",
		"Type `/handover <date> <from>-<to> <what> [team:<name>] [needs:<skill>]`, e.g. `/handover tomorrow 14:00-22:00 Pool Noord`.")
}

// handoverCreate reads a new request, stores it and posts its card in the
// team's channels.
func (r *Router) handoverCreate(ctx context.Context, c *call, cfg *Handovers) (intranet.Reply, error) {
	if strings.TrimSpace(c.args) == "" {
		return c.reply(r.handoverUsage(c)), nil
	}
	now := cfg.Now()
	var teamName, skillName string
	text := optionRE.ReplaceAllStringFunc(c.args, func(m string) string {
		sm := optionRE.FindStringSubmatch(m)
		v := strings.Trim(sm[2], `"'`)
		if strings.EqualFold(sm[1], "team") {
			teamName = v
		} else {
			skillName = v
		}
		return " "
	})
	words := when.Words(text)
	today := when.DateOf(now, cfg.Location)
	found, ok, bad := findShift(words, today)
	if bad != nil {
		return c.reply(bad.Message(c.lang)), nil
	}
	if !ok {
		return c.reply(c.tr("Ik zie geen tijden van de dienst (van-tot, zoals `14:00-22:00`). ", "I see no times of the shift (from-to, such as `14:00-22:00`). ") + r.handoverUsage(c)), nil
	}
	what := strings.TrimSpace(strings.Join(append(append([]string(nil), words[:found.start]...), words[found.end:]...), " "))
	if what == "" {
		return c.reply(c.tr("Wat moet er overgenomen worden? Zet een korte omschrijving achter de tijden. ", "What is to be taken over? Put a short description after the times. ") + r.handoverUsage(c)), nil
	}
	if found.from == found.to {
		return c.reply(c.tr("Een dienst van %s tot %s duurt nul minuten. Geef een begin- en eindtijd, bijvoorbeeld `14:00-22:00`.",
			"A shift from %s to %s lasts zero minutes. Give a start and an end, e.g. `14:00-22:00`.", found.from, found.to)), nil
	}
	start := found.date.At(found.from, cfg.Location)
	end := found.date.At(found.to, cfg.Location)
	if found.to < found.from {
		end = found.date.AddDays(1).At(found.to, cfg.Location)
	}
	if d := end.Sub(start); d > intranet.MaxShift {
		return c.reply(c.tr("Een dienst mag hoogstens 16 uur duren; %s-%s is %s. Splits hem in twee verzoeken.",
			"A shift may last at most 16 hours; %s-%s is %s. Split it into two requests.", found.from, found.to, hours(d))), nil
	}
	if !start.After(now) {
		return c.reply(c.tr("Die dienst (%s) is al begonnen of voorbij. Kies een moment in de toekomst.",
			"That shift (%s) has started or is over already. Choose a time in the future.", shiftText(start, end, cfg.Location, c.lang))), nil
	}
	if err := cfg.Teams.SyncDepartmentTeams(ctx); err != nil {
		return intranet.Reply{}, err
	}
	team, reply, err := r.handoverTeam(ctx, c, cfg, teamName)
	if team == nil {
		return reply, err
	}
	if !team.IsMember(c.person.ID) && !team.IsLead(c.person.ID) && !c.person.Has(intranet.RoleAdmin) {
		return c.reply(c.tr("Je hoort niet bij %s, dus je kunt dat team niet om een overdracht vragen.", "You are not in %s, so you cannot ask that team for a handover.", team.Name)), nil
	}
	skill := ""
	if skillName != "" {
		all, err := r.People.Skills(ctx)
		if err != nil {
			return intranet.Reply{}, err
		}
		match := matchNames(skillName, all)
		if len(match) != 1 {
			return c.reply(c.tr("Niemand heeft de vaardigheid %q.%s", "Nobody has the skill %q.%s", skillName, didYouMean(c, skillName, all))), nil
		}
		skill = match[0]
	}
	var h *intranet.Handover
	var posted, failed []string
	err = inTx(ctx, cfg.Tx, func(ctx context.Context) error {
		var err error
		h, err = cfg.Handovers.CreateHandover(ctx, intranet.NewHandover{TeamID: team.ID, RequesterID: c.person.ID, Start: start, End: end, What: what, Skill: skill, Lang: c.lang}, now)
		if err != nil {
			return err
		}
		if err := r.scheduleHandover(ctx, cfg, h, now); err != nil {
			return err
		}
		if viaOutbox(cfg) {
			posted, err = r.sendCards(ctx, cfg, h, team)
		}
		return err
	})
	if err != nil {
		return intranet.Reply{}, err
	}
	if !viaOutbox(cfg) {
		posted, failed = r.postCards(ctx, cfg, h, team)
	}
	reply = intranet.Reply{Lang: c.lang, Title: c.tr("Overdracht %d gevraagd", "Handover %d requested", h.ID)}
	switch {
	case len(posted) > 0:
		reply.Text = c.tr("Je verzoek staat in het kanaal van %s (%s). Wie het eerst op \"Ik neem hem\" drukt, krijgt de dienst; je hoort het van me.",
			"Your request is in %s's channel (%s). The first to press \"I'll take it\" gets the shift; I'll let you know.", team.Name, strings.Join(posted, ", "))
	default:
		card := r.handoverCard(cfg, h, c.lang)
		card.Context = append(card.Context, c.tr("%s heeft geen kanaal (koppel er een met `/team channel %s`); stuur je collega's een bericht met `/handover notify %d`.",
			"%s has no channel (link one with `/team channel %s`); DM your colleagues with `/handover notify %d`.", team.Name, quote(team.Name), h.ID))
		if !c.req.Channel.Direct {
			card.Visibility = intranet.InChannel
		}
		return card, nil
	}
	if len(failed) > 0 {
		reply.Context = append(reply.Context, c.tr("Plaatsen lukte niet op: %s.", "Posting failed on: %s.", strings.Join(failed, ", ")))
	}
	reply.Sections = r.handoverCard(cfg, h, c.lang).Sections
	reply.Buttons = []intranet.Button{
		{Label: c.tr("Collega's een bericht sturen", "DM colleagues"), Command: fmt.Sprintf("/handover notify %d", h.ID)},
		{Label: c.tr("Annuleren", "Cancel"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/handover cancel %d", h.ID)},
	}
	return reply, nil
}

func hours(d time.Duration) string {
	h, m := int(d.Hours()), int(d.Minutes())%60
	if m == 0 {
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%d h %02d", h, m)
}

// shift is where a shift was typed among words: [start, end) are its date
// (when given) and time range.
type shift struct {
	start, end int
	date       when.Date
	from, to   when.Clock
}

// findShift finds "<date> <from>-<to>" among words, the date optional
// (today). bad explains a date typed just before the times that does not
// read as one ("31-02 14-22").
func findShift(words []string, today when.Date) (shift, bool, *when.Error) {
	for t, w := range words {
		from, to, err := when.ParseTimeRange(w)
		if err != nil {
			continue
		}
		for j := max(0, t-3); j < t; j++ {
			if d, n, err := when.ParseDate(words[j:t], today); err == nil && n == t-j {
				return shift{start: j, end: t + 1, date: d, from: from, to: to}, true, nil
			}
		}
		if t > 0 && strings.ContainsAny(words[t-1], "0123456789") {
			if _, _, err := when.ParseDate(words[t-1:t], today); err != nil {
				var we *when.Error
				if errors.As(err, &we) {
					return shift{}, false, we
				}
			}
		}
		return shift{start: t, end: t + 1, date: today, from: from, to: to}, true, nil
	}
	return shift{}, false, nil
}

// handoverTeam picks the team: the one named, else the channel's, else the
// requester's only team.
func (r *Router) handoverTeam(ctx context.Context, c *call, cfg *Handovers, name string) (*intranet.Team, intranet.Reply, error) {
	if name != "" {
		return r.findTeam(ctx, c, cfg, name)
	}
	if !c.req.Channel.Direct && c.req.Channel.ID != "" {
		t, err := cfg.Teams.FindTeamByChannel(ctx, c.req.Platform, c.req.Channel.ID)
		if err == nil {
			return t, intranet.Reply{}, nil
		} else if intranet.ErrorCode(err) != intranet.ENOTFOUND {
			return nil, intranet.Reply{}, err
		}
	}
	teams, err := cfg.Teams.TeamsOf(ctx, c.person.ID)
	if err != nil {
		return nil, intranet.Reply{}, err
	}
	var mine []*intranet.Team
	for _, t := range teams {
		if t.IsMember(c.person.ID) {
			mine = append(mine, t)
		}
	}
	if len(mine) == 0 {
		mine = teams
	}
	switch len(mine) {
	case 0:
		return nil, c.reply(c.tr("Je hoort bij geen enkel team. Zeg welk team het moet overnemen met `team:<naam>`.", "You are in no team. Say which team should take it over with `team:<name>`.")), nil
	case 1:
		return mine[0], intranet.Reply{}, nil
	}
	var names []string
	for _, t := range mine {
		names = append(names, quote(t.Name))
	}
	return nil, c.reply(c.tr("Je hoort bij meer teams (%s). Zeg welk met `team:<naam>`.", "You are in several teams (%s). Say which with `team:<name>`.", strings.Join(names, ", "))), nil
}

// ltr picks the Dutch or English text for lang.
func ltr(lang, nl, en string, args ...any) string {
	c := call{lang: lang}
	return c.tr(nl, en, args...)
}

func shiftText(start, end time.Time, loc *time.Location, lang string) string {
	s, e := start.In(loc), end.In(loc)
	sd, ed := when.DateOf(s, loc), when.DateOf(e, loc)
	if sd == ed {
		return fmt.Sprintf("%s %s–%s", sd.Format(lang), s.Format("15:04"), e.Format("15:04"))
	}
	return fmt.Sprintf("%s %s – %s %s", sd.Format(lang), s.Format("15:04"), ed.Format(lang), e.Format("15:04"))
}

func clockText(t time.Time, loc *time.Location) string { return t.In(loc).Format("15:04") }

// startedOrOver reports whether a request can no longer be taken because
// its shift started (the expiry job may not have run yet).
func startedOrOver(h *intranet.Handover, now time.Time) bool {
	return (h.State == intranet.HandoverOpen || h.State == intranet.HandoverPending) && !now.Before(h.Start)
}

// handoverCard is the card of a request in lang, as posted in the team's
// channels and updated at every change.
func (r *Router) handoverCard(cfg *Handovers, h *intranet.Handover, lang string) intranet.Reply {
	loc := cfg.Location
	reply := intranet.Reply{Lang: lang, Visibility: intranet.InChannel, Title: ltr(lang, "Dienst over te nemen: %s", "Shift to take over: %s", h.What)}
	fields := []intranet.Field{
		{Label: ltr(lang, "Gevraagd door", "Asked by"), Value: h.Requester},
		{Label: ltr(lang, "Dienst", "Shift"), Value: shiftText(h.Start, h.End, loc, lang)},
		{Label: ltr(lang, "Wat", "What"), Value: h.What},
		{Label: "Team", Value: h.Team},
	}
	if h.Skill != "" {
		fields = append(fields, intranet.Field{Label: ltr(lang, "Nodig", "Needs"), Value: h.Skill})
	}
	reply.Sections = []intranet.Section{{Fields: fields}}
	take := intranet.Button{Label: ltr(lang, "Ik neem hem", "I'll take it"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/handover take %d", h.ID)}
	cancel := intranet.Button{Label: ltr(lang, "Annuleren", "Cancel"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/handover cancel %d", h.ID),
		Confirm: &intranet.Confirm{Title: ltr(lang, "Verzoek annuleren?", "Cancel the request?"), Text: ltr(lang, "Alleen wie het vroeg kan annuleren.", "Only the requester can cancel."),
			Confirm: ltr(lang, "Annuleren", "Cancel it"), Deny: ltr(lang, "Terug", "Back")}}
	state := h.State
	if startedOrOver(h, cfg.Now()) {
		state = intranet.HandoverExpired
	}
	switch state {
	case intranet.HandoverOpen:
		reply.Text = ltr(lang, "%s vraagt of iemand van %s deze dienst overneemt. Wie het eerst drukt, krijgt hem.", "%s asks whether someone in %s takes over this shift. The first to press gets it.", h.Requester, h.Team)
		reply.Buttons = []intranet.Button{take, cancel}
	case intranet.HandoverPending:
		reply.Text = ltr(lang, "Genomen door %s om %s; wacht op goedkeuring van een teamleider.", "Taken by %s at %s; waiting for a team lead's approval.", h.Taker, clockText(h.Changed, loc))
		reply.Buttons = []intranet.Button{cancel}
	case intranet.HandoverTaken:
		reply.Text = ltr(lang, "Overgenomen door %s om %s.", "Taken over by %s at %s.", h.Taker, clockText(h.Changed, loc))
		reply.Buttons = []intranet.Button{cancel}
	case intranet.HandoverCancelled:
		reply.Text = ltr(lang, "Geannuleerd door %s om %s.", "Cancelled by %s at %s.", h.Requester, clockText(h.Changed, loc))
	case intranet.HandoverExpired:
		reply.Text = ltr(lang, "Verlopen: niemand nam de dienst voor het begin.", "Expired: nobody took the shift before it started.")
	}
	reply.Context = []string{ltr(lang, "Overdracht %d", "Handover %d", h.ID)}
	return reply
}

// viaOutbox says whether cards and their updates go through the outbox and
// the job runner (which retry 429 and 5xx answers), rather than straight to
// the posters.
func viaOutbox(cfg *Handovers) bool {
	return cfg.Outbox != nil && cfg.Scheduler != nil && cfg.Posters != nil
}

// sendCards records the card for every channel of the team whose platform
// has a poster in the outbox, in the request's transaction; the outbox's
// job delivers it and the cards job learns its MessageRef from the entry.
func (r *Router) sendCards(ctx context.Context, cfg *Handovers, h *intranet.Handover, team *intranet.Team) ([]string, error) {
	card := r.handoverCard(cfg, h, h.Lang)
	var posted []string
	for _, ch := range team.Channels {
		if cfg.Posters.Poster(ch.Platform) == nil {
			continue
		}
		id, err := cfg.Outbox.Send(ctx, intranet.Delivery{To: intranet.Destination{Platform: ch.Platform, Installation: ch.Installation, ChannelID: ch.ChannelID},
			Reply: card, Key: fmt.Sprintf("handover-%d-card-%s-%s", h.ID, ch.Platform, ch.ChannelID)})
		if err != nil {
			return nil, err
		}
		ref := intranet.MessageRef{Platform: ch.Platform, Installation: ch.Installation, ChannelID: ch.ChannelID}
		if err := cfg.Handovers.AddHandoverPost(ctx, intranet.HandoverPost{HandoverID: h.ID, Ref: ref, OutboxID: id}); err != nil {
			return nil, err
		}
		posted = append(posted, fmt.Sprintf("%s:%s", ch.Platform, ch.ChannelID))
	}
	return posted, nil
}

// postCards posts the card in every channel of the team whose platform has
// a poster and remembers each message; it returns where it posted and
// where it failed.
func (r *Router) postCards(ctx context.Context, cfg *Handovers, h *intranet.Handover, team *intranet.Team) (posted, failed []string) {
	if cfg.Posters == nil {
		return nil, nil
	}
	card := r.handoverCard(cfg, h, h.Lang)
	for _, ch := range team.Channels {
		p := cfg.Posters.Poster(ch.Platform)
		if p == nil {
			continue
		}
		where := fmt.Sprintf("%s:%s", ch.Platform, ch.ChannelID)
		ref, err := p.Deliver(ctx, intranet.Delivery{To: intranet.Destination{Platform: ch.Platform, Installation: ch.Installation, ChannelID: ch.ChannelID},
			Reply: card, Key: fmt.Sprintf("handover-%d-card-%s-%s", h.ID, ch.Platform, ch.ChannelID)})
		if err == nil {
			if ref.Installation == "" {
				ref.Installation = ch.Installation
			}
			if ref.ChannelID == "" {
				ref.ChannelID = ch.ChannelID
			}
			err = cfg.Handovers.AddHandoverPost(ctx, intranet.HandoverPost{HandoverID: h.ID, Ref: ref})
		}
		if err != nil {
			failed = append(failed, where)
			continue
		}
		posted = append(posted, where)
	}
	return posted, failed
}

// updateCards replaces every posted card of the request with its state now.
// A card that cannot be updated is left as it was: the buttons on it are
// checked again when pressed.
func (r *Router) updateCards(ctx context.Context, cfg *Handovers, h *intranet.Handover) {
	if viaOutbox(cfg) {
		payload, _ := json.Marshal(cardsPayload{ID: h.ID})
		_, _ = cfg.Scheduler.Enqueue(ctx, HandoverCardsJob, payload)
		return
	}
	if cfg.Posters == nil {
		return
	}
	posts, err := cfg.Handovers.HandoverPosts(ctx, h.ID)
	if err != nil {
		return
	}
	card := r.handoverCard(cfg, h, h.Lang)
	for _, p := range posts {
		if poster := cfg.Posters.Poster(p.Ref.Platform); poster != nil {
			_ = poster.Update(ctx, p.Ref, card)
		}
	}
}

// dm sends a direct message to a person (see directMessage).
func (r *Router) dm(ctx context.Context, cfg *Handovers, personID int64, prefer intranet.Platform, key string, reply func(lang string) intranet.Reply) bool {
	if cfg.Posters == nil || personID == 0 {
		return false
	}
	p, err := r.People.FindPersonByID(ctx, personID)
	if err != nil {
		return false
	}
	return r.directMessage(ctx, cfg.Posters, cfg.Outbox, p, prefer, key, reply)
}

// gone answers a button of a request that can no longer change.
func gone(c *call, cfg *Handovers, h *intranet.Handover) (intranet.Reply, bool) {
	switch {
	case h.State == intranet.HandoverCancelled:
		return c.reply(c.tr("Overdracht %d is geannuleerd door %s; er valt niets meer te doen.", "Handover %d was cancelled by %s; there is nothing left to do.", h.ID, h.Requester)), true
	case h.State == intranet.HandoverExpired || startedOrOver(h, cfg.Now()):
		return c.reply(c.tr("Overdracht %d is verlopen: de dienst is al begonnen.", "Handover %d has expired: the shift has started.", h.ID)), true
	}
	return intranet.Reply{}, false
}

// eligible says why the person may not take the request, "" when they may.
func eligible(c *call, team *intranet.Team, h *intranet.Handover, p *intranet.Person) string {
	if p.ID == h.RequesterID {
		return c.tr("Dit is je eigen verzoek; een collega moet het overnemen.", "This is your own request; a colleague has to take it over.")
	}
	if !team.IsMember(p.ID) {
		return c.tr("Alleen leden van %s kunnen deze dienst overnemen, en jij staat niet in dat team.", "Only members of %s can take over this shift, and you are not in that team.", team.Name)
	}
	if h.Skill != "" && !hasSkill(p, h.Skill) {
		return c.tr("Voor deze dienst is de vaardigheid %s nodig, en die staat niet bij jou in het telefoonboek.", "This shift needs the skill %s, and the phonebook does not list it for you.", h.Skill)
	}
	return ""
}

func hasSkill(p *intranet.Person, skill string) bool {
	for _, s := range p.Skills {
		if phonebook.Key(s) == phonebook.Key(skill) {
			return true
		}
	}
	return false
}

// stateText tells someone who was too late where the request is.
func stateText(c *call, cfg *Handovers, h *intranet.Handover) string {
	switch h.State {
	case intranet.HandoverTaken:
		return c.tr("Te laat: %s nam overdracht %d om %s over.", "Too late: %s took over handover %d at %s.", h.Taker, h.ID, clockText(h.Changed, cfg.Location))
	case intranet.HandoverPending:
		return c.tr("Te laat: %s nam overdracht %d om %s; dat wacht op goedkeuring.", "Too late: %s took handover %d at %s; it waits for approval.", h.Taker, h.ID, clockText(h.Changed, cfg.Location))
	case intranet.HandoverCancelled:
		return c.tr("Overdracht %d is geannuleerd door %s.", "Handover %d was cancelled by %s.", h.ID, h.Requester)
	case intranet.HandoverExpired:
		return c.tr("Overdracht %d is verlopen: de dienst is al begonnen.", "Handover %d has expired: the shift has started.", h.ID)
	}
	return c.tr("Overdracht %d staat weer open.", "Handover %d is open again.", h.ID)
}

func (r *Router) handoverTake(ctx context.Context, c *call, cfg *Handovers, h *intranet.Handover) (intranet.Reply, error) {
	if reply, ok := gone(c, cfg, h); ok {
		return reply, nil
	}
	if h.State != intranet.HandoverOpen {
		return c.reply(stateText(c, cfg, h)), nil
	}
	team, err := cfg.Teams.FindTeamByID(ctx, h.TeamID)
	if err != nil {
		return intranet.Reply{}, err
	}
	if why := eligible(c, team, h, c.person); why != "" {
		return c.reply(why), nil
	}
	// Approval needs someone to approve: a team without leads takes it at once.
	h, err = cfg.Handovers.TakeHandover(ctx, h.ID, c.person.ID, team.Approval && len(team.Leads()) > 0, cfg.Now())
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT:
		if startedOrOver(h, cfg.Now()) {
			reply, _ := gone(c, cfg, h)
			return reply, nil
		}
		return c.reply(stateText(c, cfg, h)), nil
	case intranet.EINVALID:
		return c.reply(eligible(c, team, h, c.person)), nil
	default:
		return intranet.Reply{}, err
	}
	r.updateCards(ctx, cfg, h)
	shift := func(lang string) string { return shiftText(h.Start, h.End, cfg.Location, lang) }
	if h.State == intranet.HandoverPending {
		asked := 0
		var leads []string
		for _, lead := range team.Leads() {
			leads = append(leads, lead.Name)
			if r.dm(ctx, cfg, lead.PersonID, c.req.Platform, fmt.Sprintf("handover-%d-approve-%d-%d", h.ID, lead.PersonID, h.Changed.Unix()), func(lang string) intranet.Reply {
				card := r.handoverCard(cfg, h, lang)
				card.Visibility = intranet.Ephemeral
				card.Title = ltr(lang, "Goedkeuring gevraagd: %s", "Approval asked: %s", h.What)
				card.Text = ltr(lang, "%s wil de dienst van %s (%s) overnemen. Keur je dat goed?", "%s wants to take over %s's shift (%s). Do you approve?", h.Taker, h.Requester, shift(lang))
				card.Buttons = []intranet.Button{
					{Label: ltr(lang, "Goedkeuren", "Approve"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/handover approve %d for:%d", h.ID, h.TakerID)},
					{Label: ltr(lang, "Afwijzen", "Reject"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/handover reject %d for:%d", h.ID, h.TakerID)},
				}
				return card
			}) {
				asked++
			}
		}
		r.dm(ctx, cfg, h.RequesterID, c.req.Platform, fmt.Sprintf("handover-%d-pending-%d", h.ID, h.Changed.Unix()), func(lang string) intranet.Reply {
			return intranet.Reply{Text: ltr(lang, "%s wil je dienst van %s overnemen (%s); een teamleider keurt het nog goed.", "%s wants to take over your shift of %s (%s); a team lead still has to approve.", h.Taker, shift(lang), h.What)}
		})
		if asked == 0 {
			// No lead has a chat account Werkplek knows (they never used
			// it): nobody would ever see the request, so say whom to ask.
			return c.reply(c.tr("Je hebt overdracht %d genomen; een teamleider van %s keurt het nog goed, maar ik kan geen van hen een bericht sturen. Vraag %s om `/handover approve %d`.",
				"You took handover %d; a team lead of %s still has to approve it, but I cannot DM any of them. Ask %s to type `/handover approve %d`.", h.ID, team.Name, strings.Join(leads, c.tr(" of ", " or ")), h.ID)), nil
		}
		return c.reply(c.tr("Je hebt overdracht %d genomen; een teamleider van %s keurt het nog goed. Je hoort het van me.", "You took handover %d; a team lead of %s still has to approve it. I'll let you know.", h.ID, team.Name)), nil
	}
	r.dm(ctx, cfg, h.RequesterID, c.req.Platform, fmt.Sprintf("handover-%d-taken-%d", h.ID, h.Changed.Unix()), func(lang string) intranet.Reply {
		return intranet.Reply{Text: ltr(lang, "%s neemt je dienst van %s over (%s).", "%s takes over your shift of %s (%s).", h.Taker, shift(lang), h.What)}
	})
	return c.reply(c.tr("Je neemt de dienst over: %s, %s. %s weet het.", "You take over the shift: %s, %s. %s knows.", shift(c.lang), h.What, h.Requester)), nil
}

func (r *Router) handoverCancel(ctx context.Context, c *call, cfg *Handovers, h *intranet.Handover) (intranet.Reply, error) {
	if h.RequesterID != c.person.ID {
		return c.reply(c.tr("Alleen %s, die het vroeg, kan overdracht %d annuleren.", "Only %s, who asked, can cancel handover %d.", h.Requester, h.ID)), nil
	}
	if reply, ok := gone(c, cfg, h); ok {
		return reply, nil
	}
	h, err := cfg.Handovers.CancelHandover(ctx, h.ID, c.person.ID, cfg.Now())
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT, intranet.EUNAUTHORIZED:
		return c.reply(stateText(c, cfg, h)), nil
	default:
		return intranet.Reply{}, err
	}
	r.updateCards(ctx, cfg, h)
	if h.TakerID != 0 {
		r.dm(ctx, cfg, h.TakerID, c.req.Platform, fmt.Sprintf("handover-%d-cancelled", h.ID), func(lang string) intranet.Reply {
			return intranet.Reply{Text: ltr(lang, "%s heeft overdracht %d geannuleerd: je hoeft de dienst van %s (%s) niet meer over te nemen.",
				"%s cancelled handover %d: you no longer take over the shift of %s (%s).", h.Requester, h.ID, shiftText(h.Start, h.End, cfg.Location, lang), h.What)}
		})
		return c.reply(c.tr("Overdracht %d is geannuleerd; %s, die hem had genomen, weet het.", "Handover %d is cancelled; %s, who had taken it, knows.", h.ID, h.Taker)), nil
	}
	return c.reply(c.tr("Overdracht %d is geannuleerd.", "Handover %d is cancelled.", h.ID)), nil
}

// handoverDecide approves or rejects the pending takeover of h; with
// forTaker set (a lead's button), only while that colleague is its taker.
func (r *Router) handoverDecide(ctx context.Context, c *call, cfg *Handovers, h *intranet.Handover, forTaker int64, approve bool) (intranet.Reply, error) {
	team, err := cfg.Teams.FindTeamByID(ctx, h.TeamID)
	if err != nil {
		return intranet.Reply{}, err
	}
	if !mayManage(c, team) {
		return c.reply(c.tr("Alleen een leider van %s kan dat goedkeuren of afwijzen.", "Only a lead of %s can approve or reject that.", team.Name)), nil
	}
	if reply, ok := gone(c, cfg, h); ok {
		return reply, nil
	}
	if h.State != intranet.HandoverPending {
		return c.reply(c.tr("Overdracht %d wacht niet op goedkeuring. ", "Handover %d does not wait for approval. ", h.ID) + stateText(c, cfg, h)), nil
	}
	if forTaker != 0 && h.TakerID != forTaker {
		return c.reply(c.tr("Dit verzoek is intussen veranderd: %s nam het nu. Beslis opnieuw: `/handover approve %d` of `/handover reject %d`.",
			"This request changed in the meantime: %s took it now. Decide again: `/handover approve %d` or `/handover reject %d`.", h.Taker, h.ID, h.ID)), nil
	}
	taker := h.TakerID
	h, err = cfg.Handovers.DecideHandover(ctx, h.ID, c.person.ID, forTaker, approve, cfg.Now())
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return c.reply(c.tr("Iemand was je voor. ", "Someone was first. ") + stateText(c, cfg, h)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	r.updateCards(ctx, cfg, h)
	shift := func(lang string) string { return shiftText(h.Start, h.End, cfg.Location, lang) }
	if approve {
		for _, id := range []int64{h.RequesterID, h.TakerID} {
			r.dm(ctx, cfg, id, c.req.Platform, fmt.Sprintf("handover-%d-approved-%d", h.ID, id), func(lang string) intranet.Reply {
				return intranet.Reply{Text: ltr(lang, "%s keurde het goed: %s neemt de dienst van %s over (%s, %s).", "%s approved: %s takes over %s's shift (%s, %s).", c.person.Name, h.Taker, h.Requester, shift(lang), h.What)}
			})
		}
		return c.reply(c.tr("Goedgekeurd: %s neemt de dienst van %s over.", "Approved: %s takes over %s's shift.", h.Taker, h.Requester)), nil
	}
	r.dm(ctx, cfg, taker, c.req.Platform, fmt.Sprintf("handover-%d-rejected-%d-%d", h.ID, taker, h.Changed.Unix()), func(lang string) intranet.Reply {
		return intranet.Reply{Text: ltr(lang, "%s keurde je overname van overdracht %d (%s) af; het verzoek staat weer open.", "%s rejected your takeover of handover %d (%s); the request is open again.", c.person.Name, h.ID, shift(lang))}
	})
	return c.reply(c.tr("Afgewezen: overdracht %d staat weer open.", "Rejected: handover %d is open again.", h.ID)), nil
}

func (r *Router) handoverNotify(ctx context.Context, c *call, cfg *Handovers, h *intranet.Handover) (intranet.Reply, error) {
	team, err := cfg.Teams.FindTeamByID(ctx, h.TeamID)
	if err != nil {
		return intranet.Reply{}, err
	}
	if h.RequesterID != c.person.ID && !mayManage(c, team) {
		return c.reply(c.tr("Alleen %s, die het vroeg, kan collega's over overdracht %d een bericht sturen.", "Only %s, who asked, can DM colleagues about handover %d.", h.Requester, h.ID)), nil
	}
	if reply, ok := gone(c, cfg, h); ok {
		return reply, nil
	}
	if h.State != intranet.HandoverOpen {
		return c.reply(stateText(c, cfg, h)), nil
	}
	sent := 0
	// Each press is its own message (the next day, or after a reject
	// reopened the request); a double tap in the same second is one.
	pressed := cfg.Now().Unix()
	for _, m := range team.Members {
		if !m.Member || m.PersonID == h.RequesterID {
			continue
		}
		p, err := r.People.FindPersonByID(ctx, m.PersonID)
		if err != nil {
			return intranet.Reply{}, err
		}
		if h.Skill != "" && !hasSkill(p, h.Skill) {
			continue
		}
		if r.dm(ctx, cfg, p.ID, c.req.Platform, fmt.Sprintf("handover-%d-notify-%d-%d", h.ID, p.ID, pressed), func(lang string) intranet.Reply {
			card := r.handoverCard(cfg, h, lang)
			card.Visibility = intranet.Ephemeral
			card.Buttons = card.Buttons[:1]
			return card
		}) {
			sent++
		}
	}
	if err := cfg.Handovers.RecordHandoverEvent(ctx, h.ID, c.person.ID, intranet.ActionNotified, cfg.Now()); err != nil {
		return intranet.Reply{}, err
	}
	if sent == 0 {
		return c.reply(c.tr("Ik kon niemand in %s een bericht sturen die deze dienst mag nemen.", "I could not DM anyone in %s who may take this shift.", team.Name)), nil
	}
	return c.reply(c.tr("Ik stuurde %d collega's van %s een bericht over overdracht %d.", "I sent %d colleagues of %s a DM about handover %d.", sent, team.Name, h.ID)), nil
}

func (r *Router) handoverList(ctx context.Context, c *call, cfg *Handovers) (intranet.Reply, error) {
	if err := cfg.Teams.SyncDepartmentTeams(ctx); err != nil {
		return intranet.Reply{}, err
	}
	teams, err := cfg.Teams.TeamsOf(ctx, c.person.ID)
	if err != nil {
		return intranet.Reply{}, err
	}
	ids := make([]int64, 0, len(teams))
	byID := map[int64]*intranet.Team{}
	for _, t := range teams {
		ids = append(ids, t.ID)
		byID[t.ID] = t
	}
	now := cfg.Now()
	list, err := cfg.Handovers.Handovers(ctx, intranet.HandoverFilter{TeamIDs: ids, States: []intranet.HandoverState{intranet.HandoverOpen}, StartFrom: &now, Limit: 25})
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(list) == 0 {
		return c.reply(c.tr("Je teams hebben geen open overdrachten.", "Your teams have no open handovers.")), nil
	}
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("Open overdrachten van je teams", "Open handovers of your teams")}
	for _, h := range list {
		s := intranet.Section{Text: r.handoverLine(cfg, c, h)}
		if h.RequesterID == c.person.ID {
			s.Buttons = []intranet.Button{{Label: c.tr("Annuleren", "Cancel"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/handover cancel %d", h.ID)}}
		} else if eligible(c, byID[h.TeamID], h, c.person) == "" {
			s.Buttons = []intranet.Button{{Label: c.tr("Ik neem hem", "I'll take it"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/handover take %d", h.ID)}}
		}
		reply.Sections = append(reply.Sections, s)
	}
	return reply, nil
}

func (r *Router) handoverLine(cfg *Handovers, c *call, h *intranet.Handover) string {
	line := fmt.Sprintf("*%d* · %s · %s · %s", h.ID, shiftText(h.Start, h.End, cfg.Location, c.lang), h.What, h.Team)
	if h.Skill != "" {
		line += " · " + c.tr("nodig: %s", "needs: %s", h.Skill)
	}
	return line
}

func (r *Router) handoverMine(ctx context.Context, c *call, cfg *Handovers) (intranet.Reply, error) {
	since := cfg.Now().Add(-24 * time.Hour)
	me := c.person.ID
	list, err := cfg.Handovers.Handovers(ctx, intranet.HandoverFilter{RequesterID: &me, TakerID: &me, StartFrom: &since, Limit: 25})
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(list) == 0 {
		return c.reply(c.tr("Je vroeg of nam geen diensten (vanaf gisteren). Vraag er een met `/handover <datum> <van>-<tot> <wat>`.", "You asked for or took no shifts (from yesterday on). Ask with `/handover <date> <from>-<to> <what>`.")), nil
	}
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("Mijn overdrachten", "My handovers")}
	for _, h := range list {
		state := map[intranet.HandoverState][2]string{
			intranet.HandoverOpen: {"open", "open"}, intranet.HandoverPending: {"wacht op goedkeuring", "waiting for approval"},
			intranet.HandoverTaken: {"overgenomen", "taken"}, intranet.HandoverCancelled: {"geannuleerd", "cancelled"}, intranet.HandoverExpired: {"verlopen", "expired"},
		}[h.State]
		if startedOrOver(h, cfg.Now()) {
			state = [2]string{"verlopen", "expired"}
		}
		var text string
		if h.RequesterID == me {
			text = c.tr("Gevraagd", "Asked") + " · " + r.handoverLine(cfg, c, h) + " · " + c.tr(state[0], state[1])
			if h.Taker != "" {
				text += " · " + c.tr("door %s", "by %s", h.Taker)
			}
		} else {
			text = c.tr("Genomen", "Taken") + " · " + r.handoverLine(cfg, c, h) + " · " + c.tr("van %s", "from %s", h.Requester) + " · " + c.tr(state[0], state[1])
		}
		s := intranet.Section{Text: text}
		if h.RequesterID == me && !startedOrOver(h, cfg.Now()) && (h.State == intranet.HandoverOpen || h.State == intranet.HandoverPending || h.State == intranet.HandoverTaken) {
			s.Buttons = []intranet.Button{{Label: c.tr("Annuleren", "Cancel"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/handover cancel %d", h.ID)}}
		}
		reply.Sections = append(reply.Sections, s)
	}
	return reply, nil
}

func inTx(ctx context.Context, tx intranet.Transactor, fn func(ctx context.Context) error) error {
	if tx == nil {
		return fn(ctx)
	}
	return tx.InTx(ctx, fn)
}

func handoverKey(id int64) string { return fmt.Sprintf("handover:%d", id) }

// scheduleHandover schedules a new request's expiry at its start and the
// leads' reminder before it (none when that moment has passed already).
func (r *Router) scheduleHandover(ctx context.Context, cfg *Handovers, h *intranet.Handover, now time.Time) error {
	if cfg.Scheduler == nil {
		return nil
	}
	if err := cfg.Scheduler.Schedule(ctx, HandoverExpireJob, handoverKey(h.ID), h.Start, nil); err != nil {
		return err
	}
	if due := h.Start.Add(-cfg.ReminderBefore); cfg.ReminderBefore > 0 && due.After(now) {
		return cfg.Scheduler.Schedule(ctx, HandoverRemindJob, handoverKey(h.ID), due, nil)
	}
	return nil
}

// RegisterHandoverJobs registers the handlers of the expiry and reminder
// jobs on the job runner.
func (r *Router) RegisterHandoverJobs(reg intranet.JobRegistry) error {
	if err := reg.HandleJobs(HandoverExpireJob, r.expireJob); err != nil {
		return err
	}
	if err := reg.HandleJobs(HandoverCardsJob, r.cardsJob); err != nil {
		return err
	}
	return reg.HandleJobs(HandoverRemindJob, r.remindJob)
}

func jobHandover(j intranet.Job) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(j.Key, "handover:"), 10, 64)
	if err != nil || !strings.HasPrefix(j.Key, "handover:") {
		return 0, intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	return id, nil
}

// expireJob expires a request still open (or waiting for approval) when its
// shift starts: the cards say so and the requester is told. A request that
// was taken or cancelled meanwhile is left alone. Safe to run twice.
func (r *Router) expireJob(ctx context.Context, j intranet.Job) error {
	cfg := r.handovers()
	if cfg == nil {
		return intranet.FailJob(errors.New("handovers are not set up"))
	}
	id, err := jobHandover(j)
	if err != nil {
		return err
	}
	now := cfg.Now()
	if now.Before(j.Due) {
		now = j.Due
	}
	h, err := cfg.Handovers.ExpireHandover(ctx, id, now)
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT:
		if h.State != intranet.HandoverExpired {
			return nil
		}
		// Expired by an earlier run that did not finish: tell again (the
		// keys keep it one message).
	case intranet.ENOTFOUND:
		return nil
	default:
		return err
	}
	r.updateCards(ctx, cfg, h)
	r.dm(ctx, cfg, h.RequesterID, "", fmt.Sprintf("handover-%d-expired", h.ID), func(lang string) intranet.Reply {
		return intranet.Reply{Text: ltr(lang, "Niemand nam je dienst van %s over (%s); overdracht %d is verlopen.", "Nobody took over your shift of %s (%s); handover %d has expired.",
			shiftText(h.Start, h.End, cfg.Location, lang), h.What, h.ID)}
	})
	if h.TakerID != 0 {
		r.dm(ctx, cfg, h.TakerID, "", fmt.Sprintf("handover-%d-expired-taker", h.ID), func(lang string) intranet.Reply {
			return intranet.Reply{Text: ltr(lang, "Overdracht %d is verlopen voordat een teamleider je overname goedkeurde.", "Handover %d expired before a team lead approved your takeover.", h.ID)}
		})
	}
	return nil
}

// remindJob tells the team's leads that a request is still open.
func (r *Router) remindJob(ctx context.Context, j intranet.Job) error {
	cfg := r.handovers()
	if cfg == nil {
		return intranet.FailJob(errors.New("handovers are not set up"))
	}
	id, err := jobHandover(j)
	if err != nil {
		return err
	}
	h, err := cfg.Handovers.FindHandoverByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	if h.State != intranet.HandoverOpen && h.State != intranet.HandoverPending || startedOrOver(h, cfg.Now()) {
		return nil
	}
	team, err := cfg.Teams.FindTeamByID(ctx, h.TeamID)
	if err != nil {
		return err
	}
	for _, lead := range team.Leads() {
		r.dm(ctx, cfg, lead.PersonID, "", fmt.Sprintf("handover-%d-remind-%d", h.ID, lead.PersonID), func(lang string) intranet.Reply {
			card := r.handoverCard(cfg, h, lang)
			card.Visibility = intranet.Ephemeral
			card.Title = ltr(lang, "Nog niet overgenomen: %s", "Not taken yet: %s", h.What)
			if h.State == intranet.HandoverOpen {
				card.Text = ltr(lang, "Niemand van %s nam de dienst van %s (%s) nog over.", "Nobody in %s has taken over %s's shift (%s) yet.", h.Team, h.Requester, shiftText(h.Start, h.End, cfg.Location, lang))
			} else {
				card.Buttons = []intranet.Button{
					{Label: ltr(lang, "Goedkeuren", "Approve"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/handover approve %d for:%d", h.ID, h.TakerID)},
					{Label: ltr(lang, "Afwijzen", "Reject"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/handover reject %d for:%d", h.ID, h.TakerID)},
				}
			}
			return card
		})
	}
	return cfg.Handovers.RecordHandoverEvent(ctx, h.ID, 0, intranet.ActionReminded, cfg.Now())
}

// HandoverSettings returns the configuration UseHandovers set, nil when
// handovers are off; bot adds the job runner to it once that exists.
func (r *Router) HandoverSettings() *Handovers { return r.handovers() }

type cardsPayload struct {
	ID int64 `json:"id"`
}

// cardsJob updates every posted card of a request to its state now. A card
// the outbox has not delivered yet is waited for (the job runs again), so
// a card first posted with an old state is corrected too. Safe to repeat.
func (r *Router) cardsJob(ctx context.Context, j intranet.Job) error {
	cfg := r.handovers()
	if cfg == nil || !viaOutbox(cfg) {
		return intranet.FailJob(errors.New("handover cards need the outbox"))
	}
	var p cardsPayload
	if err := json.Unmarshal(j.Payload, &p); err != nil {
		return intranet.FailJob(fmt.Errorf("handover cards payload: %w", err))
	}
	h, err := cfg.Handovers.FindHandoverByID(ctx, p.ID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	posts, err := cfg.Handovers.HandoverPosts(ctx, h.ID)
	if err != nil {
		return err
	}
	card := r.handoverCard(cfg, h, h.Lang)
	var again error
	for _, post := range posts {
		ref := post.Ref
		if ref.ID == "" && post.OutboxID != 0 {
			e, err := cfg.Outbox.OutboxEntry(ctx, post.OutboxID)
			if intranet.ErrorCode(err) == intranet.ENOTFOUND {
				continue
			} else if err != nil {
				return err
			}
			switch e.State {
			case intranet.OutboxSent:
				ref = e.Ref
				if ref.Platform == "" {
					ref.Platform = post.Ref.Platform
				}
				if ref.ChannelID == "" {
					ref.ChannelID = post.Ref.ChannelID
				}
				if ref.Installation == "" {
					ref.Installation = post.Ref.Installation
				}
				if err := cfg.Handovers.AddHandoverPost(ctx, intranet.HandoverPost{HandoverID: h.ID, Ref: ref, OutboxID: post.OutboxID}); err != nil {
					return err
				}
			case intranet.OutboxFailed:
				continue
			default:
				again = intranet.RetryLater(5*time.Second, fmt.Errorf("card of handover %d in %s:%s not delivered yet", h.ID, post.Ref.Platform, post.Ref.ChannelID))
				continue
			}
		}
		poster := cfg.Posters.Poster(ref.Platform)
		if ref.ID == "" || poster == nil {
			continue
		}
		err := poster.Update(ctx, ref, card)
		var de *intranet.DeliveryError
		if err != nil && errors.As(err, &de) && de.Temporary {
			again = intranet.RetryLater(de.RetryAfter, err)
		}
		// Any other failure (the message is gone) leaves that card as it
		// was: its buttons are checked again when pressed.
	}
	return again
}
