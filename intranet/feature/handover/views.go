package handover

import (
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// This file holds every reply of /handover to the person who typed or
// pressed it, in Dutch and English. The card and the DMs are in
// view_card.go.

// requested answers a new request whose card went to the team's channels.
func requested(c *feature.Call, h *intranet.Handover, team *intranet.Team, posted []string, loc *time.Location, now time.Time) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Overdracht %d gevraagd", "Handover %d requested", h.ID)}
	reply.Text = c.T("Je verzoek staat in het kanaal van %s (%s). Wie het eerst op \"Ik neem hem\" drukt, krijgt de dienst; je hoort het van me.",
		"Your request is in %s's channel (%s). The first to press \"I'll take it\" gets the shift; I'll let you know.", team.Name, strings.Join(posted, ", "))
	reply.Sections = card(h, c.Lang, loc, now).Sections
	reply.Buttons = []intranet.Button{
		{Label: c.T("Collega's een bericht sturen", "DM colleagues"), Command: fmt.Sprintf("/handover notify %d", h.ID)},
		{Label: c.T("Annuleren", "Cancel"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/handover cancel %d", h.ID)},
	}
	return reply
}

// requestedWithoutChannel answers a new request of a team without a
// channel: the card itself, in the channel it was typed in.
func requestedWithoutChannel(c *feature.Call, h *intranet.Handover, team *intranet.Team, loc *time.Location, now time.Time) intranet.Reply {
	reply := card(h, c.Lang, loc, now)
	reply.Context = append(reply.Context, c.T("%s heeft geen kanaal (koppel er een met `/team channel %s`); stuur je collega's een bericht met `/handover notify %d`.",
		"%s has no channel (link one with `/team channel %s`); DM your colleagues with `/handover notify %d`.", team.Name, feature.Quote(team.Name), h.ID))
	if c.Req.Channel.Direct {
		reply.Visibility = intranet.Ephemeral
	}
	return reply
}

func shiftTooLong(c *feature.Call, from, to when.Clock, d time.Duration) string {
	h, m := int(d.Hours()), int(d.Minutes())%60
	length := fmt.Sprintf("%d h", h)
	if m != 0 {
		length = fmt.Sprintf("%d h %02d", h, m)
	}
	return c.T("Een dienst mag hoogstens 16 uur duren; %s-%s is %s. Splits hem in twee verzoeken.",
		"A shift may last at most 16 hours; %s-%s is %s. Split it into two requests.", from, to, length)
}

func shiftStarted(c *feature.Call, start, end time.Time, loc *time.Location) string {
	return c.T("Die dienst (%s) is al begonnen of voorbij. Kies een moment in de toekomst. ",
		"That shift (%s) has started or is over already. Choose a time in the future. ", shiftText(start, end, loc, c.Lang)) + c.Usage()
}

func notInTeam(c *feature.Call, t *intranet.Team) string {
	return c.T("Je hoort niet bij %s, dus je kunt dat team niet om een overdracht vragen.", "You are not in %s, so you cannot ask that team for a handover.", t.Name)
}

func inNoTeam(c *feature.Call) string {
	return c.T("Je hoort bij geen enkel team. Zeg welk team het moet overnemen met `team:<naam>`.", "You are in no team. Say which team should take it over with `team:<name>`.")
}

func inSeveralTeams(c *feature.Call, teams []*intranet.Team) string {
	var names []string
	for _, t := range teams {
		names = append(names, feature.Quote(t.Name))
	}
	return c.T("Je hoort bij meer teams (%s). Zeg welk met `team:<naam>`.", "You are in several teams (%s). Say which with `team:<name>`.", strings.Join(names, ", "))
}

func noSuchHandover(c *feature.Call, id int64) string {
	return c.T("Er is geen overdracht %d.", "There is no handover %d.", id)
}

// gone answers a button of a request that can no longer change.
func (u *Unit) gone(c *feature.Call, h *intranet.Handover) (intranet.Reply, bool) {
	switch {
	case h.State == intranet.HandoverCancelled:
		return c.Reply(c.T("Overdracht %d is geannuleerd door %s; er valt niets meer te doen.", "Handover %d was cancelled by %s; there is nothing left to do.", h.ID, h.Requester)), true
	case h.State == intranet.HandoverExpired || startedOrOver(h, u.cfg.Now()):
		return c.Reply(c.T("Overdracht %d is verlopen: de dienst is al begonnen.", "Handover %d has expired: the shift has started.", h.ID)), true
	}
	return intranet.Reply{}, false
}

// stateText tells someone who was too late where the request is.
func (u *Unit) stateText(c *feature.Call, h *intranet.Handover) string {
	loc := u.cfg.Location
	switch h.State {
	case intranet.HandoverTaken:
		return c.T("Te laat: %s nam overdracht %d om %s over.", "Too late: %s took over handover %d at %s.", h.Taker, h.ID, clockText(h.Changed, loc))
	case intranet.HandoverPending:
		return c.T("Te laat: %s nam overdracht %d om %s; dat wacht op goedkeuring.", "Too late: %s took handover %d at %s; it waits for approval.", h.Taker, h.ID, clockText(h.Changed, loc))
	case intranet.HandoverCancelled:
		return c.T("Overdracht %d is geannuleerd door %s.", "Handover %d was cancelled by %s.", h.ID, h.Requester)
	case intranet.HandoverExpired:
		return c.T("Overdracht %d is verlopen: de dienst is al begonnen.", "Handover %d has expired: the shift has started.", h.ID)
	}
	return c.T("Overdracht %d staat weer open.", "Handover %d is open again.", h.ID)
}

// takenText answers a take of a request no longer open: the caller's own
// takeover is theirs, someone else's came first.
func (u *Unit) takenText(c *feature.Call, h *intranet.Handover) string {
	if h.TakerID == c.Person.ID {
		switch h.State {
		case intranet.HandoverTaken:
			return c.T("Deze dienst is al van jou: je nam overdracht %d om %s over.", "You already took this shift: you took over handover %d at %s.", h.ID, clockText(h.Changed, u.cfg.Location))
		case intranet.HandoverPending:
			return c.T("Je hebt overdracht %d al genomen; hij wacht op goedkeuring van een teamleider.", "You already took handover %d; it waits for a team lead's approval.", h.ID)
		}
	}
	return u.stateText(c, h)
}

// refusalText says why the caller may not take the request, "" when they
// may.
func refusalText(c *feature.Call, team *intranet.Team, h *intranet.Handover, r refusal) string {
	switch r {
	case refusedOwn:
		return c.T("Dit is je eigen verzoek; een collega moet het overnemen.", "This is your own request; a colleague has to take it over.")
	case refusedGuest:
		return c.T("Als gast kun je geen diensten overnemen.", "As a guest you cannot take over shifts.")
	case refusedNotMember:
		return c.T("Alleen leden van %s kunnen deze dienst overnemen, en jij staat niet in dat team.", "Only members of %s can take over this shift, and you are not in that team.", team.Name)
	case refusedSkill:
		return c.T("Voor deze dienst is de vaardigheid %s nodig, en die staat niet bij jou in het telefoonboek.", "This shift needs the skill %s, and the phonebook does not list it for you.", h.Skill)
	case refusedAway:
		return c.T("Je staat afwezig t/m %s. Wil je toch overnemen, zeg dan eerst `/profile back`.", "You are marked away through %s. To take it anyway, first say `/profile back`.", c.Person.AwayUntil)
	}
	return ""
}

// refusalLine is the short word of a list on why the caller may not take
// a request of someone else; "" when they may, or it is their own.
func refusalLine(c *feature.Call, team *intranet.Team, h *intranet.Handover, r refusal) string {
	switch r {
	case refusedGuest:
		return c.T("Niet voor gasten", "Not for guests")
	case refusedNotMember:
		return c.T("Alleen voor leden van %s", "Only for members of %s", team.Name)
	case refusedSkill:
		return c.T("Vraagt %s, en dat heb jij niet", "Needs %s, which you don't have", h.Skill)
	case refusedAway:
		return c.T("Je bent afwezig", "You are away")
	}
	return ""
}

func youTook(c *feature.Call, h *intranet.Handover, loc *time.Location) string {
	return c.T("Je neemt de dienst over: %s, %s. %s weet het.", "You take over the shift: %s, %s. %s knows.", shiftOf(h, loc, c.Lang), h.What, h.Requester)
}

// tookPending answers a takeover that waits for a lead; asked is how many
// leads a DM reached. When none could be reached (they never used
// Werkplek in the chat), it says whom to ask instead of promising an
// answer that never comes.
func tookPending(c *feature.Call, h *intranet.Handover, team *intranet.Team, asked int) string {
	if asked == 0 {
		var leads []string
		for _, l := range team.Leads() {
			leads = append(leads, l.Name)
		}
		return c.T("Je hebt overdracht %d genomen; een teamleider van %s keurt het nog goed, maar ik kan geen van hen een bericht sturen. Vraag %s om `/handover approve %d`.",
			"You took handover %d; a team lead of %s still has to approve it, but I cannot DM any of them. Ask %s to type `/handover approve %d`.",
			h.ID, team.Name, strings.Join(leads, c.T(" of ", " or ")), h.ID)
	}
	return c.T("Je hebt overdracht %d genomen; een teamleider van %s keurt het nog goed. Je hoort het van me.", "You took handover %d; a team lead of %s still has to approve it. I'll let you know.", h.ID, team.Name)
}

func onlyLeadsDecide(c *feature.Call, t *intranet.Team) string {
	return c.T("Alleen een leider van %s kan dat goedkeuren of afwijzen.", "Only a lead of %s can approve or reject that.", t.Name)
}

func notPending(c *feature.Call, h *intranet.Handover) string {
	return c.T("Overdracht %d wacht niet op goedkeuring. ", "Handover %d does not wait for approval. ", h.ID)
}

func changedMeanwhile(c *feature.Call, h *intranet.Handover) string {
	return c.T("Dit verzoek is intussen veranderd: %s nam het nu. Beslis opnieuw: `/handover approve %d` of `/handover reject %d`.",
		"This request changed in the meantime: %s took it now. Decide again: `/handover approve %d` or `/handover reject %d`.", h.Taker, h.ID, h.ID)
}

func someoneFirst(c *feature.Call) string { return c.T("Iemand was je voor. ", "Someone was first. ") }

func approved(c *feature.Call, h *intranet.Handover) string {
	return c.T("Goedgekeurd: %s neemt de dienst van %s over.", "Approved: %s takes over %s's shift.", h.Taker, h.Requester)
}

func rejected(c *feature.Call, h *intranet.Handover) string {
	return c.T("Afgewezen: overdracht %d staat weer open.", "Rejected: handover %d is open again.", h.ID)
}

func onlyRequesterCancels(c *feature.Call, h *intranet.Handover) string {
	return c.T("Alleen %s, die het vroeg, kan overdracht %d annuleren.", "Only %s, who asked, can cancel handover %d.", h.Requester, h.ID)
}

func cancelledReply(c *feature.Call, h *intranet.Handover) string {
	if h.TakerID != 0 {
		return c.T("Overdracht %d is geannuleerd; %s, die hem had genomen, weet het.", "Handover %d is cancelled; %s, who had taken it, knows.", h.ID, h.Taker)
	}
	return c.T("Overdracht %d is geannuleerd.", "Handover %d is cancelled.", h.ID)
}

func onlyRequesterNotifies(c *feature.Call, h *intranet.Handover) string {
	return c.T("Alleen %s, die het vroeg, kan collega's over overdracht %d een bericht sturen.", "Only %s, who asked, can DM colleagues about handover %d.", h.Requester, h.ID)
}

func notified(c *feature.Call, h *intranet.Handover, team *intranet.Team, sent int) string {
	if sent == 0 {
		return c.T("Ik kon niemand in %s een bericht sturen die deze dienst mag nemen.", "I could not DM anyone in %s who may take this shift.", team.Name)
	}
	return c.T("Ik stuurde %s van %s een bericht over overdracht %d.", "I sent %s of %s a DM about handover %d.", c.N(sent, "collega", "collega's", "colleague", "colleagues"), team.Name, h.ID)
}

func noOpenRequests(c *feature.Call) string {
	return c.T("Je teams hebben geen open overdrachten.", "Your teams have no open handovers.")
}

func line(c *feature.Call, h *intranet.Handover, loc *time.Location) string {
	s := fmt.Sprintf("*%d* · %s · %s · %s", h.ID, shiftOf(h, loc, c.Lang), h.What, h.Team)
	if h.Skill != "" {
		s += " · " + c.T("nodig: %s", "needs: %s", h.Skill)
	}
	return s
}

func cancelButton(c *feature.Call, h *intranet.Handover) intranet.Button {
	return intranet.Button{Label: c.T("Annuleren", "Cancel"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/handover cancel %d", h.ID)}
}

// openList is /handover list: the caller's own requests with a cancel
// button, the others with a take button when they may take it, else a
// word on why not (whyNot).
func openList(c *feature.Call, list []*intranet.Handover, whyNot func(*intranet.Handover) string, loc *time.Location) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Open overdrachten van je teams", "Open handovers of your teams")}
	for _, h := range list {
		s := intranet.Section{Text: line(c, h, loc)}
		if h.RequesterID == c.Person.ID {
			s.Buttons = []intranet.Button{cancelButton(c, h)}
		} else if why := whyNot(h); why != "" {
			s.Text += "\n_" + why + "_"
		} else {
			s.Buttons = []intranet.Button{takeButton(h, c.Lang)}
		}
		reply.Sections = append(reply.Sections, s)
	}
	return reply
}

func nothingMine(c *feature.Call) string {
	return c.T("Je vroeg of nam geen diensten (vanaf gisteren). Vraag er een met `/handover <datum> <van>-<tot> <wat>`.", "You asked for or took no shifts (from yesterday on). Ask with `/handover <date> <from>-<to> <what>`.")
}

// stateWords name a request's state in a list.
var stateWords = map[intranet.HandoverState][2]string{
	intranet.HandoverOpen: {"open", "open"}, intranet.HandoverPending: {"wacht op goedkeuring", "waiting for approval"},
	intranet.HandoverTaken: {"overgenomen", "taken"}, intranet.HandoverCancelled: {"geannuleerd", "cancelled"}, intranet.HandoverExpired: {"verlopen", "expired"},
}

// mineList is /handover mine: what the caller asked ("Gevraagd") and took
// ("Genomen"), with a cancel button on their own requests still to come.
func mineList(c *feature.Call, list []*intranet.Handover, loc *time.Location, now time.Time) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Mijn overdrachten", "My handovers")}
	me := c.Person.ID
	for _, h := range list {
		state := stateWords[h.State]
		if startedOrOver(h, now) {
			state = stateWords[intranet.HandoverExpired]
		}
		var text string
		if h.RequesterID == me {
			text = c.T("Gevraagd", "Asked") + " · " + line(c, h, loc) + " · " + c.T(state[0], state[1])
			if h.Taker != "" {
				text += " · " + c.T("door %s", "by %s", h.Taker)
			}
		} else {
			text = c.T("Genomen", "Taken") + " · " + line(c, h, loc) + " · " + c.T("van %s", "from %s", h.Requester) + " · " + c.T(state[0], state[1])
		}
		s := intranet.Section{Text: text}
		if h.RequesterID == me && !startedOrOver(h, now) && (h.State == intranet.HandoverOpen || h.State == intranet.HandoverPending || h.State == intranet.HandoverTaken) {
			s.Buttons = []intranet.Button{cancelButton(c, h)}
		}
		reply.Sections = append(reply.Sections, s)
	}
	return reply
}

// maxOtherTeams is how many other teams a stuck request offers buttons for.
const maxOtherTeams = 3

// warn tells the asker of a request nobody in its team may take that it
// stands all the same, and where else to turn: the asker's other teams
// (buttons when the reply is theirs alone, else the typed command) and
// the team's leads, who can add a colleague to it.
func (n *nobodyTakes) warn(c *feature.Call, reply *intranet.Reply, h *intranet.Handover, team *intranet.Team, loc *time.Location) {
	var why string
	switch {
	case !n.others:
		why = c.T("je bent de enige in %s", "you are the only one in %s", team.Name)
	case h.Skill != "":
		why = c.T("niemand anders in %s heeft %s", "nobody else in %s has %s", team.Name, h.Skill)
	default:
		why = c.T("niemand anders in %s mag hem nemen", "nobody else in %s may take it", team.Name)
	}
	text := c.T("Let op: niemand kan deze dienst nemen, want %s. Je verzoek staat er wel.", "Note: nobody can take this shift, as %s. Your request stands all the same.", why)
	private := reply.Visibility == intranet.Ephemeral
	teams := n.teams
	if len(teams) > maxOtherTeams {
		teams = teams[:maxOtherTeams]
	}
	switch {
	case len(teams) > 0 && private:
		text += " " + c.T("Vraag een ander team van je met een knop hieronder (annuleer dit verzoek dan).", "Ask another of your teams with a button below (and cancel this request).")
		for _, t := range teams {
			reply.Buttons = append(reply.Buttons, intranet.Button{Label: c.T("Vraag %s", "Ask %s", t.Name), Command: askTeamCommand(h, t, loc)})
		}
	case len(teams) > 0:
		text += " " + c.T("Vraag een ander team van je: `%s` (annuleer dit verzoek dan).", "Ask another of your teams: `%s` (and cancel this request).", askTeamCommand(h, teams[0], loc))
	}
	add := fmt.Sprintf("/team member add %s <%s>", feature.Quote(team.Name), c.T("persoon", "person"))
	or := len(teams) > 0
	switch {
	case mayManage(c, team):
		text += " " + c.T("Voeg zelf een collega aan het team toe: `%s`.", "Add a colleague to the team yourself: `%s`.", add)
	case len(n.leads) > 0 && or:
		text += " " + c.T("Of vraag %s (leiding van %s) om een collega aan het team toe te voegen: `%s`.", "Or ask %s (lead of %s) to add a colleague to the team: `%s`.",
			strings.Join(n.leads, c.T(" of ", " or ")), team.Name, add)
	case len(n.leads) > 0:
		text += " " + c.T("Vraag %s (leiding van %s) om een collega aan het team toe te voegen: `%s`.", "Ask %s (lead of %s) to add a colleague to the team: `%s`.",
			strings.Join(n.leads, c.T(" of ", " or ")), team.Name, add)
	case !or:
		text += " " + c.T("Vraag een beheerder om een collega aan het team toe te voegen: `%s`.", "Ask an admin to add a colleague to the team: `%s`.", add)
	}
	if private {
		reply.Text = text + "\n" + reply.Text
	} else {
		reply.Context = append(reply.Context, text)
	}
}

// askTeamCommand is the request h again, to another team.
func askTeamCommand(h *intranet.Handover, t *intranet.Team, loc *time.Location) string {
	s, e := h.Start.In(loc), h.End.In(loc)
	cmd := fmt.Sprintf("/handover %s %s-%s %s team:%s", when.DateOf(s, loc), s.Format("15:04"), e.Format("15:04"), h.What, feature.Quote(t.Name))
	if h.Skill != "" {
		cmd += " needs:" + feature.Quote(h.Skill)
	}
	return cmd
}
