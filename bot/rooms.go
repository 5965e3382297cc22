package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/csvfile"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/rooms"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/when"
)

// roomColumns are the columns of the rooms CSV.
var roomColumns = []string{"name", "location", "capacity", "facilities", "opens", "closes", "partners"}

// Opening hours of an imported room whose opens or closes is empty.
const (
	importOpens  = 7 * 60
	importCloses = 19 * 60
)

// rooms runs `werkplek rooms import FILE`.
func (m *Main) rooms(ctx context.Context, args []string) error {
	const help = "werkplek rooms import [--dry-run] FILE\n\nLoads meeting rooms from a CSV file or an Excel workbook (.xlsx, its first sheet) with the header\n  name,location,capacity,facilities,opens,closes\n" +
		"(facilities ';'-separated, e.g. screen;video; hours as 07:00; empty hours mean 07:00 to 19:00),\n" +
		"and optionally partners (yes/no, ja/nee: a visitor room, which partners may book; empty keeps what the room has).\n" + fileFormats + "\n" +
		"Idempotent by name: importing again updates, never duplicates; a retired room stays retired.\n" +
		"All or nothing: a file with errors imports nothing and lists every bad line."
	path, dryRun, err := m.importArgs("rooms", help, args)
	if path == "" || err != nil {
		return err
	}
	_, sum, format, err := importCSV(ctx, m, "werkplek rooms import", path, dryRun, parseRoomsCSV, func(ctx context.Context, r []intranet.RoomRecord, dry bool) (intranet.ImportSummary, error) {
		return m.Store.SaveRooms(ctx, r, dry)
	})
	if err != nil {
		return err
	}
	return m.importDone(ctx, "rooms", path, dryRun, format, fmt.Sprintf("%s %s: %s, %d updated.", importVerb(dryRun), path, feature.Count(sum.Created, "new room", "new rooms"), sum.Updated))
}

// parseRoomsCSV reads rooms from CSV and reports every bad line it can see
// without the database; the store checks the rest.
func parseRoomsCSV(r io.Reader) ([]intranet.RoomRecord, []intranet.ImportProblem) {
	f, problems := csvfile.Open(r, roomColumns, "name")
	if problems != nil {
		return nil, problems
	}
	var records []intranet.RoomRecord
	for {
		row, problem, more := f.Next()
		if !more {
			break
		}
		if problem != nil {
			problems = append(problems, *problem)
			continue
		}
		line, get := row.Line, row.Get
		rr := intranet.RoomRecord{Line: line, Name: get("name"), Location: get("location"), Opens: importOpens, Closes: importCloses}
		if v := get("capacity"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				problems = append(problems, intranet.ImportProblem{Line: line, Reason: fmt.Sprintf("capacity %q is not a number", v)})
			}
			rr.Capacity = n
		}
		for _, f := range strings.Split(get("facilities"), ";") {
			if f = strings.TrimSpace(f); f != "" {
				rr.Facilities = append(rr.Facilities, rooms.FacilityWord(f))
			}
		}
		for _, h := range []struct {
			name string
			dst  *int
		}{{"opens", &rr.Opens}, {"closes", &rr.Closes}} {
			if v := get(h.name); v != "" {
				c, err := when.ParseClock(v)
				if err != nil {
					problems = append(problems, intranet.ImportProblem{Line: line, Reason: fmt.Sprintf("%s %q is not a time like 07:00", h.name, v)})
				}
				*h.dst = int(c)
			}
		}
		if v := get("partners"); v != "" {
			on, ok := grammar.ReadOnOff(v)
			if !ok {
				problems = append(problems, intranet.ImportProblem{Line: line, Reason: fmt.Sprintf("partners %q is not yes or no", v),
					ReasonNL: fmt.Sprintf("partners %q is geen ja of nee", v)})
			}
			rr.Partners = &on
		}
		records = append(records, rr)
	}
	return records, problems
}

// roomFeeds mounts the calendar feeds: /rooms/{id}.ics for a room and
// /rooms/person/{id}.ics for a person's own bookings and the shifts they took
// over (handover), each with its secret token (?token=…) that `/room feed`
// shows. The rooms unit writes them; this is only their HTTP side.
func (m *Main) roomFeeds(mux *http.ServeMux) {
	mux.HandleFunc("GET /rooms/{file}", func(w http.ResponseWriter, r *http.Request) {
		m.serveFeed(w, r, rooms.RoomFeed)
	})
	mux.HandleFunc("GET /rooms/person/{file}", func(w http.ResponseWriter, r *http.Request) {
		m.serveFeed(w, r, rooms.PersonFeed)
	})
}

func (m *Main) serveFeed(w http.ResponseWriter, r *http.Request, kind rooms.FeedKind) {
	idText, ok := strings.CutSuffix(r.PathValue("file"), ".ics")
	id, err := strconv.ParseInt(idText, 10, 64)
	if !ok || err != nil || id <= 0 {
		http.NotFound(w, r)
		return
	}
	cal, err := m.Units.Rooms.Feed(r.Context(), kind, id, r.URL.Query().Get("token"))
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		// Unknown feeds and wrong tokens look alike.
		http.NotFound(w, r)
		return
	} else if err != nil {
		m.Log.Error("calendar feed", "path", r.URL.Path, "err", err)
		http.Error(w, "calendar temporarily unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Cache-Control", "private, max-age=300")
	if _, err := w.Write(cal); err != nil {
		m.Log.Warn("calendar feed: write", "path", r.URL.Path, "err", err)
	}
}
