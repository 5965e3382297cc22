package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestReadinessWarms: /readyz is 503 "starting" until the warm-up opened
// the pool's connections, then 200 "ready" with the database's state.
func TestReadinessWarms(t *testing.T) {
	s, err := store.Open(context.Background(), pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rd := &readiness{store: s, metrics: newMetrics(), log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	get := func() (int, string) {
		rec := httptest.NewRecorder()
		rd.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		return rec.Code, rec.Body.String()
	}
	if code, body := get(); code != 503 || body != "starting\ndatabase: up\n" {
		t.Fatalf("before the warm-up: %d %q", code, body)
	}
	rd.warm(context.Background())
	if code, body := get(); code != 200 || body != "ready\ndatabase: up\n" {
		t.Fatalf("after the warm-up: %d %q", code, body)
	}
	db, err := s.DB()
	if err != nil {
		t.Fatal(err)
	}
	if open := db.Stats().OpenConnections; open < warmConnections {
		t.Errorf("%d connections open after the warm-up, want %d", open, warmConnections)
	}
}
