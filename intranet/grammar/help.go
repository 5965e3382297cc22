package grammar

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet/when"
)

// defaultPlaceholders name each kind's value in usage lines, Dutch then English.
var defaultPlaceholders = map[Kind][2]string{
	Text:       {"<tekst>", "<text>"},
	Name:       {"<naam>", "<name>"},
	Person:     {"<persoon>", "<person>"},
	Room:       {"<ruimte>", "<room>"},
	Team:       {"<team>", "<team>"},
	Topic:      {"<onderwerp>", "<topic>"},
	Department: {"<afdeling>", "<department>"},
	Skill:      {"<vaardigheid>", "<skill>"},
	Number:     {"<n>", "<n>"},
	ID:         {"<nummer>", "<number>"},
	Date:       {"<datum>", "<date>"},
	Clock:      {"<tijd>", "<time>"},
	Weekday:    {"<dag>", "<day>"},
	TimeRange:  {"<van>-<tot>", "<from>-<to>"},
	Slot:       {"<datum> <van>-<tot>", "<date> <from>-<to>"},
	DateTime:   {"<datum> <tijd>", "<date> <time>"},
	Duration:   {"<uren>", "<hours>"},
	Repeat:     {"elke week tot <datum>", "every week until <date>"},
	Dates:      {"<datum>,<datum>", "<date>,<date>"},
	Flag:       {"ja|nee", "yes|no"},
	Week:       {"<week>", "<week>"},
	Month:      {"<maand>", "<month>"},
	Worked:     {"<van>-<tot>|<uren>", "<from>-<to>|<hours>"},
	Km:         {"<km>", "<km>"},
}

func (a *Arg) placeholders() (nl, en string) {
	switch {
	case a.Placeholder != "":
		nl, en = a.PlaceholderNL, a.Placeholder
		if nl == "" {
			nl = en
		}
	case a.Kind == Choice:
		var w []string
		for _, c := range a.Choices {
			w = append(w, c.EN)
		}
		nl = strings.Join(w, "|")
		en = nl
	case a.Kind == Literal:
		nl, en = firstDutch(a.Word), a.Word.EN
	case a.Kind == Count:
		nl, en = "<n> "+firstDutch(a.Word), "<n> "+a.Word.EN
	default:
		p := defaultPlaceholders[a.Kind]
		nl, en = p[0], p[1]
	}
	return nl, en
}

// firstDutch returns a word's first alias (the Dutch one, by convention),
// else the word.
func firstDutch(w Word) string {
	if len(w.Aliases) > 0 {
		return w.Aliases[0]
	}
	return w.EN
}

func (o *Option) placeholder(lang string) string {
	if o.Kind == Flag {
		return ""
	}
	if o.Placeholder != "" {
		if lang == "nl" && o.PlaceholderNL != "" {
			return o.PlaceholderNL
		}
		return o.Placeholder
	}
	if o.Kind == Choice {
		var w []string
		for _, c := range o.Choices {
			w = append(w, c.EN)
		}
		return strings.Join(w, "|")
	}
	p := defaultPlaceholders[o.Kind]
	if lang == "nl" {
		return p[0]
	}
	return p[1]
}

// Usage returns a form's typed usage in lang: "/room book <ruimte> <datum>
// <van>-<tot> [<titel>] [elke week tot <datum>] [skip:<datum>,<datum>]".
func Usage(cmd *Command, sub *Sub, lang string) string {
	parts := []string{"/" + cmd.Word.EN}
	for _, w := range sub.Path {
		parts = append(parts, w.EN)
	}
	parts = append(parts, argsUsage(sub.Args, lang)...)
	for i := range sub.Options {
		o := &sub.Options[i]
		if o.Kind == Flag {
			parts = append(parts, "["+o.Key.EN+"]")
			continue
		}
		parts = append(parts, "["+o.Key.EN+":"+o.placeholder(lang)+"]")
	}
	return strings.Join(parts, " ")
}

// argsUsage writes the arguments' placeholders in lang, an optional one
// in brackets, with the Joined ones after it inside them.
func argsUsage(args []Arg, lang string) []string {
	var out []string
	for i := range args {
		a := &args[i]
		nl, en := a.placeholders()
		p := en
		if lang == "nl" {
			p = nl
		}
		switch {
		case a.Optional && a.Joined && len(out) > 0 && strings.HasSuffix(out[len(out)-1], "]"):
			last := out[len(out)-1]
			out[len(out)-1] = strings.TrimSuffix(last, "]") + " " + p + "]"
			continue
		case a.Optional:
			p = "[" + p + "]"
		}
		out = append(out, p)
	}
	return out
}

// Examples are real names for the marks of examples ({room}, {team}, …):
// the first room the caller may book, say. Examples name only what exists;
// a mark without a name shows its kind's placeholder (<ruimte>).
type Examples map[Kind]string

// exampleMarks are the marks an example may hold where it names data.
var exampleMarks = []struct {
	mark string
	kind Kind
}{{"{room}", Room}, {"{team}", Team}, {"{department}", Department}, {"{topic}", Topic}, {"{person}", Person}}

// ExampleMarks reports whether the form's example names data, so that a
// caller may look up Examples for it.
func (s *Sub) ExampleMarks() bool {
	return strings.Contains(s.Example, "{") || strings.Contains(s.ExampleNL, "{")
}

// Example returns the form's example in lang with its marks filled: a
// real name from names (quoted when it needs it), else the placeholder.
func Example(sub *Sub, lang string, names Examples) string {
	ex := sub.Example
	if lang == "nl" && sub.ExampleNL != "" {
		ex = sub.ExampleNL
	}
	for _, m := range exampleMarks {
		if !strings.Contains(ex, m.mark) {
			continue
		}
		v := defaultPlaceholders[m.kind][1]
		if lang == "nl" {
			v = defaultPlaceholders[m.kind][0]
		}
		value := v // after a key: ("afdeling:{department}")
		if name := names[m.kind]; name != "" {
			if q, ok := Quote(name); ok {
				v = q
			}
			if q, ok := QuoteValue(name); ok {
				value = q
			}
		}
		ex = strings.ReplaceAll(strings.ReplaceAll(ex, ":"+m.mark, ":"+value), m.mark, v)
	}
	return ex
}

// UsageSentence tells the right form of a command with its example:
// "Schrijf `…`, bijvoorbeeld `…`." The example's marks show placeholders.
func UsageSentence(cmd *Command, sub *Sub, lang string) string {
	return UsageSentenceWith(cmd, sub, lang, nil)
}

// UsageSentenceWith is UsageSentence with real names for the example.
func UsageSentenceWith(cmd *Command, sub *Sub, lang string, names Examples) string {
	ex := Example(sub, lang, names)
	if ex == "" {
		return tr(lang, "Schrijf `%s`.", "Write `%s`.", Usage(cmd, sub, lang))
	}
	return tr(lang, "Schrijf `%s`, bijvoorbeeld `%s`.", "Write `%s`, e.g. `%s`.", Usage(cmd, sub, lang), ex)
}

// HelpSection is one block of help: a title and lines of text in the
// reply markup.
type HelpSection struct {
	Title string
	Text  string
}

// Lines returns one line per form of the command, "- `usage`: what it does".
func Lines(cmd *Command, lang string) []string { return linesWhere(cmd, lang, nil) }

// May says whether the caller may use a subcommand (a partner: only those
// marked Partners); help for them lists only those. nil allows everything.
type May func(cmd *Command, sub *Sub) bool

func linesWhere(cmd *Command, lang string, may May) []string {
	var out []string
	for i := range cmd.Subs {
		s := &cmd.Subs[i]
		if may != nil && !may(cmd, s) {
			continue
		}
		doc := s.Doc
		if lang == "nl" {
			doc = s.DocNL
		}
		out = append(out, fmt.Sprintf("- `%s`: %s", Usage(cmd, s, lang), doc))
	}
	return out
}

// CommandHelp is a command's own help (/room help): its forms, examples,
// notes, the other words it accepts and, when it takes dates or times, how
// to write them. Commands whose help another's tells (HelpOf) are included.
func (g *Grammar) CommandHelp(cmd *Command, lang string) []HelpSection {
	return g.CommandHelpFor(cmd, lang, nil)
}

// CommandHelpFor is CommandHelp listing only the forms the caller may use.
func (g *Grammar) CommandHelpFor(cmd *Command, lang string, may May) []HelpSection {
	if cmd.HelpOf != "" {
		if parent := g.Find(cmd.HelpOf); parent != nil {
			cmd = parent
		}
	}
	family := g.family(cmd)
	var lines []string
	for _, c := range family {
		lines = append(lines, linesWhere(c, lang, may)...)
	}
	for _, c := range family {
		notes := c.Notes
		if lang == "nl" {
			notes = c.NotesNL
		}
		if notes != "" {
			lines = append(lines, notes)
		}
	}
	var examples []string
	for _, c := range family {
		for i := range c.Subs {
			if may != nil && !may(c, &c.Subs[i]) {
				continue
			}
			if ex := Example(&c.Subs[i], lang, nil); ex != "" {
				examples = append(examples, "`"+ex+"`")
			}
		}
	}
	if len(examples) > 0 {
		lines = append(lines, tr(lang, "Bijvoorbeeld: %s.", "For example: %s.", strings.Join(examples, ", ")))
	}
	out := []HelpSection{{Title: title(cmd, lang), Text: strings.Join(lines, "\n")}}
	if words := aliasLinesWhere(family, may); len(words) > 0 {
		out = append(out, HelpSection{Title: tr(lang, "Andere woorden", "Other words"), Text: tr(lang,
			"Dezelfde commando's met andere woorden (het Engelse woord staat rechts): ", "The same commands in other words (the English word on the right): ") + strings.Join(words, "; ") + "."})
	}
	for _, c := range family {
		if takesDates(c) {
			out = append(out, DatesSection(lang))
			break
		}
	}
	return out
}

// family is a command with those whose help it tells.
func (g *Grammar) family(cmd *Command) []*Command {
	out := []*Command{cmd}
	for _, c := range g.Commands {
		if c.HelpOf == cmd.Word.EN {
			out = append(out, c)
		}
	}
	return out
}

func title(cmd *Command, lang string) string {
	if lang == "nl" && cmd.TitleNL != "" {
		return cmd.TitleNL
	}
	if cmd.Title != "" {
		return cmd.Title
	}
	return "/" + cmd.Word.EN
}

// Help is /werkplek help: every command's forms, then every other word
// that is accepted, then how to write dates and times.
func (g *Grammar) Help(lang string) []HelpSection { return g.HelpFor(lang, nil) }

// HelpFor is Help listing only the forms the caller may use, and only the
// commands with one.
func (g *Grammar) HelpFor(lang string, may May) []HelpSection {
	var out []HelpSection
	var words []string
	seen := map[string]bool{}
	for _, c := range g.Commands {
		if c.HelpOf != "" && g.Find(c.HelpOf) != nil {
			continue
		}
		var lines []string
		for _, f := range g.family(c) {
			lines = append(lines, linesWhere(f, lang, may)...)
		}
		if len(lines) == 0 {
			continue
		}
		out = append(out, HelpSection{Title: title(c, lang), Text: strings.Join(lines, "\n")})
		for _, w := range aliasLinesWhere(g.family(c), may) {
			if !seen[w] { // `toon` = `show` once, not once a command
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	out = append(out, HelpSection{Title: tr(lang, "Andere woorden", "Other words"), Text: tr(lang,
		"Elk Engels woord heeft een Nederlands alternatief (het Engelse woord staat rechts): ", "Every English keyword has a Dutch alias (the English word on the right): ") + strings.Join(words, "; ") + "."})
	return append(out, DatesSection(lang))
}

func takesDates(c *Command) bool {
	for _, s := range c.Subs {
		for _, a := range s.Args {
			if a.Kind >= Date && a.Kind <= Dates || a.Kind >= Week && a.Kind <= Worked {
				return true
			}
		}
		for _, o := range s.Options {
			if o.Kind >= Date && o.Kind <= Dates || o.Kind >= Week && o.Kind <= Worked {
				return true
			}
		}
	}
	return false
}

// DatesSection tells how dates, times and repetitions are written, from
// the words package when accepts.
func DatesSection(lang string) HelpSection {
	days, weekdays, months := when.DateTerms()
	term := func(t when.Term) string {
		var w []string
		if t.EN != "" {
			w = append(w, "`"+t.EN+"`")
		}
		for _, a := range t.NL {
			w = append(w, "`"+a+"`")
		}
		return strings.Join(w, "/")
	}
	list := func(ts []when.Term) string {
		var s []string
		for _, t := range ts {
			s = append(s, term(t))
		}
		return strings.Join(s, ", ")
	}
	text := tr(lang,
		"Datums: %s; de dagen %s; `8-12`, `08-12`, `8/12`, `8 dec`, `8 december 2026`, `2026-12-08`, met de maanden %s. "+
			"Voor wat komt is `ma` de eerstvolgende maandag (vandaag telt mee) en een dag die dit jaar voorbij is, volgend jaar; voor wat gedaan is andersom.\n"+
			"Tijden: `14:00-15:30`, `14-15`, `14u-15u`, `14.00-15.30`, `2pm-3pm`; een datum vóór de tijden is de dag, `10-11` alleen is vandaag. Bij een dienst is een eind vóór het begin (`22:00-07:00`) de volgende dag.\n"+
			"Herhalen: %s.\nDuur: %s.\n"+
			"Weken: `week 49`, `wk49`, `2026-W49`, `deze week`, `vorige week` of een datum in de week; `49` alleen is de laatste week 49 (deze telt mee). "+
			"Maanden: `nov`, `november 2026`, `2026-11`, `vorige maand`. Gewerkte uren: van-tot (`07:00-15:30`, over middernacht mag) of uren (`8`, `7,5u`, `7.5h`, `7:30`, `7u30`).",
		"Dates: %s; the days %s; `8-12`, `08-12`, `8/12`, `8 dec`, `8 december 2026`, `2026-12-08`, with the months %s. "+
			"For what is to come `mon` is the next Monday (today included) and a day that has passed this year is next year's; for what was done the other way round.\n"+
			"Times: `14:00-15:30`, `14-15`, `14u-15u`, `14.00-15.30`, `2pm-3pm`; a date before the times is the day, `10-11` alone is today. For a shift an end before the start (`22:00-07:00`) is the next day.\n"+
			"Repeating: %s.\nLengths of time: %s.\n"+
			"Weeks: `week 49`, `wk49`, `2026-W49`, `this week`, `last week` or a date in the week; `49` alone is the latest week 49 (this one included). "+
			"Months: `nov`, `november 2026`, `2026-11`, `last month`. Hours worked: from-to (`07:00-15:30`, over midnight is fine) or hours (`8`, `7.5h`, `7,5u`, `7:30`, `7h30`).",
		list(days), list(weekdays), list(months), list(when.RepeatTerms()), list(when.DurationTerms()))
	return HelpSection{Title: tr(lang, "Datums en tijden", "Dates and times"), Text: text}
}

// Hint is a command's forms in one line for autocomplete (Slack's usage
// hint, Mattermost's autocomplete): "[<date>] | free <date> <from>-<to> …
// | cancel|release <number> | …"; forms that differ only in their last
// word share one entry.
func Hint(cmd *Command, lang string) string {
	type entry struct{ prefix, last, args string }
	var entries []entry
	for i := range cmd.Subs {
		s := &cmd.Subs[i]
		if s.Confirm {
			continue // a button's, never typed from the menu
		}
		if len(s.Path) == 0 {
			if u := strings.TrimSpace(strings.TrimPrefix(Usage(cmd, s, lang), "/"+cmd.Word.EN)); u != "" {
				entries = append(entries, entry{args: u})
			}
			continue
		}
		args := argsUsage(s.Args, lang)
		var prefix []string
		for _, w := range s.Path[:len(s.Path)-1] {
			prefix = append(prefix, w.EN)
		}
		e := entry{prefix: strings.Join(prefix, " "), last: s.Path[len(s.Path)-1].EN, args: strings.Join(args, " ")}
		if n := len(entries); n > 0 && entries[n-1].prefix == e.prefix && entries[n-1].args == e.args && entries[n-1].last != "" {
			entries[n-1].last += "|" + e.last
			continue
		}
		entries = append(entries, e)
	}
	var parts []string
	for _, e := range entries {
		parts = append(parts, strings.Join(strings.Fields(e.prefix+" "+e.last+" "+e.args), " "))
	}
	return strings.Join(parts, " | ")
}

// Reference is the README's command reference, in English, generated from
// the declarations.
func (g *Grammar) Reference() string {
	var b strings.Builder
	for _, c := range g.Commands {
		names := "`/" + c.Word.EN + "`"
		for _, a := range c.Word.Aliases {
			names += ", `/" + a + "`"
		}
		fmt.Fprintf(&b, "**%s** (%s): %s\n\n", title(c, "en"), names, c.Summary)
		b.WriteString("| command | what it does |\n|---|---|\n")
		for i := range c.Subs {
			s := &c.Subs[i]
			fmt.Fprintf(&b, "| `%s` | %s |\n", strings.ReplaceAll(Usage(c, s, "en"), "|", `\|`), strings.ReplaceAll(s.Doc, "|", `\|`))
		}
		if words := aliasLines([]*Command{c}); len(words) > 0 {
			fmt.Fprintf(&b, "\nOther words: %s.\n", strings.ReplaceAll(strings.Join(words, "; "), "|", `\|`))
		}
		b.WriteString("\n")
	}
	return b.String()
}
