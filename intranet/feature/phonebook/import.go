package phonebook

import (
	"context"
	"errors"
	"sort"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/csvfile"
	"github.com/werkplek/werkplek/intranet/feature"
	pb "github.com/werkplek/werkplek/intranet/phonebook"
)

// importFormID is the people import's form: Values "csv" (the file: the
// people CSV of DESIGN.md, separated by commas, semicolons or tabs, in
// UTF-8 or Windows-1252, or the bytes of an .xlsx workbook, as the web's
// upload hands it over) and "apply" ("yes" imports, anything else is a dry
// run).
const importFormID = "people.import"

// FormIDs returns the people import's form id.
func (u *Unit) FormIDs() []string { return []string{importFormID} }

// HandleForm answers the people import form: admins only; a dry run says
// per line what would happen and offers the form again to apply it, a
// real run imports, all or nothing, and says what it did. A file with
// problems imports nothing and lists every bad line.
func (u *Unit) HandleForm(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !c.Has(intranet.RoleAdmin) {
		return c.Reply(adminOnly(c)), nil
	}
	raw := c.Req.Form.Values["csv"]
	apply := strings.EqualFold(strings.TrimSpace(c.Req.Form.Values["apply"]), "yes")
	if strings.TrimSpace(raw) == "" {
		return intranet.Reply{Lang: c.Lang, Text: emptyFile(c), Form: importForm(c, raw, false),
			FieldErrors: map[string]string{"csv": emptyFile(c)}}, nil
	}
	records, problems := pb.ParseCSV(strings.NewReader(raw))
	// The form offered again holds the file as UTF-8 text (a workbook as
	// CSV), which reads the same; the reply says how the file was read.
	format := csvfile.Sniff([]byte(raw))
	text := csvfile.Text([]byte(raw))
	// The store's check (unknown managers) runs on the good lines too, so
	// that every problem is told at once; with problems it only checks.
	sum, err := u.cfg.People.ImportPeople(ctx, records, !apply || len(problems) > 0)
	var ie *intranet.ImportError
	if errors.As(err, &ie) {
		problems = append(problems, ie.Problems...)
	} else if err != nil {
		return intranet.Reply{}, err
	}
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
	switch {
	case len(problems) > 0:
		return withNote(c, importProblems(c, problems), format), nil
	case len(records) == 0:
		return intranet.Reply{Lang: c.Lang, Text: noPeople(c), Form: importForm(c, text, false)}, nil
	case !apply:
		return withNote(c, importPlan(c, sum, text), format), nil
	}
	return withNote(c, importDone(c, sum), format), nil
}

// AuditedForms is the people import: the audit log records each run.
func (u *Unit) AuditedForms() map[string]string {
	return map[string]string{importFormID: "phonebook import"}
}
