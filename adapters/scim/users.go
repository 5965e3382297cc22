package scim

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/elimity-com/scim"
	"github.com/elimity-com/scim/optional"
	"github.com/scim2/filter-parser/v2"
	"github.com/werkplek/werkplek/intranet"
)

// enterpriseURI is the enterprise User extension's schema (department,
// manager, employeeNumber, organization).
const enterpriseURI = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"

// users maps SCIM Users to people.
type users struct{ h *Handler }

var _ scim.ResourceHandler = (*users)(nil)

func parseID(id string) (int64, bool) {
	n, err := strconv.ParseInt(id, 10, 64)
	return n, err == nil && n > 0
}

func (u *users) Get(r *http.Request, id string) (scim.Resource, error) {
	n, ok := parseID(id)
	if !ok {
		return scim.Resource{}, notFound("User", id)
	}
	p, err := u.h.cfg.Provisioner.ProvisionedPerson(r.Context(), n)
	if err != nil {
		return scim.Resource{}, u.h.fail("get user", err)
	}
	return userResource(p), nil
}

func (u *users) GetAll(r *http.Request, params scim.ListRequestParams) (scim.Page, error) {
	q, exact := intranet.PeopleQuery{}, true
	if params.FilterValidator != nil {
		q, exact = peopleFilter(params.FilterValidator.GetFilter())
	}
	if exact {
		q.Offset, q.Limit = params.StartIndex-1, params.Count
		if params.Count == 0 {
			q.Limit = -1 // only the total
		}
	}
	var people []*intranet.ProvisionedPerson
	var total int
	var err error
	if q.Limit < 0 {
		q.Limit = 1
		_, total, err = u.h.cfg.Provisioner.ProvisionedPeople(r.Context(), q)
	} else {
		people, total, err = u.h.cfg.Provisioner.ProvisionedPeople(r.Context(), q)
	}
	if err != nil {
		return scim.Page{}, u.h.fail("list users", err)
	}
	resources := []scim.Resource{}
	for _, p := range people {
		resources = append(resources, userResource(p))
	}
	if exact {
		return scim.Page{TotalResults: total, Resources: resources}, nil
	}
	// A filter the store does not take: the library checks each user.
	return filterPage(resources, params, func(res scim.Resource) map[string]any {
		return withCommon(res)
	}), nil
}

// withCommon is a resource's attributes with its id and externalId, as
// a filter sees them.
func withCommon(res scim.Resource) map[string]any {
	m := map[string]any{"id": res.ID}
	for k, v := range res.Attributes {
		m[k] = v
	}
	if res.ExternalID.Present() {
		m["externalId"] = res.ExternalID.Value()
	}
	return m
}

// filterPage keeps the resources that pass the filter and pages them.
func filterPage(all []scim.Resource, params scim.ListRequestParams, attrs func(scim.Resource) map[string]any) scim.Page {
	var kept []scim.Resource
	for _, res := range all {
		if params.FilterValidator.PassesFilter(attrs(res)) == nil {
			kept = append(kept, res)
		}
	}
	page := scim.Page{TotalResults: len(kept), Resources: []scim.Resource{}}
	from := params.StartIndex - 1
	for i := from; i < len(kept) && i < from+params.Count; i++ {
		page.Resources = append(page.Resources, kept[i])
	}
	return page
}

// peopleFilter reads the filters the identity providers send (userName,
// externalId or a work email equal to a value) into a query; exact is
// false for any other filter, which the caller then applies itself.
func peopleFilter(e filter.Expression) (intranet.PeopleQuery, bool) {
	var q intranet.PeopleQuery
	switch x := e.(type) {
	case *filter.AttributeExpression:
		v, ok := x.CompareValue.(string)
		if x.Operator != filter.EQ || !ok || x.AttributePath.URI() != "" {
			return q, false
		}
		switch name, sub := strings.ToLower(x.AttributePath.AttributeName), strings.ToLower(x.AttributePath.SubAttributeName()); {
		case name == "username" && sub == "":
			q.UserName = v
		case name == "externalid" && sub == "":
			q.ExternalID = v
		case name == "emails" && (sub == "value" || sub == ""):
			q.Email = v
		default:
			return q, false
		}
		return q, true
	case *filter.ValuePath:
		// emails[type eq "work" and value eq "…"]
		if !strings.EqualFold(x.AttributePath.AttributeName, "emails") {
			return q, false
		}
		if email, ok := eqValue(x.ValueFilter, "value"); ok {
			q.Email = email
			return q, true
		}
	}
	return q, false
}

// eqValue finds `attr eq "v"` in an expression of and-ed comparisons.
func eqValue(e filter.Expression, attr string) (string, bool) {
	switch x := e.(type) {
	case *filter.AttributeExpression:
		v, ok := x.CompareValue.(string)
		if x.Operator == filter.EQ && ok && strings.EqualFold(x.AttributePath.AttributeName, attr) {
			return v, true
		}
	case *filter.LogicalExpression:
		if x.Operator == filter.AND {
			if v, ok := eqValue(x.Left, attr); ok {
				return v, true
			}
			return eqValue(x.Right, attr)
		}
	}
	return "", false
}

func (u *users) Create(r *http.Request, attrs scim.ResourceAttributes) (scim.Resource, error) {
	p, active := personFrom(attrs)
	made, err := u.h.cfg.Provisioner.ProvisionPerson(r.Context(), p)
	if err != nil {
		return scim.Resource{}, u.h.fail("create user", err)
	}
	if made, err = u.setActive(r, made, active); err != nil {
		return scim.Resource{}, err
	}
	return userResource(made), nil
}

func (u *users) Replace(r *http.Request, id string, attrs scim.ResourceAttributes) (scim.Resource, error) {
	n, ok := parseID(id)
	if !ok {
		return scim.Resource{}, notFound("User", id)
	}
	p, active := personFrom(attrs)
	p.ID = n
	return u.replace(r, p, active)
}

func (u *users) replace(r *http.Request, p intranet.ProvisionedPerson, active *bool) (scim.Resource, error) {
	got, err := u.h.cfg.Provisioner.ReplaceProvisionedPerson(r.Context(), p)
	if err != nil {
		return scim.Resource{}, u.h.fail("replace user", err)
	}
	if got, err = u.setActive(r, got, active); err != nil {
		return scim.Resource{}, err
	}
	return userResource(got), nil
}

// setActive deactivates or activates the person as SCIM's active says
// (nil: as they are), through the directory, so that a departure has the
// same effects whoever records it.
func (u *users) setActive(r *http.Request, p *intranet.ProvisionedPerson, active *bool) (*intranet.ProvisionedPerson, error) {
	if active == nil || *active == !p.Inactive {
		return p, nil
	}
	var err error
	if *active {
		err = u.h.cfg.Directory.Activate(r.Context(), actor, p.ID)
	} else {
		_, err = u.h.cfg.Directory.Deactivate(r.Context(), actor, p.ID)
	}
	if err != nil {
		return nil, u.h.fail("set user active", err)
	}
	again, err := u.h.cfg.Provisioner.ProvisionedPerson(r.Context(), p.ID)
	if err != nil {
		return nil, u.h.fail("get user", err)
	}
	return again, nil
}

func (u *users) Patch(r *http.Request, id string, ops []scim.PatchOperation) (scim.Resource, error) {
	n, ok := parseID(id)
	if !ok {
		return scim.Resource{}, notFound("User", id)
	}
	p, err := u.h.cfg.Provisioner.ProvisionedPerson(r.Context(), n)
	if err != nil {
		return scim.Resource{}, u.h.fail("get user", err)
	}
	attrs := userAttributes(p)
	attrs["externalId"] = p.ExternalID
	var touched patchTouch
	for _, op := range ops {
		if err := applyPatch(attrs, op.Op, op.Path, op.Value, &touched); err != nil {
			return scim.Resource{}, err
		}
	}
	if touched.nameParts && !touched.displayName {
		// Name parts without a displayName: the name is made of them.
		delete(attrs, "displayName")
	}
	next, active := personFrom(attrs)
	next.ID = n
	if !touched.active {
		active = nil
	}
	return u.replace(r, next, active)
}

func (u *users) Delete(r *http.Request, id string) error {
	n, ok := parseID(id)
	if !ok {
		return notFound("User", id)
	}
	if _, err := u.h.cfg.Provisioner.ProvisionedPerson(r.Context(), n); err != nil {
		return u.h.fail("get user", err)
	}
	// A deleted user has left: their departure first, then SCIM forgets them.
	if _, err := u.h.cfg.Directory.Deactivate(r.Context(), actor, n); err != nil {
		return u.h.fail("deactivate user", err)
	}
	if err := u.h.cfg.Provisioner.UnprovisionPerson(r.Context(), n); err != nil {
		return u.h.fail("delete user", err)
	}
	return nil
}

// userResource is a person as a SCIM User.
func userResource(p *intranet.ProvisionedPerson) scim.Resource {
	res := scim.Resource{ID: strconv.FormatInt(p.ID, 10), Attributes: userAttributes(p)}
	if p.ExternalID != "" {
		res.ExternalID = optional.NewString(p.ExternalID)
	}
	created, updated := p.Created.UTC().Truncate(time.Second), p.Updated.UTC().Truncate(time.Second)
	res.Meta = scim.Meta{Created: &created, LastModified: &updated, Version: `W/"` + strconv.FormatInt(updated.Unix(), 10) + `"`}
	return res
}

func userAttributes(p *intranet.ProvisionedPerson) scim.ResourceAttributes {
	given, family, _ := strings.Cut(p.Name, " ")
	attrs := scim.ResourceAttributes{
		"userName":    p.UserName,
		"active":      !p.Inactive,
		"displayName": p.Name,
		"name":        map[string]any{"formatted": p.Name, "givenName": given, "familyName": family},
		"emails":      []any{map[string]any{"value": p.Email, "type": "work", "primary": true}},
	}
	var phones []any
	if p.Phone != "" {
		phones = append(phones, map[string]any{"value": p.Phone, "type": "work"})
	}
	if p.Mobile != "" {
		phones = append(phones, map[string]any{"value": p.Mobile, "type": "mobile"})
	}
	if phones != nil {
		attrs["phoneNumbers"] = phones
	}
	if p.Title != "" {
		attrs["title"] = p.Title
	}
	if p.Location != "" {
		attrs["addresses"] = []any{map[string]any{"type": "work", "locality": p.Location, "primary": true}}
	}
	ext := map[string]any{}
	if p.Department != "" {
		ext["department"] = p.Department
	}
	if p.EmployeeNumber != "" {
		ext["employeeNumber"] = p.EmployeeNumber
	}
	if p.Organisation != "" {
		ext["organization"] = p.Organisation
	}
	if p.ManagerID != 0 {
		ext["manager"] = map[string]any{"value": strconv.FormatInt(p.ManagerID, 10)}
	}
	attrs[enterpriseURI] = ext
	return attrs
}

// personFrom reads a User's attributes (as the library validated them, or
// as a PATCH left them) into a person, and active (nil when not given).
func personFrom(attrs map[string]any) (intranet.ProvisionedPerson, *bool) {
	var p intranet.ProvisionedPerson
	p.UserName = str(get(attrs, "userName"))
	p.ExternalID = str(get(attrs, "externalId"))
	p.Title = str(get(attrs, "title"))
	// The name: displayName, else the parts (a Dutch prefix such as "van
	// den" in middleName or at the start of familyName).
	p.Name = str(get(attrs, "displayName"))
	if p.Name == "" {
		if name, ok := get(attrs, "name").(map[string]any); ok {
			var parts []string
			for _, k := range []string{"givenName", "middleName", "familyName"} {
				if s := str(get(name, k)); s != "" {
					parts = append(parts, s)
				}
			}
			p.Name = strings.Join(parts, " ")
			if p.Name == "" {
				p.Name = str(get(name, "formatted"))
			}
		}
	}
	// The email: the primary one, else the work one, else the userName
	// when it is an address (Entra's userName is the UPN, which may differ).
	emails := items(get(attrs, "emails"))
	if e := pick(emails, func(m map[string]any) bool { return get(m, "primary") == true }); e != nil {
		p.Email = str(get(e, "value"))
	}
	if p.Email == "" {
		if e := pick(emails, typed("work")); e != nil {
			p.Email = str(get(e, "value"))
		}
	}
	if p.Email == "" && strings.Contains(p.UserName, "@") {
		p.Email = p.UserName
	}
	if p.Email == "" && len(emails) > 0 {
		p.Email = str(get(emails[0], "value"))
	}
	phones := items(get(attrs, "phoneNumbers"))
	if ph := pick(phones, typed("work")); ph != nil {
		p.Phone = str(get(ph, "value"))
	}
	if ph := pick(phones, typed("mobile")); ph != nil {
		p.Mobile = str(get(ph, "value"))
	}
	addresses := items(get(attrs, "addresses"))
	a := pick(addresses, typed("work"))
	if a == nil && len(addresses) > 0 {
		a = addresses[0]
	}
	if a != nil {
		p.Location = str(get(a, "locality"))
	}
	if ext, ok := get(attrs, enterpriseURI).(map[string]any); ok {
		p.Department = str(get(ext, "department"))
		p.EmployeeNumber = str(get(ext, "employeeNumber"))
		p.Organisation = str(get(ext, "organization"))
		if m, ok := get(ext, "manager").(map[string]any); ok {
			p.ManagerID, _ = parseID(str(get(m, "value")))
		}
	}
	var active *bool
	if b, ok := get(attrs, "active").(bool); ok {
		active = &b
	}
	return p, active
}

// typed selects a multi-valued attribute's item of a type.
func typed(t string) func(map[string]any) bool {
	return func(m map[string]any) bool { return strings.EqualFold(str(get(m, "type")), t) }
}

func pick(list []map[string]any, ok func(map[string]any) bool) map[string]any {
	for _, m := range list {
		if ok(m) {
			return m
		}
	}
	return nil
}

// items reads a multi-valued complex attribute.
func items(v any) []map[string]any {
	var out []map[string]any
	switch x := v.(type) {
	case []any:
		for _, it := range x {
			if m, ok := it.(map[string]any); ok {
				out = append(out, m)
			}
		}
	case []map[string]any:
		out = x
	case map[string]any:
		out = append(out, x)
	}
	return out
}

// get reads an attribute by name, whatever its letter case.
func get(m map[string]any, key string) any {
	if v, ok := m[key]; ok {
		return v
	}
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return nil
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case nil:
		return ""
	}
	return ""
}
