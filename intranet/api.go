package intranet

import (
	"crypto/rand"
	"encoding/base64"
)

// APITokenPrefix starts every API token's secret, so that one found in a
// log or a repository is recognised.
const APITokenPrefix = "wpk_"

// NewAPIToken returns a new API token's secret (shown once: APITokenPrefix
// and the base64url of 32 random bytes) and its hash (kept). The command
// line and the chat commands both make tokens with it; the API checks a
// bearer token by HashSecret.
func NewAPIToken() (secret, hash string) {
	key, _ := NewSecret()
	secret = APITokenPrefix + key
	return secret, HashSecret(secret)
}

// NewWebhookSecret returns a new signing secret for a webhook endpoint, as
// Standard Webhooks writes one: "whsec_" and the base64 of 32 random bytes.
func NewWebhookSecret() string {
	key := make([]byte, 32)
	_, _ = rand.Read(key) // crypto/rand.Read never fails (Go 1.24)
	return "whsec_" + base64.StdEncoding.EncodeToString(key)
}
