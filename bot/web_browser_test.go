package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/werkplek/werkplek/intranet/demo"
)

// The web front door in a real browser: Debian's Chromium, driven with
// chromedp, over the real `werkplek serve` on the demo organisation. It
// walks what people do (sign in with a link from a chat DM, book a room,
// publish an important item, read it on the home page), and on every page
// it checks the layout at a phone's width and runs axe-core.
//
// WERKPLEK_TEST_BROWSER=require (make test) makes a missing browser a
// failure; WERKPLEK_SCREENSHOTS=DIR keeps the screenshots there (the
// README's images come from such a run).

// chromium finds the browser, or skips (fails when it is required).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("WERKPLEK_TEST_BROWSER") == "require" {
		t.Fatal("no Chromium on this machine: run scripts/test-deps")
	}
	t.Skip("no Chromium on this machine (scripts/test-deps installs it)")
	return ""
}

// axeSource is axe-core's script from tools/axe (npm).
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "tools", "axe", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is missing (scripts/test-deps installs it): %v", err)
	}
	return string(b)
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

// browser is one Chromium tab of the test.
type browser struct {
	t     *testing.T
	ctx   context.Context
	base  string
	axe   string
	shots string
}

func (b *browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		body, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
		b.t.Fatalf("%s: %v\npage text:\n%s", what, err, body)
	}
}

// waitText waits until the page shows the text. It asks again while a
// press's navigation replaces the page, which a single evaluation does not
// survive.
func waitText(s string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		end := time.Now().Add(20 * time.Second)
		for {
			text, err := chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`)(ctx, t)
			if err == nil && strings.Contains(text, s) {
				return chromedp.Void{}, nil
			}
			if time.Now().After(end) {
				return chromedp.Void{}, fmt.Errorf("the page did not show %q within 20 s", s)
			}
			select {
			case <-ctx.Done():
				return chromedp.Void{}, ctx.Err()
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
}

// check looks at the page as a phone (375×812, where nothing may scroll
// sideways) and as a desktop (1280×800), saves both screenshots, and runs
// axe-core, which may find no serious or critical violation.
func (b *browser) check(name string) {
	b.t.Helper()
	for _, size := range [][2]int64{{375, 812}, {1280, 800}} {
		b.do("viewport", chromedp.EmulateViewport(size[0], size[1]))
		over, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
		if err != nil {
			b.t.Fatal(err)
		}
		if over && size[0] == 375 {
			b.t.Errorf("%s scrolls sideways at 375 px", name)
		}
		png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			b.t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(b.shots, fmt.Sprintf("%s-%d.png", name, size[0])), png, 0o644); err != nil {
			b.t.Fatal(err)
		}
	}
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[chromedp.Void](b.axe)); err != nil {
		b.t.Fatalf("load axe-core on %s: %v", name, err)
	}
	found, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations
		.filter(v => v.impact === "serious" || v.impact === "critical")
		.map(v => v.impact + " " + v.id + ": " + v.help + " at " + v.nodes.map(n => n.target.join(" ")).join(", ")))`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("axe on %s: %v", name, err)
	}
	for _, v := range found {
		b.t.Errorf("axe on %s: %s", name, v)
	}
}

// signInLink asks for a sign-in link in the console as a person and reads
// it from the DM the console shows.
func signInLink(t *testing.T, env map[string]string, email string) string {
	t.Helper()
	out := consoleUntil(t, env, "/werkplek web\n", []string{"/web/signin/"}, "console", "--as", email)
	link := regexp.MustCompile(`http://127\.0\.0\.1:\d+/web/signin/[A-Za-z0-9_-]{20,}`).FindString(out)
	if link == "" {
		t.Fatalf("no sign-in link in the console:\n%s", out)
	}
	return link
}

// signIn opens the link and presses its button.
func (b *browser) signIn(link string) {
	b.t.Helper()
	b.do("sign in", chromedp.Navigate(link), chromedp.Click(chromedp.CSS(`form[action="/web/signin"] button`)), waitText("Afmelden"))
}

func (b *browser) signOut() {
	b.t.Helper()
	b.do("sign out", chromedp.Click(chromedp.CSS(`form.signout button`)), waitText("/werkplek web"))
}

func (b *browser) open(path, text string) {
	b.t.Helper()
	b.do("open "+path, chromedp.Navigate(b.base+path), waitText(text))
}

func TestWebInBrowser(t *testing.T) {
	chrome := chromium(t)
	axe := axeSource(t)
	dir := t.TempDir()
	shots := os.Getenv("WERKPLEK_SCREENSHOTS")
	if shots == "" {
		shots = filepath.Join(dir, "screenshots")
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	base := "http://127.0.0.1:" + port
	env := map[string]string{
		"WERKPLEK_DATABASE_URL": "sqlite:" + filepath.Join(dir, "werkplek.db"),
		"WERKPLEK_LISTEN":       "127.0.0.1:" + port,
		"WERKPLEK_PUBLIC_URL":   base,
		"WERKPLEK_LANGUAGE":     "nl",
	}
	// The demo organisation, and its care team's channel subscribed to
	// every news item as it appears.
	consoleUntil(t, env, "/news subscribe immediate\n", []string{"/news unsubscribe"}, "demo", "--as", demo.User, "--channel", demo.TeamChannel)
	startServe(t, env)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.Flag("lang", "nl-NL"), chromedp.WindowSize(1280, 800))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(actx)
	defer cancelTab()
	ctx, cancel := context.WithTimeout(ctx, 4*time.Minute)
	defer cancel()
	b := &browser{t: t, ctx: ctx, base: base, axe: axe, shots: shots}

	// Signed out, the front door says how to sign in.
	b.open("/web/", "/werkplek web")
	b.check("signin")

	// Jan signs in with the link from his DM and books a room for tomorrow
	// in two presses: the free slot, then the confirmation.
	b.signIn(signInLink(t, env, demo.User))
	b.check("home")
	b.open("/web/phonebook?q=anna", "Anna Bakker")
	b.check("phonebook")
	b.do("open a card", chromedp.Click(chromedp.CSS(`main a.button[href^="/web/phonebook?person="]`)), waitText("06-10000003"))
	b.check("phonebook-card")
	tomorrow := time.Now().AddDate(0, 0, 1).Format("2006-01-02")
	b.open("/web/rooms?date="+tomorrow, "Zalen")
	b.check("rooms")
	b.do("press a free slot", chromedp.Click(chromedp.CSS(`form[action="/web/confirm"] button`)), waitText("Boeken?"))
	b.check("confirm")
	b.do("confirm", chromedp.Click(chromedp.CSS(`form[action="/web/do"] button`)), waitText("Geboekt"))
	b.check("booked")
	b.open("/web/rooms/book", "Ruimte boeken")
	b.check("rooms-book")
	b.signOut()

	// The director, a content manager, publishes an important item from the
	// editor, with the Markdown preview.
	b.signIn(signInLink(t, env, demo.NewsAuthor()))
	title := "Griepprik vanaf maandag"
	b.open("/web/news/new", "Nieuws plaatsen")
	b.do("write", chromedp.SetValue(chromedp.CSS("#f-title"), title),
		chromedp.SendKeys(chromedp.CSS("#f-body"), "Haal je *griepprik* op het kantoor in Utrecht."),
		chromedp.WaitVisible(chromedp.CSS(".preview strong")),
		chromedp.SetValue(chromedp.CSS("#f-important"), "yes"))
	b.check("editor")
	b.do("publish", chromedp.Click(chromedp.CSS(`form.core-form button[type="submit"]`)), waitText("Geplaatst als bericht"))
	id := regexp.MustCompile(`Geplaatst als bericht (\d+)`).FindStringSubmatch(b.text())[1]
	b.check("published")
	b.open("/web/news", title)
	b.check("news")
	b.open("/web/news/"+id, title)
	b.check("news-item")
	for _, page := range []struct{ path, text string }{
		{"/web/admin", "Beheer"}, {"/web/admin/people", "Bestand"}, {"/web/admin/rooms", "Zalen"},
		{"/web/admin/teams", "Teams"}, {"/web/admin/topics", "Onderwerpen"}, {"/web/admin/usage", "Gebruik"},
	} {
		b.open(page.path, page.text)
		b.check(strings.ReplaceAll(strings.TrimPrefix(page.path, "/web/"), "/", "-"))
	}
	b.signOut()

	// The item reaches the subscribed channel through the outbox.
	consoleUntil(t, env, "", []string{title}, "console", "--as", demo.User, "--channel", demo.TeamChannel)

	// Jan reads it on his home page and confirms.
	b.signIn(signInLink(t, env, demo.User))
	b.open("/web/", title)
	b.do("read", chromedp.Click(chromedp.CSS(`form:has(input[name="command"][value="/news read `+id+`"]) button`)), waitText("genoteerd dat je"))
	b.check("read")

	// Back on the director's side, the stats count Jan.
	b.signOut()
	b.signIn(signInLink(t, env, demo.NewsAuthor()))
	b.open("/web/news/"+id+"/stats", "1 van ")
	b.check("news-stats")
}

func (b *browser) text() string {
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}
