package grammar

import (
	"fmt"
	"strings"

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
		if m, ok := pathMatches(s.Path, toks); ok && m > n {
			sub, n = s, m
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

func pathMatches(path []Word, toks []Token) (int, bool) {
	i := 0
	for _, w := range path {
		n := wordTokens(w, toks[i:])
		if n == 0 {
			return 0, false
		}
		i += n
	}
	return i, true
}

// wordTokens is how many of toks the word takes at their start: one, more
// for an alias of several words ("tot en met"), the longest that fits, or
// 0 when it is not there.
func wordTokens(w Word, toks []Token) int {
	plain := func(t Token) bool { return !t.Quoted && t.Key == "" }
	best := 0
	if len(toks) > 0 && plain(toks[0]) && w.Is(toks[0].Text) {
		best = 1
	}
	for _, form := range append([]string{w.EN}, w.Aliases...) {
		parts := strings.Fields(form)
		if len(parts) < 2 || len(parts) <= best || len(parts) > len(toks) {
			continue
		}
		fits := true
		for j, part := range parts {
			if !plain(toks[j]) || !strings.EqualFold(toks[j].Text, part) {
				fits = false
				break
			}
		}
		if fits {
			best = len(parts)
		}
	}
	return best
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
	// rest lets the values of Rest options run on.
	rest bool
}

// parseSub reads the tokens of one form of a command. nothingFits is set
// when the mistake is at the very first token (no option was wrong and no
// argument fitted), so that free text may be meant instead.
func parseSub(cmd *Command, sub *Sub, toks []Token, text string, today when.Date) (parsed *Parsed, err error, nothingFits bool) {
	plain, err, nothingFits := parseSubWith(cmd, sub, toks, text, today, false)
	for _, o := range sub.Options {
		if o.Rest {
			// A value that runs on, unless that takes words the arguments
			// would read otherwise ("doel:overleg 23 Utrecht naar Zeist"):
			// then it is one word, as any option's.
			if p, rerr, _ := parseSubWith(cmd, sub, toks, text, today, true); rerr == nil && (err != nil || len(p.values) >= len(plain.values)) {
				return p, nil, false
			}
			break
		}
	}
	return plain, err, nothingFits
}

func parseSubWith(cmd *Command, sub *Sub, toks []Token, text string, today when.Date, runOn bool) (parsed *Parsed, err error, nothingFits bool) {
	p := &parser{cmd: cmd, sub: sub, text: text, today: today, values: map[string]Value{}, failAt: -1, mismatch: map[*Arg]int{}, rest: runOn}
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
