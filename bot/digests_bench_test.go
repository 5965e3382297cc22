package main

import (
	"context"
	"io"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
)

// BenchmarkDigests5000 is the figure: 5 000 channel digests fall
// due at once on three serve runners (in this process, each with its own
// store, connection pool and job runner) against one PostgreSQL, and go out
// through a fake Slack that allows one post per second per channel (429
// with Retry-After otherwise). It reports the seconds from the due time
// until the last channel had its digest, and fails when a channel got two.
// Setting up the subscriptions takes a few minutes; run it once:
//
//	go test ./bot -run '^$' -bench Digests5000 -benchtime 1x -timeout 30m
func BenchmarkDigests5000(b *testing.B) {
	const n = 5000
	for i := 0; i < b.N; i++ {
		dbURL := pgtest.URL(b)
		fake := newCountingSlack(true)
		platform := httptest.NewServer(fake)
		env := map[string]string{"WERKPLEK_DATABASE_URL": dbURL, "WERKPLEK_LISTEN": "127.0.0.1:0", "SLACK_SIGNING_SECRET": "bench-secret",
			"SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_API_URL": platform.URL + "/slack/api/"}
		var stops []func()
		for r := 0; r < 3; r++ {
			m := NewMain()
			m.Stdout, m.Stderr, m.Getenv = io.Discard, io.Discard, testGetenv(env)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan int, 1)
			go func() { done <- m.Run(ctx, []string{"serve"}) }()
			select {
			case <-m.Ready:
			case code := <-done:
				b.Fatalf("serve exited %d", code)
			case <-time.After(60 * time.Second):
				b.Fatal("serve did not start")
			}
			stops = append(stops, func() { cancel(); <-done })
		}
		due := 4 * time.Minute
		b.StopTimer()
		_, start := digestSetup(b, dbURL, n, due)
		b.StartTimer()
		end := time.Now().Add(10 * time.Minute)
		for {
			channels, _, _ := fake.counts()
			if channels >= n {
				break
			}
			if time.Now().After(end) {
				b.Fatalf("only %d of %d channels had their digest after 10 minutes", channels, n)
			}
			time.Sleep(20 * time.Millisecond)
		}
		elapsed := fake.newest().Sub(start)
		b.StopTimer()
		channels, total, twice := fake.counts()
		if total != n || len(twice) > 0 {
			b.Errorf("%d posts in %d channels; %d channels twice", total, channels, len(twice))
		}
		b.ReportMetric(elapsed.Seconds(), "s-for-5000")
		b.ReportMetric(float64(fake.limited), "429s")
		for _, stop := range stops {
			stop()
		}
		platform.Close()
	}
}
