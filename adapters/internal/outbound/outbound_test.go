package outbound

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestConnectionsKept: two bursts of 16 calls at once to one host; the
// second reuses the first's connections (Go's default transport keeps two
// and would open about 14 new ones).
func TestConnectionsKept(t *testing.T) {
	const burst = 16
	var opened atomic.Int32
	var arrived sync.WaitGroup
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived.Done()
		arrived.Wait() // every call of the burst is in flight at once
		io.WriteString(w, "ok")
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			opened.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	c := Client(10 * time.Second)
	for range 2 {
		arrived.Add(burst)
		var done sync.WaitGroup
		for range burst {
			done.Add(1)
			go func() {
				defer done.Done()
				resp, err := c.Get(srv.URL)
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}()
		}
		done.Wait()
		time.Sleep(50 * time.Millisecond) // the connections go back to the pool
	}
	if n := opened.Load(); n > burst+2 {
		t.Errorf("%d connections opened for two bursts of %d, want about %d", n, burst, burst)
	}
}
