package grammar

import (
	"regexp"
	"strconv"
	"strings"
)

// kmPattern is a distance: whole kilometres or with decimals after a comma
// or a point, with or without "km" ("23", "23,5", "23.5km").
var kmPattern = regexp.MustCompile(`^(\d{1,6})(?:[.,](\d+))?(km)?$`)

// maxKm bounds what the grammar reads as kilometres; a unit keeps its own
// limit below it.
const maxKm = 100000

// readKm reads a distance from the first words: "23", "23,5", "23.5",
// "23km", "23 km". ok is false when the first word is no number; err names
// one with more than one decimal, or zero.
func readKm(words []string) (km float64, n int, ok bool, err *Error) {
	if len(words) == 0 {
		return 0, 0, false, nil
	}
	m := kmPattern.FindStringSubmatch(strings.ToLower(strings.TrimRight(words[0], ",")))
	if m == nil {
		return 0, 0, false, nil
	}
	typed := words[0]
	n = 1
	if m[3] == "" && len(words) > 1 && strings.EqualFold(strings.TrimSuffix(words[1], "."), "km") {
		n, typed = 2, typed+" "+words[1]
	}
	if len(m[2]) > 1 {
		return 0, n, true, &Error{NL: "`" + typed + "`: schrijf kilometers met hoogstens één cijfer achter de komma, bijvoorbeeld `23,5`.",
			EN: "`" + typed + "`: write kilometres with at most one decimal, e.g. `23.5`."}
	}
	km, _ = strconv.ParseFloat(m[1]+"."+m[2]+"0", 64)
	switch {
	case km <= 0:
		return 0, n, true, &Error{NL: "`" + typed + "` is nul kilometer; schrijf de afstand, bijvoorbeeld `23`.", EN: "`" + typed + "` is zero kilometres; write the distance, e.g. `23`."}
	case km > maxKm:
		return 0, n, true, &Error{NL: "`" + typed + "` is te ver voor één rit.", EN: "`" + typed + "` is too far for one trip."}
	}
	return km, n, true, nil
}
