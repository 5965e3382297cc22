package scim

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	scimerrors "github.com/elimity-com/scim/errors"
	"github.com/scim2/filter-parser/v2"
)

// normalisePatch rewrites what Entra ID sends in a PATCH that the library
// would refuse: the enterprise manager as a bare id ("value":"42") or a
// list of one ({"value":[{"value":"42"}]}) instead of {"value":"42"}.
// Everything else (the op in any letter case, "False" as a string, a
// PATCH without path whose value names attributes by path or extension
// URI) the library takes as it is.
func normalisePatch(r *http.Request) error {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	var req map[string]any
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	if err := d.Decode(&req); err != nil {
		// Not JSON: the library says so in its own words.
		r.Body = io.NopCloser(bytes.NewReader(body))
		return nil
	}
	changed := false
	ops, _ := get(req, "Operations").([]any)
	for _, o := range ops {
		op, ok := o.(map[string]any)
		if !ok {
			continue
		}
		path := str(get(op, "path"))
		if isManager(path) {
			for k, v := range op {
				if strings.EqualFold(k, "value") {
					if w, ok := managerValue(v); ok {
						op[k], changed = w, true
					}
				}
			}
			continue
		}
		value, ok := get(op, "value").(map[string]any)
		if path != "" || !ok {
			continue
		}
		for k, v := range value {
			if isManager(k) {
				if w, ok := managerValue(v); ok {
					value[k], changed = w, true
				}
			}
			if strings.EqualFold(k, enterpriseURI) {
				if ext, ok := v.(map[string]any); ok {
					for ek, ev := range ext {
						if strings.EqualFold(ek, "manager") {
							if w, ok := managerValue(ev); ok {
								ext[ek], changed = w, true
							}
						}
					}
				}
			}
		}
	}
	if changed {
		if body, err = json.Marshal(req); err != nil {
			return err
		}
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	return nil
}

func isManager(path string) bool {
	return strings.EqualFold(path, enterpriseURI+":manager")
}

// managerValue makes a manager reference of a bare id or a list of one.
func managerValue(v any) (any, bool) {
	switch x := v.(type) {
	case string:
		return map[string]any{"value": x}, true
	case []any:
		if len(x) == 1 {
			if s, ok := x[0].(string); ok {
				return map[string]any{"value": s}, true
			}
			return x[0], true
		}
	}
	return nil, false
}

// patchTouch records what a PATCH changed that the mapping back to a
// person needs to know.
type patchTouch struct {
	displayName, nameParts, active bool
}

// applyPatch applies one operation (validated by the library) to a
// resource's attributes: a path of an attribute, a sub-attribute, an
// extension's attribute or a filtered multi-valued attribute
// (emails[type eq "work"].value), or none, with a value naming attributes.
func applyPatch(attrs map[string]any, op string, path *filter.Path, value any, touch *patchTouch) error {
	op = strings.ToLower(op)
	if path == nil {
		obj, ok := value.(map[string]any)
		if !ok {
			return invalidValue("A PATCH without path needs an object as value.")
		}
		for k, v := range obj {
			if strings.EqualFold(k, enterpriseURI) {
				ext, ok := v.(map[string]any)
				if !ok {
					return invalidValue("The enterprise extension's value must be an object.")
				}
				for ek, ev := range ext {
					p, err := filter.ParsePath([]byte(enterpriseURI + ":" + ek))
					if err != nil {
						return invalidPath(ek)
					}
					if err := applyPatch(attrs, op, &p, ev, touch); err != nil {
						return err
					}
				}
				continue
			}
			p, err := filter.ParsePath([]byte(k))
			if err != nil {
				return invalidPath(k)
			}
			if err := applyPatch(attrs, op, &p, v, touch); err != nil {
				return err
			}
		}
		return nil
	}
	container := attrs
	if uri := path.AttributePath.URI(); uri != "" {
		ext, ok := get(attrs, uri).(map[string]any)
		if !ok {
			ext = map[string]any{}
			set(attrs, uri, ext)
		}
		container = ext
	}
	name := path.AttributePath.AttributeName
	sub := path.SubAttributeName()
	if sub == "" {
		sub = path.AttributePath.SubAttributeName()
	}
	switch {
	case strings.EqualFold(name, "displayName"):
		touch.displayName = true
	case strings.EqualFold(name, "name"):
		touch.nameParts = true
	case strings.EqualFold(name, "active"):
		touch.active = true
	}
	if path.ValueExpression != nil {
		return patchFiltered(container, op, name, path.ValueExpression, sub, value)
	}
	if sub != "" {
		child, ok := get(container, name).(map[string]any)
		if !ok {
			child = map[string]any{}
			set(container, name, child)
		}
		if op == "remove" {
			del(child, sub)
		} else {
			set(child, sub, value)
		}
		return nil
	}
	old, isList := get(container, name).([]any)
	switch op {
	case "remove":
		if list, ok := value.([]any); ok && isList {
			set(container, name, without(old, list))
		} else {
			del(container, name)
		}
	case "add":
		if list, ok := value.([]any); ok && isList {
			set(container, name, append(without(old, list), list...))
		} else {
			set(container, name, value)
		}
	default:
		set(container, name, value)
	}
	return nil
}

// patchFiltered changes the items of a multi-valued attribute that match
// a filter; an add or replace that matches none makes the item (the
// filter's "type eq" naming it).
func patchFiltered(container map[string]any, op, name string, expr filter.Expression, sub string, value any) error {
	list, _ := get(container, name).([]any)
	var out []any
	matched := false
	for _, it := range list {
		m, ok := it.(map[string]any)
		if !ok || !matches(expr, m) {
			out = append(out, it)
			continue
		}
		matched = true
		switch {
		case op == "remove" && sub == "":
			continue
		case op == "remove":
			del(m, sub)
		case sub != "":
			set(m, sub, value)
		default:
			if obj, ok := value.(map[string]any); ok {
				for k, v := range obj {
					set(m, k, v)
				}
			}
		}
		out = append(out, m)
	}
	if !matched && op != "remove" {
		m := map[string]any{}
		if t, ok := eqValue(expr, "type"); ok {
			m["type"] = t
		}
		if sub != "" {
			m[sub] = value
		} else if obj, ok := value.(map[string]any); ok {
			for k, v := range obj {
				m[k] = v
			}
		}
		out = append(out, m)
	}
	set(container, name, out)
	return nil
}

// matches evaluates a PATCH path's filter (eq, ne, pr with and, or, not)
// on one item of a multi-valued attribute; strings compare ignoring case.
func matches(e filter.Expression, m map[string]any) bool {
	switch x := e.(type) {
	case *filter.AttributeExpression:
		v := get(m, x.AttributePath.AttributeName)
		switch x.Operator {
		case filter.PR:
			return v != nil && v != ""
		case filter.EQ, filter.NE:
			eq := sameValue(v, x.CompareValue)
			return eq == (x.Operator == filter.EQ)
		}
	case *filter.LogicalExpression:
		if x.Operator == filter.AND {
			return matches(x.Left, m) && matches(x.Right, m)
		}
		return matches(x.Left, m) || matches(x.Right, m)
	case *filter.NotExpression:
		return !matches(x.Expression, m)
	}
	return false
}

func sameValue(a, b any) bool {
	as, aok := a.(string)
	bs, bok := b.(string)
	if aok && bok {
		return strings.EqualFold(as, bs)
	}
	return a == b
}

// without drops from list the items whose "value" one of drop's has.
func without(list, drop []any) []any {
	gone := map[string]bool{}
	for _, d := range drop {
		if m, ok := d.(map[string]any); ok {
			gone[strings.ToLower(str(get(m, "value")))] = true
		}
	}
	var out []any
	for _, it := range list {
		if m, ok := it.(map[string]any); ok && gone[strings.ToLower(str(get(m, "value")))] {
			continue
		}
		out = append(out, it)
	}
	return out
}

// set writes an attribute, replacing one of the same name in any case.
func set(m map[string]any, key string, v any) {
	for k := range m {
		if strings.EqualFold(k, key) && k != key {
			delete(m, k)
		}
	}
	m[key] = v
}

func del(m map[string]any, key string) {
	for k := range m {
		if strings.EqualFold(k, key) {
			delete(m, k)
		}
	}
}

func invalidPath(p string) error {
	return scimerrors.ScimError{Status: http.StatusBadRequest, ScimType: scimerrors.ScimTypeInvalidPath, Detail: "The path " + p + " is not valid."}
}
