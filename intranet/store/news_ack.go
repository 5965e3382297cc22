package store

// Reading news: who confirmed an important item, and whom it asks.

import (
	"context"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// AckNews records that the person read the item, once.
func (s *Store) AckNews(ctx context.Context, itemID, personID int64, now time.Time) (bool, time.Time, error) {
	if _, err := s.FindNewsByID(ctx, itemID); err != nil {
		return false, time.Time{}, err
	}
	res := s.conn(ctx).Exec("INSERT INTO news_acks (item_id, person_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", itemID, personID, newsTime(now))
	if res.Error != nil {
		return false, time.Time{}, fmt.Errorf("ack news %d: %w", itemID, translate(res.Error))
	}
	var at []time.Time
	if err := s.conn(ctx).Raw("SELECT at FROM news_acks WHERE item_id = ? AND person_id = ?", itemID, personID).Scan(&at).Error; err != nil || len(at) == 0 {
		return false, time.Time{}, fmt.Errorf("ack news %d: %w", itemID, translate(err))
	}
	return res.RowsAffected == 1, at[0].UTC(), nil
}

type readerRow struct {
	PersonID     int64
	Name         string
	Email        string
	Department   string
	Organisation string
	At           *time.Time
	Platform     *string
	Installation *string
	UserID       *string
	UserName     *string
}

// NewsAudience returns the people the item is for, with acks and accounts.
func (s *Store) NewsAudience(ctx context.Context, itemID int64) ([]intranet.NewsReader, error) {
	n, err := s.FindNewsByID(ctx, itemID)
	if err != nil {
		return nil, err
	}
	// The employees it is for (no guests, no partners), and, when it is
	// addressed to partners, the partners it is addressed to; a partner is
	// reached on their guest accounts too.
	q := `SELECT p.id AS person_id, p.name, p.email, COALESCE(d.name, '') AS department, COALESCE(o.name, '') AS organisation, k.at,
a.platform, a.installation, a.user_id, a.user_name
FROM people p LEFT JOIN departments d ON d.id = p.department_id
LEFT JOIN partner_orgs o ON o.id = p.organisation_id
LEFT JOIN news_acks k ON k.item_id = ? AND k.person_id = p.id
LEFT JOIN accounts a ON a.person_id = p.id AND (NOT a.guest OR p.organisation_id IS NOT NULL)
WHERE p.active AND (p.organisation_id IS NULL AND (';' || LOWER(p.roles) || ';') NOT LIKE '%;guest;%'`
	args := []any{itemID}
	if n.Department != "" {
		q += " AND LOWER(d.name) = LOWER(?)"
		args = append(args, n.Department)
	}
	q += ")"
	switch {
	case n.Partners && n.PartnerOrgID != 0:
		q += " OR p.active AND p.organisation_id = ?"
		args = append(args, n.PartnerOrgID)
	case n.Partners:
		q += " OR p.active AND p.organisation_id IS NOT NULL"
	}
	q += " ORDER BY p.sort_key, p.id, a.platform, a.user_id"
	var rows []readerRow
	if err := s.conn(ctx).Raw(q, args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("news audience %d: %w", itemID, translate(err))
	}
	var out []intranet.NewsReader
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].PersonID != r.PersonID {
			out = append(out, intranet.NewsReader{PersonID: r.PersonID, Name: r.Name, Email: r.Email, Department: r.Department, Organisation: r.Organisation, Acked: fromOpt(r.At)})
		}
		if r.Platform != nil {
			last := &out[len(out)-1]
			last.Accounts = append(last.Accounts, intranet.Account{Platform: intranet.Platform(*r.Platform), Installation: *r.Installation,
				UserID: *r.UserID, UserName: *r.UserName, PersonID: r.PersonID})
		}
	}
	return out, nil
}
