package scenario

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// freezePG stops (SIGSTOP) or resumes (SIGCONT) every process of the
// PostgreSQL server in dir: a database host that stopped answering without
// closing a connection (a hung machine, a network that drops packets), the
// outage where a client waits for its timeouts instead of an error.
func freezePG(dir string, on bool) error {
	b, err := os.ReadFile(filepath.Join(dir, "data", "postmaster.pid"))
	if err != nil {
		return err
	}
	first, _, _ := strings.Cut(string(b), "\n")
	postmaster, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil {
		return fmt.Errorf("postmaster.pid: %w", err)
	}
	sig := syscall.SIGCONT
	if on {
		sig = syscall.SIGSTOP
	}
	pids := append(childrenOf(postmaster), postmaster)
	if !on {
		// The children first: the postmaster, resumed, checks on them.
		pids = append([]int{postmaster}, childrenOf(postmaster)...)
	}
	for _, pid := range pids {
		if err := syscall.Kill(pid, sig); err != nil && err != syscall.ESRCH {
			return fmt.Errorf("signal %d: %w", pid, err)
		}
	}
	return nil
}

// childrenOf lists the processes whose parent is pid, from /proc.
func childrenOf(pid int) []int {
	var out []int
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		f, err := os.Open(filepath.Join("/proc", e.Name(), "status"))
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "PPid:"); ok {
				if ppid, _ := strconv.Atoi(strings.TrimSpace(rest)); ppid == pid {
					out = append(out, child)
				}
				break
			}
		}
		f.Close()
	}
	return out
}
