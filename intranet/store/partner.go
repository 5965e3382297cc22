package store

// Partners: the partner organisations, their email domains, their
// contacts (employees named for them), and who belongs to one
// (people.organisation_id). Rooms and topics may be opened to partners,
// a partner's booking has a host, and a news item may be addressed to
// partners (all, or one organisation).
func init() {
	register(migration{25, "partners: organisations, domains, contacts; visitor rooms, partner topics, news for partners", `
CREATE TABLE partner_orgs (
	id bigserial PRIMARY KEY,
	name text NOT NULL,
	key text NOT NULL UNIQUE,
	created_at timestamptz NOT NULL
);
CREATE TABLE partner_domains (
	domain text PRIMARY KEY,
	org_id bigint NOT NULL REFERENCES partner_orgs(id) ON DELETE CASCADE
);
CREATE INDEX partner_domains_org ON partner_domains (org_id);
CREATE TABLE partner_contacts (
	org_id bigint NOT NULL REFERENCES partner_orgs(id) ON DELETE CASCADE,
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	PRIMARY KEY (org_id, person_id)
);
CREATE INDEX partner_contacts_person ON partner_contacts (person_id);
ALTER TABLE people ADD COLUMN organisation_id bigint REFERENCES partner_orgs(id);
CREATE INDEX people_organisation ON people (organisation_id) WHERE organisation_id IS NOT NULL;
ALTER TABLE rooms ADD COLUMN partners boolean NOT NULL DEFAULT false;
ALTER TABLE bookings ADD COLUMN host_id bigint REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE question_topics ADD COLUMN partners boolean NOT NULL DEFAULT false;
ALTER TABLE news_items ADD COLUMN partners boolean NOT NULL DEFAULT false;
ALTER TABLE news_items ADD COLUMN partner_org_id bigint REFERENCES partner_orgs(id) ON DELETE SET NULL;
`, `
CREATE TABLE partner_orgs (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	name TEXT NOT NULL,
	key TEXT NOT NULL UNIQUE,
	created_at DATETIME NOT NULL
);
CREATE TABLE partner_domains (
	domain TEXT PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES partner_orgs(id) ON DELETE CASCADE
);
CREATE INDEX partner_domains_org ON partner_domains (org_id);
CREATE TABLE partner_contacts (
	org_id INTEGER NOT NULL REFERENCES partner_orgs(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	PRIMARY KEY (org_id, person_id)
);
CREATE INDEX partner_contacts_person ON partner_contacts (person_id);
ALTER TABLE people ADD COLUMN organisation_id INTEGER REFERENCES partner_orgs(id);
CREATE INDEX people_organisation ON people (organisation_id) WHERE organisation_id IS NOT NULL;
ALTER TABLE rooms ADD COLUMN partners BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE bookings ADD COLUMN host_id INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE question_topics ADD COLUMN partners BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE news_items ADD COLUMN partners BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE news_items ADD COLUMN partner_org_id INTEGER REFERENCES partner_orgs(id) ON DELETE SET NULL;
`})
}
