package intranet

import "strings"

// DefuseCell keeps a spreadsheet from reading a CSV cell as a formula (CSV
// injection, https://owasp.org/www-community/attacks/CSV_Injection): a
// cell that starts with = + - @ (or a tab or carriage return) gets a
// leading apostrophe, which spreadsheets show as text. Every CSV export
// writes its cells through it.
func DefuseCell(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
