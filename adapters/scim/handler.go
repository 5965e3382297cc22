// Package scim is Werkplek's SCIM 2.0 service provider (RFC 7643, RFC 7644)
// under /scim/v2/, through which an identity provider (Microsoft Entra ID,
// Okta) provisions people (Users) and the teams it manages (Groups).
//
// The protocol (routing, the resource types, the schemas and their
// validation, filters, PATCH paths, list responses and the error format)
// is github.com/elimity-com/scim's; this package authenticates the bearer
// token, smooths what Entra ID sends that the library does not take as it
// is (a manager given as a bare id, a PATCH of name parts without
// displayName), and maps Users and Groups to the core's
// ProvisioningService and DirectoryService.
//
// Entra ID's requests: https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
// Okta's: https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/
package scim

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"regexp"
	"strings"

	"github.com/elimity-com/scim"
	scimerrors "github.com/elimity-com/scim/errors"
	"github.com/elimity-com/scim/optional"
	"github.com/elimity-com/scim/schema"
	"github.com/werkplek/werkplek/intranet"
)

// Config is what the service provider needs.
type Config struct {
	// Token is WERKPLEK_SCIM_TOKEN: the bearer token the identity provider
	// sends (Entra ID's "Secret Token"). Required.
	Token string
	// PublicURL is WERKPLEK_PUBLIC_URL: resources' meta.location and the
	// Location of a created one are absolute under it (relative when unset).
	PublicURL   string
	Provisioner intranet.ProvisioningService
	Directory   intranet.DirectoryService
	// Log hears of refused requests and internal errors (default: discarded).
	Log *slog.Logger
}

// Handler serves /scim/v2/.
type Handler struct {
	cfg    Config
	server scim.Server
}

// actor is who the directory's audit log says deactivated or activated.
var actor = intranet.Actor{Name: "scim", Platform: "scim"}

func init() {
	// Entra ID sends booleans as strings ("False") in PATCH values; the
	// library takes them when told to (a process-wide setting).
	schema.SetAllowStringValues(true)
}

// New returns the handler; mount it with Routes.
func New(cfg Config) (*Handler, error) {
	switch {
	case cfg.Token == "":
		return nil, errors.New("scim: Config.Token is required")
	case cfg.Provisioner == nil:
		return nil, errors.New("scim: Config.Provisioner is required")
	case cfg.Directory == nil:
		return nil, errors.New("scim: Config.Directory is required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	h := &Handler{cfg: cfg}
	spc := &scim.ServiceProviderConfig{
		DocumentationURI: optional.NewString("https://github.com/werkplek/werkplek#directory-and-privacy"),
		AuthenticationSchemes: []scim.AuthenticationScheme{{
			Type: scim.AuthenticationTypeOauthBearerToken, Name: "Bearer token",
			Description: "The token of WERKPLEK_SCIM_TOKEN in the Authorization header.", Primary: true,
		}},
		MaxResults: maxResults, SupportFiltering: true, SupportPatch: true,
	}
	var opts []scim.ServerOption
	if cfg.PublicURL != "" {
		opts = append(opts, scim.WithBaseURL(strings.TrimRight(cfg.PublicURL, "/")+"/scim/v2"))
	}
	server, err := scim.NewServer(&scim.ServerArgs{
		ServiceProviderConfig: spc,
		ResourceTypes: []scim.ResourceType{
			{
				ID: optional.NewString("User"), Name: "User", Endpoint: "/Users",
				Description:      optional.NewString("A person of the phonebook"),
				Schema:           schema.CoreUserSchema(),
				SchemaExtensions: []scim.SchemaExtension{{Schema: schema.ExtensionEnterpriseUser()}},
				Handler:          &users{h},
			},
			{
				ID: optional.NewString("Group"), Name: "Group", Endpoint: "/Groups",
				Description: optional.NewString("A team whose members the identity provider keeps"),
				Schema:      schema.CoreGroupSchema(),
				Handler:     &groups{h},
			},
		},
	}, opts...)
	if err != nil {
		return nil, err
	}
	h.server = server
	return h, nil
}

// maxResults is the most resources a page holds.
const maxResults = 200

// Routes mounts the service provider at /scim/v2/.
func (h *Handler) Routes(mux *http.ServeMux) {
	mux.Handle("/scim/v2/", h)
}

// ServeHTTP checks the bearer token, smooths the request and hands it to
// the library.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !h.authorized(r) {
		h.cfg.Log.Warn("scim: refused a request without the right token", "method", r.Method, "path", r.URL.Path, "remote", r.RemoteAddr)
		w.Header().Set("WWW-Authenticate", `Bearer realm="werkplek scim"`)
		writeError(w, scimerrors.ScimError{Status: http.StatusUnauthorized, Detail: "The bearer token is missing or wrong."})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4<<20)
	if r.Method == http.MethodPatch {
		if err := normalisePatch(r); err != nil {
			writeError(w, scimerrors.ScimErrorInvalidSyntax)
			return
		}
	}
	normaliseFilter(r)
	r.URL.Path = strings.TrimPrefix(r.URL.Path, "/scim")
	h.server.ServeHTTP(w, r)
}

// valuePathCompare is a filter comparing a sub-attribute of a filtered
// multi-valued attribute (emails[type eq "work"].value eq "…"), which
// identity providers send and RFC 7644's grammar does not have.
var valuePathCompare = regexp.MustCompile(`(?i)^\s*([a-z0-9_:.-]+)\[([^\]]*)\]\.([a-z0-9_]+)\s+(eq|ne|co|sw|ew|gt|lt|ge|le)\s+(.+?)\s*$`)

// normaliseFilter rewrites such a filter into the grammar's own form,
// emails[type eq "work" and value eq "…"], which means the same.
func normaliseFilter(r *http.Request) {
	q := r.URL.Query()
	f := q.Get("filter")
	if m := valuePathCompare.FindStringSubmatch(f); m != nil {
		q.Set("filter", m[1]+"["+m[2]+" and "+m[3]+" "+m[4]+" "+m[5]+"]")
		r.URL.RawQuery = q.Encode()
	}
}

// authorized compares the bearer token in constant time.
func (h *Handler) authorized(r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(token)), []byte(h.cfg.Token)) == 1
}

func writeError(w http.ResponseWriter, e scimerrors.ScimError) {
	raw, _ := json.Marshal(e)
	w.Header().Set("Content-Type", "application/scim+json")
	w.WriteHeader(e.Status)
	w.Write(raw)
}

// fail turns a core error into a SCIM error: a coded one with its message,
// anything else logged with a reference.
func (h *Handler) fail(op string, err error) error {
	var coded *intranet.Error
	if errors.As(err, &coded) {
		switch coded.Code {
		case intranet.ENOTFOUND:
			return scimerrors.ScimError{Status: http.StatusNotFound, Detail: coded.Message}
		case intranet.ECONFLICT:
			return scimerrors.ScimError{Status: http.StatusConflict, ScimType: scimerrors.ScimTypeUniqueness, Detail: coded.Message}
		case intranet.EINVALID:
			return invalidValue(coded.Message)
		}
	}
	ref := make([]byte, 4)
	rand.Read(ref)
	h.cfg.Log.Error("scim: "+op, "err", err, "ref", hex.EncodeToString(ref))
	return scimerrors.ScimError{Status: http.StatusInternalServerError, Detail: "Something went wrong (ref " + hex.EncodeToString(ref) + ")."}
}

func invalidValue(detail string) error {
	return scimerrors.ScimError{Status: http.StatusBadRequest, ScimType: scimerrors.ScimTypeInvalidValue, Detail: detail}
}

func notFound(kind, id string) error {
	return scimerrors.ScimError{Status: http.StatusNotFound, Detail: kind + " " + id + " not found."}
}
