package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm"
)

var _ intranet.DecisionService = (*Store)(nil)

func init() {
	register(migration{7, "decisions: long button commands kept for a person", `
CREATE TABLE decisions (
	id bigserial PRIMARY KEY,
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	command text NOT NULL,
	expires_at timestamptz NOT NULL
);
CREATE INDEX decisions_expires ON decisions (expires_at);
`, `
CREATE TABLE decisions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	command TEXT NOT NULL,
	expires_at DATETIME NOT NULL
);
CREATE INDEX decisions_expires ON decisions (expires_at);
`})
}

type decisionRow struct {
	ID        int64 `gorm:"primaryKey"`
	PersonID  int64
	Command   string
	ExpiresAt time.Time
}

func (decisionRow) TableName() string { return "decisions" }

// SaveDecision stores a command for a person until expires.
func (s *Store) SaveDecision(ctx context.Context, personID int64, command string, expires time.Time) (int64, error) {
	row := decisionRow{PersonID: personID, Command: command, ExpiresAt: expires.UTC().Truncate(time.Second)}
	err := s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("DELETE FROM decisions WHERE expires_at < ?", s.Now().UTC().Truncate(time.Second)).Error; err != nil {
			return err
		}
		return tx.Create(&row).Error
	})
	if err != nil {
		return 0, fmt.Errorf("save decision: %w", translate(err))
	}
	return row.ID, nil
}

// FindDecisionByID returns a decision. Returns ENOTFOUND.
func (s *Store) FindDecisionByID(ctx context.Context, id int64) (*intranet.Decision, error) {
	var row decisionRow
	err := s.conn(ctx).First(&row, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "There is no decision %d.", id)
	} else if err != nil {
		return nil, fmt.Errorf("find decision %d: %w", id, translate(err))
	}
	return &intranet.Decision{ID: row.ID, PersonID: row.PersonID, Command: row.Command, Expires: row.ExpiresAt}, nil
}
