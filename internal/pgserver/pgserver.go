// Package pgserver runs a throwaway PostgreSQL server from the machine's own
// binaries (Debian's postgresql package): the test clusters of pgtest and the
// load harness's database both start here. The server listens on a unix
// socket in its directory only, with durability off (fsync, synchronous
// commit): it is for tests and measurements, never for data.
//
// Stop and Start may be called again and again on one server: the fault
// scenarios stop the database under load and start it again.
package pgserver

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

	_ "github.com/jackc/pgx/v5/stdlib" // the pgx database/sql driver, to create databases
)

// Server is a throwaway PostgreSQL server.
type Server struct {
	Dir    string // data directory's parent, also the unix socket directory
	bindir string
	asUser string // "postgres" when we run as root, else ""
	opts   string
}

// Options tune a new server.
type Options struct {
	// MaxConnections is PostgreSQL's max_connections (default 300).
	MaxConnections int
	// SharedBuffers is shared_buffers, e.g. "256MB" (default PostgreSQL's).
	SharedBuffers string
}

// New creates a cluster in a new temporary directory and starts it.
func New(o Options) (*Server, error) {
	bindir, err := findBindir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "werkplek-pg-")
	if err != nil {
		return nil, err
	}
	s := &Server{Dir: dir, bindir: bindir}
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
		s.asUser = "postgres"
	}
	if err := s.run("initdb", "-D", s.data(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"); err != nil {
		return nil, err
	}
	if o.MaxConnections == 0 {
		o.MaxConnections = 300
	}
	s.opts = fmt.Sprintf("-k %s -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=%d", dir, o.MaxConnections)
	if o.SharedBuffers != "" {
		s.opts += " -c shared_buffers=" + o.SharedBuffers
	}
	if err := s.Start(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Server) data() string { return filepath.Join(s.Dir, "data") }

// Start starts the server (again) and waits until it accepts connections.
func (s *Server) Start() error {
	if err := s.run("pg_ctl", "-D", s.data(), "-o", s.opts, "-l", filepath.Join(s.Dir, "log"), "-w", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(s.Dir, "log"))
		return fmt.Errorf("%w\n%s", err, log)
	}
	return nil
}

// Stop stops the server the way a crash or a failover would: connections
// are cut at once (pg_ctl's immediate mode).
func (s *Server) Stop() error {
	return s.run("pg_ctl", "-D", s.data(), "-m", "immediate", "-w", "stop")
}

// Remove stops the server and deletes its files.
func (s *Server) Remove() {
	_ = s.Stop()
	_ = os.RemoveAll(s.Dir)
}

// URL is the address of database db on this server.
func (s *Server) URL(db string) string {
	return fmt.Sprintf("postgres://postgres@/%s?host=%s&sslmode=disable", db, s.Dir)
}

// CreateDatabase creates an empty database and returns its address.
func (s *Server) CreateDatabase(name string) (string, error) {
	if err := s.Exec("CREATE DATABASE " + name); err != nil {
		return "", err
	}
	return s.URL(name), nil
}

// DropDatabase drops a database, cutting its connections.
func (s *Server) DropDatabase(name string) error {
	return s.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
}

// Exec runs one statement in the postgres database.
func (s *Server) Exec(stmt string) error {
	db, err := sql.Open("pgx", s.URL("postgres"))
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(stmt)
	return err
}

// Load runs a plain SQL dump (pg_dump's output, psql meta-commands and
// all) into the database at url with psql, stopping at the first error.
func (s *Server) Load(url string, dump io.Reader) error {
	return s.runWith(dump, "psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", url)
}

func (s *Server) run(name string, args ...string) error {
	return s.runWith(nil, name, args...)
}

func (s *Server) runWith(stdin io.Reader, name string, args ...string) error {
	bin := filepath.Join(s.bindir, name)
	var cmd *exec.Cmd
	if s.asUser != "" {
		cmd = exec.Command("runuser", append([]string{"-u", s.asUser, "--", bin}, args...)...)
	} else {
		cmd = exec.Command(bin, args...)
	}
	cmd.Dir, cmd.Stdin = s.Dir, stdin
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
