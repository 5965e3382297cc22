package teams

// Inbound authentication of Bot Framework activities, as described in
// https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#bot-to-connector
// ("Authenticate requests from the Bot Connector service to your bot").

import (
	"context"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

const (
	// keysMaxAge is how long fetched keys are used before a refresh; the Bot
	// Framework rolls its keys rarely and announces them in advance.
	keysMaxAge = 24 * time.Hour
	// keysMinRefresh rate-limits refreshes caused by an unknown kid, so a
	// stream of forged tokens cannot make us hammer the metadata endpoint.
	keysMinRefresh = 5 * time.Minute
	// clockSkew is the leeway on exp and nbf the Bot Framework SDKs allow.
	clockSkew = 5 * time.Minute
	// fetchTimeout bounds one metadata or key set request.
	fetchTimeout = 10 * time.Second
)

var (
	// errNoToken is a request without a bearer token.
	errNoToken = errors.New("no bearer token")
	// errUnknownKey is a token signed with a key not in the key set.
	errUnknownKey = errors.New("unknown signing key")
	// errKeysUnavailable means no keys could be fetched: our problem, not the sender's.
	errKeysUnavailable = errors.New("signing keys unavailable")
)

// botClaims are the claims of a channel-to-bot token.
type botClaims struct {
	jwt.RegisteredClaims
	ServiceURL string `json:"serviceurl"`
}

// verified is what a valid token says about the request.
type verified struct {
	serviceURL string
	// endorsements are the channels the signing key may be used for ("msteams").
	endorsements []string
}

// signingKey is one key of the Bot Framework's key set.
type signingKey struct {
	pub          *rsa.PublicKey
	endorsements []string
}

// verifier validates Bot Framework tokens against keys it fetches from the
// OpenID metadata and caches; it is safe for concurrent use.
type verifier struct {
	metadataURL string
	appID       string
	client      *http.Client
	now         func() time.Time
	log         *slog.Logger

	mu          sync.RWMutex
	keys        map[string]signingKey
	fetched     time.Time // when keys were last fetched successfully
	lastAttempt time.Time // when a fetch was last tried
	refresh     chan struct{}

	checked checkedTokens // tokens that passed, until they expire
}

func newVerifier(metadataURL, appID string, client *http.Client, now func() time.Time, log *slog.Logger) *verifier {
	return &verifier{metadataURL: metadataURL, appID: appID, client: client, now: now, log: log, refresh: make(chan struct{}, 1)}
}

// verify checks the Authorization header and returns what the token vouches
// for. The caller still compares the serviceurl claim with the activity's.
func (v *verifier) verify(ctx context.Context, header string) (verified, error) {
	raw, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || strings.TrimSpace(raw) == "" {
		return verified{}, errNoToken
	}
	raw = strings.TrimSpace(raw)
	if known, found := v.remembered(raw); found {
		return known, nil
	}
	var key signingKey
	var kid string
	claims := &botClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
		kid, _ = t.Header["kid"].(string)
		k, err := v.key(ctx, kid)
		if err != nil {
			return nil, err
		}
		key = k
		return k.pub, nil
	},
		jwt.WithValidMethods([]string{"RS256", "RS384", "RS512"}),
		jwt.WithIssuer(botFrameworkIssuer),
		jwt.WithAudience(v.appID),
		jwt.WithExpirationRequired(),
		jwt.WithLeeway(clockSkew),
		jwt.WithTimeFunc(v.now),
	)
	if err != nil {
		return verified{}, fmt.Errorf("verify token: %w", err)
	}
	if claims.ServiceURL == "" {
		return verified{}, errors.New("verify token: no serviceurl claim")
	}
	v.checked.put(raw, checkedToken{serviceURL: claims.ServiceURL, kid: kid, expires: claims.ExpiresAt.Time}, v.now())
	return verified{serviceURL: claims.ServiceURL, endorsements: key.endorsements}, nil
}

// key returns the key with the given id. It refreshes the key set when the
// set is older than keysMaxAge or does not know the id, at most once per
// keysMinRefresh (every 10 s while no key set was ever fetched), and keeps
// using the old keys when a refresh fails.
func (v *verifier) key(ctx context.Context, kid string) (signingKey, error) {
	v.mu.RLock()
	k, found := v.keys[kid]
	have := v.keys != nil
	fresh := have && v.now().Sub(v.fetched) < keysMaxAge
	v.mu.RUnlock()
	if found && fresh {
		return k, nil
	}
	gap := keysMinRefresh
	if !have {
		gap = 10 * time.Second
	}
	if err := v.refreshKeys(ctx, gap); err != nil {
		v.log.Warn("teams: refresh Bot Framework signing keys", "err", err)
	}
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.keys == nil {
		return signingKey{}, errKeysUnavailable
	}
	if k, ok := v.keys[kid]; ok {
		return k, nil
	}
	return signingKey{}, fmt.Errorf("%w %q", errUnknownKey, kid)
}

// refreshKeys fetches the metadata and the key set unless a fetch was tried
// less than gap ago. Concurrent callers wait for one fetch instead of each
// starting their own.
func (v *verifier) refreshKeys(ctx context.Context, gap time.Duration) error {
	select {
	case v.refresh <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-v.refresh }()
	v.mu.Lock()
	if !v.lastAttempt.IsZero() && v.now().Sub(v.lastAttempt) < gap {
		v.mu.Unlock()
		return nil
	}
	v.lastAttempt = v.now()
	v.mu.Unlock()

	keys, err := v.fetchKeys(ctx)
	if err != nil {
		return err
	}
	v.mu.Lock()
	v.keys, v.fetched = keys, v.now()
	v.mu.Unlock()
	return nil
}

// fetchKeys reads the OpenID metadata, then the JWKS it points at.
func (v *verifier) fetchKeys(ctx context.Context) (map[string]signingKey, error) {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	var meta struct {
		JWKSURI string `json:"jwks_uri"`
	}
	if err := getJSON(ctx, v.client, v.metadataURL, &meta); err != nil {
		return nil, fmt.Errorf("fetch openid metadata: %w", err)
	}
	if meta.JWKSURI == "" {
		return nil, errors.New("fetch openid metadata: no jwks_uri")
	}
	var set struct {
		Keys []struct {
			Kty          string   `json:"kty"`
			Kid          string   `json:"kid"`
			N            string   `json:"n"`
			E            string   `json:"e"`
			Endorsements []string `json:"endorsements"`
		} `json:"keys"`
	}
	if err := getJSON(ctx, v.client, meta.JWKSURI, &set); err != nil {
		return nil, fmt.Errorf("fetch jwks: %w", err)
	}
	keys := map[string]signingKey{}
	for _, k := range set.Keys {
		if k.Kty != "RSA" || k.Kid == "" {
			continue
		}
		pub, err := rsaKey(k.N, k.E)
		if err != nil {
			v.log.Warn("teams: skip malformed signing key", "kid", k.Kid, "err", err)
			continue
		}
		keys[k.Kid] = signingKey{pub: pub, endorsements: k.Endorsements}
	}
	if len(keys) == 0 {
		return nil, errors.New("fetch jwks: no usable RSA keys")
	}
	return keys, nil
}

// endorses reports whether a key may sign activities of the given channel.
// Keys without endorsements are accepted for any channel.
func (v verified) endorses(channelID string) bool {
	return len(v.endorsements) == 0 || slices.Contains(v.endorsements, channelID)
}

// rsaKey decodes a JWK's base64url modulus and exponent.
func rsaKey(n64, e64 string) (*rsa.PublicKey, error) {
	n, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(n64, "="))
	if err != nil {
		return nil, fmt.Errorf("decode n: %w", err)
	}
	e, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(e64, "="))
	if err != nil {
		return nil, fmt.Errorf("decode e: %w", err)
	}
	if len(n) < 256 || len(e) == 0 || len(e) > 4 {
		return nil, errors.New("key too small or bad exponent")
	}
	ei := new(big.Int).SetBytes(e)
	return &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(ei.Int64())}, nil
}

// getJSON GETs url and decodes a JSON body of at most 1 MiB.
func getJSON(ctx context.Context, client *http.Client, url string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxBody)).Decode(out); err != nil {
		return fmt.Errorf("decode %s: %w", url, err)
	}
	return nil
}
