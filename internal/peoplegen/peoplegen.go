// Package peoplegen makes phonebooks of any size for benchmarks and the load
// harness: Dutch names with their prefixes ("van den Berg") and accents
// ("Zoë", "Çelik"), surnames skewed the way real ones are (thousands of
// Jansens in 100 000), twenty departments, phone numbers written in the
// mixed notations people type, and one in a hundred people a partner.
// The same n gives the same people every time.
package peoplegen

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"github.com/werkplek/werkplek/intranet"
)

// Surnames are common Dutch surnames, most common first; Generate draws
// them with Zipf-like weights.
var Surnames = []string{
	"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
	"de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
	"de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
	"van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet",
	"van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman",
	"Yılmaz", "Çelik", "Öztürk", "El Amrani", "Hoogenboom", "ter Horst", "in 't Veld", "van 't Hof", "Lefèvre", "Müller",
}

// GivenNames are the first names Generate draws from, evenly.
var GivenNames = []string{
	"Anna", "Bram", "Daan", "Emma", "Eva", "Femke", "Floor", "Gijs", "Henk", "Ingrid", "Iris", "Jasper", "Jeroen", "Joost",
	"Julia", "Kees", "Koen", "Lars", "Lieke", "Lotte", "Maarten", "Marieke", "Milan", "Mirjam", "Niels", "Noor", "Pieter",
	"Roos", "Ruben", "Sanne", "Sem", "Sophie", "Tess", "Thijs", "Willemijn", "Wouter", "Esther", "Annelies", "Hüseyin",
	"Fatima", "Youssef", "Bjørn", "Zoë", "Chloë", "Sietske", "Anouk", "Renée", "Stijn", "Jan", "Mohammed",
}

// Departments are the twenty departments people are spread over evenly.
var Departments = []string{"Zorg Oost", "Zorg West", "Zorg Noord", "Zorg Zuid", "Thuiszorg", "Planning", "ICT", "HR", "Financiën", "Communicatie",
	"Facilitair", "Inkoop", "Winkel Centrum", "Winkel Noord", "Buitendienst", "Kwaliteit", "Juridisch", "Directie", "Logistiek", "Klantenservice"}

// Generate makes n people. Person i has the email pNNNNNNN@example.nl, the
// work number 030 and i in seven digits, the mobile 06 and 10000000+37·i,
// each written in one of four notations; every hundredth person belongs to
// one of five partner organisations ("Partner 0" … "Partner 4").
func Generate(n int) []intranet.PersonRecord {
	rng := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(Surnames)-1))
	out := make([]intranet.PersonRecord, n)
	for i := range out {
		given := GivenNames[rng.IntN(len(GivenNames))]
		surname := Surnames[zipf.Uint64()]
		out[i] = intranet.PersonRecord{
			Line: i + 2, Name: given + " " + surname, Email: Email(i),
			Phone:      notation("030", fmt.Sprintf("%07d", i), i),
			Mobile:     notation("06", fmt.Sprintf("%08d", 10000000+i*37), i/4),
			Department: "Afdeling " + Departments[i%len(Departments)],
			Title:      []string{"Verpleegkundige", "Verzorgende", "Planner", "Adviseur", "Medewerker"}[rng.IntN(5)],
			Location:   []string{"Utrecht", "Amersfoort", "Zeist", "Houten", "Woerden"}[rng.IntN(5)],
			Skills:     []string{[]string{"Wondzorg", "EHBO", "BHV", "Excel", "Go", "Medicatie", "Dementie", "Rijbewijs B"}[rng.IntN(8)]},
			// The file has the organisation column, as the CSV of WriteCSV.
			OrganisationColumn: true,
		}
		if i%100 == 99 {
			out[i].Organisation = fmt.Sprintf("Partner %d", i%5)
		}
	}
	return out
}

// Email is person i's address.
func Email(i int) string { return fmt.Sprintf("p%07d@example.nl", i) }

// notation writes a Dutch number (area code and subscriber digits) the
// way variant v picks: "030-0001234", "030 000 1234", "+31 30 0001234"
// or "(030) 0001234".
func notation(area, digits string, v int) string {
	switch v % 4 {
	case 1:
		return area + " " + digits[:len(digits)-4] + " " + digits[len(digits)-4:]
	case 2:
		return "+31 " + strings.TrimPrefix(area, "0") + " " + digits
	case 3:
		return "(" + area + ") " + digits
	}
	return area + "-" + digits
}

// WriteCSV writes people as the import file of `werkplek import`.
func WriteCSV(w io.Writer, people []intranet.PersonRecord) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"name", "email", "phone", "mobile", "department", "title", "location", "skills", "organisation"}); err != nil {
		return err
	}
	for _, p := range people {
		if err := cw.Write([]string{p.Name, p.Email, p.Phone, p.Mobile, p.Department, p.Title, p.Location, strings.Join(p.Skills, ";"), p.Organisation}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
