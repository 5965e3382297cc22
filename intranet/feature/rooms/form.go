package rooms

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/when"
)

// bookFormID is the id of the booking form.
const bookFormID = "room.book"

// bookSub is the declaration of /room book.
func bookSub() *grammar.Sub {
	for i := range Command.Subs {
		if Command.Subs[i].Name() == "book" {
			return &Command.Subs[i]
		}
	}
	panic("rooms: /room book is not declared")
}

// FormIDs returns the booking form's id.
func (u *Unit) FormIDs() []string { return []string{bookFormID} }

// form answers /room book alone with the booking form; adapters without
// forms show the typed command instead.
func (u *Unit) form(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	rooms, err := u.rooms(ctx, c, false)
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(rooms) == 0 {
		return c.Reply(noRoomsYet(c)), nil
	}
	if isPartner(c) {
		// Forms are for employees (the router takes none from a guest):
		// a partner gets the typed command and the rooms they may book.
		return c.Reply(bookUsage(c) + " " + visitorRoomsAre(c, rooms)), nil
	}
	return intranet.Reply{Lang: c.Lang, Text: bookUsage(c), Form: u.bookForm(c, rooms, nil)}, nil
}

// HandleForm books from a submitted booking form, or shows the form again
// with the mistake next to its field. The fields are read as the typed
// command they make, by the same grammar.
func (u *Unit) HandleForm(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	values := map[string]string{}
	for k, v := range c.Req.Form.Values {
		values[k] = strings.TrimSpace(v)
	}
	again := func(reply intranet.Reply, field string) (intranet.Reply, error) {
		rooms, err := u.cfg.Rooms.Rooms(ctx, false)
		if err != nil {
			return intranet.Reply{}, err
		}
		reply.Form = u.bookForm(c, rooms, values)
		reply.FieldErrors = map[string]string{field: reply.Text}
		return reply, nil
	}
	for _, k := range []string{"room", "date", "from", "to"} {
		if values[k] == "" {
			return again(c.Reply(fillIn(c)), k)
		}
	}
	p, field, msg := u.readForm(c, values)
	if msg != "" {
		return again(c.Reply(msg), field)
	}
	call := *c
	call.Cmd = p
	reply, field, err := u.book(ctx, &call)
	if err != nil {
		return reply, err
	}
	if field == "" {
		// What the router adds to a typed command: the year read for a far date.
		reply.Context = append(reply.Context, p.Notes(c.Lang)...)
		return reply, nil
	}
	return again(reply, field)
}

// readForm writes the form's fields as the typed command and reads it
// with the grammar, adding one field at a time, so that a mistake belongs
// to the field that brought it.
func (u *Unit) readForm(c *feature.Call, v map[string]string) (p *grammar.Parsed, field, problem string) {
	for _, k := range []string{"from", "to"} {
		if _, err := when.ParseClock(v[k]); err != nil {
			return nil, k, whenMessage(c, err)
		}
	}
	if words := strings.Fields(v["repeat"]); len(words) > 0 {
		_, n, ok, err := when.ReadRepeat(words, u.cfg.Today(), Command.Direction)
		switch {
		case err != nil:
			return nil, "repeat", whenMessage(c, err)
		case !ok || n != len(words):
			return nil, "repeat", notARepeat(c, v["repeat"])
		}
	}
	steps := []struct{ field, text string }{
		{"", fmt.Sprintf("/%s book %s %s %s-%s", Command.Word.EN, formValue(v["room"]), v["date"], v["from"], v["to"])},
		{"title", formValue(v["title"])},
		{"repeat", v["repeat"]},
	}
	text := ""
	for _, s := range steps {
		if s.text == "" {
			continue
		}
		text = strings.TrimSpace(text + " " + s.text)
		var err error
		p, err = u.grammar.Parse(text, u.cfg.Today())
		var e *grammar.Error
		switch {
		case errors.As(err, &e) && s.field == "":
			return nil, slotField(e, v), e.Message(c.Lang)
		case errors.As(err, &e):
			return nil, s.field, e.Message(c.Lang)
		case err != nil:
			return nil, "room", err.Error()
		}
	}
	if v["repeat"] != "" && !p.Has("repeat") {
		return nil, "repeat", notARepeat(c, v["repeat"])
	}
	return p, "", ""
}

// formValue writes a field's text as one value of the typed command.
func formValue(s string) string {
	if s == "" {
		return ""
	}
	if q, ok := grammar.Quote(s); ok {
		return q
	}
	return `"` + strings.NewReplacer(`"`, "", "“", "", "”", "").Replace(s) + `"`
}

// slotField is the field a mistake in the date and times names: the value
// it quotes.
func slotField(e *grammar.Error, v map[string]string) string {
	switch {
	case strings.Contains(e.EN, "`"+v["from"]+"-"+v["to"]+"`"):
		return "to" // the end is not after the start
	case strings.Contains(e.EN, "`"+v["from"]+"`"):
		return "from"
	case strings.Contains(e.EN, "`"+v["to"]+"`"):
		return "to"
	}
	return "date"
}

// whenMessage is a reading mistake of package when in the caller's language.
func whenMessage(c *feature.Call, err error) string {
	var e *when.Error
	if errors.As(err, &e) {
		return e.Message(c.Lang)
	}
	return err.Error()
}
