package harness

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Targets of issue 23, as the table checks them.
const (
	TargetFirstP99    = 100 * time.Millisecond
	TargetRSS         = 40 << 20
	TargetSoakGrowth  = 10.0 // percent
	TargetImport      = 100 * time.Second
	TargetImportSize  = 1_000_000
	TargetScaleFactor = 1.5 // throughput at the largest size within 1.5× of the smallest's
)

// Print writes the report as Markdown tables: the machine, each size's
// rows, and the targets.
func (r Report) Print(w io.Writer) {
	m := r.Machine
	fmt.Fprintf(w, "Machine: %s, %d cores, %.1f GiB memory, Linux %s\n", m.CPU, m.Cores, float64(m.Memory)/(1<<30), m.Kernel)
	fmt.Fprintf(w, "Load: %d connections, %s per platform and command, closed loop; late: answered at once with an empty 200 or \"one moment\" and then on the response_url, as Slack and Mattermost allow\n", r.Connections, r.Duration)
	for _, run := range r.Runs {
		fmt.Fprintf(w, "\n### %s people\n\n", thousands(run.People))
		fmt.Fprintf(w, "Import (`werkplek import`): %s; serve ready (`/readyz` 200) %s after start; RSS when ready %s, after the load %s (%s anonymous: heap, stacks; %s of the binary's mapped pages).\n\n",
			secs(run.Import), secs(run.ReadyIn), mb(run.RSSReady), mb(run.RSSAfter), mb(run.MemAfter.Anon), mb(run.MemAfter.File))
		fmt.Fprintln(w, "| platform | command | requests/s | p50 | p99 | errors | late | RSS after |")
		fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---:|")
		first := run.First
		first.Command = fmt.Sprintf("%s, first %s after ready", first.Command, r.First)
		rows := append([]Row{first}, run.Rows...)
		if len(run.SoakRSS) > 0 {
			soak := run.Soak
			soak.Command = "all, soak"
			rows = append(rows, soak)
		}
		for _, row := range rows {
			if row.Requests == 0 && row.Platform == "" {
				continue
			}
			fmt.Fprintf(w, "| %s | %s | %.0f | %s | %s | %d | %d | %s |\n", row.Platform, row.Command, row.PerSecond, ms(row.P50), ms(row.P99), row.Errors, row.Late, mb(row.RSS))
		}
		if len(run.SoakRSS) > 0 {
			fmt.Fprintf(w, "\nRSS over the soak (every %s): %s; growth %.1f %%.\n", run.SoakEvery, mbList(run.SoakRSS), growth(run.SoakRSS))
		}
	}
	r.printTargets(w)
}

// printTargets writes the targets table: what was measured against what
// the issue asks.
func (r Report) printTargets(w io.Writer) {
	if len(r.Runs) == 0 {
		return
	}
	fmt.Fprintln(w, "\n### Targets\n\n| target | measured | goal | met |\n|---|---|---|---|")
	small, large := r.Runs[0], r.Runs[0]
	for _, run := range r.Runs {
		if run.People < small.People {
			small = run
		}
		if run.People > large.People {
			large = run
		}
	}
	if large.People > small.People {
		for _, row := range large.Rows {
			if row.Command != "phonebook" {
				continue
			}
			base := find(small.Rows, row.Platform, row.Command)
			if base.PerSecond == 0 {
				continue
			}
			ratio := row.PerSecond / base.PerSecond
			target(w, fmt.Sprintf("%s phonebook throughput, %s vs %s people", row.Platform, thousands(large.People), thousands(small.People)),
				fmt.Sprintf("%.2f× (%.0f vs %.0f/s)", ratio, row.PerSecond, base.PerSecond), fmt.Sprintf("≥ %.2f×", 1/TargetScaleFactor), ratio >= 1/TargetScaleFactor)
		}
	}
	for _, run := range r.Runs {
		n := thousands(run.People)
		target(w, fmt.Sprintf("first %s after ready, p99 (%s people)", r.First, n), ms(run.First.P99), "≤ "+ms(TargetFirstP99), run.First.P99 <= TargetFirstP99 && run.First.Requests > 0)
		target(w, fmt.Sprintf("RSS after the load (%s people)", n), mb(run.RSSAfter), "≤ "+mb(TargetRSS), run.RSSAfter <= TargetRSS)
		if len(run.SoakRSS) > 1 {
			g := growth(run.SoakRSS)
			target(w, fmt.Sprintf("RSS growth over the soak (%s people)", n), fmt.Sprintf("%.1f %%", g), fmt.Sprintf("≤ %.0f %%", TargetSoakGrowth), g <= TargetSoakGrowth)
		}
		if run.People == TargetImportSize {
			target(w, fmt.Sprintf("import of %s people", n), secs(run.Import), "≤ "+secs(TargetImport), run.Import <= TargetImport)
		}
		errs := 0
		for _, row := range append([]Row{run.First, run.Soak}, run.Rows...) {
			errs += row.Errors
		}
		target(w, fmt.Sprintf("errors (%s people)", n), fmt.Sprint(errs), "0", errs == 0)
	}
}

func target(w io.Writer, what, measured, goal string, met bool) {
	fmt.Fprintf(w, "| %s | %s | %s | %s |\n", what, measured, goal, map[bool]string{true: "yes", false: "**no**"}[met])
}

func find(rows []Row, platform, command string) Row {
	for _, r := range rows {
		if r.Platform == platform && r.Command == command {
			return r
		}
	}
	return Row{}
}

// growth is how much the last sample is above the first, in percent.
func growth(rss []int64) float64 {
	if len(rss) < 2 || rss[0] == 0 {
		return 0
	}
	return float64(rss[len(rss)-1]-rss[0]) / float64(rss[0]) * 100
}

func mb(b int64) string { return fmt.Sprintf("%.1f MB", float64(b)/(1<<20)) }

func mbList(rss []int64) string {
	var parts []string
	for _, b := range rss {
		parts = append(parts, fmt.Sprintf("%.1f", float64(b)/(1<<20)))
	}
	return strings.Join(parts, ", ") + " MB"
}

func secs(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }

// thousands writes n with a space between thousands: 1 000 000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}
