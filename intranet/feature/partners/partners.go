// Package partners is the partner unit: /partner lists and shows the
// partner organisations (the extranet: suppliers, care partners, clients
// whose people use Werkplek from the same chats as guests) and lets admins
// add them, give them email domains, name their contacts (employees) and
// add or remove their people. A partner sees only their own organisation
// and its contacts, with the fields shared with partners.
package partners

import (
	"context"
	"errors"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// Roles gives a person roles: who is no longer of a partner organisation
// stays a guest.
type Roles interface {
	// SetRoles replaces a person's roles. Returns ENOTFOUND.
	SetRoles(ctx context.Context, id int64, roles []intranet.Role) error
}

// Config is what the unit needs.
type Config struct {
	Partners intranet.PartnerService
	People   intranet.PersonService
	// Accounts finds the person a mention points at, and links a
	// partner's chat account.
	Accounts intranet.AccountService
	Roles    Roles
	// Tx makes a member's removal one change (nil: none).
	Tx intranet.Transactor
	// Fields are WERKPLEK_PARTNER_FIELDS, parsed: what partners see of
	// their contacts besides the name.
	Fields []string
}

// Unit answers /partner.
type Unit struct{ cfg Config }

var _ feature.Unit = (*Unit)(nil)

// New returns the unit; every service is required.
func New(cfg Config) (*Unit, error) {
	switch {
	case cfg.Partners == nil:
		return nil, errors.New("partners: Config.Partners is required")
	case cfg.People == nil:
		return nil, errors.New("partners: Config.People is required")
	case cfg.Accounts == nil:
		return nil, errors.New("partners: Config.Accounts is required")
	case cfg.Roles == nil:
		return nil, errors.New("partners: Config.Roles is required")
	}
	for _, f := range cfg.Fields {
		if f == "mobile" {
			return nil, errors.New("partners: a mobile number is never shared with partners")
		}
	}
	return &Unit{cfg: cfg}, nil
}

// Commands returns /partner.
func (u *Unit) Commands() []*grammar.Command { return []*grammar.Command{Command} }

// Handle answers /partner and its subcommands.
func (u *Unit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	switch {
	case c.Is("show"):
		return u.show(ctx, c)
	case c.Is(""), c.Is("list"):
		return u.list(ctx, c)
	}
	if !c.Has(intranet.RoleAdmin) { // a partner or guest account never is one
		return c.Reply(onlyAdmins(c)), nil
	}
	switch {
	case c.Is("add"):
		return u.add(ctx, c)
	case c.Is("domain add"), c.Is("domain remove"):
		return u.domain(ctx, c)
	case c.Is("contact add"), c.Is("contact remove"):
		return u.contact(ctx, c)
	case c.Is("member add"):
		return u.memberAdd(ctx, c)
	case c.Is("member remove"):
		return u.memberRemove(ctx, c)
	}
	return c.Reply(c.Usage()), nil
}

func (u *Unit) list(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Partner() != 0 {
		return u.own(ctx, c, c.Partner())
	}
	all, err := u.cfg.Partners.Organisations(ctx)
	if err != nil {
		return intranet.Reply{}, err
	}
	return orgList(c, all), nil
}

// own is a partner's view of their organisation: its contacts, with what
// is shared with partners.
func (u *Unit) own(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	o, err := u.cfg.Partners.OrganisationByID(ctx, id)
	if err != nil {
		return intranet.Reply{}, err
	}
	contacts, err := u.cfg.Partners.PartnerContacts(ctx, id)
	if err != nil {
		return intranet.Reply{}, err
	}
	return partnerView(c, o, contacts, u.cfg.Fields), nil
}

func (u *Unit) show(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	name := c.Cmd.Text("organisation")
	if c.Partner() != 0 {
		// A partner sees their own organisation; another is as unknown
		// as one that does not exist, and no name is suggested.
		o, err := u.cfg.Partners.OrganisationByID(ctx, c.Partner())
		if err != nil {
			return intranet.Reply{}, err
		}
		if phonebook.Key(o.Name) != phonebook.Key(name) && !feature.WordsStartWith(o.Name, name) {
			return c.Reply(unknownOrg(c, name, nil)), nil
		}
		return u.own(ctx, c, o.ID)
	}
	o, problem, err := u.find(ctx, c, name)
	if o == nil {
		return c.Reply(problem), err
	}
	contacts, err := u.cfg.Partners.PartnerContacts(ctx, o.ID)
	if err != nil {
		return intranet.Reply{}, err
	}
	members, err := u.cfg.Partners.PartnerMembers(ctx, o.ID)
	if err != nil {
		return intranet.Reply{}, err
	}
	return orgCard(c, o, contacts, members), nil
}

func (u *Unit) add(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	name := strings.Join(strings.Fields(c.Cmd.Text("name")), " ")
	settle(c, "name", name)
	o, err := u.cfg.Partners.AddOrganisation(ctx, name)
	switch intranet.ErrorCode(err) {
	case "":
		return c.Reply(orgAdded(c, o)), nil
	case intranet.ECONFLICT:
		return c.Reply(orgExists(c, name)), nil
	case intranet.EINVALID:
		return c.Reply(orgNameInvalid(c)), nil
	}
	return intranet.Reply{}, err
}

func (u *Unit) domain(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	words := u.words(c, "organisation", "domain")
	if len(words) < 2 {
		return c.Reply(c.Usage()), nil
	}
	o, problem, err := u.find(ctx, c, strings.Join(words[:len(words)-1], " "))
	if o == nil {
		return c.Reply(problem), err
	}
	d := strings.ToLower(strings.TrimPrefix(words[len(words)-1], "@"))
	settle(c, "organisation", o.Name, "domain", d)
	if c.Is("domain remove") {
		err := u.cfg.Partners.RemovePartnerDomain(ctx, o.ID, d)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return c.Reply(domainNotOf(c, o, d)), nil
		} else if err != nil {
			return intranet.Reply{}, err
		}
		return c.Reply(domainRemoved(c, o, d)), nil
	}
	err = u.cfg.Partners.AddPartnerDomain(ctx, o.ID, d)
	switch intranet.ErrorCode(err) {
	case "":
		return c.Reply(domainAdded(c, o, d)), nil
	case intranet.ECONFLICT:
		other, err := u.cfg.Partners.OrganisationOfDomain(ctx, d)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			// No organisation has it: employees do.
			return c.Reply(domainOfEmployees(c, d)), nil
		} else if err != nil {
			return intranet.Reply{}, err
		}
		return c.Reply(domainTaken(c, d, other)), nil
	case intranet.EINVALID:
		return c.Reply(domainInvalid(c, d)), nil
	}
	return intranet.Reply{}, err
}

func (u *Unit) contact(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	o, who, problem, err := u.orgAndPerson(ctx, c)
	if o == nil {
		return c.Reply(problem), err
	}
	settle(c, "organisation", o.Name, "person", who)
	p, problem, err := feature.FindPerson(ctx, u.cfg.People, u.cfg.Accounts, c, who)
	if p == nil {
		return c.Reply(problem), err
	}
	if c.Is("contact remove") {
		err := u.cfg.Partners.RemovePartnerContact(ctx, o.ID, p.ID)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return c.Reply(notAContact(c, p, o)), nil
		} else if err != nil {
			return intranet.Reply{}, err
		}
		return c.Reply(contactRemoved(c, p, o)), nil
	}
	if p.IsGuest() {
		return c.Reply(guestNoContact(c, p)), nil
	}
	err = u.cfg.Partners.AddPartnerContact(ctx, o.ID, p.ID)
	if intranet.ErrorCode(err) == intranet.EINVALID {
		return c.Reply(guestNoContact(c, p)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(contactAdded(c, p, o)), nil
}

// memberAdd makes someone a partner of the organisation: a new person by
// email, or someone in the phonebook. Moving an employee (no
// organisation, no guest role) takes their roles, teams, contacts and
// expertise, so it asks first, as a deactivation does. A mention links
// that chat account to them, as a guest's.
func (u *Unit) memberAdd(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	orgWords, email, mention, problem := u.member(c)
	if problem != "" {
		return c.Reply(problem), nil
	}
	o, problem, err := u.find(ctx, c, strings.Join(orgWords, " "))
	if o == nil {
		return c.Reply(problem), err
	}
	settle(c, "organisation", o.Name, "email", email)
	if mention != "" {
		settle(c, "mention", mention)
	}
	var accountID, accountName string
	var ok bool
	if mention != "" {
		if accountID, accountName, ok = mentionedAccount(mention); !ok {
			return c.Reply(notAMention(c, mention)), nil
		}
	}
	old, err := u.cfg.People.FindPersonByEmail(ctx, email)
	employee := err == nil && !old.IsGuest()
	switch {
	case intranet.ErrorCode(err) == intranet.ENOTFOUND:
		old = nil
	case err != nil:
		return intranet.Reply{}, err
	case old.Inactive:
		return c.Reply(personLeft(c, old)), nil
	case old.ID == c.Person.ID:
		return c.Reply(notYourself(c)), nil
	case employee:
		if sure, _ := c.Cmd.Flag("sure"); !sure {
			return moveQuestion(c, old, o, mention), nil
		}
	}
	if accountID != "" {
		// A colleague's account never becomes a partner's.
		a, err := u.cfg.Accounts.FindAccount(ctx, c.Req.Platform, c.Req.Installation, accountID)
		switch intranet.ErrorCode(err) {
		case intranet.ENOTFOUND:
		case "":
			if old == nil || a.PersonID != old.ID {
				if other, err := u.cfg.People.FindPersonByID(ctx, a.PersonID); err == nil && !other.Inactive {
					return c.Reply(accountTaken(c, other)), nil
				} else if err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
					return intranet.Reply{}, err
				}
			}
		default:
			return intranet.Reply{}, err
		}
	}
	p, created, err := u.cfg.Partners.AddPartnerPerson(ctx, o.ID, email, accountName)
	if intranet.ErrorCode(err) == intranet.EINVALID {
		return c.Reply(intranet.ErrorMessage(err) + " " + c.Usage()), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	from := ""
	if !created && p.OrganisationID != o.ID {
		from = p.Organisation
		err := u.cfg.Partners.SetOrganisation(ctx, p.ID, o.ID)
		if intranet.ErrorCode(err) == intranet.ECONFLICT {
			return c.Reply(lastAdmin(c, p)), nil
		} else if err != nil {
			return intranet.Reply{}, err
		}
	}
	linked := false
	if accountID != "" {
		a := intranet.Account{Platform: c.Req.Platform, Installation: c.Req.Installation, UserID: accountID, UserName: accountName, PersonID: p.ID, Guest: true}
		if err := u.cfg.Accounts.LinkAccount(ctx, a); err != nil {
			return intranet.Reply{}, err
		}
		linked = true
	}
	return c.Reply(memberAdded(c, p, o, created, from, employee, linked)), nil
}

// memberRemove makes a partner nobody's partner: they stay in the
// phonebook as a guest without an organisation, who may use only the help
// (as an unknown chat account), until an admin links them again or
// deactivates them.
func (u *Unit) memberRemove(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	words := u.words(c, "organisation", "email")
	if len(words) < 2 {
		return c.Reply(c.Usage()), nil
	}
	o, who, problem, err := u.orgAndRest(ctx, c, words)
	if o == nil {
		return c.Reply(problem), err
	}
	settle(c, "organisation", o.Name, "email", who)
	p, problem, err := feature.FindPerson(ctx, u.cfg.People, u.cfg.Accounts, c, who)
	if p == nil {
		return c.Reply(problem), err
	}
	if p.OrganisationID != o.ID {
		return c.Reply(notAMember(c, p, o)), nil
	}
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		if err := u.cfg.Partners.SetOrganisation(ctx, p.ID, 0); err != nil {
			return err
		}
		return u.cfg.Roles.SetRoles(ctx, p.ID, []intranet.Role{intranet.RoleGuest})
	})
	if err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(memberRemoved(c, p, o)), nil
}

// settle replaces the arguments the grammar read with what the unit made
// of them (name, value, name, value...): the organisation it found, the
// person after it. The audit log names what a command was about from
// these, as the unit read it, not by the grammar's first split.
func settle(c *feature.Call, kv ...string) {
	for i := 0; i+1 < len(kv); i += 2 {
		c.Cmd = c.Cmd.SetText(kv[i], kv[i+1])
	}
}

// words are the words of the arguments as one run: the grammar splits
// "<organisation> <domain>" at the first word, where an organisation's
// name may have several. A quoted organisation stays one word.
func (u *Unit) words(c *feature.Call, names ...string) []string {
	var out []string
	for _, n := range names {
		v, ok := c.Cmd.Value(n)
		switch {
		case !ok:
		case v.Quoted || strings.HasPrefix(v.Text, "<@"):
			out = append(out, v.Text)
		default:
			out = append(out, strings.Fields(v.Text)...)
		}
	}
	return out
}

// member reads "<organisation> <email> [<mention>]": the organisation is
// the words before the first email address. problem says what is missing
// or too much, with the usage.
func (u *Unit) member(c *feature.Call) (org []string, email, mention, problem string) {
	words := u.words(c, "organisation", "email", "mention")
	for i, w := range words {
		e := strings.ToLower(strings.TrimPrefix(w, "mailto:"))
		if !phonebook.ValidEmail(e) || strings.HasPrefix(w, "<@") {
			continue
		}
		switch rest := words[i+1:]; {
		case i == 0:
			return nil, "", "", noOrganisation(c)
		case len(rest) > 1:
			return nil, "", "", notOnlyMention(c, strings.Join(rest, " "))
		case len(rest) == 1:
			mention = rest[0]
		}
		return words[:i], e, mention, ""
	}
	if len(words) < 2 {
		return nil, "", "", c.Usage()
	}
	return nil, "", "", noEmail(c)
}

// mentionedAccount reads a platform mention, <@U123|name> (Slack, and
// Teams as its adapter writes it): the account's user id and name.
func mentionedAccount(s string) (id, name string, ok bool) {
	if !strings.HasPrefix(s, "<@") || !strings.HasSuffix(s, ">") {
		return "", "", false
	}
	id, name, _ = strings.Cut(strings.TrimSuffix(strings.TrimPrefix(s, "<@"), ">"), "|")
	if _, person := intranet.PersonMentionID(id); person || strings.TrimSpace(id) == "" {
		return "", "", false
	}
	return strings.TrimSpace(id), strings.TrimSpace(name), true
}

// orgAndPerson reads "<organisation> <person>" of a contact subcommand.
func (u *Unit) orgAndPerson(ctx context.Context, c *feature.Call) (*intranet.Organisation, string, string, error) {
	words := u.words(c, "organisation", "person")
	if len(words) < 2 {
		return nil, "", c.Usage(), nil
	}
	return u.orgAndRest(ctx, c, words)
}

// orgAndRest finds the organisation that the first words name, the
// longest such run first, and returns the words after it. When none does,
// problem names the grammar's reading with a did-you-mean.
func (u *Unit) orgAndRest(ctx context.Context, c *feature.Call, words []string) (*intranet.Organisation, string, string, error) {
	for n := len(words) - 1; n >= 1; n-- {
		o, err := u.cfg.Partners.FindOrganisation(ctx, strings.Join(words[:n], " "))
		if err == nil {
			return o, strings.Join(words[n:], " "), "", nil
		} else if intranet.ErrorCode(err) != intranet.ENOTFOUND {
			return nil, "", "", err
		}
	}
	o, problem, err := u.find(ctx, c, c.Cmd.Text("organisation"))
	if o == nil {
		return nil, "", problem, err
	}
	return o, strings.Join(words[len(u.words(c, "organisation")):], " "), "", nil
}

// find finds one organisation by its name (any letter case), or by the
// start of its words when that fits one; problem says what is wrong.
func (u *Unit) find(ctx context.Context, c *feature.Call, name string) (*intranet.Organisation, string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, c.Usage(), nil
	}
	o, err := u.cfg.Partners.FindOrganisation(ctx, name)
	if err == nil {
		return o, "", nil
	} else if intranet.ErrorCode(err) != intranet.ENOTFOUND {
		return nil, "", err
	}
	all, err := u.cfg.Partners.Organisations(ctx)
	if err != nil {
		return nil, "", err
	}
	var match []*intranet.Organisation
	var names []string
	for _, o := range all {
		names = append(names, o.Name)
		if feature.WordsStartWith(o.Name, name) {
			match = append(match, o)
		}
	}
	if len(match) == 1 {
		return match[0], "", nil
	}
	return nil, unknownOrg(c, name, names), nil
}
