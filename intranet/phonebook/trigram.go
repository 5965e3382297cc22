package phonebook

import "strings"

// Similarity is PostgreSQL pg_trgm's similarity() for one folded word: the
// share of distinct trigrams (the word padded with two spaces in front and one
// behind) that the two words have in common. SQLite search uses it so that
// both engines find the same candidate words.
func Similarity(a, b string) float64 {
	ta, tb := trigrams(a), trigrams(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	common := 0
	for t := range ta {
		if tb[t] {
			common++
		}
	}
	return float64(common) / float64(len(ta)+len(tb)-common)
}

// SimilarityThreshold is pg_trgm's default threshold for the % operator.
const SimilarityThreshold = 0.3

// SuggestThreshold is the lower bar for "did you mean" words.
const SuggestThreshold = 0.2

func trigrams(word string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(word) {
		p := "  " + w + " "
		r := []rune(p)
		for i := 0; i+3 <= len(r); i++ {
			set[string(r[i:i+3])] = true
		}
	}
	return set
}
