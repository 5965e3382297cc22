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

// groups maps SCIM Groups to the teams the identity provider manages.
type groups struct{ h *Handler }

var _ scim.ResourceHandler = (*groups)(nil)

// withMembers is false when the request asks to leave the members out
// (Entra ID looks groups up with excludedAttributes=members).
func withMembers(r *http.Request) bool {
	for _, ex := range strings.Split(r.URL.Query().Get("excludedAttributes"), ",") {
		if strings.EqualFold(strings.TrimSpace(ex), "members") {
			return false
		}
	}
	return true
}

func (g *groups) Get(r *http.Request, id string) (scim.Resource, error) {
	n, ok := parseID(id)
	if !ok {
		return scim.Resource{}, notFound("Group", id)
	}
	grp, err := g.h.cfg.Provisioner.ProvisionedGroup(r.Context(), n)
	if err != nil {
		return scim.Resource{}, g.h.fail("get group", err)
	}
	return groupResource(grp, withMembers(r)), nil
}

func (g *groups) GetAll(r *http.Request, params scim.ListRequestParams) (scim.Page, error) {
	q, exact := intranet.GroupQuery{}, true
	if params.FilterValidator != nil {
		q, exact = groupFilter(params.FilterValidator.GetFilter())
	}
	if exact {
		q.Offset, q.Limit = params.StartIndex-1, max(params.Count, 1)
	}
	list, total, err := g.h.cfg.Provisioner.ProvisionedGroups(r.Context(), q)
	if err != nil {
		return scim.Page{}, g.h.fail("list groups", err)
	}
	resources := []scim.Resource{}
	for _, grp := range list {
		resources = append(resources, groupResource(grp, withMembers(r) || !exact))
	}
	if exact {
		if params.Count == 0 {
			resources = []scim.Resource{}
		}
		return scim.Page{TotalResults: total, Resources: resources}, nil
	}
	page := filterPage(resources, params, withCommon)
	if !withMembers(r) {
		for i := range page.Resources {
			delete(page.Resources[i].Attributes, "members")
		}
	}
	return page, nil
}

// groupFilter reads displayName or externalId equal to a value into a
// query; exact is false for any other filter.
func groupFilter(e filter.Expression) (intranet.GroupQuery, bool) {
	var q intranet.GroupQuery
	x, ok := e.(*filter.AttributeExpression)
	if !ok {
		return q, false
	}
	v, ok := x.CompareValue.(string)
	if x.Operator != filter.EQ || !ok || x.AttributePath.URI() != "" || x.AttributePath.SubAttributeName() != "" {
		return q, false
	}
	switch strings.ToLower(x.AttributePath.AttributeName) {
	case "displayname":
		q.Name = v
	case "externalid":
		q.ExternalID = v
	default:
		return q, false
	}
	return q, true
}

func (g *groups) Create(r *http.Request, attrs scim.ResourceAttributes) (scim.Resource, error) {
	grp := intranet.ProvisionedGroup{Name: str(get(attrs, "displayName")), ExternalID: str(get(attrs, "externalId"))}
	ids, err := memberIDs(get(attrs, "members"))
	if err != nil {
		return scim.Resource{}, err
	}
	for _, id := range ids {
		grp.Members = append(grp.Members, intranet.GroupMember{PersonID: id})
	}
	made, err := g.h.cfg.Provisioner.ProvisionGroup(r.Context(), grp)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return scim.Resource{}, invalidValue(intranet.ErrorMessage(err))
	} else if err != nil {
		return scim.Resource{}, g.h.fail("create group", err)
	}
	return groupResource(made, true), nil
}

func (g *groups) Replace(r *http.Request, id string, attrs scim.ResourceAttributes) (scim.Resource, error) {
	n, ok := parseID(id)
	if !ok {
		return scim.Resource{}, notFound("Group", id)
	}
	name, ext := str(get(attrs, "displayName")), str(get(attrs, "externalId"))
	ids, err := memberIDs(get(attrs, "members"))
	if err != nil {
		return scim.Resource{}, err
	}
	return g.update(r, n, intranet.GroupUpdate{Name: &name, ExternalID: &ext, Members: &ids})
}

// update changes a group that exists: a person it names that is unknown
// is a bad value, not a missing group.
func (g *groups) update(r *http.Request, id int64, u intranet.GroupUpdate) (scim.Resource, error) {
	if _, err := g.h.cfg.Provisioner.ProvisionedGroup(r.Context(), id); err != nil {
		return scim.Resource{}, g.h.fail("get group", err)
	}
	got, err := g.h.cfg.Provisioner.UpdateProvisionedGroup(r.Context(), id, u)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return scim.Resource{}, invalidValue(intranet.ErrorMessage(err))
	} else if err != nil {
		return scim.Resource{}, g.h.fail("update group", err)
	}
	return groupResource(got, withMembers(r)), nil
}

// Patch renames a group and adds, removes or replaces its members, in the
// forms Entra ID and Okta send: path "members" with a list of values to
// add or remove, path members[value eq "id"] to remove one, and a value
// without path holding displayName (and Okta's id, which the library
// drops) or members.
func (g *groups) Patch(r *http.Request, id string, ops []scim.PatchOperation) (scim.Resource, error) {
	n, ok := parseID(id)
	if !ok {
		return scim.Resource{}, notFound("Group", id)
	}
	var u intranet.GroupUpdate
	apply := func(op, attr string, expr filter.Expression, value any) error {
		switch strings.ToLower(attr) {
		case "displayname":
			if op != "remove" {
				s := str(value)
				u.Name = &s
			}
		case "externalid":
			s := ""
			if op != "remove" {
				s = str(value)
			}
			u.ExternalID = &s
		case "members":
			var ids []int64
			if expr != nil {
				v, ok := eqValue(expr, "value")
				if !ok {
					return invalidValue("Name members by value: members[value eq \"id\"].")
				}
				n, ok := parseID(v)
				if !ok {
					return invalidValue("No user " + v + ".")
				}
				ids = []int64{n}
			} else {
				var err error
				if ids, err = memberIDs(value); err != nil {
					return err
				}
			}
			switch {
			case op == "remove" && expr == nil && value == nil:
				u.Members, u.Add, u.Remove = &[]int64{}, nil, nil
			case op == "remove":
				u.Remove = append(u.Remove, ids...)
			case op == "add":
				u.Add = append(u.Add, ids...)
			default:
				u.Members, u.Add, u.Remove = &ids, nil, nil
			}
		}
		return nil
	}
	for _, o := range ops {
		op := strings.ToLower(o.Op)
		if o.Path == nil {
			obj, ok := o.Value.(map[string]any)
			if !ok {
				return scim.Resource{}, invalidValue("A PATCH without path needs an object as value.")
			}
			for k, v := range obj {
				if err := apply(op, k, nil, v); err != nil {
					return scim.Resource{}, err
				}
			}
			continue
		}
		if err := apply(op, o.Path.AttributePath.AttributeName, o.Path.ValueExpression, o.Value); err != nil {
			return scim.Resource{}, err
		}
	}
	if _, err := g.update(r, n, u); err != nil {
		return scim.Resource{}, err
	}
	// 204 No Content, as Entra ID and Okta expect: a large group's members
	// are not sent back for every change.
	return scim.Resource{}, nil
}

func (g *groups) Delete(r *http.Request, id string) error {
	n, ok := parseID(id)
	if !ok {
		return notFound("Group", id)
	}
	if err := g.h.cfg.Provisioner.UnprovisionGroup(r.Context(), n); err != nil {
		return g.h.fail("delete group", err)
	}
	return nil
}

// memberIDs reads a members value: a list of {"value": id}, or one.
func memberIDs(v any) ([]int64, error) {
	ids := []int64{}
	for _, m := range items(v) {
		s := str(get(m, "value"))
		n, ok := parseID(s)
		if !ok {
			return nil, invalidValue("No user " + s + ".")
		}
		ids = append(ids, n)
	}
	return ids, nil
}

func groupResource(g *intranet.ProvisionedGroup, members bool) scim.Resource {
	attrs := scim.ResourceAttributes{"displayName": g.Name}
	if members {
		list := []any{}
		for _, m := range g.Members {
			id := strconv.FormatInt(m.PersonID, 10)
			list = append(list, map[string]any{"value": id, "display": m.Name, "type": "User", "$ref": "../Users/" + id})
		}
		attrs["members"] = list
	}
	res := scim.Resource{ID: strconv.FormatInt(g.ID, 10), Attributes: attrs}
	if g.ExternalID != "" {
		res.ExternalID = optional.NewString(g.ExternalID)
	}
	created := g.Created.UTC().Truncate(time.Second)
	res.Meta = scim.Meta{Created: &created}
	return res
}
