// Package phonebook holds the engine-neutral parts of the phonebook: how names,
// phone numbers and queries are normalised, which words a person is found by,
// how well a word matches, and the people CSV format. The store uses it on
// both engines, so PostgreSQL and SQLite rank alike.
package phonebook

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldExtra maps letters that Unicode does not decompose into a base letter
// plus accent (ø, æ, ß …) to what a Dutch keyboard user types instead.
var foldExtra = map[rune]string{
	'ø': "o", 'æ': "ae", 'œ': "oe", 'ß': "ss", 'ł': "l", 'đ': "d", 'ð': "d",
	'þ': "th", 'ı': "i", 'ĳ': "ij",
}

// Fold lowercases s, removes accents and turns everything that is not a
// letter or digit into a space: "Bjørn Müller-Šimić" -> "bjorn muller simic".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent: drop it
		case r < 128 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			b.WriteRune(r)
		case foldExtra[r] != "":
			b.WriteString(foldExtra[r])
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			// a letter outside Latin (Greek, Cyrillic …): keep it as it is
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// Words folds s and splits it into words.
func Words(s string) []string { return strings.Fields(Fold(s)) }

// Key folds s into one lookup key without spaces: "Zorg Oost" -> "zorgoost".
func Key(s string) string { return strings.Join(Words(s), "") }

// surnamePrefixes are the Dutch (and a few neighbouring) surname prefixes,
// "tussenvoegsels": a name sorts by what follows them, and they are not
// searched on their own.
var surnamePrefixes = map[string]bool{
	"van": true, "de": true, "den": true, "der": true, "des": true, "het": true,
	"t": true, "ter": true, "ten": true, "te": true, "in": true, "op": true,
	"aan": true, "bij": true, "uit": true, "onder": true, "over": true,
	"von": true, "zu": true, "du": true, "la": true, "le": true, "da": true,
	"di": true, "d": true, "l": true, "del": true, "dos": true, "das": true,
}

// IsSurnamePrefix reports whether a folded word is a surname prefix.
func IsSurnamePrefix(word string) bool { return surnamePrefixes[word] }

// Name is a person's name in its parts.
type Name struct {
	Given   string // "Anouk"
	Prefix  string // "van den"
	Surname string // "Berg"
}

// ParseName splits a full name as people write it: the given names, then
// the prefix words, then the surname. Without a prefix the last word is the
// surname: "Anouk van den Berg" -> {Anouk, van den, Berg}; "Jan-Willem Jansen"
// -> {Jan-Willem, "", Jansen}.
func ParseName(full string) Name {
	words := strings.Fields(full)
	switch len(words) {
	case 0:
		return Name{}
	case 1:
		return Name{Surname: words[0]}
	}
	for i := 1; i < len(words)-1; i++ {
		if !isPrefixWord(words[i]) {
			continue
		}
		j := i
		for j < len(words)-1 && isPrefixWord(words[j]) {
			j++
		}
		return Name{
			Given:   strings.Join(words[:i], " "),
			Prefix:  strings.Join(words[i:j], " "),
			Surname: strings.Join(words[j:], " "),
		}
	}
	// Particles such as "El" in "Fatima El Amrani" start the surname and,
	// unlike Dutch prefixes, are sorted under.
	for i := 1; i < len(words)-1; i++ {
		if f := Words(words[i]); len(f) == 1 && surnameParticles[f[0]] {
			return Name{Given: strings.Join(words[:i], " "), Surname: strings.Join(words[i:], " ")}
		}
	}
	return Name{Given: strings.Join(words[:len(words)-1], " "), Surname: words[len(words)-1]}
}

// surnameParticles begin a surname that is sorted under the particle.
var surnameParticles = map[string]bool{"el": true, "al": true, "ben": true, "bin": true, "abu": true, "mac": true, "mc": true}

func isPrefixWord(w string) bool {
	f := Words(w)
	return len(f) > 0 && func() bool {
		for _, x := range f {
			if !surnamePrefixes[x] {
				return false
			}
		}
		return true
	}()
}

// SortKey is what lists sort by: the surname without its prefix, then the
// given names, then the prefix, so "Anouk van den Berg" sorts under B.
func SortKey(full string) string {
	n := ParseName(full)
	return strings.Join(strings.Fields(Fold(n.Surname)+" "+Fold(n.Given)+" "+Fold(n.Prefix)), " ")
}
