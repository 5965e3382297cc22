package console

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/mock"
)

func TestRender(t *testing.T) {
	got := Render(intranet.Reply{
		Title: "Pieter Jansen",
		Text:  "Wijkverpleegkundige, *Zorg Oost*",
		Sections: []intranet.Section{{
			Title:   "Contact",
			Fields:  []intranet.Field{{Label: "Mobiel", Value: "[06-12345678](tel:+31612345678)"}, {Label: "E-mail", Value: "[p@example.nl](mailto:p@example.nl)"}, {Label: "Chat", Value: "<@U1|pieter>"}},
			Buttons: []intranet.Button{{Label: "Manager", Command: "/phonebook show 1"}},
		}},
		Buttons: []intranet.Button{{Label: "Kaart", Command: "/phonebook show 4"}},
		Form:    &intranet.Form{Title: "Nieuws", Command: "/news post <titel> | <tekst>"},
		Context: []string{"10 van 38"},
	})
	want := `== Pieter Jansen ==
Wijkverpleegkundige, *Zorg Oost*
-- Contact --
  Mobiel: 06-12345678 <tel:+31612345678>
  E-mail: p@example.nl
  Chat: @pieter
  [Manager: /phonebook show 1]
[Kaart: /phonebook show 4]
(Nieuws: /news post <titel> | <tekst>)
  10 van 38
`
	if got != want {
		t.Errorf("Render:\n%s\nwant:\n%s", got, want)
	}
}

// TestRunPressesButtons: typing a button's command of the last reply counts
// as pressing it; other lines are typed text; mail is shown as it comes.
func TestRunPressesButtons(t *testing.T) {
	core := &mock.Core{HandleFn: func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		return intranet.Reply{Text: "ok " + r.CommandText(), Buttons: []intranet.Button{{Label: "Kaart", Command: "/phonebook show 4"}}}, nil
	}}
	box := &mailbox{mail: []intranet.Mail{{To: intranet.Destination{UserID: "jan@example.nl"}, Reply: intranet.Reply{Text: "Je dienst is overgenomen"}}}}
	var out bytes.Buffer
	c := &Console{Core: core, Mailbox: box, In: strings.NewReader("/phonebook jansen\n\n/phonebook show 4\n/phonebook show 5\n/quit\n/never\n"), Out: &out, Email: "jan@example.nl"}
	if err := c.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	reqs := core.Requests()
	if len(reqs) != 3 {
		t.Fatalf("requests: %+v", reqs)
	}
	if reqs[0].Pressed() || !reqs[1].Pressed() || reqs[1].Message == nil || reqs[2].Pressed() {
		t.Errorf("presses: %v %v %v", reqs[0].Pressed(), reqs[1].Pressed(), reqs[2].Pressed())
	}
	if reqs[0].User.Email != "jan@example.nl" || reqs[0].Platform != intranet.PlatformConsole || reqs[0].Channel.ID != "console" {
		t.Errorf("request: %+v", reqs[0])
	}
	if !strings.Contains(out.String(), "[DM from Werkplek]\nJe dienst is overgenomen") {
		t.Errorf("mail not shown:\n%s", out.String())
	}
}

type mailbox struct{ mail []intranet.Mail }

func (m *mailbox) PutMail(ctx context.Context, d intranet.Delivery) (intranet.MessageRef, error) {
	m.mail = append(m.mail, intranet.Mail{To: d.To, Reply: d.Reply})
	return intranet.MessageRef{ID: "1"}, nil
}

func (m *mailbox) ReplaceMail(ctx context.Context, ref intranet.MessageRef, r intranet.Reply) error {
	return nil
}

func (m *mailbox) TakeMail(ctx context.Context, p intranet.Platform, user, channel string) ([]intranet.Mail, error) {
	out := m.mail
	m.mail = nil
	return out, nil
}
