package phonebook

import "strings"

// DefaultCountryCode is used for national numbers written with a leading 0.
const DefaultCountryCode = "31"

// PhoneKey turns a phone number in any notation into its international
// digits: "06-12345678", "+31 6 1234 5678" and "0031612345678" all become
// "31612345678". It returns "" when s holds no digits.
func PhoneKey(s string) string {
	digits, plus := phoneDigits(s)
	switch {
	case digits == "":
		return ""
	case plus:
		return digits
	case strings.HasPrefix(digits, "00"):
		return digits[2:]
	case strings.HasPrefix(digits, "0"):
		return DefaultCountryCode + digits[1:]
	}
	return digits
}

// TelURI is the tel: link of a number ("tel:+31612345678").
func TelURI(s string) string {
	k := PhoneKey(s)
	if k == "" {
		return ""
	}
	return "tel:+" + k
}

// PhoneQuery says how a query that looks like a phone number is searched:
// Numbers starting with a country or trunk prefix ("+31 6", "06-1234",
// "0612345678") match the start of a stored key; short bare digit runs
// ("5678", "0004": an extension) match its end.
type PhoneQuery struct {
	Prefix string // the key starts with this
	Suffix string // the key ends with this
}

// ParsePhoneQuery reports whether q is a phone number (digits with + - ( ) . /
// and spaces, at least 4 digits) and how to search it.
func ParsePhoneQuery(q string) (PhoneQuery, bool) {
	q = strings.TrimSpace(q)
	if q == "" {
		return PhoneQuery{}, false
	}
	for _, r := range q {
		if !(r >= '0' && r <= '9' || strings.ContainsRune("+-(). /", r)) {
			return PhoneQuery{}, false
		}
	}
	digits, plus := phoneDigits(q)
	if len(digits) < 4 {
		return PhoneQuery{}, false
	}
	written := len(digits) != len(q) // "030-22": written as the start of a number
	if plus || strings.HasPrefix(digits, "0") && (len(digits) >= 6 || written) {
		return PhoneQuery{Prefix: PhoneKey(q)}, true
	}
	return PhoneQuery{Suffix: digits}, true
}

// Reverse returns s backwards; the store keeps reversed keys so that a
// suffix search is an index prefix search.
func Reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

func phoneDigits(s string) (digits string, plus bool) {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else if r == '+' && b.Len() == 0 {
			plus = true
		}
	}
	return b.String(), plus
}
