package home

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// scopes are the scopes a token may hold, as the API knows them.
var scopes = []string{intranet.ScopeHoursRead}

// api answers /werkplek api and its subcommands: admins list, add and
// revoke the REST API's tokens and add and remove its webhooks, as with
// `werkplek api token` and `werkplek webhook` on the server. A new secret
// is shown once, in the reply to the admin alone, and never in a channel.
func (u *Unit) api(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !c.Has(intranet.RoleAdmin) { // Has gives a guest account no admin role
		return c.Reply(c.T("Alleen beheerders beheren de tokens en webhooks van de API.", "Only admins manage the API's tokens and webhooks.")), nil
	}
	if u.cfg.Tokens == nil || u.cfg.Webhooks == nil {
		return c.Reply(c.T("Deze Werkplek heeft geen API.", "This Werkplek has no API.")), nil
	}
	switch {
	case c.Is("api token add"):
		return u.addToken(ctx, c)
	case c.Is("api token revoke"):
		return u.revokeToken(ctx, c)
	case c.Is("api webhook add"):
		return u.addWebhook(ctx, c)
	case c.Is("api webhook remove"):
		return u.removeWebhook(ctx, c)
	}
	return u.apiList(ctx, c, "")
}

// apiList shows the tokens and webhooks, after done (what was just done,
// "" for none); pressed on a message, it replaces that message.
func (u *Unit) apiList(ctx context.Context, c *feature.Call, done string) (intranet.Reply, error) {
	tokens, err := u.cfg.Tokens.APITokens(ctx)
	if err != nil {
		return intranet.Reply{}, fmt.Errorf("api tokens: %w", err)
	}
	hooks, err := u.cfg.Webhooks.Webhooks(ctx)
	if err != nil {
		return intranet.Reply{}, fmt.Errorf("webhooks: %w", err)
	}
	reply := apiView(c, tokens, hooks, u.cfg.Env.Location, u.cfg.PublicURL)
	if done != "" {
		reply.Text = strings.TrimSpace(done + "\n" + reply.Text)
	}
	reply.ReplaceOriginal = c.ReplacesOriginal()
	return reply, nil
}

// secretHere reports whether a secret may be shown where c was asked: in
// a direct message with Werkplek (the web's pages are one), never in a
// channel, where others read along or a bot keeps it.
func secretHere(c *feature.Call) bool { return c.Req.Channel.Direct }

func (u *Unit) addToken(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !secretHere(c) {
		return noSecretHereView(c, u.WebHome()), nil
	}
	name := strings.TrimSpace(c.Cmd.Text("name"))
	if len([]rune(name)) > 100 {
		return c.Reply(c.T("Een tokennaam heeft hoogstens 100 tekens.", "A token's name has at most 100 characters.")), nil
	}
	list := []string{intranet.ScopeHoursRead}
	if typed := c.Cmd.Text("scope"); typed != "" {
		list = nil
		for _, s := range strings.Split(typed, ",") {
			s = strings.ToLower(strings.TrimSpace(s))
			if s == "" || slices.Contains(list, s) {
				continue
			}
			if !slices.Contains(scopes, s) {
				return c.Reply(c.T("`%s` is geen scope; kies uit: %s.", "`%s` is not a scope; choose from: %s.", s, strings.Join(scopes, ", "))), nil
			}
			list = append(list, s)
		}
		if len(list) == 0 {
			return c.Reply(c.T("Geef een scope, bijvoorbeeld `scope:%s`.", "Give a scope, e.g. `scope:%s`.", intranet.ScopeHoursRead)), nil
		}
	}
	secret, hash := intranet.NewAPIToken()
	tok, err := u.cfg.Tokens.AddAPIToken(ctx, name, list, hash, u.cfg.Env.Now())
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT:
		return c.Reply(c.T("Er is al een werkend token met de naam %s. Trek het eerst in of kies een andere naam.",
			"A working token is named %s already. Revoke it first or choose another name.", feature.Quote(name))), nil
	case intranet.EINVALID:
		return c.Reply(intranet.ErrorMessage(err) + " " + c.Usage()), nil
	default:
		return intranet.Reply{}, fmt.Errorf("add api token %q: %w", name, err)
	}
	return tokenMadeView(c, tok, secret), nil
}

func (u *Unit) revokeToken(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	name := strings.TrimSpace(c.Cmd.Text("name"))
	tok, err := u.cfg.Tokens.RevokeAPIToken(ctx, name, u.cfg.Env.Now())
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ENOTFOUND:
		return c.Reply(c.T("Geen werkend token heet %s. Typ `/werkplek api` voor de tokens.", "No working token is named %s. Type `/werkplek api` for the tokens.", feature.Quote(name))), nil
	default:
		return intranet.Reply{}, fmt.Errorf("revoke api token %q: %w", name, err)
	}
	return u.apiList(ctx, c, c.T("Token %s is ingetrokken: de API weigert het vanaf nu.", "Token %s is revoked: the API refuses it from now on.", feature.Quote(tok.Name)))
}

func (u *Unit) addWebhook(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !secretHere(c) {
		return noSecretHereView(c, u.WebHome()), nil
	}
	raw := unwrapURL(c.Cmd.Text("url"))
	if p, err := url.Parse(raw); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || strings.ContainsAny(raw, " \t") || len(raw) > 2000 {
		return c.Reply(c.T("`%s` is geen webadres zoals `https://salaris.example.nl/hooks/werkplek`.", "`%s` is not a web address like `https://payroll.example.nl/hooks/werkplek`.", raw)), nil
	}
	list := intranet.Events
	if typed := c.Cmd.Text("events"); typed != "" {
		list = nil
		for _, e := range strings.Split(typed, ",") {
			e = strings.ToLower(strings.TrimSpace(e))
			if e == "" || slices.Contains(list, e) {
				continue
			}
			if !slices.Contains(intranet.Events, e) {
				return c.Reply(c.T("`%s` is geen gebeurtenis; kies uit: %s.", "`%s` is not an event; choose from: %s.", e, strings.Join(intranet.Events, ", "))), nil
			}
			list = append(list, e)
		}
		if len(list) == 0 {
			return c.Reply(c.T("Geef de gebeurtenissen, bijvoorbeeld `events:%s`.", "Give the events, e.g. `events:%s`.", intranet.EventTimesheetApproved)), nil
		}
	}
	hook, err := u.cfg.Webhooks.AddWebhook(ctx, raw, list, intranet.NewWebhookSecret(), u.cfg.Env.Now())
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT:
		return c.Reply(c.T("%s heeft al een webhook. Verwijder die eerst als je hem opnieuw wilt maken.", "%s has a webhook already. Remove it first to make it again.", raw)), nil
	case intranet.EINVALID:
		return c.Reply(intranet.ErrorMessage(err) + " " + c.Usage()), nil
	default:
		return intranet.Reply{}, fmt.Errorf("add webhook %s: %w", raw, err)
	}
	return webhookAddedView(c, hook), nil
}

func (u *Unit) removeWebhook(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	which := unwrapURL(c.Cmd.Text("webhook"))
	address := which
	if id, err := strconv.ParseInt(strings.TrimPrefix(which, "#"), 10, 64); err == nil {
		hook, err := u.cfg.Webhooks.FindWebhookByID(ctx, id)
		switch intranet.ErrorCode(err) {
		case "":
			address = hook.URL
		case intranet.ENOTFOUND:
			return c.Reply(c.T("Er is geen webhook %d. Typ `/werkplek api` voor de webhooks.", "There is no webhook %d. Type `/werkplek api` for the webhooks.", id)), nil
		default:
			return intranet.Reply{}, fmt.Errorf("find webhook %d: %w", id, err)
		}
	}
	hook, err := u.cfg.Webhooks.RemoveWebhook(ctx, address)
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ENOTFOUND:
		return c.Reply(c.T("Geen webhook heeft het adres %s. Typ `/werkplek api` voor de webhooks.", "No webhook has the address %s. Type `/werkplek api` for the webhooks.", address)), nil
	default:
		return intranet.Reply{}, fmt.Errorf("remove webhook %s: %w", address, err)
	}
	return u.apiList(ctx, c, c.T("Webhook %s is verwijderd: er gaat niets meer naartoe.", "Webhook %s is removed: nothing more is posted to it.", hook.URL))
}

// unwrapURL takes an address out of angle brackets (<https://…>), as
// mail and some chats write a link.
func unwrapURL(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}
