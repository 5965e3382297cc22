package teams

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkMessage measures one personal-chat command through the HTTP
// handler with a mock core: token check (cached keys), parsing, state,
// rendering and the reply POST to an httptest connector.
func BenchmarkMessage(b *testing.B) {
	for _, mode := range []struct {
		name    string
		authOff bool
	}{{"Auth", false}, {"AuthOff", true}} {
		b.Run(mode.name, func(b *testing.B) {
			e := newEnv(b, func(c *Config) { c.AuthOff = mode.authOff })
			e.a.log = discardLogger()
			body := e.fixture("message_personal.json")
			tok := ""
			if !mode.authOff {
				tok = e.token(nil)
			}
			b.ResetTimer()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/api/messages", bytes.NewReader(body))
				if tok != "" {
					req.Header.Set("Authorization", "Bearer "+tok)
				}
				rec := httptest.NewRecorder()
				e.mux.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
				e.settle()
			}
		})
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
