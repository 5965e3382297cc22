package demo

import (
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// NewsItem is a news item of the demo, published Age before the demo is
// seeded.
type NewsItem struct {
	Title, Body, Topic, Department string
	Important                      bool
	// Partners addresses it to the partner organisations too.
	Partners bool
	Age      time.Duration
	// Comments are its readers' comments, oldest first.
	Comments []Comment
}

// Comment is a comment of the demo on a news item, made Age before the
// demo is seeded.
type Comment struct {
	Email, Text string
	Age         time.Duration
}

// News returns the demo's news items, oldest first, so that `/news` in the
// demo shows something, including an important item for Zorg Oost.
func News() []NewsItem {
	return []NewsItem{
		{Title: "Nieuwe roosterapp vanaf januari", Topic: "ICT", Age: 72 * time.Hour,
			Body: "Vanaf 4 januari plannen we de diensten in de nieuwe roosterapp. Je krijgt in december een uitnodiging; de oude planner blijft tot eind januari te lezen."},
		{Title: "Kerstborrel op vrijdag 18 december", Topic: "Personeel", Age: 30 * time.Hour,
			Body: "Iedereen is welkom op vrijdag 18 december vanaf 16:00 in de kantine in Utrecht. Neem gerust je partner mee; meld je aan bij Communicatie.",
			Comments: []Comment{
				{Email: "anna.bakker@example.nl", Text: "Gezellig! Is er ook iets voor wie avonddienst heeft?", Age: 28 * time.Hour},
				{Email: "pieter.jansen@example.nl", Text: "Ik neem appeltaart mee.", Age: 20 * time.Hour},
				{Email: "bjorn.hansen@example.nl", Text: "Kunnen we vanuit Zeist samen rijden?", Age: 3 * time.Hour},
			}},
		{Title: "Nieuw bestelportaal voor hulpmiddelen", Topic: "Zorg", Partners: true, Age: 8 * time.Hour,
			Body: "Vanaf maandag bestellen we hulpmiddelen via het nieuwe portaal. Leveranciers: bevestig een levering voortaan daar; vragen kunnen via `/ask` (onderwerp Hulpmiddelen)."},
		{Title: "Nieuwe wondzorgkar in de berging", Topic: "Zorg", Department: "Zorg Oost", Important: true, Age: 5 * time.Hour,
			Body: "In de berging staat de nieuwe wondzorgkar. *Gebruik vanaf vandaag alleen deze kar*: de oude wordt opgehaald. Bevestig met Gelezen dat je dit weet."},
	}
}

// NewsAuthor returns the email of the demo's content manager who wrote
// the demo news: the first person of Communicatie with that role.
func NewsAuthor() string {
	for _, p := range People() {
		for _, r := range p.Roles {
			if r == intranet.RoleContentManager {
				return p.Email
			}
		}
	}
	return User
}
