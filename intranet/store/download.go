package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// One-time download links (the table is made by migration 15, with hours
// and mileage). A link is used by one UPDATE that also checks it is unused
// and unexpired, so of two uses at once exactly one gets it.

type downloadRow struct {
	Hash      string `gorm:"primaryKey"`
	PersonID  int64
	Kind      string
	FromDay   string
	ToDay     string
	States    string
	PersonIDs string
	ExpiresAt time.Time
	UsedAt    *time.Time
	CreatedAt time.Time
}

func (downloadRow) TableName() string { return "downloads" }

func (r downloadRow) download() (*intranet.Download, error) {
	d := &intranet.Download{Hash: r.Hash, PersonID: r.PersonID, Kind: r.Kind, From: r.FromDay, To: r.ToDay, Expires: r.ExpiresAt.UTC()}
	for _, st := range splitList(r.States) {
		d.States = append(d.States, intranet.WeekState(st))
	}
	if r.PersonIDs != "" {
		if err := json.Unmarshal([]byte(r.PersonIDs), &d.PersonIDs); err != nil {
			return nil, fmt.Errorf("download's people: %w", err)
		}
	}
	return d, nil
}

// CreateDownload stores a link; it joins the transaction of ctx. Returns
// EINVALID without a hash or an expiry, ECONFLICT for a hash that is stored.
func (s *Store) CreateDownload(ctx context.Context, d intranet.Download) error {
	if d.Hash == "" || d.Expires.IsZero() {
		return intranet.Errorf(intranet.EINVALID, "A download needs a hash and an expiry.")
	}
	states := make([]string, len(d.States))
	for i, st := range d.States {
		states[i] = string(st)
	}
	row := downloadRow{Hash: d.Hash, PersonID: d.PersonID, Kind: d.Kind, FromDay: d.From, ToDay: d.To, States: strings.Join(states, ";"),
		ExpiresAt: sheetTime(d.Expires), CreatedAt: sheetTime(s.Now())}
	if d.PersonIDs != nil {
		ids, err := json.Marshal(d.PersonIDs)
		if err != nil {
			return fmt.Errorf("create download: %w", err)
		}
		row.PersonIDs = string(ids)
	}
	err := s.InTx(ctx, func(ctx context.Context) error { return s.conn(ctx).Create(&row).Error })
	if err != nil {
		return sheetError("create download", err)
	}
	return nil
}

// UseDownload returns the link of that hash and marks it used; it joins
// the transaction of ctx.
func (s *Store) UseDownload(ctx context.Context, hash string, now time.Time) (*intranet.Download, error) {
	t := sheetTime(now)
	var rows []downloadRow
	// In a transaction, so that SQLite takes its write lock at BEGIN.
	err := s.InTx(ctx, func(ctx context.Context) error {
		return s.conn(ctx).Raw("UPDATE downloads SET used_at = ? WHERE hash = ? AND used_at IS NULL AND expires_at > ? RETURNING *", t, hash, t).Scan(&rows).Error
	})
	if err != nil {
		return nil, fmt.Errorf("use download: %w", translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "This download link is unknown, used or expired.")
	}
	return rows[0].download()
}
