package feature_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet/feature/board"
	"github.com/werkplek/werkplek/intranet/feature/handover"
	"github.com/werkplek/werkplek/intranet/feature/help"
	"github.com/werkplek/werkplek/intranet/feature/hours"
	"github.com/werkplek/werkplek/intranet/feature/news"
	"github.com/werkplek/werkplek/intranet/feature/partners"
	"github.com/werkplek/werkplek/intranet/feature/phonebook"
	"github.com/werkplek/werkplek/intranet/feature/questions"
	"github.com/werkplek/werkplek/intranet/feature/rooms"
	"github.com/werkplek/werkplek/intranet/feature/teams"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/when"
)

// Friday 27 November 2026.
var today = when.Date{Year: 2026, Month: time.November, Day: 27}

// all is the grammar of every unit, as the router assembles it.
func all() *grammar.Grammar { return grammar.New(commands()...) }

// commands are the commands of every unit.
func commands() []*grammar.Command {
	return []*grammar.Command{phonebook.Command, rooms.Command, teams.Command, handover.Command, news.Command, news.Follow, news.Unfollow,
		questions.Ask, questions.Answer, questions.KB, board.Command, hours.Hours, hours.Km, partners.Command, help.Command}
}

// parses are typed commands, in Dutch and English, with the meaning the
// grammar gives them, written as the canonical command (English words,
// dates as 2026-12-08) that a button would carry. Today is Friday 27
// November 2026.
var parses = []struct{ in, want string }{
	// phonebook
	{"/phonebook jansen", "/phonebook jansen"},
	{"/telefoon jansen", "/phonebook jansen"},
	{"telefoon jansen", "/phonebook jansen"},
	{"/telefoonboek pieter jansen", `/phonebook "pieter jansen"`},
	{"/phonebook dept:zorg", "/phonebook dept:zorg"},
	{"/phonebook afd:zorg jansen", "/phonebook jansen dept:zorg"},
	{`/phonebook afdeling:"Zorg Oost"`, `/phonebook dept:"Zorg Oost"`},
	{"/phonebook department:“Zorg Oost”", `/phonebook dept:"Zorg Oost"`},
	{"/phonebook dept: zorg", "/phonebook dept:zorg"},
	{"/phonebook skill:wondzorg", "/phonebook skill:wondzorg"},
	{"/phonebook vaardigheid:EHBO jan", "/phonebook jan skill:EHBO"},
	{"/phonebook show 42", "/phonebook show 42"},
	{"/phonebook toon #42", "/phonebook show 42"},
	{"/phonebook 06-12345678", "/phonebook 06-12345678"},
	{"/phonebook +31 6 1234 5678", `/phonebook "+31 6 1234 5678"`},
	{"/phonebook 's-Hertogenbosch", `/phonebook "'s-Hertogenbosch"`},
	{"/phonebook in 't Veld", `/phonebook "in 't Veld"`},
	{"/phonebook v.d. berg", `/phonebook "v.d. berg"`},
	{"/phonebook foo:bar", `/phonebook "foo:bar"`},
	{"/phonebook", "/phonebook"},
	{"/phonebook help", "/phonebook help"},
	{"/phonebook ?", "/phonebook help"},
	{"/telefoon hulp", "/phonebook help"},
	{"/phonebook show help", "/phonebook show help"},

	// werkplek: help and language
	{"/werkplek", "/werkplek help"},
	{"/werkplek help", "/werkplek help"},
	{"/werkplek hulp", "/werkplek help"},
	{"/werkplek language en", "/werkplek language en"},
	{"/werkplek taal nederlands", "/werkplek language nl"},
	{"/werkplek taal English", "/werkplek language en"},
	{"/werkplek taal", "/werkplek language"},
	{"/werkplek confirm 3", "/werkplek confirm 3"},
	{"/werkplek quiet 08:00-16:00", "/werkplek quiet 08:00-16:00"},
	{"/werkplek stil 8-16", "/werkplek quiet 08:00-16:00"},
	{"/werkplek rust uit", "/werkplek quiet off"},
	{"/werkplek quiet standaard", "/werkplek quiet default"},
	{"/werkplek quiet", "/werkplek quiet"},
	{"/werkplek bevestig 3", "/werkplek confirm 3"},

	// room: the day view
	{"/room", "/room"},
	{"/zaal", "/room"},
	{"/ruimte morgen", "/room 2026-11-28"},
	{"/room tomorrow", "/room 2026-11-28"},
	{"/room vandaag", "/room 2026-11-27"},
	{"/room today", "/room 2026-11-27"},
	{"/room overmorgen", "/room 2026-11-29"},
	{"/room ma", "/room 2026-11-30"},
	{"/room maandag", "/room 2026-11-30"},
	{"/room mon", "/room 2026-11-30"},
	{"/room vr", "/room 2026-11-27"},
	{"/room zaterdag", "/room 2026-11-28"},
	{"/room 8-12", "/room 2026-12-08"},
	{"/room 08-12", "/room 2026-12-08"},
	{"/room 8/12", "/room 2026-12-08"},
	{"/room 8 dec", "/room 2026-12-08"},
	{"/room 8 december 2026", "/room 2026-12-08"},
	{"/room 2026-12-08", "/room 2026-12-08"},
	{"/room 26-11", "/room 2027-11-26"},
	{"/room 1/2", "/room 2027-02-01"},
	// room free
	{"/room free morgen 14-15", "/room free 2026-11-28 14:00-15:00"},
	{"/room vrij morgen 14:00-15:30 6 personen scherm", "/room free 2026-11-28 14:00-15:30 6 people scherm"},
	{"/room free 10-11", "/room free 2026-11-27 10:00-11:00"},
	{"/room free ma 9-10 4p", "/room free 2026-11-30 09:00-10:00 4 people"},
	{"/room free morgen 14u-15u 6pers video", "/room free 2026-11-28 14:00-15:00 6 people video"},
	{"/room free 8 dec 2pm-3pm", "/room free 2026-12-08 14:00-15:00"},
	{"/room free morgen 14:00 - 15:30", "/room free 2026-11-28 14:00-15:30"},
	{"/room free morgen 14.00-15.30 whiteboard", "/room free 2026-11-28 14:00-15:30 whiteboard"},
	{"/room free 8-12 10-11", "/room free 2026-12-08 10:00-11:00"},
	{"/room free tomorrow 9-10 6 people", "/room free 2026-11-28 09:00-10:00 6 people"},
	// room book
	{`/room book "De Dom" morgen 10-11 Overleg`, `/room book "De Dom" 2026-11-28 10:00-11:00 Overleg`},
	{"/room boek Stilte morgen 10-11", "/room book Stilte 2026-11-28 10:00-11:00"},
	{"/room reserveer Grote zaal 8-12 10-11", `/room book "Grote zaal" 2026-12-08 10:00-11:00`},
	{"/zaal boek Stilte 10-11", "/room book Stilte 2026-11-27 10:00-11:00"},
	{"/room book Stilte 8-12 Overleg", "/room book Stilte 2026-11-27 08:00-12:00 Overleg"},
	{`/room book „De Dom" ma 10:00-11:00 Wekelijks elke week tot 28-12`, `/room book "De Dom" 2026-11-30 10:00-11:00 Wekelijks every week until 2026-12-28`},
	{`/room book "De Dom" ma 10:00-11:00 Wekelijks elke week tot 28-12`, `/room book "De Dom" 2026-11-30 10:00-11:00 Wekelijks every week until 2026-12-28`},
	{"/room book 'De Dom' ma 10-11", `/room book "De Dom" 2026-11-30 10:00-11:00`},
	{"/room book “De Dom” ma 10-11", `/room book "De Dom" 2026-11-30 10:00-11:00`},
	{"/room book Stilte morgen 10-11 elke dag tot 3-12", "/room book Stilte 2026-11-28 10:00-11:00 every day until 2026-12-03"},
	{"/room book Stilte morgen 10-11 dagelijks tot 3-12", "/room book Stilte 2026-11-28 10:00-11:00 every day until 2026-12-03"},
	{"/room book Stilte ma 10-11 werkdagen tot 11 dec", "/room book Stilte 2026-11-30 10:00-11:00 weekdays until 2026-12-11"},
	{"/room book Stilte ma 10-11 werkdagen tot vr", "/room book Stilte 2026-11-30 10:00-11:00 weekdays until 2026-12-04"},
	{"/room book Stilte ma 10-11 every 2 weeks until 2027-01-31", "/room book Stilte 2026-11-30 10:00-11:00 every 2 weeks until 2027-01-31"},
	{"/room book Stilte ma 10-11 elke 2 weken tot 31 jan", "/room book Stilte 2026-11-30 10:00-11:00 every 2 weeks until 2027-01-31"},
	{"/room book Stilte ma 10-11 wekelijks t/m 18-12", "/room book Stilte 2026-11-30 10:00-11:00 every week until 2026-12-18"},
	{"/room book Stilte ma 10-11 Overleg elke week tot en met 18-12", "/room book Stilte 2026-11-30 10:00-11:00 Overleg every week until 2026-12-18"},
	{"/room book Stilte ma 10-11 elke week tot 18-12 skip:7-12", "/room book Stilte 2026-11-30 10:00-11:00 every week until 2026-12-18 skip:2026-12-07"},
	{"/room book Stilte ma 10-11 elke week tot 18-12 overslaan:7-12,14-12", "/room book Stilte 2026-11-30 10:00-11:00 every week until 2026-12-18 skip:2026-12-07,2026-12-14"},
	{"/room book Stilte morgen 10-11 Overleg: agenda", `/room book Stilte 2026-11-28 10:00-11:00 "Overleg: agenda"`},
	// A repetition typed before the title is the repetition, not the title's first words.
	{"/room book Stilte ma 10-11 every day until 2027-01-31 Dagelijks", "/room book Stilte 2026-11-30 10:00-11:00 Dagelijks every day until 2027-01-31"},
	{"/room book Stilte ma 10-11 elke week tot 28-12 Teamoverleg zorg", `/room book Stilte 2026-11-30 10:00-11:00 "Teamoverleg zorg" every week until 2026-12-28`},
	{`/room book Stilte morgen 10-11 "elke week tot 28-12"`, `/room book Stilte 2026-11-28 10:00-11:00 "elke week tot 28-12"`},
	{"/room book Quiet tomorrow 2pm-3pm Team meeting", `/room book Quiet 2026-11-28 14:00-15:00 "Team meeting"`},
	{"/room book Stilte 8 december 10-11", "/room book Stilte 2026-12-08 10:00-11:00"},
	{"/room book", "/room book"},
	{"/room book help", "/room book help"},
	// room: the rest
	{"/room mine", "/room mine"},
	{"/room mijn", "/room mine"},
	{"/room cancel 12", "/room cancel 12"},
	{"/room annuleer #12", "/room cancel 12"},
	{"/room annuleren 12", "/room cancel 12"},
	{"/room release 12", "/room release 12"},
	{"/room vrijgeven 12", "/room release 12"},
	{"/room feed", "/room feed"},
	{"/room agenda Grote zaal", `/room feed "Grote zaal"`},
	{"/room admin", "/room admin"},
	{"/room beheer", "/room admin"},
	{"/room admin list", "/room admin list"},
	{"/room beheer lijst", "/room admin list"},
	{`/room admin add "Grote zaal" capacity:20 location:"Utrecht, 2e" facilities:screen;video hours:07:00-22:00`, `/room admin add "Grote zaal" capacity:20 location:"Utrecht, 2e" facilities:screen;video hours:07:00-22:00`},
	{"/room beheer toevoegen Stilte capaciteit:4 uren:8-18", "/room admin add Stilte capacity:4 hours:08:00-18:00"},
	{"/room beheer nieuw Stilte", "/room admin add Stilte"},
	{`/room admin change Stilte naam:"Stille kamer"`, `/room admin change Stilte name:"Stille kamer"`},
	{"/room admin wijzig Stilte grootte:6", "/room admin change Stilte capacity:6"},
	{"/room admin edit Stilte plaats:Utrecht", "/room admin change Stilte location:Utrecht"},
	{"/room admin retire Stilte", "/room admin retire Stilte"},
	{"/room beheer opheffen Stilte", "/room admin retire Stilte"},
	{"/room confirm 41", "/room confirm 41"},
	{"/zaal bevestig 41", "/room confirm 41"},
	{"/room help", "/room help"},
	{"/zaal hulp", "/room help"},
	{"/room admin add help", "/room admin add help"},

	// team
	{"/team", "/team"},
	{"/team list", "/team list"},
	{"/team lijst", "/team list"},
	{`/team show "Zorg Oost"`, `/team show "Zorg Oost"`},
	{"/team toon Zorg Oost", `/team show "Zorg Oost"`},
	{"/team add Pool Noord", `/team add "Pool Noord"`},
	{"/team nieuw Pool", "/team add Pool"},
	{`/team member add "Zorg Oost" jan.devries@example.nl`, `/team member add "Zorg Oost" jan.devries@example.nl`},
	{`/team lid erbij "Zorg Oost" Jan de Vries`, `/team member add "Zorg Oost" "Jan de Vries"`},
	{"/team leden eraf Pool jan@example.nl", "/team member remove Pool jan@example.nl"},
	{"/team member add Pool <@U1|Jan de Vries>", "/team member add Pool <@U1|Jan de Vries>"},
	{"/team lead add Pool anouk@example.nl", "/team lead add Pool anouk@example.nl"},
	{"/team leider verwijder Pool anouk@example.nl", "/team lead remove Pool anouk@example.nl"},
	{"/team teamleider toevoegen Pool anouk@example.nl", "/team lead add Pool anouk@example.nl"},
	{`/team approval "Zorg Oost" on`, `/team approval "Zorg Oost" on`},
	{"/team goedkeuring Pool aan", "/team approval Pool on"},
	{"/team goedkeuring Zorg Oost uit", `/team approval "Zorg Oost" off`},
	{"/team channel Pool", "/team channel Pool"},
	{"/team kanaal Zorg Oost", `/team channel "Zorg Oost"`},
	{"/team help", "/team help"},

	// handover
	{"/handover morgen 14:00-22:00 Pool Noord", `/handover 2026-11-28 14:00-22:00 "Pool Noord"`},
	{"/dienst 8-12 07:00-15:00 Vroege dienst Pool Zuid", `/handover 2026-12-08 07:00-15:00 "Vroege dienst Pool Zuid"`},
	{"/handover 8-12 07:00-15:00 Vroege dienst Pool Zuid", `/handover 2026-12-08 07:00-15:00 "Vroege dienst Pool Zuid"`},
	{"/overdracht 14-12 07:00-15:00 X", "/handover 2026-12-14 07:00-15:00 X"},
	{"/handover ma 22:00-07:00 Nachtdienst", "/handover 2026-11-30 22:00-07:00 Nachtdienst"},
	{"/handover 10-11 Ochtendronde", "/handover 2026-11-27 10:00-11:00 Ochtendronde"},
	{"/handover morgen 14u-22u Pool", "/handover 2026-11-28 14:00-22:00 Pool"},
	{"/handover 8 dec 7-15 Pool", "/handover 2026-12-08 07:00-15:00 Pool"},
	{"/handover tomorrow 2pm-10pm Pool", "/handover 2026-11-28 14:00-22:00 Pool"},
	{`/handover morgen 14:00-22:00 Pool team:"Zorg Oost"`, `/handover 2026-11-28 14:00-22:00 Pool team:"Zorg Oost"`},
	{"/handover morgen 14:00-22:00 Pool needs:wondzorg", "/handover 2026-11-28 14:00-22:00 Pool needs:wondzorg"},
	{"/dienst morgen 14:00-22:00 Pool nodig:wondzorg", "/handover 2026-11-28 14:00-22:00 Pool needs:wondzorg"},
	{"/dienst morgen 14:00-22:00 Pool vaardigheid:wondzorg", "/handover 2026-11-28 14:00-22:00 Pool needs:wondzorg"},
	{"/handover morgen 14:00-22:00 Let op: sleutel bij de buren", `/handover 2026-11-28 14:00-22:00 "Let op: sleutel bij de buren"`},
	{"/handover morgen 14:00-22:00 Rooster: https://rooster.example.nl/oost", `/handover 2026-11-28 14:00-22:00 "Rooster: https://rooster.example.nl/oost"`},
	{"/handover list", "/handover list"},
	{"/dienst lijst", "/handover list"},
	{"/handover mine", "/handover mine"},
	{"/overdracht mijn", "/handover mine"},
	{"/handover take 12", "/handover take 12"},
	{"/dienst neem 12", "/handover take 12"},
	{"/dienst overnemen #12", "/handover take 12"},
	{"/handover cancel 12", "/handover cancel 12"},
	{"/dienst annuleer 12", "/handover cancel 12"},
	{"/handover notify 12", "/handover notify 12"},
	{"/dienst meld 12", "/handover notify 12"},
	{"/handover show 12", "/handover show 12"},
	{"/dienst toon 12", "/handover show 12"},
	{"/handover approve 12 for:7", "/handover approve 12 for:7"},
	{"/dienst goedkeuren 12 voor:7", "/handover approve 12 for:7"},
	{"/dienst keur 12", "/handover approve 12"},
	{"/handover reject 12 for:7", "/handover reject 12 for:7"},
	{"/dienst afwijzen 12", "/handover reject 12"},
	{"/dienst wijs 12 voor:7", "/handover reject 12 for:7"},
	{"/handover help", "/handover help"},
	{"/dienst hulp", "/handover help"},

	// news
	{"/news", "/news"},
	{"/nieuws 3", "/news 3"},
	{"/news #3", "/news 3"},
	{"/news show 3", "/news show 3"},
	{"/news read 3", "/news read 3"},
	{"/nieuws gelezen 3", "/news read 3"},
	{"/nieuws lees 3", "/news read 3"},
	{"/news post Kerstborrel | Vrijdag om 16:00. topic:Personeel", `/news post Kerstborrel | "Vrijdag om 16:00." topic:Personeel`},
	{"/nieuws plaats Kerstborrel | Vrijdag om 16:00. onderwerp:Personeel belangrijk", `/news post Kerstborrel | "Vrijdag om 16:00." topic:Personeel important:yes`},
	{"/news post Storing | De printer is stuk. important", `/news post Storing | "De printer is stuk." important:yes`},
	{"/news post Storing | Let op: de printer. important:nee", `/news post Storing | "Let op: de printer." important:no`},
	{"/news post Rooster | Nieuw rooster. publish:morgen 09:00", `/news post Rooster | "Nieuw rooster." publish:2026-11-28 09:00`},
	{"/news publiceer Rooster | Tekst. publiceer:ma 9u verloopt:31-12", `/news post Rooster | Tekst. publish:2026-11-30 09:00 expires:2026-12-31`},
	{`/news post Alleen voor Zorg West | Geheim rooster. dept:"Zorg West"`, `/news post "Alleen voor Zorg West" | "Geheim rooster." dept:"Zorg West"`},
	{"/news nieuw Kop | Tekst afdeling:ICT", "/news post Kop | Tekst dept:ICT"},
	{"/news post", "/news post"},
	{"/news edit 12 | De borrel begint om 17:00.", `/news edit 12 | "De borrel begint om 17:00."`},
	{"/news wijzig 12 Nieuwe titel", `/news edit 12 "Nieuwe titel"`},
	{"/news edit 12 topic:Personeel", "/news edit 12 topic:Personeel"},
	{"/news edit 2 Nieuwe titel | Tekst", `/news edit 2 "Nieuwe titel" | Tekst`},
	{"/news edit 2 Nieuwe titel", `/news edit 2 "Nieuwe titel"`},
	{"/news subscribe immediate from:<@U1|Jan de Vries>", "/news subscribe immediate from:<@U1|Jan de Vries>"},
	{"/news withdraw 12", "/news withdraw 12"},
	{"/nieuws intrekken 12", "/news withdraw 12"},
	{"/nieuws trek 12", "/news withdraw 12"},
	{"/news stats 12", "/news stats 12"},
	{"/nieuws statistiek 12", "/news stats 12"},
	{"/news subscribe daily 08:30", "/news subscribe daily 08:30"},
	{"/nieuws abonneer dagelijks 8:30 onderwerp:Personeel", "/news subscribe daily 08:30 topic:Personeel"},
	{"/news subscribe weekly mon 09:00", "/news subscribe weekly mon 09:00"},
	{"/nieuws abonneer wekelijks ma 9u", "/news subscribe weekly mon 09:00"},
	{"/news subscribe weekdays 8:00", "/news subscribe weekdays 08:00"},
	{"/nieuws abonneer werkdagen 8:00 afdeling:\"Zorg Oost\"", `/news subscribe weekdays 08:00 dept:"Zorg Oost"`},
	{"/news subscribe immediate", "/news subscribe immediate"},
	{"/nieuws abonneer direct van:jan.devries@example.nl", "/news subscribe immediate from:jan.devries@example.nl"},
	{"/news subscriptions", "/news subscriptions"},
	{"/nieuws abonnementen", "/news subscriptions"},
	{"/news unsubscribe 3", "/news unsubscribe 3"},
	{"/nieuws opzeggen 3", "/news unsubscribe 3"},
	{"/news help", "/news help"},

	// follow and unfollow
	{"/follow", "/follow"},
	{"/follow list", "/follow list"},
	{"/volg lijst", "/follow list"},
	{"/follow Zorg Oost", `/follow "Zorg Oost"`},
	{`/follow dept:"Zorg Oost"`, `/follow dept:"Zorg Oost"`},
	{"/volg onderwerp:Personeel", "/follow topic:Personeel"},
	{"/follow jan.devries@example.nl", "/follow jan.devries@example.nl"},
	{"/unfollow Zorg Oost", `/unfollow "Zorg Oost"`},
	{"/ontvolg afdeling:zorg", "/unfollow dept:zorg"},
	{"/follow help", "/follow help"},

	// ask, answer, kb
	{"/ask Hoe declareer ik reiskosten? topic:Declaraties", `/ask "Hoe declareer ik reiskosten?" topic:Declaraties`},
	{"/vraag Hoe vraag ik een laptop aan? onderwerp:ICT", `/ask "Hoe vraag ik een laptop aan?" topic:ICT`},
	{"/ask help", "/ask help"},
	{"/ask help bij declaraties", `/ask "help bij declaraties"`},
	{"/ask close 12", "/ask close 12"},
	{"/vraag sluit 12", "/ask close 12"},
	{"/ask close the window?", `/ask "close the window?"`},
	{"/ask search reiskosten", "/ask search reiskosten"},
	{"/vraag zoek reiskosten declareren", `/ask search "reiskosten declareren"`},
	{"/ask mine", "/ask mine"},
	{"/vraag mijn", "/ask mine"},
	{"/ask show 3", "/ask show 3"},
	{"/vraag toon 3", "/ask show 3"},
	{"/ask send 3", "/ask send 3"},
	{"/vraag stuur 3", "/ask send 3"},
	{"/ask solved 3", "/ask solved 3"},
	{"/vraag opgelost 3", "/ask solved 3"},
	{"/ask topic", "/ask topic"},
	{"/ask topic list", "/ask topic list"},
	{"/vraag onderwerpen lijst", "/ask topic list"},
	{"/ask topic show Declaraties", "/ask topic show Declaraties"},
	{"/vraag onderwerp nieuw Declaraties", "/ask topic add Declaraties"},
	{"/ask topic channel Declaraties", "/ask topic channel Declaraties"},
	{"/vraag onderwerp kanaal Declaraties", "/ask topic channel Declaraties"},
	{"/ask topic set Declaraties escalate:8", "/ask topic set Declaraties escalate:8h"},
	{"/vraag onderwerp instellen Declaraties escaleer:4u", "/ask topic set Declaraties escalate:4h"},
	{"/ask expert add Declaraties anna.bakker@example.nl", "/ask expert add Declaraties anna.bakker@example.nl"},
	{"/vraag deskundige erbij Declaraties Anna Bakker", `/ask expert add Declaraties "Anna Bakker"`},
	{"/ask expert remove Declaraties anna.bakker@example.nl", "/ask expert remove Declaraties anna.bakker@example.nl"},
	{"/answer 12 Via het portaal.", `/answer 12 "Via het portaal."`},
	{"/antwoord 12", "/answer 12"},
	{"/answer edit 34 nieuwe tekst", `/answer edit 34 "nieuwe tekst"`},
	{"/antwoord bewerk 34 x", "/answer edit 34 x"},
	{"/answer accept 34", "/answer accept 34"},
	{"/antwoord accepteer 34", "/answer accept 34"},
	{"/answer remove 34", "/answer remove 34"},
	{"/antwoord verwijder 34", "/answer remove 34"},
	{"/answer help", "/answer help"},
	{"/kb reiskosten declareren", `/kb "reiskosten declareren"`},
	{"/kennisbank laptop", "/kb laptop"},
	{"/kb help", "/kb help"},

	// board
	{"/board", "/board"},
	{"/prikbord", "/board"},
	{"/board 12", "/board 12"},
	{"/board te koop", `/board "te koop"`},
	{"/board sale", "/board sale"},
	{"/prikbord pagina:2", "/board page:2"},
	{"/board post Fiets | Blauw, 50 euro. category:sale", `/board post Fiets | "Blauw, 50 euro." category:"for sale"`},
	{"/prikbord plaats Fiets | Blauw. categorie:tekoop verloopt:31-12", `/board post Fiets | Blauw. category:"for sale" expires:2026-12-31`},
	{`/board post Sleutels | Gevonden. categorie:"lost and found"`, `/board post Sleutels | Gevonden. category:"lost and found"`},
	{"/board post", "/board post"},
	{"/board mine", "/board mine"},
	{"/prikbord mijn", "/board mine"},
	{"/board search fiets", "/board search fiets"},
	{"/prikbord zoek winter banden", `/board search "winter banden"`},
	{"/board edit 3 | Verkocht", "/board edit 3 | Verkocht"},
	{"/prikbord wijzig 3 categorie:overig", "/board edit 3 category:other"},
	{"/board extend 3", "/board extend 3"},
	{"/prikbord verleng 3", "/board extend 3"},
	{"/board remove 3", "/board remove 3"},
	{"/prikbord verwijder 3 Geen werk", `/board remove 3 "Geen werk"`},
	{"/board reply 3 Is hij er nog?", `/board reply 3 "Is hij er nog?"`},
	{"/prikbord reageer 3 Ja", "/board reply 3 Ja"},
	{"/board report 3 spam", "/board report 3 spam"},
	{"/prikbord meld 3 Geen werk", `/board report 3 "Geen werk"`},
	{"/board keep 3", "/board keep 3"},
	{"/prikbord houd 3", "/board keep 3"},
	{"/board help", "/board help"},

	// hours: dates look back
	{"/uren ma 7,5u", "/hours 2026-11-23 7h30"},
	{"/hours mon 7.5h", "/hours 2026-11-23 7h30"},
	{"/uren gisteren 7:30", "/hours 2026-11-26 7h30"},
	{"/uren gisteren 7h30", "/hours 2026-11-26 7h30"},
	{"/uren vr 8", "/hours 2026-11-27 8h"},
	{"/uren vr 8 uur Scholing", "/hours 2026-11-27 8h Scholing"},
	{"/uren 8-12 8", "/hours 2025-12-08 8h"},
	{"/uren vandaag 07:00-15:30 pauze:30 project:WZ-Noord", "/hours 2026-11-27 07:00-15:30 break:30 project:WZ-Noord"},
	{"/hours today 7-15:30 break:30 Late shift", `/hours 2026-11-27 07:00-15:30 "Late shift" break:30`},
	{"/uren do 22:00-07:00 Nachtdienst", "/hours 2026-11-26 22:00-07:00 Nachtdienst"},
	{"/uren week", "/hours week"},
	{"/uren week 47", "/hours week 2026-W47"},
	{"/hours week week 49", "/hours week 2025-W49"},
	{"/hours week wk47", "/hours week 2026-W47"},
	{"/hours week 2026-W47", "/hours week 2026-W47"},
	{"/uren week vorige week", "/hours week 2026-W47"},
	{"/uren week ma", "/hours week 2026-W48"},
	{"/uren indienen", "/hours submit"},
	{"/uren indienen vorige week", "/hours submit 2026-W47"},
	{"/uren wijzig 12 08:00-16:00", "/hours edit 12 08:00-16:00"},
	{"/uren wijzig 12 ma", "/hours edit 12 2026-11-23"},
	{"/uren wijzig 12 pauze:45", "/hours edit 12 break:45"},
	{"/uren wijzig 12 Andere notitie", `/hours edit 12 "Andere notitie"`},
	{"/uren verwijder 12", "/hours remove 12"},
	{"/uren goedkeuren jan@example.nl 47", "/hours approve jan@example.nl 2026-W47"},
	{"/uren afwijzen Jan de Vries week 47 Dinsdag ontbreekt", `/hours reject "Jan de Vries" 2026-W47 "Dinsdag ontbreekt"`},
	{"/uren heropen jan 47 Verkeerd project", `/hours reopen jan 2026-W47 "Verkeerd project"`},
	{"/uren team vorige week", "/hours team 2026-W47"},
	// km
	{"/km vandaag 23 Utrecht naar Zeist retour doel:cliëntbezoek", "/km 2026-11-27 23 Utrecht to Zeist return:yes purpose:cliëntbezoek"},
	{`/km today 23.5 Den Haag to Bergen op Zoom purpose:"client visit"`, `/km 2026-11-27 23.5 "Den Haag" to "Bergen op Zoom" purpose:"client visit"`},
	{"/kilometers ma 23,5 Utrecht naar Zeist", "/km 2026-11-23 23.5 Utrecht to Zeist"},
	{"/km vandaag 23 Utrecht naar Zeist retour doel:bezoek mevrouw Jansen", `/km 2026-11-27 23 Utrecht to Zeist return:yes purpose:"bezoek mevrouw Jansen"`},
	{"/km vandaag 23 Utrecht naar Zeist doel:bezoek mevrouw Jansen retour", `/km 2026-11-27 23 Utrecht to Zeist return:yes purpose:"bezoek mevrouw Jansen"`},
	{"/km vandaag doel:overleg 23 Utrecht naar Zeist", "/km 2026-11-27 23 Utrecht to Zeist purpose:overleg"},
	{"/km wijzig 7 doel:team overleg", `/km edit 7 purpose:"team overleg"`},
	{"/km ma 23km Utrecht naar Zeist", "/km 2026-11-23 23 Utrecht to Zeist"},
	{"/km vandaag route:kantoor retour", "/km 2026-11-27 return:yes route:kantoor"},
	{"/km week", "/km week"},
	{"/km week 47", "/km week 2026-W47"},
	{"/km maand", "/km month"},
	{"/km maand nov", "/km month 2026-11"},
	{"/km month december", "/km month 2025-12"},
	{"/km maand 2026-10", "/km month 2026-10"},
	{"/km wijzig 7 25 Utrecht naar Zeist", "/km edit 7 25 Utrecht to Zeist"},
	{"/km wijzig 7 retour:nee", "/km edit 7 return:no"},
	{"/km verwijder 7", "/km remove 7"},
	{"/km route nieuw kantoor 23 Utrecht naar Zeist", "/km route add kantoor 23 Utrecht to Zeist"},
	{"/km route add Home office 12,5 De Bilt to Zeist", `/km route add "Home office" 12.5 "De Bilt" to Zeist`},
	{"/km route lijst", "/km route list"},
	{"/km route verwijder kantoor", "/km route remove kantoor"},
}

// mistakes are typed commands the grammar refuses, with the Dutch
// explanation (which names the wrong value); nothing reaches a unit.
var mistakes = []struct{ in, nl string }{
	{"/phonebook dept:", "Achter `dept:` mist de waarde."},
	{"/phonebook show abc", "`abc` is geen nummer."},
	{"/phonebook show 0", "Er is geen nummer 0."},
	{"/phonebook show 1 2", "`2` begrijp ik hier niet."},
	{"/werkplek language fr", "`fr` kan hier niet; kies `nl`, `en`."},
	{"/werkplek zing", "`/werkplek zing` ken ik niet."},
	{"/room gisteren", "`gisteren` is voorbij"},
	{"/room 31-02", "`31-02` bestaat niet: februari heeft geen 31 dagen."},
	{"/room free morgen 10-11 0 personen", "`0 personen`: geef een aantal van 1 tot 10000."},
	{"/room free morgen", "Na `morgen` mis ik de tijden"},
	{"/room free gisteren 10-11", "`gisteren` is voorbij"},
	{"/room free morgen 15-14", "het begin (15:00) ligt niet vóór het eind (14:00)"},
	{"/room free morgen 25:00-26:00", "`25:00` is geen tijd"},
	{"/room book Stilte gisteren 10-11", "`gisteren` is voorbij"},
	{"/room book Stilte morgen 25:00-26:00", "`25:00` is geen tijd"},
	{"/room book Stilte morgen", "Na `morgen` mis ik de tijden"},
	{"/room book morgen 10-11", "Ik mis `<ruimte>` vóór `morgen`."},
	{"/room book Stilte morgen 10-11 elke week", "Tot wanneer?"},
	{"/room book Stilte morgen 10-11 elke week tot 31-02", "`31-02` bestaat niet"},
	{"/room book Stilte morgen 10-11 skip:32-12", "`32-12` bestaat niet"},
	{"/room book Stilte 29-02 10-11", "`29-02` bestaat niet in 2027"},
	{"/room admin change Nachtkamer2 foo:bar", "`foo:` ken ik niet; hier kan `name:`, `capacity:`"},
	{"/room admin add Stilte capacity:abc", "`capacity:abc` is geen getal."},
	{"/room admin add Stilte hours:25-26", "`25` is geen tijd"},
	{"/room cancel", "Ik mis `<nummer>`."},
	{"/room cancel abc", "`abc` is geen nummer."},
	{"/room xyz", "`xyz` is geen datum."},
	{"/team approval Pool misschien", "`misschien` kan hier niet; kies `on`, `off`."},
	{"/team xyz", "`/team xyz` ken ik niet. Typ `/team help`"},
	{"/handover 31 februari 07:00-15:00 X", "`31 februari` bestaat niet"},
	{"/handover gisteren 14:00-22:00 X", "`gisteren` is voorbij"},
	{"/handover morgen 25:00-26:00 X", "`25:00` is geen tijd"},
	{"/handover morgen X", "Na `morgen` mis ik de tijden"},
	{"/handover morgen 14-22", "Ik mis `<wat>`."},
	{"/handover morgen 14-14 X", "duurt nul minuten"},
	{"/handover take abc", "`abc` is geen nummer."},
	{"/handover take", "Ik mis `<nummer>`."},
	{"/handover approve 12 for:x", "`for:x` is geen getal."},
	{"/news post Kerstborrel", "Ik mis `|`."},
	{"/news subscribe sometimes", "`sometimes` kan hier niet; kies `immediate`, `daily`, `weekdays`, `weekly`."},
	{"/news subscribe daily 25:00", "`25:00` is geen tijd"},
	{"/news subscribe daily 08:00 foo:bar", "`foo:` ken ik niet"},
	{"/news 3 4", "`4` begrijp ik hier niet."},
	{"/news read abc", "`abc` is geen nummer."},
	{"/news post Rooster | Tekst publish:gisteren", "`gisteren` is voorbij"},
	{"/news post Rooster | Tekst important:misschien", "`important:misschien`: kies `ja` of `nee`."},
	{"/news post Rooster | Tekst topic:A topic:B", "`topic:` staat er twee keer."},
	{"/ask topic set Declaraties escalate:vier", "`escalate:vier` is geen tijdsduur"},
	{"/answer abc", "`abc` is geen nummer."},
	{"/answer edit 34", "Ik mis `<tekst>`."},
	{"/board post Fiets | Blauw category:auto", "`category:auto` kan niet; kies"},
	{"/board post Fiets", "Ik mis `|`."},
	{"/board reply 3", "Ik mis `<tekst>`."},
	{"/board report 3", "Ik mis `<reden>`."},
	{"/board extend abc", "`abc` is geen nummer."},
	{"/uren morgen 8", "`morgen` is nog niet geweest"},
	{"/uren ma 25u", "`25u` is meer dan een dag"},
	{"/uren ma 0u", "`0u` is nul uren"},
	{"/uren ma 7:75", "`7:75` is geen tijd of aantal uren"},
	{"/uren ma 07:00-07:00", "duurt nul minuten"},
	{"/uren ma Nachtdienst", "`Nachtdienst` is geen tijd of aantal uren"},
	{"/uren ma", "Ik mis `<van>-<tot>|<uren>`."},
	{"/uren ma 8 pauze:half", "`pauze:half` is geen getal."},
	{"/uren week 54", "weken lopen van 1 tot 53"},
	{"/uren week volgende week", "nog niet begonnen"},
	{"/uren week 2026-W60", "2026 heeft geen week 60"},
	{"/km maand 2026-13", "`2026-13` is geen maand"},
	{"/km maand dec 2026", "nog niet begonnen"},
	{"/km vandaag 23,55 Utrecht naar Zeist", "hoogstens één cijfer achter de komma"},
	{"/km vandaag 0 Utrecht naar Zeist", "`0` is nul kilometer"},
	{"/km route nieuw kantoor", "Ik mis `<km>`"},
	{"/km route nieuw kantoor Utrecht naar Zeist", "is geen aantal kilometers"},
	{"/km route nieuw kantoor 23 Utrecht", "Ik mis `naar`"},
}

func TestParse(t *testing.T) {
	if n := len(parses) + len(mistakes); n < 200 {
		t.Fatalf("%d commands in the table, want at least 200", n)
	}
	g := all()
	for _, tc := range parses {
		p, err := g.Parse(tc.in, today)
		if err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		if got := p.String(); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.in, got, tc.want)
			continue
		}
		// The canonical form reads back to itself: a button runs what it says.
		again, err := g.Parse(tc.want, today)
		if err != nil || again.String() != tc.want {
			t.Errorf("%s: reads back as %v, %v", tc.want, again, err)
		}
	}
	for _, tc := range mistakes {
		_, err := g.Parse(tc.in, today)
		var e *grammar.Error
		if !errors.As(err, &e) {
			t.Errorf("%s: %v, want a mistake", tc.in, err)
			continue
		}
		if msg := e.Message("nl"); !strings.Contains(msg, tc.nl) {
			t.Errorf("%s:\n got %s\nwant %s", tc.in, msg, tc.nl)
		}
		if e.Message("en") == e.Message("nl") {
			t.Errorf("%s: the English message is the Dutch one", tc.in)
		}
	}
}

// sample is a value of each kind, for commands built from the declarations.
var sample = map[grammar.Kind]string{
	grammar.Text: "X", grammar.Name: "X", grammar.Room: "X", grammar.Team: "X", grammar.Topic: "X", grammar.Department: "X", grammar.Skill: "X",
	grammar.Person: "jan@example.nl", grammar.ID: "7", grammar.Number: "7", grammar.Count: "2", grammar.Date: "2026-11-27",
	grammar.Clock: "09:00", grammar.Weekday: "mon", grammar.TimeRange: "10:00-11:00", grammar.Slot: "2026-12-08 10:00-11:00",
	grammar.DateTime: "2026-12-08 09:00", grammar.Duration: "4h", grammar.Repeat: "every day until 2026-12-09", grammar.Dates: "2026-12-08",
	grammar.Flag: "yes", grammar.Week: "2026-W47", grammar.Month: "2026-11", grammar.Worked: "07:00-15:30", grammar.Km: "23.5",
}

// build writes a form of a command with every argument and option, using
// the given words for the command, its path and its option keys.
func build(c *grammar.Command, s *grammar.Sub, cmdWord string, path []string, keys []string, choice func(grammar.Word) string) string {
	parts := append([]string{"/" + cmdWord}, path...)
	for _, a := range s.Args {
		switch a.Kind {
		case grammar.Choice:
			parts = append(parts, choice(a.Choices[0]))
		case grammar.Literal:
			parts = append(parts, a.Word.EN)
		case grammar.Count:
			parts = append(parts, sample[a.Kind], choice(a.Word))
		default:
			parts = append(parts, sample[a.Kind])
		}
	}
	for i, o := range s.Options {
		v := sample[o.Kind]
		if o.Kind == grammar.Choice {
			v = choice(o.Choices[0])
		}
		parts = append(parts, keys[i]+":"+v)
	}
	return strings.Join(parts, " ")
}

// TestEveryWordIsListed: every word a command accepts (its aliases, its
// subcommands', options' and choices') is in the help, in both languages,
// and is accepted where help says: a command typed with any alias means
// the same as with the English words.
func TestEveryWordIsListed(t *testing.T) {
	g := all()
	for _, lang := range []string{"nl", "en"} {
		var all strings.Builder
		for _, s := range g.Help(lang) {
			all.WriteString(s.Title + "\n" + s.Text + "\n")
		}
		helpText := all.String()
		for _, c := range g.Commands {
			var own strings.Builder
			for _, s := range g.CommandHelp(c, lang) {
				own.WriteString(s.Title + "\n" + s.Text + "\n")
			}
			ownText := own.String()
			listed := func(w string) {
				for what, text := range map[string]string{"/werkplek help": helpText, "/" + c.Word.EN + " help": ownText} {
					if !strings.Contains(text, "`"+w+"`") {
						t.Errorf("%s (%s) does not list `%s`", what, lang, w)
					}
				}
			}
			for _, a := range c.Word.Aliases {
				listed("/" + a)
			}
			for i := range c.Subs {
				s := &c.Subs[i]
				for _, w := range s.Path {
					for _, a := range w.Aliases {
						listed(a)
					}
				}
				for _, o := range s.Options {
					for _, a := range o.Key.Aliases {
						listed(a + ":")
					}
					for _, ch := range o.Choices {
						for _, a := range ch.Aliases {
							listed(a)
						}
					}
				}
				for _, a := range s.Args {
					for _, ch := range a.Choices {
						for _, x := range ch.Aliases {
							listed(x)
						}
					}
					if a.Kind == grammar.Count {
						for _, x := range a.Word.Aliases {
							listed(x)
						}
					}
				}
			}
		}
		// How dates and times are written lists every word package when reads.
		days, weekdays, months := when.DateTerms()
		for _, list := range [][]when.Term{days, weekdays, months, when.RepeatTerms(), when.DurationTerms()} {
			for _, term := range list {
				for _, w := range append([]string{term.EN}, term.NL...) {
					if w != "" && !strings.Contains(helpText, "`"+w+"`") {
						t.Errorf("/werkplek help (%s) does not list the date word `%s`", lang, w)
					}
				}
			}
		}
	}
	for _, c := range g.Commands {
		for i := range c.Subs {
			s := &c.Subs[i]
			en := func(w grammar.Word) string { return w.EN }
			var path, keys []string
			for _, w := range s.Path {
				path = append(path, w.EN)
			}
			for _, o := range s.Options {
				keys = append(keys, o.Key.EN)
			}
			canonical := build(c, s, c.Word.EN, path, keys, en)
			p, err := g.Parse(canonical, today)
			if err != nil {
				t.Errorf("%s: %v", canonical, err)
				continue
			}
			want := p.String()
			try := func(typed string) {
				t.Helper()
				q, err := g.Parse(typed, today)
				if err != nil {
					t.Errorf("%s: %v (want %s)", typed, err, want)
				} else if q.String() != want {
					t.Errorf("%s reads as %s, want %s", typed, q.String(), want)
				}
			}
			for _, a := range c.Word.Aliases {
				try(build(c, s, a, path, keys, en))
			}
			for j, w := range s.Path {
				for _, a := range w.Aliases {
					alt := append([]string(nil), path...)
					alt[j] = a
					try(build(c, s, c.Word.EN, alt, keys, en))
				}
			}
			for j, o := range s.Options {
				for _, a := range o.Key.Aliases {
					alt := append([]string(nil), keys...)
					alt[j] = a
					try(build(c, s, c.Word.EN, path, alt, en))
				}
			}
			for n := 0; ; n++ {
				// Each choice's and unit word's aliases, one at a time.
				used := false
				pick := func(w grammar.Word) string {
					if n < len(w.Aliases) {
						used = true
						return w.Aliases[n]
					}
					return w.EN
				}
				typed := build(c, s, c.Word.EN, path, keys, pick)
				if !used {
					break
				}
				try(typed)
			}
		}
	}
}

// TestEveryListedWordIsAccepted is the reverse of TestEveryWordIsListed:
// each word the help's "other words" lists is one the declarations accept
// (a word of a command, a subcommand, an option or a choice).
func TestEveryListedWordIsAccepted(t *testing.T) {
	g := all()
	declared := map[string]bool{}
	for _, c := range g.Commands {
		for _, w := range c.Word.All() {
			declared["/"+w] = true
		}
		for _, s := range c.Subs {
			for _, w := range s.Path {
				for _, x := range w.All() {
					declared[x] = true
				}
			}
			for _, o := range s.Options {
				for _, x := range o.Key.All() {
					declared[x+":"] = true
				}
				for _, ch := range o.Choices {
					for _, x := range ch.All() {
						declared[x] = true
					}
				}
			}
			for _, a := range s.Args {
				for _, ch := range a.Choices {
					for _, x := range ch.All() {
						declared[x] = true
					}
				}
				if a.Kind == grammar.Count || a.Kind == grammar.Literal {
					for _, x := range a.Word.All() {
						declared[x] = true
					}
				}
			}
		}
	}
	for _, lang := range []string{"nl", "en"} {
		sections := g.Help(lang)
		other := sections[len(sections)-2] // "other words", then dates and times
		words := strings.Split(other.Text, "`")
		if len(words) < 3 {
			t.Fatalf("no words listed in %q", other.Title)
		}
		for i := 1; i < len(words); i += 2 {
			if !declared[words[i]] {
				t.Errorf("help (%s) lists `%s`, which no declaration accepts", lang, words[i])
			}
		}
	}
}

// TestDateFormsAgree walks the forms of one date through every command
// that takes a date: each reads the same day (all commands so far look
// ahead), and yesterday is refused by all.
func TestDateFormsAgree(t *testing.T) {
	g := all()
	places := []string{
		"/room %s",
		"/room free %s 10-11",
		"/room book Stilte %s 10-11",
		"/handover %s 10-11 Pool",
		"/news post Kop | Tekst publish:%s",
		"/news post Kop | Tekst expires:%s",
	}
	for _, tc := range []struct {
		forms []string
		want  string
	}{
		{[]string{"vandaag", "today", "vr", "vrijdag", "fri", "friday", "27-11", "27/11", "27 nov", "27 november", "27 november 2026", "2026-11-27"}, "2026-11-27"},
		{[]string{"morgen", "tomorrow", "za", "zaterdag", "sat", "saturday", "28-11", "28 nov"}, "2026-11-28"},
		{[]string{"overmorgen", "zo", "sunday", "29-11"}, "2026-11-29"},
		{[]string{"ma", "maandag", "mon", "monday", "30-11", "30/11"}, "2026-11-30"},
		{[]string{"8-12", "08-12", "8/12", "8.12", "8 dec", "8 december", "8 Dec.", "2026-12-08", "8-12-2026", "8-12-26"}, "2026-12-08"},
		{[]string{"26-11", "26 nov", "26/11"}, "2027-11-26"},
		{[]string{"1/2", "1 feb", "1 februari", "1-2"}, "2027-02-01"},
	} {
		for _, form := range tc.forms {
			for _, place := range places {
				typed := strings.Replace(place, "%s", form, 1)
				p, err := g.Parse(typed, today)
				if err != nil {
					t.Errorf("%s: %v", typed, err)
					continue
				}
				if got := p.String(); !strings.Contains(got, tc.want) {
					t.Errorf("%s reads as %s, want the day %s", typed, got, tc.want)
				}
			}
		}
	}
	for _, past := range []string{"gisteren", "yesterday", "eergisteren", "2026-11-26", "26-11-2026"} {
		for _, place := range places {
			typed := strings.Replace(place, "%s", past, 1)
			_, err := g.Parse(typed, today)
			var e *grammar.Error
			if !errors.As(err, &e) || !strings.Contains(e.Message("nl"), "`"+past+"` is voorbij") {
				t.Errorf("%s: %v, want it refused as past", typed, err)
			}
		}
	}
}

// TestFarDateReadBack: a date more than 60 days away written without a
// year is read back with its year.
func TestFarDateReadBack(t *testing.T) {
	g := all()
	p, err := g.Parse("/room book Stilte 26-11 10-11", today)
	if err != nil {
		t.Fatal(err)
	}
	if notes := p.Notes("nl"); len(notes) != 1 || notes[0] != "`26-11` gelezen als vr 26 nov 2027." {
		t.Errorf("notes %q", notes)
	}
	p, _ = g.Parse("/room book Stilte 8-12 10-11", today)
	if notes := p.Notes("en"); len(notes) != 0 {
		t.Errorf("a near date read back: %q", notes)
	}
}

// TestHelpExamplesRead: every example that help shows reads without a mistake.
func TestHelpExamplesRead(t *testing.T) {
	g := all()
	for _, c := range g.Commands {
		for _, s := range c.Subs {
			for _, ex := range []string{s.Example, s.ExampleNL} {
				if ex == "" {
					continue
				}
				if _, err := g.Parse(ex, today); err != nil {
					t.Errorf("the example %s: %v", ex, err)
				}
			}
		}
	}
}

// TestTeamsMenus: Teams shows at most ten commands per scope, so the
// declarations may name at most ten per scope.
func TestTeamsMenus(t *testing.T) {
	count := map[string]int{}
	for _, c := range all().Commands {
		for _, scope := range c.Teams {
			count[scope]++
		}
	}
	for _, scope := range []string{"personal", "team", "groupChat"} {
		if n := count[scope]; n == 0 || n > 10 {
			t.Errorf("%d commands declared for the Teams scope %s, want 1 to 10", n, scope)
		}
	}
}

// TestEveryOnOffTakesBothLanguages finds every on/off choice and flag in
// every unit's grammar and types it with on/off and aan/uit (and the
// yes/no a form sends): each is accepted and means the same.
func TestEveryOnOffTakesBothLanguages(t *testing.T) {
	g := all()
	isOnOff := func(w grammar.Word) bool {
		for _, f := range w.All() {
			switch f {
			case "on", "off", "aan", "uit":
				return true
			}
		}
		return false
	}
	// typed writes the subcommand with its required arguments and the one
	// on/off place (argument i, or option key) set to value.
	typed := func(c *grammar.Command, s *grammar.Sub, arg int, key, value string) string {
		parts := []string{"/" + c.Word.EN}
		for _, w := range s.Path {
			parts = append(parts, w.EN)
		}
		for i, a := range s.Args {
			switch {
			case i == arg:
				parts = append(parts, value)
			case a.Optional:
			case a.Kind == grammar.Choice:
				parts = append(parts, a.Choices[0].EN)
			case a.Kind == grammar.Literal:
				parts = append(parts, a.Word.EN)
			default:
				parts = append(parts, sample[a.Kind])
			}
		}
		if key != "" {
			parts = append(parts, key+":"+value)
		}
		return strings.Join(parts, " ")
	}
	values := map[string]bool{"on": true, "aan": true, "yes": true, "ja": true, "off": false, "uit": false, "no": false, "nee": false}
	found := 0
	check := func(c *grammar.Command, s *grammar.Sub, arg int, key string, choices []grammar.Word, read func(*grammar.Parsed) (bool, bool)) {
		found++
		for _, w := range choices {
			for _, f := range w.All() {
				if (f == "on" || f == "aan") && !(w.Is("on") && w.Is("aan")) || (f == "off" || f == "uit") && !(w.Is("off") && w.Is("uit")) {
					t.Errorf("/%s %s: the choice %q does not take both on/off and aan/uit", c.Word.EN, s.Name(), w.All())
				}
			}
		}
		for v, on := range values {
			if choices != nil && !(grammar.On.Is(v) && hasWord(choices, "on") || grammar.Off.Is(v) && hasWord(choices, "off")) {
				continue // a choice of off alone (quiet hours) has no on
			}
			in := typed(c, s, arg, key, v)
			p, err := g.Parse(in, today)
			if err != nil {
				t.Errorf("%s: %v", in, err)
				continue
			}
			if got, ok := read(p); !ok || got != on {
				t.Errorf("%s: read as %v (given %v), want %v", in, got, ok, on)
			}
		}
	}
	for _, c := range commands() {
		for i := range c.Subs {
			s := &c.Subs[i]
			for j, a := range s.Args {
				if a.Kind == grammar.Choice && slicesAny(a.Choices, isOnOff) {
					name := a.Name
					check(c, s, j, "", a.Choices, func(p *grammar.Parsed) (bool, bool) { return p.Text(name) == "on", p.Has(name) })
				}
			}
			for _, o := range s.Options {
				key := o.Key.EN
				switch {
				case o.Kind == grammar.Flag:
					check(c, s, -1, key, nil, func(p *grammar.Parsed) (bool, bool) { return p.Flag(key) })
				case o.Kind == grammar.Choice && slicesAny(o.Choices, isOnOff):
					check(c, s, -1, key, o.Choices, func(p *grammar.Parsed) (bool, bool) { return p.Text(key) == "on", p.Has(key) })
				}
			}
		}
	}
	// /team approval, /werkplek quiet, /news post and edit's comments: and
	// important:, /room's series: and sure: at least.
	t.Logf("%d on/off places", found)
	if found < 7 {
		t.Errorf("found %d on/off places, want at least 7", found)
	}
}

func hasWord(ws []grammar.Word, en string) bool {
	for _, w := range ws {
		if w.EN == en {
			return true
		}
	}
	return false
}

func slicesAny(ws []grammar.Word, f func(grammar.Word) bool) bool {
	for _, w := range ws {
		if f(w) {
			return true
		}
	}
	return false
}
