package grammar

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet/when"
)

// Token is one word of a typed command, or a quoted phrase.
type Token struct {
	// Raw is the token as typed, quotes included.
	Raw string
	// Text is the word, or a quoted phrase without its quotes.
	Text   string
	Quoted bool
	// Key is set for key:value ("dept" for dept:zorg or dept:"Zorg Oost"),
	// lowercased; Value is what follows the colon, without quotes.
	Key, Value  string
	ValueQuoted bool
	// Start and End are the byte offsets of Raw in the typed text.
	Start, End int
}

// closers maps each opening quote to the quotes that close it, as phones
// type them: "De Dom", “De Dom”, „De Dom", 'De Dom', ‘De Dom’, «De Dom».
var closers = map[rune]string{
	'"':  "\"”“",
	'“':  "”\"“",
	'„':  "\"“”",
	'”':  "”\"",
	'\'': "'’",
	'‘':  "’'",
	'’':  "’'",
	'«':  "»",
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

// endsWord reports whether position i of s is the end of a word: the end
// of the text, a space, or punctuation followed by one.
func endsWord(s string, i int) bool {
	rest := strings.TrimLeft(s[i:], ",.;:!?)")
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return isSpace(r) || r == '|'
}

// quoted reads a quoted phrase at the start of s: a quote opens only at the
// start of a word and closes only at the end of one, so 's-Hertogenbosch
// and in 't Veld stay words. It returns the phrase and its length in s
// (closing quote included), or ok false when s does not start one.
func quoted(s string) (phrase string, n int, ok bool) {
	open, size := utf8.DecodeRuneInString(s)
	close := closers[open]
	if close == "" {
		return "", 0, false
	}
	for i := size; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(close, r) && i > size && endsWord(s, i+w) {
			// A closing quote ends a word only when the word began inside
			// the quotes, not when it is the next word's opener.
			return s[size:i], i + w, true
		}
		i += w
	}
	return "", 0, false
}

// keyOf returns the key of a key:value word ("dept" of dept:zorg): letters,
// then a colon. Times (10:00) and URLs' schemes count as keys only when
// they are letters ("https:"); the parser decides whether a key is an
// option of the command.
func keyOf(s string) (key string, rest string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return "", "", false
	}
	for j, r := range s[:i] {
		if !unicode.IsLetter(r) && (j == 0 || r != '-' && r != '_') {
			return "", "", false
		}
	}
	return strings.ToLower(s[:i]), s[i+1:], true
}

// Tokenize splits typed text into tokens: words separated by spaces, a
// quoted phrase as one token, key:value (also key:"a phrase") as one, a
// mention <@U1|Jan de Vries> as one, and "|" on its own. A time slot typed
// with spaces around its dash ("14:00 - 15:30") is one token.
func Tokenize(text string) []Token {
	var out []Token
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if isSpace(r) {
			i += w
			continue
		}
		start := i
		if r == '|' {
			out = append(out, Token{Raw: "|", Text: "|", Start: i, End: i + 1})
			i++
			continue
		}
		if phrase, n, ok := quoted(text[i:]); ok {
			n += len(text[i+n:]) - len(strings.TrimLeft(text[i+n:], ",.;:!?)")) // punctuation after the closing quote
			out = append(out, Token{Raw: text[i : i+n], Text: phrase, Quoted: true, Start: i, End: i + n})
			i += n
			continue
		}
		if strings.HasPrefix(text[i:], "<@") {
			if end := strings.IndexByte(text[i:], '>'); end > 0 {
				raw := text[i : i+end+1]
				out = append(out, Token{Raw: raw, Text: raw, Start: i, End: i + end + 1})
				i += end + 1
				continue
			}
		}
		// A plain word, which may be key:value with a quoted value.
		end := i
		for end < len(text) {
			r, w := utf8.DecodeRuneInString(text[end:])
			if isSpace(r) || r == '|' {
				break
			}
			end += w
		}
		word := text[i:end]
		t := Token{Raw: word, Text: word, Start: start, End: end}
		if key, rest, ok := keyOf(word); ok {
			t.Key, t.Value = key, rest
			valueAt := i + len(word) - len(rest)
			if m := strings.IndexByte(text[valueAt:], '>'); strings.HasPrefix(text[valueAt:], "<@") && m > 0 {
				// from:<@U1|Jan de Vries>: a mention is one value.
				end = valueAt + m + 1
				t.Value, t.Raw, t.Text, t.End = text[valueAt:end], text[i:end], text[i:end], end
			} else if phrase, n, ok := quoted(text[valueAt:]); ok {
				t.Value, t.ValueQuoted = phrase, true
				end = valueAt + n
				end += len(text[end:]) - len(strings.TrimLeft(text[end:], ",.;:!?)"))
				t.Raw, t.Text, t.End = text[i:end], text[i:end], end
			}
		}
		out = append(out, t)
		i = end
	}
	return glueRanges(out, text)
}

// glueRanges joins "14:00 - 15:30", "14:00 -15:30" and "14:00- 15:30" into
// one token.
func glueRanges(toks []Token, text string) []Token {
	var out []Token
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		join := func(parts ...Token) Token {
			first, last := parts[0], parts[len(parts)-1]
			word := ""
			for _, p := range parts {
				word += p.Raw
			}
			word = strings.NewReplacer("–", "-", "—", "-").Replace(word)
			return Token{Raw: text[first.Start:last.End], Text: word, Start: first.Start, End: last.End}
		}
		plain := func(t Token) bool { return !t.Quoted && t.Key == "" }
		dash := func(s string) bool { return s == "-" || s == "–" || s == "—" }
		switch {
		case plain(t) && i+2 < len(toks) && dash(toks[i+1].Raw) && plain(toks[i+2]) && when.LooksLikeClock(t.Raw) && when.LooksLikeClock(toks[i+2].Raw):
			out = append(out, join(t, toks[i+1], toks[i+2]))
			i += 2
		case plain(t) && i+1 < len(toks) && plain(toks[i+1]) && when.LooksLikeTimeRange(t.Raw+toks[i+1].Raw) &&
			(strings.HasSuffix(t.Raw, "-") || strings.HasSuffix(t.Raw, "–") || strings.HasPrefix(toks[i+1].Raw, "-") || strings.HasPrefix(toks[i+1].Raw, "–")):
			out = append(out, join(t, toks[i+1]))
			i++
		default:
			out = append(out, t)
		}
	}
	return out
}

// safeAlone reports whether a word reads the same beside other words as
// alone: it opens no quote and no mention that a later word could close.
func safeAlone(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if closers[r] != "" {
		return false
	}
	if strings.HasPrefix(w, "<@") {
		return strings.HasSuffix(w, ">") && strings.Count(w, ">") == 1
	}
	return true
}

// looksStructured reports whether a word could be read as something other
// than text where a date, a time or a number may stand.
func looksStructured(w string) bool {
	if IsHelp(w) || when.LooksLikeClock(w) || when.LooksLikeTimeRange(w) || strings.Trim(w, "#0123456789") == "" {
		return true
	}
	_, ok, err := when.ReadDate([]string{w}, when.Date{Year: 2000, Month: 1, Day: 1}, when.Ahead)
	return ok || err != nil
}

// Quote writes text so that Tokenize reads it back as one token with that
// text: as it is when it is one plain word, else between quotes that do not
// occur in it. ok is false when no quoting keeps it whole.
func Quote(text string) (string, bool) {
	if t := Tokenize(text); len(t) == 1 && !t[0].Quoted && t[0].Key == "" && t[0].Text == text && !looksStructured(text) && safeAlone(text) {
		return text, true // one plain word, or a mention
	}
	for _, q := range [][2]string{{`"`, `"`}, {"'", "'"}, {"«", "»"}, {"“", "”"}} {
		s := q[0] + text + q[1]
		if t := Tokenize(s); len(t) == 1 && t[0].Quoted && t[0].Text == text {
			return s, true
		}
	}
	return text, false
}
