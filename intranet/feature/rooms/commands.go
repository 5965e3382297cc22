package rooms

import g "github.com/werkplek/werkplek/intranet/grammar"

// The words of rooms' options and arguments, shared by several forms.
var (
	roomArg    = g.Arg{Name: "room", Kind: g.Room}
	slotArg    = g.Arg{Name: "slot", Kind: g.Slot}
	idArg      = g.Arg{Name: "id", Kind: g.ID}
	peopleWord = g.W("people", "personen", "persoon", "pers", "mensen", "p", "persons", "person")

	nameOpt       = g.Option{Key: g.W("name", "naam"), Kind: g.Name}
	capacityOpt   = g.Option{Key: g.W("capacity", "capaciteit", "cap", "size", "grootte", "people", "personen"), Kind: g.Number}
	locationOpt   = g.Option{Key: g.W("location", "locatie", "place", "plaats"), Kind: g.Text, Placeholder: "<place>", PlaceholderNL: "<plaats>"}
	facilitiesOpt = g.Option{Key: g.W("facilities", "facility", "faciliteiten", "voorzieningen", "voorziening"), Kind: g.Text, Placeholder: "<a;b>", PlaceholderNL: "<a;b>"}
	hoursOpt      = g.Option{Key: g.W("hours", "open", "uren", "openingstijden"), Kind: g.TimeRange}
	seriesFlag    = g.Option{Key: g.W("series", "reeks", "serie"), Kind: g.Flag}
	sureFlag      = g.Option{Key: g.W("sure", "zeker"), Kind: g.Flag}
	partnersOpt   = g.Option{Key: g.W("partners", "partner", "bezoekers"), Kind: g.Choice, Choices: g.OnOff()}
	hostOpt       = g.Option{Key: g.W("host", "gastheer", "gastvrouw", "contactpersoon", "contact"), Kind: g.Person}
	roomOptions   = []g.Option{nameOpt, capacityOpt, locationOpt, facilitiesOpt, hoursOpt, partnersOpt}
)

// Command is /room, declared once for the parser, help and manifests.
var Command = &g.Command{
	Word:  g.W("room", "zaal", "ruimte"),
	Title: "Meeting rooms", TitleNL: "Vergaderruimtes",
	Summary: "Find a free meeting room and book it", SummaryNL: "Zoek een vrije vergaderruimte en boek hem",
	Teams: []string{"personal", "team", "groupChat"},
	Notes: "Facilities, in either language: `screen` (`scherm`, `tv`), `video` (`videobellen`, `camera`), `whiteboard` (`whitebord`, `bord`), `beamer` (`projector`), `flipchart` (`flip-over`), `phone` (`telefoon`); others as typed. " +
		"A series is checked whole before anything is booked: one clash books nothing and names the clashing dates, with a button for the rest. " +
		"Partners see and book only visitor rooms (`partners:on`), one time at a time, with their contact as host (`host:`), who is told.",
	NotesNL: "Voorzieningen, in beide talen: `scherm` (`screen`, `tv`), `video` (`videobellen`, `camera`), `whiteboard` (`whitebord`, `bord`), `beamer` (`projector`), `flip-over` (`flipchart`), `telefoon` (`phone`); andere zoals getypt. " +
		"Een reeks wordt eerst helemaal bekeken: botst er één keer, dan wordt niets geboekt en noem ik de data, met een knop voor de rest. " +
		"Partners zien en boeken alleen bezoekersruimtes (`partners:aan`), één keer tegelijk, met hun contactpersoon als gastheer of gastvrouw (`host:`); die krijgt bericht.",
	Subs: []g.Sub{
		{
			Args:     []g.Arg{{Name: "date", Kind: g.Date, Optional: true}},
			Doc:      "every room today (or that day): busy with whom, and free",
			Partners: true,
			DocNL:    "alle ruimtes van vandaag (of die dag): bezet door wie, en vrij",
		},
		{
			Path: []g.Word{g.W("day", "dag")}, Partners: true,
			Args:    []g.Arg{{Name: "date", Kind: g.Date, Optional: true}},
			Options: []g.Option{locationOpt},
			Doc:     "each room's day (of one location): when it is busy, and a button for each free hour still to come that books it",
			DocNL:   "de dag van elke ruimte (van één locatie): wanneer hij bezet is, en een knop voor elk vrij uur dat nog komt die het boekt",
			Example: "/room day tomorrow location:Utrecht", ExampleNL: "/room dag morgen locatie:Utrecht",
		},
		{
			Path: []g.Word{g.W("free", "vrij")}, Partners: true,
			Args: []g.Arg{slotArg, {Name: "people", Kind: g.Count, Optional: true, Word: peopleWord},
				{Name: "facility", Kind: g.Name, Optional: true, Placeholder: "<facility>", PlaceholderNL: "<voorziening>"}},
			Doc:     "the rooms free for that whole slot, big enough, with that facility",
			DocNL:   "de ruimtes die dat hele tijdvak vrij zijn, groot genoeg, met die voorziening",
			Example: "/room free tomorrow 14-15 6 people screen", ExampleNL: "/room free morgen 14-15 6 personen scherm",
		},
		{
			Path: []g.Word{g.W("book", "boek", "reserveer")}, Partners: true,
			Args: []g.Arg{roomArg, slotArg, {Name: "title", Kind: g.Text, Optional: true, Placeholder: "<title>", PlaceholderNL: "<titel>"},
				{Name: "repeat", Kind: g.Repeat, Optional: true}},
			Options: []g.Option{{Key: g.W("skip", "overslaan"), Kind: g.Dates}, hostOpt},
			Form:    true,
			Doc:     "book a room, also every day, every week, every 2 weeks or on weekdays until a date (at most 366 times); `skip:` leaves dates out; alone it opens a form; partners: `host:` names which of their contacts hosts them",
			DocNL:   "boek een ruimte, ook elke dag, elke week, elke 2 weken of werkdagen tot een datum (hoogstens 366 keer); `skip:` slaat data over; zonder meer opent een formulier; partners: `host:` zegt wie van hun contactpersonen hen ontvangt",
			Example: `/room book {room} tomorrow 14-15 Team meeting`, ExampleNL: `/room book {room} morgen 14-15 Teamoverleg elke week tot 28-12`,
		},
		{
			Path: []g.Word{g.W("mine", "mijn")}, Partners: true, Args: []g.Arg{{Name: "page", Kind: g.Number, Optional: true, Placeholder: "<page>", PlaceholderNL: "<pagina>"}},
			Options: []g.Option{{Key: g.W("series", "reeks", "serie"), Kind: g.ID}},
			Doc:     "your coming bookings (and partners' bookings you host), a series on one line, 25 a page (the next page: `/room mine 2`); `series:<number>` shows each time of one series, each with a Cancel button",
			DocNL:   "je komende boekingen (en die van partners die jij ontvangt), een reeks op één regel, 25 per pagina (de volgende: `/room mine 2`); `series:<nummer>` toont elke keer van één reeks, elk met een knop Annuleren",
		},
		{
			Path: []g.Word{g.W("cancel", "annuleer", "annuleren")}, Args: []g.Arg{idArg}, Partners: true,
			Options: []g.Option{seriesFlag, sureFlag},
			Doc:     "cancel a booking (room admins: anyone's, a host: the partner's they host; the owner is told); `series`: this time and every later one of its series, after one question (`sure` answers it)",
			DocNL:   "annuleer een boeking (ruimtebeheerders: die van iedereen, een gastheer of gastvrouw: die van de partner die hij of zij ontvangt; de eigenaar krijgt bericht); `series`: deze keer en elke latere van de reeks, na één vraag (`sure` beantwoordt die)",
			Example: "/room cancel 12", ExampleNL: "/room cancel 12 reeks",
		},
		{
			Path: []g.Word{g.W("release", "vrijgeven")}, Args: []g.Arg{idArg}, Partners: true,
			Doc: "give a booking's room back, so someone else can book it (the reminder's button)", DocNL: "geef de ruimte van een boeking vrij, zodat een ander hem kan boeken (de knop van de herinnering)",
		},
		{
			Path: []g.Word{g.W("feed", "agenda")}, Args: []g.Arg{{Name: "room", Kind: g.Room, Optional: true}},
			Doc: "the address of your calendar (or a room's) for Outlook or Google Calendar", DocNL: "het adres van je agenda (of die van een ruimte) voor Outlook of Google Agenda",
		},
		{
			Path: []g.Word{g.W("admin", "beheer")},
			Doc:  "room admins: every room", DocNL: "ruimtebeheerders: alle ruimtes",
		},
		{
			Path: []g.Word{g.W("admin", "beheer"), g.W("list", "lijst")},
			Doc:  "the same", DocNL: "hetzelfde",
		},
		{
			Path: []g.Word{g.W("admin", "beheer"), g.W("add", "toevoegen", "nieuw")}, Audit: true, Args: []g.Arg{{Name: "name", Kind: g.Name}},
			Options:   []g.Option{capacityOpt, locationOpt, facilitiesOpt, hoursOpt, partnersOpt},
			Doc:       "add a room (open 07:00-19:00 unless `hours:` says otherwise); `partners:on` makes it a visitor room, which partners may book too; values with spaces in quotes",
			DocNL:     "voeg een ruimte toe (open 07:00-19:00 tenzij `hours:` anders zegt); `partners:aan` maakt er een bezoekersruimte van, die partners ook mogen boeken; waarden met spaties tussen aanhalingstekens",
			Example:   `/room admin add "New room" capacity:20 location:"Utrecht, 2nd floor" facilities:screen;video hours:07:00-22:00`,
			ExampleNL: `/room admin add "Nieuwe zaal" capacity:20 location:"Utrecht, 2e verdieping" facilities:screen;video hours:07:00-22:00`,
		},
		{
			Path: []g.Word{g.W("admin", "beheer"), g.W("change", "wijzig", "edit")}, Audit: true, Args: []g.Arg{roomArg},
			Options: roomOptions,
			Doc:     "change a room; `name:` renames it, `partners:on|off` opens it to partners or closes it", DocNL: "wijzig een ruimte; `name:` geeft hem een nieuwe naam, `partners:aan|uit` stelt hem open voor partners of niet",
			Example: `/room admin change {room} capacity:24`,
		},
		{
			Path: []g.Word{g.W("admin", "beheer"), g.W("retire", "opheffen", "ophef")}, Audit: true, Args: []g.Arg{roomArg},
			Doc:   "retire a room: its history stays, its coming bookings are cancelled and their owners told",
			DocNL: "hef een ruimte op: de geschiedenis blijft, komende boekingen vervallen en de eigenaren krijgen bericht",
		},
		{
			Path: []g.Word{g.W("confirm", "bevestig")}, Args: []g.Arg{idArg}, Confirm: true, Partners: true,
			Doc:   "do what a button of mine offered (the buttons of a long series)",
			DocNL: "doe wat een knop van mij aanbood (de knoppen van een lange reeks)",
		},
	},
}
