package phonebook

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	pb "github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/when"
)

// whoUsage answers /phonebook without anything to look for.
func whoUsage(c *feature.Call) string {
	return c.T("Wie zoek je? Typ `/phonebook <naam, afdeling, vaardigheid of telefoonnummer>`, bijvoorbeeld `/phonebook jansen`, `/phonebook 06-12345678` of `/phonebook dept:zorg`.",
		"Who are you looking for? Type `/phonebook <name, department, skill or phone number>`, e.g. `/phonebook jansen`, `/phonebook 06-12345678` or `/phonebook dept:zorg`.")
}

// notFound answers /phonebook show with a number of nobody the caller may
// see.
func notFound(c *feature.Call, id int64) string {
	return c.T("Persoon %d staat niet (meer) in het telefoonboek.", "Person %d is not in the phonebook (any more).", id)
}

// nobody answers a search without matches, with the phonebook's near
// words as buttons.
func nobody(c *feature.Call, res *intranet.SearchResult) intranet.Reply {
	typed := strings.TrimSpace(c.Cmd.Text("query") + " " + optionText(c))
	reply := c.Reply(c.T("Niemand gevonden voor `%s`.", "Nobody found for `%s`.", typed))
	if len(res.Suggestions) == 0 {
		reply.Text += " " + c.T("Probeer een deel van de naam, een afdeling of een telefoonnummer.", "Try part of the name, a department or a phone number.")
		return reply
	}
	reply.Text += " " + c.T("Bedoel je een van deze?", "Did you mean one of these?")
	for _, s := range res.Suggestions {
		// The button keeps the filters that were typed.
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: s, Command: c.Cmd.SetText("query", s).String()})
	}
	return reply
}

func optionText(c *feature.Call) string {
	var s []string
	if d := c.Cmd.Text("dept"); d != "" {
		s = append(s, "dept:"+feature.Quote(d))
	}
	if k := c.Cmd.Text("skill"); k != "" {
		s = append(s, "skill:"+feature.Quote(k))
	}
	return strings.Join(s, " ")
}

// card is one person's contact card, with whether they are away on today.
func card(c *feature.Call, p *intranet.Person, today string) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: p.Label()}
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
			fields = append(fields, intranet.Field{Label: c.T(nl, en), Value: value})
		}
	}
	if p.AwayOn(today) {
		add("Afwezig", "Away", Away(c.Lang, p, today))
	}
	add("Organisatie", "Organisation", p.Organisation)
	add("Functie", "Title", p.Title)
	add("Afdeling", "Department", p.Department)
	add("Locatie", "Location", p.Location)
	add("Telefoon", "Phone", telLink(p.Phone))
	add("Mobiel", "Mobile", telLink(p.Mobile))
	if p.Email != "" { // a partner's view may hold none
		add("E-mail", "Email", fmt.Sprintf("[%s](mailto:%s)", p.Email, p.Email))
	}
	add("Manager", "Manager", p.Manager)
	add("Vaardigheden", "Skills", strings.Join(p.Skills, ", "))
	add("Chat", "Chat", chat(c, p))
	reply.Sections = []intranet.Section{{Fields: fields}}
	if p.ManagerID != 0 {
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: c.T("Manager tonen", "Show manager"), Command: fmt.Sprintf("/phonebook show %d", p.ManagerID)})
	}
	reply.ReplaceOriginal = c.ReplacesOriginal()
	return reply
}

// chat is the card's Chat field: a mention when the person has an
// account where the caller is, and a link per platform that opens a chat
// with them. Mattermost has no link: a direct message's address is
// <server>/<team>/messages/@<name>, and an account knows neither the
// server's address (its installation is a name, by default the host,
// without scheme or path) nor a team. The console and the web are no
// chats.
func chat(c *feature.Call, p *intranet.Person) string {
	var parts []string
	for _, a := range p.Accounts {
		if a.Platform == c.Req.Platform && a.Installation == c.Req.Installation && a.Platform != intranet.PlatformWeb {
			name := a.UserName
			if name == "" {
				name = p.Name
			}
			parts = append(parts, fmt.Sprintf("<@%s|%s>", a.UserID, name))
			break
		}
	}
	seen := map[string]bool{}
	var links []string
	for _, a := range p.Accounts {
		var link string
		switch a.Platform {
		case intranet.PlatformSlack:
			q := url.Values{"channel": {a.UserID}}
			// Slack's workspace ids start with T; an Enterprise Grid
			// installation (E…) is no workspace, and Slack picks one.
			if strings.HasPrefix(a.Installation, "T") {
				q.Set("team", a.Installation)
			}
			link = "[Slack](https://slack.com/app_redirect?" + q.Encode() + ")"
		case intranet.PlatformTeams:
			if p.Email != "" {
				link = "[Teams](https://teams.microsoft.com/l/chat/0/0?" + url.Values{"users": {p.Email}}.Encode() + ")"
			}
		}
		if link != "" && !seen[link] {
			seen[link] = true
			links = append(links, link)
		}
	}
	sort.Strings(links)
	return strings.Join(append(parts, links...), " · ")
}

func telLink(number string) string {
	if uri := pb.TelURI(number); uri != "" {
		return fmt.Sprintf("[%s](%s)", number, uri)
	}
	return number
}

// list is a ranked list of people, each with a button that opens the card.
func list(c *feature.Call, res *intranet.SearchResult, today string) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang}
	if res.More {
		reply.Title = c.T("De eerste %d gevonden mensen", "The first %d people found", len(res.Matches))
		reply.Context = []string{c.T("Er zijn er meer: maak je zoekopdracht preciezer, bijvoorbeeld met een voornaam, `dept:<afdeling>` of `skill:<vaardigheid>`.",
			"There are more: narrow your search, e.g. with a first name, `dept:<department>` or `skill:<skill>`.")}
	} else {
		reply.Title = c.N(len(res.Matches), "persoon gevonden", "mensen gevonden", "person found", "people found")
	}
	for _, m := range res.Matches {
		p := m.Person
		var about []string
		for _, s := range []string{p.Title, p.Department, p.Location} {
			if s != "" {
				about = append(about, s)
			}
		}
		text := "*" + p.Label() + "*"
		if len(about) > 0 {
			text += " · " + strings.Join(about, ", ")
		}
		if p.Mobile != "" {
			text += " · " + telLink(p.Mobile)
		} else if p.Phone != "" {
			text += " · " + telLink(p.Phone)
		}
		if p.AwayOn(today) {
			text += " · _" + c.T("afwezig", "away") + " " + Away(c.Lang, p, today) + "_"
		}
		reply.Sections = append(reply.Sections, intranet.Section{
			Text:    text,
			Buttons: []intranet.Button{{Label: c.T("Kaart", "Card"), Command: fmt.Sprintf("/phonebook show %d", p.ID)}},
		})
	}
	return reply
}

// Away says until when a person is away, with their note: "t/m 24 dec —
// met verlof" ("through Dec 24 — on leave"); the year only when it is not
// today's.
func Away(lang string, p *intranet.Person, today string) string {
	d, err := time.Parse(time.DateOnly, p.AwayUntil)
	if err != nil {
		return p.AwayUntil
	}
	day := when.Date{Year: d.Year(), Month: d.Month(), Day: d.Day()}
	text := day.Short(lang)
	if !strings.HasPrefix(today, p.AwayUntil[:4]) {
		text += " " + p.AwayUntil[:4]
	}
	text = feature.T(lang, "t/m %s", "through %s", text)
	if p.AwayNote != "" {
		text += " — " + p.AwayNote
	}
	return text
}
