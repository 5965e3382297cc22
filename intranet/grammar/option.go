package grammar

import (
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet/when"
)

// options takes the key:value options (and trailing flags) out of the
// tokens and returns the rest.
func (p *parser) options(toks []Token) ([]Token, error) {
	var rest []Token
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Key == "" || t.Quoted {
			rest = append(rest, t)
			continue
		}
		o := p.option(t.Key)
		if o == nil {
			if p.sub.freeText() {
				rest = append(rest, t)
				continue
			}
			return nil, p.unknownOption(t)
		}
		if _, twice := p.values[o.Key.EN]; twice {
			return nil, errorf(p.cmd, p.sub, "`%s:` staat er twee keer.", "`%s:` is given twice.", t.Key)
		}
		value, quoted := t.Value, t.ValueQuoted
		if value == "" && !quoted {
			// "dept: zorg": a phone put a space after the colon.
			if i+1 < len(toks) && toks[i+1].Key == "" && toks[i+1].Text != "|" {
				i++
				value, quoted = toks[i].Text, toks[i].Quoted
			} else {
				return nil, errorf(p.cmd, p.sub, "Achter `%s:` mist de waarde.", "`%s:` has no value.", t.Key)
			}
		}
		if p.rest && o.Rest && o.Kind == Text && !quoted {
			for i+1 < len(toks) && toks[i+1].Key == "" && !toks[i+1].Quoted && toks[i+1].Text != "|" && p.flag(toks[i+1]) == nil {
				i++
				value += " " + toks[i].Raw
			}
		}
		v, used, err := p.optionValue(o, t.Key, value, quoted, toks[i+1:])
		if err != nil {
			return nil, err
		}
		p.values[o.Key.EN] = v
		i += used
	}
	// Flags written as a word: at the end of free text ("… important"), or
	// anywhere in a command that takes none.
	for i := len(rest) - 1; i >= 0; i-- {
		o := p.flag(rest[i])
		if o == nil {
			if p.sub.freeText() {
				break
			}
			continue
		}
		if _, twice := p.values[o.Key.EN]; !twice {
			p.values[o.Key.EN] = Value{Kind: Flag, Flag: true, Text: o.Key.EN, Typed: rest[i].Raw}
		}
		rest = append(rest[:i:i], rest[i+1:]...)
	}
	return rest, nil
}

func (p *parser) option(key string) *Option {
	for i := range p.sub.Options {
		if p.sub.Options[i].Key.Is(key) {
			return &p.sub.Options[i]
		}
	}
	return nil
}

func (p *parser) flag(t Token) *Option {
	if t.Quoted || t.Key != "" {
		return nil
	}
	for i := range p.sub.Options {
		if o := &p.sub.Options[i]; o.Kind == Flag && o.Key.Is(t.Text) {
			return o
		}
	}
	return nil
}

func (p *parser) unknownOption(t Token) error {
	var keys []string
	for _, o := range p.sub.Options {
		keys = append(keys, "`"+o.Key.EN+":`")
	}
	if len(keys) == 0 {
		return errorf(p.cmd, p.sub, "`%s:` ken ik niet: hier horen geen opties.", "I don't know `%s:`: this takes no options.", t.Key)
	}
	return errorf(p.cmd, p.sub, "`%s:` ken ik niet; hier kan %s.", "I don't know `%s:`; this takes %s.", t.Key, strings.Join(keys, ", "))
}

// optionValue reads an option's value by its kind. A date and time may go
// on in the words after it ("publish:morgen 09:00"); used says how many of
// those it took.
func (p *parser) optionValue(o *Option, key, value string, quoted bool, after []Token) (Value, int, error) {
	v := Value{Kind: o.Kind, Typed: value}
	bad := func(nl, en string, args ...any) (Value, int, error) {
		return v, 0, errorf(p.cmd, p.sub, nl, en, args...)
	}
	words := strings.Fields(value)
	switch o.Kind {
	case Text, Name, Person, Room, Team, Topic, Department, Skill:
		v.Text, v.Quoted = value, quoted
		return v, 0, nil
	case Number, ID, Count:
		n, err := strconv.ParseInt(strings.TrimPrefix(value, "#"), 10, 64)
		if err != nil || n < 0 || n > 1e9 {
			return bad("`%s:%s` is geen getal.", "`%s:%s` is not a number.", key, value)
		}
		v.Number = n
		return v, 0, nil
	case Flag:
		on, ok := ReadOnOff(value)
		if !ok {
			return bad("`%s:%s`: kies `ja` of `nee`.", "`%s:%s`: choose `yes` or `no`.", key, value)
		}
		v.Flag = on
		return v, 0, nil
	case Choice:
		for _, c := range o.Choices {
			if c.Is(value) {
				v.Text = c.EN
				return v, 0, nil
			}
		}
		return bad("`%s:%s` kan niet; kies %s.", "`%s:%s` is not possible; choose %s.", key, value, choiceList(o.Choices))
	case Dates:
		for _, piece := range strings.Split(value, ",") {
			w := strings.Fields(piece)
			if len(w) == 0 {
				continue
			}
			d, ok, err := when.ReadDate(w, p.today, p.cmd.Direction)
			switch {
			case err != nil:
				return v, 0, fromWhen(p.cmd, p.sub, err)
			case !ok || d.Words != len(w):
				return bad("`%s` is geen datum.", "`%s` is not a date.", strings.TrimSpace(piece))
			}
			v.Dates = append(v.Dates, d)
		}
		if len(v.Dates) == 0 {
			return bad("Achter `%s:` mist de waarde.", "`%s:` has no value.", key)
		}
		return v, 0, nil
	case Duration:
		d, n, ok, err := when.ReadDuration(words, time.Hour)
		if err != nil {
			return v, 0, fromWhen(p.cmd, p.sub, err)
		}
		if !ok || n != len(words) {
			return bad("`%s:%s` is geen tijdsduur; schrijf bijvoorbeeld `4u` of `90m`.", "`%s:%s` is not a length of time; write e.g. `4h` or `90m`.", key, value)
		}
		v.Duration = d
		return v, 0, nil
	case TimeRange:
		from, to, err := when.ParseTimeRange(value)
		if err != nil {
			return v, 0, fromWhen(p.cmd, p.sub, err)
		}
		v.Slot = when.Slot{From: from, To: to}
		return v, 0, nil
	case Date, DateTime:
		all := append([]string(nil), words...)
		if !quoted {
			for _, t := range after {
				if t.Key != "" || t.Quoted {
					break
				}
				all = append(all, t.Text)
			}
		}
		var n int
		var ok bool
		var err error
		if o.Kind == Date {
			v.Date, ok, err = when.ReadDate(all, p.today, p.cmd.Direction)
			n = v.Date.Words
		} else {
			v.DateTime, n, ok, err = when.ReadDateTime(all, p.today, p.cmd.Direction)
		}
		switch {
		case err != nil:
			return v, 0, fromWhen(p.cmd, p.sub, err)
		case !ok || n < len(words):
			return bad("`%s:%s` is geen datum.", "`%s:%s` is not a date.", key, value)
		}
		return v, n - len(words), nil
	}
	return bad("`%s:` ken ik niet.", "I don't know `%s:`.", key)
}

func choiceList(cs []Word) string {
	var s []string
	for _, c := range cs {
		s = append(s, "`"+c.EN+"`")
	}
	return strings.Join(s, ", ")
}
