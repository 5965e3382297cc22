package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

var _ intranet.AuditService = (*Store)(nil)

// The audit_log table is made by migration 18 in directory.go.

type auditRow struct {
	ID        int64 `gorm:"primaryKey"`
	At        time.Time
	ActorID   *int64
	Actor     string
	Platform  string
	Action    string
	SubjectID *int64
	Subject   string
	Detail    string
}

func (auditRow) TableName() string { return "audit_log" }

// Audit records an entry; At is the store's clock when zero. Returns
// EINVALID for an entry without actor or action.
func (s *Store) Audit(ctx context.Context, e intranet.AuditEntry) error {
	if strings.TrimSpace(e.Actor) == "" || strings.TrimSpace(e.Action) == "" {
		return intranet.Errorf(intranet.EINVALID, "An audit entry needs an actor and an action.")
	}
	if e.At.IsZero() {
		e.At = s.Now()
	}
	row := auditRow{At: e.At.UTC(), ActorID: optionalID(e.ActorID), Actor: e.Actor, Platform: e.Platform,
		Action: e.Action, SubjectID: optionalID(e.SubjectID), Subject: e.Subject, Detail: e.Detail}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("audit %s: %w", e.Action, translate(err))
	}
	return nil
}

// AuditLog returns the entries q selects, oldest first.
func (s *Store) AuditLog(ctx context.Context, q intranet.AuditQuery) ([]intranet.AuditEntry, error) {
	db := s.conn(ctx).Model(&auditRow{})
	if !q.Since.IsZero() {
		db = db.Where("at >= ?", q.Since.UTC())
	}
	if q.PersonID != 0 {
		db = db.Where("actor_id = ? OR subject_id = ?", q.PersonID, q.PersonID)
	}
	if q.Limit > 0 {
		// The newest Limit entries, still oldest first.
		db = s.conn(ctx).Table("(?) AS recent", db.Order("at DESC, id DESC").Limit(q.Limit)).Model(&auditRow{})
	}
	var rows []auditRow
	if err := db.Order("at, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("audit log: %w", translate(err))
	}
	out := make([]intranet.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = intranet.AuditEntry{ID: r.ID, At: r.At, Actor: r.Actor, Platform: r.Platform, Action: r.Action, Subject: r.Subject, Detail: r.Detail}
		if r.ActorID != nil {
			out[i].ActorID = *r.ActorID
		}
		if r.SubjectID != nil {
			out[i].SubjectID = *r.SubjectID
		}
	}
	return out, nil
}

// optionalID is nil for 0, for a column where NULL means none.
func optionalID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}
