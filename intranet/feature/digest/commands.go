package digest

import g "github.com/werkplek/werkplek/intranet/grammar"

// ScheduleArgs are a subscription's schedule as every feed's `subscribe`
// takes it: immediate, daily, weekdays or weekly, a day (weekly), a time
// (ReadSchedule checks which go together).
var ScheduleArgs = []g.Arg{
	{Name: "schedule", Kind: g.Choice, Choices: []g.Word{g.W("immediate", "direct", "meteen", "immediately"), g.W("daily", "dagelijks"),
		g.W("weekdays", "werkdagen", "workdays"), g.W("weekly", "wekelijks")}},
	{Name: "day", Kind: g.Weekday, Optional: true},
	{Name: "time", Kind: g.Clock, Optional: true},
}
