package router

import (
	"fmt"
	"sort"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// tr picks the Dutch or English text for the caller and formats it. Both
// languages sit side by side at every call, so that no reply exists in one
// language only.
func (c *call) tr(nl, en string, args ...any) string {
	format := en
	if c.lang == "nl" {
		format = nl
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// help lists every command with its syntax and the Dutch words it accepts.
func (r *Router) help(c *call) intranet.Reply {
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("Werkplek: alle commando's", "Werkplek: all commands")}
	reply.Text = c.tr("Typ een commando hieronder, als slash-commando of in een privébericht aan Werkplek (zonder /). Woorden tussen <> vul je zelf in.",
		"Type a command below, as a slash command or in a direct message to Werkplek (without the /). Fill in the words between <> yourself.")
	var dutch []string
	for _, cmd := range r.commands {
		if cmd.help != nil { // nil: another command's section tells
			reply.Sections = append(reply.Sections, cmd.help(c))
		}
		dutch = append(dutch, cmd.dutch...)
	}
	reply.Sections = append(reply.Sections, intranet.Section{Title: c.tr("Nederlandse woorden", "Dutch words"), Text: c.tr(
		"Elk Engels woord heeft een Nederlands alternatief: %s.", "Every English keyword has a Dutch alias: %s.", strings.Join(dutch, ", "))})
	if c.person == nil || c.guest {
		reply.Context = []string{c.notForGuestsText()}
	}
	return reply
}

// unknown answers a command we do not know, with the closest ones we do.
func (r *Router) unknown(c *call) intranet.Reply {
	var names []string
	for n := range r.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	near := phonebook.Suggest(phonebook.Key(c.name), names, 2)
	text := c.tr("Dat commando ken ik niet: `%s`.", "I don't know that command: `%s`.", strings.TrimSpace(c.name))
	if len(near) > 0 {
		text += " " + c.tr("Bedoel je `/%s`?", "Did you mean `/%s`?", strings.Join(near, c.tr("` of `/", "` or `/")))
	}
	text += " " + c.tr("Typ `/werkplek help` voor alle commando's.", "Type `/werkplek help` for every command.")
	return c.reply(text)
}

// notForGuests answers someone who may only use help.
func (r *Router) notForGuests(c *call) intranet.Reply {
	return c.reply(c.notForGuestsText())
}

func (c *call) notForGuestsText() string {
	if c.person == nil {
		return c.tr("Welkom! Je account is nog niet gekoppeld aan iemand in het telefoonboek van Werkplek (we vonden je e-mailadres daar niet), dus je kunt nu alleen `/werkplek help` gebruiken. Vraag de beheerder van Werkplek om je toe te voegen.",
			"Welcome! Your account is not linked to anyone in Werkplek's phonebook yet (we did not find your email address there), so for now you can only use `/werkplek help`. Ask your Werkplek admin to add you.")
	}
	return c.tr("Je bent gast in Werkplek: je kunt `/werkplek help` gebruiken en wat met gasten gedeeld is.",
		"You are a guest in Werkplek: you can use `/werkplek help` and what is shared with guests.")
}
