// Package csvfile reads the files admins import (people, rooms, teams) the
// same way, in the shapes HR departments hand them over: CSV separated by
// commas, semicolons (what Dutch Excel writes) or tabs (what a copy from a
// spreadsheet gives), in UTF-8 with or without a BOM, in Windows-1252 (Excel's
// "CSV (gescheiden door lijstscheidingsteken)") or UTF-16 (Excel's "Unicode
// text"), and .xlsx workbooks (the first sheet). A header row names the
// columns in any order, empty lines are skipped, and every problem is
// reported with its line, so that one run lists all that is wrong with a
// file.
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

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/werkplek/werkplek/intranet"
)

// Format is what a file turned out to be.
type Format struct {
	// Workbook is set for an .xlsx workbook; Sheet names the sheet read,
	// the first.
	Workbook bool
	Sheet    string
	// Separator separates the fields of a CSV file: ',', ';' or '\t'.
	Separator rune
	// Encoding is how a CSV file's bytes were read: "UTF-8",
	// "Windows-1252" (they were not valid UTF-8) or "UTF-16".
	Encoding string
}

// Note says how the file was read, for an import's summary, when that is
// more than plain UTF-8 text: "" for that.
func (f Format) Note() (en, nl string) {
	switch {
	case f.Workbook:
		return fmt.Sprintf("read the first sheet (%q) of the workbook", f.Sheet), fmt.Sprintf("het eerste werkblad (%q) van de werkmap gelezen", f.Sheet)
	case f.Encoding == encWindows1252:
		return "read as Windows-1252 (not UTF-8)", "gelezen als Windows-1252 (geen UTF-8)"
	case f.Encoding == encUTF16:
		return "read as UTF-16", "gelezen als UTF-16"
	}
	return "", ""
}

const (
	encUTF8        = "UTF-8"
	encWindows1252 = "Windows-1252"
	encUTF16       = "UTF-16"
)

// IsWorkbook reports whether data is a zip archive, as an .xlsx workbook
// is: the content decides, not the file's name, so that an upload form
// takes a workbook whatever it is called.
func IsWorkbook(data []byte) bool { return bytes.HasPrefix(data, []byte("PK\x03\x04")) }

// Sniff says what Open will take data for, without reading it all.
func Sniff(data []byte) Format {
	if IsWorkbook(data) {
		f := Format{Workbook: true}
		if sheet, _, err := readWorkbook(data); err == nil {
			f.Sheet = sheet
		}
		return f
	}
	text, enc, _ := decode(data)
	return Format{Separator: separator(text), Encoding: enc}
}

// Text returns the file as UTF-8 CSV text that Open reads the same way: a
// workbook's first sheet as comma-separated lines (each row on its own
// line number), other text decoded. An upload form that offers the file
// again for a second step keeps this text rather than the bytes.
func Text(data []byte) string {
	if IsWorkbook(data) {
		_, rows, err := readWorkbook(data)
		if err != nil {
			return string(data)
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		line, width := 1, 0
		if len(rows) > 0 {
			width = len(rows[0].fields)
		}
		for _, r := range rows {
			for ; line < r.line; line++ {
				b.WriteString("\n")
			}
			for len(r.fields) < width {
				r.fields = append(r.fields, "")
			}
			_ = w.Write(r.fields)
			w.Flush()
			line++
		}
		return b.String()
	}
	text, _, problems := decode(data)
	if problems != nil {
		return string(data)
	}
	return text
}

// Reader reads the data lines of a checked file.
type Reader struct {
	next    func() ([]string, int, error)
	columns int
	col     map[string]int
	format  Format
}

// Format says what the file was.
func (f *Reader) Format() Format { return f.format }

// Open reads the whole file and checks its encoding and its header: every
// column must be one of columns, none may appear twice, and the required
// ones must be there. Column names are matched case-insensitively.
func Open(r io.Reader, columns []string, required ...string) (*Reader, []intranet.ImportProblem) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, []intranet.ImportProblem{{Line: 0, Reason: "cannot read the file: " + err.Error(), ReasonNL: "kan het bestand niet lezen: " + err.Error()}}
	}
	f := &Reader{col: map[string]int{}}
	var header []string
	if IsWorkbook(data) {
		sheet, rows, err := readWorkbook(data)
		if err != nil {
			return nil, []intranet.ImportProblem{{Line: 0, Reason: "cannot read the workbook (.xlsx): " + err.Error() + "; save it again in Excel, or as CSV",
				ReasonNL: "kan de werkmap (.xlsx) niet lezen: " + err.Error() + "; sla hem opnieuw op in Excel, of als CSV"}}
		}
		f.format = Format{Workbook: true, Sheet: sheet}
		if len(rows) == 0 || rows[0].line != 1 {
			return nil, emptyFile(columns)
		}
		header, rows = rows[0].fields, rows[1:]
		f.next = func() ([]string, int, error) {
			if len(rows) == 0 {
				return nil, 0, io.EOF
			}
			r := rows[0]
			rows = rows[1:]
			// A row is as wide as its last cell with a value; the
			// header's width is what counts.
			for len(r.fields) > len(header) && strings.TrimSpace(r.fields[len(r.fields)-1]) == "" {
				r.fields = r.fields[:len(r.fields)-1]
			}
			for len(r.fields) < len(header) {
				r.fields = append(r.fields, "")
			}
			return r.fields, r.line, nil
		}
	} else {
		text, enc, problems := decode(data)
		if problems != nil {
			return nil, problems
		}
		f.format = Format{Separator: separator(text), Encoding: enc}
		cr := csv.NewReader(strings.NewReader(text))
		cr.Comma = f.format.Separator
		cr.FieldsPerRecord = -1
		cr.TrimLeadingSpace = true
		header, err = cr.Read()
		if errors.Is(err, io.EOF) {
			return nil, emptyFile(columns)
		} else if err != nil {
			return nil, []intranet.ImportProblem{{Line: 1, Reason: reason(err), ReasonNL: reasonNL(err)}}
		}
		f.next = func() ([]string, int, error) {
			fields, err := cr.Read()
			if err != nil {
				return nil, 0, err
			}
			line, _ := cr.FieldPos(0)
			return fields, line, nil
		}
	}
	f.columns = len(header)
	var problems []intranet.ImportProblem
	var unknown []string
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		h = column(h, columns)
		switch _, twice := f.col[h]; {
		case !slices.Contains(columns, h):
			unknown = append(unknown, fmt.Sprintf("%q", h))
		case twice:
			problems = append(problems, intranet.ImportProblem{Line: 1, Reason: fmt.Sprintf("column %q appears twice", h), ReasonNL: fmt.Sprintf("kolom %q staat er twee keer in", h)})
		default:
			f.col[h] = i
		}
	}
	if len(unknown) > 0 {
		// One problem for all of them: a header in another language
		// would otherwise repeat the list of columns once a column.
		en, nl := "unknown column", "onbekende kolom"
		if len(unknown) > 1 {
			en, nl = "unknown columns", "onbekende kolommen"
		}
		problems = append([]intranet.ImportProblem{{Line: 1,
			Reason:   fmt.Sprintf("%s %s; the columns are %s", en, strings.Join(unknown, ", "), strings.Join(columns, ",")),
			ReasonNL: fmt.Sprintf("%s %s; de kolommen zijn %s (of in het Engels %s)", nl, strings.Join(unknown, ", "), dutchColumns(columns), strings.Join(columns, ","))}}, problems...)
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

// dutchNames are the Dutch names of the columns, as a Dutch HR department
// heads its own export ("naam;e-mail;telefoon;…" reads as
// "name,email,phone,…"); a column's first is the one a message names.
var dutchNames = []struct{ nl, column string }{
	{"naam", "name"}, {"volledige naam", "name"},
	{"e-mail", "email"}, {"e-mailadres", "email"}, {"emailadres", "email"}, {"mail", "email"},
	{"telefoon", "phone"}, {"telefoonnummer", "phone"},
	{"mobiel", "mobile"}, {"mobiel nummer", "mobile"}, {"mobiele nummer", "mobile"}, {"mobielnummer", "mobile"},
	{"afdeling", "department"}, {"functie", "title"}, {"locatie", "location"}, {"plaats", "location"},
	{"e-mail manager", "manager_email"}, {"manager e-mail", "manager_email"}, {"e-mailadres manager", "manager_email"},
	{"vaardigheden", "skills"}, {"rollen", "roles"}, {"personeelsnummer", "employee_number"},
	{"organisatie", "organisation"},
	{"capaciteit", "capacity"}, {"voorzieningen", "facilities"}, {"faciliteiten", "facilities"},
	{"open", "opens"}, {"opent", "opens"}, {"sluit", "closes"}, {"dicht", "closes"}, {"bezoekersruimte", "partners"},
	{"leiders", "leads"}, {"teamleiders", "leads"}, {"leden", "members"}, {"kanalen", "channels"}, {"goedkeuring", "approval"},
}

// dutchColumns lists columns by their Dutch names, for a Dutch message:
// "naam, e-mail, telefoon".
func dutchColumns(columns []string) string {
	out := make([]string, len(columns))
	for i, c := range columns {
		out[i] = c
		for _, d := range dutchNames {
			if d.column == c {
				out[i] = d.nl
				break
			}
		}
	}
	return strings.Join(out, ", ")
}

// column is the column a header cell names: itself, with spaces for
// underscores ("manager email"), or its Dutch name.
func column(h string, columns []string) string {
	h = strings.Join(strings.Fields(h), " ")
	if c := strings.ReplaceAll(h, " ", "_"); slices.Contains(columns, c) {
		return c
	}
	for _, d := range dutchNames {
		if d.nl == h && slices.Contains(columns, d.column) {
			return d.column
		}
	}
	return h
}

func emptyFile(columns []string) []intranet.ImportProblem {
	return []intranet.ImportProblem{{Line: 1, Reason: "the file is empty; the first line must be the header " + strings.Join(columns, ","),
		ReasonNL: "het bestand is leeg; de eerste regel moet de kopregel " + strings.Join(columns, ",") + " zijn"}}
}

// decode returns a text file's content as UTF-8 without a byte order
// mark. Bytes that are not UTF-8 are read as Windows-1252, what Excel
// writes its CSV in on a Dutch (or any Western) Windows; a file that mixes
// both (UTF-8 text with a line of something else) is a problem for each
// such line, as no single reading is right.
func decode(data []byte) (string, string, []intranet.ImportProblem) {
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		text, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", []intranet.ImportProblem{{Line: 0, Reason: "not valid UTF-16: save the file as CSV UTF-8", ReasonNL: "geen geldige UTF-16: sla het bestand op als CSV UTF-8"}}
		}
		return strings.TrimPrefix(string(text), "\ufeff"), encUTF16, nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return string(data), encUTF8, nil
	}
	var bad []int
	mixed := false
	for i, line := range bytes.Split(data, []byte("\n")) {
		if !utf8.Valid(line) {
			bad = append(bad, i+1)
		} else if !isASCII(line) {
			mixed = true
		}
	}
	if mixed {
		var problems []intranet.ImportProblem
		for _, line := range bad {
			problems = append(problems, intranet.ImportProblem{Line: line, Reason: "not UTF-8 while other lines are (mixed encodings): save the file as CSV UTF-8",
				ReasonNL: "geen UTF-8 terwijl andere regels dat wel zijn (gemengde coderingen): sla het bestand op als CSV UTF-8"})
		}
		return "", "", problems
	}
	text, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", []intranet.ImportProblem{{Line: 0, Reason: "neither UTF-8 nor Windows-1252: save the file as CSV UTF-8", ReasonNL: "geen UTF-8 en geen Windows-1252: sla het bestand op als CSV UTF-8"}}
	}
	return string(text), encWindows1252, nil
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// separator finds the field separator in the header line: the one of
// comma, semicolon and tab that occurs most outside quotes, a comma when
// none does (a file of one column) or on a tie.
func separator(text string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range text {
		if r == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if r == '\n' || r == '\r' {
			break
		}
		if r == ',' || r == ';' || r == '\t' {
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
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

// Has reports whether the file has the column (empty or not).
func (r Row) Has(column string) bool {
	_, ok := r.col[column]
	return ok
}

// Next returns the next line that is not empty, or ok false at the end. A
// line CSV cannot read (a stray quote), or with another number of fields
// than the header, comes back as a problem, and reading goes on after it.
func (f *Reader) Next() (row Row, problem *intranet.ImportProblem, ok bool) {
	for {
		fields, line, err := f.next()
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
