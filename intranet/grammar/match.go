package grammar

import (
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet/when"
)

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
	if a.Joined && a.Optional && ai > 0 {
		// Given with the argument before it, or not at all.
		if !p.has(args[ai-1].Name) {
			return p.match(ai+1, ti)
		}
		required := *a
		required.Optional = false
		a = &required
	}
	if a.Kind == Repeat && p.has(a.Name) {
		return p.match(ai+1, ti) // read already, before a title (repeatFirst)
	}
	if a.Kind.textual() && p.repeatFirst(ai, ti) {
		return true
	}
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
	if a.Optional && a.Kind == Date && p.timeNotDate(ai, ti) {
		return p.match(ai+1, ti)
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
		case Choice, Date, ID, Number, Weekday, Clock, Week, Month, Worked, Km:
			if ti < len(p.toks) {
				p.fail(ti, a) // "fr" where nl|en may stand: name the choices
			}
		}
		return p.match(ai+1, ti)
	}
	p.fail(ti, a)
	return false
}

// repeatFirst matches the arguments from ai on when a whole repetition
// stands where the text of argument ai starts and a Repeat argument follows
// it: "ma 10-11 elke dag tot 31-12 Dagelijks overleg" repeats, with the
// words after the repetition as the title. A title that starts like a
// repetition is written quoted.
func (p *parser) repeatFirst(ai, ti int) bool {
	for i := ai + 1; i < len(p.sub.Args); i++ {
		r := &p.sub.Args[i]
		if r.Kind != Repeat || p.has(r.Name) {
			continue
		}
		v, n, ok, err := p.read(r, ti)
		if !ok || err != nil || n == 0 || ti+n >= len(p.toks) {
			return false
		}
		p.values[r.Name] = v
		if p.match(ai, ti+n) {
			return true
		}
		delete(p.values, r.Name)
		return false
	}
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
	case Week:
		r, ok, err := when.ReadWeek(words, p.today, p.cmd.Direction)
		v.Week, v.Typed = r, r.Typed
		return v, r.Words, ok, err
	case Month:
		r, ok, err := when.ReadMonth(words, p.today, p.cmd.Direction)
		v.Month, v.Typed = r, r.Typed
		return v, r.Words, ok, err
	case Worked:
		wk, n, ok, err := when.ReadWorked(words)
		v.Worked = wk
		return v, n, ok, err
	case Km:
		km, n, ok, err := readKm(words)
		if err != nil {
			return v, 0, true, &Error{NL: err.NL, EN: err.EN, Command: p.cmd, Sub: p.sub}
		}
		v.Km = km
		return v, n, ok, nil
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
		r, n, ok, err := when.ReadRepeatFrom(words, p.today, base, p.cmd.Direction)
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
	case Week:
		return errorf(cmd, sub, "`%s` is geen week; schrijf bijvoorbeeld `week 49`, `2026-W49` of een datum in de week.", "`%s` is not a week; write e.g. `week 49`, `2026-W49` or a date in the week.", t)
	case Month:
		return errorf(cmd, sub, "`%s` is geen maand; schrijf bijvoorbeeld `nov`, `november` of `2026-11`.", "`%s` is not a month; write e.g. `nov`, `november` or `2026-11`.", t)
	case Worked:
		return errorf(cmd, sub, "`%s` is geen tijd of aantal uren; schrijf van-tot (`07:00-15:30`) of uren (`7,5u`).", "`%s` is not a time range or a number of hours; write from-to (`07:00-15:30`) or hours (`7.5h`).", t)
	case Km:
		if moved, ok := kmLast(p.words(p.failAt)); ok {
			return errorf(cmd, sub, "Zet de kilometers vóór de plaatsen: `%s`.", "Put the kilometres before the places: `%s`.", moved)
		}
		return errorf(cmd, sub, "`%s` is geen aantal kilometers; schrijf bijvoorbeeld `23` of `23,5`.", "`%s` is not a number of kilometres; write e.g. `23` or `23.5`.", t)
	case Literal:
		return &Error{NL: "Ik mis `" + firstDutch(a.Word) + "`.", EN: "`" + a.Word.EN + "` is missing.", Command: cmd, Sub: sub}
	}
	return &Error{NL: "Ik mis `" + nl + "` vóór `" + t + "`.", EN: "`" + en + "` is missing before `" + t + "`.", Command: cmd, Sub: sub}
}

// kmLast reads places typed before their distance ("Utrecht naar Zeist
// 23", "... 23 km") and writes them the right way round.
func kmLast(words []string) (string, bool) {
	n := len(words)
	for k := 1; k <= 2 && k < n; k++ {
		if _, m, ok, err := readKm(words[n-k:]); ok && err == nil && m == k {
			return strings.Join(append(append([]string{}, words[n-k:]...), words[:n-k]...), " "), true
		}
	}
	return "", false
}

// timeNotDate reports whether the words at ti, where an optional date may
// stand, are rather the time range of the hours after it: "8-9" reads as
// 8 September, but "/hours edit 12 8-9" changes the times, as "10-11"
// alone is a time everywhere. A date stands before its times ("8-9
// 07:00-15:30"), and "30-11" is no time.
func (p *parser) timeNotDate(ai, ti int) bool {
	if ai+1 >= len(p.sub.Args) || p.sub.Args[ai+1].Kind != Worked {
		return false
	}
	words := p.words(ti)
	if len(words) == 0 {
		return false
	}
	if _, _, ok, err := when.ReadTimeRange(strings.ToLower(words[0])); !ok || err != nil {
		return false
	}
	if _, _, ok, _ := when.ReadWorked(words[1:]); ok {
		return false
	}
	return true
}
