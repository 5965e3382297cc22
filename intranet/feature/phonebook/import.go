package phonebook

import (
	"context"
	"errors"
	"sort"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	pb "github.com/werkplek/werkplek/intranet/phonebook"
)

// importFormID is the people import's form: Values "csv" (the file's text,
// the people CSV of DESIGN.md) and "apply" ("yes" imports, anything else
// is a dry run).
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
	text := c.Req.Form.Values["csv"]
	apply := strings.EqualFold(strings.TrimSpace(c.Req.Form.Values["apply"]), "yes")
	if strings.TrimSpace(text) == "" {
		return intranet.Reply{Lang: c.Lang, Text: emptyFile(c), Form: importForm(c, text, false),
			FieldErrors: map[string]string{"csv": emptyFile(c)}}, nil
	}
	records, problems := pb.ParseCSV(strings.NewReader(text))
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
		return importProblems(c, problems), nil
	case len(records) == 0:
		return intranet.Reply{Lang: c.Lang, Text: noPeople(c), Form: importForm(c, text, false)}, nil
	case !apply:
		return importPlan(c, sum, text), nil
	}
	return importDone(c, sum), nil
}

// AuditedForms is the people import: the audit log records each run.
func (u *Unit) AuditedForms() map[string]string {
	return map[string]string{importFormID: "phonebook import"}
}
