// Package demo makes up the fictional organisation "Zorggroep Werkplek" that
// `werkplek demo` seeds: a few hundred people with Dutch names (surname
// prefixes, accents), phone numbers, managers and skills, over a dozen
// departments. It is deterministic, so the README and tests can name people.
package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// User is the demo user the console opens as.
const User = "jan.devries@example.nl"

// TeamChannel is the console channel where team Zorg Oost's handover cards
// are posted in the demo.
const TeamChannel = "zorg-oost"

var givenNames = []string{
	"Anna", "Bram", "Daan", "Emma", "Eva", "Femke", "Floor", "Gijs", "Henk", "Ingrid", "Iris", "Jasper",
	"Jeroen", "Joost", "Julia", "Kees", "Koen", "Lars", "Lieke", "Lotte", "Maarten", "Marieke", "Milan",
	"Mirjam", "Niels", "Noor", "Pieter", "Roos", "Ruben", "Sanne", "Sem", "Sophie", "Tess", "Thijs",
	"Willemijn", "Wouter", "Esther", "Annelies", "Hüseyin", "Fatima", "Youssef", "Bjørn", "Zoë", "Chloë",
	"Sietske", "Wietske", "Anouk", "Renée", "Joëlle", "Stijn",
}

// surnames is skewed like real Dutch surnames: the first ones are common.
var surnames = []string{
	"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
	"Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
	"Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs",
	"de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "van Beek",
	"Müller", "Öztürk", "El Amrani", "van 't Hof", "ter Horst", "Bosman", "Willems", "Kuipers", "Hoekstra",
	"Koster", "Prins", "Huisman", "Postma", "Çelik", "Nijland",
}

type department struct {
	name     string
	location string
	size     int
	titles   []string
	skills   []string
	roles    []intranet.Role // roles of everyone but the lead
}

var departments = []department{
	{"Zorg Oost", "Utrecht", 34, []string{"Wijkverpleegkundige", "Verzorgende IG", "Helpende"}, []string{"Wondzorg", "Medicatie", "Dementie", "Palliatieve zorg", "Tilliften"}, nil},
	{"Zorg West", "Woerden", 30, []string{"Wijkverpleegkundige", "Verzorgende IG", "Helpende"}, []string{"Wondzorg", "Medicatie", "Diabetes", "Tilliften"}, nil},
	{"Zorg Noord", "Amersfoort", 28, []string{"Wijkverpleegkundige", "Verzorgende IG"}, []string{"Wondzorg", "Dementie", "Palliatieve zorg"}, nil},
	{"Thuiszorg Houten", "Houten", 24, []string{"Verzorgende", "Huishoudelijk medewerker"}, []string{"Huishouding", "Dementie", "Rijbewijs B"}, nil},
	{"Winkel Centrum", "Utrecht", 20, []string{"Verkoper", "Filiaalmedewerker"}, []string{"Kassa", "Hulpmiddelen", "Duits"}, nil},
	{"Buitendienst", "Zeist", 22, []string{"Accountmanager", "Servicemonteur"}, []string{"Rijbewijs B", "Hulpmiddelen", "Tilliften", "Engels"}, nil},
	{"Planning", "Utrecht", 12, []string{"Planner", "Roosteraar"}, []string{"Planning", "Excel"}, nil},
	{"ICT", "Utrecht", 12, []string{"Ontwikkelaar", "Systeembeheerder", "Servicedesk"}, []string{"Go", "PostgreSQL", "Linux", "Excel"}, nil},
	{"HR", "Utrecht", 8, []string{"HR-adviseur", "Salarisadministrateur"}, []string{"Arbeidsrecht", "Verzuim", "Turks"}, nil},
	{"Communicatie", "Utrecht", 8, []string{"Communicatieadviseur", "Redacteur"}, []string{"Schrijven", "Fotografie", "Engels"}, []intranet.Role{intranet.RoleContentManager}},
	{"Facilitair", "Utrecht", 10, []string{"Facilitair medewerker", "Receptionist"}, []string{"BHV", "Inkoop"}, []intranet.Role{intranet.RoleRoomAdmin}},
	{"Financiën", "Utrecht", 8, []string{"Controller", "Boekhouder"}, []string{"Excel", "Arabisch"}, nil},
}

// fixed people are the ones the README, the fixtures and the tests name.
var fixed = []intranet.PersonRecord{
	{Name: "Anouk van den Berg", Email: "anouk.vandenberg@example.nl", Phone: "030-2001000", Mobile: "06-10000001", Department: "Zorg Oost", Title: "Teamleider", Location: "Utrecht", Skills: []string{"Wondzorg", "Planning"}, Roles: []intranet.Role{intranet.RoleTeamLead}},
	{Name: "Jan de Vries", Email: User, Phone: "030-2001001", Mobile: "06-12345678", Department: "Zorg Oost", Title: "Wijkverpleegkundige", Location: "Utrecht", ManagerEmail: "anouk.vandenberg@example.nl", Skills: []string{"Wondzorg", "EHBO", "Palliatieve zorg"}, Roles: []intranet.Role{intranet.RoleEmployee, intranet.RoleAdmin}},
	{Name: "Anna Bakker", Email: "anna.bakker@example.nl", Mobile: "06-10000003", Department: "Zorg Oost", Title: "Verzorgende IG", Location: "Utrecht", ManagerEmail: "anouk.vandenberg@example.nl", Skills: []string{"Medicatie", "Tilliften"}},
	{Name: "Pieter Jansen", Email: "pieter.jansen@example.nl", Phone: "030-2001004", Mobile: "06-10000004", Department: "Zorg Oost", Title: "Wijkverpleegkundige", Location: "Utrecht", ManagerEmail: "anouk.vandenberg@example.nl", Skills: []string{"Wondzorg", "Diabetes"}},
	{Name: "Eva de Boer", Email: "eva.deboer@example.nl", Mobile: "06-10000005", Department: "Planning", Title: "Planner", Location: "Utrecht", Skills: []string{"Planning", "Excel"}},
	{Name: "Sanne Müller", Email: "sanne.muller@example.nl", Mobile: "06-10000006", Department: "ICT", Title: "Ontwikkelaar", Location: "Utrecht", Skills: []string{"Go", "PostgreSQL"}},
	{Name: "Bjørn Hansen", Email: "bjorn.hansen@example.nl", Mobile: "06-10000007", Department: "Buitendienst", Title: "Servicemonteur", Location: "Zeist", Skills: []string{"Tilliften", "Rijbewijs B", "Duits"}},
}

// Examples are a few demo people to open a console as, from different
// departments, each written as "email (title, department)", for whoever
// gave an email the demo lacks.
func Examples() []string {
	var out []string
	for _, p := range []intranet.PersonRecord{fixed[0], fixed[1], fixed[4], fixed[5]} {
		out = append(out, fmt.Sprintf("%s (%s, %s)", p.Email, p.Title, p.Department))
	}
	return out
}

// The demo's partner organisation: a supplier of care aids, whose people
// have addresses at its email domain, with Anouk van den Berg (team lead
// of Zorg Oost) as its contact.
const (
	PartnerName    = "Hulpmiddelen Partner"
	PartnerDomain  = "partner.example"
	PartnerContact = "anouk.vandenberg@example.nl"
	// PartnerPerson is the partner organisation's one person in the demo.
	PartnerPerson = "gijs@partner.example"
)

// People returns the demo organisation (225 people), as a file with the
// organisation column: one of them is a partner.
func People() []intranet.PersonRecord {
	rng := rand.New(rand.NewPCG(2026, 11))
	var out []intranet.PersonRecord
	used := map[string]bool{}
	names := map[string]bool{}
	for _, p := range fixed {
		used[p.Email] = true
		names[p.Name] = true
		out = append(out, p)
	}
	leads := map[string]string{"Zorg Oost": "anouk.vandenberg@example.nl"}
	director := intranet.PersonRecord{Name: "Marieke ter Horst", Email: "marieke.terhorst@example.nl", Phone: "030-2000000", Mobile: "06-10000000",
		Department: "Directie", Title: "Directeur-bestuurder", Location: "Utrecht", Roles: []intranet.Role{intranet.RoleAdmin, intranet.RoleContentManager}}
	used[director.Email] = true
	out = append(out, director)
	for i := range out {
		if out[i].ManagerEmail == "" && out[i].Email != director.Email && out[i].Department != "Zorg Oost" {
			out[i].ManagerEmail = director.Email
		}
	}
	out[0].ManagerEmail = director.Email // Anouk reports to the director

	n := 100
	for _, d := range departments {
		for i := 0; i < d.size; i++ {
			n++
			var given, surname, name string
			for name == "" || names[name] {
				given = givenNames[rng.IntN(len(givenNames))]
				// Square the draw: the first surnames are much more common.
				f := rng.Float64()
				surname = surnames[int(f*f*float64(len(surnames)))]
				name = given + " " + surname
			}
			names[name] = true
			email := emailFor(given, surname, used)
			p := intranet.PersonRecord{
				Name: name, Email: email, Department: d.name, Location: d.location,
				Title:  d.titles[rng.IntN(len(d.titles))],
				Mobile: fmt.Sprintf("06-%08d", 20000000+n*7919%70000000),
				Skills: pick(rng, d.skills, 1+rng.IntN(2)),
			}
			if rng.IntN(3) == 0 {
				p.Phone = fmt.Sprintf("030-%07d", 2100000+n)
			}
			lead, hasLead := leads[d.name]
			switch {
			case !hasLead:
				leads[d.name] = email
				p.Title = "Teamleider"
				p.Roles = []intranet.Role{intranet.RoleTeamLead}
				if d.name == "ICT" {
					p.Roles = append(p.Roles, intranet.RoleAdmin)
				}
				p.ManagerEmail = director.Email
			default:
				p.ManagerEmail = lead
				p.Roles = d.roles
			}
			out = append(out, p)
		}
	}
	// A partner from outside, who may only use what partners may.
	out = append(out, intranet.PersonRecord{Name: "Gijs Gastvrij", Email: PartnerPerson, Title: "Adviseur hulpmiddelen", Location: "Zeist", Organisation: PartnerName})
	for i := range out {
		out[i].Line = i + 2
		out[i].OrganisationColumn = true
	}
	return out
}

func emailFor(given, surname string, used map[string]bool) string {
	base := phonebook.Key(given) + "." + phonebook.Key(surname)
	email := base + "@example.nl"
	for i := 2; used[email]; i++ {
		email = fmt.Sprintf("%s%d@example.nl", base, i)
	}
	used[email] = true
	return email
}

func pick(rng *rand.Rand, from []string, n int) []string {
	idx := rng.Perm(len(from))
	var out []string
	for i := 0; i < n && i < len(idx); i++ {
		out = append(out, from[idx[i]])
	}
	return out
}

// Departments returns the number of departments the demo has.
func Departments() int {
	seen := map[string]bool{}
	for _, p := range People() {
		if p.Department != "" {
			seen[p.Department] = true
		}
	}
	return len(seen)
}

// CSV writes the demo organisation in the people CSV format, for trying
// `werkplek import`.
func CSV() string {
	var b strings.Builder
	b.WriteString(strings.Join(phonebook.CSVColumns, ",") + "\n")
	for _, p := range People() {
		roles := make([]string, len(p.Roles))
		for i, r := range p.Roles {
			roles[i] = string(r)
		}
		fields := []string{p.Name, p.Email, p.Phone, p.Mobile, p.Department, p.Title, p.Location, p.ManagerEmail, strings.Join(p.Skills, ";"), strings.Join(roles, ";"), p.EmployeeNumber, p.Organisation}
		for i, f := range fields {
			if strings.ContainsAny(f, ",\"") {
				fields[i] = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
			}
		}
		b.WriteString(strings.Join(fields, ",") + "\n")
	}
	return b.String()
}

// Rooms returns the demo organisation's meeting rooms.
func Rooms() []intranet.RoomRecord {
	h := func(hour int) int { return hour * 60 }
	visitors := true
	rooms := []intranet.RoomRecord{
		{Name: "De Dom", Location: "Utrecht, 3e verdieping", Capacity: 12, Facilities: []string{"screen", "video", "whiteboard"}, Opens: h(7), Closes: h(19)},
		{Name: "Oudegracht", Location: "Utrecht, 2e verdieping", Capacity: 6, Facilities: []string{"screen", "whiteboard"}, Opens: h(7), Closes: h(19)},
		{Name: "Stilte", Location: "Utrecht, 2e verdieping", Capacity: 2, Opens: h(7), Closes: h(19)},
		{Name: "Zorgkamer Oost", Location: "Utrecht, begane grond", Capacity: 8, Facilities: []string{"screen"}, Opens: h(6), Closes: h(23)},
		{Name: "Amersfoort Kei", Location: "Amersfoort", Capacity: 10, Facilities: []string{"video", "whiteboard"}, Opens: h(8), Closes: h(18)},
		{Name: "Zeist Slot", Location: "Zeist", Capacity: 4, Facilities: []string{"screen"}, Opens: h(8), Closes: h(17)},
		// The visitor room: partners may book it, with their contact as host.
		{Name: "Ontvangstkamer", Location: "Utrecht, begane grond", Capacity: 6, Facilities: []string{"screen"}, Opens: h(8), Closes: h(18), Partners: &visitors},
	}
	for i := range rooms {
		rooms[i].Line = i + 2
	}
	return rooms
}
