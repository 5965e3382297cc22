package store

import (
	"context"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm/clause"
)

// stateRow is a small piece of adapter state shared by every replica.
type stateRow struct {
	Namespace string `gorm:"primaryKey"`
	Key       string `gorm:"primaryKey"`
	Value     string
	UpdatedAt time.Time
}

func (stateRow) TableName() string { return "states" }

// State returns the value under (namespace, key). Returns ENOTFOUND.
func (s *Store) State(ctx context.Context, namespace, key string) (string, error) {
	var rows []stateRow
	if err := s.conn(ctx).Where("namespace = ? AND key = ?", namespace, key).Limit(1).Find(&rows).Error; err != nil {
		return "", fmt.Errorf("read state: %w", translate(err))
	} else if len(rows) == 0 {
		return "", intranet.Errorf(intranet.ENOTFOUND, "No state %s/%s.", namespace, key)
	}
	return rows[0].Value, nil
}

// SetState stores a value, replacing any earlier one.
func (s *Store) SetState(ctx context.Context, namespace, key, value string) error {
	row := stateRow{Namespace: namespace, Key: key, Value: value, UpdatedAt: s.Now().UTC()}
	err := s.conn(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "namespace"}, {Name: "key"}},
		DoUpdates: clause.AssignmentColumns([]string{"value", "updated_at"}),
	}).Create(&row).Error
	if err != nil {
		return fmt.Errorf("write state: %w", translate(err))
	}
	return nil
}

// ClaimState stores a value only when the key is new; of many concurrent
// claims exactly one reports true (the primary key decides).
func (s *Store) ClaimState(ctx context.Context, namespace, key, value string) (bool, error) {
	row := stateRow{Namespace: namespace, Key: key, Value: value, UpdatedAt: s.Now().UTC()}
	res := s.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
	if res.Error != nil {
		return false, fmt.Errorf("claim state: %w", translate(res.Error))
	}
	return res.RowsAffected == 1, nil
}

// StateList returns every key and value of a namespace.
func (s *Store) StateList(ctx context.Context, namespace string) (map[string]string, error) {
	var rows []stateRow
	if err := s.conn(ctx).Where("namespace = ?", namespace).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list state: %w", translate(err))
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.Key] = r.Value
	}
	return out, nil
}

// DeleteState removes a key; removing a missing key is not an error.
func (s *Store) DeleteState(ctx context.Context, namespace, key string) error {
	err := s.conn(ctx).Exec("DELETE FROM states WHERE namespace = ? AND key = ?", namespace, key).Error
	if err != nil {
		return fmt.Errorf("delete state: %w", translate(err))
	}
	return nil
}
