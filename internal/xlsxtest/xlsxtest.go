// Package xlsxtest writes small .xlsx workbooks for tests, in the shape
// Excel saves them: the parts of an Office Open XML spreadsheet, text in
// the shared strings table, numbers as numbers, dates and times as day
// serials with a date style. Werkplek only reads workbooks; this is the
// writer its tests need, kept to the parts the reader looks at.
package xlsxtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"strings"
)

// Cell is one cell of a sheet.
type Cell struct {
	kind  byte // 's' shared string, 'i' inline string, 'n' number, 'd' date, 't' time, 'b' boolean, 0 empty
	value string
}

// S is a text cell, kept in the shared strings as Excel keeps text.
func S(s string) Cell { return Cell{kind: 's', value: s} }

// Inline is a text cell written inline, as some exporters write text.
func Inline(s string) Cell { return Cell{kind: 'i', value: s} }

// N is a number as Excel stores it: "31612345678", "3.1612345678E10", "12".
func N(v string) Cell { return Cell{kind: 'n', value: v} }

// D is a date as Excel stores it: the days since 1899-12-30 ("46363" is
// 2026-12-07), with the built-in date format.
func D(serial string) Cell { return Cell{kind: 'd', value: serial} }

// T is a time of day as Excel stores it: the fraction of a day
// ("0.291666666666667" is 07:00), with the built-in h:mm format.
func T(fraction string) Cell { return Cell{kind: 't', value: fraction} }

// B is a boolean cell.
func B(v bool) Cell {
	if v {
		return Cell{kind: 'b', value: "1"}
	}
	return Cell{kind: 'b', value: "0"}
}

// Empty is a cell with nothing in it: not written, as Excel leaves it out.
var Empty = Cell{}

// Sheet is a named sheet; Rows[i] is row i+1, a nil row is left out (an
// empty row).
type Sheet struct {
	Name string
	Rows [][]Cell
}

// Workbook returns the bytes of an .xlsx file with the sheets, in order.
func Workbook(sheets ...Sheet) []byte {
	var shared []string
	index := map[string]int{}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	put := func(name, content string) {
		w, err := z.Create(name)
		if err != nil {
			panic(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			panic(err)
		}
	}
	const header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	var types, wbSheets, rels strings.Builder
	for i, sh := range sheets {
		n := i + 1
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&wbSheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, html.EscapeString(sh.Name), n, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n, n)
		var data strings.Builder
		for r, row := range sh.Rows {
			if row == nil {
				continue
			}
			fmt.Fprintf(&data, `<row r="%d">`, r+1)
			for c, cell := range row {
				ref := column(c) + fmt.Sprint(r+1)
				v := html.EscapeString(cell.value)
				switch cell.kind {
				case 's':
					k, ok := index[cell.value]
					if !ok {
						k = len(shared)
						index[cell.value] = k
						shared = append(shared, cell.value)
					}
					fmt.Fprintf(&data, `<c r="%s" t="s"><v>%d</v></c>`, ref, k)
				case 'i':
					fmt.Fprintf(&data, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
				case 'n':
					fmt.Fprintf(&data, `<c r="%s"><v>%s</v></c>`, ref, v)
				case 'd':
					fmt.Fprintf(&data, `<c r="%s" s="1"><v>%s</v></c>`, ref, v)
				case 't':
					fmt.Fprintf(&data, `<c r="%s" s="2"><v>%s</v></c>`, ref, v)
				case 'b':
					fmt.Fprintf(&data, `<c r="%s" t="b"><v>%s</v></c>`, ref, v)
				}
			}
			data.WriteString(`</row>`)
		}
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", n), header+`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>`+data.String()+`</sheetData></worksheet>`)
	}
	n := len(sheets)
	fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, n+1)
	fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`, n+2)
	put("[Content_Types].xml", header+`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`+types.String()+`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`)
	put("_rels/.rels", header+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", header+`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`+wbSheets.String()+`</sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", header+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
	// Style 0 is General, 1 the built-in date (numFmtId 14), 2 the
	// built-in time h:mm (20).
	put("xl/styles.xml", header+`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/></cellXfs></styleSheet>`)
	var ss strings.Builder
	for _, s := range shared {
		fmt.Fprintf(&ss, `<si><t xml:space="preserve">%s</t></si>`, html.EscapeString(s))
	}
	put("xl/sharedStrings.xml", header+fmt.Sprintf(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(shared), len(shared))+ss.String()+`</sst>`)
	if err := z.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Strings is a sheet of text cells only, row by row.
func Strings(name string, rows ...[]string) Sheet {
	sh := Sheet{Name: name}
	for _, r := range rows {
		var cells []Cell
		for _, v := range r {
			if v == "" {
				cells = append(cells, Empty)
			} else {
				cells = append(cells, S(v))
			}
		}
		sh.Rows = append(sh.Rows, cells)
	}
	return sh
}

// column names a column by its index: 0 is A, 26 is AA.
func column(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
