package harness

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/internal/peoplegen"
	"github.com/werkplek/werkplek/intranet"
)

// Command is one command of the table: its name in the table, the command
// a user types (without the slash) and the texts it is asked with.
type Command struct {
	Name    string
	Command string
	// Query is the i-th text and a piece its answer must contain.
	Query func(i int) (text, want string)
}

// Commands are the commands the harness measures, by name, for a directory
// of people generated people (peoplegen) with the surnames in surnames,
// plus the demo organisation.
func Commands(people int, surnames map[string]bool) map[string]Command {
	return map[string]Command{
		"phonebook": {Name: "phonebook", Command: "phonebook", Query: phonebookQuery(people, surnames)},
		"room-free": {Name: "room free", Command: "room", Query: func(int) (string, string) {
			return "free tomorrow 14:00-15:00", "Zorgkamer Oost"
		}},
		"handover-list": {Name: "handover list", Command: "handover", Query: func(int) (string, string) {
			return "list", HandoverWhat
		}},
		"news": {Name: "news", Command: "news", Query: func(int) (string, string) { return "", "wondzorgkar" }},
		"kb-search": {Name: "kb search", Command: "kb", Query: func(i int) (string, string) {
			q := kbQueries[i%len(kbQueries)]
			return q[0], q[1]
		}},
	}
}

// CommandNames are the commands in the order the table shows them.
var CommandNames = []string{"phonebook", "room-free", "handover-list", "news", "kb-search"}

// HandoverWhat is the text of the handover requests the harness seeds.
const HandoverWhat = "Vroege dienst harness"

// kbQueries are knowledge-base searches of the demo's answers, with a typo
// among them, and a piece of the answer each finds.
var kbQueries = [][2]string{{"wondzorg", "decubitus"}, {"decubitus verband", "decubitus"}, {"welk verband", "decubitus"}}

// Surnames are the surnames of generated people.
func Surnames(people []intranet.PersonRecord) map[string]bool {
	out := map[string]bool{}
	for _, s := range peoplegen.Surnames {
		for _, p := range people {
			if strings.HasSuffix(p.Name, " "+s) {
				out[s] = true
				break
			}
		}
	}
	return out
}

// phonebookQuery mixes what people type into the phonebook: surnames (with
// and without their prefix), typos and missing accents, and phone numbers
// in every notation of a generated person (found by their email).
func phonebookQuery(people int, surnames map[string]bool) func(int) (string, string) {
	all := [][3]string{ // what is typed, a piece of the answer, the surname it finds
		{"hoogenboom", "Hoogenboom", "Hoogenboom"}, {"hoogenbom", "Hoogenboom", "Hoogenboom"}, {"dijkstra", "Dijkstra", "Dijkstra"},
		{"dijkstar", "Dijkstra", "Dijkstra"}, {"vermeulen", "Vermeulen", "Vermeulen"}, {"van den berg", "Berg", "van den Berg"},
		{"v.d. heuvel", "Heuvel", "van den Heuvel"}, {"celik", "elik", "Çelik"}, {"muller", "ller", "Müller"},
		{"lefevre", "vre", "Lefèvre"}, {"in t veld", "Veld", "in 't Veld"}, {"jansen", "Jans", "Jansen"},
		{"huisman", "Huisman", "Huisman"}, {"schouten", "Schouten", "Schouten"}, {"de jong", "Jong", "de Jong"},
	}
	var names [][3]string
	for _, q := range all {
		if surnames[q[2]] {
			names = append(names, q)
		}
	}
	return func(i int) (string, string) {
		if (i%3 != 2 || people < 1) && len(names) > 0 {
			q := names[(i/3*2+i%3)%len(names)]
			return q[0], q[1]
		}
		// Every third query a number: a generated person's work phone or
		// mobile, in one of the notations people type.
		p := (i * 7919) % people
		digits := fmt.Sprintf("%07d", p)
		switch i / 3 % 4 {
		case 0:
			return "030-" + digits, peoplegen.Email(p)
		case 1:
			return "+31 30 " + digits, peoplegen.Email(p)
		case 2:
			return "030" + digits, peoplegen.Email(p)
		}
		return fmt.Sprintf("06%08d", 10000000+p*37), peoplegen.Email(p)
	}
}

// contains says whether an answer body has want, also when JSON wrote it
// with escapes.
func contains(body []byte, want string) bool {
	if want == "" || bytes.Contains(body, []byte(want)) {
		return true
	}
	return strings.Contains(strings.ToLower(unescapeJSON(string(body))), strings.ToLower(want))
}

// unescapeJSON undoes the escapes encoding/json writes for <, > and &.
func unescapeJSON(s string) string {
	return strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(s)
}
