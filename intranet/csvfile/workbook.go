package csvfile

// Reading an .xlsx workbook's first sheet with xlsxreader, a small reader
// of Office Open XML spreadsheets (shared and inline strings, numbers,
// dates by their cell style). A cell comes back as the text Excel shows in
// a plain General column: a number without ".0" or an exponent (a phone
// number typed as a number keeps its digits), a date as 2026-12-07.

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/thedatashed/xlsxreader"
)

// wbRow is a row of a sheet with its fields, the first at column A; line
// is the row's number in the sheet.
type wbRow struct {
	line   int
	fields []string
}

// maxColumns bounds a row's width: a cell far out to the right is a
// mistake in the file, not a column to allocate for.
const maxColumns = 1000

// readWorkbook reads the first sheet of a workbook, its rows with a value
// in order.
func readWorkbook(data []byte) (string, []wbRow, error) {
	x, err := xlsxreader.NewReader(data)
	if err != nil {
		return "", nil, errors.New("not a workbook Werkplek can read")
	}
	if len(x.Sheets) == 0 {
		return "", nil, errors.New("the workbook has no sheet")
	}
	sheet := x.Sheets[0]
	var rows []wbRow
	var failed error
	for r := range x.ReadRows(sheet) {
		if r.Error != nil {
			if failed == nil {
				failed = r.Error
			}
			continue
		}
		row := wbRow{line: r.Index}
		for _, c := range r.Cells {
			i := c.ColumnIndex()
			if i < 0 || i >= maxColumns {
				continue
			}
			for len(row.fields) <= i {
				row.fields = append(row.fields, "")
			}
			row.fields[i] = cellText(c)
		}
		rows = append(rows, row)
	}
	if failed != nil {
		return sheet, nil, errors.New("a row of the sheet cannot be read")
	}
	return sheet, rows, nil
}

// cellText is a cell's value as text: numbers as Excel shows them in a
// General column (up to 15 digits, no exponent, no trailing ".0"), a date
// as 2026-12-07, a time of day as 07:00, true and false for booleans.
func cellText(c xlsxreader.Cell) string {
	switch c.Type {
	case xlsxreader.TypeNumerical:
		f, err := strconv.ParseFloat(strings.TrimSpace(c.Value), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return c.Value
		}
		if f == math.Trunc(f) && math.Abs(f) < 1e15 {
			return strconv.FormatInt(int64(f), 10)
		}
		// Excel keeps 15 significant digits: 1.1, not 1.1000000000000001.
		f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
		return strconv.FormatFloat(f, 'f', -1, 64)
	case xlsxreader.TypeDateTime:
		t, err := time.Parse(time.RFC3339, c.Value)
		if err != nil {
			return c.Value // a date alone, 2026-12-07
		}
		// The reader cuts to the second what is a fraction of a day:
		// 07:00 may come as 06:59:59.
		t = t.Round(time.Minute)
		if t.Year() == 1899 && t.Month() == time.December && t.Day() == 30 {
			return t.Format("15:04") // a time of day: opens 07:00
		}
		return t.Format("2006-01-02 15:04")
	case xlsxreader.TypeBoolean:
		switch c.Value {
		case "1":
			return "true"
		case "0":
			return "false"
		}
	}
	return c.Value
}
