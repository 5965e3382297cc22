package main

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet"
)

// TestWebPagesSecurity checks the front door over the real serve: a guest
// in the chat is a guest on the web, and a sign-in link's secret stays out
// of the metrics and referrers.
func TestWebPagesSecurity(t *testing.T) {
	s := startWebSite(t)
	ctx := context.Background()

	t.Run("ChatGuest", func(t *testing.T) {
		s := &webSite{t: t, srv: s.srv, base: s.base}
		// An employee in the phonebook whose Slack account is a guest's.
		p := s.person("anna.bakker@example.nl")
		if err := s.srv.Store.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U-anna", UserName: "anna", PersonID: p.ID, Guest: true}); err != nil {
			t.Fatal(err)
		}
		v := s.signIn(p.Email, "en")
		v.page("/web/phonebook?q=anna", []string{"You are a guest"}, []string{`href="tel:`})
	})

	t.Run("SignInSecret", func(t *testing.T) {
		secret := strings.Repeat("A", 43)
		jar, _ := cookiejar.New(nil)
		v := &visitor{s: &webSite{t: t, srv: s.srv, base: s.base}, lang: "en", c: &http.Client{Jar: jar}}
		res, err := v.c.Get(s.base + "/web/signin/" + secret)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 || res.Header.Get("Referrer-Policy") != "no-referrer" || res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("sign-in page: %d %v", res.StatusCode, res.Header)
		}
		_, metrics := v.get("/metrics")
		if !strings.Contains(metrics, `route="GET /web/signin/{token}"`) || strings.Contains(metrics, secret) {
			t.Errorf("the metrics do not label the sign-in page by its route:\n%s", metrics)
		}
	})
}
