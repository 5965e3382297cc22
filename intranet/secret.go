package intranet

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// NewSecret returns a new secret for a link or a cookie (the base64url of
// 32 random bytes) and its hash, which is all that is stored: sign-in
// links, web sessions, download links.
func NewSecret() (secret, hash string) {
	key := make([]byte, 32)
	_, _ = rand.Read(key) // crypto/rand.Read never fails (Go 1.24)
	secret = base64.RawURLEncoding.EncodeToString(key)
	return secret, HashSecret(secret)
}

// HashSecret is how every secret Werkplek hands out is kept and looked up
// (API tokens, sign-in and download links, web sessions): the hex SHA-256
// of the secret as it was handed out.
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
