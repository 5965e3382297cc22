package when

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Worked is time worked on a day as typed: a time range ("07:00-15:30",
// ending the next day when it goes over midnight: "22:00-07:00"), or a
// number of hours without a range ("7,5u", "7:30", "8").
type Worked struct {
	// Ranged is true for a time range From-To.
	Ranged   bool
	From, To Clock
	// NextDay is true for a range that ends the next day.
	NextDay bool
	// Minutes is the time worked: the range's length, or the hours typed.
	Minutes int
}

// String writes the time in the form ReadWorked reads back: "07:00-15:30",
// "7h30", "8h".
func (w Worked) String() string {
	if w.Ranged {
		return fmt.Sprintf("%s-%s", w.From, w.To)
	}
	if w.Minutes%60 == 0 {
		return fmt.Sprintf("%dh", w.Minutes/60)
	}
	return fmt.Sprintf("%dh%02d", w.Minutes/60, w.Minutes%60)
}

var (
	// 7, 7,5, 7.5, 7u, 7,5h, 7.25uur
	decimalHours = regexp.MustCompile(`^(\d{1,4})(?:[.,](\d{1,2}))?(h|u|uur|uren|hour|hours)?$`)
	// 7:30, 7u30, 7h30, 7h30m
	clockHours = regexp.MustCompile(`^(\d{1,2})[:hu](\d{2})m?$`)
	// 90m, 45min
	minutesOnly = regexp.MustCompile(`^(\d{1,4})(m|min|minuten|minutes)$`)
)

// hoursUnits may follow a number of hours as a word of its own ("7,5 uur").
var hoursUnits = map[string]bool{"h": true, "u": true, "uur": true, "uren": true, "hour": true, "hours": true}

// ReadWorked reads time worked from the first words of words: a time range
// ("07:00-15:30", "7-15:30", "22:00-07:00" over midnight) or a number of
// hours ("8", "7,5u", "7.5h", "7,5 uur", "7:30", "7h30", "45m"). ok is false
// when the first word looks like neither; err names one that does but is
// wrong (a range of zero minutes, "25:00-26:00", more than 24 hours).
func ReadWorked(words []string) (w Worked, n int, ok bool, err error) {
	if len(words) == 0 {
		return w, 0, false, nil
	}
	typed := words[0]
	s := strings.ToLower(strings.TrimRight(typed, ","))
	if LooksLikeTimeRange(s) {
		from, to, _, err := ReadTimeRange(s)
		if err != nil {
			return w, 1, true, err
		}
		w = Worked{Ranged: true, From: from, To: to, Minutes: int(to) - int(from)}
		switch {
		case from == 24*60:
			// 24:00 ends a day; work that starts then starts the next one.
			return w, 1, true, errorf("`%s` begint om 24:00, het eind van een dag; begin om 00:00 op de dag erna.", "`%s` starts at 24:00, the end of a day; start at 00:00 on the day after.", typed)
		case from == to:
			return w, 1, true, errorf("`%s` duurt nul minuten; geef een begin en een eind, bijvoorbeeld `07:00-15:30`.", "`%s` lasts zero minutes; give a start and an end, e.g. `07:00-15:30`.", typed)
		case to < from:
			w.NextDay, w.Minutes = true, w.Minutes+24*60
		}
		return w, 1, true, nil
	}
	minutes := -1.0
	n = 1
	if m := clockHours.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[1])
		mm, _ := strconv.Atoi(m[2])
		if mm > 59 {
			return w, 1, true, notHours(typed)
		}
		minutes = float64(h*60 + mm)
	} else if m := minutesOnly.FindStringSubmatch(s); m != nil {
		minutes, _ = strconv.ParseFloat(m[1], 64)
	} else if m := decimalHours.FindStringSubmatch(s); m != nil {
		h, _ := strconv.ParseFloat(m[1]+"."+m[2]+"0", 64)
		minutes = h * 60
		if m[3] == "" && len(words) > 1 && hoursUnits[strings.ToLower(words[1])] {
			n, typed = 2, typed+" "+words[1]
		}
	}
	switch {
	case minutes < 0:
		if s != "" && s[0] >= '0' && s[0] <= '9' && LooksLikeClock(s) {
			return w, 1, true, notHours(typed) // "7:75", "25u61"
		}
		return w, 0, false, nil
	case math.Round(minutes) < 1:
		return w, n, true, errorf("`%s` is nul uren; schrijf hoe lang je werkte, bijvoorbeeld `7,5u`.", "`%s` is zero hours; write how long you worked, e.g. `7.5h`.", typed)
	case minutes > 24*60:
		return w, n, true, errorf("`%s` is meer dan een dag (24 uur).", "`%s` is more than a day (24 hours).", typed)
	}
	return Worked{Minutes: int(math.Round(minutes))}, n, true, nil
}

func notHours(typed string) *Error {
	return errorf("`%s` is geen tijd of aantal uren. Schrijf van-tot (`07:00-15:30`) of uren (`7,5u`, `7:30`).",
		"`%s` is not a time range or a number of hours. Write from-to (`07:00-15:30`) or hours (`7.5h`, `7:30`).", typed)
}
