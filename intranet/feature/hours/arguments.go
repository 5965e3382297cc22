package hours

import (
	"context"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// personAndWeek reads /hours approve|reject|reopen's person, week and
// reason. The person is found by email, mention or name. A name of several
// words may have been read short, and "week 49" as "week" and a reason
// starting with 49: the words are split again where a week stands.
func (u *Unit) personAndWeek(ctx context.Context, c *feature.Call, withReason bool) (p *intranet.Person, w intranet.Week, reason, bad string, err error) {
	who := strings.TrimSpace(c.Cmd.Text("person"))
	weekText := strings.TrimSpace(typedText(c, "week"))
	reason = strings.TrimSpace(c.Cmd.Text("reason"))
	today := u.cfg.Today()
	w, ok := parseWeekText(weekText, today)
	if !ok || withReason && isWeekWord(weekText) {
		// Split the words again: the person, one or two words of week,
		// then the reason.
		words := strings.Fields(strings.Join([]string{who, weekText, reason}, " "))
		found := false
		for k := 1; k < len(words) && !found; k++ {
			for n := 2; n >= 1 && !found; n-- {
				if k+n > len(words) {
					continue
				}
				if x, ok := parseWeekText(strings.Join(words[k:k+n], " "), today); ok {
					who, w, found = strings.Join(words[:k], " "), x, true
					reason = strings.Join(words[k+n:], " ")
				}
			}
		}
		if !found {
			if withReason {
				if weekText == "" {
					return nil, w, "", c.T("Welke week? ", "Which week? ") + c.Usage(), nil
				}
				return nil, w, "", notAWeek(c, weekText), nil
			}
			// No week: all the words name the person, else the week
			// is what is wrong.
			all := strings.Join(words, " ")
			p, bad, err = feature.FindPerson(ctx, u.cfg.People, u.cfg.Accounts, c, all)
			if bad != "" && weekText != "" {
				return nil, w, "", notAWeek(c, weekText), nil
			}
			return p, intranet.Week{}, "", bad, err
		}
	}
	p, bad, err = feature.FindPerson(ctx, u.cfg.People, u.cfg.Accounts, c, who)
	if bad != "" || err != nil {
		return nil, w, "", bad, err
	}
	if !withReason {
		reason = ""
	}
	return p, w, reason, "", nil
}

// typedText is an argument as it was typed ("" when not given), whatever
// kind the grammar reads it as.
func typedText(c *feature.Call, name string) string {
	v, ok := c.Cmd.Value(name)
	if !ok {
		return ""
	}
	if v.Typed != "" {
		return v.Typed
	}
	return v.Text
}

// typedWeek reads an optional week argument; typed is false when none was
// given, bad says what is wrong with one that is no week.
func (u *Unit) typedWeek(c *feature.Call, name string) (w intranet.Week, typed bool, bad string) {
	if w, ok := c.Cmd.Week(name); ok {
		return sheetWeek(w), true, ""
	}
	text := strings.TrimSpace(typedText(c, name))
	if text == "" {
		return w, false, ""
	}
	w, ok := parseWeekText(text, u.cfg.Today())
	if !ok {
		return w, true, notAWeek(c, text)
	}
	return w, true, ""
}

// isWeekWord reports whether s is the word "week" alone (its number
// follows).
func isWeekWord(s string) bool {
	switch strings.ToLower(s) {
	case "week", "wk", "w":
		return true
	}
	return false
}

// parseWeekText reads a week as people type it, as the grammar's Week kind
// does (when.ReadWeek): 2026-W49, week 49, wk49, 49 (the most recent week
// 49, this one included), vorige week, or any date in it.
func parseWeekText(s string, today when.Date) (intranet.Week, bool) {
	words := strings.Fields(s)
	r, ok, err := when.ReadWeek(words, today, when.Back)
	if !ok || err != nil || r.Words != len(words) {
		return intranet.Week{}, false
	}
	return sheetWeek(r.Week), true
}
