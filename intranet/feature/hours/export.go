package hours

import (
	"context"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// DownloadValid is how long an export's link works (once).
const DownloadValid = 10 * time.Minute

// maxExportDays is the longest period one export covers.
const maxExportDays = 366

// DownloadKind is the Kind of the downloads /hours export makes.
const DownloadKind = "hours"

// export answers /hours export <from> <to>: a link, for the caller only,
// that downloads once, within DownloadValid, the CSV of the hours and
// trips of the people they approve (of everyone for an admin).
func (u *Unit) export(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	from, _ := c.Cmd.Date("from")
	to, _ := c.Cmd.Date("to")
	if to.Before(from) {
		return c.Reply(c.T("De einddatum ligt vóór de begindatum. ", "The end date is before the start date. ") + c.Usage()), nil
	}
	if from.DaysUntil(to) >= maxExportDays {
		return c.Reply(c.T("Eén export beslaat hoogstens een jaar.", "One export covers at most a year.")), nil
	}
	var ids []int64
	if !c.Has(intranet.RoleAdmin) {
		a, err := u.approval(ctx)
		if err != nil {
			return intranet.Reply{}, err
		}
		sheets, err := u.cfg.Timesheets.Timesheets(ctx, intranet.TimesheetFilter{From: from.String(), To: to.String()})
		if err != nil {
			return intranet.Reply{}, err
		}
		people, err := a.approvees(ctx, c.Person, sheets)
		if err != nil {
			return intranet.Reply{}, err
		}
		if len(people) == 0 {
			return c.Reply(c.T("Alleen goedkeurders en beheerders exporteren uren, en jij keurt van niemand de uren goed.",
				"Only approvers and admins export hours, and you approve nobody's.")), nil
		}
		for _, p := range people {
			ids = append(ids, p.ID)
		}
	}
	base := strings.TrimRight(u.cfg.PublicURL, "/")
	if base == "" {
		return c.Reply(c.T("Downloadlinks hebben het adres van Werkplek nodig: de beheerder moet `WERKPLEK_PUBLIC_URL` instellen. Tot dan maakt de beheerder de export met `werkplek hours export --from %s --to %s`.",
			"Download links need Werkplek's address: the admin must set `WERKPLEK_PUBLIC_URL`. Until then the admin makes the export with `werkplek hours export --from %s --to %s`.", from, to)), nil
	}
	secret, hash := intranet.NewSecret()
	expires := u.cfg.Now().Add(DownloadValid)
	if err := u.cfg.Downloads.CreateDownload(ctx, intranet.Download{Hash: hash, PersonID: c.Person.ID, Kind: DownloadKind,
		From: from.String(), To: to.String(), PersonIDs: ids, Expires: expires}); err != nil {
		return intranet.Reply{}, err
	}
	return exportReply(c, base+"/download/"+secret, from, to, len(ids)), nil
}

// exportReply gives the caller, and only them, the link.
func exportReply(c *feature.Call, url string, from, to when.Date, people int) intranet.Reply {
	who := c.T("iedereen", "everyone")
	if people > 0 {
		who = c.N(people, "persoon", "personen", "person", "people")
	}
	r := c.Reply(c.T("Je export van %s t/m %s (%s): [download de CSV](%s)\nDe link werkt één keer, 10 minuten lang, en alleen voor jou.",
		"Your export of %s to %s (%s): [download the CSV](%s)\nThe link works once, for 10 minutes, and only for you.", from.Format(c.Lang), to.Format(c.Lang), who, url))
	r.Visibility = intranet.Ephemeral
	return r
}
