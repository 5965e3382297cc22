package store

import (
	"gorm.io/gorm"
)

// A person who leaves loses their chat accounts (DeactivatePerson), but
// the messages to those accounts (outbox, mail, the Teams adapter's
// reference in states) are still theirs: former_accounts remembers the
// accounts, so that their export still finds those messages and their
// erasure still removes them. Nothing reads it to reach or identify
// anyone: a person who comes back is linked again only when they write.
func init() {
	register(migration{24, "former accounts: the chat accounts of who left, for their export and erasure", `
CREATE TABLE former_accounts (
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	platform text NOT NULL,
	installation text NOT NULL,
	user_id text NOT NULL,
	PRIMARY KEY (person_id, platform, installation, user_id)
);
`, `
CREATE TABLE former_accounts (
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	platform TEXT NOT NULL,
	installation TEXT NOT NULL,
	user_id TEXT NOT NULL,
	PRIMARY KEY (person_id, platform, installation, user_id)
);
`})
}

// keepFormerAccounts remembers a person's chat accounts before they are
// unlinked.
func keepFormerAccounts(db *gorm.DB, personID int64) error {
	return db.Exec(`INSERT INTO former_accounts (person_id, platform, installation, user_id)
SELECT person_id, platform, installation, user_id FROM accounts WHERE person_id = ?
ON CONFLICT DO NOTHING`, personID).Error
}

// chatAccount is one of a person's chat accounts, linked or former.
type chatAccount struct {
	Platform, Installation, UserID string
}

// chatAccountsEver returns a person's linked and former chat accounts.
func chatAccountsEver(db *gorm.DB, personID int64) ([]chatAccount, error) {
	var out []chatAccount
	err := db.Raw(`SELECT platform, installation, user_id FROM accounts WHERE person_id = ?
UNION SELECT platform, installation, user_id FROM former_accounts WHERE person_id = ?
ORDER BY 1, 2, 3`, personID, personID).Scan(&out).Error
	return out, err
}
