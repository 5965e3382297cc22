package main

import (
	"context"
	"crypto/subtle"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/csvfile"
	"github.com/werkplek/werkplek/intranet/ical"
	"github.com/werkplek/werkplek/intranet/when"
)

// roomColumns are the columns of the rooms CSV.
var roomColumns = []string{"name", "location", "capacity", "facilities", "opens", "closes"}

// Opening hours of an imported room whose opens or closes is empty.
const (
	importOpens  = 7 * 60
	importCloses = 19 * 60
)

// rooms runs `werkplek rooms import FILE`.
func (m *Main) rooms(ctx context.Context, args []string) error {
	const help = "werkplek rooms import [--dry-run] FILE\n\nLoads meeting rooms from a CSV file with the header\n  name,location,capacity,facilities,opens,closes\n" +
		"(facilities ';'-separated, e.g. screen;video; hours as 07:00; empty hours mean 07:00 to 19:00).\n" +
		"Idempotent by name: importing again updates, never duplicates; a retired room stays retired.\n" +
		"All or nothing: a file with errors imports nothing and lists every bad line."
	path, dryRun, err := m.importArgs("rooms", help, args)
	if path == "" || err != nil {
		return err
	}
	_, sum, err := importCSV(ctx, m, "werkplek rooms import", path, dryRun, parseRoomsCSV, func(ctx context.Context, r []intranet.RoomRecord, dry bool) (intranet.ImportSummary, error) {
		return m.Store.SaveRooms(ctx, r, dry)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "%s %s: %d new rooms, %d updated.\n", importVerb(dryRun), path, sum.Created, sum.Updated)
	return nil
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
				rr.Facilities = append(rr.Facilities, f)
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
		records = append(records, rr)
	}
	return records, problems
}

// roomFeeds mounts the calendar feeds: /rooms/{id}.ics for a room and
// /rooms/person/{id}.ics for a person's own bookings and the shifts they took
// over (handover), each with its secret
// token (?token=…) that `/room feed` shows.
func (m *Main) roomFeeds(mux *http.ServeMux) {
	mux.HandleFunc("GET /rooms/{file}", func(w http.ResponseWriter, r *http.Request) {
		m.serveFeed(w, r, "room")
	})
	mux.HandleFunc("GET /rooms/person/{file}", func(w http.ResponseWriter, r *http.Request) {
		m.serveFeed(w, r, "person")
	})
}

// Feeds show bookings from a month ago to a year ahead.
const (
	feedPast   = 31 * 24 * time.Hour
	feedFuture = 400 * 24 * time.Hour
)

func (m *Main) serveFeed(w http.ResponseWriter, r *http.Request, kind string) {
	ctx := r.Context()
	idText, ok := strings.CutSuffix(r.PathValue("file"), ".ics")
	id, err := strconv.ParseInt(idText, 10, 64)
	if !ok || err != nil || id <= 0 {
		http.NotFound(w, r)
		return
	}
	// Unknown feeds and wrong tokens look alike: 404.
	var name string
	filter := intranet.BookingFilter{From: time.Now().Add(-feedPast), To: time.Now().Add(feedFuture)}
	switch kind {
	case "room":
		room, err := m.Store.FindRoomByID(ctx, id)
		if err != nil {
			m.feedError(w, r, err)
			return
		}
		name, filter.RoomID = room.Name, room.ID
	default:
		p, err := m.Store.FindPersonByID(ctx, id)
		if err != nil {
			m.feedError(w, r, err)
			return
		}
		name, filter.PersonID = "Werkplek: "+p.Name, p.ID
	}
	token, err := m.Store.FeedToken(ctx, fmt.Sprintf("%s:%d", kind, id))
	if err != nil {
		m.feedError(w, r, err)
		return
	}
	if subtle.ConstantTimeCompare([]byte(token), []byte(r.URL.Query().Get("token"))) != 1 {
		http.NotFound(w, r)
		return
	}
	bookings, err := m.Store.Bookings(ctx, filter)
	if err != nil {
		m.feedError(w, r, err)
		return
	}
	host := "werkplek"
	if m.Config.PublicURL != "" {
		host = strings.TrimPrefix(strings.TrimPrefix(m.Config.PublicURL, "https://"), "http://")
	}
	cal := ical.Calendar{ProdID: "-//Werkplek//Room booking//NL", Name: name, Stamp: time.Now()}
	for _, b := range bookings {
		summary := b.Title
		if summary == "" {
			summary = "Booked"
		}
		if kind == "room" {
			summary += " (" + b.Person + ")"
		} else {
			summary = b.Room + ": " + summary
		}
		cal.Events = append(cal.Events, ical.Event{UID: fmt.Sprintf("booking-%d@%s", b.ID, host), Start: b.Start, End: b.End,
			Summary: summary, Location: b.Room, Description: fmt.Sprintf("Booked by %s. Booking %d; cancel with /room cancel %d.", b.Person, b.ID, b.ID),
			Created: b.Created})
	}
	if kind == "person" {
		// The shifts the person took over from a colleague are theirs too.
		from, to := filter.From, filter.To
		shifts, err := m.Store.Handovers(ctx, intranet.HandoverFilter{TakerID: &id, States: []intranet.HandoverState{intranet.HandoverTaken}, StartFrom: &from, StartTo: &to})
		if err != nil {
			m.feedError(w, r, err)
			return
		}
		for _, h := range shifts {
			cal.Events = append(cal.Events, ical.Event{UID: fmt.Sprintf("handover-%d@%s", h.ID, host), Start: h.Start, End: h.End,
				Summary: "Dienst: " + h.What, Location: h.Team,
				Description: fmt.Sprintf("Overgenomen van %s (overdracht %d, team %s).", h.Requester, h.ID, h.Team), Created: h.Changed})
		}
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Cache-Control", "private, max-age=300")
	if err := cal.Write(w); err != nil {
		m.Log.Warn("calendar feed: write", "err", err)
	}
}

func (m *Main) feedError(w http.ResponseWriter, r *http.Request, err error) {
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		http.NotFound(w, r)
		return
	}
	m.Log.Error("calendar feed", "path", r.URL.Path, "err", err)
	http.Error(w, "calendar temporarily unavailable", http.StatusServiceUnavailable)
}
