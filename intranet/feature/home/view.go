package home

import (
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// homeView is the caller's home: the units' sections, or that nothing
// waits; and where the web has it too.
func homeView(c *feature.Call, sections []intranet.Section, web string) intranet.Reply {
	if c.Req.Platform == intranet.PlatformWeb {
		web = "" // the web itself need not say where the web is
	}
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Start", "Home"), Sections: sections}
	if len(sections) == 0 {
		reply.Text = c.T("Er wacht niets op je: geen nieuws om te lezen, geen boekingen, overdrachten of vragen. Typ `/werkplek help` voor alles wat Werkplek kan.",
			"Nothing is waiting for you: no news to read, no bookings, handovers or questions. Type `/werkplek help` for all Werkplek can do.")
	}
	if web != "" {
		reply.Context = append(reply.Context, c.T("Op het web: %s", "On the web: %s", web))
	}
	return reply
}

// notSetUpView says that there is no web front door yet.
func notSetUpView(c *feature.Call) intranet.Reply {
	return c.Reply(c.T("Werkplek op het web is hier nog niet ingericht: de beheerder moet `WERKPLEK_PUBLIC_URL` instellen, het adres van Werkplek.",
		"Werkplek on the web is not set up here yet: the admin has to set `WERKPLEK_PUBLIC_URL`, Werkplek's address."))
}

// signInSentView tells the caller where their link went.
func signInSentView(c *feature.Call) intranet.Reply {
	return c.Reply(c.T("Ik heb je een inloglink gestuurd in een privébericht. Hij werkt één keer, 10 minuten lang.",
		"I sent you a sign-in link by direct message. It works once, for 10 minutes."))
}

// signInDM is the direct message with the link, in lang.
func signInDM(lang, link string) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "Je inloglink voor Werkplek op het web. Hij werkt één keer, 10 minuten lang. Geef hem aan niemand door.",
		"Your sign-in link for Werkplek on the web. It works once, for 10 minutes. Don't pass it on.") + "\n" + link}
}

// usageView shows the totals as charts and says the same in words.
func usageView(c *feature.Call, t totals) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Gebruik van Werkplek", "Use of Werkplek")}
	var b strings.Builder
	if t.all == 0 {
		b.WriteString(c.T("De laatste 30 dagen is Werkplek niet gebruikt (geteld tot een minuut geleden).",
			"Werkplek was not used in the last 30 days (counted up to a minute ago)."))
	} else {
		b.WriteString(c.T("Werkplek is de laatste 30 dagen %s gebruikt (geteld tot een minuut geleden).",
			"Werkplek was used %s in the last 30 days (counted up to a minute ago).", c.N(t.all, "keer", "keer", "time", "times")))
		b.WriteString("\n*" + c.T("Per functie", "Per feature") + "*")
		for _, f := range t.features {
			b.WriteString("\n- `/" + f.name + "`: " + c.N(f.n, "keer", "keer", "time", "times"))
		}
		b.WriteString("\n*" + c.T("Per platform", "Per platform") + "*")
		for _, p := range t.platforms {
			b.WriteString("\n- " + p.name + ": " + c.N(p.n, "keer", "keer", "time", "times"))
		}
	}
	reply.Text = b.String()
	reply.Charts = []intranet.Chart{
		chart(c.T("Gebruik per functie (30 dagen)", "Use per feature (30 days)"), t.features, func(x total) string { return "/" + x.name }),
		chart(c.T("Gebruik per platform (30 dagen)", "Use per platform (30 days)"), t.platforms, func(x total) string { return x.name }),
		chart(c.T("Gebruik per dag", "Use per day"), t.days, func(x total) string { return x.day.Format("02-01") }),
	}
	return reply
}

func chart(title string, ts []total, label func(total) string) intranet.Chart {
	ch := intranet.Chart{Title: title, Points: make([]intranet.Point, 0, len(ts))}
	for _, x := range ts {
		ch.Points = append(ch.Points, intranet.Point{Label: label(x), Value: float64(x.n)})
	}
	return ch
}
