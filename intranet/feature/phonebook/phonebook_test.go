package phonebook_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/phonebook"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func TestPhonebook(t *testing.T) {
	jan := coretest.Jan
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		e.Core(phonebook.New(phonebook.Config{People: e.Store}))
		for _, tc := range []struct {
			name, text string
			want       []string
		}{
			{"CardSlash", "/phonebook jansn", []string{"Pieter Jansen", "Mobiel: [0612345678](tel:+31612345678)", "Manager: Anouk van den Berg", "[Manager tonen: /phonebook show"}},
			{"CardDutchAlias", "/telefoon vandenberg", []string{"Anouk van den Berg", "Vaardigheden: Wondzorg"}},
			{"CardAsText", "telefoon +31 6 1234 5678", []string{"Pieter Jansen"}},
			{"List", "/phonebook jansen", []string{"2 mensen gevonden", "*Pieter Jansen*", "*Kees Janssen*", "[Kaart: /phonebook show"}},
			{"DeptFilter", "/phonebook dept:oost", []string{"3 mensen gevonden"}},
			{"DeptQuoted", `/phonebook dept:"Zorg Oost" jansen`, []string{"Pieter Jansen", "Verpleegkundige"}},
			{"DeptCurlyQuotes", "/phonebook afd:“zorg west”", []string{"Kees Janssen"}},
			{"DeptSpaceAfterColon", "/phonebook dept: west", []string{"Kees Janssen"}},
			{"SkillFilter", "/phonebook skill:ehbo", []string{"Jan de Vries"}},
			{"EnglishHelpExample", "/phonebook dept:zorg", []string{"4 mensen gevonden"}},
			{"PrefixAbbreviated", "/phonebook v.d. berg", []string{"Anouk van den Berg"}},
			{"PrefixVd", "/phonebook vd berg", []string{"Anouk van den Berg"}},
			{"PrefixVSlashD", "/phonebook v/d berg", []string{"Anouk van den Berg"}},
			{"Initial", "/phonebook p jansen", []string{"Pieter Jansen", "Verpleegkundige"}},
			{"InitialOther", "/phonebook k jansen", []string{"Kees Janssen"}},
			{"ErrDeptUnknown", "/phonebook dept:zrog-oost", []string{`Ik ken geen afdeling "zrog-oost". Bedoel je: Zorg Oost`}},
			{"ErrDeptEmpty", "/phonebook dept:", []string{"Achter `dept:` mist de waarde.", "Schrijf `/phonebook"}},
			{"ErrSkillUnknown", "/phonebook skill:koken", []string{`Niemand heeft de vaardigheid "koken".`}},
			{"Nobody", "/phonebook jnsenn", []string{"Niemand gevonden voor `jnsenn`.", "[Jansen: /phonebook Jansen]"}},
			{"NobodyKeepsFilter", "/phonebook jnsenn dept:oost", []string{"[Jansen: /phonebook Jansen dept:oost]"}},
			{"ErrEmpty", "/phonebook", []string{"Wie zoek je?"}},
			{"ErrOnlyWildcards", "/phonebook %_'", []string{"bevat geen letters of cijfers"}},
			{"SQLish", "/phonebook ' OR 1=1 --", []string{"Niemand gevonden"}},
			{"ErrShowBadID", "/phonebook show abc", []string{"`abc` is geen nummer.", "Schrijf `/phonebook show <nummer>`"}},
			{"ErrShowUnknownID", "/phonebook show 99999", []string{"Persoon 99999 staat niet (meer) in het telefoonboek."}},
			{"Help", "/phonebook help", []string{"Telefoonboek", "`afd:`, `afdeling:`, `department:` = `dept:`", "`toon` = `show`"}},
			{"HulpShow", "/telefoon toon hulp", []string{"Schrijf `/phonebook show <nummer>`"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				coretest.Wants(t, tc.text, coretest.All(e.Say(jan, "", tc.text)), tc.want...)
			})
		}
		if n, _ := e.Store.CountPeople(context.Background()); n != 5 {
			t.Errorf("people = %d: a search changed the database", n)
		}
	})
}

func TestCardChat(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Core(phonebook.New(phonebook.Config{People: e.Store}))
		jan, err := e.Store.FindPersonByEmail(ctx, coretest.Jan)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range []intranet.Account{
			{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U1", UserName: "jan"},
			{Platform: intranet.PlatformSlack, Installation: "E2", UserID: "W2", UserName: "jan"},
			{Platform: intranet.PlatformTeams, Installation: "tenant", UserID: "29:abc"},
			{Platform: intranet.PlatformMattermost, Installation: "chat.example.nl", UserID: "mmjan", UserName: "jan"},
			{Platform: intranet.PlatformWeb, Installation: "web", UserID: "jan-web"},
		} {
			a.PersonID = jan.ID
			if err := e.Store.LinkAccount(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		show := fmt.Sprintf("/phonebook show %d", jan.ID)
		want := "Chat: [Slack](https://slack.com/app_redirect?channel=U1&team=T1) · [Slack](https://slack.com/app_redirect?channel=W2) · " +
			"[Teams](https://teams.microsoft.com/l/chat/0/0?users=jan.devries%40example.nl)\n"
		for _, lang := range []string{"nl", "en"} {
			e.Say(coretest.Pieter, "", "/werkplek language "+lang)
			got := coretest.All(e.Say(coretest.Pieter, "", show))
			coretest.Wants(t, "card "+lang, got, want)
			coretest.Lacks(t, "card "+lang, got, "mmjan", "chat.example.nl", "jan-web")
		}
		// On Slack the mention comes first.
		slack := intranet.Request{Platform: intranet.PlatformSlack, Installation: "T1", User: intranet.User{ID: "U1", Email: coretest.Jan}, Text: show}
		coretest.Wants(t, "on Slack", coretest.All(e.Do(slack)), "Chat: <@U1|jan> · [Slack](")
		// A console account is no chat to link to: only the mention where
		// the caller is.
		pieter, _ := e.Store.FindPersonByEmail(ctx, coretest.Pieter)
		coretest.Wants(t, "console", coretest.All(e.Say(coretest.Jan, "", fmt.Sprintf("/phonebook show %d", pieter.ID))), "Chat: <@pieter.jansen@example.nl|Pieter Jansen>\n")
		// Nobody to chat with: no Chat field.
		anouk, _ := e.Store.FindPersonByEmail(ctx, coretest.Anouk)
		coretest.Lacks(t, "no accounts", coretest.All(e.Say(coretest.Jan, "", fmt.Sprintf("/phonebook show %d", anouk.ID))), "Chat:")
	})
}
