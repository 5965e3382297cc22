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

// Console is a chat in the terminal as one person, in one channel.
type Console struct {
	Core    intranet.Core
	Mailbox intranet.Mailbox
	In      io.Reader
	Out     io.Writer
	Log     *slog.Logger
	// Email is the person the console speaks as (--as).
	Email string
	// Channel is the console channel (--channel, default "console").
	Channel string
	// JSON prints one JSON object a line instead of text (--json).
	JSON bool
	// Interactive shows a prompt and a greeting (stdin is a terminal).
	Interactive bool
	// Poll is how often DMs and channel posts are looked for (default 1 s).
	Poll time.Duration

	mu      sync.Mutex
	buttons map[string]bool // typed commands of the last reply's buttons
	lastRef *intranet.MessageRef
	seq     int
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

// Run reads commands line by line until the input ends or ctx is done,
// printing each reply, and prints DMs and channel posts as they arrive
// (those that came while no console was open first).
func (c *Console) Run(ctx context.Context) error {
	if c.Channel == "" {
		c.Channel = "console"
	}
	if c.Poll <= 0 {
		c.Poll = time.Second
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	if c.Interactive && !c.JSON {
		c.printf("Werkplek console as %s in #%s. Type /werkplek help, or /quit to leave.\n", c.Email, c.Channel)
	}
	c.deliverMail(ctx)

	pollCtx, stopPoll := context.WithCancel(ctx)
	var wg sync.WaitGroup
	if c.Interactive {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTicker(c.Poll)
			defer t.Stop()
			for {
				select {
				case <-pollCtx.Done():
					return
				case <-t.C:
					c.deliverMail(pollCtx)
				}
			}
		}()
	}
	defer func() { stopPoll(); wg.Wait() }()

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
	for {
		c.prompt()
		select {
		case <-ctx.Done():
			return nil
		case err := <-readErr:
			c.deliverMail(ctx)
			if err != nil {
				return fmt.Errorf("read input: %w", err)
			}
			return nil
		case line := <-lines:
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			if line == "/quit" || line == "/exit" {
				return nil
			}
			c.handle(ctx, line)
			c.deliverMail(ctx)
		}
	}
}

// handle sends one line to the core. A line equal to one of the last reply's
// button commands counts as pressing that button.
func (c *Console) handle(ctx context.Context, line string) {
	req := intranet.Request{
		Platform:     intranet.PlatformConsole,
		Installation: Installation,
		User:         intranet.User{ID: c.Email, Email: c.Email, Name: c.Email},
		Channel:      intranet.Channel{ID: c.Channel, Name: c.Channel},
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
	c.lastRef = &intranet.MessageRef{Platform: intranet.PlatformConsole, Installation: Installation, ChannelID: c.Channel, ID: fmt.Sprintf("console-%d", c.seq)}
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

// deliverMail prints what was sent to this person or channel meanwhile.
func (c *Console) deliverMail(ctx context.Context) {
	if c.Mailbox == nil {
		return
	}
	mail, err := c.Mailbox.TakeMail(ctx, intranet.PlatformConsole, c.Email, c.Channel)
	if err != nil {
		if ctx.Err() == nil {
			c.Log.Warn("console mailbox unavailable", "err", err)
		}
		return
	}
	for _, m := range mail {
		ev := event{Kind: "post", Channel: m.To.ChannelID, Reply: m.Reply, Updated: m.Updated}
		if m.To.IsDirect() {
			ev.Kind, ev.Channel = "dm", ""
		}
		c.emit(ev)
	}
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
		head := "[DM from Werkplek]"
		if ev.Updated {
			head = "[DM from Werkplek, updated]"
		}
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
