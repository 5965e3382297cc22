package console

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/mock"
)

// box is a mailbox that tests fill while a console runs.
type box struct {
	mu    sync.Mutex
	mail  []intranet.Mail
	takes []string // viewer/channel of each take
	err   error
}

func (b *box) put(m intranet.Mail) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.mail = append(b.mail, m)
}

func (b *box) PutMail(ctx context.Context, d intranet.Delivery) (intranet.MessageRef, error) {
	b.put(intranet.Mail{To: d.To, Reply: d.Reply})
	return intranet.MessageRef{ID: "1"}, nil
}

func (b *box) ReplaceMail(ctx context.Context, ref intranet.MessageRef, r intranet.Reply) error {
	return nil
}

func (b *box) TakeMail(ctx context.Context, p intranet.Platform, viewer, channel string) ([]intranet.Mail, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.takes = append(b.takes, viewer+"/"+channel)
	out := b.mail
	b.mail = nil
	return out, b.err
}

// work is background work that is busy until done is called.
type work struct {
	mu     sync.Mutex
	busy   bool
	since  []time.Time
	err    error
	onDone func()
}

func (w *work) Pending(ctx context.Context, since time.Time) (bool, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.since = append(w.since, since)
	return w.busy, w.err
}

func (w *work) set(busy bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.busy = busy
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor polls the output until it holds want, with a deadline.
func waitFor(t *testing.T, out *syncBuffer, want string) {
	t.Helper()
	end := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), want) {
		if time.Now().After(end) {
			t.Fatalf("no %q within 5 s:\n%s", want, out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func echo() *mock.Core {
	return &mock.Core{HandleFn: func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		return intranet.Reply{Text: "ok " + r.CommandText()}, nil
	}}
}

func dm(text string) intranet.Mail {
	return intranet.Mail{To: intranet.Destination{Platform: intranet.PlatformConsole, UserID: "jan@example.nl"}, Reply: intranet.Reply{Text: text}}
}

// TestPipedPrintsWhileIdle: a piped console whose input stays open prints
// DMs and channel posts as they come.
func TestPipedPrintsWhileIdle(t *testing.T) {
	in, inW := io.Pipe()
	out, mail := &syncBuffer{}, &box{}
	c := &Console{Core: echo(), Mailbox: mail, In: in, Out: out, Email: "jan@example.nl", Channel: "zorg", Poll: 10 * time.Millisecond}
	done := make(chan error, 1)
	go func() { done <- c.Run(context.Background()) }()
	mail.put(dm("Je dienst is overgenomen"))
	waitFor(t, out, "[DM from Werkplek]\nJe dienst is overgenomen")
	mail.put(intranet.Mail{To: intranet.Destination{Platform: intranet.PlatformConsole, ChannelID: "zorg"}, Reply: intranet.Reply{Title: "Dienst over te nemen"}, Updated: true})
	waitFor(t, out, "[#zorg, updated]\n== Dienst over te nemen ==")
	inW.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// TestDueBeforeInput: what is due when the console starts is waited for and
// printed before the first line of input is read.
func TestDueBeforeInput(t *testing.T) {
	mail := &box{}
	w := &work{busy: true}
	go func() {
		time.Sleep(30 * time.Millisecond)
		mail.put(dm("Herinnering: De Dom om 10:00"))
		w.set(false)
	}()
	out := &syncBuffer{}
	var before string
	in := readerFunc(func(p []byte) (int, error) {
		if before == "" {
			before = out.String() + "(read)"
		}
		return 0, io.EOF
	})
	c := &Console{Core: echo(), Mailbox: mail, Work: w, In: in, Out: out, Email: "jan@example.nl", Poll: 10 * time.Millisecond}
	if err := c.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(before, "Herinnering: De Dom om 10:00") {
		t.Errorf("input was read before what was due was shown: %q", before)
	}
	if w.since[0] != (time.Time{}) {
		t.Errorf("the first wait is not for everything due: since %v", w.since[0])
	}
}

type readerFunc func(p []byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }

// TestWaitAtEnd: when its input ends, a console waits for the deliveries
// its commands caused and prints them before it ends; the wait is bounded
// and logged when it runs out, never printed in the chat.
func TestWaitAtEnd(t *testing.T) {
	t.Run("delivered", func(t *testing.T) {
		mail, w := &box{}, &work{}
		core := &mock.Core{HandleFn: func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
			w.set(true) // the command causes a DM, delivered a moment later
			go func() {
				time.Sleep(50 * time.Millisecond)
				mail.put(dm("Vraag #1 · Declaraties"))
				w.set(false)
			}()
			return intranet.Reply{Title: "Vraag #1 gesteld"}, nil
		}}
		var out bytes.Buffer
		begin := time.Now()
		c := &Console{Core: core, Mailbox: mail, Work: w, In: strings.NewReader("/ask Hoe declareer ik?\n"), Out: &out, Email: "jan@example.nl", Poll: 10 * time.Millisecond}
		if err := c.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if want := "== Vraag #1 gesteld ==\n\n[DM from Werkplek]\nVraag #1 · Declaraties\n"; out.String() != want {
			t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
		}
		last := w.since[len(w.since)-1]
		if last.After(begin) || begin.Sub(last) > 5*time.Second {
			t.Errorf("waited for work since %v; the console started %v", last, begin)
		}
	})
	t.Run("bounded", func(t *testing.T) {
		w := &work{busy: true}
		var out, logs bytes.Buffer
		c := &Console{Core: echo(), Mailbox: &box{}, Work: w, In: strings.NewReader("/x\n"), Out: &out, Log: slog.New(slog.NewTextHandler(&logs, nil)),
			Email: "jan@example.nl", Poll: 10 * time.Millisecond, Wait: 100 * time.Millisecond}
		begin := time.Now()
		if err := c.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(begin); d > 2*time.Second {
			t.Errorf("ran %s with three waits of 100 ms", d)
		}
		if out.String() != "ok /x\n" || !strings.Contains(logs.String(), "level=WARN msg=\"console: deliveries still on their way") {
			t.Errorf("out %q, logs %q", out.String(), logs.String())
		}
	})
	t.Run("broken", func(t *testing.T) {
		w := &work{err: errors.New("database gone")}
		mail := &box{err: errors.New("database gone")}
		var out, logs bytes.Buffer
		c := &Console{Core: echo(), Mailbox: mail, Work: w, In: strings.NewReader("/x\n"), Out: &out, Log: slog.New(slog.NewTextHandler(&logs, nil)), Email: "jan@example.nl"}
		if err := c.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if out.String() != "ok /x\n" || !strings.Contains(logs.String(), "database gone") {
			t.Errorf("out %q, logs %q", out.String(), logs.String())
		}
	})
}

// TestFollow: with Follow the console keeps printing after its input ended,
// until ctx ends.
func TestFollow(t *testing.T) {
	mail, out := &box{}, &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	c := &Console{Core: echo(), Mailbox: mail, Work: &work{}, In: strings.NewReader("/x\n"), Out: out, Email: "jan@example.nl", Follow: true, Poll: 10 * time.Millisecond}
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	waitFor(t, out, "ok /x")
	time.Sleep(30 * time.Millisecond) // the input has ended by now
	mail.put(dm("Later nieuws"))
	waitFor(t, out, "Later nieuws")
	select {
	case err := <-done:
		t.Fatalf("ended before ctx: %v", err)
	default:
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("did not end with ctx")
	}
}

// TestDirect: --dm is a private conversation with Werkplek: requests come
// from the person's direct channel, mail is taken for it, and DMs are shown
// in place.
func TestDirect(t *testing.T) {
	core := echo()
	mail := &box{}
	mail.put(dm("Je dagelijkse nieuws"))
	var out bytes.Buffer
	c := &Console{Core: core, Mailbox: mail, In: strings.NewReader("/news subscribe daily 08:00\n"), Out: &out, Email: "jan@example.nl", Channel: "console", Direct: true, Interactive: true}
	if err := c.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	reqs := core.Requests()
	if len(reqs) != 1 || reqs[0].Channel != (intranet.Channel{ID: "dm:jan@example.nl", Name: "dm:jan@example.nl", Direct: true}) {
		t.Fatalf("requests: %+v", reqs)
	}
	if mail.takes[0] != "jan@example.nl/dm:jan@example.nl" {
		t.Errorf("takes: %v", mail.takes)
	}
	for _, want := range []string{"as jan@example.nl in a private conversation with Werkplek", "[Werkplek]\nJe dagelijkse nieuws"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "DM from") {
		t.Errorf("a DM in the DM conversation is shown as from elsewhere:\n%s", out.String())
	}
}
