package store

import (
	"context"
	"fmt"
	"sort"
	"time"

	"gorm.io/gorm"
)

// migration is one forward-only schema change, written once per engine
// because each engine does some things its own way (pg_trgm, partial and
// operator-class indexes on PostgreSQL).
type migration struct {
	Version  int
	Name     string
	Postgres string
	SQLite   string
}

// migrations are applied in order of version and never edited once
// released: add a new one. Each feature registers its own in its file's
// init (register), so that features do not edit one shared list.
var migrations []migration

// register adds a migration; versions must be unique.
func register(m migration) {
	for _, x := range migrations {
		if x.Version == m.Version {
			panic(fmt.Sprintf("store: migration version %d registered twice (%s, %s)", m.Version, x.Name, m.Name))
		}
	}
	migrations = append(migrations, m)
	sort.Slice(migrations, func(i, j int) bool { return migrations[i].Version < migrations[j].Version })
}

func init() {
	register(migration{1, "people, accounts, state, mail", `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE departments (
	id bigserial PRIMARY KEY,
	name text NOT NULL,
	key text NOT NULL UNIQUE
);
CREATE TABLE people (
	id bigserial PRIMARY KEY,
	name text NOT NULL,
	email text NOT NULL UNIQUE,
	phone text NOT NULL DEFAULT '',
	mobile text NOT NULL DEFAULT '',
	phone_key text NOT NULL DEFAULT '',
	mobile_key text NOT NULL DEFAULT '',
	phone_rev text NOT NULL DEFAULT '',
	mobile_rev text NOT NULL DEFAULT '',
	department_id bigint REFERENCES departments(id),
	title text NOT NULL DEFAULT '',
	location text NOT NULL DEFAULT '',
	manager_email text NOT NULL DEFAULT '',
	skills text NOT NULL DEFAULT '',
	roles text NOT NULL DEFAULT '',
	language text NOT NULL DEFAULT '',
	sort_key text COLLATE "C" NOT NULL,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE INDEX people_sort ON people (sort_key, id);
CREATE INDEX people_department ON people (department_id, sort_key, id);
CREATE INDEX people_manager ON people (manager_email);
CREATE INDEX people_phone_key ON people (phone_key text_pattern_ops);
CREATE INDEX people_mobile_key ON people (mobile_key text_pattern_ops);
CREATE INDEX people_phone_rev ON people (phone_rev text_pattern_ops);
CREATE INDEX people_mobile_rev ON people (mobile_rev text_pattern_ops);
-- person_terms is derived from people (rebuilt on every change), so it has
-- no foreign key: checking one per word made a large import three times slower.
CREATE TABLE person_terms (
	term text COLLATE "C" NOT NULL,
	person_id bigint NOT NULL,
	display text NOT NULL,
	field text NOT NULL,
	weight double precision NOT NULL,
	sort_key text COLLATE "C" NOT NULL,
	department_id bigint,
	PRIMARY KEY (term, person_id)
);
CREATE INDEX person_terms_rank ON person_terms (term, weight DESC, sort_key, person_id);
CREATE INDEX person_terms_person ON person_terms (person_id);
CREATE TABLE search_terms (
	term text COLLATE "C" PRIMARY KEY,
	display text NOT NULL,
	people integer NOT NULL
);
CREATE INDEX search_terms_trgm ON search_terms USING gin (term gin_trgm_ops);
CREATE TABLE skills (
	term text COLLATE "C" PRIMARY KEY,
	name text NOT NULL
);
CREATE TABLE accounts (
	platform text NOT NULL,
	installation text NOT NULL,
	user_id text NOT NULL,
	user_name text NOT NULL DEFAULT '',
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	guest boolean NOT NULL DEFAULT false,
	created_at timestamptz NOT NULL,
	PRIMARY KEY (platform, installation, user_id)
);
CREATE INDEX accounts_person ON accounts (person_id);
CREATE TABLE states (
	namespace text NOT NULL,
	key text NOT NULL,
	value text NOT NULL,
	updated_at timestamptz NOT NULL,
	PRIMARY KEY (namespace, key)
);
CREATE TABLE mail (
	id bigserial PRIMARY KEY,
	platform text NOT NULL,
	installation text NOT NULL,
	channel_id text NOT NULL DEFAULT '',
	user_id text NOT NULL DEFAULT '',
	reply text NOT NULL,
	replaced boolean NOT NULL DEFAULT false,
	created_at timestamptz NOT NULL,
	read_at timestamptz
);
CREATE INDEX mail_unread ON mail (platform, user_id, channel_id) WHERE read_at IS NULL;
`, `
CREATE TABLE departments (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	name TEXT NOT NULL,
	key TEXT NOT NULL UNIQUE
);
CREATE TABLE people (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	name TEXT NOT NULL,
	email TEXT NOT NULL UNIQUE,
	phone TEXT NOT NULL DEFAULT '',
	mobile TEXT NOT NULL DEFAULT '',
	phone_key TEXT NOT NULL DEFAULT '',
	mobile_key TEXT NOT NULL DEFAULT '',
	phone_rev TEXT NOT NULL DEFAULT '',
	mobile_rev TEXT NOT NULL DEFAULT '',
	department_id INTEGER REFERENCES departments(id),
	title TEXT NOT NULL DEFAULT '',
	location TEXT NOT NULL DEFAULT '',
	manager_email TEXT NOT NULL DEFAULT '',
	skills TEXT NOT NULL DEFAULT '',
	roles TEXT NOT NULL DEFAULT '',
	language TEXT NOT NULL DEFAULT '',
	sort_key TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL
);
CREATE INDEX people_sort ON people (sort_key, id);
CREATE INDEX people_department ON people (department_id, sort_key, id);
CREATE INDEX people_manager ON people (manager_email);
CREATE INDEX people_phone_key ON people (phone_key);
CREATE INDEX people_mobile_key ON people (mobile_key);
CREATE INDEX people_phone_rev ON people (phone_rev);
CREATE INDEX people_mobile_rev ON people (mobile_rev);
CREATE TABLE person_terms (
	term TEXT NOT NULL,
	person_id INTEGER NOT NULL,
	display TEXT NOT NULL,
	field TEXT NOT NULL,
	weight REAL NOT NULL,
	sort_key TEXT NOT NULL,
	department_id INTEGER,
	PRIMARY KEY (term, person_id)
);
CREATE INDEX person_terms_rank ON person_terms (term, weight DESC, sort_key, person_id);
CREATE INDEX person_terms_person ON person_terms (person_id);
CREATE TABLE search_terms (
	term TEXT PRIMARY KEY,
	display TEXT NOT NULL,
	people INTEGER NOT NULL
);
CREATE TABLE skills (
	term TEXT PRIMARY KEY,
	name TEXT NOT NULL
);
CREATE TABLE accounts (
	platform TEXT NOT NULL,
	installation TEXT NOT NULL,
	user_id TEXT NOT NULL,
	user_name TEXT NOT NULL DEFAULT '',
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	guest BOOLEAN NOT NULL DEFAULT false,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (platform, installation, user_id)
);
CREATE INDEX accounts_person ON accounts (person_id);
CREATE TABLE states (
	namespace TEXT NOT NULL,
	key TEXT NOT NULL,
	value TEXT NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (namespace, key)
);
CREATE TABLE mail (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	platform TEXT NOT NULL,
	installation TEXT NOT NULL,
	channel_id TEXT NOT NULL DEFAULT '',
	user_id TEXT NOT NULL DEFAULT '',
	reply TEXT NOT NULL,
	replaced BOOLEAN NOT NULL DEFAULT false,
	created_at DATETIME NOT NULL,
	read_at DATETIME
);
CREATE INDEX mail_unread ON mail (platform, user_id, channel_id) WHERE read_at IS NULL;
`})
}

// SchemaVersion is the version the code expects.
func SchemaVersion() int { return migrations[len(migrations)-1].Version }

// migrate applies the missing migrations under the "migrate" lock, each in
// its own transaction, so that replicas starting at once apply each once.
func (s *Store) migrate(ctx context.Context) error {
	return s.WithLock(ctx, "migrate", func(ctx context.Context) error {
		db := s.db.WithContext(ctx)
		if err := db.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at ` + s.timeType() + ` NOT NULL)`).Error; err != nil {
			return translate(err)
		}
		var applied []int
		if err := db.Raw("SELECT version FROM schema_migrations").Scan(&applied).Error; err != nil {
			return translate(err)
		}
		done := map[int]bool{}
		for _, v := range applied {
			done[v] = true
		}
		for _, m := range migrations {
			if done[m.Version] {
				continue
			}
			stmt := m.Postgres
			if s.engine == SQLite {
				stmt = m.SQLite
			}
			err := db.Transaction(func(tx *gorm.DB) error {
				if err := tx.Exec(stmt).Error; err != nil {
					return err
				}
				return tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", m.Version, m.Name, time.Now().UTC()).Error
			})
			if err != nil {
				return fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, translate(err))
			}
		}
		return nil
	})
}

// AppliedMigrations returns the versions applied to the database, in order.
func (s *Store) AppliedMigrations(ctx context.Context) ([]int, error) {
	var v []int
	err := s.db.WithContext(ctx).Raw("SELECT version FROM schema_migrations ORDER BY version").Scan(&v).Error
	return v, translate(err)
}

func (s *Store) timeType() string {
	if s.engine == Postgres {
		return "timestamptz"
	}
	return "DATETIME"
}
