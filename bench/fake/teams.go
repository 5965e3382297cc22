package fake

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Teams plays the Bot Framework for a bot: the OpenID metadata and key set
// its tokens are checked against, the token endpoint of the bot's own
// calls, and the connector the bot answers through (member lookups answer
// a user id "29:name" as name@example.nl; posted activities are counted).
// Mount it under Prefix; the bot's settings are in Settings, and Token
// signs the bearer token of the activities a load generator sends.
type Teams struct {
	Prefix string // where it is mounted, e.g. "/teams/"
	AppID  string

	key *rsa.PrivateKey

	mu     sync.Mutex
	posts  int      // message activities the bot posted
	recent []string // the last few of their bodies
	other  int      // other activities posted (typing)
}

// keptPosts is how many bodies Posts returns.
const keptPosts = 50

// NewTeams makes the fake with a fresh signing key.
func NewTeams(prefix, appID string) (*Teams, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	return &Teams{Prefix: prefix, AppID: appID, key: key}, nil
}

// ServiceURL is the connector's address as activities carry it.
func (t *Teams) ServiceURL(base string) string { return base + t.Prefix + "connector/" }

// Settings are the bot's settings that point it at the fake served at
// base: token checks on, with the fake's keys.
func (t *Teams) Settings(base string) map[string]string {
	return map[string]string{
		"TEAMS_APP_ID": t.AppID, "TEAMS_APP_PASSWORD": "bench-secret", "TEAMS_AUTH": "on",
		"TEAMS_OPENID_METADATA_URL": base + t.Prefix + "openid", "TEAMS_TOKEN_URL": base + t.Prefix + "token",
	}
}

// Token is a Bot Framework token for activities with the connector at
// base, valid for an hour (the Bot Framework reuses its tokens too).
func (t *Teams) Token(base string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, jwt.MapClaims{
		"iss": "https://api.botframework.com", "aud": t.AppID, "exp": time.Now().Add(time.Hour).Unix(),
		"nbf": time.Now().Add(-time.Minute).Unix(), "serviceurl": t.ServiceURL(base),
	})
	tok.Header["kid"] = "bench"
	return tok.SignedString(t.key)
}

// Posts returns how many message activities the bot posted, and the
// bodies of the last few.
func (t *Teams) Posts() (int, []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.posts, append([]string(nil), t.recent...)
}

func (t *Teams) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.Header().Set("Content-Type", "application/json")
	p := strings.TrimPrefix(r.URL.Path, t.Prefix)
	switch {
	case p == "openid":
		json.NewEncoder(w).Encode(map[string]any{"issuer": "https://api.botframework.com", "jwks_uri": scheme(r) + r.Host + t.Prefix + "keys"})
	case p == "keys":
		pub := t.key.PublicKey
		json.NewEncoder(w).Encode(map[string]any{"keys": []any{map[string]any{
			"kty": "RSA", "kid": "bench", "use": "sig", "endorsements": []string{"msteams"},
			"n": base64.RawURLEncoding.EncodeToString(pub.N.Bytes()),
			"e": base64.RawURLEncoding.EncodeToString(big.NewInt(int64(pub.E)).Bytes()),
		}}})
	case p == "token":
		fmt.Fprint(w, `{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"bench-token"}`)
	case strings.HasPrefix(p, "connector/v3/conversations/") && strings.Contains(p, "/members/") && r.Method == http.MethodGet:
		id := p[strings.LastIndex(p, "/")+1:]
		name := strings.TrimPrefix(id, "29:")
		fmt.Fprintf(w, `{"id":%q,"name":%q,"email":"%s@example.nl","userPrincipalName":"%s@example.nl"}`, id, name, name, name)
	case strings.HasPrefix(p, "connector/v3/conversations/") && (r.Method == http.MethodPost || r.Method == http.MethodPut):
		var act struct {
			Type string `json:"type"`
		}
		_ = json.Unmarshal(body, &act)
		t.mu.Lock()
		if act.Type == "message" {
			t.posts++
			if len(t.recent) == keptPosts {
				t.recent = t.recent[1:]
			}
			t.recent = append(t.recent, string(body))
		} else {
			t.other++
		}
		t.mu.Unlock()
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, `{"id":"bench-activity"}`)
	default:
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"error":{"code":"NotFound","message":"not in the fake"}}`)
	}
}

func scheme(r *http.Request) string {
	if r.TLS != nil {
		return "https://"
	}
	return "http://"
}
