package router

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

func (r *Router) phonebookCommands() []command {
	return []command{{
		Command: intranet.Command{Name: "phonebook", Aliases: []string{"telefoon"},
			Hint: "<name, department, skill or phone> [dept:<department>] [skill:<skill>]", HintNL: "<naam, afdeling, vaardigheid of telefoon> [afd:<afdeling>] [vaardigheid:<vaardigheid>]",
			Summary: "Find a colleague's phone, role, department, manager and location", SummaryNL: "Zoek het telefoonnummer, de functie, afdeling, manager en plek van een collega"},
		run: r.phonebook,
		help: func(c *call) intranet.Section {
			return intranet.Section{Title: c.tr("Telefoonboek", "Phonebook"), Text: c.tr(
				"- `/phonebook <naam, afdeling, functie, plaats, vaardigheid of telefoon>`: zoek een collega; tikfouten en accenten mogen\n"+
					"- `/phonebook <zoekwoorden> dept:<afdeling> skill:<vaardigheid>`: alleen in die afdeling of met die vaardigheid (namen met spaties tussen aanhalingstekens)\n"+
					"- `/phonebook show <nummer>`: de kaart van één persoon",
				"- `/phonebook <name, department, title, place, skill or phone>`: find a colleague; typos and missing accents are fine\n"+
					"- `/phonebook <words> dept:<department> skill:<skill>`: only in that department or with that skill (names with spaces in quotes)\n"+
					"- `/phonebook show <number>`: one person's card")}
		},
		dutch: []string{"`/telefoon` = `/phonebook`", "`toon` = `show`", "`afd:` = `dept:`", "`vaardigheid:` = `skill:`"},
	}}
}

// phonebook answers /phonebook <query> and /phonebook show <id>.
func (r *Router) phonebook(ctx context.Context, c *call) (intranet.Reply, error) {
	sub, rest, _ := strings.Cut(c.args, " ")
	if s := strings.ToLower(sub); s == "show" || s == "toon" {
		id, err := strconv.ParseInt(strings.TrimSpace(rest), 10, 64)
		if err != nil || id <= 0 {
			return c.reply(c.tr("Gebruik `/phonebook show <nummer>`, bijvoorbeeld `/phonebook show 42`.", "Use `/phonebook show <number>`, e.g. `/phonebook show 42`.")), nil
		}
		p, err := r.People.FindPersonByID(ctx, id)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return c.reply(c.tr("Persoon %d staat niet (meer) in het telefoonboek.", "Person %d is not in the phonebook (any more).", id)), nil
		} else if err != nil {
			return intranet.Reply{}, err
		}
		return r.card(c, p), nil
	}
	if strings.TrimSpace(c.args) == "" {
		return c.reply(c.tr("Wie zoek je? Typ `/phonebook <naam, afdeling, vaardigheid of telefoonnummer>`, bijvoorbeeld `/phonebook jansen`, `/phonebook 06-12345678` of `/phonebook dept:zorg`.",
			"Who are you looking for? Type `/phonebook <name, department, skill or phone number>`, e.g. `/phonebook jansen`, `/phonebook 06-12345678` or `/phonebook dept:care`.")), nil
	}

	q := phonebook.ParseQuery(c.args)
	if q.Empty() {
		return c.reply(c.tr("Je zoekopdracht `%s` bevat geen letters of cijfers. Typ een naam, afdeling of telefoonnummer, bijvoorbeeld `/phonebook jansen`.",
			"Your search `%s` has no letters or digits. Type a name, department or phone number, e.g. `/phonebook jansen`.", c.args)), nil
	}
	// The store reads the free words itself and leaves the filters to us.
	search := intranet.PersonSearch{Query: c.args, Limit: 10}
	if q.Department != "" {
		all, err := r.People.Departments(ctx)
		if err != nil {
			return intranet.Reply{}, err
		}
		search.Departments = matchNames(q.Department, all)
		if len(search.Departments) == 0 {
			return c.reply(c.tr("Ik ken geen afdeling %q.%s", "I know no department %q.%s", q.Department, didYouMean(c, q.Department, all))), nil
		}
	}
	if q.Skill != "" {
		all, err := r.People.Skills(ctx)
		if err != nil {
			return intranet.Reply{}, err
		}
		search.Skills = matchNames(q.Skill, all)
		if len(search.Skills) == 0 {
			return c.reply(c.tr("Niemand heeft de vaardigheid %q.%s", "Nobody has the skill %q.%s", q.Skill, didYouMean(c, q.Skill, all))), nil
		}
	}
	res, err := r.People.SearchPeople(ctx, search)
	if err != nil {
		return intranet.Reply{}, err
	}
	switch len(res.Matches) {
	case 0:
		reply := c.reply(c.tr("Niemand gevonden voor `%s`.", "Nobody found for `%s`.", c.args))
		if len(res.Suggestions) > 0 {
			reply.Text += " " + c.tr("Bedoel je een van deze?", "Did you mean one of these?")
			for _, s := range res.Suggestions {
				reply.Buttons = append(reply.Buttons, intranet.Button{Label: s, Command: "/phonebook " + s})
			}
		} else {
			reply.Text += " " + c.tr("Probeer een deel van de naam, een afdeling of een telefoonnummer.", "Try part of the name, a department or a phone number.")
		}
		return reply, nil
	case 1:
		return r.card(c, res.Matches[0].Person), nil
	}
	return r.list(c, res), nil
}

// matchNames returns the names that a filter value means: those whose words
// all start with the value's words ("zorg" -> "Zorg Oost", "Zorg West"),
// else those that are close by trigrams (a typo).
func matchNames(value string, names []string) []string {
	want := phonebook.Words(value)
	var out []string
	for _, n := range names {
		words := phonebook.Words(n)
		all := len(want) > 0
		for _, w := range want {
			found := false
			for _, x := range words {
				found = found || strings.HasPrefix(x, w)
			}
			all = all && found
		}
		if all || phonebook.Key(n) == phonebook.Key(value) {
			out = append(out, n)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, n := range names {
		if phonebook.Similarity(phonebook.Key(value), phonebook.Key(n)) >= 0.4 {
			out = append(out, n)
		}
	}
	return out
}

func didYouMean(c *call, value string, names []string) string {
	keys := make([]string, len(names))
	byKey := map[string]string{}
	for i, n := range names {
		keys[i] = phonebook.Key(n)
		byKey[keys[i]] = n
	}
	near := phonebook.Suggest(phonebook.Key(value), keys, 3)
	if len(near) == 0 {
		if len(names) > 0 && len(names) <= 15 {
			return " " + c.tr("Er zijn: %s.", "There are: %s.", strings.Join(names, ", "))
		}
		return ""
	}
	var shown []string
	for _, k := range near {
		shown = append(shown, byKey[k])
	}
	return " " + c.tr("Bedoel je: %s?", "Did you mean: %s?", strings.Join(shown, ", "))
}

// card is one person's contact card.
func (r *Router) card(c *call, p *intranet.Person) intranet.Reply {
	reply := intranet.Reply{Lang: c.lang, Title: p.Name}
	var sub []string
	for _, s := range []string{p.Title, p.Department} {
		if s != "" {
			sub = append(sub, s)
		}
	}
	reply.Text = strings.Join(sub, ", ")
	var fields []intranet.Field
	add := func(nl, en, value string) {
		if value != "" {
			fields = append(fields, intranet.Field{Label: c.tr(nl, en), Value: value})
		}
	}
	add("Functie", "Title", p.Title)
	add("Afdeling", "Department", p.Department)
	add("Locatie", "Location", p.Location)
	add("Telefoon", "Phone", telLink(p.Phone))
	add("Mobiel", "Mobile", telLink(p.Mobile))
	add("E-mail", "Email", fmt.Sprintf("[%s](mailto:%s)", p.Email, p.Email))
	add("Manager", "Manager", p.Manager)
	add("Vaardigheden", "Skills", strings.Join(p.Skills, ", "))
	for _, a := range p.Accounts {
		if a.Platform == c.req.Platform && a.Installation == c.req.Installation {
			name := a.UserName
			if name == "" {
				name = p.Name
			}
			add("Chat", "Chat", fmt.Sprintf("<@%s|%s>", a.UserID, name))
			break
		}
	}
	reply.Sections = []intranet.Section{{Fields: fields}}
	if p.ManagerID != 0 {
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: c.tr("Manager tonen", "Show manager"), Command: fmt.Sprintf("/phonebook show %d", p.ManagerID)})
	}
	reply.ReplaceOriginal = c.req.Pressed() && c.req.Message != nil
	return reply
}

func telLink(number string) string {
	if uri := phonebook.TelURI(number); uri != "" {
		return fmt.Sprintf("[%s](%s)", number, uri)
	}
	return number
}

// list is a ranked list of people, each with a button that opens the card.
func (r *Router) list(c *call, res *intranet.SearchResult) intranet.Reply {
	reply := intranet.Reply{Lang: c.lang}
	if res.More {
		reply.Title = c.tr("De eerste %d gevonden mensen", "The first %d people found", len(res.Matches))
		reply.Context = []string{c.tr("Er zijn er meer: maak je zoekopdracht preciezer, bijvoorbeeld met een voornaam, `dept:<afdeling>` of `skill:<vaardigheid>`.",
			"There are more: narrow your search, e.g. with a first name, `dept:<department>` or `skill:<skill>`.")}
	} else {
		reply.Title = c.tr("%d mensen gevonden", "%d people found", len(res.Matches))
	}
	for _, m := range res.Matches {
		p := m.Person
		var about []string
		for _, s := range []string{p.Title, p.Department, p.Location} {
			if s != "" {
				about = append(about, s)
			}
		}
		text := "*" + p.Name + "*"
		if len(about) > 0 {
			text += " · " + strings.Join(about, ", ")
		}
		if p.Mobile != "" {
			text += " · " + telLink(p.Mobile)
		} else if p.Phone != "" {
			text += " · " + telLink(p.Phone)
		}
		reply.Sections = append(reply.Sections, intranet.Section{
			Text:    text,
			Buttons: []intranet.Button{{Label: c.tr("Kaart", "Card"), Command: fmt.Sprintf("/phonebook show %d", p.ID)}},
		})
	}
	return reply
}
