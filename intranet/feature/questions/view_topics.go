package questions

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// The replies of /ask topic and /ask expert, in Dutch and English.

func noTopicsYet(c *feature.Call) intranet.Reply {
	return c.Reply(c.T("Er zijn nog geen onderwerpen; een beheerder maakt ze met `/ask topic add <naam>`.", "There are no topics yet; an admin creates them with `/ask topic add <name>`."))
}

func severalTopics(c *feature.Call, name string, match []*intranet.Topic) intranet.Reply {
	var names []string
	for _, t := range match {
		names = append(names, t.Name)
	}
	return c.Reply(c.T("%q past bij meer onderwerpen: %s. Typ de hele naam.", "%q matches several topics: %s. Type the whole name.", name, strings.Join(names, ", ")))
}

func unknownTopic(c *feature.Call, name string, names []string) intranet.Reply {
	return c.Reply(c.T("Ik ken geen onderwerp %q.%s", "I know no topic %q.%s", name, c.DidYouMean(name, names)))
}

func topicsView(c *feature.Call, infos []topicInfo) intranet.Reply {
	r := intranet.Reply{Lang: c.Lang, Title: c.T("Onderwerpen", "Topics")}
	for _, t := range infos {
		r.Sections = append(r.Sections, topicSection(c, t))
	}
	return r
}

func topicView(c *feature.Call, t topicInfo) intranet.Reply {
	return intranet.Reply{Lang: c.Lang, Title: t.Name, Sections: []intranet.Section{topicSection(c, t)}}
}

// topicSection describes a topic: owner, experts (named and by skill),
// channels and escalation time.
func topicSection(c *feature.Call, t topicInfo) intranet.Section {
	var experts []string
	for _, e := range t.Experts {
		experts = append(experts, e.Name)
	}
	for _, name := range t.BySkill {
		experts = append(experts, name+c.T(" (vaardigheid)", " (skill)"))
	}
	if t.More > 0 {
		experts = append(experts, c.T("en %s met die vaardigheid", "and %s with that skill", c.N(t.More, "andere", "anderen", "other", "others")))
	}
	var channels []string
	for _, ch := range t.Channels {
		channels = append(channels, fmt.Sprintf("%s:%s", ch.Platform, ch.ChannelID))
	}
	none := c.T("geen", "none")
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
	fields := []intranet.Field{
		{Label: c.T("Eigenaar", "Owner"), Value: owner},
		{Label: c.T("Deskundigen", "Experts"), Value: orNone(experts)},
		{Label: c.T("Kanalen", "Channels"), Value: orNone(channels)},
		{Label: c.T("Escalatie na", "Escalates after"), Value: c.N(t.EscalateHours, "werkuur", "werkuren", "working hour", "working hours")},
	}
	if t.Partners {
		fields = append(fields, intranet.Field{Label: c.T("Partners", "Partners"), Value: c.T("open voor partners", "open to partners")})
	}
	return intranet.Section{Title: t.Name, Fields: fields}
}

func onlyAdminAddsTopics(c *feature.Call) intranet.Reply {
	return c.Reply(c.T("Alleen een beheerder kan onderwerpen toevoegen.", "Only an admin can add topics."))
}

func topicExists(c *feature.Call, name string) intranet.Reply {
	return c.Reply(c.T("Er is al een onderwerp %q.", "There is a topic %q already.", name))
}

func topicCreated(c *feature.Call, t *intranet.Topic) intranet.Reply {
	q := feature.Quote(t.Name)
	return c.Reply(c.T("Onderwerp %s gemaakt; jij bent de eigenaar. Voeg deskundigen toe met `/ask expert add %s <persoon>` en koppel een kanaal door daar `/ask topic channel %s` te typen.",
		"Topic %s created; you own it. Add experts with `/ask expert add %s <person>` and link a channel by typing `/ask topic channel %s` there.", t.Name, q, q))
}

// onlyOwner refuses a change of a topic to someone who is neither an admin
// nor its owner.
func onlyOwner(c *feature.Call, t *intranet.Topic, what string) intranet.Reply {
	switch what {
	case "channel":
		return c.Reply(c.T("Alleen een beheerder of de eigenaar van %s (%s) kan er een kanaal aan koppelen.", "Only an admin or the owner of %s (%s) can link a channel to it.", t.Name, t.Owner))
	case "expert":
		return c.Reply(c.T("Alleen een beheerder of de eigenaar van %s (%s) kan deskundigen toevoegen of weghalen.", "Only an admin or the owner of %s (%s) can add or remove experts.", t.Name, t.Owner))
	}
	return c.Reply(c.T("Alleen een beheerder of de eigenaar van %s (%s) kan dat instellen.", "Only an admin or the owner of %s (%s) can set that.", t.Name, t.Owner))
}

func notInDM(c *feature.Call) intranet.Reply {
	return c.Reply(c.T("Typ dit in het kanaal dat je wilt koppelen, niet in een privébericht.", "Type this in the channel you want to link, not in a direct message."))
}

func channelLinked(c *feature.Call, t *intranet.Topic) intranet.Reply {
	return c.Reply(c.T("Vragen over %s komen voortaan in dit kanaal (op %s).", "Questions about %s are posted in this channel from now on (on %s).", t.Name, c.Req.Platform))
}

func setMissing(c *feature.Call) intranet.Reply {
	return c.Reply(c.T("Wat stel ik in? Geef `escalate:<werkuren>` of `partners:aan|uit`.", "What shall I set? Give `escalate:<working hours>` or `partners:on|off`.") + " " + c.Usage())
}

func escalateBad(c *feature.Call, typed string) intranet.Reply {
	return c.Reply(c.T("`escalate:%s` kan niet: geef een heel aantal werkuren van 0 tot en met %d.", "`escalate:%s` is not possible: give a whole number of working hours from 0 to %d.", typed, MaxEscalateHours) + " " + c.Usage())
}

func escalationSet(c *feature.Call, t *intranet.Topic, hours int) string {
	return c.T("Onbeantwoorde vragen over %s gaan na %s naar de volgende deskundigen en daarna naar de eigenaar.",
		"Unanswered questions about %s go to the next experts after %s, then to the owner.", t.Name, c.N(hours, "werkuur", "werkuren", "working hour", "working hours"))
}

func partnersSet(c *feature.Call, t *intranet.Topic, on bool) string {
	if on {
		return c.T("%s staat open voor partners: zij kunnen de deskundigen vragen stellen en zien alleen de antwoorden op vragen van hun eigen organisatie, nooit de rest van de kennisbank.",
			"%s is open to partners: they can ask its experts and see only the answers to their own organisation's questions, never the rest of the knowledge base.", t.Name)
	}
	return c.T("%s staat niet meer open voor partners; hun vragen die nog lopen, worden gewoon beantwoord.",
		"%s is no longer open to partners; their questions still waiting are answered as usual.", t.Name)
}

func noGuestExperts(c *feature.Call, p *intranet.Person) intranet.Reply {
	return c.Reply(c.T("%s kan geen deskundige zijn: een partner of gast ziet nooit de vragen van anderen.", "%s cannot be an expert: a partner or guest never sees others' questions.", p.Label()))
}

func expertSet(c *feature.Call, t *intranet.Topic, p *intranet.Person, add bool) intranet.Reply {
	if add {
		return c.Reply(c.T("%s is deskundige voor %s.", "%s is an expert for %s.", p.Name, t.Name))
	}
	return c.Reply(c.T("%s is geen deskundige meer voor %s.", "%s is no longer an expert for %s.", p.Name, t.Name))
}
