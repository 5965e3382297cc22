package handover

import (
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// This file holds the card of a request and the DMs about it, written in
// the recipient's language (the card in the request's).

// shiftText writes a shift for people: "za 28 nov 2026 14:00–22:00", or
// with both dates when it ends the next day.
func shiftText(start, end time.Time, loc *time.Location, lang string) string {
	s, e := start.In(loc), end.In(loc)
	sd, ed := when.DateOf(s, loc), when.DateOf(e, loc)
	if sd == ed {
		return fmt.Sprintf("%s %s–%s", sd.Format(lang), s.Format("15:04"), e.Format("15:04"))
	}
	return fmt.Sprintf("%s %s – %s %s", sd.Format(lang), s.Format("15:04"), ed.Format(lang), e.Format("15:04"))
}

func clockText(t time.Time, loc *time.Location) string { return t.In(loc).Format("15:04") }

func shiftOf(h *intranet.Handover, loc *time.Location, lang string) string {
	return shiftText(h.Start, h.End, loc, lang)
}

// card is the card of a request in lang, as posted in the team's channels
// and updated at every change; now decides whether it has expired.
func card(h *intranet.Handover, lang string, loc *time.Location, now time.Time) intranet.Reply {
	t := func(nl, en string, args ...any) string { return feature.T(lang, nl, en, args...) }
	reply := intranet.Reply{Lang: lang, Visibility: intranet.InChannel, Title: t("Dienst over te nemen: %s", "Shift to take over: %s", h.What)}
	fields := []intranet.Field{
		{Label: t("Gevraagd door", "Asked by"), Value: h.Requester},
		{Label: t("Dienst", "Shift"), Value: shiftOf(h, loc, lang)},
		{Label: t("Wat", "What"), Value: h.What},
		{Label: "Team", Value: h.Team},
	}
	if h.Skill != "" {
		fields = append(fields, intranet.Field{Label: t("Nodig", "Needs"), Value: h.Skill})
	}
	reply.Sections = []intranet.Section{{Fields: fields}}
	take := takeButton(h, lang)
	cancel := intranet.Button{Label: t("Annuleren", "Cancel"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/handover cancel %d", h.ID),
		Confirm: &intranet.Confirm{Title: t("Verzoek annuleren?", "Cancel the request?"), Text: t("Alleen wie het vroeg kan annuleren.", "Only the requester can cancel."),
			Confirm: t("Annuleren", "Cancel it"), Deny: t("Terug", "Back")}}
	state := h.State
	if startedOrOver(h, now) {
		state = intranet.HandoverExpired
	}
	switch state {
	case intranet.HandoverOpen:
		reply.Text = t("%s vraagt of iemand van %s deze dienst overneemt. Wie het eerst drukt, krijgt hem.", "%s asks whether someone in %s takes over this shift. The first to press gets it.", h.Requester, h.Team)
		reply.Buttons = []intranet.Button{take, cancel}
	case intranet.HandoverPending:
		reply.Text = t("Genomen door %s om %s; wacht op goedkeuring van een teamleider.", "Taken by %s at %s; waiting for a team lead's approval.", h.Taker, clockText(h.Changed, loc))
		reply.Buttons = []intranet.Button{cancel}
	case intranet.HandoverTaken:
		reply.Text = t("Overgenomen door %s om %s.", "Taken over by %s at %s.", h.Taker, clockText(h.Changed, loc))
		reply.Buttons = []intranet.Button{cancel}
	case intranet.HandoverCancelled:
		reply.Text = t("Geannuleerd door %s om %s.", "Cancelled by %s at %s.", h.Requester, clockText(h.Changed, loc))
	case intranet.HandoverExpired:
		reply.Text = t("Verlopen: niemand nam de dienst voor het begin.", "Expired: nobody took the shift before it started.")
	}
	reply.Context = []string{t("Overdracht %d", "Handover %d", h.ID)}
	return reply
}

// takeButton takes the request: the card's, and every list's where the
// caller may take it.
func takeButton(h *intranet.Handover, lang string) intranet.Button {
	return intranet.Button{Label: feature.T(lang, "Ik neem hem", "I'll take it"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/handover take %d", h.ID)}
}

// decisionButtons are a lead's buttons about the colleague who took it:
// they decide only while that colleague has it.
func decisionButtons(h *intranet.Handover, lang string) []intranet.Button {
	return []intranet.Button{
		{Label: feature.T(lang, "Goedkeuren", "Approve"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/handover approve %d for:%d", h.ID, h.TakerID)},
		{Label: feature.T(lang, "Afwijzen", "Reject"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/handover reject %d for:%d", h.ID, h.TakerID)},
	}
}

// notifyDM is the card as a DM to a colleague who may take it, with only
// the take button.
func notifyDM(h *intranet.Handover, lang string, loc *time.Location, now time.Time) intranet.Reply {
	msg := card(h, lang, loc, now)
	msg.Visibility = intranet.Ephemeral
	msg.Buttons = msg.Buttons[:1]
	return msg
}

// colleagueUnreachableDM tells who asked colleagues about a request that
// one of them is reachable nowhere.
func colleagueUnreachableDM(h *intranet.Handover, colleague, lang string) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "Ik kon %s nergens een bericht sturen over overdracht %d (%s).", "I could not reach %s anywhere about handover %d (%s).", colleague, h.ID, h.What)}
}

// leadUnreachableDM tells a taker that a lead who must approve their
// takeover is reachable nowhere, and what to ask them.
func leadUnreachableDM(h *intranet.Handover, lead, lang string) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "Ik kon %s nergens een bericht sturen over je overname van overdracht %d. Vraag %s om `/handover approve %d`.",
		"I could not reach %s anywhere about your takeover of handover %d. Ask %s to type `/handover approve %d`.", lead, h.ID, lead, h.ID)}
}

// approvalDM asks a lead to approve a takeover.
func approvalDM(h *intranet.Handover, lang string, loc *time.Location, now time.Time) intranet.Reply {
	msg := card(h, lang, loc, now)
	msg.Visibility = intranet.Ephemeral
	msg.Title = feature.T(lang, "Goedkeuring gevraagd: %s", "Approval asked: %s", h.What)
	msg.Text = feature.T(lang, "%s wil de dienst van %s (%s) overnemen. Keur je dat goed?", "%s wants to take over %s's shift (%s). Do you approve?",
		h.Taker, h.Requester, shiftOf(h, loc, lang))
	msg.Buttons = decisionButtons(h, lang)
	return msg
}

// reminderDM tells a lead that a request is still open, or still waits
// for approval.
func reminderDM(h *intranet.Handover, lang string, loc *time.Location, now time.Time) intranet.Reply {
	msg := card(h, lang, loc, now)
	msg.Visibility = intranet.Ephemeral
	msg.Title = feature.T(lang, "Nog niet overgenomen: %s", "Not taken yet: %s", h.What)
	if h.State == intranet.HandoverOpen {
		msg.Text = feature.T(lang, "Niemand van %s nam de dienst van %s (%s) nog over.", "Nobody in %s has taken over %s's shift (%s) yet.", h.Team, h.Requester, shiftOf(h, loc, lang))
	} else {
		msg.Buttons = decisionButtons(h, lang)
	}
	return msg
}

func takenDM(h *intranet.Handover, lang string, loc *time.Location) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "%s neemt je dienst van %s over (%s).", "%s takes over your shift of %s (%s).", h.Taker, shiftOf(h, loc, lang), h.What)}
}

func pendingDM(h *intranet.Handover, lang string, loc *time.Location) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "%s wil je dienst van %s overnemen (%s); een teamleider keurt het nog goed.", "%s wants to take over your shift of %s (%s); a team lead still has to approve.",
		h.Taker, shiftOf(h, loc, lang), h.What)}
}

func approvedDM(h *intranet.Handover, lead, lang string, loc *time.Location) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "%s keurde het goed: %s neemt de dienst van %s over (%s, %s).", "%s approved: %s takes over %s's shift (%s, %s).",
		lead, h.Taker, h.Requester, shiftOf(h, loc, lang), h.What)}
}

func rejectedDM(h *intranet.Handover, lead, lang string, loc *time.Location) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "%s keurde je overname van overdracht %d (%s) af; het verzoek staat weer open.", "%s rejected your takeover of handover %d (%s); the request is open again.",
		lead, h.ID, shiftOf(h, loc, lang))}
}

func cancelledDM(h *intranet.Handover, lang string, loc *time.Location) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "%s heeft overdracht %d geannuleerd: je hoeft de dienst van %s (%s) niet meer over te nemen.",
		"%s cancelled handover %d: you no longer take over the shift of %s (%s).", h.Requester, h.ID, shiftOf(h, loc, lang), h.What)}
}

func expiredDM(h *intranet.Handover, lang string, loc *time.Location) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "Niemand nam je dienst van %s over (%s); overdracht %d is verlopen.", "Nobody took over your shift of %s (%s); handover %d has expired.",
		shiftOf(h, loc, lang), h.What, h.ID)}
}

func expiredTakerDM(h *intranet.Handover, lang string) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "Overdracht %d is verlopen voordat een teamleider je overname goedkeurde.", "Handover %d expired before a team lead approved your takeover.", h.ID)}
}
