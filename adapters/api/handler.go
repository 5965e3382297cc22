// Package api is Werkplek's read-only REST API for the organisation's
// payroll or business software, under /api/v1/ (documented by the OpenAPI 3
// document it serves at /api/v1/openapi.json), and the one-time download
// links of the hours export, under /download/.
//
// Access to the API is by bearer token (RFC 6750): an admin makes one with
// `werkplek api token add`; the store keeps only the SHA-256 of its secret
// (Hash). A missing, unknown or revoked token gets 401 and no data, a token
// without the scope an endpoint needs 403.
package api

import (
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// Config is what the API answers from.
type Config struct {
	Timesheets intranet.TimesheetService
	Tokens     intranet.APITokenService
	Downloads  intranet.DownloadService
	// Location is WERKPLEK_TIMEZONE: times are written in it (default UTC).
	Location *time.Location
	// MileageRate is WERKPLEK_MILEAGE_RATE, the allowance per km of trips
	// whose week is not submitted yet (default intranet.DefaultMileageRate).
	MileageRate float64
	// PublicURL is WERKPLEK_PUBLIC_URL: the next page's link is absolute
	// under it (relative when unset).
	PublicURL string
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Log hears of internal errors (default: discarded).
	Log *slog.Logger
}

// Handler serves /api/v1/ and /download/.
type Handler struct {
	cfg Config
}

// New returns the handler; mount it at /api/v1/ and /download/.
func New(cfg Config) *Handler {
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.MileageRate <= 0 {
		cfg.MileageRate = intranet.DefaultMileageRate
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	cfg.PublicURL = strings.TrimRight(cfg.PublicURL, "/")
	return &Handler{cfg: cfg}
}

// The API's limits.
const (
	DefaultPerPage = 50
	MaxPerPage     = 200
	// MaxDays is the longest period one query covers.
	MaxDays = 366
)

//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the OpenAPI 3 document of the API.
func OpenAPI() []byte { return append([]byte(nil), openAPI...) }

// TokenPrefix starts every API token's secret (intranet.NewAPIToken makes
// them), so that one found in a log or a repository is recognised.
const TokenPrefix = intranet.APITokenPrefix

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch p := r.URL.Path; {
	case strings.HasPrefix(p, "/download/"):
		h.download(w, r, strings.TrimPrefix(p, "/download/"))
	case p == "/api/v1/openapi.json":
		if !allowGet(w, r) {
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(openAPI)
	case p == "/api/v1/timesheets":
		if !allowGet(w, r) {
			return
		}
		tok, ok := h.authorize(w, r, intranet.ScopeHoursRead)
		if !ok {
			return
		}
		h.timesheets(w, r, tok)
	default:
		writeError(w, http.StatusNotFound, "not_found", "No such endpoint: see /api/v1/openapi.json.")
	}
}

func allowGet(w http.ResponseWriter, r *http.Request) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	w.Header().Set("Allow", "GET, HEAD")
	writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", "Only GET is allowed.")
	return false
}

// authorize finds the request's bearer token and checks its scope; it
// answers 401 (no, an unknown or a revoked token) or 403 (no scope) itself.
func (h *Handler) authorize(w http.ResponseWriter, r *http.Request, scope string) (*intranet.APIToken, bool) {
	scheme, secret, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	secret = strings.TrimSpace(secret)
	if !strings.EqualFold(scheme, "Bearer") || secret == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="werkplek"`)
		writeError(w, http.StatusUnauthorized, "unauthorized", "This API needs a bearer token: Authorization: Bearer <token>.")
		return nil, false
	}
	tok, err := h.cfg.Tokens.UseAPIToken(r.Context(), intranet.HashSecret(secret), h.cfg.Now())
	switch {
	case intranet.ErrorCode(err) == intranet.ENOTFOUND:
		w.Header().Set("WWW-Authenticate", `Bearer realm="werkplek", error="invalid_token"`)
		writeError(w, http.StatusUnauthorized, "unauthorized", "The token is unknown or revoked.")
		return nil, false
	case err != nil:
		h.internal(w, r, err)
		return nil, false
	case !tok.Allows(scope):
		w.Header().Set("WWW-Authenticate", fmt.Sprintf(`Bearer realm="werkplek", error="insufficient_scope", scope=%q`, scope))
		writeError(w, http.StatusForbidden, "forbidden", fmt.Sprintf("The token lacks the scope %s.", scope))
		return nil, false
	}
	return tok, true
}

// query is a timesheets request's parameters, checked.
type query struct {
	filter        intranet.TimesheetFilter
	page, perPage int
}

// parseQuery reads from, to, state, page and per_page; an unknown
// parameter is a mistake too (a typo would otherwise return everything).
func parseQuery(v url.Values) (query, error) {
	q := query{page: 1, perPage: DefaultPerPage}
	for k := range v {
		switch k {
		case "from", "to", "state", "page", "per_page":
		default:
			return q, fmt.Errorf("unknown parameter %q: use from, to, state, page and per_page", k)
		}
	}
	from, err1 := time.Parse(intranet.DateLayout, v.Get("from"))
	to, err2 := time.Parse(intranet.DateLayout, v.Get("to"))
	switch {
	case err1 != nil || err2 != nil:
		return q, fmt.Errorf("from and to are required dates like 2026-11-30")
	case to.Before(from):
		return q, fmt.Errorf("to is before from")
	case to.Sub(from) >= MaxDays*24*time.Hour:
		return q, fmt.Errorf("a query covers at most %d days", MaxDays)
	}
	q.filter.From, q.filter.To = v.Get("from"), v.Get("to")
	for _, list := range v["state"] {
		for _, s := range strings.Split(list, ",") {
			st := intranet.WeekState(strings.TrimSpace(s))
			switch st {
			case intranet.WeekOpen, intranet.WeekSubmitted, intranet.WeekApproved, intranet.WeekRejected:
				q.filter.States = append(q.filter.States, st)
			default:
				return q, fmt.Errorf("state %q is not open, submitted, approved or rejected", s)
			}
		}
	}
	for _, p := range []struct {
		name    string
		into    *int
		max     int
		example string
	}{{"page", &q.page, 1_000_000, "1"}, {"per_page", &q.perPage, MaxPerPage, "50"}} {
		s := v.Get(p.name)
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > p.max {
			return q, fmt.Errorf("%s is a whole number from 1 to %d, e.g. %s", p.name, p.max, p.example)
		}
		*p.into = n
	}
	q.filter.Offset, q.filter.Limit = (q.page-1)*q.perPage, q.perPage+1 // one more: is there a next page?
	return q, nil
}

// Page is the answer of /api/v1/timesheets.
type Page struct {
	Data    []Sheet `json:"data"`
	Page    int     `json:"page"`
	PerPage int     `json:"per_page"`
	// Next is the link of the next page, nil on the last.
	Next *string `json:"next"`
}

func (h *Handler) timesheets(w http.ResponseWriter, r *http.Request, _ *intranet.APIToken) {
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid", err.Error()+".")
		return
	}
	list, err := h.cfg.Timesheets.Timesheets(r.Context(), q.filter)
	if err != nil {
		h.internal(w, r, err)
		return
	}
	out := Page{Data: []Sheet{}, Page: q.page, PerPage: q.perPage}
	if len(list) > q.perPage {
		list = list[:q.perPage]
		next := r.URL.Query()
		next.Set("page", strconv.Itoa(q.page+1))
		link := h.cfg.PublicURL + r.URL.Path + "?" + next.Encode()
		out.Next = &link
	}
	for _, s := range list {
		out.Data = append(out.Data, h.sheet(s))
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, out)
}

// errorBody is every error's JSON.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeError(w http.ResponseWriter, status int, code, message string) {
	var b errorBody
	b.Error.Code, b.Error.Message = code, message
	writeJSON(w, status, b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// internal logs an error with a reference and answers 500 (503 when the
// database cannot be reached) with that reference only.
func (h *Handler) internal(w http.ResponseWriter, r *http.Request, err error) {
	ref := make([]byte, 4)
	_, _ = rand.Read(ref)
	id := hex.EncodeToString(ref)
	h.cfg.Log.Error("api", "path", r.URL.Path, "ref", id, "err", err)
	status := http.StatusInternalServerError
	if intranet.ErrorCode(err) == intranet.EUNAVAILABLE {
		status = http.StatusServiceUnavailable
	}
	writeError(w, status, "internal", "Something went wrong (ref "+id+").")
}
