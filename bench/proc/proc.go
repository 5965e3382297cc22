// Package proc builds the werkplek binary once and runs `werkplek serve`
// processes from it, as a deployment runs replicas: the load harness and the
// fault tests start, measure, stop and SIGKILL real processes with it.
package proc

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Build compiles the werkplek binary (./bot of the module that holds dir)
// into a new file under tmp and returns its path.
func Build(ctx context.Context, moduleDir, tmp string) (string, error) {
	out := filepath.Join(tmp, "werkplek")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, "./bot")
	cmd.Dir = moduleDir
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./bot: %w\n%s", err, b)
	}
	return out, nil
}

// ModuleRoot finds the directory of go.mod above dir.
func ModuleRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the current directory")
		}
		dir = parent
	}
}

// FreeAddr returns a loopback address with a port nobody listens on now.
func FreeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// Serve is one running `werkplek serve` process.
type Serve struct {
	Addr string // host:port it listens on
	cmd  *exec.Cmd
	log  *logBuffer
	done chan struct{}
	err  error
}

// Start runs `bin serve` with env (WERKPLEK_LISTEN is set to a free port
// unless env has it) and waits until /healthz answers, at most wait.
func Start(ctx context.Context, bin string, env map[string]string, wait time.Duration) (*Serve, error) {
	addr := env["WERKPLEK_LISTEN"]
	if addr == "" {
		var err error
		if addr, err = FreeAddr(); err != nil {
			return nil, err
		}
	}
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(), "WERKPLEK_LISTEN="+addr)
	for k, v := range env {
		if k != "WERKPLEK_LISTEN" {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
	}
	s := &Serve{Addr: addr, cmd: cmd, log: &logBuffer{}, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = s.log, s.log
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() { s.err = cmd.Wait(); close(s.done) }()
	deadline := time.Now().Add(wait)
	for {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		select {
		case <-s.done:
			return nil, fmt.Errorf("werkplek serve exited: %v\n%s", s.err, s.Log())
		case <-ctx.Done():
			s.Kill()
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.Kill()
			return nil, fmt.Errorf("werkplek serve did not answer /healthz within %s\n%s", wait, s.Log())
		}
	}
}

// URL is the process's base address.
func (s *Serve) URL() string { return "http://" + s.Addr }

// Pid is the process id.
func (s *Serve) Pid() int { return s.cmd.Process.Pid }

// Kill ends the process with SIGKILL, as a node failure or the OOM killer
// would, and waits for it.
func (s *Serve) Kill() {
	_ = s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.done
}

// Stop asks the process to stop with SIGTERM (as Kubernetes does) and waits
// for it, at most wait; then it kills it.
func (s *Serve) Stop(wait time.Duration) error {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
		return s.err
	case <-time.After(wait):
		s.Kill()
		return fmt.Errorf("werkplek serve did not stop within %s", wait)
	}
}

// Exited tells whether the process has ended.
func (s *Serve) Exited() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// RSS is the process's resident memory in bytes, from /proc.
func (s *Serve) RSS() (int64, error) { return RSS(s.Pid()) }

// Log is what the process wrote so far (its structured log).
func (s *Serve) Log() string { return s.log.String() }

// RSS reads a process's resident set size from /proc/PID/status.
func RSS(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb * 1024, err
		}
	}
	return 0, fmt.Errorf("no VmRSS for process %d", pid)
}

// logBuffer keeps a process's output, bounded to its last megabyte.
type logBuffer struct {
	mu sync.Mutex
	b  []byte
}

const logKept = 1 << 20

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.b = append(l.b, p...)
	if len(l.b) > 2*logKept {
		l.b = append([]byte(nil), l.b[len(l.b)-logKept:]...)
	}
	return len(p), nil
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return string(l.b)
}
