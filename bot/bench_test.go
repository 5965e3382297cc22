package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/adapters/mattermost"
	"github.com/werkplek/werkplek/adapters/slack"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/phonebook"
	"github.com/werkplek/werkplek/intranet/router"
	"github.com/werkplek/werkplek/intranet/store"
)

// benchCore is the real core over the demo phonebook on PostgreSQL, with
// the benchmark's users already linked (as after their first request).
func benchCore(b *testing.B) (*router.Router, *store.Store) {
	s, err := store.Open(context.Background(), pgtest.URL(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if _, err := s.ImportPeople(ctx, demo.People(), false); err != nil {
		b.Fatal(err)
	}
	jan, _ := s.FindPersonByEmail(ctx, demo.User)
	for _, a := range []intranet.Account{
		{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U1", UserName: "jan", PersonID: jan.ID},
		{Platform: intranet.PlatformMattermost, Installation: "chat.example.nl", UserID: "mmjan", UserName: "jan", PersonID: jan.ID},
	} {
		if err := s.LinkAccount(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
	return router.New(router.Config{People: s, Accounts: s, Decisions: s, Language: "nl",
		Units: []feature.Unit{phonebook.New(phonebook.Config{People: s})}}), s
}

// measure runs do b.N times and reports requests per second and the p99.
func measure(b *testing.B, do func() int) {
	durs := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if code := do(); code != http.StatusOK {
			b.Fatalf("status %d", code)
		}
		durs = append(durs, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(durs, func(i, j int) bool { return durs[i] < durs[j] })
	var total time.Duration
	for _, d := range durs {
		total += d
	}
	b.ReportMetric(float64(len(durs))/total.Seconds(), "req/s")
	b.ReportMetric(float64(durs[len(durs)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkSlackPhonebook is one /phonebook slash command through Slack's
// HTTP handler: signature check, parsing, the core with the phonebook on
// PostgreSQL, Block Kit rendering.
//
//	go test ./bot -run '^$' -bench Phonebook -benchtime 2000x
func BenchmarkSlackPhonebook(b *testing.B) {
	core, s := benchCore(b)
	a, err := slack.New(slack.Config{SigningSecret: "bench-secret"}, core, s, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	a.Routes(mux)
	queries := []string{"jansen", "pieter jansen", "van den berg", "06-12345678", "dept:zorg wondzorg"}
	i := 0
	measure(b, func() int {
		form := url.Values{"command": {"/phonebook"}, "text": {queries[i%len(queries)]}, "user_id": {"U1"}, "team_id": {"T1"},
			"channel_id": {"C1"}, "response_url": {"http://127.0.0.1:1/response"}, "trigger_id": {"1"}}.Encode()
		i++
		ts := fmt.Sprint(time.Now().Unix())
		mac := hmac.New(sha256.New, []byte("bench-secret"))
		fmt.Fprintf(mac, "v0:%s:%s", ts, form)
		req := httptest.NewRequest("POST", "/slack/commands", strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Slack-Request-Timestamp", ts)
		req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		if !strings.Contains(rec.Body.String(), "blocks") {
			b.Fatalf("no Block Kit answer: %s", rec.Body.String())
		}
		return rec.Code
	})
}

// BenchmarkMattermostPhonebook is the same through Mattermost's handler.
func BenchmarkMattermostPhonebook(b *testing.B) {
	core, s := benchCore(b)
	a, err := mattermost.New(mattermost.Config{URL: "http://127.0.0.1:1", BotToken: "bot", CommandTokens: []string{"tok"},
		PublicURL: "https://werkplek.example.nl", Secret: []byte("bench"), Installation: "chat.example.nl"},
		core, s, s, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	a.Routes(mux)
	queries := []string{"jansen", "pieter jansen", "van den berg", "06-12345678", "dept:zorg wondzorg"}
	i := 0
	measure(b, func() int {
		form := url.Values{"command": {"/phonebook"}, "text": {queries[i%len(queries)]}, "user_id": {"mmjan"}, "team_id": {"team1"},
			"channel_id": {"chan1"}, "token": {"tok"}, "response_url": {"http://127.0.0.1:1/hooks"}, "trigger_id": {"t"}}.Encode()
		i++
		req := httptest.NewRequest("POST", "/mattermost/command", strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Authorization", "Token tok")
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		return rec.Code
	})
}
