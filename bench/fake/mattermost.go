package fake

import (
	"fmt"
	"net/http"
	"strings"
)

// Mattermost is Mattermost's REST API as far as a slash command needs it:
// GET /api/v4/users/{id} answers user id as id@example.nl, so a load
// generator picks who asks by the user id it sends, and GET
// /api/v4/channels/{id} answers a direct message channel. Everything else (the
// command registration and the websocket the adapter tries at start) is
// answered 404, which the adapter lives with.
type Mattermost struct{}

func (Mattermost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if id, ok := strings.CutPrefix(r.URL.Path, "/api/v4/channels/"); ok && id != "" && !strings.Contains(id, "/") && r.Method == http.MethodGet {
		fmt.Fprintf(w, `{"id":%q,"type":"D","name":%q,"display_name":"","team_id":""}`, id, id)
		return
	}
	id, ok := strings.CutPrefix(r.URL.Path, "/api/v4/users/")
	if !ok || id == "" || strings.Contains(id, "/") || r.Method != http.MethodGet {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"id":"api.context.404.app_error","status_code":404}`)
		return
	}
	fmt.Fprintf(w, `{"id":%q,"username":%q,"email":"%s@example.nl","locale":"nl","roles":"system_user"}`, id, id, strings.ToLower(id))
}
