// Package pgtest starts one throwaway PostgreSQL cluster per test binary from
// the machine's own binaries and hands every test a fresh database in it.
//
// A test package that uses it runs its tests through Main:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
//
// When the binaries are missing the tests that need PostgreSQL are skipped,
// unless WERKPLEK_TEST_POSTGRES=require (set by the test command and CI),
// which turns a missing PostgreSQL into a failure.
package pgtest

import (
	"bytes"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the pgx database/sql driver, to create databases
)

// RequireEnv is the switch that turns a missing PostgreSQL into a failure.
const RequireEnv = "WERKPLEK_TEST_POSTGRES"

var (
	once     sync.Once
	cluster  *Cluster
	startErr error
	counter  atomic.Int64
)

// Cluster is a running throwaway PostgreSQL server.
type Cluster struct {
	Dir    string // data directory, also the unix socket directory
	bindir string
	asUser string // "postgres" when we run as root, else ""
}

// Main runs the tests and stops the cluster afterwards, if one was started.
func Main(m *testing.M) int {
	code := m.Run()
	if cluster != nil {
		cluster.stop()
	}
	return code
}

// URL returns the address of a new, empty database for the test, dropped when
// the test ends. It skips the test when PostgreSQL is not installed, or fails
// it when RequireEnv is "require".
func URL(tb testing.TB) string {
	tb.Helper()
	c := Start(tb)
	name := fmt.Sprintf("t%d_%d", os.Getpid(), counter.Add(1))
	admin := c.url("postgres")
	db, err := sql.Open("pgx", admin)
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		tb.Fatalf("pgtest: create database: %v", err)
	}
	tb.Cleanup(func() {
		db, err := sql.Open("pgx", admin)
		if err != nil {
			return
		}
		defer db.Close()
		_, _ = db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	})
	return c.url(name)
}

// Start starts the cluster once per test binary and returns it.
func Start(tb testing.TB) *Cluster {
	tb.Helper()
	once.Do(func() { cluster, startErr = start() })
	if startErr != nil {
		if os.Getenv(RequireEnv) == "require" {
			tb.Fatalf("pgtest: PostgreSQL is required (%s=require) but cannot start: %v", RequireEnv, startErr)
		}
		tb.Skipf("pgtest: no PostgreSQL here (%v); set %s=require to fail instead", startErr, RequireEnv)
	}
	return cluster
}

func (c *Cluster) url(db string) string {
	return fmt.Sprintf("postgres://postgres@/%s?host=%s&sslmode=disable", db, c.Dir)
}

func start() (*Cluster, error) {
	bindir, err := findBindir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "werkplek-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{Dir: dir, bindir: bindir}
	if os.Geteuid() == 0 {
		// The server refuses to run as root: run it as the postgres user in a
		// directory that user owns.
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("running as root needs a postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
		c.asUser = "postgres"
	}
	data := filepath.Join(dir, "data")
	if err := c.run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"); err != nil {
		return nil, err
	}
	opts := fmt.Sprintf("-k %s -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300", dir)
	if err := c.run("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		return nil, fmt.Errorf("%w\n%s", err, log)
	}
	return c, nil
}

func (c *Cluster) stop() {
	_ = c.run("pg_ctl", "-D", filepath.Join(c.Dir, "data"), "-m", "immediate", "stop")
	_ = os.RemoveAll(c.Dir)
}

// Load runs a plain SQL dump (pg_dump's output, psql meta-commands and
// all) into the database at url with psql, stopping at the first error.
func (c *Cluster) Load(tb testing.TB, url, file string) {
	tb.Helper()
	f, err := os.Open(file)
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	defer f.Close()
	if err := c.runWith(f, "psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", url); err != nil {
		tb.Fatalf("pgtest: load %s: %v", filepath.Base(file), err)
	}
}

func (c *Cluster) run(name string, args ...string) error {
	return c.runWith(nil, name, args...)
}

func (c *Cluster) runWith(stdin io.Reader, name string, args ...string) error {
	bin := filepath.Join(c.bindir, name)
	var cmd *exec.Cmd
	if c.asUser != "" {
		cmd = exec.Command("runuser", append([]string{"-u", c.asUser, "--", bin}, args...)...)
	} else {
		cmd = exec.Command(bin, args...)
	}
	cmd.Dir, cmd.Stdin = c.Dir, stdin
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w: %s", name, err, strings.TrimSpace(out.String()))
	}
	return nil
}

// findBindir finds the server binaries: `pg_config --bindir` first (Debian's
// wrapper points at the client), then the newest /usr/lib/postgresql/*/bin.
func findBindir() (string, error) {
	var candidates []string
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		candidates = append(candidates, strings.TrimSpace(string(out)))
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	for i := len(dirs) - 1; i >= 0; i-- {
		candidates = append(candidates, dirs[i])
	}
	for _, d := range candidates {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", fmt.Errorf("no initdb found (pg_config --bindir, /usr/lib/postgresql/*/bin); install the postgresql package")
}
