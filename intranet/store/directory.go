package store

// The directory: people who leave (inactive, with the time they left),
// their own profile choices (away, mobile visibility, the fields they set
// themselves), what the identity provider knows them and their teams by
// (SCIM's userName and externalId; a team it manages), and the audit log
// of admin and content-manager actions. The SCIM id of a person or team is
// its own id.
func init() {
	register(migration{18, "directory: inactive people, away, privacy, own profile fields, SCIM names and managed teams, the audit log", `
ALTER TABLE people ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE people ADD COLUMN deactivated_at timestamptz;
ALTER TABLE people ADD COLUMN away_until text NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN away_note text NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN mobile_visibility text NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN own_fields text NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN scim_user_name text NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN scim_external_id text NOT NULL DEFAULT '';
CREATE UNIQUE INDEX people_scim_user_name ON people (lower(scim_user_name)) WHERE scim_user_name <> '';
CREATE INDEX people_inactive ON people (id) WHERE NOT active;
ALTER TABLE teams ADD COLUMN managed_by text NOT NULL DEFAULT '';
ALTER TABLE teams ADD COLUMN scim_external_id text NOT NULL DEFAULT '';
CREATE TABLE audit_log (
	id bigserial PRIMARY KEY,
	at timestamptz NOT NULL,
	actor_id bigint,
	actor text NOT NULL,
	platform text NOT NULL DEFAULT '',
	action text NOT NULL,
	subject_id bigint,
	subject text NOT NULL DEFAULT '',
	detail text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_log_subject ON audit_log (subject_id) WHERE subject_id IS NOT NULL;
`, `
ALTER TABLE people ADD COLUMN active BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE people ADD COLUMN deactivated_at DATETIME;
ALTER TABLE people ADD COLUMN away_until TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN away_note TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN mobile_visibility TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN own_fields TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN scim_user_name TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN scim_external_id TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX people_scim_user_name ON people (lower(scim_user_name)) WHERE scim_user_name <> '';
CREATE INDEX people_inactive ON people (id) WHERE NOT active;
ALTER TABLE teams ADD COLUMN managed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE teams ADD COLUMN scim_external_id TEXT NOT NULL DEFAULT '';
CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	at DATETIME NOT NULL,
	actor_id INTEGER,
	actor TEXT NOT NULL,
	platform TEXT NOT NULL DEFAULT '',
	action TEXT NOT NULL,
	subject_id INTEGER,
	subject TEXT NOT NULL DEFAULT '',
	detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_log_subject ON audit_log (subject_id) WHERE subject_id IS NOT NULL;
`})
}
