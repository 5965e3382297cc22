package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"

	// Time zone data inside the binary, so WERKPLEK_TIMEZONE works in a
	// minimal container image without /usr/share/zoneinfo too.
	_ "time/tzdata"
)

// healthcheck runs `werkplek healthcheck`: it asks the local serve's
// /healthz and exits 0 when it answers 200. The container image has no shell
// or curl, so its HEALTHCHECK calls the binary itself.
func (m *Main) healthcheck(ctx context.Context, args []string) error {
	fs := m.flags("healthcheck", "werkplek healthcheck\n\nAsks the serve on WERKPLEK_LISTEN (on this machine) for /healthz; exit code 0 when healthy.")
	if err := fs.Parse(args); err != nil {
		return err
	}
	_, port, err := net.SplitHostPort(m.Config.Listen)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 4*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1:"+port+"/healthz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return &exitError{code: 1, msg: "werkplek healthcheck: " + err.Error()}
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return &exitError{code: 1, msg: fmt.Sprintf("werkplek healthcheck: /healthz answered %s", resp.Status)}
	}
	fmt.Fprintln(m.Stdout, "healthy")
	return nil
}
