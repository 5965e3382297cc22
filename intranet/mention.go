package intranet

import (
	"strconv"
	"strings"
)

// personMentionID opens the id of a person mention: no platform's user id
// starts with it.
const personMentionID = "person:"

// PersonMention writes a mention of a phonebook person in a reply's markup.
// The core cannot write the platform mention (<@USERID|name>) of a message
// whose platform is chosen only when it is delivered, such as a DM to a
// person (it goes to the account they used last): the outbox rewrites this
// one (ResolveMentions) into the mention of the person's account on the
// platform and installation it delivers to, or into their name where they
// have no account there. An adapter shows one that was never rewritten as
// the name, so no platform gets it raw.
func PersonMention(id int64, name string) string {
	return "<@" + personMentionID + strconv.FormatInt(id, 10) + "|" + mentionName(name) + ">"
}

// PersonMentionID reads a mention's id as a person mention's: the person's
// id and true, or false for a platform's user id.
func PersonMentionID(id string) (int64, bool) {
	n, ok := strings.CutPrefix(id, personMentionID)
	if !ok {
		return 0, false
	}
	personID, err := strconv.ParseInt(n, 10, 64)
	return personID, err == nil && personID > 0
}

// mentionName keeps a name from ending the mention it is in.
func mentionName(name string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("<", " ", ">", " ").Replace(name)), " ")
}

// Mention writes the platform mention of the account, showing name; on
// Mattermost, which mentions by user name, the account's user name.
func (a Account) Mention(name string) string {
	if a.Platform == PlatformMattermost && a.UserName != "" {
		name = a.UserName
	}
	return "<@" + a.UserID + "|" + mentionName(name) + ">"
}

// ResolveMentions rewrites every person mention (PersonMention) in the
// reply's text, its sections, fields, buttons and context into the mention
// of the person's account that account returns, or into their plain name
// when it returns none. account is called once per person. A mention after
// a backslash is text that someone typed (Plain), not a mention.
func ResolveMentions(r Reply, account func(personID int64) (Account, bool)) Reply {
	type found struct {
		a  Account
		ok bool
	}
	seen := map[int64]found{}
	rewrite := func(s string) string {
		if !strings.Contains(s, "<@"+personMentionID) {
			return s
		}
		var b strings.Builder
		for {
			i := personMentionAt(s)
			if i < 0 {
				b.WriteString(s)
				return b.String()
			}
			end, id, name := personMentionEnd(s, i)
			b.WriteString(s[:i])
			f, ok := seen[id]
			if !ok {
				f.a, f.ok = account(id)
				seen[id] = f
			}
			if f.ok && f.a.UserID != "" {
				b.WriteString(f.a.Mention(name))
			} else {
				b.WriteString(Plain(name))
			}
			s = s[end:]
		}
	}
	buttons := func(bs []Button) []Button {
		if bs == nil {
			return nil
		}
		out := make([]Button, len(bs))
		for i, x := range bs {
			x.Label = rewrite(x.Label)
			if x.Confirm != nil {
				c := *x.Confirm
				c.Title, c.Text = rewrite(c.Title), rewrite(c.Text)
				x.Confirm = &c
			}
			out[i] = x
		}
		return out
	}
	r.Title, r.Text = rewrite(r.Title), rewrite(r.Text)
	if r.Sections != nil {
		sections := make([]Section, len(r.Sections))
		for i, s := range r.Sections {
			s.Title, s.Text = rewrite(s.Title), rewrite(s.Text)
			if s.Fields != nil {
				fields := make([]Field, len(s.Fields))
				for j, f := range s.Fields {
					f.Label, f.Value = rewrite(f.Label), rewrite(f.Value)
					fields[j] = f
				}
				s.Fields = fields
			}
			s.Buttons = buttons(s.Buttons)
			sections[i] = s
		}
		r.Sections = sections
	}
	r.Buttons = buttons(r.Buttons)
	if r.Context != nil {
		context := make([]string, len(r.Context))
		for i, c := range r.Context {
			context[i] = rewrite(c)
		}
		r.Context = context
	}
	return r
}

// personMentionAt is where the first person mention in s starts, -1 when
// there is none.
func personMentionAt(s string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], "<@"+personMentionID)
		if i < 0 {
			return -1
		}
		i += off
		if end, _, _ := personMentionEnd(s, i); end > 0 && !escapedAt(s, i) {
			return i
		}
		off = i + 2
	}
}

// personMentionEnd reads <@person:ID|name> at i: its end, the person's id
// and the name; end 0 when there is none.
func personMentionEnd(s string, i int) (end int, id int64, name string) {
	rest := s[i+2:]
	j := strings.IndexAny(rest, "<>\n")
	if j <= 0 || rest[j] != '>' {
		return 0, 0, ""
	}
	raw, name, _ := strings.Cut(rest[:j], "|")
	id, ok := PersonMentionID(raw)
	if !ok {
		return 0, 0, ""
	}
	return i + 2 + j + 1, id, name
}

// escapedAt says whether the sign at i follows an odd number of
// backslashes: Plain made it text.
func escapedAt(s string, i int) bool {
	n := 0
	for i > 0 && s[i-1] == '\\' {
		n++
		i--
	}
	return n%2 == 1
}
