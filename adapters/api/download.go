package api

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"github.com/werkplek/werkplek/intranet"
)

// download answers GET /download/<secret>: the export the link was made
// for, once, as a CSV attachment. A link that is unknown, used or expired
// gets a short page in Dutch and English (410; 404 for what is no link at
// all).
func (h *Handler) download(w http.ResponseWriter, r *http.Request, secret string) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "Only GET is allowed.", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	if secret == "" || len(secret) > 200 || strings.ContainsAny(secret, "/?#") {
		page(w, http.StatusNotFound, linkUnknown)
		return
	}
	if h.cfg.Downloads == nil {
		page(w, http.StatusNotFound, linkUnknown)
		return
	}
	d, err := h.cfg.Downloads.UseDownload(r.Context(), intranet.HashSecret(secret), h.cfg.Now())
	switch {
	case intranet.ErrorCode(err) == intranet.ENOTFOUND:
		page(w, http.StatusGone, linkGone)
		return
	case err != nil:
		h.cfg.Log.Error("download", "err", err)
		page(w, http.StatusInternalServerError, linkFailed)
		return
	case d.Kind != "hours" && d.Kind != "":
		page(w, http.StatusNotFound, linkUnknown)
		return
	}
	f := intranet.TimesheetFilter{PersonIDs: d.PersonIDs, From: d.From, To: d.To, States: d.States}
	// Written to memory first: a failure still gets a page, not half a file.
	var buf bytes.Buffer
	if err := WriteHoursCSV(r.Context(), &buf, h.cfg.Timesheets, f, h.cfg.Location, h.cfg.MileageRate); err != nil {
		h.cfg.Log.Error("download", "err", err)
		page(w, http.StatusInternalServerError, linkFailed)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, HoursFilename(d.From, d.To)))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(buf.Bytes())
}

// HoursFilename is the export's file name for a period.
func HoursFilename(from, to string) string {
	name := "werkplek-hours"
	if from != "" {
		name += "-" + from
	}
	if to != "" {
		name += "-" + to
	}
	return name + ".csv"
}

// A page's Dutch and English text.
type pageText struct {
	TitleNL, TitleEN string
	TextNL, TextEN   string
}

var (
	linkGone = pageText{
		TitleNL: "Deze link werkt niet meer", TitleEN: "This link no longer works",
		TextNL: "Een downloadlink werkt één keer en 10 minuten lang. Vraag een nieuwe aan met /uren exporteer in de chat.",
		TextEN: "A download link works once and for 10 minutes. Ask for a new one with /hours export in the chat.",
	}
	linkUnknown = pageText{
		TitleNL: "Deze link bestaat niet", TitleEN: "This link does not exist",
		TextNL: "Controleer of u de hele link hebt gekopieerd, of vraag een nieuwe aan met /uren exporteer in de chat.",
		TextEN: "Check that you copied the whole link, or ask for a new one with /hours export in the chat.",
	}
	linkFailed = pageText{
		TitleNL: "Er ging iets mis", TitleEN: "Something went wrong",
		TextNL: "Het bestand kon niet worden gemaakt. Vraag over een paar minuten een nieuwe link aan met /uren exporteer.",
		TextEN: "The file could not be made. Ask for a new link in a few minutes with /hours export.",
	}
)

var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.TitleNL}} · Werkplek</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#222}h1{font-size:1.3rem}hr{border:0;border-top:1px solid #ddd;margin:2rem 0}</style>
</head>
<body>
<h1>{{.TitleNL}}</h1>
<p>{{.TextNL}}</p>
<hr>
<div lang="en">
<h1>{{.TitleEN}}</h1>
<p>{{.TextEN}}</p>
</div>
</body>
</html>
`))

func page(w http.ResponseWriter, status int, t pageText) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_ = pageTemplate.Execute(w, t)
}
