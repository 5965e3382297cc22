package demo

import (
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// Ad is a bulletin board ad of the demo, put up Age before the demo is
// seeded by the person with email Poster.
type Ad struct {
	Title, Text string
	Category    intranet.Category
	Poster      string
	Age         time.Duration
}

// Ads returns the demo's ads, oldest first, so that `/board` in the demo
// shows something in several categories.
func Ads() []Ad {
	return []Ad{
		{Title: "Stadsfiets te koop", Category: intranet.CategoryForSale, Poster: "pieter.jansen@example.nl", Age: 96 * time.Hour,
			Text: "Blauwe Gazelle, 7 versnellingen, nieuwe banden. 120 euro. Staat in de fietsenstalling in Utrecht; proefrijden mag."},
		{Title: "Wie rijdt mee naar Zeist?", Category: intranet.CategoryWanted, Poster: "anna.bakker@example.nl", Age: 50 * time.Hour,
			Text: "Ik zoek vanaf januari een carpool op dinsdag en donderdag, Utrecht-Zeist rond 8:00. Benzine delen we."},
		{Title: "Sleutelbos gevonden", Category: intranet.CategoryLost, Poster: "eva.deboer@example.nl", Age: 20 * time.Hour,
			Text: "In de kantine lag een sleutelbos met een rode hanger. Hij ligt bij de receptie."},
		{Title: "Hardloopgroep na het werk", Category: intranet.CategoryEvent, Poster: User, Age: 3 * time.Hour,
			Text: "Elke woensdag om 17:30 een rondje van 5 km vanaf de hoofdingang. Alle tempo's welkom; meer weten: https://werkplek.example.nl/hardlopen"},
	}
}
