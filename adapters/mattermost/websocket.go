package mattermost

// Direct messages to the bot arrive as "posted" events on the bot's
// websocket (https://api.mattermost.com/#tag/WebSocket): data.post is a JSON
// string holding the post, data.channel_type is "D" in a direct channel.
// Every replica holds its own connection and so sees every DM; a claim in
// the shared state makes exactly one of them answer. Replies in a thread of
// a public or private channel the bot is a member of (channel_type "O" or
// "P", post.root_id set) reach the core with Request.Thread, as answers to a
// posted question or comments on a posted news item; the core's empty reply
// posts nothing, what it says in the channel goes into the thread, and what
// it says to the writer alone is an ephemeral post in the thread (a DM where
// the bot may not post those).

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"
	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/intranet"
)

// postedNamespace holds the ids of DMs a replica claimed, with the claim's
// unix time; claims older than postedKeep are removed now and then.
const (
	postedNamespace = "mattermost.posted"
	postedKeep      = 24 * time.Hour
)

// listen keeps the websocket open until ctx is done, reconnecting with
// backoff after a drop.
func (a *Adapter) listen(ctx context.Context) {
	wait := a.cfg.ReconnectBase
	lastCleanup := time.Time{}
	for ctx.Err() == nil {
		if time.Since(lastCleanup) > time.Hour {
			a.cleanupClaims(ctx)
			lastCleanup = time.Now()
		}
		healthy, err := a.session(ctx)
		if ctx.Err() != nil {
			return
		}
		if healthy {
			wait = a.cfg.ReconnectBase
		} else {
			// Mattermost closes a websocket whose token it refuses
			// without saying why: ask the REST API.
			a.checkToken(ctx)
		}
		a.log.Warn("websocket dropped", "err", err, "reconnect_in", wait.String())
		if a.cfg.Sleep(ctx, wait) != nil {
			return
		}
		if !healthy {
			wait = min(wait*2, a.cfg.ReconnectMax)
		}
	}
}

// session runs one websocket connection. It reports whether the connection
// got as far as the server's hello, so that backoff resets only after a
// working connection.
func (a *Adapter) session(ctx context.Context) (healthy bool, err error) {
	bot, err := a.botUserID(ctx)
	if err != nil {
		return false, err
	}
	dialer := &websocket.Dialer{Proxy: http.ProxyFromEnvironment, HandshakeTimeout: 15 * time.Second}
	ws, err := model.NewWebSocketClient4WithDialer(dialer, wsURL(a.cfg.URL), a.cfg.BotToken)
	if err != nil {
		return false, fmt.Errorf("connect websocket: %w", err)
	}
	ws.Listen()
	defer func() {
		ws.Close()
		go drain(ws)
	}()
	a.log.Info("websocket connected")
	events, responses, pings := ws.EventChannel, ws.ResponseChannel, ws.PingTimeoutChannel
	for {
		select {
		case <-ctx.Done():
			return healthy, nil
		case <-pings:
			return healthy, fmt.Errorf("websocket ping timeout")
		case r, ok := <-responses:
			if !ok {
				responses = nil
				continue
			}
			if r.Status == model.StatusFail && r.Error != nil {
				a.log.Error("websocket request failed", "seq_reply", r.SeqReply, "err", r.Error.Error())
			}
		case ev, ok := <-events:
			if !ok {
				if ws.ListenError != nil {
					return healthy, ws.ListenError
				}
				return healthy, fmt.Errorf("websocket closed")
			}
			switch ev.EventType() {
			case model.WebsocketEventHello:
				healthy = true
				a.tokenIs(ctx, tokenWorks, "websocket")
			case model.WebsocketEventPosted:
				healthy = true
				a.posted(ctx, bot, ev)
			}
		}
	}
}

// posted handles one posted event: a DM from a person becomes a text
// command, a reply in a channel thread a Request with Thread set.
func (a *Adapter) posted(ctx context.Context, bot string, ev *model.WebSocketEvent) {
	data := ev.GetData()
	t, _ := data["channel_type"].(string)
	if t != string(model.ChannelTypeDirect) && t != string(model.ChannelTypeOpen) && t != string(model.ChannelTypePrivate) {
		return
	}
	raw, _ := data["post"].(string)
	post, ok := parsePostedPost(raw)
	if !ok {
		a.log.Warn("posted event without a readable post")
		return
	}
	thread := t != string(model.ChannelTypeDirect)
	if thread && post.RootId == "" {
		return // a channel message outside a thread
	}
	if post.UserId == bot || post.UserId == "" || post.Type != "" || isBotPost(post) {
		return
	}
	sender, _ := data["sender_name"].(string)
	select {
	case a.inflight <- struct{}{}:
	case <-ctx.Done():
		return
	}
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		defer func() { <-a.inflight }()
		a.answerPost(context.WithoutCancel(ctx), post, strings.TrimPrefix(sender, "@"), thread)
	}()
}

// parsePostedPost decodes the post inside a posted event (a JSON string).
func parsePostedPost(raw string) (*model.Post, bool) {
	if raw == "" {
		return nil, false
	}
	var p model.Post
	if err := json.Unmarshal([]byte(raw), &p); err != nil || p.Id == "" || p.ChannelId == "" {
		return nil, false
	}
	return &p, true
}

// isBotPost reports posts made by bots and integrations, which the bot must
// not answer (two bots would talk for ever).
func isBotPost(p *model.Post) bool {
	for _, k := range []string{model.PostPropsFromBot, model.PostPropsFromWebhook, model.PostPropsFromPlugin} {
		switch v := p.GetProp(k).(type) {
		case string:
			if v == "true" {
				return true
			}
		case bool:
			if v {
				return true
			}
		}
	}
	return false
}

func (a *Adapter) answerDM(ctx context.Context, post *model.Post, sender string) {
	a.answerPost(ctx, post, sender, false)
}

// answerPost answers a DM, or hands a thread reply to the core and posts in
// the thread only what the core says (nothing for an empty reply or a
// failure, which is logged).
func (a *Adapter) answerPost(ctx context.Context, post *model.Post, sender string, thread bool) {
	ctx, cancel := context.WithTimeout(ctx, lateTimeout)
	defer cancel()
	won, err := a.state.ClaimState(ctx, postedNamespace, post.Id, strconv.FormatInt(a.cfg.Now().Unix(), 10))
	if err != nil {
		a.log.Error("claim dm", "err", err, "post_id", post.Id)
		return
	}
	if !won {
		return // another replica answers it
	}
	user := a.identify(ctx, post.UserId, sender)
	text := strings.TrimSpace(post.Message)
	var reply intranet.Reply
	if thread && (text == "" || utf8.RuneCountInString(text) > intranet.MaxTextLength) {
		return
	} else if utf8.RuneCountInString(text) > intranet.MaxTextLength {
		a.log.Warn("dm refused", "reason", "text too long", "user_id", post.UserId)
		reply = intranet.Reply{Text: fmt.Sprintf(pick(a.langFor(user) == "nl", "Je bericht is te lang (hoogstens %d tekens).", "Your message is too long (at most %d characters)."), intranet.MaxTextLength)}
	} else if text == "" {
		return
	} else {
		req := intranet.Request{
			Platform:     intranet.PlatformMattermost,
			Installation: a.cfg.Installation,
			User:         user,
			Channel:      a.withShared(ctx, intranet.Channel{ID: post.ChannelId, Direct: !thread}),
			Text:         text,
		}
		if thread {
			req.Thread = &intranet.MessageRef{Platform: intranet.PlatformMattermost, Installation: a.cfg.Installation, ChannelID: post.ChannelId, ID: post.RootId}
		}
		reply, err = a.core.Handle(ctx, req)
		if thread {
			a.logFailure(err, "thread reply")
			if err != nil || reply.Empty() {
				return
			}
		} else {
			a.logFailure(err, "dm")
		}
	}
	if thread && reply.Visibility != intranet.InChannel {
		a.answerPrivately(ctx, post, reply)
		return
	}
	out := Render(reply, a.renderOptions()).Post(post.ChannelId)
	out.RootId = post.RootId
	if _, err := a.post(ctx, out, "dm-answer:"+post.Id); err != nil {
		a.log.Error("answer dm", "err", err, "post_id", post.Id)
	}
}

// answerPrivately shows the answer to a thread reply to its writer alone:
// an ephemeral post in the thread, or, where the bot may not post those,
// a DM.
func (a *Adapter) answerPrivately(ctx context.Context, post *model.Post, reply intranet.Reply) {
	m := Render(reply, a.renderOptions())
	pe := m.Post(post.ChannelId)
	pe.RootId = post.RootId
	if err := a.postEphemeralPost(ctx, post.UserId, pe); err == nil {
		return
	}
	_, err := a.Deliver(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformMattermost, Installation: a.cfg.Installation, UserID: post.UserId},
		Reply: reply, Key: "thread-answer:" + post.Id})
	if err != nil {
		a.log.Error("answer thread reply", "err", err, "post_id", post.Id)
	}
}

// cleanupClaims removes DM claims older than postedKeep, so the namespace
// does not grow for ever; every replica's events arrive within seconds.
func (a *Adapter) cleanupClaims(ctx context.Context) {
	claims, err := a.state.StateList(ctx, postedNamespace)
	if err != nil {
		a.log.Warn("list dm claims", "err", err)
		return
	}
	cutoff := a.cfg.Now().Add(-postedKeep).Unix()
	for k, v := range claims {
		if t, err := strconv.ParseInt(v, 10, 64); err != nil || t < cutoff {
			_ = a.state.DeleteState(ctx, postedNamespace, k)
		}
	}
}

// drain reads what a closed client still delivers, so that its reader and
// ping goroutines, which block on full channels, can end.
func drain(ws *model.WebSocketClient) {
	events, responses := ws.EventChannel, ws.ResponseChannel
	for events != nil || responses != nil {
		select {
		case _, ok := <-events:
			if !ok {
				events = nil
			}
		case _, ok := <-responses:
			if !ok {
				responses = nil
			}
		case <-ws.PingTimeoutChannel:
		}
	}
}

// wsURL turns the server URL into its websocket base URL.
func wsURL(u string) string {
	u = strings.TrimRight(u, "/")
	switch {
	case strings.HasPrefix(u, "https://"):
		return "wss://" + u[len("https://"):]
	case strings.HasPrefix(u, "http://"):
		return "ws://" + u[len("http://"):]
	}
	return u
}
