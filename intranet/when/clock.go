package when

import (
	"strconv"
	"strings"
)

// clockParts splits a word that looks like a time of day into its hour and
// minute digits and its suffix ("14u30" -> "14", "30", ""; "2pm" -> "2", "",
// "pm"). ok is false when the word does not look like a time at all.
func clockParts(w string) (hs, ms, suffix string, ok bool) {
	w = strings.ToLower(w)
	for _, s := range []string{"uur", "am", "pm", "u", "h"} {
		if strings.HasSuffix(w, s) && len(w) > len(s) {
			w, suffix = strings.TrimSuffix(w, s), s
			break
		}
	}
	hs = w
	if i := strings.IndexAny(w, ":.uh"); i >= 0 {
		hs, ms = w[:i], w[i+1:]
		if ms == "" {
			return "", "", "", false
		}
	}
	digits := func(s string) bool { return s != "" && len(s) <= 2 && strings.Trim(s, "0123456789") == "" }
	if !digits(hs) || ms != "" && !digits(ms) {
		return "", "", "", false
	}
	return hs, ms, suffix, true
}

// LooksLikeClock reports whether w is written like a time of day ("14:00",
// "9.30", "14u", "2pm"), whether or not it is a real one ("25:00").
func LooksLikeClock(w string) bool {
	_, _, _, ok := clockParts(w)
	return ok
}

// ReadClock reads a time of day: "14:00", "14.30", "14u", "14u30", "14h",
// "14", "9", "2pm", "2:30pm". "24:00" is the end of the day. ok is false
// when w does not look like a time; err names one that does but is none
// ("25:00 is geen tijd").
func ReadClock(w string) (c Clock, ok bool, err error) {
	hs, ms, suffix, ok := clockParts(w)
	if !ok {
		return 0, false, nil
	}
	bad := errorf("`%s` is geen tijd. Schrijf bijvoorbeeld `14:00`, `14u` of `9.30`.", "`%s` is not a time. Write e.g. `14:00`, `2pm` or `9.30`.", w)
	h, _ := strconv.Atoi(hs)
	m := 0
	if ms != "" {
		if len(ms) != 2 {
			return 0, true, bad
		}
		m, _ = strconv.Atoi(ms)
	}
	if m > 59 {
		return 0, true, bad
	}
	if suffix == "am" || suffix == "pm" {
		if h < 1 || h > 12 {
			return 0, true, bad
		}
		h %= 12
		if suffix == "pm" {
			h += 12
		}
	}
	if h > 24 || h == 24 && m != 0 {
		return 0, true, bad
	}
	return Clock(h*60 + m), true, nil
}

// ParseClock reads a time of day and says what is wrong with anything else.
func ParseClock(w string) (Clock, error) {
	c, ok, err := ReadClock(w)
	if err == nil && !ok {
		err = errorf("`%s` is geen tijd. Schrijf bijvoorbeeld `14:00`, `14u` of `9.30`.", "`%s` is not a time. Write e.g. `14:00`, `2pm` or `9.30`.", w)
	}
	return c, err
}

// splitRange splits "14:00-15:30" (also with an en or em dash) into its two
// sides when both look like times.
func splitRange(w string) (a, b string, ok bool) {
	w = strings.NewReplacer("–", "-", "—", "-").Replace(w)
	a, b, ok = strings.Cut(w, "-")
	if !ok || strings.Contains(b, "-") || !LooksLikeClock(a) || !LooksLikeClock(b) {
		return "", "", false
	}
	return a, b, true
}

// LooksLikeTimeRange reports whether w is written like a time slot
// ("14:00-15:30", "14-15", "25:00-26:00"), whether or not its times are real.
func LooksLikeTimeRange(w string) bool {
	_, _, ok := splitRange(w)
	return ok
}

// ReadTimeRange reads "14:00-15:30", "14-15", "14u-15u", "14.00-15.30" or
// "2pm-3pm". It does not require from before to: the caller decides
// whether an end before the start is the next day (a night shift) or a
// mistake. ok is false when w does not look like a time slot; err names a
// time that is none.
func ReadTimeRange(w string) (from, to Clock, ok bool, err error) {
	a, b, ok := splitRange(w)
	if !ok {
		return 0, 0, false, nil
	}
	if from, _, err = ReadClock(a); err != nil {
		return 0, 0, true, err
	}
	if to, _, err = ReadClock(b); err != nil {
		return 0, 0, true, err
	}
	return from, to, true, nil
}

// ParseTimeRange reads a time slot and says what is wrong with anything else.
func ParseTimeRange(w string) (from, to Clock, err error) {
	from, to, ok, err := ReadTimeRange(w)
	if err == nil && !ok {
		err = errorf("`%s` is geen tijdvak. Schrijf van-tot, bijvoorbeeld `14:00-15:30`, `14-15` of `14u-15u`.",
			"`%s` is not a time slot. Write from-to, e.g. `14:00-15:30`, `14-15` or `2pm-3pm`.", w)
	}
	return from, to, err
}
