package harness

import (
	"bytes"
	"context"
	"encoding/pem"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/werkplek/werkplek/bench/fake"
	"github.com/werkplek/werkplek/bench/load"
)

// StartFakes serves fake Slack, Mattermost and Teams on one loopback port,
// over TLS (the Teams adapter sends its token over https only) with a
// certificate that serve trusts through SSL_CERT_FILE, written into dir.
func StartFakes(dir string) (*Fakes, error) {
	teams, err := fake.NewTeams(fakeTeamsPath, teamsAppID)
	if err != nil {
		return nil, err
	}
	f := &Fakes{Slack: &fake.Slack{}, Teams: teams}
	mux := http.NewServeMux()
	mux.Handle("/slack/api/", f.Slack)
	// A command answered late goes to its response_url.
	late := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { f.late.Add(1) })
	mux.Handle("/slack/response", late)
	mux.Handle("/api/v4/", f.Mattermost)
	mux.Handle("/hooks/", late)
	mux.Handle(fakeTeamsPath, f.Teams)
	f.srv = httptest.NewUnstartedServer(mux)
	f.srv.StartTLS()
	f.Base = f.srv.URL
	f.certFile = filepath.Join(dir, "fake-platforms.pem")
	cert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: f.srv.Certificate().Raw})
	if err := os.WriteFile(f.certFile, cert, 0o644); err != nil {
		f.srv.Close()
		return nil, err
	}
	if f.teamsToken, err = teams.Token(f.Base); err != nil {
		f.srv.Close()
		return nil, err
	}
	return f, nil
}

// Settings point serve at the fakes: every platform on, and the fakes'
// certificate trusted.
func (f *Fakes) Settings() map[string]string {
	out := map[string]string{"SSL_CERT_FILE": f.certFile}
	for _, p := range f.Platforms() {
		for k, v := range p.Settings(f.Base) {
			out[k] = v
		}
	}
	return out
}

// Close stops the fake platforms.
func (f *Fakes) Close() { f.srv.Close() }

// Driver sends the commands of a run to one serve process.
type Driver struct {
	Fakes       *Fakes
	ServeURL    string
	Connections int
}

// teamsSettle is how long a row waits for the answers that come after the
// HTTP answer: Teams' connector posts, late answers to a response_url.
const teamsSettle = 15 * time.Second

// Measure drives platform p with the commands (one after another per
// connection) for d. On Teams, whose answer goes to the connector, an
// accepted activity without a message posted to the connector is an error.
func (dr Driver) Measure(ctx context.Context, p Platform, cmds []Command, d time.Duration) Row {
	return dr.MeasureMixed(ctx, map[string]Platform{p.Name: p}, []string{p.Name}, cmds, d)
}

// MeasureMixed drives the platforms named (each connection its own
// platform, in turn) with the commands for d.
func (dr Driver) MeasureMixed(ctx context.Context, platforms map[string]Platform, names []string, cmds []Command, d time.Duration) Row {
	users := Users()
	teamsBefore, _ := dr.Fakes.Teams.Posts()
	var teamsSent atomic.Int64 // Teams activities answered 2xx
	var deferred atomic.Int64  // commands answered with an empty 200: their answer follows on the response_url
	lateBefore := dr.Fakes.late.Load()
	src := func(conn, i int) load.Request {
		p := platforms[names[conn%len(names)]]
		c := cmds[i%len(cmds)]
		text, want := c.Query(i / len(cmds))
		req := load.Request{Request: p.Request(dr.ServeURL, users[conn%len(users)], c.Command, text)}
		if p.Async {
			req.Check = func([]byte) bool { teamsSent.Add(1); return true }
		} else {
			req.Check = func(body []byte) bool {
				if len(body) == 0 || interim(body) {
					deferred.Add(1)
					return true
				}
				return contains(body, want)
			}
		}
		return req
	}
	res := load.Run(ctx, load.Options{Connections: dr.Connections, Duration: d}, src)
	row := Row{Platform: names[0], Command: cmds[0].Name, Requests: res.Requests, Errors: res.Errors, PerSecond: res.PerSecond(),
		P50: res.Percentile(50), P99: res.Percentile(99), FirstError: res.FirstError}
	if len(names) > 1 {
		row.Platform = "all"
	}
	if len(cmds) > 1 {
		row.Command = "all"
	}
	row.Late = int(deferred.Load())
	if row.Late > 0 {
		// Each command answered late must bring a post to its response_url.
		got := settle(func() int { return int(dr.Fakes.late.Load() - lateBefore) }, row.Late)
		if got < row.Late {
			row.Errors += row.Late - got
			if row.FirstError == "" {
				row.FirstError = fmt.Sprintf("%d commands answered late, %d answers posted to their response_url", row.Late, got)
			}
		}
	}
	sent := int(teamsSent.Load())
	if sent > 0 {
		// Each accepted activity must bring one message to the connector.
		got := settle(func() int { n, _ := dr.Fakes.Teams.Posts(); return n - teamsBefore }, sent)
		if got < sent {
			row.Errors += sent - got
			if row.FirstError == "" {
				row.FirstError = fmt.Sprintf("teams: %d activities accepted, %d answers posted to the connector", sent, got)
			}
		}
	}
	return row
}

// interim says whether an answer is Mattermost's "one moment" that a slow
// command gets at once, its answer following on the response_url.
func interim(body []byte) bool {
	return bytes.Contains(body, []byte("Even geduld, ik zoek het uit")) || bytes.Contains(body, []byte("One moment, working on it"))
}

// settle waits until count reaches want, at most teamsSettle, and returns
// the last count.
func settle(count func() int, want int) int {
	deadline := time.Now().Add(teamsSettle)
	for {
		got := count()
		if got >= want || time.Now().After(deadline) {
			return got
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
