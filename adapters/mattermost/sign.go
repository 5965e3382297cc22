package mattermost

// Mattermost sends no signature with a button click or a dialog submission
// (https://developers.mattermost.com/integrate/plugins/interactive-messages/):
// anyone who can post a message with attachments can point a button at our
// URL with any context. So every context and dialog state Werkplek hands out
// carries an expiry and an HMAC-SHA256 over everything it asks for, made with
// WERKPLEK_SECRET, and the callbacks refuse whatever does not verify.

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
)

// Keys of a button's integration context.
const (
	ctxCommand = "command"
	ctxExp     = "exp"
	ctxSig     = "sig"
	// ctxConfirm holds the JSON of an intranet.Confirm when the press must be confirmed first.
	ctxConfirm = "confirm"
)

var (
	errBadSignature = errors.New("bad signature")
	errExpired      = errors.New("expired")
)

// mac returns the base64url HMAC of the parts, joined so that no two lists
// of parts give the same message.
func mac(secret []byte, parts ...string) string {
	h := hmac.New(sha256.New, secret)
	for _, p := range parts {
		h.Write([]byte(strconv.Itoa(len(p))))
		h.Write([]byte{':'})
		h.Write([]byte(p))
	}
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil))
}

// signAction builds a button's context.
func signAction(secret []byte, command, confirm string, exp time.Time) map[string]any {
	e := exp.Unix()
	ctx := map[string]any{
		ctxCommand: command,
		ctxExp:     e,
		ctxSig:     mac(secret, "action", command, strconv.FormatInt(e, 10), confirm),
	}
	if confirm != "" {
		ctx[ctxConfirm] = confirm
	}
	return ctx
}

// verifiedAction is a button context that verified.
type verifiedAction struct {
	Command string
	Confirm string
}

// verifyAction checks a context as Mattermost sends it back (JSON numbers
// arrive as float64).
func verifyAction(secret []byte, ctx map[string]any, now time.Time) (verifiedAction, error) {
	command, ok1 := ctx[ctxCommand].(string)
	sig, ok2 := ctx[ctxSig].(string)
	expf, ok3 := ctx[ctxExp].(float64)
	confirm, _ := ctx[ctxConfirm].(string)
	if _, has := ctx[ctxConfirm]; has {
		if _, ok := ctx[ctxConfirm].(string); !ok {
			return verifiedAction{}, errBadSignature
		}
	}
	if !ok1 || !ok2 || !ok3 || expf != math.Trunc(expf) || math.Abs(expf) > 1e15 {
		return verifiedAction{}, errBadSignature
	}
	exp := int64(expf)
	want := mac(secret, "action", command, strconv.FormatInt(exp, 10), confirm)
	if !hmac.Equal([]byte(sig), []byte(want)) {
		return verifiedAction{}, errBadSignature
	}
	if now.Unix() > exp {
		return verifiedAction{}, errExpired
	}
	return verifiedAction{Command: command, Confirm: confirm}, nil
}

// dialogState is what a dialog carries back to us in its state.
type dialogState struct {
	// Kind is "form" for a core form, "confirm" for a button's confirmation.
	Kind string `json:"k"`
	// FormID is the core form's id.
	FormID string `json:"f,omitempty"`
	// Command is the confirmed button's command.
	Command string `json:"c,omitempty"`
	// PostID is the post the confirmed button was on.
	PostID string `json:"p,omitempty"`
	Exp    int64  `json:"e"`
}

// signState encodes a dialog state as payload "." signature.
func signState(secret []byte, s dialogState) string {
	b, _ := json.Marshal(s)
	p := base64.RawURLEncoding.EncodeToString(b)
	return p + "." + mac(secret, "dialog", p)
}

// verifyState decodes a dialog state and checks its signature and expiry.
func verifyState(secret []byte, state string, now time.Time) (dialogState, error) {
	p, sig, ok := strings.Cut(state, ".")
	if !ok || !hmac.Equal([]byte(sig), []byte(mac(secret, "dialog", p))) {
		return dialogState{}, errBadSignature
	}
	b, err := base64.RawURLEncoding.DecodeString(p)
	if err != nil {
		return dialogState{}, errBadSignature
	}
	var s dialogState
	if err := json.Unmarshal(b, &s); err != nil {
		return dialogState{}, errBadSignature
	}
	if now.Unix() > s.Exp {
		return dialogState{}, errExpired
	}
	return s, nil
}
