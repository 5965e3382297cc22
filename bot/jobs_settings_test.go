package main

import (
	"strings"
	"testing"
	"time"
)

// TestJobSettings: the job timeout, the rescue time, the job workers and
// Slack's message rate are read from their settings, with their defaults,
// and every mistake is named.
func TestJobSettings(t *testing.T) {
	load := func(env map[string]string) (Config, []string) {
		return LoadConfig(func(k string) string { return env[k] })
	}
	c, problems := load(map[string]string{"WERKPLEK_JOB_TIMEOUT": "5", "WERKPLEK_JOB_RESCUE_AFTER": "8", "WERKPLEK_JOB_WORKERS": "40", "SLACK_MESSAGE_RATE": "33,5"})
	if len(problems) != 0 || c.JobTimeout != 5*time.Second || c.JobRescueAfter != 8*time.Second || c.JobWorkers != 40 || c.SlackMessageRate != 33.5 {
		t.Errorf("%+v %v", c, problems)
	}
	m := &Main{Config: c}
	if m.retryWait() != 2500*time.Millisecond {
		t.Errorf("retry wait %s with a 5 s job timeout", m.retryWait())
	}
	c, problems = load(nil)
	if len(problems) != 0 || c.JobTimeout != 30*time.Second || c.JobRescueAfter != 45*time.Second || c.JobWorkers != 0 || c.SlackMessageRate != 100 {
		t.Errorf("defaults: %+v %v", c, problems)
	}
	if m := (&Main{Config: c}); m.retryWait() != 15*time.Second {
		t.Errorf("retry wait %s by default", m.retryWait())
	}
	_, problems = load(map[string]string{"WERKPLEK_JOB_TIMEOUT": "30", "WERKPLEK_JOB_RESCUE_AFTER": "20", "WERKPLEK_JOB_WORKERS": "0", "SLACK_MESSAGE_RATE": "veel"})
	all := strings.Join(problems, "\n")
	for _, want := range []string{"WERKPLEK_JOB_RESCUE_AFTER (20s) must be more than WERKPLEK_JOB_TIMEOUT (30s)", `WERKPLEK_JOB_WORKERS: "0"`, `SLACK_MESSAGE_RATE: "veel"`} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q:\n%s", want, all)
		}
	}
	_, problems = load(map[string]string{"WERKPLEK_JOB_TIMEOUT": "0,5"})
	if len(problems) != 1 || !strings.Contains(problems[0], `WERKPLEK_JOB_TIMEOUT: "0,5" is not a number of seconds from 1 to 3600`) {
		t.Errorf("%v", problems)
	}
}
