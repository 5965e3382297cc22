package feature

import (
	"context"
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// MatchNames returns the names that a typed value means: those whose words
// all start with the value's words ("zorg" -> "Zorg Oost", "Zorg West"),
// else those that are close by trigrams (a typo).
func MatchNames(value string, names []string) []string {
	var out []string
	for _, n := range names {
		if WordsStartWith(n, value) || phonebook.Key(n) == phonebook.Key(value) {
			out = append(out, n)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, n := range names {
		if phonebook.Similarity(phonebook.Key(value), phonebook.Key(n)) >= 0.4 {
			out = append(out, n)
		}
	}
	return out
}

// WordsStartWith reports whether every word of typed starts a word of name.
func WordsStartWith(name, typed string) bool {
	want, words := phonebook.Words(typed), phonebook.Words(name)
	for _, w := range want {
		found := false
		for _, x := range words {
			found = found || strings.HasPrefix(x, w)
		}
		if !found {
			return false
		}
	}
	return len(want) > 0
}

// DidYouMean returns " Bedoel je: A, B?" with the names nearest to value,
// or the whole list when it is short and none is near, or "".
func (c *Call) DidYouMean(value string, names []string) string {
	keys := make([]string, len(names))
	byKey := map[string]string{}
	for i, n := range names {
		keys[i] = phonebook.Key(n)
		byKey[keys[i]] = n
	}
	near := phonebook.Suggest(phonebook.Key(value), keys, 3)
	if len(near) == 0 {
		if len(names) > 0 && len(names) <= 15 {
			return " " + c.T("Er zijn: %s.", "There are: %s.", strings.Join(names, ", "))
		}
		return ""
	}
	var shown []string
	for _, k := range near {
		shown = append(shown, byKey[k])
	}
	return " " + c.T("Bedoel je: %s?", "Did you mean: %s?", strings.Join(shown, ", "))
}

// FindDepartment finds one department by name. When there is none, or
// the name fits more than one, problem says so in the caller's language.
func FindDepartment(ctx context.Context, people intranet.PersonService, c *Call, name string) (dept, problem string, err error) {
	all, err := people.Departments(ctx)
	if err != nil {
		return "", "", err
	}
	match := MatchNames(name, all)
	for _, m := range match {
		if phonebook.Key(m) == phonebook.Key(name) {
			return m, "", nil
		}
	}
	if len(match) == 1 && WordsStartWith(match[0], name) {
		return match[0], "", nil
	}
	if len(match) > 1 && WordsStartWith(match[0], name) {
		return "", c.T("%q past bij meer afdelingen: %s. Typ de hele naam, tussen aanhalingstekens.", "%q matches several departments: %s. Type the whole name, in quotes.", name, strings.Join(match, ", ")), nil
	}
	return "", c.T("Ik ken geen afdeling %q.%s", "I know no department %q.%s", name, c.DidYouMean(name, all)), nil
}

// FindSkill finds the one skill a typed name means.
func FindSkill(ctx context.Context, people intranet.PersonService, c *Call, name string) (skill, problem string, err error) {
	all, err := people.Skills(ctx)
	if err != nil {
		return "", "", err
	}
	match := MatchNames(name, all)
	if len(match) != 1 {
		return "", c.T("Niemand heeft de vaardigheid %q.%s", "Nobody has the skill %q.%s", name, c.DidYouMean(name, all)), nil
	}
	return match[0], "", nil
}

// FindPerson finds one person by email, platform mention or name. When
// there is none, or more than one, problem says so in the caller's
// language (with the phonebook's near words for a name nobody has). Who
// left (inactive) is not found: problem says they left.
func FindPerson(ctx context.Context, people intranet.PersonService, accounts intranet.AccountService, c *Call, who string) (*intranet.Person, string, error) {
	p, problem, err := FindAnyPerson(ctx, people, accounts, c, who)
	if p != nil && p.Inactive {
		return nil, c.T("%s werkt hier niet meer (uitgeschakeld in Werkplek).", "%s no longer works here (deactivated in Werkplek).", p.Name), nil
	}
	return p, problem, err
}

// FindAnyPerson is FindPerson that finds who left too, by their email
// address (their accounts are unlinked and search skips them): for the
// admins who bring them back.
func FindAnyPerson(ctx context.Context, people intranet.PersonService, accounts intranet.AccountService, c *Call, who string) (*intranet.Person, string, error) {
	who = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(who), "@"))
	notFound := c.T("Ik vond %q niet in het telefoonboek. Gebruik een e-mailadres, een vermelding of een volledige naam.", "I did not find %q in the phonebook. Use an email address, a mention or a full name.", who)
	switch {
	case who == "":
		return nil, c.T("Wie? Geef een e-mailadres, een vermelding of een naam.", "Who? Give an email address, a mention or a name."), nil
	case strings.HasPrefix(who, "<@") && strings.HasSuffix(who, ">"):
		id, _, _ := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(who, "<@"), ">"), "|")
		a, err := accounts.FindAccount(ctx, c.Req.Platform, c.Req.Installation, id)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return nil, notFound, nil
		} else if err != nil {
			return nil, "", err
		}
		return found(people.FindPersonByID(ctx, a.PersonID))(notFound)
	}
	if e := strings.ToLower(strings.TrimPrefix(who, "mailto:")); phonebook.ValidEmail(e) {
		return found(people.FindPersonByEmail(ctx, e))(notFound)
	}
	res, err := people.SearchPeople(ctx, intranet.PersonSearch{Query: who, Limit: 5})
	if err != nil {
		return nil, "", err
	}
	if len(res.Matches) == 0 {
		if len(res.Suggestions) > 0 {
			notFound += " " + c.T("Bedoel je: %s?", "Did you mean: %s?", strings.Join(res.Suggestions, ", "))
		}
		return nil, notFound, nil
	}
	// One person whose full name is what was typed, or the only match.
	var exact []*intranet.Person
	for _, m := range res.Matches {
		if phonebook.Key(m.Person.Name) == phonebook.Key(who) {
			exact = append(exact, m.Person)
		}
	}
	if len(exact) == 1 {
		return exact[0], "", nil
	}
	if len(res.Matches) == 1 {
		return res.Matches[0].Person, "", nil
	}
	var names []string
	for _, m := range res.Matches {
		names = append(names, fmt.Sprintf("%s (%s)", m.Person.Label(), m.Person.Email))
	}
	return nil, c.T("%q past bij meer mensen: %s. Gebruik het e-mailadres.", "%q matches several people: %s. Use the email address.", who, strings.Join(names, ", ")), nil
}

// found turns a lookup by id or email into FindPerson's answer.
func found(p *intranet.Person, err error) func(notFound string) (*intranet.Person, string, error) {
	return func(notFound string) (*intranet.Person, string, error) {
		switch {
		case intranet.ErrorCode(err) == intranet.ENOTFOUND:
			return nil, notFound, nil
		case err != nil:
			return nil, "", err
		}
		return p, "", nil
	}
}

// Quote writes a name so that a typed command reads it back as one value.
func Quote(name string) string {
	if strings.ContainsAny(name, " \t") {
		return `"` + name + `"`
	}
	return name
}

// Author names who wrote something for a reader in lang: the name, or "a
// former colleague" for a person whose data was erased.
func Author(lang, name, email string) string {
	if intranet.Erased(email) {
		return T(lang, "een voormalig collega", "a former colleague")
	}
	return name
}
