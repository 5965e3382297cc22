package store

import (
	"context"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm/clause"
)

// accountRow links a platform account to a person.
type accountRow struct {
	Platform     string `gorm:"primaryKey"`
	Installation string `gorm:"primaryKey"`
	UserID       string `gorm:"primaryKey"`
	UserName     string
	PersonID     int64
	Guest        bool
	CreatedAt    time.Time
	LastSeen     *time.Time
}

func (accountRow) TableName() string { return "accounts" }

func (a accountRow) account() intranet.Account {
	out := intranet.Account{Platform: intranet.Platform(a.Platform), Installation: a.Installation, UserID: a.UserID, UserName: a.UserName, PersonID: a.PersonID, Guest: a.Guest}
	if a.LastSeen != nil {
		out.LastSeen = a.LastSeen.UTC()
	}
	return out
}

// FindAccount returns ENOTFOUND when the account was never linked.
func (s *Store) FindAccount(ctx context.Context, platform intranet.Platform, installation, userID string) (*intranet.Account, error) {
	var rows []accountRow
	err := s.conn(ctx).Where("platform = ? AND installation = ? AND user_id = ?", string(platform), installation, userID).Limit(1).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("find account: %w", translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "Account %s/%s is not linked.", platform, userID)
	}
	a := rows[0].account()
	return &a, nil
}

// LinkAccount creates or updates the link of a platform account.
func (s *Store) LinkAccount(ctx context.Context, a intranet.Account) error {
	row := accountRow{Platform: string(a.Platform), Installation: a.Installation, UserID: a.UserID, UserName: a.UserName, PersonID: a.PersonID, Guest: a.Guest, CreatedAt: s.Now().UTC()}
	err := s.conn(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "platform"}, {Name: "installation"}, {Name: "user_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"user_name", "person_id", "guest"}),
	}).Create(&row).Error
	if err != nil {
		return fmt.Errorf("link account: %w", translate(err))
	}
	return nil
}
