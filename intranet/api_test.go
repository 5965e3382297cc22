package intranet

import (
	"encoding/base64"
	"strings"
	"testing"
)

// TestAPISecrets: a token's secret keeps the format the API has always
// checked (wpk_ and 32 bytes base64url, kept as hex SHA-256), and a
// webhook's secret is a Standard Webhooks one; each is new every time.
func TestAPISecrets(t *testing.T) {
	secret, hash := NewAPIToken()
	key, err := base64.RawURLEncoding.DecodeString(strings.TrimPrefix(secret, APITokenPrefix))
	if !strings.HasPrefix(secret, "wpk_") || err != nil || len(key) != 32 {
		t.Errorf("token secret %q: %d bytes, %v", secret, len(key), err)
	}
	if hash != HashSecret(secret) {
		t.Errorf("hash %s is not HashSecret of the secret", hash)
	}
	// The SHA-256 of "wpk_test", as tokens made before are stored.
	if got := HashSecret("wpk_test"); got != "47a68a80e7e427f277e133241699f39379f5b44203373ffb4ed194388fee0bf8" {
		t.Errorf("HashSecret(wpk_test) = %s", got)
	}
	if again, _ := NewAPIToken(); again == secret {
		t.Error("two tokens have the same secret")
	}
	hook := NewWebhookSecret()
	key, err = base64.StdEncoding.DecodeString(strings.TrimPrefix(hook, "whsec_"))
	if !strings.HasPrefix(hook, "whsec_") || err != nil || len(key) != 32 || NewWebhookSecret() == hook {
		t.Errorf("webhook secret %q: %d bytes, %v", hook, len(key), err)
	}
}
