package intranet

import (
	"context"
	"slices"
)

// The profile fields a person may set themselves (Person.OwnFields).
const (
	OwnMobile   = "mobile"
	OwnSkills   = "skills"
	OwnLocation = "location"
)

// ProfileUpdate is what a person changes of their own profile; a nil
// field is left as it is. A field set here, also to empty, becomes one of
// their OwnFields: the people import and the identity provider leave it.
type ProfileUpdate struct {
	Mobile   *string
	Skills   *[]string
	Location *string
}

// ProfileService keeps what a person says about themselves.
type ProfileService interface {
	// UpdateProfile sets the fields of u and marks them the person's own.
	// Returns ENOTFOUND for an unknown person.
	UpdateProfile(ctx context.Context, personID int64, u ProfileUpdate) error
	// SetAway marks the person away through until (YYYY-MM-DD, the last
	// day away) with a note; until "" marks them back (and clears the
	// note). Returns ENOTFOUND.
	SetAway(ctx context.Context, personID int64, until, note string) error
	// SetMobileVisibility stores who may see the person's mobile number;
	// "" is the installation's default. Returns EINVALID for another
	// value, ENOTFOUND.
	SetMobileVisibility(ctx context.Context, personID int64, v FieldVisibility) error
}

// Owns reports whether the person set the field (OwnMobile …) themselves.
func (p *Person) Owns(field string) bool { return slices.Contains(p.OwnFields, field) }

// AwayOn reports whether the person marked themselves away on day
// (YYYY-MM-DD in WERKPLEK_TIMEZONE): through AwayUntil, that day included.
func (p *Person) AwayOn(day string) bool { return p.AwayUntil != "" && day <= p.AwayUntil }
