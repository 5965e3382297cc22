package home

import (
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// apiView lists the API's tokens (working ones first, each with a button
// to revoke it) and the webhooks (each with a button to remove it), and
// the typed commands that add them.
func apiView(c *feature.Call, tokens []*intranet.APIToken, hooks []*intranet.Webhook, loc *time.Location, public string) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("API en webhooks", "API and webhooks")}
	moment := func(t time.Time) string {
		return when.DateOf(t, loc).Format(c.Lang) + " " + t.In(loc).Format("15:04")
	}
	if len(tokens) == 0 && len(hooks) == 0 {
		reply.Text = c.T("Er zijn nog geen API-tokens en geen webhooks.", "There are no API tokens and no webhooks yet.")
	}
	for _, t := range tokens {
		last, state := c.T("nooit", "never"), c.T("werkt", "working")
		if !t.LastUsed.IsZero() {
			last = moment(t.LastUsed)
		}
		if !t.Revoked.IsZero() {
			state = c.T("ingetrokken %s", "revoked %s", moment(t.Revoked))
		}
		s := intranet.Section{Title: "Token " + t.Name, Fields: []intranet.Field{
			{Label: c.T("Scopes", "Scopes"), Value: strings.Join(t.Scopes, ", ")},
			{Label: c.T("Gemaakt", "Created"), Value: moment(t.Created)},
			{Label: c.T("Laatst gebruikt", "Last used"), Value: last},
			{Label: c.T("Staat", "State"), Value: state},
		}}
		if t.Revoked.IsZero() {
			s.Buttons = []intranet.Button{{Label: c.T("Intrekken", "Revoke"), Style: intranet.StyleDanger,
				Command: "/werkplek api token revoke " + feature.Quote(t.Name),
				Confirm: &intranet.Confirm{Title: c.T("Token intrekken?", "Revoke the token?"),
					Text:    c.T("De API weigert %s meteen; de software die het gebruikt heeft dan een nieuw token nodig.", "The API refuses %s at once; the software that uses it then needs a new token.", feature.Quote(t.Name)),
					Confirm: c.T("Intrekken", "Revoke"), Deny: c.T("Houden", "Keep")}}}
		}
		reply.Sections = append(reply.Sections, s)
	}
	for _, h := range hooks {
		reply.Sections = append(reply.Sections, intranet.Section{Title: "Webhook " + h.URL, Fields: []intranet.Field{
			{Label: c.T("Gebeurtenissen", "Events"), Value: strings.Join(h.Events, ", ")},
			{Label: c.T("Gemaakt", "Created"), Value: moment(h.Created)},
		}, Buttons: []intranet.Button{{Label: c.T("Verwijderen", "Remove"), Style: intranet.StyleDanger,
			Command: fmt.Sprintf("/werkplek api webhook remove %d", h.ID),
			Confirm: &intranet.Confirm{Title: c.T("Webhook verwijderen?", "Remove the webhook?"),
				Text:    c.T("Er gaat niets meer naar %s.", "Nothing more is posted to %s.", h.URL),
				Confirm: c.T("Verwijderen", "Remove"), Deny: c.T("Houden", "Keep")}}}})
	}
	reply.Context = append(reply.Context,
		c.T("Een token erbij (in een privébericht): `/werkplek api token add <naam> scope:%s`", "Add a token (in a direct message): `/werkplek api token add <name> scope:%s`", intranet.ScopeHoursRead),
		c.T("Een webhook erbij (in een privébericht): `/werkplek api webhook add <url> events:%s`", "Add a webhook (in a direct message): `/werkplek api webhook add <url> events:%s`", strings.Join(intranet.Events, ",")))
	if public != "" {
		reply.Context = append(reply.Context, c.T("De API beschreven: %s", "The API described: %s", public+"/api/v1/openapi.json"))
	}
	return reply
}

// tokenMadeView shows a new token's secret, this once, and what to do
// with it.
func tokenMadeView(c *feature.Call, t *intranet.APIToken, secret string) intranet.Reply {
	return c.Reply(c.T("Token %s (%s) is gemaakt. Hieronder het geheim, alleen nu te zien:\n`%s`\nGeef het aan de software, die het meestuurt als `Authorization: Bearer <geheim>`. Werkplek bewaart alleen een hash ervan en kan het niet nog eens tonen: kwijt? Trek het in en maak een nieuw.\nIntrekken: `/werkplek api token revoke %s`",
		"Token %s (%s) is made. Below is its secret, shown only now:\n`%s`\nGive it to the software, which sends it as `Authorization: Bearer <secret>`. Werkplek keeps only a hash of it and cannot show it again: lost? Revoke it and add a new one.\nRevoke it with: `/werkplek api token revoke %s`",
		feature.Quote(t.Name), strings.Join(t.Scopes, ", "), secret, feature.Quote(t.Name)))
}

// webhookAddedView shows a new webhook's signing secret, this once.
func webhookAddedView(c *feature.Call, h *intranet.Webhook) intranet.Reply {
	return c.Reply(c.T("Webhook %s is toegevoegd voor %s. Hieronder het ondertekengeheim, alleen nu te zien:\n`%s`\nHet adres controleert er de `webhook-signature` van elk verzoek mee (Standard Webhooks).",
		"Webhook %s is added for %s. Below is its signing secret, shown only now:\n`%s`\nThe endpoint verifies each request's `webhook-signature` with it (Standard Webhooks).",
		h.URL, strings.Join(h.Events, ", "), h.Secret))
}

// noSecretHereView refuses to show a secret in a channel.
func noSecretHereView(c *feature.Call, web string) intranet.Reply {
	reply := c.Reply(c.T("Een geheim hoort niet in een kanaal. Typ dit in een privébericht aan Werkplek, of doe het op het web.",
		"A secret does not belong in a channel. Type this in a direct message to Werkplek, or do it on the web."))
	if web != "" {
		reply.Context = []string{c.T("Op het web: %s", "On the web: %s", web)}
	}
	return reply
}
