package feature

import (
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/when"
)

// AuditCSVHeader is the header of the audit log as CSV.
var AuditCSVHeader = []string{"at", "actor", "platform", "action", "subject", "detail"}

// AuditCSV writes audit entries as CSV rows after the header, times in
// loc with their offset, every cell defused for spreadsheets.
func AuditCSV(entries []intranet.AuditEntry, loc *time.Location) [][]string {
	rows := [][]string{AuditCSVHeader}
	for _, e := range entries {
		rows = append(rows, []string{when.Stamp(e.At, loc), intranet.DefuseCell(e.Actor), intranet.DefuseCell(e.Platform),
			intranet.DefuseCell(e.Action), intranet.DefuseCell(e.Subject), intranet.DefuseCell(e.Detail)})
	}
	return rows
}
