package grammar

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet/when"
)

// Value is one argument or option as the parser read it. Which fields are
// set depends on its kind.
type Value struct {
	Kind Kind
	// Text is the words of a textual value (quotes kept inside a run of
	// several words), the English word of a Choice, or what was typed.
	Text string
	// Quoted is true when the whole value was one quoted phrase: the
	// person asks for that exact name.
	Quoted   bool
	Number   int64
	Date     when.DateRead
	Clock    when.Clock
	Weekday  time.Weekday
	Slot     when.Slot
	DateTime when.DateTime
	Duration time.Duration
	Repeat   when.Repeat
	Dates    []when.DateRead
	Flag     bool
	Week     when.WeekRead
	Month    when.MonthRead
	Worked   when.Worked
	// Km is a Km value's distance.
	Km float64
	// Typed is the value as it was typed.
	Typed string
}

// String writes the value in the canonical form the parser reads back to
// the same value.
func (v Value) String() string {
	switch v.Kind {
	case Number, ID:
		return strconv.FormatInt(v.Number, 10)
	case Count:
		return strconv.FormatInt(v.Number, 10)
	case Date:
		return v.Date.Date.String()
	case Clock:
		return v.Clock.String()
	case Weekday:
		return weekdayEN[v.Weekday]
	case TimeRange:
		return fmt.Sprintf("%s-%s", v.Slot.From, v.Slot.To)
	case Slot:
		return v.Slot.String()
	case DateTime:
		return v.DateTime.String()
	case Duration:
		if v.Duration%time.Hour == 0 {
			return fmt.Sprintf("%dh", int(v.Duration/time.Hour))
		}
		return fmt.Sprintf("%dm", int(v.Duration/time.Minute))
	case Repeat:
		return v.Repeat.String()
	case Dates:
		var s []string
		for _, d := range v.Dates {
			s = append(s, d.Date.String())
		}
		return strings.Join(s, ",")
	case Flag:
		if v.Flag {
			return "yes"
		}
		return "no"
	case Choice, Literal:
		return v.Text
	case Week:
		return v.Week.Week.String()
	case Month:
		return v.Month.Month.String()
	case Worked:
		return v.Worked.String()
	case Km:
		return strconv.FormatFloat(v.Km, 'f', -1, 64)
	}
	if q, ok := Quote(v.Text); ok {
		return q
	}
	return v.Text
}

var weekdayEN = [...]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// Parsed is a command as the parser read it.
type Parsed struct {
	Command *Command
	// Sub is the form that matched; nil with Help for the command's help.
	Sub *Sub
	// Help is set when the person asked for help ("/room help", "/room
	// book help"): the command's (or with Sub, the subcommand's) help.
	Help bool
	// Empty is set for a subcommand with a form typed without arguments.
	Empty  bool
	values map[string]Value
	// today is the date the parse was made on, for read-backs.
	today when.Date
}

// Value returns a value by argument or option name; ok is false when it
// was not given.
func (p *Parsed) Value(name string) (Value, bool) {
	v, ok := p.values[name]
	return v, ok
}

// Has reports whether a value was given.
func (p *Parsed) Has(name string) bool {
	_, ok := p.values[name]
	return ok
}

// Text returns a textual value, a Choice's English word, "" when not given.
func (p *Parsed) Text(name string) string { return p.values[name].Text }

// Quoted reports whether a textual value was one quoted phrase.
func (p *Parsed) Quoted(name string) bool { return p.values[name].Quoted }

// Number returns a Number, ID or Count, 0 when not given.
func (p *Parsed) Number(name string) int64 { return p.values[name].Number }

// Date returns a Date value.
func (p *Parsed) Date(name string) (when.Date, bool) {
	v, ok := p.values[name]
	return v.Date.Date, ok
}

// Slot returns a Slot or TimeRange value.
func (p *Parsed) Slot(name string) (when.Slot, bool) {
	v, ok := p.values[name]
	return v.Slot, ok
}

// DateTime returns a DateTime value.
func (p *Parsed) DateTime(name string) (when.DateTime, bool) {
	v, ok := p.values[name]
	return v.DateTime, ok
}

// Clock returns a Clock value.
func (p *Parsed) Clock(name string) (when.Clock, bool) {
	v, ok := p.values[name]
	return v.Clock, ok
}

// Weekday returns a Weekday value.
func (p *Parsed) Weekday(name string) (time.Weekday, bool) {
	v, ok := p.values[name]
	return v.Weekday, ok
}

// Duration returns a Duration value.
func (p *Parsed) Duration(name string) (time.Duration, bool) {
	v, ok := p.values[name]
	return v.Duration, ok
}

// Repeat returns a Repeat value, nil when not given.
func (p *Parsed) Repeat(name string) *when.Repeat {
	v, ok := p.values[name]
	if !ok {
		return nil
	}
	r := v.Repeat
	return &r
}

// Dates returns a Dates value.
func (p *Parsed) Dates(name string) []when.Date {
	var out []when.Date
	for _, d := range p.values[name].Dates {
		out = append(out, d.Date)
	}
	return out
}

// Week returns a Week value.
func (p *Parsed) Week(name string) (when.Week, bool) {
	v, ok := p.values[name]
	return v.Week.Week, ok
}

// Month returns a Month value.
func (p *Parsed) Month(name string) (when.Month, bool) {
	v, ok := p.values[name]
	return v.Month.Month, ok
}

// Worked returns a Worked value.
func (p *Parsed) Worked(name string) (when.Worked, bool) {
	v, ok := p.values[name]
	return v.Worked, ok
}

// Km returns a Km value.
func (p *Parsed) Km(name string) (float64, bool) {
	v, ok := p.values[name]
	return v.Km, ok
}

// Flag returns a Flag option: its value and whether it was given.
func (p *Parsed) Flag(name string) (on, given bool) {
	v, ok := p.values[name]
	return v.Flag, ok
}

// Set returns a copy of p with a value replaced (or added), for a button
// that keeps everything else the person typed: a did-you-mean with the
// right room, another time of the same booking.
func (p *Parsed) Set(name string, v Value) *Parsed {
	out := *p
	out.values = make(map[string]Value, len(p.values)+1)
	for k, x := range p.values {
		out.values[k] = x
	}
	out.values[name] = v
	return &out
}

// SetText returns a copy of p with a textual value replaced by an exact name.
func (p *Parsed) SetText(name, text string) *Parsed {
	v := p.values[name]
	v.Text, v.Quoted, v.Typed = text, true, text
	if v.Kind == 0 && !p.Has(name) {
		v.Kind = Name
	}
	return p.Set(name, v)
}

// Without returns a copy of p without a value.
func (p *Parsed) Without(name string) *Parsed {
	out := p.Set(name, Value{})
	delete(out.values, name)
	return out
}

// String writes the command in its canonical form, in English words, with
// dates as 2026-12-08: the command a button runs again.
func (p *Parsed) String() string {
	parts := []string{"/" + p.Command.Word.EN}
	if p.Sub == nil {
		if p.Help {
			parts = append(parts, "help")
		}
		return strings.Join(parts, " ")
	}
	for _, w := range p.Sub.Path {
		parts = append(parts, w.EN)
	}
	if p.Help {
		return strings.Join(append(parts, "help"), " ")
	}
	for _, a := range p.Sub.Args {
		v, ok := p.values[a.Name]
		if !ok {
			continue
		}
		switch a.Kind {
		case Literal:
			parts = append(parts, a.Word.EN)
		case Count:
			parts = append(parts, v.String(), a.Word.EN)
		default:
			parts = append(parts, v.String())
		}
	}
	for _, o := range p.Sub.Options {
		v, ok := p.values[o.Key.EN]
		if !ok {
			continue
		}
		s := v.String()
		// A choice of several words ("for sale") is quoted as text is.
		if o.Kind.textual() || o.Kind == Text || o.Kind == Choice {
			if q, ok := QuoteValue(v.Text); ok {
				s = q
			}
		}
		parts = append(parts, o.Key.EN+":"+s)
	}
	return strings.Join(parts, " ")
}

// QuoteValue writes an option's text so that key:value reads it back: as
// it is when that reads back whole (one plain word, a mention), else
// between quotes that do.
func QuoteValue(text string) (string, bool) {
	for _, q := range [][2]string{{"", ""}, {`"`, `"`}, {"'", "'"}, {"«", "»"}} {
		s := q[0] + text + q[1]
		if t := Tokenize("k:" + s); len(t) == 1 && t[0].Key == "k" && t[0].Value == text && t[0].ValueQuoted == (q[0] != "") {
			return s, true
		}
	}
	return text, false
}

// Notes are read-backs for the reply: a date more than 60 days away that
// was written without a year, with the year it was read as.
func (p *Parsed) Notes(lang string) []string {
	var out []string
	var names []string
	for n := range p.values {
		names = append(names, n)
	}
	sort.Strings(names)
	note := func(d when.DateRead) {
		if d.Words > 0 && d.Far(p.today) {
			if lang == "nl" {
				out = append(out, fmt.Sprintf("`%s` gelezen als %s.", d.Typed, d.Date.Format("nl")))
			} else {
				out = append(out, fmt.Sprintf("`%s` read as %s.", d.Typed, d.Date.Format("en")))
			}
		}
	}
	for _, n := range names {
		v := p.values[n]
		switch v.Kind {
		case Date:
			note(v.Date)
		case Slot:
			note(v.Slot.DateRead)
		case DateTime:
			note(v.DateTime.DateRead)
		case Repeat:
			note(v.Repeat.UntilRead)
		case Dates:
			for _, d := range v.Dates {
				note(d)
			}
		}
	}
	return out
}
