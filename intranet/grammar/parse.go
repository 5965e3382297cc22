package grammar

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet/when"
)

// Parse reads a typed command ("/room book "De Dom" morgen 10-11",
// "zaal boek …" in a direct message). today is the current date in the
// organisation's time zone. It returns *UnknownCommand for a first word
// that names no command, and *Error for a mistake in a known command.
func (g *Grammar) Parse(text string, today when.Date) (*Parsed, error) {
	toks := Tokenize(text)
	if len(toks) == 0 {
		return nil, &UnknownCommand{}
	}
	cmd := g.Find(toks[0].Text)
	if cmd == nil || toks[0].Quoted || toks[0].Key != "" {
		return nil, &UnknownCommand{Word: strings.ToLower(strings.TrimPrefix(toks[0].Text, "/"))}
	}
	return parseCommand(cmd, toks[1:], text, today)
}

func parseCommand(cmd *Command, toks []Token, text string, today when.Date) (*Parsed, error) {
	if len(toks) == 1 && isHelpToken(toks[0]) {
		return &Parsed{Command: cmd, Help: true, today: today}, nil
	}
	var def *Sub
	var sub *Sub
	n := 0
	for i := range cmd.Subs {
		s := &cmd.Subs[i]
		if len(s.Path) == 0 {
			def = s
			continue
		}
		if len(s.Path) > n && len(s.Path) <= len(toks) && pathMatches(s.Path, toks) {
			sub, n = s, len(s.Path)
		}
	}
	if sub != nil {
		rest := toks[n:]
		if len(rest) == 1 && isHelpToken(rest[0]) {
			return &Parsed{Command: cmd, Sub: sub, Help: true, today: today}, nil
		}
		p, err, nothingFits := parseSub(cmd, sub, rest, text, today)
		if err == nil {
			return p, nil
		}
		// "/ask close the window?" is a question, not /ask close: a word
		// of a subcommand whose first argument does not fit is the start
		// of free text.
		if cmd.TextFallback && !sub.NoFallback && def != nil && len(rest) > 0 && nothingFits {
			if p, derr, _ := parseSub(cmd, def, toks, text, today); derr == nil {
				return p, nil
			}
		}
		if nothingFits && len(rest) > 0 {
			if forms := longer(cmd, sub); len(forms) > 0 {
				// "/room admin foo": name the forms that go on from here.
				typed := "/" + cmd.Word.EN + " " + sub.Name() + " " + rest[0].Raw
				return nil, &Error{NL: fmt.Sprintf("`%s` ken ik niet; wel: %s.", typed, usages(cmd, forms, "nl")),
					EN: fmt.Sprintf("I don't know `%s`; these I do: %s.", typed, usages(cmd, forms, "en")), Command: cmd}
			}
		}
		return nil, err
	}
	// A first word that only begins subcommands ("/ask expert foo", "/team
	// member foo"): name the forms that go on from it, unless free text
	// may start with it.
	if len(toks) > 0 && !toks[0].Quoted && toks[0].Key == "" {
		var forms []*Sub
		strict := def == nil || !cmd.TextFallback
		for i := range cmd.Subs {
			if s := &cmd.Subs[i]; len(s.Path) > 1 && s.Path[0].Is(toks[0].Text) {
				forms = append(forms, s)
				strict = strict || s.NoFallback
			}
		}
		if len(forms) > 0 && strict {
			typed := "/" + cmd.Word.EN + " " + forms[0].Path[0].EN
			if len(toks) > 1 {
				typed += " " + toks[1].Raw
			}
			return nil, &Error{NL: fmt.Sprintf("`%s` ken ik niet; wel: %s.", typed, usages(cmd, forms, "nl")),
				EN: fmt.Sprintf("I don't know `%s`; these I do: %s.", typed, usages(cmd, forms, "en")), Command: cmd}
		}
	}
	if def == nil {
		if len(toks) == 0 {
			return &Parsed{Command: cmd, Help: true, today: today}, nil
		}
		return nil, errorf(cmd, nil, "`/%s %s` ken ik niet.", "I don't know `/%s %s`.", cmd.Word.EN, toks[0].Raw)
	}
	p, err, _ := parseSub(cmd, def, toks, text, today)
	return p, err
}

// longer returns the forms whose path goes on from sub's.
func longer(cmd *Command, sub *Sub) []*Sub {
	var out []*Sub
	for i := range cmd.Subs {
		s := &cmd.Subs[i]
		if len(s.Path) > len(sub.Path) && strings.HasPrefix(s.Name()+" ", sub.Name()+" ") {
			out = append(out, s)
		}
	}
	return out
}

func usages(cmd *Command, subs []*Sub, lang string) string {
	var u []string
	for _, s := range subs {
		u = append(u, "`"+Usage(cmd, s, lang)+"`")
	}
	return strings.Join(u, ", ")
}

func isHelpToken(t Token) bool { return !t.Quoted && t.Key == "" && IsHelp(t.Text) }

func pathMatches(path []Word, toks []Token) bool {
	for i, w := range path {
		if toks[i].Quoted || toks[i].Key != "" || !w.Is(toks[i].Text) {
			return false
		}
	}
	return true
}

// parser matches the tokens of one subcommand against its arguments.
type parser struct {
	cmd    *Command
	sub    *Sub
	toks   []Token
	text   string
	today  when.Date
	values map[string]Value
	// strong is a mistake that ends the parse: a value that is clearly
	// meant as an argument but wrong ("gisteren", "25:00").
	strong error
	// The furthest point where an argument was looked for and not found,
	// for the message when nothing fits.
	failAt  int
	failArg *Arg
	failed  bool
	// mismatch is, per argument, the last token it was tried at and did
	// not fit, to name that token rather than say the argument is missing
	// at the end ("/team approval Pool misschien").
	mismatch map[*Arg]int
}

// parseSub reads the tokens of one form of a command. nothingFits is set
// when the mistake is at the very first token (no option was wrong and no
// argument fitted), so that free text may be meant instead.
func parseSub(cmd *Command, sub *Sub, toks []Token, text string, today when.Date) (parsed *Parsed, err error, nothingFits bool) {
	p := &parser{cmd: cmd, sub: sub, text: text, today: today, values: map[string]Value{}, failAt: -1, mismatch: map[*Arg]int{}}
	if sub.Form && len(toks) == 0 {
		return &Parsed{Command: cmd, Sub: sub, Empty: true, values: p.values, today: today}, nil, false
	}
	rest, err := p.options(toks)
	if err != nil {
		return nil, err, false
	}
	p.toks = rest
	if !p.match(0, 0) {
		if p.strong != nil {
			return nil, fromWhen(cmd, sub, p.strong), false
		}
		return nil, p.failure(), p.failAt == 0 && len(p.values) == 0 && len(rest) == len(toks)
	}
	return &Parsed{Command: cmd, Sub: sub, values: p.values, today: today}, nil, false
}

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
		switch strings.ToLower(value) {
		case "yes", "ja", "on", "aan", "true", "1":
			v.Flag = true
		case "no", "nee", "off", "uit", "false", "0":
		default:
			return bad("`%s:%s`: kies `ja` of `nee`.", "`%s:%s`: choose `yes` or `no`.", key, value)
		}
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

// match tries to read the arguments from ai on out of the tokens from ti
// on, backtracking over where runs of words end.
func (p *parser) match(ai, ti int) bool {
	if p.strong != nil {
		return false
	}
	args := p.sub.Args
	if ai == len(args) {
		if ti == len(p.toks) {
			return true
		}
		p.fail(ti, nil)
		return false
	}
	a := &args[ai]
	if a.Kind.textual() {
		kmin := 1
		if a.Optional {
			kmin = 0
		}
		var ks []int
		if ai > 0 && p.sub.Args[ai-1].Kind == Literal && !p.has(p.sub.Args[ai-1].Name) {
			// The text after a sign comes only after the sign: without "|"
			// an edit's words are its title, not its text.
			if !a.Optional {
				p.fail(ti, &p.sub.Args[ai-1])
				return false
			}
			return p.match(ai+1, ti)
		}
		if bar := p.literalAt(ai, ti); bar-ti >= kmin {
			// "Nieuwe titel | Tekst": the words up to the sign first.
			ks = append(ks, bar-ti)
		}
		for k := kmin; ti+k <= len(p.toks); k++ {
			if len(ks) == 0 || k != ks[0] {
				ks = append(ks, k)
			}
		}
		for _, k := range ks {
			if k > 0 && !p.runFits(ai, ti, k) {
				break
			}
			if k > 0 && p.dateInsteadOf(ai, ti, k) {
				nl, en := a.placeholders()
				p.strong = &Error{NL: "Ik mis `" + nl + "` vóór `" + p.toks[ti].Raw + "`.", EN: "`" + en + "` is missing before `" + p.toks[ti].Raw + "`.", Command: p.cmd, Sub: p.sub}
				return false
			}
			if k > 0 {
				p.values[a.Name] = p.run(a, ti, k)
			}
			if p.match(ai+1, ti+k) {
				return true
			}
			delete(p.values, a.Name)
			if p.strong != nil {
				return false
			}
		}
		if !a.Optional {
			p.fail(ti, a)
		}
		return false
	}
	v, n, ok, err := p.read(a, ti)
	if err != nil {
		p.strong = err
		return false
	}
	if ok {
		p.values[a.Name] = v
		if p.match(ai+1, ti+n) {
			return true
		}
		delete(p.values, a.Name)
		if p.strong != nil {
			return false
		}
	}
	if a.Optional {
		switch a.Kind {
		case Choice, Date, ID, Number, Weekday, Clock:
			if ti < len(p.toks) {
				p.fail(ti, a) // "fr" where nl|en may stand: name the choices
			}
		}
		return p.match(ai+1, ti)
	}
	p.fail(ti, a)
	return false
}

// dateInsteadOf reports whether the k words from ti, taken as argument ai's
// text, are a date that starts the date argument after it: "/room book
// morgen 10-11" lacks the room, it is not a room called "morgen".
func (p *parser) dateInsteadOf(ai, ti, k int) bool {
	if ai+1 >= len(p.sub.Args) {
		return false
	}
	next := &p.sub.Args[ai+1]
	if next.Kind != Slot && next.Kind != Date && next.Kind != DateTime {
		return false
	}
	words := p.words(ti)
	if len(words) < k {
		return false
	}
	d, ok, _ := when.ReadDate(words[:k], p.today, p.cmd.Direction)
	if !ok || d.Words != k {
		return false
	}
	_, _, ok, err := p.read(next, ti)
	return ok && err == nil
}

// runFits reports whether the k tokens from ti may be one value of
// argument ai: a "|" ends a run that a Literal "|" follows, and an email
// or a mention is a person on its own.
func (p *parser) runFits(ai, ti, k int) bool {
	a := &p.sub.Args[ai]
	last := p.toks[ti+k-1]
	if last.Text == "|" && !last.Quoted && p.literalAfter(ai) {
		return false
	}
	return a.Kind != Person || k == 1 || !isAddress(last) && !isAddress(p.toks[ti])
}

func (p *parser) has(name string) bool {
	_, ok := p.values[name]
	return ok
}

// literalAt returns where the sign of a Literal argument after ai stands,
// from ti on, or -1.
func (p *parser) literalAt(ai, ti int) int {
	for _, a := range p.sub.Args[ai+1:] {
		if a.Kind != Literal {
			continue
		}
		for i := ti; i < len(p.toks); i++ {
			if t := p.toks[i]; !t.Quoted && t.Key == "" && a.Word.Is(t.Text) {
				return i
			}
		}
	}
	return -1
}

func (p *parser) literalAfter(ai int) bool {
	for _, a := range p.sub.Args[ai+1:] {
		if a.Kind == Literal {
			return true
		}
	}
	return false
}

func isAddress(t Token) bool {
	return !t.Quoted && (strings.HasPrefix(t.Text, "<@") || strings.Contains(t.Text, "@"))
}

// run is the textual value of k tokens from ti: one quoted phrase as its
// words, else the words as typed (spaces and line breaks between them kept).
func (p *parser) run(a *Arg, ti, k int) Value {
	toks := p.toks[ti : ti+k]
	if k == 1 && toks[0].Quoted {
		return Value{Kind: a.Kind, Text: toks[0].Text, Quoted: true, Typed: toks[0].Raw}
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			prev := toks[i-1]
			// The spaces or line breaks typed between them; one space where
			// an option was taken out.
			if gap := p.text[prev.End:t.Start]; gap != "" && strings.TrimSpace(gap) == "" {
				b.WriteString(gap)
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(t.Raw)
	}
	s := b.String()
	return Value{Kind: a.Kind, Text: s, Typed: s}
}

// words returns the plain words from ti on, for the readers of package when.
func (p *parser) words(ti int) []string {
	var out []string
	for _, t := range p.toks[ti:] {
		if t.Quoted || t.Key != "" || t.Text == "|" {
			break
		}
		out = append(out, t.Text)
	}
	return out
}

// read reads a structured argument at token ti: ok false when the token
// is not one, err when it is meant as one but wrong.
func (p *parser) read(a *Arg, ti int) (Value, int, bool, error) {
	v := Value{Kind: a.Kind}
	words := p.words(ti)
	if len(words) == 0 {
		if a.Kind == Literal && ti < len(p.toks) && p.toks[ti].Text == "|" && a.Word.Is("|") {
			v.Text = a.Word.EN
			return v, 1, true, nil
		}
		return v, 0, false, nil
	}
	w := words[0]
	v.Typed = w
	switch a.Kind {
	case Literal:
		if a.Word.Is(w) {
			v.Text = a.Word.EN
			return v, 1, true, nil
		}
	case Number, ID:
		s := w
		if a.Kind == ID {
			s = strings.TrimPrefix(s, "#")
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 || len(s) > 12 {
			return v, 0, false, nil
		}
		if a.Kind == ID && n == 0 {
			return v, 0, true, errorf(p.cmd, p.sub, "Er is geen nummer 0.", "There is no number 0.")
		}
		v.Number = n
		return v, 1, true, nil
	case Count:
		return p.readCount(a, words)
	case Choice:
		for _, c := range a.Choices {
			if c.Is(w) {
				v.Text = c.EN
				return v, 1, true, nil
			}
		}
	case Weekday:
		if d, ok := when.ReadWeekday(w); ok {
			v.Weekday = d
			return v, 1, true, nil
		}
	case Clock:
		if when.LooksLikeTimeRange(w) {
			return v, 0, false, nil
		}
		c, ok, err := when.ReadClock(w)
		if ok {
			v.Clock = c
		}
		return v, 1, ok, err
	case TimeRange:
		from, to, ok, err := when.ReadTimeRange(w)
		v.Slot = when.Slot{From: from, To: to}
		return v, 1, ok, err
	case Date:
		d, ok, err := when.ReadDate(words, p.today, p.cmd.Direction)
		v.Date = d
		return v, d.Words, ok, err
	case Slot:
		s, n, ok, err := when.ReadSlot(words, p.today, p.cmd.Direction, a.Overnight)
		v.Slot = s
		return v, n, ok, err
	case DateTime:
		dt, n, ok, err := when.ReadDateTime(words, p.today, p.cmd.Direction)
		v.DateTime = dt
		return v, n, ok, err
	case Duration:
		d, n, ok, err := when.ReadDuration(words, time.Hour)
		v.Duration = d
		return v, n, ok, err
	case Repeat:
		// The end of a repetition is read from its first date: "ma 10-11
		// werkdagen tot vr" ends on the Friday after that Monday.
		base := p.today
		for _, v := range p.values {
			if d := v.Slot.Date; v.Kind == Slot && d.After(base) {
				base = d
			} else if d := v.Date.Date; v.Kind == Date && d.After(base) {
				base = d
			}
		}
		r, n, ok, err := when.ReadRepeat(words, base, p.cmd.Direction)
		v.Repeat = r
		return v, n, ok, err
	}
	return v, 0, false, nil
}

// readCount reads "6", "6 personen", "6p", "6pers".
func (p *parser) readCount(a *Arg, words []string) (Value, int, bool, error) {
	v := Value{Kind: Count, Typed: words[0]}
	w := strings.ToLower(words[0])
	num := strings.TrimRightFunc(w, func(r rune) bool { return r < '0' || r > '9' })
	if num == "" || strings.Trim(num, "0123456789") != "" {
		return v, 0, false, nil
	}
	unit := strings.TrimSuffix(w[len(num):], ".")
	if unit != "" && !a.Word.Is(unit) {
		return v, 0, false, nil
	}
	used := 1
	if unit == "" && len(words) > 1 && a.Word.Is(strings.TrimSuffix(words[1], ".")) {
		used, v.Typed = 2, words[0]+" "+words[1]
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 1 || n > 10000 {
		return v, 0, true, errorf(p.cmd, p.sub, "`%s`: geef een aantal van 1 tot 10000.", "`%s`: give a number from 1 to 10000.", v.Typed)
	}
	v.Number = n
	return v, used, true, nil
}

// fail records where an argument (nil: the end) was looked for and not
// found, keeping the furthest.
func (p *parser) fail(ti int, a *Arg) {
	if a != nil && ti < len(p.toks) {
		p.mismatch[a] = ti
	}
	if ti > p.failAt || !p.failed {
		p.failAt, p.failArg, p.failed = ti, a, true
	}
}

// failure explains why nothing fitted, from the furthest point reached.
func (p *parser) failure() error {
	cmd, sub := p.cmd, p.sub
	if p.failArg == nil {
		if len(p.sub.Path) == 0 && len(p.sub.Args) == 0 && p.failAt == 0 && len(p.toks) > 0 {
			// "/team foo": the command alone takes nothing, so foo was
			// meant as a subcommand it does not have.
			return errorf(cmd, nil, "`/%s %s` ken ik niet.", "I don't know `/%s %s`.", cmd.Word.EN, p.toks[0].Raw)
		}
		if p.failAt >= 0 && p.failAt < len(p.toks) {
			return errorf(cmd, sub, "`%s` begrijp ik hier niet.", "I don't understand `%s` here.", p.toks[p.failAt].Raw)
		}
		return errorf(cmd, sub, "Dat begrijp ik niet.", "I don't understand that.")
	}
	a := p.failArg
	nl, en := a.placeholders()
	if at, ok := p.mismatch[a]; ok && p.failAt >= len(p.toks) && a.Kind != Literal {
		p.failAt = at // a word where the argument should be says more than its absence
	}
	if p.failAt >= len(p.toks) {
		if a.Kind == Slot && p.failAt > 0 {
			if d, ok, _ := when.ReadDate(p.words(p.failAt-1), p.today, cmd.Direction); ok && d.Words == 1 {
				return errorf(cmd, sub, "Na `%s` mis ik de tijden (`<van>-<tot>`).", "After `%s` I miss the times (`<from>-<to>`).", p.toks[p.failAt-1].Raw)
			}
		}
		return &Error{NL: "Ik mis `" + nl + "`.", EN: "`" + en + "` is missing.", Command: cmd, Sub: sub}
	}
	t := p.toks[p.failAt].Raw
	switch a.Kind {
	case Number, ID, Count:
		return errorf(cmd, sub, "`%s` is geen nummer.", "`%s` is not a number.", t)
	case Choice:
		return errorf(cmd, sub, "`%s` kan hier niet; kies %s.", "`%s` is not possible here; choose %s.", t, choiceList(a.Choices))
	case Slot:
		if d, ok, _ := when.ReadDate(p.words(p.failAt), p.today, cmd.Direction); ok {
			return errorf(cmd, sub, "Na `%s` mis ik de tijden (`<van>-<tot>`).", "After `%s` I miss the times (`<from>-<to>`).", d.Typed)
		}
	case Date, DateTime:
		return errorf(cmd, sub, "`%s` is geen datum.", "`%s` is not a date.", t)
	case Literal:
		return errorf(cmd, sub, "Ik mis `%s`.", "`%s` is missing.", a.Word.EN)
	}
	return &Error{NL: "Ik mis `" + nl + "` vóór `" + t + "`.", EN: "`" + en + "` is missing before `" + t + "`.", Command: cmd, Sub: sub}
}
