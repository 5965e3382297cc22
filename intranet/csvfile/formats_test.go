package csvfile

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/werkplek/werkplek/internal/xlsxtest"
	"github.com/werkplek/werkplek/intranet"
)

// dutchExcel is a people file as Dutch Excel saves "CSV (gescheiden door
// lijstscheidingsteken)": semicolons, CRLF, Windows-1252, a field with the
// separator in quotes.
func dutchExcel(t *testing.T, text string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(strings.ReplaceAll(text, "\n", "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// read opens data and returns its format and its lines as
// "line:name|phone|skills", or "!line:reason" for a bad one.
func read(t *testing.T, data []byte) (Format, []string, []intranet.ImportProblem) {
	t.Helper()
	f, problems := Open(bytes.NewReader(data), []string{"name", "email", "phone", "skills", "opens"}, "name")
	if f == nil {
		return Format{}, nil, problems
	}
	var rows []string
	for {
		row, problem, more := f.Next()
		if !more {
			break
		}
		if problem != nil {
			rows = append(rows, "!"+strconv.Itoa(problem.Line)+":"+problem.Reason)
			continue
		}
		rows = append(rows, strconv.Itoa(row.Line)+":"+row.Get("name")+"|"+row.Get("phone")+"|"+row.Get("skills")+"|"+row.Get("opens"))
	}
	return f.Format(), rows, problems
}

func TestFormats(t *testing.T) {
	utf16 := func(s string) []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name   string
		data   []byte
		format Format
		rows   []string
		noteEN string
	}{
		{"SemicolonWindows1252", dutchExcel(t, "Name;E-mail;Phone;Skills\nRené Müller;rene@example.nl;020 123 4567;\"wondzorg;ICT\"\nZoë Brontë;zoe@example.nl;;\n"),
			Format{Separator: ';', Encoding: "Windows-1252"}, []string{"2:René Müller|020 123 4567|wondzorg;ICT|", "3:Zoë Brontë|||"}, "read as Windows-1252 (not UTF-8)"},
		{"SemicolonWindows1252DutchHeader", dutchExcel(t, "Naam;E-mailadres;Telefoon;Vaardigheden;Open\nRené Müller;rene@example.nl;020 123 4567;\"wondzorg;ICT\";07:00\nZoë Brontë;zoe@example.nl;;;\n"),
			Format{Separator: ';', Encoding: "Windows-1252"}, []string{"2:René Müller|020 123 4567|wondzorg;ICT|07:00", "3:Zoë Brontë|||"}, "read as Windows-1252 (not UTF-8)"},
		{"SemicolonWindows1252Header", dutchExcel(t, "name;email;phone;skills\nRené Müller;rene@example.nl;020 123 4567;\"wondzorg;ICT\"\nZoë Brontë;zoe@example.nl;;\n"),
			Format{Separator: ';', Encoding: "Windows-1252"}, []string{"2:René Müller|020 123 4567|wondzorg;ICT|", "3:Zoë Brontë|||"}, "read as Windows-1252 (not UTF-8)"},
		{"Tab", []byte("name\temail\tphone\nJan, de Vries\tjan@example.nl\t010\n"),
			Format{Separator: '\t', Encoding: "UTF-8"}, []string{"2:Jan, de Vries|010||"}, ""},
		{"BOMSemicolonUTF8", []byte("\xef\xbb\xbfname;email;phone\nRené;r@example.nl;06-1\n"),
			Format{Separator: ';', Encoding: "UTF-8"}, []string{"2:René|06-1||"}, ""},
		{"QuotedHeaderSeparator", []byte("\"name\",\"email;x\"\n"), Format{Separator: ',', Encoding: "UTF-8"}, nil, ""},
		{"UTF16", utf16("name\temail\r\nZoë\tz@example.nl\r\n"), Format{Separator: '\t', Encoding: "UTF-16"}, []string{"2:Zoë|||"}, "read as UTF-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff(tt.data); got != tt.format {
				t.Errorf("Sniff = %+v, want %+v", got, tt.format)
			}
			if en, nl := tt.format.Note(); en != tt.noteEN || (en == "") != (nl == "") {
				t.Errorf("Note = %q, %q, want %q", en, nl, tt.noteEN)
			}
			format, rows, problems := read(t, tt.data)
			if tt.rows == nil {
				if problems == nil {
					t.Fatalf("want header problems, got rows %q", rows)
				}
				return
			}
			if problems != nil {
				t.Fatalf("problems: %+v", problems)
			}
			if format != tt.format {
				t.Errorf("Format = %+v, want %+v", format, tt.format)
			}
			if diff := cmp.Diff(tt.rows, rows); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSemicolonHeaderNamed: the header of a semicolon file is read as
// columns, not as one column "name;email;…" (what the import said before).
func TestSemicolonHeaderNamed(t *testing.T) {
	_, _, problems := read(t, dutchExcel(t, "name;email;shoe\n"))
	want := []intranet.ImportProblem{{Line: 1, Reason: `unknown column "shoe"; the columns are name,email,phone,skills,opens`,
		ReasonNL: `onbekende kolom "shoe"; de kolommen zijn naam, e-mail, telefoon, vaardigheden, open (of in het Engels name,email,phone,skills,opens)`}}
	if diff := cmp.Diff(want, problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestWorkbook(t *testing.T) {
	book := xlsxtest.Workbook(
		xlsxtest.Sheet{Name: "Medewerkers", Rows: [][]xlsxtest.Cell{
			{xlsxtest.S("Name"), xlsxtest.S("email"), xlsxtest.S("phone"), xlsxtest.S("skills"), xlsxtest.S("opens")},
			// A phone typed as a number (Excel dropped its zero and may
			// store it with an exponent), a time of day.
			{xlsxtest.S("René Müller"), xlsxtest.S("rene@example.nl"), xlsxtest.N("3.1201234567E10"), xlsxtest.Inline("wondzorg;ICT"), xlsxtest.T("0.29166666666666669")},
			nil, // an empty row
			// A phone kept as text keeps its leading zero.
			{xlsxtest.S("Zoë Brontë"), xlsxtest.S("zoe@example.nl"), xlsxtest.S("0612345678"), xlsxtest.Empty, xlsxtest.Empty},
			{xlsxtest.S("Piet"), xlsxtest.S("piet@example.nl"), xlsxtest.N("612345678")},
			{xlsxtest.S("Dag"), xlsxtest.S("d@example.nl"), xlsxtest.N("12.5"), xlsxtest.D("46363")},
			{xlsxtest.S("Te breed"), xlsxtest.S("b@example.nl"), xlsxtest.Empty, xlsxtest.Empty, xlsxtest.Empty, xlsxtest.S("extra")},
		}},
		xlsxtest.Strings("Blad2", []string{"not", "read"}),
	)
	if !IsWorkbook(book) {
		t.Fatal("IsWorkbook = false")
	}
	want := Format{Workbook: true, Sheet: "Medewerkers"}
	if got := Sniff(book); got != want {
		t.Errorf("Sniff = %+v, want %+v", got, want)
	}
	if en, _ := want.Note(); en != `read the first sheet ("Medewerkers") of the workbook` {
		t.Errorf("Note = %q", en)
	}
	format, rows, problems := read(t, book)
	if problems != nil {
		t.Fatalf("problems: %+v", problems)
	}
	if format != want {
		t.Errorf("Format = %+v, want %+v", format, want)
	}
	wantRows := []string{"2:René Müller|31201234567|wondzorg;ICT|07:00", "4:Zoë Brontë|0612345678||", "5:Piet|612345678||", "6:Dag|12.5|2026-12-07|", "!7:6 fields, the header has 5"}
	if diff := cmp.Diff(wantRows, rows); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}

	// The workbook as text reads the same, line numbers included.
	_, textRows, problems := read(t, []byte(Text(book)))
	if problems != nil {
		t.Fatalf("text problems: %+v", problems)
	}
	if diff := cmp.Diff(wantRows, textRows); diff != "" {
		t.Errorf("Text rows (-want +got):\n%s", diff)
	}
}

func TestWorkbookBroken(t *testing.T) {
	book := xlsxtest.Workbook(xlsxtest.Strings("Blad1", []string{"name"}))
	_, _, problems := read(t, book[:len(book)/2])
	if len(problems) != 1 || !strings.HasPrefix(problems[0].Reason, "cannot read the workbook (.xlsx)") || problems[0].ReasonNL == "" {
		t.Errorf("problems = %+v", problems)
	}
	_, _, problems = read(t, xlsxtest.Workbook(xlsxtest.Sheet{Name: "Leeg"}))
	if len(problems) != 1 || !strings.HasPrefix(problems[0].Reason, "the file is empty") {
		t.Errorf("empty sheet: problems = %+v", problems)
	}
}

func TestTextDecodes(t *testing.T) {
	if got := Text(dutchExcel(t, "name;email\nRené;r@example.nl\n")); got != "name;email\r\nRené;r@example.nl\r\n" {
		t.Errorf("Text = %q", got)
	}
}
