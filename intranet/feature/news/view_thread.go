package news

import (
	"strconv"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// The answers to a reply in a news message's thread; each goes to its
// writer alone.

func threadNotForGuests(c *feature.Call) string {
	if c.Person == nil {
		return c.T("Je reactie is niet opgeslagen: je account is nog niet gekoppeld aan iemand in het telefoonboek van Werkplek. Vraag de beheerder van Werkplek om je toe te voegen.",
			"Your reply was not saved: your account is not linked to anyone in Werkplek's phonebook yet. Ask your Werkplek admin to add you.")
	}
	return c.T("Je reactie is niet opgeslagen: als gast kun je niet op nieuws reageren.",
		"Your reply was not saved: as a guest you cannot comment on news.")
}

// threadDigestHint answers a reply under a digest: which item? It names
// the digest's items.
func threadDigestHint(c *feature.Call, items []int64) string {
	ids := make([]string, len(items))
	for i, id := range items {
		ids[i] = strconv.FormatInt(id, 10)
	}
	return c.T("Dit overzicht heeft meerdere berichten, dus je reactie is niet opgeslagen. Reageer op één bericht met `/news comment <nummer> <tekst>`, bijvoorbeeld `/news comment %d …`. Berichten in dit overzicht: %s.",
		"This digest has several items, so your reply was not saved. Comment on one item with `/news comment <number> <text>`, e.g. `/news comment %d …`. Items in this digest: %s.",
		items[0], strings.Join(ids, ", "))
}

// threadOutsideAudience answers a reply under a department's item by
// someone outside that department.
func threadOutsideAudience(c *feature.Call, n *intranet.NewsItem) string {
	return c.T("Je reactie is niet opgeslagen: bericht %d is voor %s, en alleen wie daar werkt of nieuws beheert kan erop reageren.",
		"Your reply was not saved: item %d is for %s, and only those who work there or manage news can comment on it.", n.ID, n.Department)
}
