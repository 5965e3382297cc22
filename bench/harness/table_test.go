package harness

import (
	"strings"
	"testing"
	"time"
)

func TestPrint(t *testing.T) {
	row := func(platform, command string, rps float64, rss int64) Row {
		return Row{Platform: platform, Command: command, Requests: 100, PerSecond: rps, P50: 3 * time.Millisecond, P99: 20 * time.Millisecond, RSS: rss}
	}
	rep := Report{
		Machine:     Machine{CPU: "Test CPU", Cores: 2, Memory: 8 << 30, Kernel: "6.1"},
		Connections: 16, Duration: 20 * time.Second, First: 10 * time.Second,
		Runs: []Run{
			{People: 100000, Import: 25 * time.Second, RSSAfter: 38 << 20, First: Row{Platform: "slack", Command: "phonebook", Requests: 10, P99: 90 * time.Millisecond},
				Rows: []Row{row("slack", "phonebook", 800, 38<<20), row("teams", "news", 500, 38<<20)}},
			{People: 1000000, Import: 120 * time.Second, RSSAfter: 45 << 20, First: Row{Platform: "slack", Command: "phonebook", Requests: 10, P99: 150 * time.Millisecond},
				Rows:    []Row{row("slack", "phonebook", 600, 45<<20), row("teams", "news", 500, 45<<20)},
				SoakRSS: []int64{40 << 20, 42 << 20, 44 << 20}, SoakEvery: 30 * time.Second, Soak: row("all", "all", 700, 44<<20)},
		},
	}
	var b strings.Builder
	rep.Print(&b)
	out := b.String()
	for _, want := range []string{
		"Machine: Test CPU, 2 cores, 8.0 GiB memory",
		"### 100 000 people", "### 1 000 000 people",
		"| slack | phonebook, first 10s after ready | 0 | 0.0 ms | 90.0 ms | 0 | 0 |",
		"| slack | phonebook | 800 | 3.0 ms | 20.0 ms | 0 | 0 | 38.0 MB |",
		"| teams | news | 500 |",
		"| all | all, soak | 700 |",
		"growth 10.0 %",
		"| slack phonebook throughput, 1 000 000 vs 100 000 people | 0.75× (600 vs 800/s) | ≥ 0.67× | yes |",
		"| first 10s after ready, p99 (100 000 people) | 90.0 ms | ≤ 100.0 ms | yes |",
		"| first 10s after ready, p99 (1 000 000 people) | 150.0 ms | ≤ 100.0 ms | **no** |",
		"| RSS after the load (1 000 000 people) | 45.0 MB | ≤ 40.0 MB | **no** |",
		"| RSS growth over the soak (1 000 000 people) | 10.0 % | ≤ 10 % | yes |",
		"| import of 1 000 000 people | 120.0 s | ≤ 100.0 s | **no** |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "import of 100 000") {
		t.Errorf("the import target is for 1 000 000 people only:\n%s", out)
	}
}

func TestCommandsExpectWhatTheyAsk(t *testing.T) {
	cmds := Commands(1000, map[string]bool{"Hoogenboom": true, "Jansen": true})
	pb := cmds["phonebook"]
	seen := map[string]bool{}
	for i := range 12 {
		text, want := pb.Query(i)
		if text == "" || want == "" {
			t.Fatalf("query %d: %q wants %q", i, text, want)
		}
		seen[want] = true
	}
	// Only surnames that were generated are asked, and numbers find people
	// by their email.
	if !seen["Hoogenboom"] || !seen["Jans"] || seen["Dijkstra"] {
		t.Errorf("surnames asked: %v", seen)
	}
	if _, want := pb.Query(2); !strings.HasSuffix(want, "@example.nl") {
		t.Errorf("every third query is a number found by email, got %q", want)
	}
	for _, name := range CommandNames {
		if cmds[name].Command == "" {
			t.Errorf("no command %s", name)
		}
	}
	if !contains([]byte(`{"text":"\u003cb\u003eZorgkamer Oost"}`), "<b>zorgkamer oost") {
		t.Error("contains should see through JSON's escapes, in any case")
	}
}
