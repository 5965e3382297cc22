package intranet_test

import (
	"reflect"
	"testing"

	"github.com/werkplek/werkplek/intranet"
)

// Every text of a reply has its person mentions rewritten for the platform
// delivered to: the account's mention, or the plain name without one; each
// person is looked up once, and what someone typed stays text.
func TestResolveMentions(t *testing.T) {
	sanne := intranet.PersonMention(42, "Sanne <van> Dijk")
	piet := intranet.PersonMention(7, "Piet *Puk*")
	in := intranet.Reply{
		Title:    "Van " + sanne,
		Text:     sanne + " en " + piet + `; getypt: \<@person:42|Sanne>`,
		Sections: []intranet.Section{{Title: piet, Text: "x", Fields: []intranet.Field{{Label: "Van", Value: sanne}}, Buttons: []intranet.Button{{Label: sanne, Command: "/x"}}}},
		Buttons:  []intranet.Button{{Label: "Bel " + sanne, Command: "/y", Confirm: &intranet.Confirm{Text: piet}}},
		Context:  []string{"Schrijf " + sanne},
	}
	orig := in
	calls := map[int64]int{}
	got := intranet.ResolveMentions(in, func(id int64) (intranet.Account, bool) {
		calls[id]++
		if id == 42 {
			return intranet.Account{Platform: intranet.PlatformSlack, UserID: "U42"}, true
		}
		return intranet.Account{}, false
	})
	want := intranet.Reply{
		Title:    "Van <@U42|Sanne van Dijk>",
		Text:     `<@U42|Sanne van Dijk> en Piet \*Puk\*; getypt: \<@person:42|Sanne>`,
		Sections: []intranet.Section{{Title: `Piet \*Puk\*`, Text: "x", Fields: []intranet.Field{{Label: "Van", Value: "<@U42|Sanne van Dijk>"}}, Buttons: []intranet.Button{{Label: "<@U42|Sanne van Dijk>", Command: "/x"}}}},
		Buttons:  []intranet.Button{{Label: "Bel <@U42|Sanne van Dijk>", Command: "/y", Confirm: &intranet.Confirm{Text: `Piet \*Puk\*`}}},
		Context:  []string{"Schrijf <@U42|Sanne van Dijk>"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ResolveMentions =\n%#v\nwant\n%#v", got, want)
	}
	if calls[42] != 1 || calls[7] != 1 || len(calls) != 2 {
		t.Errorf("lookups %v, want one per person", calls)
	}
	if in.Sections[0].Fields[0].Value != sanne || in.Buttons[0].Confirm.Text != piet || !reflect.DeepEqual(in, orig) {
		t.Error("the reply given was changed")
	}
}

// Mattermost mentions by user name, so its mention shows the account's.
func TestAccountMention(t *testing.T) {
	for _, tc := range []struct {
		a    intranet.Account
		want string
	}{
		{intranet.Account{Platform: intranet.PlatformMattermost, UserID: "abc123", UserName: "sanne.vandijk"}, "<@abc123|sanne.vandijk>"},
		{intranet.Account{Platform: intranet.PlatformTeams, UserID: "29:1xY", UserName: "Sanne"}, "<@29:1xY|Sanne van Dijk>"},
		{intranet.Account{Platform: intranet.PlatformConsole, UserID: "sanne@example.nl"}, "<@sanne@example.nl|Sanne van Dijk>"},
	} {
		if got := tc.a.Mention("Sanne van Dijk"); got != tc.want {
			t.Errorf("%s: Mention = %q, want %q", tc.a.Platform, got, tc.want)
		}
	}
	if id, ok := intranet.PersonMentionID("person:42"); !ok || id != 42 {
		t.Errorf("PersonMentionID(person:42) = %d %v", id, ok)
	}
	for _, id := range []string{"U42", "person:", "person:x", "person:-1"} {
		if _, ok := intranet.PersonMentionID(id); ok {
			t.Errorf("%q read as a person", id)
		}
	}
}
