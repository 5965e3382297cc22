package csvfile

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/werkplek/werkplek/intranet"
)

func TestOpen(t *testing.T) {
	columns := []string{"name", "email", "phone"}
	tests := []struct {
		name     string
		in       string
		problems []intranet.ImportProblem
		rows     []string // "line:name|phone" per good line, then "!line:reason" per bad one
	}{
		{"Rows", "Name,Email\nJan,jan@example.nl\n\nPiet,piet@example.nl\n", nil, []string{"2:Jan|", "4:Piet|"}},
		{"ColumnsInAnyOrderWithBOM", "\ufeffphone, email ,name\n010,a@example.nl,Anna\n", nil, []string{"2:Anna|010"}},
		{"Empty", "", []intranet.ImportProblem{{Line: 1, Reason: "the file is empty; the first line must be the header name,email,phone"}}, nil},
		{"Windows1252", "name,email\nJos\xe9,j@example.nl\n", nil, []string{"2:José|"}},
		{"MixedEncodings", "name,email\nJos\xc3\xa9,j@example.nl\nRen\xe9,r@example.nl\n", []intranet.ImportProblem{{Line: 3, Reason: "not UTF-8 while other lines are (mixed encodings): save the file as CSV UTF-8"}}, nil},
		{"BadHeader", "name,shoe,name\n", []intranet.ImportProblem{
			{Line: 1, Reason: `unknown column "shoe"; the columns are name,email,phone`},
			{Line: 1, Reason: `column "name" appears twice`},
			{Line: 1, Reason: `column "email" is missing`}}, nil},
		{"DutchHeader", "Naam;E-mail;Telefoon\r\nJos\xe9;j@example.nl;010\r\n", nil, []string{"2:José|010"}},
		{"SpacesForUnderscores", "name,email,Phone\nJan,j@example.nl,010\n", nil, []string{"2:Jan|010"}},
		{"UnknownColumnsOnce", "name,email,shoe,hat\n", []intranet.ImportProblem{
			{Line: 1, Reason: `unknown columns "shoe", "hat"; the columns are name,email,phone`}}, nil},
		{"BadLinesGoOn", "name,email\nJan\n\"Piet,p@example.nl\n", nil, []string{"!2:1 fields, the header has 2", `!3:malformed CSV: extraneous or missing " in quoted-field`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, problems := Open(strings.NewReader(tt.in), columns, "name", "email")
			if diff := cmp.Diff(tt.problems, problems, cmpopts.IgnoreFields(intranet.ImportProblem{}, "ReasonNL")); diff != "" {
				t.Fatalf("problems (-want +got):\n%s", diff)
			}
			for _, p := range problems {
				if p.ReasonNL == "" {
					t.Errorf("line %d: %q has no Dutch", p.Line, p.Reason)
				}
			}
			if f == nil {
				return
			}
			var rows []string
			for {
				row, problem, more := f.Next()
				if !more {
					break
				}
				if problem != nil {
					if problem.ReasonNL == "" {
						t.Errorf("line %d: %q has no Dutch", problem.Line, problem.Reason)
					}
					rows = append(rows, "!"+strconv.Itoa(problem.Line)+":"+problem.Reason)
					continue
				}
				rows = append(rows, strconv.Itoa(row.Line)+":"+row.Get("name")+"|"+row.Get("phone"))
			}
			if diff := cmp.Diff(tt.rows, rows); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}
