package demo

// Shift is a day of the demo user's hours in the week before the demo is
// seeded: Day 0 is that week's Monday.
type Shift struct {
	Day          int
	From, To     string // "07:00"; To before From ends the next day
	BreakMinutes int
	Project      string
	Note         string
}

// Drive is a trip of the demo user in that week.
type Drive struct {
	Day      int
	Km       float64 // one way
	From, To string
	Return   bool
	Purpose  string
}

// Hours returns the demo user's last week: a care worker's early and late
// shifts, one over midnight, with the trips between clients, left open
// so that `/uren indienen` is there to try.
func Hours() ([]Shift, []Drive) {
	return []Shift{
			{Day: 0, From: "07:00", To: "15:30", BreakMinutes: 30, Project: "WZ-Noord"},
			{Day: 1, From: "07:00", To: "15:30", BreakMinutes: 30, Project: "WZ-Noord"},
			{Day: 2, From: "15:00", To: "23:30", BreakMinutes: 30, Project: "WZ-Oost", Note: "avonddienst"},
			{Day: 3, From: "22:30", To: "07:00", BreakMinutes: 0, Project: "WZ-Oost", Note: "nachtdienst"},
			{Day: 4, From: "09:00", To: "12:00", Project: "Scholing", Note: "training tilliften"},
		}, []Drive{
			{Day: 0, Km: 23, From: "Utrecht", To: "Zeist", Return: true, Purpose: "cliëntbezoek"},
			{Day: 1, Km: 12.5, From: "Utrecht", To: "Bunnik", Return: true, Purpose: "cliëntbezoek"},
			{Day: 4, Km: 31, From: "Utrecht", To: "Amersfoort", Purpose: "scholing"},
		}
}

// Route is the demo user's saved route (/km route list), one way.
func Route() (name string, d Drive) {
	return "zorgpost", Drive{Km: 23, From: "Utrecht", To: "Zeist"}
}
