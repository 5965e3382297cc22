package teams

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/infracloudio/msbotbuilder-go/schema"
	"github.com/werkplek/werkplek/intranet"
)

// installed returns an env whose bot was added to the Algemeen channel and
// talked to Jan in his personal chat.
func installed(t *testing.T, edit func(*Config)) *env {
	t.Helper()
	e := newEnv(t, edit)
	for _, f := range []string{"conversation_update_bot_added.json", "message_personal.json"} {
		tok := ""
		if !e.a.cfg.AuthOff {
			tok = e.token(nil)
		}
		if rec := e.post(e.fixture(f), tok); rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d", f, rec.Code)
		}
	}
	e.conn.mu.Lock()
	e.conn.reqs = nil
	e.conn.mu.Unlock()
	return e
}

func toChannel(ch string) intranet.Delivery {
	return intranet.Delivery{
		To:    intranet.Destination{Platform: intranet.PlatformTeams, Installation: tenant, ChannelID: ch},
		Reply: intranet.Reply{Lang: "nl", Title: "Dienst overdragen", Text: "Anna zoekt iemand voor de vroege dienst.", Buttons: []intranet.Button{{Label: "Ik neem het over", Command: "/handover take 1042"}}},
		Key:   "handover-1042",
	}
}

func TestDeliverRetries(t *testing.T) {
	t.Run("RateLimitedThenOK", func(t *testing.T) {
		for _, tc := range []struct {
			name, retryAfter string
			want             time.Duration
		}{
			{"Seconds", "2", 2 * time.Second},
			// The clock stands at 08:14:05 UTC.
			{"Date", "Tue, 01 Dec 2026 08:14:14 GMT", 9 * time.Second},
			{"DatePast", "Tue, 01 Dec 2026 08:00:00 GMT", time.Second},
			{"Garbage", "in a while", time.Second},
		} {
			t.Run(tc.name, func(t *testing.T) {
				e := installed(t, nil)
				e.conn.mu.Lock()
				e.conn.retryAfter = tc.retryAfter
				e.conn.mu.Unlock()
				e.conn.failNext(http.StatusTooManyRequests)
				ref, err := e.a.Deliver(context.Background(), toChannel(algemeenChannel))
				if err != nil {
					t.Fatal(err)
				}
				reqs := e.conn.requests()
				if len(reqs) != 2 {
					t.Fatalf("%d attempts, want 2", len(reqs))
				}
				if ref.ID != "act-"+itoa(e.conn.nextIDValue()) {
					t.Errorf("ref %+v is not the last attempt's id", ref)
				}
				if diff := cmp.Diff([]time.Duration{tc.want}, e.recordedWaits()); diff != "" {
					t.Errorf("waits (-want +got):\n%s", diff)
				}
				for _, r := range reqs {
					if r.Method != http.MethodPost || r.Auth != "Bearer tok-1" {
						t.Errorf("attempt %s auth %q", r.Method, r.Auth)
					}
				}
			})
		}
	})
	t.Run("ServerErrorOnPostIsNotRetried", func(t *testing.T) {
		// Teams has no idempotency key: the connector may have posted
		// before it failed, so a second post is left to the caller.
		e := installed(t, nil)
		e.conn.failNext(http.StatusInternalServerError)
		_, err := e.a.Deliver(context.Background(), toChannel(algemeenChannel))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || !de.Temporary {
			t.Fatalf("err = %v, want a temporary DeliveryError", err)
		}
		if n := len(e.conn.requests()); n != 1 || len(e.recordedWaits()) != 0 {
			t.Errorf("%d attempts and waits %v, want 1 and none", n, e.recordedWaits())
		}
	})
	t.Run("GivesUpTemporary", func(t *testing.T) {
		// An update is safe to repeat: 5xx answers are retried.
		e := installed(t, nil)
		ref, err := e.a.Deliver(context.Background(), toChannel(algemeenChannel))
		if err != nil {
			t.Fatal(err)
		}
		e.conn.failNext(500, 502, 503)
		err = e.a.Update(context.Background(), ref, intranet.Reply{Title: "Overgenomen door Jan"})
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || !de.Temporary {
			t.Fatalf("err = %v, want a temporary DeliveryError", err)
		}
		if n := len(e.conn.requests()); n != 4 {
			t.Errorf("%d requests, want 1 post and 3 attempts to update", n)
		}
		if diff := cmp.Diff([]time.Duration{time.Second, 2 * time.Second}, e.recordedWaits()); diff != "" {
			t.Errorf("waits (-want +got):\n%s", diff)
		}
	})
	t.Run("RetryAfterTooLong", func(t *testing.T) {
		e := installed(t, func(c *Config) { c.MaxRetryWait = time.Second })
		e.conn.failNext(http.StatusTooManyRequests)
		_, err := e.a.Deliver(context.Background(), toChannel(algemeenChannel))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || !de.Temporary || de.RetryAfter != 2*time.Second {
			t.Fatalf("err = %#v, want temporary with RetryAfter 2s", err)
		}
		if n := len(e.conn.requests()); n != 1 {
			t.Errorf("%d attempts, want 1 (the wait exceeds the budget)", n)
		}
	})
	t.Run("BadRequestIsFinal", func(t *testing.T) {
		e := installed(t, nil)
		e.conn.failNext(http.StatusBadRequest)
		_, err := e.a.Deliver(context.Background(), toChannel(algemeenChannel))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || de.Temporary {
			t.Fatalf("err = %v, want a final DeliveryError", err)
		}
		if n := len(e.conn.requests()); n != 1 {
			t.Errorf("%d attempts, want 1", n)
		}
	})
	t.Run("TimeoutAfterSendIsNotRetried", func(t *testing.T) {
		// The request went out (its headers were written), then no answer
		// came in time: the connector may have posted it. A transport that
		// does exactly that, so the test does not depend on timing.
		e := installed(t, nil)
		var attempts atomic.Int32
		e.a.conn.client = &http.Client{Transport: roundTripFunc(func(req *http.Request) (*http.Response, error) {
			attempts.Add(1)
			if tr := httptrace.ContextClientTrace(req.Context()); tr != nil && tr.WroteHeaders != nil {
				tr.WroteHeaders()
			}
			return nil, context.DeadlineExceeded
		})}
		_, err := e.a.Deliver(context.Background(), toChannel(algemeenChannel))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || de.Temporary || !strings.Contains(err.Error(), "may have been posted") {
			t.Fatalf("err = %v, want a final DeliveryError saying the outcome is unknown", err)
		}
		if n := attempts.Load(); n != 1 {
			t.Errorf("%d attempts, want 1: a retry could post twice", n)
		}
	})
	t.Run("UnreachableIsRetried", func(t *testing.T) {
		// Nothing was sent when the connection is refused: safe to retry.
		e := installed(t, nil)
		var ref conversationRef
		e.a.load(context.Background(), nsConversations, algemeenChannel, &ref)
		ref.ServiceURL = "https://127.0.0.1:1/"
		b, _ := json.Marshal(ref)
		e.state.SetState(context.Background(), nsConversations, algemeenChannel, string(b))
		_, err := e.a.Deliver(context.Background(), toChannel(algemeenChannel))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || !de.Temporary {
			t.Fatalf("err = %v, want temporary", err)
		}
		if n := len(e.recordedWaits()); n != 2 {
			t.Errorf("%d waits, want 2 (three attempts)", n)
		}
	})
	t.Run("PostedButAnswerGarbled", func(t *testing.T) {
		// The message is there; failing would make the caller post it again.
		e := installed(t, nil)
		e.conn.failNext(garbled)
		ref, err := e.a.Deliver(context.Background(), toChannel(algemeenChannel))
		if err != nil || ref.ID != "" || len(e.conn.requests()) != 1 {
			t.Fatalf("Deliver = %+v, %v after %d attempts; want success without an id after 1", ref, err, len(e.conn.requests()))
		}
		if !strings.Contains(e.log.String(), "no activity id") {
			t.Errorf("lost id not logged")
		}
	})
	t.Run("UnknownChannel", func(t *testing.T) {
		e := installed(t, nil)
		_, err := e.a.Deliver(context.Background(), toChannel("19:never@thread.tacv2"))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || de.Temporary || intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("err = %v, want final ENOTFOUND", err)
		}
	})
	t.Run("OtherTenant", func(t *testing.T) {
		e := installed(t, nil)
		d := toChannel(algemeenChannel)
		d.To.Installation = "other-tenant"
		if _, err := e.a.Deliver(context.Background(), d); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("err = %v, want ENOTFOUND", err)
		}
	})
}

func (c *connectorFake) nextIDValue() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.nextID
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestDeliverDirect(t *testing.T) {
	t.Run("KnownPersonalChat", func(t *testing.T) {
		e := installed(t, nil)
		ref, err := e.a.Deliver(context.Background(), intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformTeams, Installation: tenant, UserID: janID}, Reply: intranet.Reply{Text: "Herinnering: zaal 3 om 10:00"}})
		if err != nil {
			t.Fatal(err)
		}
		reqs := e.conn.requests()
		if len(reqs) != 1 || reqs[0].Path != "/emea/"+tenant+"/v3/conversations/"+janPersonal+"/activities" {
			t.Fatalf("requests %+v", reqs)
		}
		if ref.ChannelID != janPersonal || ref.ID == "" {
			t.Errorf("ref %+v", ref)
		}
	})
	t.Run("CreatesChat", func(t *testing.T) {
		// Anna was never seen: the bot creates a 1:1 chat in the tenant.
		e := installed(t, nil)
		ref, err := e.a.Deliver(context.Background(), intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformTeams, Installation: tenant, UserID: "29:anna"}, Reply: intranet.Reply{Text: "Jan neemt je dienst over."}})
		if err != nil {
			t.Fatal(err)
		}
		reqs := e.conn.requests()
		if len(reqs) != 2 {
			t.Fatalf("requests %+v", reqs)
		}
		if reqs[0].Method != http.MethodPost || reqs[0].Path != "/emea/"+tenant+"/v3/conversations" {
			t.Errorf("first call %s %s, want POST .../v3/conversations", reqs[0].Method, reqs[0].Path)
		}
		var params map[string]any
		json.Unmarshal([]byte(reqs[0].Body), &params)
		want := map[string]any{
			"bot":         map[string]any{"id": botID, "name": "Werkplek"},
			"members":     []any{map[string]any{"id": "29:anna"}},
			"isGroup":     false,
			"tenantId":    tenant,
			"channelData": map[string]any{"tenant": map[string]any{"id": tenant}},
		}
		if diff := cmp.Diff(want, params); diff != "" {
			t.Errorf("create conversation (-want +got):\n%s", diff)
		}
		if reqs[1].Path != "/emea/"+tenant+"/v3/conversations/a:created-personal/activities" {
			t.Errorf("post went to %s", reqs[1].Path)
		}
		if ref.ChannelID != "a:created-personal" {
			t.Errorf("ref %+v", ref)
		}
		if u := e.stateValue(nsUsers, "29:anna"); u["personalConversationId"] != "a:created-personal" {
			t.Errorf("new chat not remembered: %v", u)
		}
		// The next DM reuses it.
		e.a.Deliver(context.Background(), intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformTeams, Installation: tenant, UserID: "29:anna"}, Reply: intranet.Reply{Text: "Nog iets."}})
		if n := len(e.conn.requests()); n != 3 {
			t.Errorf("%d requests after the second DM, want 3", n)
		}
	})
	t.Run("UnknownTenant", func(t *testing.T) {
		e := newEnv(t, nil)
		_, err := e.a.Deliver(context.Background(), intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformTeams, Installation: "nowhere", UserID: "29:x"}, Reply: intranet.Reply{Text: "x"}})
		if intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("err = %v, want ENOTFOUND", err)
		}
	})
}

func TestUpdate(t *testing.T) {
	e := installed(t, nil)
	ref, err := e.a.Deliver(context.Background(), toChannel(algemeenChannel))
	if err != nil {
		t.Fatal(err)
	}
	e.conn.failNext(http.StatusServiceUnavailable)
	if err := e.a.Update(context.Background(), ref, intranet.Reply{Title: "Overgenomen door Jan"}); err != nil {
		t.Fatal(err)
	}
	reqs := e.conn.requests()
	last := reqs[len(reqs)-1]
	if last.Method != http.MethodPut || last.Path != "/emea/"+tenant+"/v3/conversations/"+algemeenChannel+"/activities/"+ref.ID {
		t.Errorf("update %s %s", last.Method, last.Path)
	}
	var act map[string]any
	json.Unmarshal([]byte(last.Body), &act)
	if act["id"] != ref.ID || act["type"] != "message" {
		t.Errorf("update body %s", last.Body)
	}
	// A thread id (as Request.Message carries) finds its channel.
	thread := ref
	thread.ChannelID = algemeenChannel + ";messageid=" + ref.ID
	if err := e.a.Update(context.Background(), thread, intranet.Reply{Title: "x"}); err != nil {
		t.Fatal(err)
	}
	e.conn.failNext(http.StatusNotFound)
	if err := e.a.Update(context.Background(), ref, intranet.Reply{Title: "x"}); intranet.ErrorCode(err) != intranet.ENOTFOUND {
		t.Errorf("err = %v, want ENOTFOUND", err)
	}
}

func TestTokens(t *testing.T) {
	t.Run("CachedAndRenewed", func(t *testing.T) {
		e := installed(t, nil)
		var wg sync.WaitGroup
		for range 10 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := e.a.Deliver(context.Background(), toChannel(algemeenChannel)); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if n := e.conn.tokenRequests.Load(); n != 1 {
			t.Errorf("%d token requests, want 1", n)
		}
		e.clock.Add(56 * time.Minute) // within 5 minutes of expiry
		e.a.Deliver(context.Background(), toChannel(algemeenChannel))
		if n := e.conn.tokenRequests.Load(); n != 2 {
			t.Errorf("%d token requests after expiry, want 2", n)
		}
		reqs := e.conn.requests()
		if reqs[len(reqs)-1].Auth != "Bearer tok-2" {
			t.Errorf("renewed token not used: %q", reqs[len(reqs)-1].Auth)
		}
	})
	t.Run("RefusedTokenIsRenewedOnce", func(t *testing.T) {
		e := installed(t, nil)
		e.conn.failNext(http.StatusUnauthorized)
		if _, err := e.a.Deliver(context.Background(), toChannel(algemeenChannel)); err != nil {
			t.Fatal(err)
		}
		if n := e.conn.tokenRequests.Load(); n != 2 {
			t.Errorf("%d token requests, want 2", n)
		}
	})
	t.Run("Unreachable", func(t *testing.T) {
		e := installed(t, func(c *Config) { c.TokenURL = "http://127.0.0.1:1/token" })
		_, err := e.a.Deliver(context.Background(), toChannel(algemeenChannel))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || !de.Temporary {
			t.Fatalf("err = %v, want a temporary DeliveryError", err)
		}
		if n := len(e.conn.requests()); n != 0 {
			t.Errorf("%d connector calls without a token", n)
		}
	})
	t.Run("NeverOverPlainHTTP", func(t *testing.T) {
		e := installed(t, nil)
		var ref conversationRef
		e.a.load(context.Background(), nsConversations, algemeenChannel, &ref)
		ref.ServiceURL = strings.Replace(e.conn.serviceURL(), "https://", "http://", 1)
		b, _ := json.Marshal(ref)
		e.state.SetState(context.Background(), nsConversations, algemeenChannel, string(b))
		_, err := e.a.Deliver(context.Background(), toChannel(algemeenChannel))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || de.Temporary {
			t.Fatalf("err = %v, want a final error", err)
		}
	})
	t.Run("BadCredentials", func(t *testing.T) {
		e := installed(t, nil)
		e.conn.tokenStatus.Store(http.StatusUnauthorized)
		e.clock.Add(2 * time.Hour) // the cached token expired
		_, err := e.a.Deliver(context.Background(), toChannel(algemeenChannel))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || de.Temporary || !strings.Contains(err.Error(), "AADSTS7000215") || strings.Contains(err.Error(), "Trace ID") {
			t.Fatalf("err = %v, want a final error with the first line of AAD's description", err)
		}
	})
}

func TestLookupUser(t *testing.T) {
	e := installed(t, nil)
	e.conn.members[janID] = teamsMember{ID: janID, Name: "Jan de Vries", Email: "jan.devries@example.nl", UserPrincipalName: "jan.devries@example.nl", UserRole: "user", TenantID: tenant}
	e.conn.members["29:guest"] = teamsMember{ID: "29:guest", Name: "Partner", UserPrincipalName: "partner_extern.nl#EXT#@werkplek.onmicrosoft.com", UserRole: "guest"}
	e.conn.members["29:upn"] = teamsMember{ID: "29:upn", Name: "Eva", UserPrincipalName: "eva.deboer@example.nl", UserRole: "user"}
	// The guest and Eva were seen in the channel.
	for _, id := range []string{"29:guest", "29:upn"} {
		b, _ := json.Marshal(userRef{TenantID: tenant, ServiceURL: e.conn.serviceURL(), ConversationID: algemeenChannel, Bot: botAccount()})
		e.state.SetState(context.Background(), nsUsers, id, string(b))
	}

	got, err := e.a.LookupUser(context.Background(), tenant, janID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(intranet.User{ID: janID, Name: "Jan de Vries", Email: "jan.devries@example.nl", Locale: "nl-NL"}, got); diff != "" {
		t.Errorf("Jan (-want +got):\n%s", diff)
	}
	r := e.conn.requests()[0]
	if r.Method != http.MethodGet || r.Path != "/emea/"+tenant+"/v3/conversations/"+janPersonal+"/members/"+janID {
		t.Errorf("lookup %s %s", r.Method, r.Path)
	}
	if got, _ := e.a.LookupUser(context.Background(), tenant, "29:guest"); !got.Guest || got.Email != "" {
		t.Errorf("guest %+v: want Guest and no #EXT# email", got)
	}
	if got, _ := e.a.LookupUser(context.Background(), tenant, "29:upn"); got.Email != "eva.deboer@example.nl" {
		t.Errorf("user principal name not used as email: %+v", got)
	}
	for name, id := range map[string]string{"NeverSeen": "29:nobody", "NotAMember": "29:gone"} {
		if id == "29:gone" {
			b, _ := json.Marshal(userRef{TenantID: tenant, ServiceURL: e.conn.serviceURL(), ConversationID: algemeenChannel})
			e.state.SetState(context.Background(), nsUsers, id, string(b))
		}
		if _, err := e.a.LookupUser(context.Background(), tenant, id); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("%s: err = %v, want ENOTFOUND", name, err)
		}
	}
	if _, err := e.a.LookupUser(context.Background(), "other-tenant", janID); intranet.ErrorCode(err) != intranet.ENOTFOUND {
		t.Errorf("other tenant: err = %v, want ENOTFOUND", err)
	}
}

func botAccount() schema.ChannelAccount { return schema.ChannelAccount{ID: botID, Name: "Werkplek"} }

// roundTripFunc is an http.RoundTripper made of a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
