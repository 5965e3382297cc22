package jobs_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/jobs"
)

// chatPlatforms is a registry with Slack and Mattermost on, through one
// poster.
type chatPlatforms struct{ p intranet.Poster }

func (c chatPlatforms) Poster(pl intranet.Platform) intranet.Poster {
	if pl == intranet.PlatformSlack || pl == intranet.PlatformMattermost {
		return c.p
	}
	return nil
}

func (chatPlatforms) Directory(intranet.Platform) intranet.Directory { return nil }

// TestOutboxPersonMentions: a person mention is delivered as the mention
// of the person's account on the platform and installation the message
// goes to (a DM's account chosen at delivery, a channel's), as the plain
// name where they have no account there; the entry keeps the mention as
// written, for a delivery elsewhere.
func TestOutboxPersonMentions(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		c := newClock()
		r := newRunner(t, url, c, jobs.Config{})
		s := r.Store()
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{
			{Line: 2, Name: "Sanne van Dijk", Email: "sanne@example.nl"},
			{Line: 3, Name: "Kees Janssen", Email: "kees@example.nl"},
			{Line: 4, Name: "Piet *Puk*", Email: "piet@example.nl"},
		}, false); err != nil {
			t.Fatal(err)
		}
		sanne, _ := s.FindPersonByEmail(ctx, "sanne@example.nl")
		kees, _ := s.FindPersonByEmail(ctx, "kees@example.nl")
		piet, _ := s.FindPersonByEmail(ctx, "piet@example.nl")
		for _, a := range []intranet.Account{
			{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U-SANNE", UserName: "Sanne", PersonID: sanne.ID},
			{Platform: intranet.PlatformMattermost, Installation: "mm1", UserID: "mm-sanne", UserName: "sanne.vandijk", PersonID: sanne.ID},
			{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U-KEES", PersonID: kees.ID},
			{Platform: intranet.PlatformSlack, Installation: "T2", UserID: "U-PIET", PersonID: piet.ID},
		} {
			if err := s.LinkAccount(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		poster := &fakePoster{}
		platforms := chatPlatforms{poster}
		o, err := jobs.NewOutbox(r, platforms.Poster, feature.Recipients{People: s, Accounts: s, Platforms: platforms, Order: []intranet.Platform{intranet.PlatformSlack}, Language: "nl"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		start(t, r)
		text := "Van " + intranet.PersonMention(sanne.ID, "Sanne van Dijk") + " en " + intranet.PersonMention(piet.ID, "Piet *Puk*")
		dm, err := o.Send(ctx, intranet.Delivery{To: intranet.Destination{PersonID: kees.ID}, Key: "dm",
			Reply: intranet.Reply{Text: text, Sections: []intranet.Section{{Fields: []intranet.Field{{Label: "Van", Value: intranet.PersonMention(sanne.ID, "Sanne van Dijk")}}}}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := o.Send(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformMattermost, Installation: "mm1", ChannelID: "C1"}, Key: "post",
			Reply: intranet.Reply{Text: text}}); err != nil {
			t.Fatal(err)
		}
		drive(t, r, 30*time.Second, func() bool { _, n := poster.stats(); return n == 2 })
		got := map[string]intranet.Reply{}
		poster.mu.Lock()
		for _, d := range poster.posts {
			got[string(d.To.Platform)] = d.Reply
		}
		poster.mu.Unlock()
		if want := `Van <@U-SANNE|Sanne van Dijk> en Piet \*Puk\*`; got["slack"].Text != want {
			t.Errorf("DM on Slack: %q, want %q", got["slack"].Text, want)
		}
		if f := got["slack"].Sections[0].Fields[0].Value; f != "<@U-SANNE|Sanne van Dijk>" {
			t.Errorf("DM field on Slack: %q", f)
		}
		if want := `Van <@mm-sanne|sanne.vandijk> en Piet \*Puk\*`; got["mattermost"].Text != want {
			t.Errorf("post on Mattermost: %q, want %q", got["mattermost"].Text, want)
		}
		e, err := o.OutboxEntry(ctx, dm)
		if err != nil || !strings.Contains(e.Reply.Text, "<@person:") {
			t.Errorf("entry %+v %v: lost its person mention", e.Reply, err)
		}
	})
}
