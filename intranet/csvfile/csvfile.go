// Package csvfile reads the CSV files admins import (people, rooms,
// teams) the same way: UTF-8 with or without the BOM spreadsheet programs
// write, a header row naming the columns in any order, empty lines
// skipped, and every problem reported with its line, so that one run lists
// all that is wrong with a file.
package csvfile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
)

// Reader reads the data lines of a checked file.
type Reader struct {
	cr      *csv.Reader
	columns int
	col     map[string]int
}

// Open reads the whole file and checks its encoding and its header: every
// column must be one of columns, none may appear twice, and the required
// ones must be there. Column names are matched case-insensitively.
func Open(r io.Reader, columns []string, required ...string) (*Reader, []intranet.ImportProblem) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, []intranet.ImportProblem{{Line: 0, Reason: "cannot read the file: " + err.Error(), ReasonNL: "kan het bestand niet lezen: " + err.Error()}}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var problems []intranet.ImportProblem
	for i, line := range bytes.Split(data, []byte("\n")) {
		if !utf8.Valid(line) {
			problems = append(problems, intranet.ImportProblem{Line: i + 1, Reason: "not UTF-8 (wrong encoding): save the file as CSV UTF-8",
				ReasonNL: "geen UTF-8 (verkeerde codering): sla het bestand op als CSV UTF-8"})
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, []intranet.ImportProblem{{Line: 1, Reason: "the file is empty; the first line must be the header " + strings.Join(columns, ","),
			ReasonNL: "het bestand is leeg; de eerste regel moet de kopregel " + strings.Join(columns, ",") + " zijn"}}
	} else if err != nil {
		return nil, []intranet.ImportProblem{{Line: 1, Reason: reason(err), ReasonNL: reasonNL(err)}}
	}
	f := &Reader{cr: cr, columns: len(header), col: map[string]int{}}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		switch _, twice := f.col[h]; {
		case !slices.Contains(columns, h):
			problems = append(problems, intranet.ImportProblem{Line: 1, Reason: fmt.Sprintf("unknown column %q; the columns are %s", h, strings.Join(columns, ",")),
				ReasonNL: fmt.Sprintf("onbekende kolom %q; de kolommen zijn %s", h, strings.Join(columns, ","))})
		case twice:
			problems = append(problems, intranet.ImportProblem{Line: 1, Reason: fmt.Sprintf("column %q appears twice", h), ReasonNL: fmt.Sprintf("kolom %q staat er twee keer in", h)})
		default:
			f.col[h] = i
		}
	}
	for _, must := range required {
		if _, ok := f.col[must]; !ok {
			problems = append(problems, intranet.ImportProblem{Line: 1, Reason: fmt.Sprintf("column %q is missing", must), ReasonNL: fmt.Sprintf("kolom %q ontbreekt", must)})
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return f, nil
}

// Row is one data line.
type Row struct {
	Line   int
	fields []string
	col    map[string]int
}

// Get returns the trimmed value of a column, "" when the file lacks it.
func (r Row) Get(column string) string {
	if i, ok := r.col[column]; ok && i < len(r.fields) {
		return strings.TrimSpace(r.fields[i])
	}
	return ""
}

// Next returns the next line that is not empty, or ok false at the end. A
// line CSV cannot read (a stray quote), or with another number of fields
// than the header, comes back as a problem, and reading goes on after it.
func (f *Reader) Next() (row Row, problem *intranet.ImportProblem, ok bool) {
	for {
		fields, err := f.cr.Read()
		if errors.Is(err, io.EOF) {
			return Row{}, nil, false
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return Row{}, &intranet.ImportProblem{Line: line, Reason: reason(err), ReasonNL: reasonNL(err)}, true
		}
		line, _ := f.cr.FieldPos(0)
		if strings.TrimSpace(strings.Join(fields, "")) == "" {
			continue
		}
		if len(fields) != f.columns {
			return Row{}, &intranet.ImportProblem{Line: line, Reason: fmt.Sprintf("%d fields, the header has %d", len(fields), f.columns),
				ReasonNL: fmt.Sprintf("%d velden, de kopregel heeft er %d", len(fields), f.columns)}, true
		}
		return Row{Line: line, fields: fields, col: f.col}, nil, true
	}
}

func reason(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return "malformed CSV: " + pe.Err.Error()
	}
	return "malformed CSV: " + err.Error()
}

// reasonNL is reason in Dutch; the CSV reader's own words stay English.
func reasonNL(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return "geen geldige CSV: " + pe.Err.Error()
	}
	return "geen geldige CSV: " + err.Error()
}
