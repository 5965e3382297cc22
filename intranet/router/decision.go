package router

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// MaxButtonCommand is the longest command a button carries itself; a
// longer one (a series with many dates left out) is kept as a decision for
// the person, and the button runs "/room confirm <n>".
const MaxButtonCommand = 200

// DecisionLifetime is how long such a button works.
const DecisionLifetime = 24 * time.Hour

// keepLongButtons stores the commands of the reply's long buttons as
// decisions for the caller and points the buttons at them.
func (r *Router) keepLongButtons(ctx context.Context, c *feature.Call, reply intranet.Reply) (intranet.Reply, error) {
	fix := func(buttons []intranet.Button) ([]intranet.Button, error) {
		var out []intranet.Button
		for _, b := range buttons {
			if utf8.RuneCountInString(b.Command) > MaxButtonCommand && c.Person != nil && r.cfg.Decisions != nil {
				id, err := r.cfg.Decisions.SaveDecision(ctx, c.Person.ID, b.Command, r.cfg.Now().Add(DecisionLifetime))
				if err != nil {
					return nil, err
				}
				b.Command = fmt.Sprintf("/%s confirm %d", r.confirmer(b.Command), id)
			}
			out = append(out, b)
		}
		return out, nil
	}
	var err error
	if reply.Buttons, err = fix(reply.Buttons); err != nil {
		return intranet.Reply{}, err
	}
	for i := range reply.Sections {
		if reply.Sections[i].Buttons, err = fix(reply.Sections[i].Buttons); err != nil {
			return intranet.Reply{}, err
		}
	}
	return reply, nil
}

// confirmer is the command whose "confirm" runs a decision of command: its
// own when it declares one (/room confirm), else /werkplek confirm.
func (r *Router) confirmer(command string) string {
	word, _, _ := strings.Cut(strings.TrimPrefix(command, "/"), " ")
	if cmd := r.grammar.Find(word); cmd != nil {
		for _, s := range cmd.Subs {
			if s.Confirm {
				return cmd.Word.EN
			}
		}
	}
	return "werkplek"
}

// confirm runs a stored decision: only for the person it was made for,
// until it expires, and as that person now (authorised again).
func (r *Router) confirm(ctx context.Context, c *feature.Call, depth int) (intranet.Reply, error) {
	id := c.Cmd.Number("id")
	if r.cfg.Decisions == nil || depth > 0 {
		return c.Reply(c.T("Die keuze ken ik niet.", "I don't know that choice.")), nil
	}
	d, err := r.cfg.Decisions.FindDecisionByID(ctx, id)
	switch {
	case intranet.ErrorCode(err) == intranet.ENOTFOUND:
		return c.Reply(c.T("Keuze %d ken ik niet (meer); typ het commando opnieuw.", "I don't know choice %d (any more); type the command again.", id)), nil
	case err != nil:
		return intranet.Reply{}, err
	case c.Person == nil || d.PersonID != c.Person.ID:
		// Someone not in the phonebook may type /werkplek confirm (a
		// command open to guests) with another's number.
		return c.Reply(c.T("Keuze %d was voor iemand anders.", "Choice %d was someone else's.", id)), nil
	case r.cfg.Now().After(d.Expires):
		return c.Reply(c.T("Keuze %d is verlopen; typ het commando opnieuw.", "Choice %d has expired; type the command again.", id)), nil
	}
	again := *c
	again.Cmd = nil
	again.Req.Action = &intranet.Action{Command: d.Command}
	return r.dispatch(ctx, &again, depth+1)
}
