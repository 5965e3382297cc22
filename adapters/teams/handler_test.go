package teams

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/go-cmp/cmp"
	"github.com/infracloudio/msbotbuilder-go/schema"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/mock"
)

func TestMessagePersonal(t *testing.T) {
	e := newEnv(t, nil)
	rec := e.post(e.fixture("message_personal.json"), e.token(nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200: %s", rec.Code, rec.Body)
	}
	want := []intranet.Request{{
		Platform:     intranet.PlatformTeams,
		Installation: tenant,
		User:         intranet.User{ID: janID, Name: "Jan de Vries", Locale: "nl-NL"},
		Channel:      intranet.Channel{ID: janPersonal, Direct: true},
		Text:         "telefoon jansen",
	}}
	if diff := cmp.Diff(want, e.core.Requests()); diff != "" {
		t.Errorf("core requests (-want +got):\n%s", diff)
	}
	reqs := e.conn.requests()
	if len(reqs) != 1 {
		t.Fatalf("connector got %d requests, want 1: %+v\n%s", len(reqs), reqs, e.log)
	}
	r := reqs[0]
	wantPath := "/emea/" + tenant + "/v3/conversations/" + janPersonal + "/activities/1796112845163"
	if r.Method != http.MethodPost || r.Path != wantPath {
		t.Errorf("reply went to %s %s, want POST %s", r.Method, r.Path, wantPath)
	}
	if r.Auth != "Bearer tok-1" {
		t.Errorf("reply Authorization = %q, want the bot's token", r.Auth)
	}
	var act map[string]any
	if err := json.Unmarshal([]byte(r.Body), &act); err != nil {
		t.Fatal(err)
	}
	if act["type"] != "message" || act["replyToId"] != "1796112845163" {
		t.Errorf("reply activity: %s", r.Body)
	}
	if from := act["from"].(map[string]any); from["id"] != botID {
		t.Errorf("reply from %v, want the bot", from)
	}
	if rcpt := act["recipient"].(map[string]any); rcpt["id"] != janID {
		t.Errorf("reply to %v, want Jan", rcpt)
	}
	att := act["attachments"].([]any)[0].(map[string]any)
	if att["contentType"] != adaptiveCardType {
		t.Errorf("attachment type %v", att["contentType"])
	}
	if strings.Contains(r.Body, "0001-01-01") {
		t.Errorf("reply carries zero time stamps: %s", r.Body)
	}
	// The conversation and Jan's 1:1 chat are remembered for proactive posts.
	conv := e.stateValue(nsConversations, janPersonal)
	if conv["serviceUrl"] != e.conn.serviceURL() || conv["tenantId"] != tenant || conv["conversationType"] != "personal" {
		t.Errorf("stored conversation %v", conv)
	}
	u := e.stateValue(nsUsers, janID)
	if u["personalConversationId"] != janPersonal || u["locale"] != "nl-NL" || u["tenantId"] != tenant {
		t.Errorf("stored user %v", u)
	}
}

func TestMessageChannelMention(t *testing.T) {
	e := newEnv(t, nil)
	rec := e.post(e.fixture("message_channel_mention.json"), e.token(nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	got := e.core.Requests()
	if len(got) != 1 {
		t.Fatalf("core got %d requests", len(got))
	}
	want := intranet.Request{
		Platform:     intranet.PlatformTeams,
		Installation: tenant,
		User:         intranet.User{ID: janID, Name: "Jan de Vries", Locale: "nl-NL"},
		Channel:      intranet.Channel{ID: zorgOostChannel},
		Text:         "telefoon jansen",
	}
	if diff := cmp.Diff(want, got[0]); diff != "" {
		t.Errorf("request (-want +got):\n%s", diff)
	}
	// The reply goes into the thread: the conversation id keeps its
	// ;messageid=, escaped in the path.
	r := e.conn.requests()[0]
	wantPath := "/emea/" + tenant + "/v3/conversations/" + url.PathEscape(zorgOostChannel+";messageid=1796115737291") + "/activities/1796115737291"
	if r.Path != wantPath {
		t.Errorf("reply path %s, want %s", r.Path, wantPath)
	}
	conv := e.stateValue(nsConversations, zorgOostChannel)
	if conv["teamId"] != zorgOostTeam || conv["channelId"] != zorgOostChannel {
		t.Errorf("stored channel %v", conv)
	}
}

func TestMentionText(t *testing.T) {
	tests := []struct {
		name, text string
		entities   []entity
		want       string
	}{
		{"bot mention stripped", "<at>Werkplek</at> telefoon jansen", []entity{{Type: "mention", Text: "<at>Werkplek</at>", Mentioned: acct(botID, "Werkplek")}}, "telefoon jansen"},
		{"mention at the end", "telefoon jansen <at>Werkplek</at>\n", []entity{{Type: "mention", Text: "<at>Werkplek</at>", Mentioned: acct(botID, "Werkplek")}}, "telefoon jansen"},
		{"other person becomes <@id|name>", "<at>Werkplek</at> handover give <at>Anna Bakker</at>", []entity{
			{Type: "mention", Text: "<at>Werkplek</at>", Mentioned: acct(botID, "Werkplek")},
			{Type: "mention", Text: "<at>Anna Bakker</at>", Mentioned: acct("29:anna", "Anna Bakker")},
		}, "handover give <@29:anna|Anna Bakker>"},
		{"no entity, bot name in text", "<at>Werkplek</at>&nbsp;room free", nil, "room free"},
		{"entities decoded", "phonebook de&nbsp;vries &amp; co", nil, "phonebook de vries & co"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &activity{Entities: tt.entities}
			in.Text = tt.text
			in.Recipient.ID, in.Recipient.Name = botID, "Werkplek"
			if got := in.text(); got != tt.want {
				t.Errorf("text() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCardSubmit(t *testing.T) {
	submit := func(e *env, value string) []byte {
		b := e.fixture("card_submit.json")
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		m["value"] = json.RawMessage(value)
		out, _ := json.Marshal(m)
		return out
	}
	cardRef := &intranet.MessageRef{Platform: intranet.PlatformTeams, Installation: tenant, ChannelID: zorgOostChannel + ";messageid=1796053200412", ID: "1796053200412"}

	t.Run("Command", func(t *testing.T) {
		e := newEnv(t, nil)
		e.post(submit(e, `{"command":"/handover take 1042"}`), e.token(nil))
		got := e.core.Requests()
		if len(got) != 1 {
			t.Fatalf("core got %d requests", len(got))
		}
		if diff := cmp.Diff(&intranet.Action{Command: "/handover take 1042"}, got[0].Action); diff != "" {
			t.Errorf("action (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(cardRef, got[0].Message); diff != "" {
			t.Errorf("message (-want +got):\n%s", diff)
		}
		if got[0].User.ID != janID || got[0].Text != "" || got[0].Channel.ID != zorgOostChannel {
			t.Errorf("request %+v", got[0])
		}
	})
	t.Run("ReplaceOriginal", func(t *testing.T) {
		e := newEnv(t, nil)
		e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
			return intranet.Reply{Lang: "nl", Title: "Dienst overgenomen", Text: "Jan neemt de vroege dienst van Anna over.", Visibility: intranet.InChannel, ReplaceOriginal: true}, nil
		}
		e.post(submit(e, `{"command":"/handover take 1042"}`), e.token(nil))
		reqs := e.conn.requests()
		if len(reqs) != 1 {
			t.Fatalf("connector got %d requests", len(reqs))
		}
		var body any
		if err := json.Unmarshal([]byte(reqs[0].Body), &body); err != nil {
			t.Fatal(err)
		}
		golden(t, "replace_original.golden.json", map[string]any{"method": reqs[0].Method, "path": reqs[0].Path, "activity": body})
	})
	t.Run("Form", func(t *testing.T) {
		e := newEnv(t, nil)
		e.post(submit(e, `{"werkplek.form":"handover.request","shift":"vroeg","date":"2026-12-02","urgent":"true","count":3}`), e.token(nil))
		got := e.core.Requests()
		if len(got) != 1 {
			t.Fatalf("core got %d requests", len(got))
		}
		want := &intranet.FormSubmission{FormID: "handover.request", Values: map[string]string{"shift": "vroeg", "date": "2026-12-02", "urgent": "true", "count": "3"}}
		if diff := cmp.Diff(want, got[0].Form); diff != "" {
			t.Errorf("form (-want +got):\n%s", diff)
		}
	})
	t.Run("FormErrorsReplaceTheForm", func(t *testing.T) {
		e := newEnv(t, nil)
		e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
			return intranet.Reply{Lang: "nl", Form: &intranet.Form{ID: "handover.request", Fields: []intranet.FormField{{Name: "date", Label: "Datum", Kind: intranet.FieldDate}}}, FieldErrors: map[string]string{"date": "Die datum is voorbij."}}, nil
		}
		e.post(submit(e, `{"werkplek.form":"handover.request","date":"2020-01-01"}`), e.token(nil))
		reqs := e.conn.requests()
		if len(reqs) != 1 || reqs[0].Method != http.MethodPut || !strings.HasSuffix(reqs[0].Path, "/activities/1796053200412") {
			t.Fatalf("want the form card replaced, got %+v", reqs)
		}
	})
	t.Run("NotOurs", func(t *testing.T) {
		// The fixture's value is another bot's data shape: ignored.
		e := newEnv(t, nil)
		rec := e.post(e.fixture("card_submit.json"), e.token(nil))
		if rec.Code != http.StatusOK || len(e.core.Requests()) != 0 || len(e.conn.requests()) != 0 {
			t.Errorf("status %d, core %d, connector %d; want 200 and nothing done", rec.Code, len(e.core.Requests()), len(e.conn.requests()))
		}
	})
}

func acct(id, name string) *schema.ChannelAccount { return &schema.ChannelAccount{ID: id, Name: name} }

func TestConversationUpdateBotAdded(t *testing.T) {
	e := newEnv(t, nil)
	rec := e.post(e.fixture("conversation_update_bot_added.json"), e.token(nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if n := len(e.core.Requests()); n != 0 {
		t.Errorf("core called %d times for a conversation update", n)
	}
	conv := e.stateValue(nsConversations, algemeenChannel)
	want := map[string]any{
		"serviceUrl": e.conn.serviceURL(), "conversationId": algemeenChannel, "conversationType": "channel",
		"tenantId": tenant, "teamId": zorgOostTeam, "bot": map[string]any{"id": botID, "name": "Werkplek"},
	}
	if diff := cmp.Diff(want, conv); diff != "" {
		t.Errorf("stored reference (-want +got):\n%s", diff)
	}

	// The poster can now post there, and gets the activity id back.
	ref, err := e.a.Deliver(context.Background(), intranet.Delivery{
		To:    intranet.Destination{Platform: intranet.PlatformTeams, Installation: tenant, ChannelID: algemeenChannel},
		Reply: intranet.Reply{Lang: "nl", Title: "Nieuws van vandaag"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if ref.ID != "act-1" || ref.ChannelID != algemeenChannel || ref.Installation != tenant {
		t.Errorf("ref %+v", ref)
	}
	reqs := e.conn.requests()
	if len(reqs) != 1 || reqs[0].Path != "/emea/"+tenant+"/v3/conversations/"+algemeenChannel+"/activities" {
		t.Errorf("proactive post %+v", reqs)
	}

	// Removing the bot from the team forgets every channel of it.
	var removed map[string]any
	json.Unmarshal(e.fixture("conversation_update_bot_added.json"), &removed)
	removed["membersRemoved"], removed["membersAdded"] = removed["membersAdded"], nil
	removed["channelData"].(map[string]any)["eventType"] = "teamMemberRemoved"
	body, _ := json.Marshal(removed)
	if rec := e.post(body, e.token(nil)); rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if _, err := e.state.State(context.Background(), nsConversations, algemeenChannel); intranet.ErrorCode(err) != intranet.ENOTFOUND {
		t.Errorf("conversation still stored after removal: %v", err)
	}
}

func TestChannelCreated(t *testing.T) {
	e := newEnv(t, nil)
	var m map[string]any
	json.Unmarshal(e.fixture("conversation_update_bot_added.json"), &m)
	delete(m, "membersAdded")
	cd := m["channelData"].(map[string]any)
	cd["eventType"] = "channelCreated"
	cd["channel"] = map[string]any{"id": "19:new@thread.tacv2", "name": "Roosters"}
	body, _ := json.Marshal(m)
	if rec := e.post(body, e.token(nil)); rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if c := e.stateValue(nsConversations, "19:new@thread.tacv2"); c["teamId"] != zorgOostTeam {
		t.Errorf("new channel %v", c)
	}
}

func TestAuth(t *testing.T) {
	tests := []struct {
		name string
		// token returns the Authorization bearer token, "" for none.
		token func(e *env) string
		want  int
	}{
		{"Valid", func(e *env) string { return e.token(nil) }, http.StatusOK},
		{"ClockSkewWithinLeeway", func(e *env) string {
			return e.token(func(c jwt.MapClaims) { c["exp"] = e.clock.Now().Add(-4 * time.Minute).Unix() })
		}, http.StatusOK},
		{"NoToken", func(e *env) string { return "" }, http.StatusUnauthorized},
		{"Garbage", func(e *env) string { return "not.a.jwt" }, http.StatusUnauthorized},
		{"WrongIssuer", func(e *env) string {
			return e.token(func(c jwt.MapClaims) { c["iss"] = "https://sts.windows.net/" + tenant + "/" })
		}, http.StatusUnauthorized},
		{"WrongAudience", func(e *env) string {
			return e.token(func(c jwt.MapClaims) { c["aud"] = "00000000-0000-0000-0000-000000000000" })
		}, http.StatusUnauthorized},
		{"Expired", func(e *env) string {
			return e.token(func(c jwt.MapClaims) { c["exp"] = e.clock.Now().Add(-10 * time.Minute).Unix() })
		}, http.StatusUnauthorized},
		{"NoExpiry", func(e *env) string { return e.token(func(c jwt.MapClaims) { delete(c, "exp") }) }, http.StatusUnauthorized},
		{"UnknownKey", func(e *env) string {
			c := jwt.MapClaims{"iss": botFrameworkIssuer, "aud": appID, "exp": e.clock.Now().Add(time.Hour).Unix(), "serviceurl": e.conn.serviceURL()}
			return sign(e.t, c, "k2", otherKey)
		}, http.StatusUnauthorized},
		{"KnownKidWrongKey", func(e *env) string {
			c := jwt.MapClaims{"iss": botFrameworkIssuer, "aud": appID, "exp": e.clock.Now().Add(time.Hour).Unix(), "serviceurl": e.conn.serviceURL()}
			return sign(e.t, c, "k1", otherKey)
		}, http.StatusUnauthorized},
		{"HMAC", func(e *env) string {
			tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"iss": botFrameworkIssuer, "aud": appID, "exp": e.clock.Now().Add(time.Hour).Unix(), "serviceurl": e.conn.serviceURL()})
			tok.Header["kid"] = "k1"
			s, _ := tok.SignedString([]byte("secret"))
			return s
		}, http.StatusUnauthorized},
		{"ServiceURLMismatch", func(e *env) string {
			return e.token(func(c jwt.MapClaims) { c["serviceurl"] = "https://smba.trafficmanager.net/emea/" })
		}, http.StatusUnauthorized},
		{"NoServiceURLClaim", func(e *env) string { return e.token(func(c jwt.MapClaims) { delete(c, "serviceurl") }) }, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, nil)
			rec := e.post(e.fixture("message_personal.json"), tt.token(e))
			if rec.Code != tt.want {
				t.Fatalf("status %d, want %d", rec.Code, tt.want)
			}
			if tt.want == http.StatusOK {
				if len(e.core.Requests()) != 1 {
					t.Errorf("core not called for a valid token")
				}
				return
			}
			if n := len(e.core.Requests()); n != 0 {
				t.Errorf("core called %d times for a refused request", n)
			}
			if all, _ := e.state.StateList(context.Background(), nsConversations); len(all) != 0 {
				t.Errorf("refused request stored %v", all)
			}
			if len(e.conn.requests()) != 0 {
				t.Errorf("refused request caused connector calls")
			}
			if !strings.Contains(e.log.String(), "request refused") {
				t.Errorf("no log line for the refusal")
			}
		})
	}
}

func TestAuthEndorsement(t *testing.T) {
	e := newEnv(t, nil)
	var m map[string]any
	json.Unmarshal(e.fixture("message_personal.json"), &m)
	m["channelId"] = "webchat" // the key is endorsed for msteams only
	body, _ := json.Marshal(m)
	if rec := e.post(body, e.token(nil)); rec.Code != http.StatusUnauthorized {
		t.Errorf("status %d, want 401", rec.Code)
	}
}

func TestKeysCachedAndRefreshed(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	check := func(tok string) error {
		_, err := e.a.auth.verify(ctx, "Bearer "+tok)
		return err
	}
	// Many concurrent requests fetch the key set once.
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := check(e.token(nil)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := e.conn.metadataFetches.Load(); n != 1 {
		t.Errorf("metadata fetched %d times, want 1", n)
	}
	// An unknown kid may refresh, but not more than once per 5 minutes.
	unknown := sign(t, jwt.MapClaims{"iss": botFrameworkIssuer, "aud": appID, "exp": e.clock.Now().Add(time.Hour).Unix(), "serviceurl": "x"}, "k9", otherKey)
	for range 3 {
		if err := check(unknown); !errors.Is(err, errUnknownKey) {
			t.Errorf("unknown key: %v", err)
		}
	}
	if n := e.conn.metadataFetches.Load(); n != 1 {
		t.Errorf("metadata fetched %d times after unknown kids within the rate limit, want 1", n)
	}
	e.clock.Add(6 * time.Minute)
	check(unknown)
	check(unknown)
	if n := e.conn.metadataFetches.Load(); n != 2 {
		t.Errorf("metadata fetched %d times after the rate limit passed, want 2", n)
	}
	// After a day the keys are refreshed even for a known kid.
	e.clock.Add(25 * time.Hour)
	if err := check(e.token(nil)); err != nil {
		t.Fatal(err)
	}
	if n := e.conn.metadataFetches.Load(); n != 3 {
		t.Errorf("metadata fetched %d times after a day, want 3", n)
	}
}

// TestAuthRemembered: a token that passed is accepted again without its
// signature checked anew, but only until it expires (with the leeway) and
// while its key is still in the key set; the same claims signed by another
// key are refused.
func TestAuthRemembered(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, nil)
	check := func(tok string) error {
		_, err := e.a.auth.verify(ctx, "Bearer "+tok)
		return err
	}
	tok := e.token(nil)
	for range 3 {
		if err := check(tok); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(e.a.auth.checked.m); n != 1 {
		t.Fatalf("%d tokens remembered, want 1", n)
	}
	forged := sign(t, jwt.MapClaims{"iss": botFrameworkIssuer, "aud": appID, "exp": e.clock.Now().Add(time.Hour).Unix(), "serviceurl": e.conn.serviceURL()}, "k1", otherKey)
	if err := check(forged); err == nil {
		t.Error("a token signed by another key passed after a valid one")
	}
	// Within the leeway after expiry it still passes, past it no more.
	e.clock.Add(time.Hour + 4*time.Minute)
	if err := check(tok); err != nil {
		t.Errorf("within the leeway: %v", err)
	}
	e.clock.Add(2 * time.Minute)
	if err := check(tok); err == nil {
		t.Error("an expired token passed")
	}
	if n := len(e.a.auth.checked.m); n != 0 {
		t.Errorf("%d tokens remembered after expiry, want 0", n)
	}

	// A long-lived token whose key left the key set is refused once the
	// keys are refreshed.
	long := e.token(func(c jwt.MapClaims) { c["exp"] = e.clock.Now().Add(48 * time.Hour).Unix() })
	if err := check(long); err != nil {
		t.Fatal(err)
	}
	e.conn.rotated.Store(true)
	e.clock.Add(25 * time.Hour)
	if err := check(long); !errors.Is(err, errUnknownKey) {
		t.Errorf("token of a key that left the key set: %v", err)
	}
}

func TestKeysUnavailable(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.OpenIDMetadataURL = "http://127.0.0.1:1/openid" })
	rec := e.post(e.fixture("message_personal.json"), e.token(nil))
	if rec.Code != http.StatusServiceUnavailable || len(e.core.Requests()) != 0 {
		t.Errorf("status %d, core %d; want 503 and no core call", rec.Code, len(e.core.Requests()))
	}
}

func TestBadInput(t *testing.T) {
	e := newEnv(t, nil)
	personal := e.fixture("message_personal.json")
	with := func(field string, v any) []byte {
		var m map[string]any
		json.Unmarshal(personal, &m)
		if v == nil {
			delete(m, field)
		} else {
			m[field] = v
		}
		b, _ := json.Marshal(m)
		return b
	}
	tests := []struct {
		name string
		body []byte
		want int
	}{
		{"MalformedJSON", []byte(`{"type":"message",`), http.StatusBadRequest},
		{"NotAnObject", []byte(`[1,2]`), http.StatusBadRequest},
		{"Empty", nil, http.StatusBadRequest},
		{"NoType", with("type", nil), http.StatusBadRequest},
		{"NoConversation", with("conversation", nil), http.StatusBadRequest},
		{"NoFrom", with("from", nil), http.StatusBadRequest},
		{"WrongFieldType", with("text", 42), http.StatusBadRequest},
		{"Typing", with("type", "typing"), http.StatusOK},
		{"MessageReaction", with("type", "messageReaction"), http.StatusOK},
		{"Invoke", with("type", "invoke"), http.StatusOK},
		{"SomethingNew", with("type", "futureThing"), http.StatusOK},
		{"ValueNotObject", with("value", "a string"), http.StatusOK},
		{"ValueWithoutCommand", with("value", map[string]any{"x": 1}), http.StatusOK},
		{"Oversized", append(append([]byte(`{"type":"message","text":"`), bytes.Repeat([]byte("a"), maxBody)...), []byte(`"}`)...), http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := e.post(tt.body, e.token(nil))
			if rec.Code != tt.want {
				t.Errorf("status %d, want %d", rec.Code, tt.want)
			}
			if n := len(e.core.Requests()); n != 0 {
				t.Errorf("core called %d times", n)
			}
		})
	}
}

func TestLongTextGoesToCore(t *testing.T) {
	// Text longer than the core accepts is the core's to refuse politely;
	// the adapter passes it on unchanged and does not choke.
	e := newEnv(t, nil)
	var m map[string]any
	json.Unmarshal(e.fixture("message_personal.json"), &m)
	long := strings.Repeat("jansen ", 4000)
	m["text"] = long
	body, _ := json.Marshal(m)
	if rec := e.post(body, e.token(nil)); rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if got := e.core.Requests(); len(got) != 1 || got[0].Text != strings.TrimSpace(long) {
		t.Errorf("core did not get the text")
	}
}

func TestCoreFailureStillReplies(t *testing.T) {
	e := newEnv(t, nil)
	e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		return intranet.Reply{Lang: "nl", Text: "Er ging iets mis (ref X7K2)."}, &intranet.Failure{Ref: "X7K2", Err: errors.New("database down")}
	}
	e.post(e.fixture("message_personal.json"), e.token(nil))
	if len(e.conn.requests()) != 1 {
		t.Errorf("the failure reply was not sent")
	}
	if l := e.log.String(); !strings.Contains(l, "ref=X7K2") || !strings.Contains(l, "database down") {
		t.Errorf("log lacks the failure and its ref:\n%s", l)
	}
}

func TestAuthOff(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.AuthOff = true; c.AppID, c.AppPassword = "", "" })
	if !strings.Contains(e.log.String(), "TEAMS_AUTH=off") {
		t.Errorf("no warning logged for TEAMS_AUTH=off")
	}
	rec := e.post(e.fixture("message_personal.json"), "")
	if rec.Code != http.StatusOK || len(e.core.Requests()) != 1 {
		t.Fatalf("status %d, core %d", rec.Code, len(e.core.Requests()))
	}
	reqs := e.conn.requests()
	if len(reqs) != 1 || reqs[0].Auth != "" {
		t.Errorf("want one reply without a token, got %+v", reqs)
	}
	if n := e.conn.tokenRequests.Load(); n != 0 {
		t.Errorf("%d token requests with auth off", n)
	}
}

func TestNewRefusesIncompleteConfig(t *testing.T) {
	for name, cfg := range map[string]Config{
		"NoAppID":       {AppPassword: "x"},
		"NoPassword":    {AppID: appID},
		"BadMetadata":   {AppID: appID, AppPassword: "x", OpenIDMetadataURL: "ftp://x"},
		"BadTokenURL":   {AppID: appID, AppPassword: "x", TokenURL: "::"},
		"NothingAtAll":  {},
		"SpacesOnlyURL": {AppID: appID, AppPassword: "x", TokenURL: " "},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := New(cfg, &mock.Core{}, &mock.StateStore{}, nil); err == nil {
				t.Error("New accepted an incomplete config")
			}
		})
	}
}

func TestRunDrainsAndReturns(t *testing.T) {
	e := newEnv(t, nil)
	release := make(chan struct{})
	e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		<-release
		return intranet.Reply{Text: "ok"}, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- e.a.Run(ctx) }()
	req := httptest.NewRequest(http.MethodPost, "/api/messages", bytes.NewReader(e.fixture("message_personal.json")))
	req.Header.Set("Authorization", "Bearer "+e.token(nil))
	rec := httptest.NewRecorder()
	e.mux.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	cancel()
	select {
	case <-done:
		t.Fatal("Run returned with a reply in flight")
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("Run did not return")
	}
	if len(e.conn.requests()) != 1 {
		t.Errorf("the reply in flight was not sent")
	}
}

func TestPersonalUninstall(t *testing.T) {
	e := newEnv(t, nil)
	e.post(e.fixture("message_personal.json"), e.token(nil))
	var m map[string]any
	json.Unmarshal(e.fixture("message_personal.json"), &m)
	m["type"], m["action"] = "installationUpdate", "remove"
	delete(m, "text")
	body, _ := json.Marshal(m)
	if rec := e.post(body, e.token(nil)); rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if _, err := e.state.State(context.Background(), nsConversations, janPersonal); intranet.ErrorCode(err) != intranet.ENOTFOUND {
		t.Errorf("personal chat still stored: %v", err)
	}
	if u := e.stateValue(nsUsers, janID); u["personalConversationId"] != nil {
		t.Errorf("user still points at the removed chat: %v", u)
	}
}

func TestCorePanicDoesNotCrash(t *testing.T) {
	e := newEnv(t, nil)
	e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) { panic("boom") }
	if rec := e.post(e.fixture("message_personal.json"), e.token(nil)); rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if !strings.Contains(e.log.String(), "panic=boom") {
		t.Errorf("panic not logged:\n%s", e.log)
	}
}
