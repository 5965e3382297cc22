package router

import (
	"context"
	"strings"

	"github.com/werkplek/werkplek/intranet"
)

func (r *Router) werkplekCommands() []command {
	return []command{{
		Command: intranet.Command{Name: "werkplek",
			Hint: "help | language nl|en", HintNL: "help | taal nl|en",
			Summary: "Help, and your language for Werkplek's replies", SummaryNL: "Hulp, en de taal waarin Werkplek je antwoordt"},
		Guests: true, run: r.werkplek,
		help: func(c *call) intranet.Section {
			return intranet.Section{Title: "Werkplek", Text: c.tr(
				"- `/werkplek help`: deze hulp (ook `help` in een privébericht)\n"+
					"- `/werkplek language nl|en`: de taal waarin Werkplek je antwoordt",
				"- `/werkplek help`: this help (also `help` in a direct message)\n"+
					"- `/werkplek language nl|en`: the language Werkplek answers you in")}
		},
		dutch: []string{"`taal` = `language`", "`hulp` = `help`"},
	}}
}

// werkplek answers /werkplek: help and the language choice.
func (r *Router) werkplek(ctx context.Context, c *call) (intranet.Reply, error) {
	sub, rest, _ := strings.Cut(c.args, " ")
	switch strings.ToLower(sub) {
	case "", "help", "hulp":
		return r.help(c), nil
	case "language", "taal":
		return r.language(ctx, c, strings.ToLower(strings.TrimSpace(rest)))
	}
	return c.reply(c.tr("`/werkplek %s` ken ik niet. Gebruik `/werkplek help` of `/werkplek language nl|en`.",
		"I don't know `/werkplek %s`. Use `/werkplek help` or `/werkplek language nl|en`.", sub)), nil
}

func (r *Router) language(ctx context.Context, c *call, choice string) (intranet.Reply, error) {
	if c.person == nil || c.guest {
		return r.notForGuests(c), nil
	}
	switch choice {
	case "":
		return c.reply(c.tr("Werkplek antwoordt je in het Nederlands. Kies met `/werkplek language nl` of `/werkplek language en`.",
			"Werkplek answers you in English. Choose with `/werkplek language nl` or `/werkplek language en`.")), nil
	case "nl", "nederlands", "dutch":
		choice = "nl"
	case "en", "engels", "english":
		choice = "en"
	default:
		return c.reply(c.tr("Kies `nl` (Nederlands) of `en` (Engels), bijvoorbeeld `/werkplek language en`.",
			"Choose `nl` (Dutch) or `en` (English), e.g. `/werkplek language nl`.")), nil
	}
	if err := r.People.SetLanguage(ctx, c.person.ID, choice); err != nil {
		return intranet.Reply{}, err
	}
	c.lang = choice
	return c.reply(c.tr("Goed, Werkplek antwoordt je voortaan in het Nederlands.", "Done: Werkplek will answer you in English from now on.")), nil
}
