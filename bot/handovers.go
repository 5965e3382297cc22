package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/csvfile"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/when"
)

// DefaultHandoverReminderHours is WERKPLEK_HANDOVER_REMINDER_HOURS's default:
// how long before a shift's start the leads hear that it is still open.
const DefaultHandoverReminderHours = 12

const teamsHelp = `werkplek teams import [--dry-run] FILE

Loads teams from a CSV file or an Excel workbook (.xlsx, its first sheet) with the header
  name,leads,members,channels,approval
leads and members are ';'-separated email addresses of people in the phonebook;
channels are ';'-separated platform:channel-id (slack:C0123, mattermost:4xp9..., teams:19:...,
console:NAME); approval is yes or no (empty keeps the current value).
Creates teams by name or adds to them: members, leads and channels listed are
added, never removed. All or nothing: a file with errors imports nothing and
lists every bad line. Every department is a team already (its people are
members, those with the team lead role its leads); a line with a department's
name adds to that team.
` + fileFormats

// teams runs `werkplek teams import FILE`.
func (m *Main) teams(ctx context.Context, args []string) error {
	path, dryRun, err := m.importArgs("teams", teamsHelp, args)
	if path == "" || err != nil {
		return err
	}
	_, sum, format, err := importCSV(ctx, m, "werkplek teams import", path, dryRun, parseTeamsCSV, func(ctx context.Context, r []intranet.TeamRecord, dry bool) (intranet.ImportSummary, error) {
		return m.Store.ImportTeams(ctx, r, dry)
	})
	if err != nil {
		return err
	}
	return m.importDone(ctx, "teams", path, dryRun, format, fmt.Sprintf("%s %s: %s, %s added to.", importVerb(dryRun), path, feature.Count(sum.Created, "new team", "new teams"), feature.Count(sum.Updated, "existing team", "existing teams")))
}

var teamColumns = []string{"name", "leads", "members", "channels", "approval"}

// parseTeamsCSV reads the teams file and lists every bad line.
func parseTeamsCSV(r io.Reader) ([]intranet.TeamRecord, []intranet.ImportProblem) {
	f, problems := csvfile.Open(r, teamColumns, "name")
	if problems != nil {
		return nil, problems
	}
	var out []intranet.TeamRecord
	seen := map[string]int{}
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
		rec := intranet.TeamRecord{Line: line, Name: strings.Join(strings.Fields(get("name")), " ")}
		bad := func(format string, a ...any) {
			problems = append(problems, intranet.ImportProblem{Line: line, Reason: fmt.Sprintf(format, a...)})
		}
		if phonebook.Key(rec.Name) == "" {
			bad("a team needs a name")
		} else if first, ok := seen[phonebook.Key(rec.Name)]; ok {
			bad("team %q is on line %d already", rec.Name, first)
		} else {
			seen[phonebook.Key(rec.Name)] = line
		}
		for _, part := range []struct {
			column string
			into   *[]string
		}{{"leads", &rec.Leads}, {"members", &rec.Members}} {
			for _, e := range strings.Split(get(part.column), ";") {
				if e = strings.ToLower(strings.TrimSpace(e)); e == "" {
					continue
				} else if !phonebook.ValidEmail(e) {
					bad("%s: %q is not an email address", part.column, e)
				} else {
					*part.into = append(*part.into, e)
				}
			}
		}
		for _, ch := range strings.Split(get("channels"), ";") {
			if ch = strings.TrimSpace(ch); ch == "" {
				continue
			}
			platform, id, ok := strings.Cut(ch, ":")
			p := intranet.Platform(strings.ToLower(strings.TrimSpace(platform)))
			if !ok || strings.TrimSpace(id) == "" || (p != intranet.PlatformSlack && p != intranet.PlatformMattermost && p != intranet.PlatformTeams && p != intranet.PlatformConsole) {
				bad("channels: %q is not platform:channel-id (platform slack, mattermost, teams or console)", ch)
				continue
			}
			rec.Channels = append(rec.Channels, intranet.TeamChannel{Platform: p, ChannelID: strings.TrimSpace(id)})
		}
		switch v := strings.ToLower(get("approval")); {
		case v == "":
		case v == "y" || v == "n":
			yes := v == "y"
			rec.Approval = &yes
		default:
			// Every on/off value in Werkplek: yes/no, on/off, ja/nee, aan/uit.
			on, ok := grammar.ReadOnOff(v)
			if !ok {
				bad("approval: %q is not yes or no", get("approval"))
				break
			}
			rec.Approval = &on
		}
		out = append(out, rec)
	}
	return out, problems
}

const handoversHelp = `werkplek handovers export --from DATE --to DATE [--out FILE]

Writes every recorded change (who, what, when) of the handover requests whose
shift starts between --from and --to (both included, YYYY-MM-DD in
WERKPLEK_TIMEZONE) as CSV, one line per change, for the planner or the payroll
system. Times are RFC 3339 in WERKPLEK_TIMEZONE with its offset, as every
export writes a time. The columns:
  handover_id,team,requester_email,requester,shift_start,shift_end,shift_hours,
  description,skill,state,taker_email,taker,changed_at,change,state_after,by_email,by
state is where the request is now; change is created, taken, approval_requested,
approved, rejected, cancelled, expired, notified or reminded.`

// handovers runs `werkplek handovers export`.
func (m *Main) handovers(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "export" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprintln(m.Stdout, handoversHelp)
			return nil
		}
		if isCommand(args) {
			return unknownCommand("handovers", args[0], []string{"export"}, handoversHelp)
		}
		return &exitError{code: 2, msg: "werkplek handovers: use werkplek handovers export --from DATE --to DATE\n\n" + handoversHelp}
	}
	fs := m.flags("handovers export", handoversHelp)
	fromS := fs.String("from", "", "first shift date, YYYY-MM-DD")
	toS := fs.String("to", "", "last shift date, YYYY-MM-DD (included)")
	out := fs.String("out", "", "write to this file instead of stdout")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	loc := m.Config.Location
	if loc == nil {
		loc = time.UTC
	}
	from, err1 := time.ParseInLocation("2006-01-02", *fromS, loc)
	to, err2 := time.ParseInLocation("2006-01-02", *toS, loc)
	if err1 != nil || err2 != nil {
		return &exitError{code: 2, msg: "werkplek handovers export: give --from and --to as YYYY-MM-DD, e.g. --from 2026-11-01 --to 2026-11-30"}
	}
	if to.Before(from) {
		return &exitError{code: 2, msg: "werkplek handovers export: --to is before --from"}
	}
	to = to.AddDate(0, 0, 1)
	if err := m.open(ctx); err != nil {
		return err
	}
	list, err := m.Store.Handovers(ctx, intranet.HandoverFilter{StartFrom: &from, StartTo: &to})
	if err != nil {
		return err
	}
	events, err := m.Store.HandoverEvents(ctx, from, to)
	if err != nil {
		return err
	}
	byID := map[int64]*intranet.Handover{}
	for _, h := range list {
		byID[h.ID] = h
	}
	w := m.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return &exitError{code: 1, msg: "werkplek handovers export: " + err.Error()}
		}
		defer f.Close()
		w = f
	}
	cw := csv.NewWriter(w) // keeps its first write error; read once after Flush below
	_ = cw.Write([]string{"handover_id", "team", "requester_email", "requester", "shift_start", "shift_end", "shift_hours", "description", "skill", "state",
		"taker_email", "taker", "changed_at", "change", "state_after", "by_email", "by"})
	for _, e := range events {
		h := byID[e.HandoverID]
		if h == nil {
			continue
		}
		_ = cw.Write([]string{strconv.FormatInt(h.ID, 10), h.Team, h.RequesterEmail, h.Requester,
			when.Stamp(h.Start, loc), when.Stamp(h.End, loc), strconv.FormatFloat(h.End.Sub(h.Start).Hours(), 'f', 2, 64),
			h.What, h.Skill, string(h.State), h.TakerEmail, h.Taker,
			when.Stamp(e.At, loc), string(e.Action), string(e.State), e.ActorEmail, e.Actor})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write the export: %w", err)
	}
	if *out != "" {
		fmt.Fprintf(m.Stderr, "Wrote %s of %s to %s.\n", feature.Count(len(events), "change", "changes"), feature.Count(len(list), "handover", "handovers"), *out)
	}
	return nil
}
