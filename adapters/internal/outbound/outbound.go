// Package outbound is the HTTP client the platform adapters call their
// platform with. Each adapter talks to one host (Slack's API, a Mattermost
// server, the Bot Framework connector) from every request in flight at
// once; Go's default transport keeps only two idle connections a host, so
// under load every other answer opened a new connection, and over TLS paid
// a handshake for it. This transport keeps enough for the load a replica
// carries.
package outbound

import (
	"net/http"
	"time"
)

// IdlePerHost is how many idle connections to one platform host are kept
// for the next call: above the concurrency of a busy replica (the load
// harness drives 16 connections).
const IdlePerHost = 64

var transport = func() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 4 * IdlePerHost
	t.MaxIdleConnsPerHost = IdlePerHost
	return t
}()

// Client is a client over the shared transport that gives up on a call
// after timeout.
func Client(timeout time.Duration) *http.Client {
	return &http.Client{Transport: transport, Timeout: timeout}
}
