package console

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// Installation is the console's one installation.
const Installation = "local"

// Defaults of a Console.
const (
	DefaultPoll = time.Second
	// DefaultWait bounds each wait for deliveries on their way.
	DefaultWait = 10 * time.Second
	// clockSkew is how much earlier than the console's start a job may be
	// stamped and still count as caused by it (the database's clock).
	clockSkew = 2 * time.Second
)

// Console is a chat in the terminal as one person, in one channel or in a
// private conversation with Werkplek.
type Console struct {
	Core    intranet.Core
	Mailbox intranet.Mailbox
	// Work is the background work that delivers what commands cause; the
	// console waits for it (bounded by Wait) when it starts, when its input
	// ends and, when piped, after each line. Nil: no waiting.
	Work Work
	In   io.Reader
	Out  io.Writer
	// Log is for what went wrong; it must not write to Out.
	Log *slog.Logger
	// Email is the person the console speaks as (--as).
	Email string
	// Channel is the console channel (--channel, default "console").
	Channel string
	// Direct opens a private conversation with Werkplek instead (--dm).
	Direct bool
	// JSON prints one JSON object a line instead of text (--json).
	JSON bool
	// Interactive shows a prompt and a greeting (stdin is a terminal).
	Interactive bool
	// Follow keeps showing DMs and posts after the input ended, until ctx
	// ends (--follow).
	Follow bool
	// Poll is how often DMs and channel posts are looked for (default 1 s).
	Poll time.Duration
	// Wait bounds each wait for deliveries (default 10 s).
	Wait time.Duration

	mu      sync.Mutex
	buttons map[string]bool // typed commands of the last reply's buttons
	lastRef *intranet.MessageRef
	seq     int
}

// Work is the job runner as the console sees it (jobs.Runner).
type Work interface {
	// Pending reports whether a job created at or after since is due now
	// and not finished.
	Pending(ctx context.Context, since time.Time) (bool, error)
}

// event is one line of --json output.
type event struct {
	Kind    string          `json:"kind"` // reply, dm, post
	Channel string          `json:"channel,omitempty"`
	Updated bool            `json:"updated,omitempty"`
	Reply   intranet.Reply  `json:"reply"`
	Error   string          `json:"error,omitempty"`
	Request *requestSummary `json:"request,omitempty"`
}

type requestSummary struct {
	Text    string `json:"text,omitempty"`
	Pressed bool   `json:"pressed,omitempty"`
}

// Run shows what is already due for the person and channel, then reads
// commands line by line until the input ends (or /quit, or ctx ends),
// printing each reply, and DMs and channel posts as they arrive. A piped
// console waits after each line for what it caused, so a script's output
// is the same every run; at the end of its input every console waits for
// its deliveries, then ends, or with Follow keeps showing what comes.
func (c *Console) Run(ctx context.Context) error {
	c.defaults()
	since := time.Now().Add(-clockSkew)
	if c.Interactive && !c.JSON {
		where := "#" + c.Channel
		if c.Direct {
			where = "a private conversation with Werkplek"
		}
		c.printf("Werkplek console as %s in %s. Type /werkplek help, or /quit to leave.\n", c.Email, where)
	}
	c.settle(ctx, time.Time{})
	c.deliverMail(ctx)

	lines, readErr := c.read(ctx)
	tick := time.NewTicker(c.Poll)
	defer tick.Stop()
	c.prompt()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			if c.deliverMail(ctx) > 0 {
				c.prompt()
			}
		case err := <-readErr:
			c.settle(ctx, since)
			c.deliverMail(ctx)
			if err != nil {
				return fmt.Errorf("read input: %w", err)
			}
			if !c.Follow {
				return nil
			}
			lines, readErr = nil, nil
		case line := <-lines:
			line = strings.TrimSpace(line)
			switch {
			case line == "":
			case line == "/quit" || line == "/exit":
				c.settle(ctx, since)
				c.deliverMail(ctx)
				return nil
			default:
				c.handle(ctx, line)
				if !c.Interactive {
					c.settle(ctx, since)
				}
				c.deliverMail(ctx)
			}
			c.prompt()
		}
	}
}

func (c *Console) defaults() {
	if c.Channel == "" {
		c.Channel = "console"
	}
	if c.Poll <= 0 {
		c.Poll = DefaultPoll
	}
	if c.Wait <= 0 {
		c.Wait = DefaultWait
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
}

// read sends the input's lines, then its end (nil or the read error).
func (c *Console) read(ctx context.Context) (<-chan string, <-chan error) {
	lines := make(chan string)
	readErr := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(c.In)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		readErr <- sc.Err()
	}()
	return lines, readErr
}

// settle waits, at most Wait, until no job created since then is due and
// unfinished: the deliveries (and the card updates) on their way are then
// in the mailbox. A wait that runs out is logged; what comes later is
// shown by this console while it runs, else by the next.
func (c *Console) settle(ctx context.Context, since time.Time) {
	if c.Work == nil {
		return
	}
	deadline := time.Now().Add(c.Wait)
	poll := min(c.Poll, 50*time.Millisecond)
	for {
		busy, err := c.Work.Pending(ctx, since)
		if err != nil {
			if ctx.Err() == nil {
				c.Log.Warn("console: look for deliveries on their way", "err", err)
			}
			return
		}
		if !busy {
			return
		}
		if time.Now().After(deadline) {
			c.Log.Warn("console: deliveries still on their way; they are shown when they arrive", "waited", c.Wait.String())
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(poll):
		}
	}
}

// channelID is where the console's requests come from: the channel, or
// the person's private conversation with Werkplek.
func (c *Console) channelID() string {
	if c.Direct {
		return directChannel(c.Email)
	}
	return c.Channel
}

// directChannel is the console channel id of a person's private
// conversation with Werkplek.
func directChannel(email string) string { return "dm:" + email }

// handle sends one line to the core. A line equal to one of the last reply's
// button commands counts as pressing that button.
func (c *Console) handle(ctx context.Context, line string) {
	req := intranet.Request{
		Platform:     intranet.PlatformConsole,
		Installation: Installation,
		User:         intranet.User{ID: c.Email, Email: c.Email, Name: c.Email},
		Channel:      intranet.Channel{ID: c.channelID(), Name: c.channelID(), Direct: c.Direct},
		Text:         line,
	}
	c.mu.Lock()
	if c.buttons[line] {
		req.Text = ""
		req.Action = &intranet.Action{Command: line}
		req.Message = c.lastRef
	}
	c.mu.Unlock()

	reply, err := c.Core.Handle(ctx, req)
	ev := event{Kind: "reply", Reply: reply, Request: &requestSummary{Text: line, Pressed: req.Action != nil}}
	if err != nil {
		c.Log.Error("console request failed", "err", err, "text", line)
		ev.Error = err.Error()
	}
	c.mu.Lock()
	c.seq++
	c.lastRef = &intranet.MessageRef{Platform: intranet.PlatformConsole, Installation: Installation, ChannelID: c.channelID(), ID: fmt.Sprintf("console-%d", c.seq)}
	c.buttons = map[string]bool{}
	for _, b := range reply.Buttons {
		c.buttons[b.Command] = true
	}
	for _, s := range reply.Sections {
		for _, b := range s.Buttons {
			c.buttons[b.Command] = true
		}
	}
	c.mu.Unlock()
	c.emit(ev)
}

// deliverMail prints what was sent to this person or channel that this
// console's person has not seen yet, and returns how much.
func (c *Console) deliverMail(ctx context.Context) int {
	if c.Mailbox == nil {
		return 0
	}
	mail, err := c.Mailbox.TakeMail(ctx, intranet.PlatformConsole, c.Email, c.channelID())
	if err != nil {
		if ctx.Err() == nil {
			c.Log.Warn("console mailbox unavailable", "err", err)
		}
		return 0
	}
	for _, m := range mail {
		ev := event{Kind: "post", Channel: m.To.ChannelID, Reply: m.Reply, Updated: m.Updated}
		if m.To.IsDirect() {
			ev.Kind, ev.Channel = "dm", ""
		}
		c.emit(ev)
	}
	return len(mail)
}

func (c *Console) emit(ev event) {
	if c.JSON {
		b, err := json.Marshal(ev)
		if err != nil {
			c.Log.Error("console json", "err", err)
			return
		}
		c.printf("%s\n", b)
		return
	}
	switch ev.Kind {
	case "dm":
		head := "[DM from Werkplek"
		if c.Direct {
			head = "[Werkplek" // the conversation is the DM
		}
		if ev.Updated {
			head += ", updated"
		}
		head += "]"
		c.printf("\n%s\n%s", head, Render(ev.Reply))
	case "post":
		head := "[#" + ev.Channel + "]"
		if ev.Updated {
			head = "[#" + ev.Channel + ", updated]"
		}
		c.printf("\n%s\n%s", head, Render(ev.Reply))
	default:
		c.printf("%s", Render(ev.Reply))
	}
}

func (c *Console) prompt() {
	if c.Interactive && !c.JSON {
		c.printf("> ")
	}
}

func (c *Console) printf(format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintf(c.Out, format, args...)
}
