package phonebook

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/csvfile"
	"github.com/werkplek/werkplek/intranet/feature"
	pb "github.com/werkplek/werkplek/intranet/phonebook"
)

// The views of the people import: where to do it, the dry run, the
// import done, and a file with problems.

// maxListed is the most lines a section of the import lists; a large
// file's first import would list every person.
const maxListed = 200

func adminOnly(c *feature.Call) string {
	return c.T("Alleen een beheerder kan mensen importeren.", "Only an admin can import people.")
}

// importWhere answers /phonebook import: the web's admin page when the web
// has an address, and the command on the server.
func importWhere(c *feature.Call, publicURL string) intranet.Reply {
	cli := c.T("Of op de server: `werkplek import BESTAND` (kolommen: %s).", "Or on the server: `werkplek import FILE` (columns: %s).", strings.Join(pb.CSVColumns, ","))
	if publicURL == "" {
		return c.Reply(c.T("Mensen importeren doe je op de server: `werkplek import BESTAND`, met een CSV-bestand (zoals Excel het opslaat) of een Excel-werkmap (.xlsx) met de kolommen %s. Een bestand met fouten importeert niets en noemt elke foute regel.",
			"You import people on the server: `werkplek import FILE`, with a CSV file (as Excel saves it) or an Excel workbook (.xlsx) with the columns %s. A file with errors imports nothing and names every bad line.", strings.Join(pb.CSVColumns, ",")))
	}
	page := strings.TrimRight(publicURL, "/") + "/web/admin/people"
	return c.Reply(c.T("Importeer mensen op de beheerpagina: %s. Je ziet eerst per regel wat er verandert, en voert het dan door.",
		"Import people on the admin page: %s. You first see per line what changes, then apply it.", page) + " " + cli)
}

func emptyFile(c *feature.Call) string {
	return c.T("Het bestand is leeg; kies een CSV-bestand met de kolommen %s.", "The file is empty; choose a CSV file with the columns %s.", strings.Join(pb.CSVColumns, ","))
}

func noPeople(c *feature.Call) string {
	return c.T("Het bestand heeft alleen een kopregel; er staat niemand in.", "The file has only a header line; nobody is in it.")
}

// importForm is the import form with the file's text; apply sets the
// yes/no to yes (after a dry run) and labels the button to match.
func importForm(c *feature.Call, text string, apply bool) *intranet.Form {
	f := &intranet.Form{ID: importFormID, Title: c.T("Mensen importeren", "Import people"), SubmitLabel: c.T("Controleren", "Check"),
		Fields: []intranet.FormField{
			{Name: "csv", Label: c.T("CSV-bestand (gescheiden door komma's, puntkomma's of tabs)", "CSV file (separated by commas, semicolons or tabs)"), Kind: intranet.FieldLongText, Required: true, Value: text,
				Placeholder: strings.Join(pb.CSVColumns, ",")},
			{Name: "apply", Label: c.T("Doorvoeren (nee: alleen controleren)", "Apply (no: only check)"), Kind: intranet.FieldYesNo, Value: "no"},
		}}
	if apply {
		f.SubmitLabel = c.T("Doorvoeren", "Apply")
		f.Fields[1].Value = "yes"
	}
	return f
}

// withNote adds to an import's answer how the file was read, when that
// was more than plain UTF-8 CSV: "Gelezen als Windows-1252 (geen UTF-8)."
func withNote(c *feature.Call, r intranet.Reply, f csvfile.Format) intranet.Reply {
	en, nl := f.Note()
	if en == "" {
		return r
	}
	// A section of its own, first: the web shows the sections of this
	// answer, not its text (which is for the chat).
	r.Sections = append([]intranet.Section{{Text: upperFirst(c.T(nl, en)) + "."}}, r.Sections...)
	return r
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// importPlan is the dry run: what each line would do, and the form again
// to apply it.
func importPlan(c *feature.Call, sum intranet.ImportSummary, text string) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Proefimport: nog niets veranderd", "Dry run: nothing changed yet"),
		Text: c.T("Kijk de regels na en kies Doorvoeren.", "Check the lines and choose Apply.")}
	reply.Sections = importSections(c, sum)
	reply.Form = importForm(c, text, true)
	return reply
}

// importDone is the import done: the counts and each line that changed.
func importDone(c *feature.Call, sum intranet.ImportSummary) intranet.Reply {
	unchanged := len(sum.Lines) - sum.Created - sum.Updated
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Mensen geïmporteerd", "People imported"),
		Text: c.T("%d toegevoegd, %d gewijzigd, %d ongewijzigd.", "%d added, %d changed, %d unchanged.", sum.Created, sum.Updated, unchanged)}
	reply.Sections = importSections(c, sum)
	return reply
}

// importSections list the added and the changed lines (with the changed
// columns), count the unchanged ones, and name the partner organisations
// the file adds.
func importSections(c *feature.Call, sum intranet.ImportSummary) []intranet.Section {
	var added, changed []string
	unchanged := 0
	for _, l := range sum.Lines {
		who := fmt.Sprintf("%s: %s (%s)", lineName(c, l.Line), l.Name, l.Email)
		switch l.Change {
		case intranet.ImportAdded:
			added = append(added, "- "+who)
		case intranet.ImportChanged:
			changed = append(changed, "- "+who+": "+columns(l.Fields))
		default:
			unchanged++
		}
	}
	var out []intranet.Section
	if len(added) > 0 {
		out = append(out, intranet.Section{Title: c.T("Toegevoegd (%d)", "Added (%d)", len(added)), Text: listed(c, added)})
	}
	if len(changed) > 0 {
		out = append(out, intranet.Section{Title: c.T("Gewijzigd (%d)", "Changed (%d)", len(changed)), Text: listed(c, changed)})
	}
	out = append(out, intranet.Section{Title: c.T("Ongewijzigd: %d", "Unchanged: %d", unchanged)})
	if n := len(sum.Organisations); n > 0 {
		out = append(out, intranet.Section{Title: c.T("Nieuwe partnerorganisaties (%d)", "New partner organisations (%d)", n), Text: strings.Join(sum.Organisations, ", ")})
	}
	return out
}

// importProblems answers a file with problems: nothing is imported, and
// every bad line is named.
func importProblems(c *feature.Call, problems []intranet.ImportProblem) intranet.Reply {
	var lines []string
	for _, p := range problems {
		where := lineName(c, p.Line)
		if p.Line == 0 {
			where = c.T("het bestand", "the file")
		}
		lines = append(lines, fmt.Sprintf("- %s: %s", where, p.Message(c.Lang)))
	}
	return intranet.Reply{Lang: c.Lang, Title: c.T("Niets geïmporteerd", "Nothing imported"),
		Text:     c.T("Verbeter het bestand en probeer het opnieuw; een bestand met fouten importeert niemand.", "Fix the file and try again; a file with errors imports nobody."),
		Sections: []intranet.Section{{Title: c.T("Fouten (%d)", "Errors (%d)", len(problems)), Text: listed(c, lines)}}}
}

func lineName(c *feature.Call, line int) string { return c.T("regel %d", "line %d", line) }

func columns(fields []string) string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = "`" + f + "`"
	}
	return strings.Join(out, ", ")
}

// listed joins lines, at most maxListed of them.
func listed(c *feature.Call, lines []string) string {
	if len(lines) > maxListed {
		more := len(lines) - maxListed
		lines = append(lines[:maxListed:maxListed], c.T("… en nog %d", "… and %d more", more))
	}
	return strings.Join(lines, "\n")
}
