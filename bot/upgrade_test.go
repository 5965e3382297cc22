package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestUpgradeFromReleases migrates the database of every earlier release
// (bot/testdata/upgrade/TAG, written by scripts/release-schema with the
// demo organisation, a booking and a handover in it) to the current schema
// on both engines: `werkplek migrate` succeeds twice, the old rows are
// still there and new ones can be added next to them.
func TestUpgradeFromReleases(t *testing.T) {
	releases, err := filepath.Glob(filepath.Join("testdata", "upgrade", "v*"))
	if err != nil || len(releases) == 0 {
		t.Fatalf("no release databases in testdata/upgrade: %v", err)
	}
	for _, dir := range releases {
		t.Run(filepath.Base(dir)+"/postgres", func(t *testing.T) {
			url := pgtest.URL(t)
			pgtest.Start(t).Load(t, url, filepath.Join(dir, "postgres.sql"))
			checkUpgrade(t, map[string]string{"WERKPLEK_DATABASE_URL": url})
		})
		t.Run(filepath.Base(dir)+"/sqlite", func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, "sqlite.db"))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "werkplek.db")
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			checkUpgrade(t, map[string]string{"WERKPLEK_DATABASE_URL": "sqlite:" + path})
		})
	}
}

func checkUpgrade(t *testing.T, env map[string]string) {
	t.Helper()
	for i := 0; i < 2; i++ {
		code, out, errOut := run(t, env, "", "migrate")
		if code != 0 || !strings.Contains(out, fmt.Sprintf("schema version %d", store.SchemaVersion())) {
			t.Fatalf("migrate %d: exit %d\n%s%s", i+1, code, out, errOut)
		}
	}
	ctx := context.Background()
	s, err := store.Open(ctx, env["WERKPLEK_DATABASE_URL"])
	if err != nil {
		t.Fatal(err)
	}
	applied, err := s.AppliedMigrations(ctx)
	if err != nil || applied[len(applied)-1] != store.SchemaVersion() {
		t.Errorf("applied migrations %v, %v", applied, err)
	}
	b, err := s.FindBookingByID(ctx, 1)
	if err != nil || b.Title != "Overleg" || b.Room != "De Dom" {
		t.Errorf("the release's booking: %+v, %v", b, err)
	}
	h, err := s.FindHandoverByID(ctx, 1)
	if err != nil || h.What != "Pool Noord" {
		t.Errorf("the release's handover: %+v, %v", h, err)
	}
	s.Close()

	later := time.Now().AddDate(0, 0, 3).Format("2006-01-02")
	code, out, errOut := run(t, env, "/phonebook pieter jansen\n/handover show 1\n/room book \"De Dom\" "+later+" 10:00-11:00 Na de upgrade\n",
		"console", "--as", demo.User, "--channel", "zorg-oost")
	if code != 0 {
		t.Fatalf("console: %d %s", code, errOut)
	}
	for _, want := range []string{"Pieter Jansen", "Pool Noord", "Boeking 2."} {
		if !strings.Contains(out, want) {
			t.Errorf("console after the upgrade lacks %q:\n%s", want, out)
		}
	}
}
