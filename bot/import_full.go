package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// fullImportHelp is what `werkplek import --help` says of --full.
const fullImportHelp = `
With --full the file is the whole organisation: after the import, the
active people in Werkplek who are not in the file are listed (name, email);
nobody is deactivated (with --dry-run too, nothing is imported either). With --full --apply they are deactivated, as an admin's
/werkplek person deactivate does (out of the phonebook, routing and
subscriptions; coming bookings cancelled; open questions closed; topics to
the admins; open handovers kept for the team). Guests (partners) are never
in an HR file and are left alone. A file that would deactivate more than
half the active people is refused (a truncated export, say) unless --force.
People in the file who were deactivated stay so, and are listed: an admin
brings them back with /werkplek person activate EMAIL.`

// fullImport is the --full part of `werkplek import`, after the people
// of records were imported: it lists the active people the file lacks, and
// with apply deactivates them through the directory unit.
func (m *Main) fullImport(ctx context.Context, path string, records []intranet.PersonRecord, apply, force bool) error {
	inFile := make(map[string]bool, len(records))
	for _, r := range records {
		inFile[strings.ToLower(strings.TrimSpace(r.Email))] = true
	}
	active, err := m.Store.ActivePeople(ctx)
	if err != nil {
		return err
	}
	var gone []*intranet.Person
	for _, p := range active {
		if !inFile[p.Email] && !p.IsGuest() {
			gone = append(gone, p)
		}
	}
	// Who is in the file but was deactivated stays so: coming back is an
	// admin's decision, not the file's.
	inactive, err := m.Store.InactivePeople(ctx)
	if err != nil {
		return err
	}
	for _, p := range inactive {
		if inFile[p.Email] {
			fmt.Fprintf(m.Stdout, "%s <%s> is in %s but deactivated; to bring them back: /werkplek person activate %s\n", p.Name, p.Email, path, p.Email)
		}
	}
	if len(gone) == 0 {
		fmt.Fprintf(m.Stdout, "Everyone active in Werkplek is in %s: nobody to deactivate.\n", path)
		return nil
	}
	tooMany := 2*len(gone) > len(active)
	if !apply {
		// Without --dry-run the file was imported: only the deactivating
		// waits for --apply.
		fmt.Fprintf(m.Stdout, "%s in Werkplek %s not in %s (nobody was deactivated):\n", feature.Count(len(gone), "active person", "active people"), isAre(len(gone)), path)
		for _, p := range gone {
			fmt.Fprintf(m.Stdout, "  %s <%s>\n", p.Name, p.Email)
		}
		how := "werkplek import --full --apply " + path
		if tooMany {
			how = "werkplek import --full --apply --force " + path
			fmt.Fprintf(m.Stdout, "That is more than half of the %d active people: is the file complete?\n", len(active))
		}
		fmt.Fprintf(m.Stdout, "To deactivate them: %s\n", how)
		return nil
	}
	if tooMany && !force {
		return &exitError{code: 1, msg: fmt.Sprintf("werkplek import: %s would deactivate %d of the %d active people, more than half; nobody was deactivated. Check that the file is complete, or add --force.", path, len(gone), len(active))}
	}
	by := intranet.Actor{Name: "cli", Platform: "cli"}
	var total intranet.Departure
	for _, p := range gone {
		d, err := m.Units.Directory.Deactivate(ctx, by, p.ID)
		if err != nil {
			return fmt.Errorf("werkplek import: %w", err)
		}
		fmt.Fprintf(m.Stdout, "  deactivated %s <%s>\n", p.Name, p.Email)
		total.BookingsCancelled += d.BookingsCancelled
		total.QuestionsClosed += d.QuestionsClosed
		total.HandoversKept += d.HandoversKept
		total.TopicsHandedOver += d.TopicsHandedOver
	}
	fmt.Fprintf(m.Stdout, "Deactivated %s: %s cancelled, %s closed, %s kept open for the team, %s handed to the admins.\n",
		feature.Count(len(gone), "person", "people"), feature.Count(total.BookingsCancelled, "booking", "bookings"),
		feature.Count(total.QuestionsClosed, "question", "questions"), feature.Count(total.HandoversKept, "handover", "handovers"),
		feature.Count(total.TopicsHandedOver, "topic", "topics"))
	return nil
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
