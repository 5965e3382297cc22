package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/werkplek/werkplek/intranet"
)

// ImportTeams creates or updates teams by name, all or nothing.
func (s *Store) ImportTeams(ctx context.Context, records []intranet.TeamRecord, dryRun bool) (intranet.ImportSummary, error) {
	return oneAtATime(ctx, s, "import", func(ctx context.Context) (intranet.ImportSummary, error) { return s.importTeams(ctx, records, dryRun) })
}

func (s *Store) importTeams(ctx context.Context, records []intranet.TeamRecord, dryRun bool) (intranet.ImportSummary, error) {
	var sum intranet.ImportSummary
	if err := s.SyncDepartmentTeams(ctx); err != nil {
		return sum, err
	}
	// Every email named, to ids.
	emails := map[string]int64{}
	partners := map[string]bool{}
	for _, r := range records {
		for _, e := range append(append([]string(nil), r.Leads...), r.Members...) {
			emails[strings.ToLower(e)] = 0
		}
	}
	if len(emails) > 0 {
		list := make([]string, 0, len(emails))
		for e := range emails {
			list = append(list, e)
		}
		var found []struct {
			ID      int64
			Email   string
			Partner bool
		}
		if err := s.db.WithContext(ctx).Raw("SELECT id, email, organisation_id IS NOT NULL AS partner FROM people WHERE email IN ?", list).Scan(&found).Error; err != nil {
			return sum, fmt.Errorf("import teams: %w", translate(err))
		}
		for _, f := range found {
			emails[f.Email], partners[f.Email] = f.ID, f.Partner
		}
	}
	var problems []intranet.ImportProblem
	for _, r := range records {
		var unknown []string
		for _, e := range append(append([]string(nil), r.Leads...), r.Members...) {
			if emails[strings.ToLower(e)] == 0 {
				unknown = append(unknown, e)
			}
		}
		if len(unknown) > 0 {
			problems = append(problems, intranet.ImportProblem{Line: r.Line, Reason: "not in the phonebook: " + strings.Join(unknown, ", ")})
		}
		var partner []string
		for _, e := range append(append([]string(nil), r.Leads...), r.Members...) {
			if partners[strings.ToLower(e)] {
				partner = append(partner, e)
			}
		}
		if len(partner) > 0 {
			problems = append(problems, intranet.ImportProblem{Line: r.Line, Reason: "a partner is in no team: " + strings.Join(partner, ", ")})
		}
	}
	problems = append(problems, s.managedMembers(ctx, records)...)
	if len(problems) > 0 {
		sort.Slice(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
		return sum, &intranet.ImportError{Problems: problems}
	}
	err := s.htx(ctx, func(ctx context.Context) error {
		for _, r := range records {
			t, err := s.FindTeamByName(ctx, r.Name)
			if intranet.ErrorCode(err) == intranet.ENOTFOUND {
				if t, err = s.CreateTeam(ctx, r.Name); err != nil {
					return err
				}
				sum.Created++
			} else if err != nil {
				return err
			} else {
				sum.Updated++
			}
			for _, e := range r.Members {
				if _, err := s.SetTeamMember(ctx, t.ID, emails[strings.ToLower(e)], true); err != nil {
					return err
				}
			}
			for _, e := range r.Leads {
				if _, err := s.SetTeamLead(ctx, t.ID, emails[strings.ToLower(e)], true); err != nil {
					return err
				}
			}
			for _, ch := range r.Channels {
				if err := s.LinkTeamChannel(ctx, t.ID, ch); err != nil {
					return err
				}
			}
			if r.Approval != nil {
				if err := s.SetTeamApproval(ctx, t.ID, *r.Approval); err != nil {
					return err
				}
			}
		}
		if dryRun {
			return errTeamsDryRun
		}
		return nil
	})
	if err == errTeamsDryRun {
		return sum, nil
	}
	return sum, err
}

var errTeamsDryRun = fmt.Errorf("dry run")

// managedMembers is a problem for each record that lists members of a team
// the identity provider manages: they are changed there, not by a file.
func (s *Store) managedMembers(ctx context.Context, records []intranet.TeamRecord) []intranet.ImportProblem {
	var problems []intranet.ImportProblem
	for _, r := range records {
		if len(r.Members) == 0 {
			continue
		}
		var n int64
		if err := s.db.WithContext(ctx).Raw("SELECT COUNT(*) FROM teams WHERE key = ? AND managed_by <> ''", teamKey(r.Name)).Scan(&n).Error; err == nil && n > 0 {
			problems = append(problems, intranet.ImportProblem{Line: r.Line,
				Reason:   fmt.Sprintf("the members of %s come from the identity provider (Entra ID, Okta); change them there (leave the members column empty)", r.Name),
				ReasonNL: fmt.Sprintf("de leden van %s komen uit de identiteitsprovider (Entra ID, Okta); wijzig ze daar (laat de kolom members leeg)", r.Name)})
		}
	}
	return problems
}
